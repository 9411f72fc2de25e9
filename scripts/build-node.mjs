// Bundles the Node-side entry points with esbuild: our TypeScript (core, electron/*) is bundled in,
// npm packages stay external and load from node_modules at run time (native better-sqlite3 must).
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entries = [
  ['electron/main/main.ts', 'dist/electron/main.cjs'],
  ['electron/preload/preload.ts', 'dist/electron/preload.cjs'],
  ['electron/backend/worker.ts', 'dist/electron/backend-worker.cjs'],
  ['electron/web/main.ts', 'dist/web/server.cjs'],
];

await Promise.all(
  entries.map(([entry, out]) =>
    build({
      entryPoints: [path.join(root, entry)],
      outfile: path.join(root, out),
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      sourcemap: true,
      packages: 'external',
      logLevel: 'warning',
    }),
  ),
);
console.log(`built ${entries.map(([, out]) => out).join(', ')}`);

// npm run build:node — bundles the Node-side entry points with esbuild.
// Our TypeScript (core/, electron/*) is bundled in, so nothing loads .ts at run time; npm packages
// stay external and load from node_modules (better-sqlite3 is native and must).
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** [entry, output]. The web host's CLI is electron/web/main.ts: it starts startWebHost (server.ts) and prints the URL. */
const ENTRIES = [
  ['electron/main/main.ts', 'dist/electron/main.cjs'],
  ['electron/preload/preload.ts', 'dist/electron/preload.cjs'],
  ['electron/backend/worker.ts', 'dist/electron/backend-worker.cjs'],
  ['electron/web/main.ts', 'dist/web/server.cjs'],
];

/**
 * `packages: 'external'` keeps every bare import external. Our own code is imported by relative
 * path, so it is bundled — unless someone imports it by a bare or absolute path; catch that here
 * rather than at run time on a user's machine.
 */
function runtimeSourceImports(metafile) {
  const bad = [];
  for (const [output, info] of Object.entries(metafile.outputs)) {
    for (const imp of info.imports) {
      if (imp.external && (/\.(c|m)?tsx?$/.test(imp.path) || imp.path.startsWith('.') || path.isAbsolute(imp.path))) {
        bad.push(`${path.relative(root, output)} requires "${imp.path}" at run time`);
      }
    }
  }
  return bad;
}

async function buildEntry(entry, out) {
  const result = await build({
    entryPoints: [path.join(root, entry)],
    outfile: path.join(root, out),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    packages: 'external',
    metafile: true,
    logLevel: 'warning',
  });
  return runtimeSourceImports(result.metafile);
}

const present = ENTRIES.filter(([entry]) => {
  if (fs.existsSync(path.join(root, entry))) return true;
  console.warn(`build-node: warning: ${entry} does not exist yet; skipping it.`);
  return false;
});

let problems = [];
try {
  problems = (await Promise.all(present.map(([entry, out]) => buildEntry(entry, out)))).flat();
} catch {
  // esbuild has already printed the errors with file and line.
  console.error('build-node: the bundle failed (see the errors above).');
  process.exit(1);
}
if (problems.length > 0) {
  console.error(`build-node: bundles must not load sources at run time:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`build-node: built ${present.map(([, out]) => out).join(', ')}`);

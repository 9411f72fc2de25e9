// The Node-side bundles: built by build-node.mjs, and read by package-size.mjs to learn which npm
// packages the shipped bundles require at run time.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * [entry, output]. The web host's CLI is electron/web/main.ts: it starts startWebHost (server.ts) and prints the URL.
 * The Word-import worker thread is built next to each host's bundle, where the backend looks for
 * it (electron/backend/backend.ts: `docxReader.workerFile`); in the Electron app it stays inside
 * app.asar (worker threads read from it since Electron 18).
 */
export const DOCX_WORKER_ENTRY = 'electron/backend/import/docx-worker.ts';
export const ENTRIES = [
  ['electron/main/main.ts', 'dist/electron/main.cjs'],
  ['electron/preload/preload.ts', 'dist/electron/preload.cjs'],
  ['electron/backend/worker.ts', 'dist/electron/backend-worker.cjs'],
  [DOCX_WORKER_ENTRY, 'dist/electron/docx-import-worker.cjs'],
  ['electron/web/main.ts', 'dist/web/server.cjs'],
  [DOCX_WORKER_ENTRY, 'dist/web/docx-import-worker.cjs'],
];

/**
 * esbuild options of one bundle. Our TypeScript is bundled in; npm packages stay external and load
 * from node_modules at run time (better-sqlite3 is native and must), so electron-builder has to
 * ship every package these bundles require.
 */
export function bundleOptions(entry, out) {
  return {
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
  };
}

import { build } from 'esbuild';
import path from 'node:path';
import { bundleOptions, DOCX_WORKER_ENTRY } from '../../scripts/node-bundles.mjs';

/**
 * The Word-import worker thread, built from source the way `npm run build` builds it (same
 * esbuild options), for tests that run the backend from TypeScript: a worker thread loads plain
 * JavaScript. test/global-setup.ts builds it once per vitest run; startBackend passes it.
 */
const OUT = '.cache/test-workers/docx-import-worker.cjs';
export const TEST_DOCX_WORKER = path.join(__dirname, '..', '..', OUT);

export async function buildDocxWorker(): Promise<string> {
  await build({ ...bundleOptions(DOCX_WORKER_ENTRY, OUT), sourcemap: 'inline' });
  return TEST_DOCX_WORKER;
}

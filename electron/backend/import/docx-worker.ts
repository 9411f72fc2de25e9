import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
// The worker requires mammoth by its resolved path, which esbuild cannot see: this import names it
// in the bundle, so scripts/package-size.mjs (and electron-builder) count it as needed at run time.
import 'mammoth';

/**
 * Runs mammoth's Word → HTML conversion in a worker thread with a heap limit and a time limit, so
 * a document that is slow or huge to parse never holds up the backend's other calls, and one that
 * needs too much is stopped instead of taking the process down. The worker loads mammoth by its
 * resolved path (the same module in tests, the browser host's bundle and the Electron backend).
 */

export const DOCX_WORKER_LIMITS = { timeoutMs: 20_000, heapMb: 256 } as const;

export type ConversionOutcome = { ok: true; html: string } | { ok: false; reason: 'timeout' | 'memory' } | { ok: false; reason: 'failed'; detail: string };

// Title-styled paragraphs name the template; Word's Subtitle is an ordinary paragraph.
const STYLE_MAP = ["p[style-name='Title'] => h1.doc-title:fresh", "p[style-name='Subtitle'] => p:fresh"];

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const mammoth = require(workerData.mammothPath);
mammoth
  .convertToHtml(
    { buffer: Buffer.from(workerData.bytes) },
    // Images are dropped (and reported) by the conversion: never decode their bytes here.
    { styleMap: workerData.styleMap, convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })), externalFileAccess: false },
  )
  .then(
    (result) => parentPort.postMessage({ html: result.value }),
    (error) => parentPort.postMessage({ error: String((error && error.message) || error).slice(0, 200) }),
  );
`;

/** Converts in a worker; `limits` are for tests, which shrink them. */
export function convertDocxInWorker(bytes: Uint8Array, limits: { timeoutMs: number; heapMb: number } = DOCX_WORKER_LIMITS): Promise<ConversionOutcome> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (outcome: ConversionOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(outcome);
    };
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { bytes, styleMap: STYLE_MAP, mammothPath: createRequire(__filename).resolve('mammoth') },
      resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: Math.min(32, limits.heapMb), codeRangeSizeMb: 16 },
    });
    const timer = setTimeout(() => settle({ ok: false, reason: 'timeout' }), limits.timeoutMs);
    worker.once('message', (m: { html: string } | { error: string }) => settle('html' in m ? { ok: true, html: m.html } : { ok: false, reason: 'failed', detail: m.error }));
    worker.once('error', (error: Error & { code?: string }) =>
      settle(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { ok: false, reason: 'memory' } : { ok: false, reason: 'failed', detail: error.message.slice(0, 200) }),
    );
    worker.once('exit', (code) => settle({ ok: false, reason: 'failed', detail: `the reader stopped (exit ${code})` }));
  });
}

import { Worker } from 'node:worker_threads';
import { msg, type ApiMessage } from '../../../core/api/message';
import { ApiFailure, type ErrorCode } from '../../../core/api/result';
import type { ZipLimits } from '../archive/limits';
import { DOCX_ZIP_LIMITS } from '../archive/limits';
import { checkDocxPackage, type DocxTemplateDraft } from './docx-template';

/**
 * Reads a Word document into a template draft in a worker thread, so the backend keeps answering
 * other calls while mammoth parses, and with limits so one document cannot take the process down:
 * the zip limits (checked here first, from the central directory alone, so an obvious bomb never
 * starts a worker; then again while the worker inflates), a heap limit (V8 stops the worker when
 * its heap passes it) and a time limit (the worker is terminated). Each ends in a keyed error
 * that names the limit; nothing is stored.
 */

export type DocxReadInput = { name: string; bytes: Uint8Array; scenarios: string[]; variables: string[]; limits: ZipLimits };
export type DocxReadOutput = { ok: true; draft: DocxTemplateDraft } | { ok: false; code: ErrorCode; detail: ApiMessage };
/** What the worker posts: that its code is loaded, then its one answer. */
export type DocxWorkerMessage = { ready: true } | DocxReadOutput;

export type DocxReaderOptions = {
  /** The built worker entry (docx-worker.ts bundled as docx-import-worker.cjs). */
  workerFile: string;
  /** Terminate the worker after this long. */
  timeLimitMs: number;
  /** V8 heap (old generation) of the worker. Buffers (the inflated parts) are counted by the zip limits instead. */
  maxHeapMb: number;
  limits: ZipLimits;
};

/** The bundle's file name, next to the host's own bundle (scripts/node-bundles.mjs). */
export const DOCX_WORKER_BUNDLE = 'docx-import-worker.cjs';

/**
 * 30 s: a 20 MB document with thousands of table rows reads in a few seconds on a slow laptop.
 * 512 MB: mammoth's tree of a 50 MB document.xml stays within it; a bomb's does not.
 */
export const DOCX_READER_DEFAULTS: Omit<DocxReaderOptions, 'workerFile'> = { timeLimitMs: 30_000, maxHeapMb: 512, limits: DOCX_ZIP_LIMITS };

/** Node's code for a worker stopped at its heap limit. */
const OUT_OF_MEMORY = 'ERR_WORKER_OUT_OF_MEMORY';

/**
 * How long a worker may take to load its code before its document's time limit starts; a worker
 * stuck there is stopped all the same.
 */
const START_LIMIT_MS = 60_000;

/**
 * One document is read at a time: each worker may take its heap limit, so imports sent together
 * (by a user or a misbehaving renderer) wait in turn instead of multiplying it. A document's time
 * limit starts when its worker says its code is loaded: a worker stopped while Node 20 loads its
 * ES modules (lexical, through require) takes the whole process down with a V8 fatal error.
 */
let turn: Promise<unknown> = Promise.resolve();

export function readDocxInWorker(input: Omit<DocxReadInput, 'limits'>, options: DocxReaderOptions): Promise<DocxTemplateDraft> {
  // Refused here, before a thread starts or a byte is inflated.
  checkDocxPackage(input.name, input.bytes, options.limits);
  const data: DocxReadInput = { ...input, limits: options.limits };
  const read = turn.then(() => readInOwnWorker(data, options));
  turn = read.catch(() => undefined);
  return read;
}

function readInOwnWorker(input: DocxReadInput, options: DocxReaderOptions): Promise<DocxTemplateDraft> {
  return new Promise<DocxTemplateDraft>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
    };
    const worker = new Worker(options.workerFile, {
      workerData: input,
      resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb, maxYoungGenerationSizeMb: Math.max(8, Math.round(options.maxHeapMb / 16)) },
    });
    const timeUp = (): void => {
      settle(() => reject(new ApiFailure('too_large', msg('error.readTimedOut', { name: input.name, seconds: Math.round(options.timeLimitMs / 100) / 10 }))));
      void worker.terminate();
    };
    let timer = setTimeout(timeUp, Math.max(START_LIMIT_MS, options.timeLimitMs));
    worker.on('message', (message: DocxWorkerMessage) => {
      if ('ready' in message) {
        clearTimeout(timer);
        timer = setTimeout(timeUp, options.timeLimitMs);
        return;
      }
      settle(() => (message.ok ? resolve(message.draft) : reject(new ApiFailure(message.code, message.detail))));
      void worker.terminate();
    });
    worker.once('error', (error: Error & { code?: string }) => {
      settle(() =>
        reject(
          error.code === OUT_OF_MEMORY
            ? new ApiFailure('too_large', msg('error.readOutOfMemory', { name: input.name, mb: options.maxHeapMb }))
            : error,
        ),
      );
    });
    worker.once('exit', (code) => settle(() => reject(new Error(`the Word import worker ended (exit code ${code}) without an answer`))));
  });
}

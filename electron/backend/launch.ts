import { fail, type ApiResult } from '../../core/api/result';
import type { BlobFile } from '../../core/api/blobs';
import { createBackend, type Backend, type BackendOptions } from './backend';

/**
 * The backend as both hosts run it (the Electron utility process and the browser host). Calls
 * made while it starts wait for it. When start-up fails — a database written by a newer version,
 * a damaged file — every call, waiting or new, is answered at once with `unavailable` carrying the
 * reason, so the UI can say what is wrong instead of waiting forever.
 */
export type LaunchedBackend = {
  /** Validates and runs one untrusted call; never throws. */
  call(method: unknown, args: unknown): Promise<ApiResult<unknown>>;
  /** A stored attachment for the blob URLs; null when there is none or the backend did not start. */
  readBlob(sha256: string): Promise<BlobFile | null>;
  /** Settles when start-up has finished: null once the backend runs, otherwise why it could not start. */
  started: Promise<string | null>;
  /** Closes the database (as soon as start-up ends, when it is still running). */
  close(): void;
};

type Outcome = { backend: Backend } | { failure: string };

export function launchBackend(options: BackendOptions): LaunchedBackend {
  const log = options.log ?? ((message: string, error?: unknown) => console.error(`[backend] ${message}`, error ?? ''));
  const outcome: Promise<Outcome> = createBackend(options).then(
    (backend) => ({ backend }),
    (error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      log('start-up failed; every call will answer "unavailable"', error);
      return { failure: `Fieldbench could not open its data: ${reason}` };
    },
  );
  let closed = false;
  let settled: Outcome | null = null;
  void outcome.then((ready) => {
    settled = ready;
    if (closed && 'backend' in ready) ready.backend.close();
  });
  return {
    async call(method, args) {
      const ready = await outcome;
      if ('failure' in ready) return fail('unavailable', ready.failure);
      if (closed) return fail('unavailable', 'Fieldbench is shutting down.');
      return ready.backend.call(method, args);
    },
    async readBlob(sha256) {
      const ready = await outcome;
      return 'backend' in ready && !closed ? ready.backend.readBlob(sha256) : null;
    },
    started: outcome.then((ready) => ('failure' in ready ? ready.failure : null)),
    close() {
      if (closed) return;
      closed = true;
      if (settled !== null && 'backend' in settled) settled.backend.close();
    },
  };
}

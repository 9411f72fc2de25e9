import { formatApiMessage, msg, type ApiMessage } from '../../core/api/message';
import { MigrationError } from './db/migrate';
import { failed, type ApiResult } from '../../core/api/result';
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
  /** Settles when start-up has finished: null once the backend runs, otherwise why it could not start (in English, for logs). */
  started: Promise<string | null>;
  /** Closes the database (as soon as start-up ends, when it is still running). */
  close(): void;
};

type Outcome = { backend: Backend } | { failure: ApiMessage };

export function launchBackend(options: BackendOptions): LaunchedBackend {
  const log = options.log ?? ((message: string, error?: unknown) => console.error(`[backend] ${message}`, error ?? ''));
  const outcome: Promise<Outcome> = createBackend(options).then(
    (backend) => ({ backend }),
    (error: unknown) => {
      log('start-up failed; every call will answer "unavailable"', error);
      const reason: ApiMessage | string = error instanceof MigrationError ? error.detail : error instanceof Error ? error.message : String(error);
      return { failure: msg('error.cannotOpenData', { reason }) };
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
      if ('failure' in ready) return failed('unavailable', ready.failure);
      if (closed) return failed('unavailable', msg('error.shuttingDown'));
      return ready.backend.call(method, args);
    },
    async readBlob(sha256) {
      const ready = await outcome;
      return 'backend' in ready && !closed ? ready.backend.readBlob(sha256) : null;
    },
    started: outcome.then((ready) => ('failure' in ready ? formatApiMessage(ready.failure, 'en') : null)),
    close() {
      if (closed) return;
      closed = true;
      if (settled !== null && 'backend' in settled) settled.backend.close();
    },
  };
}

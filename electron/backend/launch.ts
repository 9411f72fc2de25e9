import { formatApiMessage, msg, type ApiMessage } from '../../core/api/message';
import { MigrationError } from './db/migrate';
import { ApiFailure, failed, type ApiResult } from '../../core/api/result';
import type { BlobFile } from '../../core/api/blobs';
import { createBackend, type Backend, type BackendOptions } from './backend';
import { environmentFailure } from './environment-errors';

/**
 * The backend as both hosts run it (the Electron utility process and the browser host). Calls
 * made while it starts wait for it. When start-up fails — a database written by a newer version,
 * a damaged file, a data folder that is read-only, full or not ours to write — every call, waiting or new, is answered at once with `unavailable` carrying the
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

/**
 * Why start-up failed, as the user reads it: what a check found (a newer database, a read-only
 * folder, …) or what the machine did (a full disk, a damaged file), else the error's own text.
 */
function startupReason(error: unknown, dataDir: string): ApiMessage | string {
  if (error instanceof MigrationError || error instanceof ApiFailure) return error.detail;
  const environment = environmentFailure(error, dataDir);
  if (environment !== null) return environment.detail;
  return error instanceof Error ? error.message : String(error);
}

export function launchBackend(options: BackendOptions): LaunchedBackend {
  const log = options.log ?? ((message: string, error?: unknown) => console.error(`[backend] ${message}`, error ?? ''));
  const outcome: Promise<Outcome> = createBackend(options).then(
    (backend) => ({ backend }),
    (error: unknown) => {
      log('start-up failed; every call will answer "unavailable"', error);
      return { failure: msg('error.cannotOpenData', { reason: startupReason(error, options.dataDir) }) };
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

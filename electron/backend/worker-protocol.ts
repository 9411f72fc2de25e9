import type { ApiResult } from '../../core/api/result';
import type { EventName, Events } from '../../core/api/contract';

/** Messages between Electron main and the backend utility process. */

export type WorkerInit = {
  type: 'init';
  dataDir: string;
  contentDir: string;
  appVersion: string;
  nativeBinding: string | undefined;
};

export type WorkerRequest = { type: 'call'; id: number; method: unknown; args: unknown };

/** Main's answer to a `print-pdf` request from the backend. */
export type PrintPdfResult = { type: 'print-pdf-result'; id: number } & ({ ok: true; dataBase64: string } | { ok: false; message: string });

export type ToWorker = WorkerInit | WorkerRequest | PrintPdfResult;

export type FromWorker =
  | { type: 'ready' }
  | { type: 'fatal'; message: string }
  | { type: 'result'; id: number; result: ApiResult<unknown> }
  /** The backend asks main to render an app route to PDF (see electron/backend/platform.ts). */
  | { type: 'print-pdf'; id: number; route: string }
  | { [E in EventName]: { type: 'event'; event: E; payload: Events[E] } }[EventName];

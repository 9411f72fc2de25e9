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

export type ToWorker = WorkerInit | WorkerRequest;

export type FromWorker =
  | { type: 'ready' }
  | { type: 'fatal'; message: string }
  | { type: 'result'; id: number; result: ApiResult<unknown> }
  | { [E in EventName]: { type: 'event'; event: E; payload: Events[E] } }[EventName];

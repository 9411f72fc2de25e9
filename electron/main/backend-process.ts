import { utilityProcess, type UtilityProcess } from 'electron';
import { msg } from '../../core/api/message';
import { failed, type ApiResult } from '../../core/api/result';
import type { FromWorker, ToWorker, WorkerInit } from '../backend/worker-protocol';

type Pending = { resolve: (result: ApiResult<unknown>) => void };

export type BackendProcess = {
  call(method: unknown, args: unknown): Promise<ApiResult<unknown>>;
  stop(): void;
};

/**
 * Runs the backend in a utilityProcess and relays calls to it. If the process dies, pending calls
 * fail with 'unavailable' (nothing is retried behind the user's back) and a new process is
 * started for the next calls; SQLite's WAL and FULL sync mean acknowledged writes survive.
 */
export function startBackendProcess(
  workerPath: string,
  init: Omit<WorkerInit, 'type'>,
  onEvent: (message: Extract<FromWorker, { type: 'event' }>) => void,
  onFatal: (message: string) => void,
  printPdf: (route: string) => Promise<Buffer>,
): BackendProcess {
  let child: UtilityProcess | null = null;
  let nextId = 1;
  let stopping = false;
  const pending = new Map<number, Pending>();

  function spawn(): UtilityProcess {
    const proc = utilityProcess.fork(workerPath, [], { serviceName: 'Fieldbench backend', stdio: 'inherit' });
    proc.on('message', (message: FromWorker) => {
      if (message.type === 'result') {
        pending.get(message.id)?.resolve(message.result);
        pending.delete(message.id);
      } else if (message.type === 'event') {
        onEvent(message);
      } else if (message.type === 'fatal') {
        onFatal(message.message);
      } else if (message.type === 'print-pdf') {
        const { id } = message;
        printPdf(message.route).then(
          (bytes) => proc.postMessage({ type: 'print-pdf-result', id, ok: true, dataBase64: bytes.toString('base64') } satisfies ToWorker),
          (error: unknown) =>
            proc.postMessage({ type: 'print-pdf-result', id, ok: false, message: error instanceof Error ? error.message : String(error) } satisfies ToWorker),
        );
      }
    });
    proc.on('exit', () => {
      for (const p of pending.values()) p.resolve(failed('unavailable', msg('error.backendStopped')));
      pending.clear();
      if (child === proc) child = null;
    });
    proc.postMessage({ type: 'init', ...init } satisfies ToWorker);
    return proc;
  }

  return {
    call(method, args) {
      if (stopping) return Promise.resolve(failed('unavailable', msg('error.shuttingDown')));
      child ??= spawn();
      const id = nextId++;
      const proc = child;
      return new Promise((resolve) => {
        pending.set(id, { resolve });
        proc.postMessage({ type: 'call', id, method, args } satisfies ToWorker);
      });
    },
    stop() {
      stopping = true;
      child?.kill();
      child = null;
    },
  };
}

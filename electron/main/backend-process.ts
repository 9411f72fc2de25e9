import { utilityProcess, type MessagePortMain, type UtilityProcess } from 'electron';
import type { BlobFile } from '../../core/api/blobs';
import type { FromWorker, ToWorker, WorkerInit } from '../backend/worker-protocol';

/** What main does for the backend, which has no windows of its own. */
export type BackendHostServices = {
  /** Renders an app route to PDF (printToPDF of a hidden window). */
  printPdf(route: string): Promise<Uint8Array>;
  /** Asks the user where to save an export; null when they cancel. */
  chooseSavePath(fileName: string): Promise<string | null>;
  /** Start-up failed; the backend stays up and answers every call `unavailable` with this reason. */
  onStartupFailed(message: string): void;
  /** The process ended unexpectedly: every port to it is dead. */
  onExit(): void;
};

export type BackendProcess = {
  /** Hands the backend its end of a renderer's channel (starting the process when it is not running). */
  connect(port: MessagePortMain): void;
  /** A stored attachment for app://blob/<sha256>; null when there is none. */
  readBlob(sha256: string): Promise<BlobFile | null>;
  stop(): void;
};

/**
 * Runs the backend in a utilityProcess. Renderers talk to it over their own MessagePorts; main
 * only starts it, hands ports over, serves blob URLs and answers its requests for windows. If the
 * process dies, `onExit` lets main tell the renderers (their calls in flight fail `unavailable`;
 * nothing is retried behind the user's back) and the next `connect` starts a new process. SQLite's
 * WAL and FULL sync mean acknowledged writes survive.
 */
export function startBackendProcess(workerPath: string, init: Omit<WorkerInit, 'type'>, host: BackendHostServices): BackendProcess {
  let child: UtilityProcess | null = null;
  let nextId = 1;
  let stopping = false;
  const blobReads = new Map<number, (file: BlobFile | null) => void>();

  function reply(proc: UtilityProcess, message: ToWorker): void {
    proc.postMessage(message);
  }

  function spawn(): UtilityProcess {
    const proc = utilityProcess.fork(workerPath, [], { serviceName: 'Fieldbench backend', stdio: 'inherit' });
    proc.on('message', (message: FromWorker) => {
      switch (message.type) {
        case 'ready':
          break;
        case 'fatal':
          host.onStartupFailed(message.message);
          break;
        case 'blob':
          blobReads.get(message.id)?.(message.file);
          blobReads.delete(message.id);
          break;
        case 'print-pdf': {
          const { id } = message;
          host.printPdf(message.route).then(
            (data) => reply(proc, { type: 'print-pdf-result', id, ok: true, data }),
            (error: unknown) => reply(proc, { type: 'print-pdf-result', id, ok: false, message: error instanceof Error ? error.message : String(error) }),
          );
          break;
        }
        case 'save-dialog': {
          const { id } = message;
          host.chooseSavePath(message.fileName).then(
            (path) => reply(proc, { type: 'save-dialog-result', id, path }),
            (error: unknown) => {
              console.error('[main] the save dialog failed', error);
              reply(proc, { type: 'save-dialog-result', id, path: null });
            },
          );
          break;
        }
      }
    });
    proc.on('exit', () => {
      for (const answer of blobReads.values()) answer(null);
      blobReads.clear();
      if (child === proc) child = null;
      if (!stopping) host.onExit();
    });
    reply(proc, { type: 'init', ...init });
    return proc;
  }

  return {
    connect(port) {
      if (stopping) {
        port.close();
        return;
      }
      child ??= spawn();
      child.postMessage({ type: 'connect' } satisfies ToWorker, [port]);
    },
    readBlob(sha256) {
      if (stopping) return Promise.resolve(null);
      child ??= spawn();
      const id = nextId++;
      const proc = child;
      return new Promise((resolve) => {
        blobReads.set(id, resolve);
        reply(proc, { type: 'read-blob', id, sha256 });
      });
    },
    stop() {
      stopping = true;
      child?.kill();
      child = null;
    },
  };
}

import { createBackend, type Backend } from './backend';
import type { FromWorker, ToWorker } from './worker-protocol';

/**
 * Entry of the backend utility process. Electron main forks it, sends `init`, then relays calls.
 * Synchronous SQLite work happens here, so it never blocks the window. This file does not import
 * 'electron': utilityProcess gives us process.parentPort, typed minimally below.
 */

type ParentPort = {
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
  postMessage(message: FromWorker): void;
};

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
if (!parentPort) {
  console.error('backend-worker must run in an Electron utilityProcess');
  process.exit(1);
}
const port: ParentPort = parentPort;

let backend: Backend | null = null;
const queued: Extract<ToWorker, { type: 'call' }>[] = [];

// PDF printing needs a browser window, which only main has: ask it and wait for the answer.
let nextPrintId = 1;
const printing = new Map<number, { resolve: (bytes: Uint8Array) => void; reject: (error: Error) => void }>();
function printPdf(route: string): Promise<Uint8Array> {
  const id = nextPrintId++;
  return new Promise((resolve, reject) => {
    printing.set(id, { resolve, reject });
    port.postMessage({ type: 'print-pdf', id, route });
  });
}

async function answer(request: Extract<ToWorker, { type: 'call' }>, ready: Backend): Promise<void> {
  const result = await ready.call(request.method, request.args);
  port.postMessage({ type: 'result', id: request.id, result });
}

port.on('message', (e) => {
  const message = e.data as ToWorker;
  if (message.type === 'init') {
    createBackend({
      dataDir: message.dataDir,
      contentDir: message.contentDir,
      appVersion: message.appVersion,
      nativeBinding: message.nativeBinding,
      host: 'electron',
      emit: (event, payload) => port.postMessage({ type: 'event', event, payload } as FromWorker),
      platform: { printPdf },
    }).then(
      (ready) => {
        backend = ready;
        port.postMessage({ type: 'ready' });
        for (const request of queued.splice(0)) void answer(request, ready);
      },
      (error: unknown) => port.postMessage({ type: 'fatal', message: error instanceof Error ? error.message : String(error) }),
    );
  } else if (message.type === 'call') {
    if (backend) void answer(message, backend);
    else queued.push(message);
  } else if (message.type === 'print-pdf-result') {
    const waiting = printing.get(message.id);
    printing.delete(message.id);
    if (message.ok) waiting?.resolve(Buffer.from(message.dataBase64, 'base64'));
    else waiting?.reject(new Error(message.message));
  }
});

process.on('exit', () => backend?.close());

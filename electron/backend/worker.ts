import { msg } from '../../core/api/message';
import { failed } from '../../core/api/result';
import { writeFileWhole } from './files/write-file';
import { launchBackend, type LaunchedBackend } from './launch';
import { createPortHub, type BackendPort } from './port-hub';
import type { FromWorker, PrintPdfResult, SaveDialogResult, ToWorker } from './worker-protocol';

/**
 * Entry of the backend utility process. Electron main forks it and sends `init`; then each
 * renderer gets its own MessagePort (`connect`) and calls the backend directly, never through
 * main. Synchronous SQLite work happens here, so it never blocks the window. This file does not
 * import 'electron': utilityProcess gives us process.parentPort, typed minimally below.
 */

type ParentPort = {
  on(event: 'message', listener: (e: { data: unknown; ports: BackendPort[] }) => void): void;
  postMessage(message: FromWorker): void;
};

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
if (!parentPort) {
  console.error('backend-worker must run in an Electron utilityProcess');
  process.exit(1);
}
const main: ParentPort = parentPort;
const log = (message: string, error?: unknown): void => console.error(`[backend] ${message}`, error ?? '');

let backend: LaunchedBackend | null = null;
const hub = createPortHub((method, args) => backend?.call(method, args) ?? Promise.resolve(failed('unavailable', msg('error.notInitialised'))), log);

// Printing and the save dialog need windows, which only main has: ask it and wait for the answer.
let nextRequestId = 1;
const waitingForMain = new Map<number, (answer: PrintPdfResult | SaveDialogResult) => void>();
function askMain(request: (id: number) => FromWorker): Promise<PrintPdfResult | SaveDialogResult> {
  const id = nextRequestId++;
  return new Promise((resolve) => {
    waitingForMain.set(id, resolve);
    main.postMessage(request(id));
  });
}

async function printPdf(route: string): Promise<Uint8Array> {
  const answer = await askMain((id) => ({ type: 'print-pdf', id, route }));
  if (answer.type !== 'print-pdf-result') throw new Error(`main answered a print request with ${answer.type}`);
  if (!answer.ok) throw new Error(answer.message);
  return answer.data;
}

async function saveFile(file: { fileName: string; data: Uint8Array }): Promise<string | null> {
  const answer = await askMain((id) => ({ type: 'save-dialog', id, fileName: file.fileName }));
  if (answer.type !== 'save-dialog-result') throw new Error(`main answered a save request with ${answer.type}`);
  if (answer.path === null) return null;
  await writeFileWhole(answer.path, file.data);
  return answer.path;
}

main.on('message', (e) => {
  const message = e.data as ToWorker;
  switch (message.type) {
    case 'init': {
      const launched = launchBackend({
        dataDir: message.dataDir,
        contentDir: message.contentDir,
        appVersion: message.appVersion,
        nativeBinding: message.nativeBinding,
        host: 'electron',
        emit: hub.emit,
        log,
        platform: { printPdf, saveFile },
        ...(message.syncKey === undefined ? {} : { sync: { secretKey: Buffer.from(message.syncKey, 'base64') } }),
      });
      backend = launched;
      void launched.started.then((failure) => main.postMessage(failure === null ? { type: 'ready' } : { type: 'fatal', message: failure }));
      break;
    }
    case 'connect': {
      const [port] = e.ports;
      if (port) hub.serve(port);
      else log('connect arrived without a port; ignored');
      break;
    }
    case 'read-blob': {
      const { id, sha256 } = message;
      void (backend?.readBlob(sha256) ?? Promise.resolve(null)).then(
        (file) => main.postMessage({ type: 'blob', id, file }),
        (error: unknown) => {
          log(`reading blob ${sha256} failed`, error);
          main.postMessage({ type: 'blob', id, file: null });
        },
      );
      break;
    }
    case 'print-pdf-result':
    case 'save-dialog-result': {
      waitingForMain.get(message.id)?.(message);
      waitingForMain.delete(message.id);
      break;
    }
  }
});

process.on('exit', () => backend?.close());

import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { APP_BLOB_HOST } from '../../core/api/blobs';
import type { Bridge } from '../../core/api/bridge';
import { IPC_CONNECT, IPC_FLUSH, IPC_FLUSHED, IPC_PORT, IPC_PRINT_READY, type PortOffer } from '../../core/api/ipc';
import { msg } from '../../core/api/message';
import { createPortClient, type ClientPort } from '../../core/api/port';

/**
 * Exposes exactly one object, `window.bridge`, to the sandboxed renderer. Calls and push events
 * travel over a MessagePort straight to the backend utility process; main hands the port over
 * (IPC_CONNECT → IPC_PORT) after checking this page. The port and raw ipcRenderer stay here, in
 * the preload's isolated world: the page sees only these five functions.
 */
const client = createPortClient(() => ipcRenderer.send(IPC_CONNECT));

// A port, or why there is none (refused, or the backend stopped: the next call asks again).
ipcRenderer.on(IPC_PORT, (event: IpcRendererEvent, offer: PortOffer) => {
  const [port] = event.ports;
  if (offer.ok && port) client.attach(port as ClientPort);
  else client.detach(offer.ok ? msg('error.noPortOffered') : offer.reason);
});

const bridge = {
  call: (method: string, args: unknown) => client.call(method, args),
  on: (event, listener) => client.on(event, listener),
  blobUrl: (sha256: string) => `app://${APP_BLOB_HOST}/${encodeURIComponent(sha256)}`,
  printReady: () => ipcRenderer.send(IPC_PRINT_READY),
  onClosing: (flush: () => Promise<void>) => {
    ipcRenderer.on(IPC_FLUSH, () => {
      // Whatever the flush says (a save may fail: its copy stays on this device), the window may
      // close. The page's language goes with the answer, for main's question about unsaved forms.
      void flush()
        .catch(() => undefined)
        .finally(() => ipcRenderer.send(IPC_FLUSHED, document.documentElement.lang));
    });
  },
} satisfies Bridge;

contextBridge.exposeInMainWorld('bridge', bridge);

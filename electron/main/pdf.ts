import { BrowserWindow, type IpcMainEvent, type WebContents } from 'electron';
import { IPC_PRINT_READY } from '../../core/api/ipc';
import { APP_ENTRY_URL, isAppUrl, webPreferences } from './security';
import { currentRuntime } from './window';

/** The only routes main renders to PDF: the print-styled assessment report and proposal. */
const PRINTABLE_ROUTES = [/^\/assessments\/[A-Za-z0-9%._~-]{1,600}\/report\?lang=(en|zh)$/, /^\/proposals\/[A-Za-z0-9%_~-]{1,600}\/print(\?copy=internal)?$/];

export function isPrintableRoute(route: string): boolean {
  return PRINTABLE_ROUTES.some((pattern) => pattern.test(route));
}

const READY_TIMEOUT_MS = 20_000;

/**
 * Resolves when the page in `contents` says it is complete (Bridge.printReady: data shown, every
 * image loaded or failed); rejects after the timeout with what happened. Only the page's own
 * top-level app frame counts. `stop` drops the wait (the window is going away).
 */
function waitForPrintReady(contents: WebContents, timeoutMs: number): { ready: Promise<void>; stop: () => void } {
  let stop = (): void => {};
  const ready = new Promise<void>((resolve, reject) => {
    const onReady = (event: IpcMainEvent): void => {
      const frame = event.senderFrame;
      if (frame === null || frame.parent !== null || !isAppUrl(frame.url)) return;
      stop();
      resolve();
    };
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`the print page did not say it was ready within ${timeoutMs / 1000} s (its data or images did not load)`));
    }, timeoutMs);
    stop = () => {
      clearTimeout(timer);
      contents.ipc.removeListener(IPC_PRINT_READY, onReady);
    };
    contents.ipc.on(IPC_PRINT_READY, onReady);
  });
  // Awaited after loading; a failed load must not leave it rejected and unhandled meanwhile.
  ready.catch(() => {});
  return { ready, stop };
}

/**
 * Renders an app route to PDF with Chromium's printToPDF in a hidden window that has the same
 * hardened preferences and navigation guards as the main window, once the page has said it is
 * ready. `trust` lets the window's page call the backend while it renders; `untrust` is called
 * when the window is gone.
 */
export async function printRouteToPdf(
  route: string,
  preloadPath: string,
  trust: (contents: WebContents) => void,
  untrust: (contents: WebContents) => void,
): Promise<Buffer> {
  if (!isPrintableRoute(route)) throw new Error(`not a printable route: ${route.slice(0, 100)}`);
  const win = new BrowserWindow({ show: false, width: 900, height: 1200, webPreferences: webPreferences(preloadPath, currentRuntime()) });
  const contents = win.webContents;
  trust(contents);
  // Listen before loading: the page may be ready before loadURL settles.
  const wait = waitForPrintReady(contents, READY_TIMEOUT_MS);
  try {
    await win.loadURL(`${APP_ENTRY_URL}#${route}`);
    await wait.ready;
    // Bookmarks from the headings and a tagged (accessible) PDF, as a recipient's reader expects.
    return await contents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true, generateDocumentOutline: true, generateTaggedPDF: true });
  } finally {
    wait.stop();
    untrust(contents);
    win.destroy();
  }
}

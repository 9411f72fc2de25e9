import { BrowserWindow, type WebContents } from 'electron';
import { APP_ENTRY_URL, webPreferences } from './security';
import { guardContents } from './window';

/** The only routes main renders to PDF: the print-styled assessment report and proposal. */
const PRINTABLE_ROUTES = [/^\/assessments\/[A-Za-z0-9%._~-]{1,600}\/report\?lang=(en|zh)$/, /^\/proposals\/[A-Za-z0-9%_~-]{1,600}\/print$/];

export function isPrintableRoute(route: string): boolean {
  return PRINTABLE_ROUTES.some((pattern) => pattern.test(route));
}

const READY_TIMEOUT_MS = 20_000;

// Runs in the page (sandboxed, isolated world): resolves once the report (or proposal) is on screen
// with every image loaded, or with false after the timeout. The print pages show placeholders
// (.report-image-loading, .print-image-loading) until each attachment's bytes arrive.
const WAIT_FOR_REPORT = `new Promise((resolve) => {
  const started = Date.now();
  const check = () => {
    const ready = document.querySelector('[data-testid="report"], [data-testid="proposal-print"]') !== null
      && document.querySelector('.report-image-loading, .print-image-loading') === null
      && Array.from(document.images).every((img) => img.complete);
    if (ready) resolve(true);
    else if (Date.now() - started > ${READY_TIMEOUT_MS}) resolve(false);
    else setTimeout(check, 50);
  };
  check();
})`;

/**
 * Renders an app route to PDF with Chromium's printToPDF in a hidden window that has the same
 * hardened preferences and navigation guards as the main window. `trust` lets the window's page
 * call the backend while it renders; `untrust` is called when the window is gone.
 */
export async function printRouteToPdf(
  route: string,
  preloadPath: string,
  trust: (contents: WebContents) => void,
  untrust: (contents: WebContents) => void,
): Promise<Buffer> {
  if (!isPrintableRoute(route)) throw new Error(`not a printable route: ${route.slice(0, 100)}`);
  const win = new BrowserWindow({ show: false, width: 900, height: 1200, webPreferences: webPreferences(preloadPath) });
  const contents = win.webContents;
  guardContents(contents);
  trust(contents);
  try {
    await win.loadURL(`${APP_ENTRY_URL}#${route}`);
    const ready = (await contents.executeJavaScript(WAIT_FOR_REPORT)) as boolean;
    if (!ready) throw new Error('the report page did not finish loading within 20 s');
    return await contents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    untrust(contents);
    win.destroy();
  }
}

import { app, BrowserWindow, session, type Session, type WebContents } from 'electron';
import { APP_ENTRY_URL, allowPermission, isAppUrl, webPreferences, type Runtime } from './security';
import { openExternalSafely } from './external';

/** Denies every permission request and check for this session's pages. */
export function lockDownSession(target: Session = session.defaultSession): void {
  target.setPermissionRequestHandler((_wc, permission, callback) => callback(allowPermission(permission)));
  target.setPermissionCheckHandler((_wc, permission) => allowPermission(permission));
}

/** Navigation never leaves the app; links to the web open in the system browser when allowed. */
export function guardContents(contents: WebContents, runtime: Runtime = currentRuntime()): void {
  // Belt and braces with webPreferences.devTools: whatever opens them in a packaged build closes them.
  if (runtime.packaged) contents.on('devtools-opened', () => contents.closeDevTools());
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) {
      event.preventDefault();
      openExternalSafely(url);
    }
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function currentRuntime(): Runtime {
  return { packaged: app.isPackaged, platform: process.platform };
}

/**
 * Guards every web contents the app ever creates — windows, print windows, and any a library or a
 * page would create — not only the ones our code makes (Electron's `web-contents-created`).
 * Registered once, before the app is ready.
 */
export function guardEveryWebContents(): void {
  app.on('web-contents-created', (_event, contents) => guardContents(contents));
}

export function createMainWindow(preloadPath: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1360,
    height: 880,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Fieldbench',
    webPreferences: webPreferences(preloadPath, currentRuntime()),
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY_URL);
  return win;
}

import { app, BrowserWindow, dialog, ipcMain, session, type Session, type WebContents } from 'electron';
import { flushBeforeClose } from './close-flush';
import { APP_ENTRY_URL, allowPermission, isAppUrl, webPreferences, type Runtime } from './security';
import { openExternalSafely } from './external';
import { langOfLocales } from '../../core/i18n';

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
  const pageLang = flushBeforeClose(win, ipcMain);
  askBeforeLeavingUnsaved(win, () => pageLang() ?? app.getLocale());
  void win.loadURL(APP_ENTRY_URL);
  return win;
}

/** The question, in the language of `locale` (the page's, as its flush answer reported it, else the system's). */
export function leaveWords(locale: string): { title: string; detail: string; leave: string; stay: string } {
  return langOfLocales([locale]) === 'zh'
    ? { title: '不保存就关闭？', detail: '此窗口中的表单有尚未保存的内容。', leave: '放弃更改并关闭', stay: '继续编辑' }
    : { title: 'Close without saving?', detail: 'A form in this window has changes that have not been saved.', leave: 'Discard changes and close', stay: 'Keep editing' };
}

/**
 * A page with an unsaved form refuses to unload (beforeunload). A browser asks the user then;
 * Electron asks no one and the window silently stays open, so the app asks itself.
 */
function askBeforeLeavingUnsaved(win: BrowserWindow, locale: () => string): void {
  win.webContents.on('will-prevent-unload', (event) => {
    const words = leaveWords(locale());
    const choice = dialog.showMessageBoxSync(win, { type: 'question', buttons: [words.leave, words.stay], defaultId: 1, cancelId: 1, title: words.title, message: words.title, detail: words.detail });
    // preventDefault here means "ignore the page's refusal": the window closes.
    if (choice === 0) event.preventDefault();
  });
}

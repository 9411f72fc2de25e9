import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, MessageChannelMain, safeStorage, type IpcMainEvent, type WebContents } from 'electron';
import { syncTokenKey } from './sync-key';
import { IPC_CONNECT, IPC_PORT, type PortOffer } from '../../core/api/ipc';
import { msg, type ApiMessage } from '../../core/api/message';
import { startBackendProcess, type BackendProcess } from './backend-process';
import { registerAppScheme, serveApp } from './protocol';
import { printRouteToPdf } from './pdf';
import { saveDialogOptions } from './save-dialog';
import { applicationMenuTemplate, isAppUrl } from './security';
import { createMainWindow, currentRuntime, guardEveryWebContents, lockDownSession } from './window';

/**
 * Electron shell: lifecycle, the window, and the hand-over of each page's MessagePort to the
 * backend utility process. Calls never pass through main: it checks who asks for a port, once.
 */

registerAppScheme();
guardEveryWebContents();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;
  let backend: BackendProcess | null = null;
  // Hidden windows that render a report to PDF: their page calls the backend too.
  const printWindows = new Set<WebContents>();
  // Pages holding a port, told when the backend stops so their calls in flight fail at once.
  const connected = new Set<WebContents>();

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  /** Only our own top-level page in our own windows may talk to the backend. */
  function trustedSender(event: IpcMainEvent): boolean {
    const frame = event.senderFrame;
    const ownWindow = (mainWindow !== null && event.sender === mainWindow.webContents) || printWindows.has(event.sender);
    return ownWindow && frame !== null && frame.parent === null && isAppUrl(frame.url);
  }

  function offerPort(event: IpcMainEvent): void {
    const refuse = (reason: ApiMessage): void => event.sender.postMessage(IPC_PORT, { ok: false, reason } satisfies PortOffer);
    if (!trustedSender(event)) return refuse(msg('error.untrustedSender'));
    if (!backend) return refuse(msg('error.backendNotRunning'));
    const { port1, port2 } = new MessageChannelMain();
    backend.connect(port1);
    event.sender.postMessage(IPC_PORT, { ok: true } satisfies PortOffer, [port2]);
    const contents = event.sender;
    if (!connected.has(contents)) {
      connected.add(contents);
      contents.once('destroyed', () => connected.delete(contents));
    }
  }

  void app.whenReady().then(() => {
    const appPath = app.getAppPath();
    const resourcesDir = app.isPackaged ? process.resourcesPath : path.join(appPath, 'resources');
    const nativeCandidate = app.isPackaged
      ? path.join(process.resourcesPath, 'native', 'better_sqlite3.node')
      : path.join(appPath, '.cache', 'electron-native', 'better_sqlite3.node');

    lockDownSession();
    const menu = applicationMenuTemplate(currentRuntime());
    Menu.setApplicationMenu(menu === null ? null : Menu.buildFromTemplate(menu));

    const started = startBackendProcess(
      path.join(__dirname, 'backend-worker.cjs'),
      {
        dataDir: app.getPath('userData'),
        contentDir: path.join(resourcesDir, 'content'),
        appVersion: app.getVersion(),
        nativeBinding: fs.existsSync(nativeCandidate) ? nativeCandidate : undefined,
        syncKey: syncTokenKey(safeStorage, app.getPath('userData'), (m) => console.warn(`[main] ${m}`)),
      },
      {
        printPdf: (route) =>
          printRouteToPdf(
            route,
            path.join(__dirname, 'preload.cjs'),
            (contents) => printWindows.add(contents),
            (contents) => printWindows.delete(contents),
          ),
        async chooseSavePath(fileName) {
          const options = saveDialogOptions(app.getPath('downloads'), fileName);
          const chosen = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
          return chosen.canceled || !chosen.filePath ? null : chosen.filePath;
        },
        // The window shows the reason (every call answers `unavailable` with it); the log keeps it too.
        onStartupFailed: (message) => console.error(`[main] the backend could not start: ${message}`),
        onExit() {
          for (const contents of connected) contents.postMessage(IPC_PORT, { ok: false, reason: msg('error.backendStopped') } satisfies PortOffer);
          connected.clear();
        },
      },
    );
    backend = started;
    serveApp(path.join(appPath, 'dist', 'renderer'), (sha256) => started.readBlob(sha256));
    ipcMain.on(IPC_CONNECT, offerPort);

    mainWindow = createMainWindow(path.join(__dirname, 'preload.cjs'));
    mainWindow.on('closed', () => (mainWindow = null));

    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow(path.join(__dirname, 'preload.cjs'));
    });
  });

  // Quitting closes the windows first, and each close waits for its page's saves (close-flush.ts),
  // which cancels that quit: once the windows are gone, quit again (macOS keeps an app without
  // windows running, so there the quit would otherwise be lost).
  let quitting = false;
  app.on('before-quit', () => (quitting = true));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin' || quitting) app.quit();
  });
  app.on('will-quit', () => backend?.stop());
}

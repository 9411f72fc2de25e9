import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { EVENT_NAMES } from '../../core/api/events';
import { startBackendProcess, type BackendProcess } from './backend-process';
import { registerAppScheme, serveRenderer } from './protocol';
import { printRouteToPdf } from './pdf';
import { isAppUrl } from './security';
import { createMainWindow, lockDownSession } from './window';
import { IPC_CALL, IPC_EVENT } from '../../core/api/ipc';
import { msg } from '../../core/api/message';
import { failed } from '../../core/api/result';

/** Electron shell: lifecycle, the window, and the relay between renderer and backend. */

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;
  let backend: BackendProcess | null = null;
  // Hidden windows that render a report to PDF: their page calls the backend too.
  const printWindows = new Set<WebContents>();

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  /** Only our own top-level page in our own windows may call the backend. */
  function trustedSender(event: IpcMainInvokeEvent): boolean {
    const frame = event.senderFrame;
    const ownWindow = (mainWindow !== null && event.sender === mainWindow.webContents) || printWindows.has(event.sender);
    return ownWindow && frame !== null && frame.parent === null && isAppUrl(frame.url);
  }

  void app.whenReady().then(() => {
    const appPath = app.getAppPath();
    const resourcesDir = app.isPackaged ? process.resourcesPath : path.join(appPath, 'resources');
    const nativeCandidate = app.isPackaged
      ? path.join(process.resourcesPath, 'native', 'better_sqlite3.node')
      : path.join(appPath, '.cache', 'electron-native', 'better_sqlite3.node');

    lockDownSession();
    serveRenderer(path.join(appPath, 'dist', 'renderer'));
    Menu.setApplicationMenu(process.platform === 'darwin' ? Menu.buildFromTemplate([{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'viewMenu' }, { role: 'windowMenu' }]) : null);

    backend = startBackendProcess(
      path.join(__dirname, 'backend-worker.cjs'),
      {
        dataDir: app.getPath('userData'),
        contentDir: path.join(resourcesDir, 'content'),
        appVersion: app.getVersion(),
        nativeBinding: fs.existsSync(nativeCandidate) ? nativeCandidate : undefined,
      },
      (message) => {
        if (EVENT_NAMES.includes(message.event)) mainWindow?.webContents.send(IPC_EVENT, message.event, message.payload);
      },
      (message) => dialog.showErrorBox('Fieldbench cannot open its data', message),
      (route) =>
        printRouteToPdf(
          route,
          path.join(__dirname, 'preload.cjs'),
          (contents) => printWindows.add(contents),
          (contents) => printWindows.delete(contents),
        ),
    );

    ipcMain.handle(IPC_CALL, (event, method: unknown, args: unknown) => {
      if (!trustedSender(event)) return failed('unavailable', msg('error.untrustedSender'));
      return backend?.call(method, args) ?? failed('unavailable', msg('error.backendNotRunning'));
    });

    mainWindow = createMainWindow(path.join(__dirname, 'preload.cjs'));
    mainWindow.on('closed', () => (mainWindow = null));

    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow(path.join(__dirname, 'preload.cjs'));
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => backend?.stop());
}

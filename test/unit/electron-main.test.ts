import { describe, expect, it, vi } from 'vitest';

/**
 * Boots electron/main/main.ts against a recording stand-in for 'electron' (no binary on CI) and
 * checks the lifecycle rules: single-instance lock, the app scheme registered before ready, and
 * API calls accepted only from the app's own top-level frame in its own window.
 */

type Handler = (event: unknown, ...args: unknown[]) => unknown;
const state = vi.hoisted(() => ({
  lockRequested: 0,
  schemes: [] as unknown[],
  ipcHandlers: new Map<string, Handler>(),
  readyCallbacks: [] as (() => void)[],
  windows: [] as { webContents: unknown }[],
  forked: [] as string[],
  posted: [] as unknown[],
}));

vi.mock('electron', () => {
  const webContents = { on: () => {}, setWindowOpenHandler: () => {}, send: () => {} };
  class BrowserWindow {
    webContents = { ...webContents };
    constructor() {
      state.windows.push(this);
    }
    static getAllWindows = () => state.windows;
    once() {}
    on() {}
    show() {}
    loadURL() {
      return Promise.resolve();
    }
  }
  const app = {
    requestSingleInstanceLock: () => (state.lockRequested++, true),
    on: () => {},
    quit: () => {},
    whenReady: () => ({ then: (fn: () => void) => state.readyCallbacks.push(fn) }),
    getAppPath: () => '/nonexistent/app',
    getPath: () => '/nonexistent/user-data',
    getVersion: () => '0.0.0-test',
    isPackaged: false,
  };
  return {
    app,
    BrowserWindow,
    dialog: { showErrorBox: () => {} },
    ipcMain: { handle: (channel: string, fn: Handler) => state.ipcHandlers.set(channel, fn) },
    Menu: { setApplicationMenu: () => {}, buildFromTemplate: () => ({}) },
    protocol: { registerSchemesAsPrivileged: (s: unknown[]) => state.schemes.push(...s), handle: () => {} },
    session: { defaultSession: { setPermissionRequestHandler: () => {}, setPermissionCheckHandler: () => {} } },
    shell: { openExternal: () => Promise.resolve() },
    utilityProcess: {
      fork: (modulePath: string) => {
        state.forked.push(modulePath);
        return { on: () => {}, postMessage: (m: unknown) => state.posted.push(m), kill: () => {} };
      },
    },
  };
});

await import('../../electron/main/main');
const { IPC_CALL } = await import('../../core/api/ipc');

describe('Electron main lifecycle', () => {
  it('takes the single-instance lock and registers the app scheme before ready', () => {
    expect(state.lockRequested).toBe(1);
    expect(state.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(state.ipcHandlers.size).toBe(0); // nothing is wired before ready
  });

  it('accepts API calls only from the app frame of its own window', async () => {
    state.readyCallbacks.forEach((fn) => fn());
    const handle = state.ipcHandlers.get(IPC_CALL);
    expect(handle).toBeDefined();
    const win = state.windows[0];
    const appFrame = { url: 'app://fieldbench/index.html', parent: null };

    const foreign = await handle?.({ sender: {}, senderFrame: appFrame }, 'app.info', {});
    expect(foreign).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    const wrongOrigin = await handle?.({ sender: win?.webContents, senderFrame: { url: 'https://evil.example/', parent: null } }, 'app.info', {});
    expect(wrongOrigin).toMatchObject({ ok: false });
    const subFrame = await handle?.({ sender: win?.webContents, senderFrame: { url: 'app://fieldbench/x', parent: appFrame } }, 'app.info', {});
    expect(subFrame).toMatchObject({ ok: false });
    expect(state.posted.filter((m) => (m as { type: string }).type === 'call')).toEqual([]);

    void handle?.({ sender: win?.webContents, senderFrame: appFrame }, 'app.info', {});
    expect(state.forked.at(-1)).toMatch(/backend-worker\.cjs$/);
    expect(state.posted).toContainEqual(expect.objectContaining({ type: 'call', method: 'app.info' }));
  });
});

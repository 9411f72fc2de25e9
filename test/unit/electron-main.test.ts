import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { msg } from '../../core/api/message';

/**
 * Boots electron/main/main.ts against a recording stand-in for 'electron' (no binary on CI) and
 * checks the lifecycle rules: single-instance lock, the app scheme registered before ready, a
 * MessagePort to the backend handed only to the app's own top-level frame in its own window (one
 * end to the page, the other to the utility process), blob URLs served by asking the backend, and
 * the pages told when the backend stops.
 */

type Listener = (...args: unknown[]) => unknown;
type FakePort = { name: string; closed: boolean; close(): void };
type Posted = { channel: string; message: unknown; ports: FakePort[] };

const state = vi.hoisted(() => ({
  lockRequested: 0,
  schemes: [] as unknown[],
  ipcListeners: new Map<string, Listener>(),
  readyCallbacks: [] as (() => void)[],
  windows: [] as { webContents: unknown }[],
  forked: [] as string[],
  toWorker: [] as { message: unknown; transfer: FakePort[] }[],
  workerListeners: new Map<string, Listener>(),
  channels: 0,
  protocolHandler: null as null | ((request: Request) => Promise<Response>),
  appPath: '/nonexistent/app',
  permissionHandlers: [] as string[],
}));

/** A page's webContents as main sees it: what main posted to it, and its 'destroyed' listeners. */
function contents() {
  const posted: Posted[] = [];
  const listeners = new Map<string, Listener>();
  return {
    posted,
    on: () => {},
    once: (name: string, fn: Listener) => listeners.set(name, fn),
    setWindowOpenHandler: () => {},
    postMessage: (channel: string, message: unknown, ports: FakePort[] = []) => posted.push({ channel, message, ports }),
    destroy: () => listeners.get('destroyed')?.(),
  };
}

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = contents();
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
  class MessageChannelMain {
    port1: FakePort;
    port2: FakePort;
    constructor() {
      state.channels++;
      const port = (name: string): FakePort => ({ name, closed: false, close: () => {} });
      this.port1 = port(`backend-end-${state.channels}`);
      this.port2 = port(`page-end-${state.channels}`);
    }
  }
  const app = {
    requestSingleInstanceLock: () => (state.lockRequested++, true),
    on: () => {},
    quit: () => {},
    whenReady: () => ({ then: (fn: () => void) => state.readyCallbacks.push(fn) }),
    getAppPath: () => state.appPath,
    getPath: (name: string) => `/nonexistent/${name}`,
    getVersion: () => '0.0.0-test',
    isPackaged: false,
  };
  return {
    app,
    BrowserWindow,
    MessageChannelMain,
    dialog: { showSaveDialog: () => Promise.resolve({ canceled: true }) },
    ipcMain: { on: (channel: string, fn: Listener) => state.ipcListeners.set(channel, fn) },
    Menu: { setApplicationMenu: () => {}, buildFromTemplate: () => ({}) },
    protocol: {
      registerSchemesAsPrivileged: (s: unknown[]) => state.schemes.push(...s),
      handle: (_scheme: string, fn: (request: Request) => Promise<Response>) => (state.protocolHandler = fn),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => state.permissionHandlers.push('request'),
        setPermissionCheckHandler: () => state.permissionHandlers.push('check'),
      },
    },
    shell: { openExternal: () => Promise.resolve() },
    utilityProcess: {
      fork: (modulePath: string) => {
        state.forked.push(modulePath);
        return {
          on: (name: string, fn: Listener) => state.workerListeners.set(name, fn),
          postMessage: (message: unknown, transfer: FakePort[] = []) => state.toWorker.push({ message, transfer }),
          kill: () => {},
        };
      },
    },
  };
});

await import('../../electron/main/main');
const { IPC_CONNECT, IPC_PORT } = await import('../../core/api/ipc');

const APP_FRAME = { url: 'app://fieldbench/index.html', parent: null };
const connect = (sender: unknown, senderFrame: unknown): unknown => state.ipcListeners.get(IPC_CONNECT)?.({ sender, senderFrame });
const sent = (type: string) => state.toWorker.filter((m) => (m.message as { type: string }).type === type);

describe('Electron main lifecycle', () => {

  it('takes the single-instance lock and registers the app scheme before ready', () => {
    expect(state.lockRequested).toBe(1);
    expect(state.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(state.ipcListeners.size).toBe(0); // nothing is wired before ready
  });

  it('hands a MessagePort to the backend only to the app frame of its own window', () => {
    // The built renderer main serves on ready: a folder with its entry page.
    state.appPath = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbench-main-'));
    fs.mkdirSync(path.join(state.appPath, 'dist', 'renderer'), { recursive: true });
    fs.writeFileSync(path.join(state.appPath, 'dist', 'renderer', 'index.html'), '<!doctype html><div id="root"></div>');
    expect(state.permissionHandlers).toEqual([]);
    state.readyCallbacks.forEach((fn) => fn());
    // On ready the session is locked down: permission requests and checks go to the deny-all handlers.
    expect(state.permissionHandlers).toEqual(['request', 'check']);
    expect(state.ipcListeners.has(IPC_CONNECT)).toBe(true);
    const win = state.windows[0]?.webContents as ReturnType<typeof contents>;

    const foreign = contents();
    connect(foreign, APP_FRAME);
    connect(win, { url: 'https://evil.example/', parent: null });
    connect(win, { url: 'app://fieldbench/x', parent: APP_FRAME });
    connect(win, null);
    // Refused with the reason, no port made, nothing sent to the backend (not even started).
    expect(foreign.posted).toEqual([{ channel: IPC_PORT, message: { ok: false, reason: msg('error.untrustedSender') }, ports: [] }]);
    expect(win.posted.map((p) => [p.message, p.ports.length])).toEqual(Array(3).fill([{ ok: false, reason: msg('error.untrustedSender') }, 0]));
    expect(state.channels).toBe(0);
    expect(state.forked).toEqual([]);

    connect(win, APP_FRAME);
    expect(state.forked).toEqual([expect.stringMatching(/backend-worker\.cjs$/)]);
    expect((state.toWorker[0]?.message as { type: string }).type).toBe('init');
    // One channel: one end to the utility process, the other to the page; calls never pass main.
    expect(state.channels).toBe(1);
    expect(sent('connect')).toEqual([{ message: { type: 'connect' }, transfer: [expect.objectContaining({ name: 'backend-end-1' })] }]);
    expect(win.posted.at(-1)).toEqual({ channel: IPC_PORT, message: { ok: true }, ports: [expect.objectContaining({ name: 'page-end-1' })] });
    expect(sent('call')).toEqual([]);
  });

  it('serves the app pages, and the entry page for client-side routes, with the Content-Security-Policy header', async () => {
    const handler = state.protocolHandler;
    if (!handler) throw new Error('the app protocol has no handler');
    const { CONTENT_SECURITY_POLICY } = await import('../../electron/main/security');
    for (const url of ['app://fieldbench/index.html', 'app://fieldbench/kb/some-route']) {
      const res = await handler(new Request(url));
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('serves app://blob/<sha256> by asking the backend, with the type from its row', async () => {
    const handler = state.protocolHandler;
    if (!handler) throw new Error('the app protocol has no handler');
    const sha = 'ab'.repeat(32);
    const answering = handler(new Request(`app://blob/${sha}`));
    await Promise.resolve();
    const [request] = sent('read-blob');
    expect(request?.message).toEqual({ type: 'read-blob', id: expect.any(Number), sha256: sha });
    const id = (request?.message as { id: number }).id;
    state.workerListeners.get('message')?.({ type: 'blob', id, file: { mime: 'image/png', name: 'rack.png', data: new Uint8Array([137, 80, 78, 71]) } });
    const res = await answering;
    expect(res.status).toBe(200);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(new Uint8Array([137, 80, 78, 71]));
    expect(Object.fromEntries(res.headers)).toMatchObject({ 'content-type': 'image/png', 'content-disposition': 'inline', 'x-content-type-options': 'nosniff' });

    // A path that is not a sha256 never reaches the backend; an unknown file is a 404.
    const asked = sent('read-blob').length;
    expect((await handler(new Request('app://blob/..%2f..%2fetc%2fpasswd'))).status).toBe(400);
    expect((await handler(new Request(`app://blob/${sha.toUpperCase()}`))).status).toBe(400);
    expect(sent('read-blob')).toHaveLength(asked);
    const missing = handler(new Request(`app://blob/${'cd'.repeat(32)}`));
    await Promise.resolve();
    state.workerListeners.get('message')?.({ type: 'blob', id: (sent('read-blob').at(-1)?.message as { id: number }).id, file: null });
    expect((await missing).status).toBe(404);
  });

  it('tells every connected page when the backend stops, and starts a new one on the next connect', () => {
    const win = state.windows[0]?.webContents as ReturnType<typeof contents>;
    const before = win.posted.length;
    state.workerListeners.get('exit')?.(1);
    expect(win.posted.slice(before)).toEqual([{ channel: IPC_PORT, message: { ok: false, reason: msg('error.backendStopped') }, ports: [] }]);
    connect(win, APP_FRAME);
    expect(state.forked).toHaveLength(2);
    expect(sent('connect')).toHaveLength(2);
    expect(win.posted.at(-1)?.message).toEqual({ ok: true });
  });
});

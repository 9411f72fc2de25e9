import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_FLUSHED } from '../../core/api/ipc';

/**
 * The Electron binary cannot be downloaded on CI machines, so the shell's wiring is exercised
 * against a recording stand-in for the 'electron' module; the pure configuration is asserted
 * directly. The Playwright _electron suite (test/e2e-electron) checks the same on a real binary.
 */

type Listener = (...args: unknown[]) => unknown;
const recorded = vi.hoisted(() => ({
  windowOptions: [] as unknown[],
  contentsListeners: new Map<string, Listener>(),
  windowOpenHandler: null as null | ((details: { url: string }) => { action: string }),
  permissionRequest: null as null | Listener,
  permissionCheck: null as null | Listener,
  opened: [] as string[],
  loaded: [] as string[],
  appListeners: new Map<string, Listener>(),
  packaged: false,
  closedDevTools: 0,
  windowListeners: new Map<string, Listener>(),
  dialogAnswer: 1,
  dialogTitles: [] as string[],
  ipcListeners: new Map<string, Listener>(),
  windowContents: null as unknown,
  locale: 'en-GB',
}));

vi.mock('electron', () => {
  const webContents = {
    on: (name: string, fn: Listener) => recorded.contentsListeners.set(name, fn),
    setWindowOpenHandler: (fn: (details: { url: string }) => { action: string }) => (recorded.windowOpenHandler = fn),
    closeDevTools: () => (recorded.closedDevTools += 1),
    send: () => {},
    isDestroyed: () => false,
  };
  recorded.windowContents = webContents;
  class BrowserWindow {
    webContents = webContents;
    constructor(options: unknown) {
      recorded.windowOptions.push(options);
    }
    once() {}
    on(name: string, fn: Listener) {
      recorded.windowListeners.set(name, fn);
    }
    show() {}
    close() {}
    isDestroyed() {
      return false;
    }
    loadURL(url: string) {
      recorded.loaded.push(url);
      return Promise.resolve();
    }
  }
  const app = {
    on: (name: string, fn: Listener) => recorded.appListeners.set(name, fn),
    get isPackaged() {
      return recorded.packaged;
    },
    getLocale: () => recorded.locale,
  };
  return {
    app,
    BrowserWindow,
    ipcMain: { on: (channel: string, fn: Listener) => recorded.ipcListeners.set(channel, fn), removeListener: () => {} },
    dialog: {
      showMessageBoxSync: (_win: unknown, options: { title: string }) => {
        recorded.dialogTitles.push(options.title);
        return recorded.dialogAnswer;
      },
    },
    shell: { openExternal: (url: string) => (recorded.opened.push(url), Promise.resolve()) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: Listener) => (recorded.permissionRequest = fn),
        setPermissionCheckHandler: (fn: Listener) => (recorded.permissionCheck = fn),
      },
    },
  };
});

const security = await import('../../electron/main/security');
const { createMainWindow, guardEveryWebContents, leaveWords, lockDownSession } = await import('../../electron/main/window');

/** What `app.on('web-contents-created')` does for a web contents the app did not make itself. */
function createdElsewhere(): void {
  recorded.contentsListeners.clear();
  recorded.windowOpenHandler = null;
  guardEveryWebContents();
  const created = recorded.appListeners.get('web-contents-created');
  expect(created, 'a web-contents-created guard is registered').toBeDefined();
  created?.({}, { on: (name: string, fn: Listener) => recorded.contentsListeners.set(name, fn), setWindowOpenHandler: (fn: (details: { url: string }) => { action: string }) => (recorded.windowOpenHandler = fn), closeDevTools: () => (recorded.closedDevTools += 1) });
}

beforeEach(() => {
  recorded.opened.length = 0;
});

describe('Electron security configuration', () => {
  it('isolates and sandboxes the renderer with no Node access', () => {
    const prefs = security.webPreferences('/x/preload.cjs', { packaged: true, platform: 'linux' });
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/x/preload.cjs',
    });
  });

  it('has a CSP without unsafe-inline or unsafe-eval that limits everything to self', () => {
    const csp = security.CONTENT_SECURITY_POLICY;
    // Every directive, literally: a dropped one (base-uri, form-action, …) must fail here.
    expect(csp.split('; ')).toEqual([
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' app://blob data:",
      "font-src 'self'",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-src 'none'",
      "frame-ancestors 'none'",
      "form-action 'none'",
    ]);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).toMatch(/object-src 'none'/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
  });

  it('takes images only from the app and its read-only blob URLs (no blob: or remote images)', () => {
    const imgSrc = security.CONTENT_SECURITY_POLICY.split('; ').find((d) => d.startsWith('img-src'));
    expect(imgSrc).toBe("img-src 'self' app://blob data:");
  });

  it('suggests where to save an export: in Downloads, under the last part of the name, with its type', async () => {
    const { saveDialogOptions } = await import('../../electron/main/save-dialog');
    expect(saveDialogOptions('/home/li/Downloads', 'assessment-report-X-2026-03-01-en.docx')).toMatchObject({
      defaultPath: '/home/li/Downloads/assessment-report-X-2026-03-01-en.docx',
      filters: [{ name: 'Word document', extensions: ['docx'] }, { name: 'All files', extensions: ['*'] }],
    });
    expect(saveDialogOptions('/dl', '../../.bashrc').defaultPath).toBe('/dl/.bashrc');
    expect(saveDialogOptions('/dl', 'C:\\Windows\\x.pdf')).toMatchObject({ defaultPath: '/dl/x.pdf', filters: [{ name: 'PDF document', extensions: ['pdf'] }, expect.anything()] });
    expect(saveDialogOptions('/dl', 'notes.xyz').filters).toEqual([{ name: 'All files', extensions: ['*'] }]);
  });

  it('serves the app from the custom protocol, not file://', () => {
    expect(security.APP_ENTRY_URL.startsWith('app://fieldbench/')).toBe(true);
    expect(security.isAppUrl('app://fieldbench/index.html')).toBe(true);
    expect(security.isAppUrl('file:///etc/passwd')).toBe(false);
    expect(security.isAppUrl('app://other/index.html')).toBe(false);
    expect(security.isAppUrl('https://fieldbench/')).toBe(false);
  });

  it('allows only https and mailto to leave the app', () => {
    expect(security.isAllowedExternalUrl('https://example.org/doc')).toBe(true);
    expect(security.isAllowedExternalUrl('mailto:someone@example.org')).toBe(true);
    for (const url of ['http://example.org', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'ms-msdt:/id', 'https://user:pw@example.org', 'not a url']) {
      expect(security.isAllowedExternalUrl(url), url).toBe(false);
    }
  });

  it('hands mailto: links to the OS only with an address, subject, body and cc', () => {
    expect(security.isAllowedExternalUrl('mailto:a@example.org?subject=Site%20visit&body=Hi&cc=b@example.org')).toBe(true);
    for (const url of ['mailto:a@example.org?attach=/home/user/.ssh/id_rsa', 'mailto:a@example.org?ATTACHMENT=~/x', 'mailto:a@example.org?subject=x&%61ttach=/etc/passwd', 'mailto:a@example.org?bcc=c@example.org', 'mailto:?subject=x', 'mailto:a@example.org?subject=a&subject=b']) {
      expect(security.isAllowedExternalUrl(url), url).toBe(false);
    }
  });

  it('denies every permission', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) expect(security.allowPermission(p)).toBe(false);
  });

  it('never resolves app:// paths outside the renderer folder', () => {
    const resolve = (url: string) => security.resolveAppFile('/app/dist/renderer', url, path.posix.join, path.posix.normalize);
    expect(resolve('app://fieldbench/')).toBe('/app/dist/renderer/index.html');
    expect(resolve('app://fieldbench/assets/a.js')).toBe('/app/dist/renderer/assets/a.js');
    // The URL parser folds dot segments, so this stays inside the renderer folder.
    expect(resolve('app://fieldbench/../../etc/passwd')).toBe('/app/dist/renderer/etc/passwd');
    expect(resolve('app://fieldbench/%2e%2e/%2e%2e/etc/passwd')).toBe('/app/dist/renderer/etc/passwd');
    expect(resolve('app://fieldbench/..%2f..%2fpackage.json')).toBeNull();
    expect(resolve('app://fieldbench/a%00.js')).toBeNull();
    expect(resolve('app://evil/index.html')).toBeNull();
  });
});

describe('Electron window wiring', () => {
  it('creates the window with the secure preferences and loads the app protocol', () => {
    recorded.packaged = true;
    createMainWindow('/x/preload.cjs');
    recorded.packaged = false;
    const options = recorded.windowOptions.at(-1) as { webPreferences: Record<string, unknown> };
    // The literal expectation, not the function's own output: a changed preference must fail here.
    expect(options.webPreferences).toEqual({
      preload: '/x/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: process.platform === 'darwin',
      devTools: false,
    });
    expect(recorded.loaded.at(-1)).toBe(security.APP_ENTRY_URL);
  });

  it('holds a close for the page to save, and asks before a form with unsaved changes is closed', () => {
    createMainWindow('/x/preload.cjs');
    expect(recorded.windowListeners.has('close')).toBe(true);
    const refusal = recorded.contentsListeners.get('will-prevent-unload');
    if (!refusal) throw new Error('no will-prevent-unload listener');
    // "Keep editing": the page's refusal stands.
    let ignored = 0;
    recorded.dialogAnswer = 1;
    refusal({ preventDefault: () => (ignored += 1) });
    expect(ignored).toBe(0);
    // "Discard changes and close": the refusal is overridden, the window closes.
    recorded.dialogAnswer = 0;
    refusal({ preventDefault: () => (ignored += 1) });
    expect(ignored).toBe(1);
    expect(leaveWords('zh-CN').title).toBe('不保存就关闭？');
    expect(leaveWords('en-US').leave).toBe('Discard changes and close');
    // Asked in the system's language until the page says which one it shows (with its flush answer).
    expect(recorded.dialogTitles.at(-1)).toBe('Close without saving?');
    recorded.windowListeners.get('close')?.({ preventDefault: () => {} });
    recorded.ipcListeners.get(IPC_FLUSHED)?.({ sender: recorded.windowContents }, 'zh-CN');
    refusal({ preventDefault: () => {} });
    expect(recorded.dialogTitles.at(-1)).toBe('不保存就关闭？');
  });

  it('has DevTools only in development, and spell checking only where the OS checks (no dictionary download)', () => {
    expect(security.webPreferences('/p', { packaged: true, platform: 'darwin' })).toMatchObject({ devTools: false, spellcheck: true });
    expect(security.webPreferences('/p', { packaged: true, platform: 'win32' })).toMatchObject({ devTools: false, spellcheck: false });
    expect(security.webPreferences('/p', { packaged: true, platform: 'linux' })).toMatchObject({ devTools: false, spellcheck: false });
    expect(security.webPreferences('/p', { packaged: false, platform: 'linux' })).toMatchObject({ devTools: true });
  });

  it('closes DevTools whenever something opens them in a packaged build', () => {
    recorded.packaged = true;
    createdElsewhere();
    recorded.packaged = false;
    const before = recorded.closedDevTools;
    recorded.contentsListeners.get('devtools-opened')?.();
    expect(recorded.closedDevTools).toBe(before + 1);
  });

  it('gives macOS a View menu without DevTools or reload in a packaged build, and no menu elsewhere', () => {
    const packaged = JSON.stringify(security.applicationMenuTemplate({ packaged: true, platform: 'darwin' }));
    expect(packaged).not.toMatch(/toggleDevTools|toggledevtools|viewMenu|reload|forceReload/i);
    expect(packaged).toContain('togglefullscreen');
    expect(security.applicationMenuTemplate({ packaged: false, platform: 'darwin' })).toContainEqual({ role: 'viewMenu' });
    expect(security.applicationMenuTemplate({ packaged: true, platform: 'win32' })).toBeNull();
    expect(security.applicationMenuTemplate({ packaged: true, platform: 'linux' })).toBeNull();
  });

  it('blocks navigation away from the app, in every web contents, and hands allowed links to the OS', () => {
    createdElsewhere();
    const navigate = recorded.contentsListeners.get('will-navigate');
    expect(navigate).toBeDefined();
    const prevented: string[] = [];
    const event = (url: string) => ({ preventDefault: () => prevented.push(url) });
    navigate?.(event('https://example.org/'), 'https://example.org/');
    navigate?.(event('file:///etc/passwd'), 'file:///etc/passwd');
    navigate?.(event('app://fieldbench/index.html#/kb'), 'app://fieldbench/index.html#/kb');
    expect(prevented).toEqual(['https://example.org/', 'file:///etc/passwd']);
    expect(recorded.opened).toEqual(['https://example.org/']);
  });

  it('blocks redirects away from the app in every web contents', () => {
    createdElsewhere();
    const redirect = recorded.contentsListeners.get('will-redirect');
    expect(redirect).toBeDefined();
    const prevented: string[] = [];
    const event = (url: string) => ({ preventDefault: () => prevented.push(url) });
    redirect?.(event('https://evil.example/'), 'https://evil.example/');
    redirect?.(event('app://fieldbench/index.html'), 'app://fieldbench/index.html');
    expect(prevented).toEqual(['https://evil.example/']);
    expect(recorded.opened).toEqual([]);
  });

  it('denies every new window, opening only allowlisted URLs externally', () => {
    createdElsewhere();
    expect(recorded.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(recorded.windowOpenHandler?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(recorded.windowOpenHandler?.({ url: 'app://fieldbench/index.html' })).toEqual({ action: 'deny' });
    expect(recorded.opened).toEqual(['https://example.org/']);
  });

  it('refuses webviews', () => {
    createdElsewhere();
    let prevented = false;
    recorded.contentsListeners.get('will-attach-webview')?.({ preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
  });

  it('denies permission requests and checks by default', () => {
    lockDownSession();
    const answers: boolean[] = [];
    recorded.permissionRequest?.({}, 'media', (granted: boolean) => answers.push(granted));
    recorded.permissionRequest?.({}, 'notifications', (granted: boolean) => answers.push(granted));
    expect(answers).toEqual([false, false]);
    expect(recorded.permissionCheck?.({}, 'geolocation')).toBe(false);
  });
});

import { beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * Main's PDF printing (electron/main/pdf.ts) against a recording stand-in for 'electron': the
 * hidden window gets the hardened preferences (guards: main's web-contents-created), only the report route is
 * printed, it prints once its page says it is ready (Bridge.printReady over IPC), and the window is
 * untrusted and destroyed whatever happens.
 */

type Listener = (...args: unknown[]) => unknown;
const recorded = vi.hoisted(() => ({
  windowOptions: [] as { show?: boolean; webPreferences?: Record<string, unknown> }[],
  listeners: [] as string[],
  loaded: [] as string[],
  destroyed: 0,
  /** The frame that says "ready" once the page has loaded; null: the page never says it. */
  readyFrom: { url: 'app://fieldbench/index.html', parent: null } as { url: string; parent: unknown } | null,
  ipcListeners: new Map<string, Listener>(),
  printOptions: [] as unknown[],
}));

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = {
      on: (name: string, _fn: Listener) => recorded.listeners.push(name),
      setWindowOpenHandler: () => recorded.listeners.push('window-open'),
      ipc: {
        on: (channel: string, fn: Listener) => recorded.ipcListeners.set(channel, fn),
        removeListener: (channel: string, fn: Listener) => recorded.ipcListeners.get(channel) === fn && recorded.ipcListeners.delete(channel),
      },
      printToPDF: (options: unknown) => (recorded.printOptions.push(options), Promise.resolve(Buffer.from('%PDF-1.7'))),
    };
    constructor(options: { show?: boolean; webPreferences?: Record<string, unknown> }) {
      recorded.windowOptions.push(options);
    }
    loadURL(url: string) {
      recorded.loaded.push(url);
      // The page renders, loads its images, then says so (a frame that is not its own first).
      const ready = recorded.ipcListeners.get('fieldbench:print-ready');
      ready?.({ senderFrame: { url: 'app://fieldbench/index.html', parent: {} } });
      if (recorded.readyFrom) ready?.({ senderFrame: recorded.readyFrom });
      return Promise.resolve();
    }
    destroy() {
      recorded.destroyed++;
    }
  }
  return { app: { isPackaged: true, on: () => undefined }, BrowserWindow, shell: { openExternal: () => Promise.resolve() }, session: {} };
});

const { isPrintableRoute, printRouteToPdf } = await import('../../electron/main/pdf');

beforeEach(() => {
  recorded.windowOptions.length = 0;
  recorded.listeners.length = 0;
  recorded.loaded.length = 0;
  recorded.printOptions.length = 0;
  recorded.destroyed = 0;
  recorded.readyFrom = { url: 'app://fieldbench/index.html', parent: null };
  recorded.ipcListeners.clear();
});

describe('printing a report to PDF in Electron', () => {
  it('accepts the assessment report route', () => {
    expect(isPrintableRoute('/assessments/8f0c-12/report?lang=en')).toBe(true);
    expect(isPrintableRoute('/assessments/8f0c-12/report?lang=zh')).toBe(true);
    expect(isPrintableRoute('/assessments/x/report?lang=fr')).toBe(false);
    expect(isPrintableRoute('/kb')).toBe(false);
    expect(isPrintableRoute('/assessments/../../etc/report?lang=en')).toBe(false);
    expect(isPrintableRoute('https://example.com/assessments/x/report?lang=en')).toBe(false);
  });

  it('accepts the proposal print route and nothing around it', () => {
    expect(isPrintableRoute('/proposals/3f9a-77_b/print')).toBe(true);
    expect(isPrintableRoute('/proposals/3f9a-77_b/print?copy=internal')).toBe(true);
    expect(isPrintableRoute('/proposals/x/print?copy=everyone')).toBe(false);
    expect(isPrintableRoute('/proposals/x/print?lang=en')).toBe(false);
    expect(isPrintableRoute('/proposals/../kb/print')).toBe(false);
    expect(isPrintableRoute('/proposals/x/edit')).toBe(false);
    expect(isPrintableRoute('/proposals//print')).toBe(false);
    expect(isPrintableRoute('https://example.com/proposals/x/print')).toBe(false);
  });

  it('renders in a hidden, hardened, guarded window that is trusted only while it prints', async () => {
    const trusted: unknown[] = [];
    const untrusted: unknown[] = [];
    const pdf = await printRouteToPdf('/assessments/s1/report?lang=en', '/app/preload.cjs', (c) => trusted.push(c), (c) => untrusted.push(c));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const [options] = recorded.windowOptions;
    expect(options?.show).toBe(false);
    expect(options?.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, preload: '/app/preload.cjs' });
    // Navigation, new windows and webviews are guarded for every web contents by main's web-contents-created guard (electron-security.test.ts).
    expect(options?.webPreferences).toMatchObject({ devTools: false });
    expect(recorded.loaded).toEqual(['app://fieldbench/index.html#/assessments/s1/report?lang=en']);
    expect(recorded.printOptions).toEqual([{ pageSize: 'A4', printBackground: true, preferCSSPageSize: true, generateDocumentOutline: true, generateTaggedPDF: true }]);
    expect(trusted).toHaveLength(1);
    expect(untrusted).toEqual(trusted);
    expect(recorded.destroyed).toBe(1);
    expect(recorded.ipcListeners.size).toBe(0);
  });

  it('waits for the page itself: a subframe saying "ready" does not count, and then it gives up with a reason', async () => {
    recorded.readyFrom = null;
    vi.useFakeTimers();
    try {
      const untrusted: unknown[] = [];
      const printing = printRouteToPdf('/assessments/s1/report?lang=en', '/p.cjs', () => {}, (c) => untrusted.push(c));
      const outcome = expect(printing).rejects.toThrow('did not say it was ready within 20 s');
      await vi.advanceTimersByTimeAsync(20_000);
      await outcome;
      expect(untrusted).toHaveLength(1);
      expect(recorded.destroyed).toBe(1);
      expect(recorded.printOptions).toHaveLength(0);
      expect(recorded.ipcListeners.size).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not print before the page is ready', async () => {
    recorded.readyFrom = null;
    const printing = printRouteToPdf('/proposals/p1/print', '/p.cjs', () => {}, () => {});
    await new Promise((r) => setTimeout(r, 20));
    expect(recorded.printOptions).toHaveLength(0);
    recorded.ipcListeners.get('fieldbench:print-ready')?.({ senderFrame: { url: 'app://fieldbench/index.html', parent: null } });
    expect((await printing).subarray(0, 5).toString()).toBe('%PDF-');
    expect(recorded.printOptions).toHaveLength(1);
  });

  it('opens no window for a route it will not print', async () => {
    await expect(printRouteToPdf('/kb', '/p.cjs', () => {}, () => {})).rejects.toThrow('not a printable route');
    expect(recorded.windowOptions).toHaveLength(0);
  });
});

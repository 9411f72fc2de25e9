import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { _electron as electron, expect, test } from '@playwright/test';

/**
 * The packaged shape of the app: Electron main + preload + backend utility process + renderer.
 * Needs the Electron binary, which these CI machines cannot download (ELECTRON_SKIP_BINARY_DOWNLOAD);
 * run with `npm run build && node scripts/native-electron.mjs && npx playwright test -c test/e2e-electron/playwright.config.ts`.
 */

const root = path.resolve(import.meta.dirname, '..', '..');

/** The binary path the electron package reports, or why there is none. */
function electronBinary(): { path: string } | { missing: string } {
  if (!fs.existsSync(path.join(root, 'node_modules', 'electron', 'dist'))) {
    return { missing: 'node_modules/electron/dist is absent (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1)' };
  }
  try {
    // The electron package's main export is the path of its binary; it throws when the download was skipped.
    const binary = String(createRequire(import.meta.url)('electron'));
    return fs.existsSync(binary) ? { path: binary } : { missing: `the Electron binary ${binary} does not exist` };
  } catch (error) {
    return { missing: `require('electron') failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

const binary = electronBinary();
test.skip('missing' in binary, `No Electron binary on this machine: ${'missing' in binary ? binary.missing : ''}. This suite runs only where Electron is installed.`);

test('the window opens isolated and sandboxed, with only the bridge exposed', async () => {
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbench-electron-'));
  const app = await electron.launch({ args: ['.', `--user-data-dir=${userData}`], cwd: root });
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('heading', { level: 1, name: 'Knowledge base' })).toBeVisible();

    // getLastWebPreferences is real at run time but missing from electron.d.ts, hence the narrow cast.
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]?.webContents as unknown as { getLastWebPreferences?: () => Electron.WebPreferences | null } | undefined;
      if (typeof contents?.getLastWebPreferences !== 'function') throw new Error('webContents.getLastWebPreferences() is not available in this Electron');
      const p = contents.getLastWebPreferences();
      return p ? { contextIsolation: p.contextIsolation, sandbox: p.sandbox, nodeIntegration: p.nodeIntegration } : null;
    });
    expect(prefs).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false });

    // The renderer sees none of Node: no require, no process; only the typed bridge with its four
    // functions (the MessagePort and ipcRenderer stay in the preload's isolated world).
    const globals = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      const bridge = w.bridge as Record<string, unknown>;
      return { bridge: Object.keys(bridge).sort(), require: typeof w.require, process: typeof w.process, ipc: typeof w.ipcRenderer };
    });
    expect(globals).toEqual({ bridge: ['blobUrl', 'call', 'on', 'onClosing', 'printReady'], require: 'undefined', process: 'undefined', ipc: 'undefined' });

    // And the bridge reaches the backend, over the port main handed over.
    await page.getByRole('searchbox', { name: 'Search the knowledge base' }).fill('containment');
    await expect(page.locator('.article-list li').first()).toBeVisible();

    // Bytes cross as Uint8Array, and stored images come back read-only from app://blob/<sha256>.
    const shown = await page.evaluate(async () => {
      type Result = { ok: boolean; value?: { sha256: string }; error?: { message: string } };
      const bridge = (window as unknown as { bridge: { call(m: string, a: unknown): Promise<Result>; blobUrl(sha: string): string } }).bridge;
      const png = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));
      const added = await bridge.call('attachments.add', { ownerTable: 'field_notes', ownerId: 'electron-e2e', name: 'dot.png', mime: 'image/png', data: png });
      if (!added.ok || !added.value) throw new Error(added.error?.message ?? 'attachments.add failed');
      const img = new Image();
      img.src = bridge.blobUrl(added.value.sha256);
      await img.decode();
      return { src: img.src, width: img.naturalWidth };
    });
    expect(shown).toEqual({ src: expect.stringMatching(/^app:\/\/blob\/[0-9a-f]{64}$/), width: 1 });
  } finally {
    await app.close();
    fs.rmSync(userData, { recursive: true, force: true });
  }
});

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

    // The renderer sees none of Node: no require, no process; only the typed bridge.
    const globals = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      return { bridge: typeof w.bridge, require: typeof w.require, process: typeof w.process };
    });
    expect(globals).toEqual({ bridge: 'object', require: 'undefined', process: 'undefined' });

    // And the bridge reaches the backend.
    await page.getByRole('searchbox', { name: 'Search the knowledge base' }).fill('containment');
    await expect(page.locator('.article-list li').first()).toBeVisible();
  } finally {
    await app.close();
    fs.rmSync(userData, { recursive: true, force: true });
  }
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { _electron as electron, expect, test } from '@playwright/test';

const root = path.resolve(import.meta.dirname, '..', '..');
// The electron package exports the path of its binary; with ELECTRON_SKIP_BINARY_DOWNLOAD it is absent.
const electronBinary = (() => {
  try {
    return String(createRequire(import.meta.url)('electron'));
  } catch {
    return '';
  }
})();

test.skip(!electronBinary || !fs.existsSync(electronBinary), 'no Electron binary on this machine (installed with ELECTRON_SKIP_BINARY_DOWNLOAD)');

test('the Electron app opens isolated and serves the knowledge base', async () => {
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbench-electron-'));
  const app = await electron.launch({ args: [root, `--user-data-dir=${userData}`], cwd: root });
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('heading', { level: 1, name: 'Knowledge base' })).toBeVisible();
    expect(page.url().startsWith('app://fieldbench/')).toBe(true);
    // The renderer must see none of Node: no require, no process; only the bridge.
    const globals = await page.evaluate(() => ({ bridge: typeof (window as { bridge?: unknown }).bridge, require: typeof (window as { require?: unknown }).require, process: typeof (window as { process?: unknown }).process }));
    expect(globals).toEqual({ bridge: 'object', require: 'undefined', process: 'undefined' });
    await page.getByRole('searchbox', { name: 'Search the knowledge base' }).fill('containment');
    await expect(page.locator('.article-list li').first()).toBeVisible();
  } finally {
    await app.close();
    fs.rmSync(userData, { recursive: true, force: true });
  }
});

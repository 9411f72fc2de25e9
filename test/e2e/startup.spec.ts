import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { test, expect, startHost, stopHost, type Host } from './fixtures';

/**
 * A data folder written by a newer Fieldbench: the backend refuses to open it, the host still
 * serves the app, and the app says why in one full-width notice instead of waiting forever.
 */

let dataDir: string;
let host: Host | undefined;

test.beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbench-e2e-newer-'));
  // A first start creates the database; then a newer build's migration is recorded in it.
  const first = await startHost(dataDir);
  await stopHost(first);
  const db = new Database(path.join(dataDir, 'fieldbench.db'));
  const { n } = db.prepare('SELECT max(id) AS n FROM schema_migrations').get() as { n: number };
  db.prepare("INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, 'from-a-newer-fieldbench', '2030-01-01T00:00:00.000Z')").run(n + 1);
  db.close();
  host = await startHost(dataDir);
});

test.afterAll(async () => {
  if (host) await stopHost(host);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('a database from a newer version: the app shows why it cannot open the data', async ({ page }) => {
  if (!host) throw new Error('no host');
  await page.goto(host.appUrl);
  const notice = page.getByRole('alert');
  await expect(notice.getByRole('heading', { level: 1, name: 'Fieldbench cannot open its data' })).toBeVisible();
  await expect(notice).toContainText('This data file was written by a newer version of Fieldbench');
  await expect(notice).toContainText('Update Fieldbench to open it; the file was not changed.');
  // Nothing else is offered: every call would fail the same way.
  await expect(page.getByRole('navigation')).toHaveCount(0);
  // The full width of the window, not a toast in a corner.
  const box = await notice.boundingBox();
  expect(box?.width ?? 0).toBeGreaterThan((page.viewportSize()?.width ?? 0) * 0.8);
});

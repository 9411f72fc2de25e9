import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test as base } from '@playwright/test';
import { startHost, stopHost, type Host } from './fixtures';
import { api, gotoRoute } from './app-api';
import { noSeriousViolations } from './axe';
import { damage } from '../helpers/damage';

/**
 * The data-safety screens against real hosts on their own data folders: a damaged database opens
 * the recovery screen and one click restores the newest backup; Settings lists backups, backs up
 * and restores; a tab takes the new key of a restarted host without opening a new tab.
 */

const test = base;
const dataDirs: string[] = [];
const hosts: Host[] = [];

function newDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbench-e2e-safety-'));
  dataDirs.push(dir);
  return dir;
}

async function start(dataDir: string, port = 0): Promise<Host> {
  const host = await startHost(dataDir, { port });
  hosts.push(host);
  return host;
}

test.afterEach(async () => {
  for (const host of hosts.splice(0)) await stopHost(host);
  for (const dir of dataDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

test('a damaged database opens the recovery screen, and one click restores the newest backup', async ({ page }) => {
  const dataDir = newDataDir();
  const first = await start(dataDir);
  await api(first.appUrl, 'customers.create', { name: 'Harbour Telecom before the damage', kind: 'enterprise' });
  await api(first.appUrl, 'backups.create', {});
  await stopHost(first);
  damage(dataDir, 'header');

  const second = await start(dataDir);
  await page.goto(second.appUrl);
  await expect(page.getByRole('heading', { level: 1, name: 'Fieldbench needs your decision before it opens your data' })).toBeVisible();
  await expect(page.getByText(/is damaged/)).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Newest backup:/ })).toBeVisible();
  await noSeriousViolations(page, 'the recovery screen');

  await page.getByRole('button', { name: 'Restore this backup' }).click();
  await expect(page.getByRole('link', { name: 'Knowledge base' })).toBeVisible({ timeout: 15_000 });
  await gotoRoute(page, second.appUrl, '/customers');
  await expect(page.getByText('Harbour Telecom before the damage')).toBeVisible();
  // The damaged file was kept, not deleted.
  expect(fs.readdirSync(dataDir).some((n) => /^fieldbench\.damaged-.*\.db$/.test(n))).toBe(true);
});

test('Settings lists backups, backs up now and restores one after asking', async ({ page }) => {
  const dataDir = newDataDir();
  const host = await start(dataDir);
  await api(host.appUrl, 'customers.create', { name: 'Kept Customer', kind: 'enterprise' });
  await page.goto(host.appUrl);
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Backed up at/ })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: 'By hand' });
  await expect(row).toContainText('1 customers');

  await api(host.appUrl, 'customers.create', { name: 'Added After The Backup', kind: 'enterprise' });
  await row.getByRole('button', { name: /^Restore the backup of/ }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('What you have now is backed up first');
  await noSeriousViolations(page, 'the restore confirmation');
  await dialog.getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 15_000 });
  await gotoRoute(page, host.appUrl, '/customers');
  await expect(page.getByText('Kept Customer')).toBeVisible();
  await expect(page.getByText('Added After The Backup')).toHaveCount(0);
  // …and the data from before the restore is a backup of its own.
  await gotoRoute(page, host.appUrl, '/settings');
  await expect(page.getByRole('row').filter({ hasText: 'Before a restore' })).toContainText('2 customers');
});

test('an open tab takes the new key of a restarted host when the new link is opened in it', async ({ page }) => {
  const dataDir = newDataDir();
  const first = await start(dataDir);
  const port = Number(new URL(first.appUrl).port);
  await page.goto(first.appUrl);
  await expect(page.getByRole('link', { name: 'Knowledge base' })).toBeVisible();
  await stopHost(first);

  const second = await start(dataDir, port);
  expect(second.appUrl).not.toBe(first.appUrl);
  await page.goto(second.appUrl);
  await expect(page.getByRole('link', { name: 'Knowledge base' })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText('Fieldbench cannot open its data')).toHaveCount(0);
  // Calls go through with the new key: a record made after the restart is listed.
  await api(second.appUrl, 'customers.create', { name: 'Made After The Restart', kind: 'enterprise' });
  await gotoRoute(page, second.appUrl, '/customers');
  await expect(page.getByText('Made After The Restart')).toBeVisible();
});

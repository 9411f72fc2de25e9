import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect, startHost, stopHost, type Host } from './fixtures';
import { api, gotoRoute } from './app-api';

/** The first start shows each role where to begin; put away, it stays away, and Help shows it again. */

test('a first-run welcome shows each role where to start, is put away for good, and Help shows it again', async ({ page, appUrl }) => {
  await api(appUrl, 'settings.update', { welcomeDismissed: false });
  await page.goto(appUrl);
  const welcome = page.getByRole('region', { name: 'Welcome to Fieldbench' });
  await expect(welcome).toBeVisible();
  for (const role of ['Consultant at a customer site', 'Pre-sales', 'Knowledge manager']) await expect(welcome.getByRole('heading', { level: 3, name: role })).toBeVisible();
  await expect(welcome.getByRole('link', { name: 'Engagements' })).toHaveAttribute('href', '#/engagements');
  await expect(welcome.getByRole('link', { name: 'Proposals' })).toHaveAttribute('href', '#/proposals');
  await expect(welcome.getByRole('link', { name: 'Review' })).toHaveAttribute('href', '#/review');
  // Where a device joins the others, for everyone.
  await expect(welcome.getByRole('link', { name: 'Open Sync' })).toHaveAttribute('href', '#/sync');

  await welcome.getByRole('button', { name: 'Got it' }).click();
  await expect(welcome).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Knowledge base' })).toBeVisible();
  await expect(welcome).toHaveCount(0);

  await page.getByRole('banner').getByRole('link', { name: 'Help' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Help' })).toBeVisible();
  await expect(welcome).toBeVisible();
  await expect(welcome.getByRole('button', { name: 'Got it' })).toHaveCount(0);
  await gotoRoute(page, appUrl, '/kb');
  await expect(welcome).toHaveCount(0);
});

test('a first start speaks the system’s language until the user picks one', async ({ browser }) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbench-first-start-'));
  let host: Host | undefined;
  const context = await browser.newContext({ locale: 'zh-CN' });
  try {
    host = await startHost(dataDir);
    const page = await context.newPage();
    await page.goto(host.appUrl);
    await expect(page.getByRole('region', { name: '欢迎使用 Fieldbench' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    // Picked, it stays picked, whatever the system speaks.
    await page.getByRole('banner').getByRole('combobox', { name: '语言' }).selectOption('en');
    await expect(page.getByRole('region', { name: 'Welcome to Fieldbench' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('region', { name: 'Welcome to Fieldbench' })).toBeVisible();
  } finally {
    await context.close();
    if (host) await stopHost(host);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

import { test, expect } from './fixtures';

test.describe('browser host', () => {
  test('opens through the secret URL, renders the app and removes the secret from the address bar', async ({ page, appUrl }) => {
    const secret = new URL(appUrl).hash.replace(/^#k=/, '');
    expect(secret).toMatch(/^[\w-]{43}$/);
    await page.goto(appUrl);
    await expect(page.locator('#root > *').first()).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Knowledge base' })).toBeVisible();
    expect(page.url()).not.toContain(secret);
    expect(page.url()).not.toContain('k=');
  });

  test('trades the key for an HttpOnly cookie: a new tab, a bookmark or a reload of this browser gets in without it', async ({ page, appUrl }) => {
    await page.goto(appUrl);
    await expect(page.getByRole('heading', { level: 1, name: 'Knowledge base' })).toBeVisible();
    const port = new URL(appUrl).port;
    await expect.poll(async () => (await page.context().cookies()).find((c) => c.name === `fieldbench-access-${port}`)).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    // Scripts on the page cannot read it.
    expect(await page.evaluate(() => document.cookie)).not.toContain('fieldbench-access');
    // A new tab on a route, as Ctrl+click or a bookmark opens it: no key in the address, no sessionStorage.
    const tab = await page.context().newPage();
    await tab.goto(`${appUrl.replace(/#.*$/, '')}#/engagements`);
    await expect(tab.getByRole('heading', { level: 1, name: 'Engagements' })).toBeVisible();
    await expect(tab.getByText(/has no access key/)).toHaveCount(0);
    await tab.close();
  });

  test('a page opened without the secret explains how to get in', async ({ browser, appUrl }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${appUrl.replace(/#.*$/, '')}#/engagements`);
    // Said once, for the whole page, not by every panel that tried to load.
    await expect(page.getByText(/has no access key/)).toHaveCount(1);
    await expect(page.getByText(/has no access key/)).toBeVisible();
    await context.close();
  });
});

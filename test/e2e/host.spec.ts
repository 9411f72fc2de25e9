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

  test('refuses API calls from the page that lack the secret', async ({ page, appUrl }) => {
    await page.goto(appUrl);
    await expect(page.locator('#root > *').first()).toBeVisible();
    const statuses = await page.evaluate(async () => {
      const call = (headers: Record<string, string>) =>
        fetch('/api/call', { method: 'POST', headers: { 'content-type': 'application/x-fieldbench', ...headers }, body: '' }).then((r) => r.status);
      return { missing: await call({}), wrong: await call({ 'x-fieldbench-secret': 'x'.repeat(43) }) };
    });
    expect(statuses).toEqual({ missing: 401, wrong: 401 });
  });

  test('a page opened without the secret explains how to get in', async ({ browser, appUrl }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(appUrl.replace(/#.*$/, ''));
    await expect(page.getByText(/has no access key/).first()).toBeVisible();
    await context.close();
  });
});

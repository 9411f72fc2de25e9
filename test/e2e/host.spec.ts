import { test, expect } from './fixtures';

test.describe('browser host', () => {
  test('takes the access key from the URL fragment and removes it from the address bar', async ({ page, host }) => {
    await page.goto(host.appUrl);
    await expect(page.getByRole('heading', { level: 1, name: 'Knowledge base' })).toBeVisible();
    expect(page.url()).not.toContain('k=');
  });

  test('refuses API calls without the access key', async ({ page, host }) => {
    await page.goto(host.appUrl);
    const status = await page.evaluate(async () => {
      const res = await fetch('/api/call', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ method: 'app.info', args: {} }) });
      return res.status;
    });
    expect(status).toBe(401);
  });

  test('a page opened without the key explains how to get in', async ({ browser, host }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(host.appUrl.replace(/#.*$/, ''));
    await expect(page.getByText(/has no access key/).first()).toBeVisible();
    await context.close();
  });
});

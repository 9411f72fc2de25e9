import { test, expect } from './fixtures';

const SECTIONS: [string, string][] = [
  ['Engagements', 'No engagements on this device yet'],
  ['Assessments', 'No assessments on this device yet'],
  ['Proposals', 'No proposals on this device yet'],
  ['Risks', 'No risks recorded on this device yet'],
  ['Review', 'Nothing to review on this device'],
  ['Sync', 'This device has not synced yet'],
];

test.describe('app shell', () => {
  test('every section is reachable and honest about being empty', async ({ page, host }) => {
    await page.goto(host.appUrl);
    const nav = page.getByRole('navigation', { name: 'Sections' });
    for (const [name, empty] of SECTIONS) {
      await nav.getByRole('link', { name }).click();
      await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
      await expect(page.getByRole('heading', { name: empty })).toBeVisible();
    }
    await expect(page.getByText('Working locally — no sync configured on this device')).toBeVisible();
    await expect(page.getByText(/Content pack fieldbench-core v1/)).toBeVisible();
  });

  test('Ctrl+K opens search from anywhere and Enter opens the article', async ({ page, host }) => {
    await page.goto(host.appUrl);
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Risks' }).click();
    await page.keyboard.press('Control+K');
    const dialog = page.getByRole('dialog', { name: 'Search' });
    await expect(dialog).toBeVisible();
    await page.keyboard.type('uplift');
    await expect(dialog.getByRole('option').first()).toContainText('Uplift modelling and holdout design for campaigns');
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('heading', { level: 1, name: 'Uplift modelling and holdout design for campaigns' })).toBeVisible();

    await page.keyboard.press('Control+K');
    await expect(page.getByRole('dialog', { name: 'Search' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: 'Search' })).toBeHidden();
  });

  test('theme and language persist across reloads', async ({ page, host }) => {
    await page.goto(host.appUrl);
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: '知识库' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.getByRole('combobox', { name: '主题' }).selectOption('light');
    await page.getByRole('combobox', { name: '语言' }).selectOption('en');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  });
});

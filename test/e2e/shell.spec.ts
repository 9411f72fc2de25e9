import { test, expect } from './fixtures';

/** The app frame: navigation, status bar, quick search, settings, keyboard use. */

// `says`: what a section shows on a device that is not connected to a central repository (the
// shared host never is); the others hold records (and other specs on the same host may have added
// some), so only their page is checked here.
const SECTIONS: { name: string; says?: string; zh: string }[] = [
  { name: 'Engagements', zh: '项目' },
  { name: 'Assessments', zh: '评估' },
  { name: 'Proposals', zh: '方案' },
  { name: 'Risks', zh: '风险' },
  { name: 'Review', says: 'Submissions travel by sync. Connect this device in Sync to submit and to see reviews.', zh: '审核' },
  { name: 'Sync', says: 'Connect this device', zh: '同步' },
];

test.describe('app shell', () => {
  test.beforeEach(async ({ page, appUrl }) => {
    await page.goto(appUrl);
    await expect(page.getByRole('heading', { level: 1, name: 'Knowledge base' })).toBeVisible();
  });

  test('every section is reachable, and the sync sections say how to connect the device', async ({ page }) => {
    const nav = page.getByRole('navigation', { name: 'Sections' });
    for (const { name, says } of SECTIONS) {
      await nav.getByRole('link', { name }).click();
      await expect(page).toHaveURL(new RegExp(`#/${name.toLowerCase()}$`));
      const heading = page.getByRole('heading', { level: 1, name });
      await expect(heading).toBeVisible();
      // Focus moves to the new page's heading, and the window title follows.
      await expect(heading).toBeFocused();
      await expect(page).toHaveTitle(`${name} — Fieldbench`);
      if (says) await expect(page.getByText(says).first()).toBeVisible();
      await expect(nav.getByRole('link', { name })).toHaveAttribute('aria-current', 'page');
    }
    await nav.getByRole('link', { name: 'Knowledge base' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Knowledge base' })).toBeFocused();
  });

  test('the status bar shows the content pack and the sync state', async ({ page }) => {
    const status = page.getByRole('contentinfo');
    await expect(status).toContainText(/Content pack fieldbench-core v\d+/);
    await expect(status).toContainText('Working locally — no sync configured');
    // The sync state links to the Sync section.
    await expect(status.getByRole('link', { name: 'Working locally — no sync configured' })).toHaveAttribute('href', '#/sync');
    // The bundled pack is valid, so there is nothing to warn about.
    await expect(status.getByRole('button', { name: /problems? in the content pack/ })).toHaveCount(0);
  });

  test('Ctrl+K opens quick search from anywhere; arrows, Enter and Escape work', async ({ page }) => {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Risks' }).click();
    // The page loads on demand and its heading takes focus when it arrives: wait for it first.
    await expect(page.getByRole('heading', { level: 1, name: 'Risks' })).toBeFocused();
    const riskLink = page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Risks' });
    await riskLink.focus();

    await page.keyboard.press('Control+K');
    const dialog = page.getByRole('dialog', { name: 'Quick search' });
    await expect(dialog).toBeVisible();
    const input = dialog.getByRole('combobox', { name: 'Search articles' });
    await expect(input).toBeFocused();

    // Escape closes and gives focus back.
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(riskLink).toBeFocused();

    await page.keyboard.press('Control+K');
    // A typo is searched as the word it most likely meant, and the status says so.
    await page.keyboard.type('chrun');
    await expect(dialog.locator('.palette-status')).toContainText('Showing results for churn');
    // Nothing found: the status says why when search had something to say about the query.
    await input.fill('-churn');
    await expect(dialog.locator('.palette-status')).toContainText('Only words to leave out were given: add a word to search for.');
    await input.fill('');
    await page.keyboard.type('churn');
    await expect(dialog.locator('.palette-status')).not.toContainText('Showing results for');
    const options = dialog.getByRole('option');
    await expect(options.nth(1)).toBeVisible();
    await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');
    await expect(options.first().locator('mark').first()).toHaveText(/churn/i);
    // Tab stays inside the dialog.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(dialog.locator(':focus')).toHaveCount(1);
    await input.focus();

    await page.keyboard.press('ArrowDown');
    await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
    await expect(input).toHaveAttribute('aria-activedescendant', 'palette-hit-1');
    const title = (await options.nth(1).locator('.palette-hit-title').innerText()).trim();
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  });

  test('the global search box shows full results', async ({ page }) => {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Proposals' }).click();
    const global = page.getByRole('searchbox', { name: 'Search everywhere' });
    await global.fill('uplift');
    await global.press('Enter');
    await expect(page).toHaveURL(/#\/kb\?q=uplift/);
    await expect(page.getByRole('searchbox', { name: 'Search the knowledge base' })).toHaveValue('uplift');
    await expect(page.locator('.kb-results .article-list mark').first()).toBeVisible();
    // On the knowledge base's search page its own box is the one search entry point.
    await expect(page.getByRole('searchbox')).toHaveCount(1);
    await expect(page.getByRole('button', { name: /^Quick search/ })).toHaveCount(0);
    // Elsewhere (an article) the top bar's search is back.
    await page.locator('.kb-results .article-list a').first().click();
    await expect(page.getByRole('searchbox', { name: 'Search everywhere' })).toBeVisible();
  });

  test('the skip link moves focus to the main content', async ({ page }) => {
    await page.locator('body').focus();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main')).toBeFocused();
  });

  test('the theme switch sets the palette, and System follows the OS', async ({ page }) => {
    const theme = page.getByRole('combobox', { name: 'Theme' });
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await theme.selectOption('dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    const darkBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await theme.selectOption('light');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe(darkBackground);
    await theme.selectOption('system');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  });

  test('language and theme persist across reloads', async ({ page }) => {
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('heading', { level: 1, name: '知识库' })).toBeVisible();

    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: '知识库' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    const nav = page.getByRole('navigation', { name: '功能区' });
    for (const { zh } of SECTIONS) await expect(nav.getByRole('link', { name: zh })).toBeVisible();
    await nav.getByRole('link', { name: '审核' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '审核' })).toBeVisible();
    await expect(page.getByText('提交内容通过同步传送', { exact: false }).first()).toBeVisible();

    await page.getByRole('combobox', { name: '主题' }).selectOption('light');
    await page.getByRole('combobox', { name: '语言' }).selectOption('en');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });
});

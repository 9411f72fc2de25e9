import { test, expect } from './fixtures';

test.describe('knowledge base', () => {
  test('search in English, filter, and read an article', async ({ page, host }) => {
    await page.goto(host.appUrl);
    await expect(page.getByRole('heading', { level: 1, name: 'Knowledge base' })).toBeVisible();
    await expect(page.getByText(/^\d+ articles$/)).toBeVisible();

    const search = page.getByRole('searchbox', { name: 'Search the knowledge base' });
    await search.fill('intent taxonomy');
    const first = page.locator('.article-list li').first();
    await expect(first.getByRole('link')).toContainText('Building an intent taxonomy from call logs');
    await expect(first.locator('mark').first()).toBeVisible();

    // Filters narrow the results and live in the URL.
    await search.fill('masking');
    await expect(page.locator('.article-list li').first()).toBeVisible();
    await page.getByLabel('Type').selectOption('compliance');
    await expect(page).toHaveURL(/type=compliance/);
    const titles = page.locator('.article-list li .badge').filter({ hasText: /^(Method|Best practice|Lesson|Integration|Reference)$/ });
    await expect(titles).toHaveCount(0);
    await page.getByLabel('Scenario').selectOption('video-analytics');
    await expect(page.locator('.article-list li').first().getByRole('link')).toContainText('Privacy masking for video analytics');

    await page.locator('.article-list li').first().getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Privacy masking for video analytics' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Privacy masking for video analytics' })).toContainText('Mask at the edge');
    await expect(page.getByRole('heading', { name: 'Related articles' })).toBeVisible();
    await expect(page.locator('.related li').first()).toBeVisible();
  });

  test('browse by scenario shows its summary and KPIs', async ({ page, host }) => {
    await page.goto(host.appUrl);
    await page.getByLabel('Scenario').selectOption('base-station-energy-saving');
    await expect(page.getByRole('heading', { level: 1, name: 'Base-station energy saving' })).toBeVisible();
    await expect(page.getByText(/Typical KPIs: Energy saved per site/)).toBeVisible();
    await expect(page.getByRole('link', { name: 'Designing cell and carrier sleep strategies' })).toBeVisible();
  });

  test('Chinese search finds a word in the middle of a sentence; mixed queries work', async ({ page, host }) => {
    await page.goto(host.appUrl);
    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh');
    await expect(page.getByRole('heading', { level: 1, name: '知识库' })).toBeVisible();
    const search = page.getByRole('searchbox', { name: '搜索知识库' });

    // "告警风暴" sits mid-sentence in "…并在建模前压缩告警风暴。"
    await search.fill('告警风暴');
    await expect(page.locator('.article-list').getByRole('link', { name: '预测前的告警风暴压缩' })).toBeVisible();
    await expect(page.locator('.article-list').getByRole('link', { name: '为故障预测准备告警与工单数据' })).toBeVisible();
    await expect(page.locator('.article-list mark', { hasText: '告警' }).first()).toBeVisible();

    await search.fill('VoLTE 质量');
    await expect(page.locator('.article-list').getByRole('link', { name: '节能策略的护栏指标' })).toBeVisible();

    await search.fill('"NEAR( -x:* )');
    await expect(page.getByText('没有匹配的文章。请减少关键词、换一种语言，或清除筛选。')).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('a kb: link inside an article opens the linked article', async ({ page, host }) => {
    await page.goto(host.appUrl);
    await page.goto(host.appUrl.replace(/#.*$/, '#/kb/ics-kpi-glossary'));
    await page.getByRole('link', { name: 'the containment definition' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Measuring containment so both sides trust the number' })).toBeVisible();
  });

  test('an overdue article warns the reader', async ({ page, host }) => {
    await page.goto(host.appUrl);
    await page.goto(host.appUrl.replace(/#.*$/, '#/kb/oss-read-only-first'));
    await expect(page.getByRole('note')).toContainText('was due for review on 2026-02-28');
  });
});

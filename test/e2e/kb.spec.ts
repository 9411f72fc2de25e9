import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { Locator, Page } from '@playwright/test';
import { api, gotoRoute } from './app-api';
import { test, expect } from './fixtures';

/**
 * The knowledge base end to end, against the real bundled content pack. Expectations about
 * content (titles, words in bodies) are read from resources/content at run time, and each test
 * first checks that the content still has the property it relies on, so an edit to an article
 * fails with a message naming the article rather than a mysterious UI failure.
 */

const CONTENT = path.resolve(import.meta.dirname, '..', '..', 'resources', 'content');

type Article = { id: string; type: string; scenarios: string[]; title: { en: string; zh: string }; body: { en: string; zh: string } };

function readArticle(id: string): Article {
  const text = fs.readFileSync(path.join(CONTENT, 'kb', `${id}.md`), 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!match?.[1] || match[2] === undefined) throw new Error(`kb/${id}.md has no front matter`);
  const meta = parse(match[1]) as Omit<Article, 'body'>;
  const [en = '', zh = ''] = match[2].split('<!-- lang: zh -->');
  return { ...meta, id, body: { en: en.replace('<!-- lang: en -->', ''), zh } };
}

function readScenario(id: string): { name: { en: string; zh: string }; typicalKpis: { en: string; zh: string }[] } {
  return parse(fs.readFileSync(path.join(CONTENT, 'scenarios', `${id}.yaml`), 'utf8')) as never;
}

/** The first plain sentence of a Markdown body (no heading, list or quote), without inline markup. */
function firstSentence(markdown: string): string {
  const line = markdown.split('\n').find((l) => l.trim() !== '' && !/^\s*(#|-|\*|>|\d+\.|<!--)/.test(l));
  if (!line) throw new Error('no plain paragraph in the body');
  const plain = line.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*`_]/g, '');
  return plain.slice(0, 40);
}

/** A Lexical document of one paragraph of plain text. */
function lexicalText(text: string): string {
  const paragraph = { type: 'paragraph', version: 1, direction: null, format: '', indent: 0, children: [{ type: 'text', version: 1, text, detail: 0, format: 0, mode: 'normal', style: '' }] };
  return JSON.stringify({ root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: [paragraph] } });
}

const results = (page: Page): Locator => page.locator('.kb-results .article-list > li');
/** The live region that announces how many articles or results there are. */
const resultCount = (page: Page): Locator => page.locator('.kb-results .result-count[role="status"]');

test.describe('knowledge base', () => {
  test.beforeEach(async ({ page, appUrl }) => {
    // The first visit hands the page its access key; later routes reuse it from the session.
    await page.goto(appUrl);
    await expect(page.getByRole('heading', { level: 1, name: 'Knowledge base' })).toBeVisible();
  });

  test('searches in English with highlights, filters by scenario and type, and opens an article', async ({ page }) => {
    const taxonomy = readArticle('ics-intent-taxonomy-method');
    const lesson = readArticle('ics-intent-labelling-lesson');
    expect(lesson.type, 'precondition: the lesson article is a lesson').toBe('lesson');
    expect(lesson.scenarios).toContain('intelligent-customer-service');
    expect(`${lesson.title.en} ${lesson.body.en}`.toLowerCase()).toContain('intent');

    await expect(resultCount(page)).toHaveText(/^\d+ articles$/);
    const search = page.getByRole('searchbox', { name: 'Search the knowledge base' });
    await search.fill('intent');
    await expect(page).toHaveURL(/[?&]q=intent/);
    await expect(resultCount(page)).toHaveText(/^\d+ results?$/);
    await expect(results(page).getByRole('link', { name: taxonomy.title.en })).toBeVisible();
    await expect(results(page).first().locator('mark').first()).toHaveText(/intent/i);

    await page.getByRole('radio', { name: /^Intelligent customer service \d+$/ }).check();
    await expect(page).toHaveURL(/scenario=intelligent-customer-service/);
    await page.getByLabel('Type').selectOption('lesson');
    await expect(page).toHaveURL(/type=lesson/);
    await expect(results(page).getByRole('link', { name: lesson.title.en })).toBeVisible();
    // Every result is a lesson for this scenario (or for every scenario).
    const count = await results(page).count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) {
      const item = results(page).nth(i);
      await expect(item.locator('.type-badge')).toHaveText('Lesson');
      await expect(item.locator('.chip').filter({ hasText: /^(Intelligent customer service|All scenarios)$/ })).toHaveCount(1);
    }

    // Back undoes the last filter; the control follows the URL.
    await page.goBack();
    await expect(page).not.toHaveURL(/type=lesson/);
    await expect(page.getByLabel('Type')).toHaveValue('');
    await page.goForward();
    await expect(page.getByLabel('Type')).toHaveValue('lesson');

    await results(page).getByRole('link', { name: lesson.title.en }).click();
    await expect(page.getByRole('heading', { level: 1, name: lesson.title.en })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    await expect(page.getByRole('textbox', { name: lesson.title.en })).toContainText(firstSentence(lesson.body.en));
    await expect(page.getByRole('navigation', { name: 'Related articles' }).getByRole('link').first()).toBeVisible();
  });

  test('corrects a typo and says so, searches as typed on request, and answers a question typed in Chinese', async ({ page }) => {
    const pilot = readArticle('bse-pilot-lesson');
    expect(pilot.title.zh, 'precondition: the pilot lesson is about finance').toContain('财务');

    const search = page.getByRole('searchbox', { name: 'Search the knowledge base' });
    await search.fill('chrun ');
    const correction = page.getByRole('note').filter({ hasText: 'Showing results for' });
    await expect(correction).toContainText('churn');
    await expect(results(page).first().getByRole('link')).toHaveText(/churn/i);
    await correction.getByRole('button', { name: 'Search instead for chrun' }).click();
    await expect(correction).toHaveCount(0);
    await expect(page.getByText('Nothing matches.', { exact: false })).toBeVisible();

    // A question in Chinese, no spaces: the lesson about finance is among the first results (shown
    // in the language its matching text is in).
    await search.fill('如何向财务证明节电效果');
    await expect(results(page).first()).toBeVisible();
    await expect
      .poll(async () => (await results(page).locator('a.article-link').evaluateAll((links) => links.slice(0, 3).map((a) => a.getAttribute('href') ?? ''))).join(' '))
      .toContain('/kb/bse-pilot-lesson');
  });

  test('an English query finds a Chinese-only record through the glossary; the glossary is browsable and filters', async ({ page, appUrl }) => {
    // A field note written only in Chinese, about churn (离网): found by "attrition".
    await api(appUrl, 'notes.create', { title: '客户回访记录', bodyJson: lexicalText('本季度离网用户集中在合约到期前一个月。') });
    const search = page.getByRole('searchbox', { name: 'Search the knowledge base' });
    await search.fill('attrition ');
    await expect(results(page).getByRole('link', { name: '客户回访记录' })).toBeVisible();

    await page.getByRole('link', { name: 'Glossary', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Glossary' })).toBeVisible();
    await page.getByRole('searchbox', { name: 'Filter the glossary' }).fill('客户流失');
    const row = page.getByRole('row').filter({ hasText: '离网' });
    await expect(row).toHaveCount(1);
    await expect(row.getByRole('rowheader')).toContainText('churn');
    await row.getByRole('link', { name: 'churn', exact: true }).click();
    await expect(page).toHaveURL(/[?&]q=churn/);
    await expect(results(page).first()).toBeVisible();
  });

  test('a shared search URL opens with its query and filters applied', async ({ page, appUrl }) => {
    await gotoRoute(page, appUrl, '/kb?q=churn&type=lesson');
    await expect(page.getByRole('searchbox', { name: 'Search the knowledge base' })).toHaveValue('churn');
    await expect(page.getByLabel('Type')).toHaveValue('lesson');
    await expect(results(page).first()).toBeVisible();
    await expect(results(page).locator('.type-badge').filter({ hasNotText: 'Lesson' })).toHaveCount(0);
  });

  test('the scenario filter shows the scenario overview', async ({ page }) => {
    const scenario = readScenario('base-station-energy-saving');
    const sleep = readArticle('bse-cell-sleep-strategy-method');
    expect(sleep.scenarios).toContain('base-station-energy-saving');

    const filter = page.getByRole('radio', { name: /^Base-station energy saving \d+$/ });
    await filter.click();
    await expect(filter).toBeChecked();
    await expect(page.getByRole('heading', { level: 1, name: scenario.name.en })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Typical KPIs' })).toBeVisible();
    for (const kpi of scenario.typicalKpis) await expect(page.getByRole('listitem').filter({ hasText: kpi.en })).toBeVisible();
    await expect(results(page).getByRole('link', { name: sleep.title.en })).toBeVisible();
  });

  test('in Chinese, finds a word in the middle of a sentence and a mixed English-Chinese query', async ({ page }) => {
    const storm = readArticle('nfp-alarm-storm-compression');
    expect(storm.body.zh, 'precondition: 闪断 sits between other Chinese characters in the zh body').toMatch(/\p{Script=Han}闪断\p{Script=Han}/u);
    const sleep = readArticle('bse-cell-sleep-strategy-method');
    expect(sleep.body.zh).toContain('PRB');
    expect(sleep.body.zh).toContain('门限');

    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh');
    await expect(page.getByRole('heading', { level: 1, name: '知识库' })).toBeVisible();
    const search = page.getByRole('searchbox', { name: '搜索知识库' });

    await search.fill('闪断');
    const hit = results(page).filter({ has: page.getByRole('link', { name: storm.title.zh }) });
    await expect(hit).toBeVisible();
    await expect(hit.locator('mark', { hasText: '闪断' }).first()).toBeVisible();
    await expect(resultCount(page)).toHaveText(/^\d+ 条结果$/);

    await search.fill('PRB 门限');
    await expect(results(page).getByRole('link', { name: sleep.title.zh })).toBeVisible();
    await results(page).getByRole('link', { name: sleep.title.zh }).click();
    await expect(page.getByRole('heading', { level: 1, name: sleep.title.zh })).toBeVisible();
    await expect(page.getByRole('textbox', { name: sleep.title.zh })).toContainText(firstSentence(sleep.body.zh));
  });

  test('hostile and oversized queries neither crash nor go unexplained', async ({ page }) => {
    const search = page.getByRole('searchbox', { name: 'Search the knowledge base' });
    await search.fill('"NEAR( -x:* )');
    await expect(resultCount(page)).toHaveText(/^\d+ results?$/);
    await expect(page.getByRole('alert')).toHaveCount(0);
    await search.fill('x AND OR NOT ^ {col}: "" * ( )');
    await expect(resultCount(page)).toHaveText(/^\d+ results?$/);
    await expect(page.getByRole('alert')).toHaveCount(0);

    await search.fill('a'.repeat(2001));
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('The search could not run');
    await expect(alert).toContainText('at most 2000 characters');

    // The page still works afterwards.
    await search.fill('churn');
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(results(page).first().locator('mark').first()).toBeVisible();
  });

  test('result lists can be walked with the keyboard', async ({ page }) => {
    const search = page.getByRole('searchbox', { name: 'Search the knowledge base' });
    await search.fill('alarm');
    await expect(resultCount(page)).toHaveText(/^\d+ results$/);
    await expect(results(page).nth(1).locator('mark').first()).toBeVisible();
    await search.press('ArrowDown');
    const first = results(page).nth(0).locator('a.article-link');
    const second = results(page).nth(1).locator('a.article-link');
    await expect(first).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(second).toBeFocused();
    const title = (await second.innerText()).trim();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  });

  test('article language toggle, kb: links and the review warning', async ({ page, appUrl }) => {
    const glossary = readArticle('ics-kpi-glossary');
    const containment = readArticle('ics-containment-kpi-best-practice');
    const link = /\[([^\]]+)\]\(kb:ics-containment-kpi-best-practice\)/.exec(glossary.body.en);
    expect(link?.[1], 'precondition: the glossary links to the containment article').toBeTruthy();

    await gotoRoute(page, appUrl, '/kb/ics-kpi-glossary');
    await expect(page.getByRole('heading', { level: 1, name: glossary.title.en })).toBeVisible();
    const toggle = page.getByRole('group', { name: 'Text language' });
    await toggle.getByRole('button', { name: '简体中文' }).click();
    await expect(page).toHaveURL(/lang=zh/);
    await expect(page.getByRole('heading', { level: 1, name: glossary.title.zh })).toBeVisible();
    await expect(page.getByRole('textbox', { name: glossary.title.zh })).toContainText(firstSentence(glossary.body.zh));
    await toggle.getByRole('button', { name: 'English' }).click();

    await page.getByRole('textbox', { name: glossary.title.en }).getByRole('link', { name: link?.[1] ?? '' }).click();
    await expect(page.getByRole('heading', { level: 1, name: containment.title.en })).toBeVisible();
    await page.goBack();
    await expect(page.getByRole('heading', { level: 1, name: glossary.title.en })).toBeVisible();

    const overdue = fs
      .readdirSync(path.join(CONTENT, 'kb'))
      .map((f) => ({ id: f.replace(/\.md$/, ''), review: /^reviewDate:\s*(\d{4}-\d{2}-\d{2})/m.exec(fs.readFileSync(path.join(CONTENT, 'kb', f), 'utf8'))?.[1] }))
      .find((a) => a.review !== undefined && a.review < new Date().toISOString().slice(0, 10));
    expect(overdue, 'precondition: the pack has an article past its review date').toBeTruthy();
    await gotoRoute(page, appUrl, `/kb/${overdue?.id}`);
    await expect(page.getByRole('note')).toContainText(`was due for review on ${overdue?.review}`);
  });

  test('field notes are found with the articles, carry their kind, filter by kind and open on their own page', async ({ page, appUrl }) => {
    const note = await api<{ id: string }>(appUrl, 'notes.create', { title: 'Zebrafish squelch walkthrough', bodyJson: lexicalText('Quokka console notes from the site visit.') });
    try {
      const search = page.getByRole('searchbox', { name: 'Search the knowledge base' });
      await search.fill('quokka');
      const hit = results(page).filter({ has: page.getByRole('link', { name: 'Zebrafish squelch walkthrough' }) });
      await expect(hit).toBeVisible();
      await expect(hit.locator('.kind-badge')).toHaveText('Field note');
      await expect(hit.locator('mark', { hasText: 'Quokka' })).toBeVisible();
      await expect(hit).toContainText('Not linked to an engagement');

      const kind = page.getByRole('combobox', { name: 'Show' });
      await kind.selectOption({ label: 'Articles' });
      await expect(page).toHaveURL(/kind=kb/);
      await expect(page.getByText('Nothing matches.')).toBeVisible();
      await kind.selectOption({ label: 'Field notes' });
      await expect(results(page)).toHaveCount(1);
      await results(page).getByRole('link', { name: 'Zebrafish squelch walkthrough' }).click();
      await expect(page).toHaveURL(new RegExp(`#/notes/${note.id}$`));
      await expect(page.getByRole('heading', { level: 1, name: 'Zebrafish squelch walkthrough' })).toBeVisible();

      // Quick search finds it too, says what it is, and opens it.
      await page.goBack();
      await expect(results(page)).toHaveCount(1);
      await page.keyboard.press('Control+K');
      const dialog = page.getByRole('dialog', { name: 'Quick search' });
      await page.keyboard.type('zebrafish');
      await expect(dialog.getByRole('option', { name: 'Field note: Zebrafish squelch walkthrough' })).toBeVisible();
      await page.keyboard.press('Enter');
      await expect(dialog).toBeHidden();
      await expect(page).toHaveURL(new RegExp(`#/notes/${note.id}$`));
    } finally {
      await api(appUrl, 'notes.remove', { id: note.id });
    }
    // A deleted note is gone from search. It was removed outside this page: a fresh load asks the
    // backend again instead of relying on its data.changed event reaching the page's query cache.
    await gotoRoute(page, appUrl, '/kb?q=quokka');
    await page.reload();
    await expect(page.getByText('Nothing matches.')).toBeVisible();
  });

  test('an unknown article says so', async ({ page, appUrl }) => {
    await gotoRoute(page, appUrl, '/kb/no-such-article');
    await expect(page.getByRole('heading', { level: 1, name: 'Article not found' })).toBeVisible();
    await expect(page.getByText('There is no article "no-such-article" on this device.')).toBeVisible();
  });
});

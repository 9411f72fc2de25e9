import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { api, gotoRoute, newEngagement } from './app-api';
import { test, expect } from './fixtures';

/**
 * The risk register end to end on the bundled pack: a new engagement (made through the API),
 * items added from a checklist, the heat map filter, inline edits, the Overdue view and a
 * mitigation's knowledge-base link.
 */

const CONTENT = path.resolve(import.meta.dirname, '..', '..', 'resources', 'content');
type ChecklistItem = { id: string; title: { en: string }; likelihood: number; impact: number; articles?: string[] };

function checklistItem(checklistId: string, itemId: string): ChecklistItem {
  const file = parse(fs.readFileSync(path.join(CONTENT, 'checklists', `${checklistId}.yaml`), 'utf8')) as { items: ChecklistItem[] };
  const item = file.items.find((i) => i.id === itemId);
  if (!item) throw new Error(`checklists/${checklistId}.yaml has no item ${itemId}`);
  return item;
}

function articleTitle(id: string): string {
  const text = fs.readFileSync(path.join(CONTENT, 'kb', `${id}.md`), 'utf8');
  const meta = parse(/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '') as { title: { en: string } };
  return meta.title.en;
}

test('add checklist risks, filter by heat-map cell, edit inline, find the overdue one, open its KB link', async ({ page, host }) => {
  const sprawl = checklistItem('rc-customer-service-ai', 'intent-sprawl');
  const dialect = checklistItem('rc-customer-service-ai', 'asr-dialect');
  const articleId = sprawl.articles?.[0];
  if (!articleId) throw new Error('rc-customer-service-ai#intent-sprawl no longer links a KB article');
  expect([sprawl.likelihood, sprawl.impact]).not.toEqual([dialect.likelihood, dialect.impact]);

  const stamp = Date.now().toString(36);
  const engagement = await newEngagement(host.appUrl, { customer: `Coastal Bank ${stamp}`, title: `Voicebot POC ${stamp}` });

  // The first visit hands the page its access key (kept for the tab); then go to the filtered register.
  await page.goto(host.appUrl);
  await gotoRoute(page, host.appUrl, `/risks?engagement=${engagement.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Risks' })).toBeVisible();
  await expect(page.getByText('No risks match these filters.')).toBeVisible();

  // Add two items from the customer-service checklist.
  await page.getByRole('button', { name: 'Add from checklist' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add from checklist' });
  await dialog.getByRole('combobox', { name: /^Engagement/ }).selectOption(engagement.id);
  await dialog.getByRole('combobox', { name: /^Checklist/ }).selectOption('rc-customer-service-ai');
  await dialog.getByRole('checkbox', { name: sprawl.title.en }).check();
  await dialog.getByRole('checkbox', { name: dialect.title.en }).check();
  await dialog.getByRole('button', { name: 'Add 2 items' }).click();
  await expect(dialog.getByText('2 risks added.')).toBeVisible();
  await expect(dialog.getByRole('checkbox', { name: sprawl.title.en })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Done' }).click();

  const rows = page.locator('.risk-table tbody tr');
  await expect(rows).toHaveCount(2);

  // The heat map counts them; a cell filters the table to its risks.
  const cell = page.getByRole('button', { name: new RegExp(`^Likelihood ${sprawl.likelihood}, impact ${sprawl.impact}: 1 risk`) });
  await expect(cell).toBeVisible();
  await expect(page.getByRole('button', { name: new RegExp(`^Likelihood ${dialect.likelihood}, impact ${dialect.impact}: 1 risk`) })).toBeVisible();
  await cell.focus();
  await page.keyboard.press('Enter');
  await expect(cell).toHaveAttribute('aria-pressed', 'true');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(sprawl.title.en);
  await page.getByRole('button', { name: 'Show all cells' }).click();
  await expect(rows).toHaveCount(2);

  // Inline edits: status and a due date in the past make it overdue.
  await page.getByLabel(`Status of “${sprawl.title.en}”`).selectOption('mitigating');
  await page.getByLabel(`Due date of “${sprawl.title.en}”`).fill('2020-01-15');
  await page.getByLabel(`Owner of “${sprawl.title.en}”`).fill('Li Wei');
  await page.getByLabel(`Owner of “${sprawl.title.en}”`).press('Enter');
  const sprawlRow = rows.filter({ hasText: sprawl.title.en });
  await expect(sprawlRow.getByText('Overdue')).toBeVisible();

  // The Overdue view shows it, with a count, and nothing else.
  await page.getByRole('button', { name: /^Overdue/ }).click();
  await expect(page.getByRole('button', { name: /^Overdue/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: /^Overdue/ })).toContainText('1');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(sprawl.title.en);
  await expect(page.getByLabel(`Status of “${sprawl.title.en}”`)).toHaveValue('mitigating');
  await expect(page.getByLabel(`Owner of “${sprawl.title.en}”`)).toHaveValue('Li Wei');

  // The two filters combine, and their counts agree: with the other risk's cell chosen, Overdue counts what that cell holds.
  await page.getByRole('button', { name: /^All/ }).click();
  await page.getByRole('button', { name: new RegExp(`^Likelihood ${dialect.likelihood}, impact ${dialect.impact}: 1 risk`) }).click();
  await expect(rows).toHaveCount(1);
  await expect(page.getByRole('button', { name: /^Overdue/ })).toHaveText(/^Overdue\s*0$/);
  await page.getByRole('button', { name: /^Overdue/ }).click();
  await expect(page.getByText(`No overdue risks with likelihood ${dialect.likelihood} and impact ${dialect.impact}.`)).toBeVisible();
  await page.getByRole('button', { name: 'Show all cells' }).click();
  await expect(rows).toHaveCount(1);
  await expect(page.getByRole('button', { name: /^Overdue/ })).toHaveText(/^Overdue\s*1$/);

  // The stored record agrees with the screen.
  const stored = await api<{ title: string; status: string; dueDate: string; owner: string; overdue: boolean }[]>(host.appUrl, 'risks.list', {
    engagementId: engagement.id,
    overdue: true,
  });
  expect(stored).toMatchObject([{ title: sprawl.title.en, status: 'mitigating', dueDate: '2020-01-15', owner: 'Li Wei', overdue: true }]);

  // Its mitigation links the KB article by title.
  await rows.first().getByRole('link', { name: articleTitle(articleId) }).click();
  await expect(page).toHaveURL(new RegExp(`#/kb/${articleId}$`));
  await expect(page.getByRole('heading', { level: 1, name: articleTitle(articleId) })).toBeVisible();
});

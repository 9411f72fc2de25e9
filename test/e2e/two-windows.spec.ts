import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { api, newIcsSession } from './app-api';

/**
 * One assessment open in two tabs: a tab learns of the other's saves (data.changed reaches every
 * page) and shows them where it has nothing unsaved; where both typed, the later save is refused,
 * both values are shown, and nothing is overwritten until the user chooses.
 */

type Detail = { answers: Record<string, { value: unknown; note: string }> };

/** 80 agents typed in this tab while offline (its save failed), and 150 saved meanwhile by another window; back online. */
async function typedWhileSavedElsewhere(page: Page, appUrl: string): Promise<{ sessionId: string; card: Locator }> {
  const { sessionId, openRunner } = await newIcsSession(appUrl);
  const card = (await openRunner(page))('agents');
  await page.context().setOffline(true);
  await card.getByRole('textbox').first().fill('80');
  await expect(card.getByText(/not saved/i).first()).toBeVisible();
  await api(appUrl, 'assessments.answer', { sessionId, questionId: 'agents', value: 150 });
  await page.context().setOffline(false);
  return { sessionId, card };
}

test('two tabs on one assessment: changes show in the other tab, and a clash keeps both until the user chooses', async ({ page, appUrl }) => {
  const { sessionId, openRunner } = await newIcsSession(appUrl);
  const first = await openRunner(page);
  const other = await page.context().newPage();
  const second = await openRunner(other);
  const stored = async () => (await api<Detail>(appUrl, 'assessments.get', { id: sessionId })).answers;

  // A change in one tab appears in the other, which was not editing that question.
  await first('agents').getByRole('textbox').first().fill('120');
  await first('agents').getByLabel('Note').fill('Two shifts');
  await expect(page.getByTestId('runner-save')).toContainText('All answers saved');
  await expect(second('agents').getByRole('textbox').first()).toHaveValue('120');
  await expect(second('agents').getByLabel('Note')).toHaveValue('Two shifts');
  await expect(other.getByTestId('runner-changed-elsewhere')).toContainText('changed in another window or tab');

  // Both tabs type into the same note before either hears of the other (offline: both saves fail).
  await page.context().setOffline(true);
  await first('agents').getByLabel('Note').fill('Two shifts; night shift outsourced');
  await second('agents').getByLabel('Note').fill('Two shifts; 夜班 12 人');
  await expect(first('agents').getByRole('button', { name: 'Retry' })).toBeVisible();
  await expect(second('agents').getByRole('button', { name: 'Retry' })).toBeVisible();
  await page.context().setOffline(false);
  // The first tab saves first; the second tab's save is refused and it shows both notes.
  await first('agents').getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByTestId('runner-save')).toContainText('All answers saved');
  await second('agents').getByRole('button', { name: 'Retry' }).click();
  const choice = second('agents').locator('.conflict-choice');
  await expect(choice).toContainText('changed in another window or tab');
  await expect(choice.getByTestId('conflict-stored')).toHaveText('Two shifts; night shift outsourced');
  await expect(choice.getByTestId('conflict-mine')).toHaveText('Two shifts; 夜班 12 人');
  await expect(other.getByTestId('runner-save')).toContainText('choose which to keep');
  await expect(second('agents').getByLabel('Note')).toHaveValue('Two shifts; 夜班 12 人');
  // Nothing was overwritten.
  expect((await stored()).agents?.note).toBe('Two shifts; night shift outsourced');

  // Keeping mine saves it over the other; the first tab then shows it.
  await choice.getByRole('button', { name: 'Keep mine' }).click();
  await expect(choice).toHaveCount(0);
  await expect(other.getByTestId('runner-save')).toContainText('All answers saved');
  expect((await stored()).agents?.note).toBe('Two shifts; 夜班 12 人');
  await expect(first('agents').getByLabel('Note')).toHaveValue('Two shifts; 夜班 12 人');

  await other.close();
});

test('choosing the value saved elsewhere drops this tab’s own and saves nothing over it', async ({ page, appUrl }) => {
  const { sessionId, card } = await typedWhileSavedElsewhere(page, appUrl);
  await card.getByRole('button', { name: 'Retry' }).click();
  const choice = card.locator('.conflict-choice');
  await expect(choice.getByTestId('conflict-stored')).toHaveText('150 agents');
  await expect(choice.getByTestId('conflict-mine')).toHaveText('80 agents');
  await choice.getByRole('button', { name: 'Use the one saved elsewhere' }).click();
  await expect(choice).toHaveCount(0);
  await expect(card.getByRole('textbox').first()).toHaveValue('150');
  const detail = await api<Detail>(appUrl, 'assessments.get', { id: sessionId });
  expect(detail.answers.agents?.value).toBe(150);
  // Nothing of this tab's is left to put back.
  await page.reload();
  await expect(page.getByTestId('runner-restored')).toHaveCount(0);
});

test('a change kept on this device is put back on the version it was typed on: saved elsewhere since, it is a choice, not an overwrite', async ({ page, appUrl }) => {
  const { sessionId, card } = await typedWhileSavedElsewhere(page, appUrl);
  // Then this tab is reloaded.
  await page.reload();
  await page.getByRole('button', { name: 'Whole section' }).click();
  await expect(page.getByTestId('runner-restored')).toBeVisible();
  const choice = card.locator('.conflict-choice');
  await expect(choice.getByTestId('conflict-stored')).toHaveText('150 agents');
  await expect(choice.getByTestId('conflict-mine')).toHaveText('80 agents');
  const detail = await api<Detail>(appUrl, 'assessments.get', { id: sessionId });
  expect(detail.answers.agents?.value).toBe(150);
  await choice.getByRole('button', { name: 'Keep mine' }).click();
  await expect(page.getByTestId('runner-save')).toContainText('All answers saved');
  expect((await api<Detail>(appUrl, 'assessments.get', { id: sessionId })).answers.agents?.value).toBe(80);
});

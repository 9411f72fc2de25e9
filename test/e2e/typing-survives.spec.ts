import { test, expect } from './fixtures';
import { api, newIcsSession } from './app-api';

/**
 * Nothing typed in the assessment runner is lost when the page goes away before the backend has
 * acknowledged it: the runner keeps a copy on this device until then and puts it back (and saves
 * it) when it opens again.
 */

test('answers and notes whose saves never arrived, or typed just before the tab closed, are put back and saved', async ({ page, appUrl }) => {
  const { sessionId, openRunner } = await newIcsSession(appUrl);
  const card = await openRunner(page);

  // The connection drops: these saves never reach the backend.
  await page.context().setOffline(true);
  await card('agents').getByRole('textbox').first().fill('120');
  await card('agents').getByLabel('Note').fill('Two shifts; 夜班 12 人');
  await expect(card('agents').getByText(/not saved/i).first()).toBeVisible();
  // And a change typed a moment before the tab is closed, still waiting for its autosave.
  await card('monthly-contacts').getByRole('textbox').first().fill('250000');
  // runBeforeUnload: the tab is closed as a person closes it (the page hears beforeunload and pagehide).
  await Promise.all([page.waitForEvent('close'), page.close({ runBeforeUnload: true })]);
  await page.context().setOffline(false);

  // The next time the runner opens on this device, everything typed is back, and saved.
  const again = await page.context().newPage();
  const cardAgain = await openRunner(again);
  await expect(again.getByTestId('runner-restored')).toContainText('Put back 3 changes');
  await expect(cardAgain('agents').getByRole('textbox').first()).toHaveValue('120');
  await expect(cardAgain('agents').getByLabel('Note')).toHaveValue('Two shifts; 夜班 12 人');
  await expect(cardAgain('monthly-contacts').getByRole('textbox').first()).toHaveValue('250000');
  await expect(again.getByTestId('runner-save')).toContainText('All answers saved');
  const detail = await api<{ answers: Record<string, { value: unknown; note: string }> }>(appUrl, 'assessments.get', { id: sessionId });
  expect(detail.answers.agents).toMatchObject({ value: 120, note: 'Two shifts; 夜班 12 人' });
  expect(detail.answers['monthly-contacts']?.value).toBe(250000);

  // Once saved, the copies are gone: opening the runner again restores nothing.
  await again.reload();
  await again.getByRole('button', { name: 'Whole section' }).click();
  await expect(cardAgain('agents').getByRole('textbox').first()).toHaveValue('120');
  await expect(again.getByTestId('runner-restored')).toHaveCount(0);
});

test('number answers take what people type: grouped thousands, spaces, full-width digits; a decimal comma is named', async ({ page, appUrl }) => {
  const { sessionId, openRunner } = await newIcsSession(appUrl);
  const field = (await openRunner(page))('monthly-contacts').getByRole('textbox').first();
  const stored = async () => (await api<{ answers: Record<string, { value: unknown }> }>(appUrl, 'assessments.get', { id: sessionId })).answers['monthly-contacts']?.value;
  for (const [typed, value] of [['250,000', 250000], ['250 000', 250000], ['２５００００', 250000], ['1,200', 1200]] as const) {
    await field.fill(typed);
    await expect.poll(stored).toBe(value);
  }
  await field.fill('12,5');
  await expect(page.locator('[data-question="monthly-contacts"]')).toContainText('Decimals take a point');
  expect(await stored()).toBe(1200);
});

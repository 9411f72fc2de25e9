import { test, expect } from './fixtures';
import { api, completedIcsAssessment, gotoRoute } from './app-api';

/**
 * A new proposal starts from the POC template the assessment recommends: preselected in the New
 * proposal dialog, and one click away from each recommendation on the results page.
 */

test('the template the assessment recommends is preselected, and each recommendation opens a new proposal from it', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  const { engagementId, sessionId } = await completedIcsAssessment(appUrl, { customer: 'Recommend Telecom' });
  const detail = await api<{ result: { recommendations: { kind: string; ref: string }[] } }>(appUrl, 'assessments.get', { id: sessionId });
  const recommended = detail.result.recommendations.filter((r) => r.kind === 'template').map((r) => r.ref);
  expect(recommended.length).toBeGreaterThan(0);
  const templates = await api<{ id: string; title: { en: string } }[]>(appUrl, 'templates.list', {});
  const title = (id: string) => templates.find((tpl) => tpl.id === id)?.title.en ?? id;

  // From the engagement: the newest completed assessment is chosen, and the template it recommends.
  await gotoRoute(page, appUrl, `/engagements/${engagementId}`);
  await page.getByRole('region', { name: 'Proposals' }).getByRole('button', { name: 'New proposal' }).click();
  let dialog = page.getByRole('dialog', { name: 'New proposal' });
  await expect(dialog.getByLabel('Template', { exact: true })).toHaveValue(recommended[0] ?? '');
  await expect(dialog.getByLabel('Template', { exact: true }).locator('option:checked')).toHaveText(new RegExp(`${title(recommended[0] ?? '')}.*recommended by the assessment`));
  await page.keyboard.press('Escape');

  // From the results page: each recommended template has its own "New proposal from this template".
  await gotoRoute(page, appUrl, `/assessments/${sessionId}/results`);
  const group = page.locator('.rec-group').filter({ has: page.getByRole('heading', { level: 3, name: 'POC templates' }) });
  const last = recommended.at(-1) ?? '';
  await group.getByRole('listitem').filter({ hasText: title(last) }).getByRole('button', { name: 'New proposal from this template' }).click();
  dialog = page.getByRole('dialog', { name: 'New proposal' });
  await expect(dialog.getByLabel('Template', { exact: true })).toHaveValue(last);
  await expect(dialog.getByLabel('Assessment', { exact: true })).toHaveValue(sessionId);
  await dialog.getByRole('button', { name: 'Generate' }).click();
  await expect(page).toHaveURL(/#\/proposals\/[\w-]+$/);
  const id = /#\/proposals\/([\w-]+)$/.exec(page.url())?.[1] ?? '';
  expect(await api<{ templateId: string; sessionId: string }>(appUrl, 'proposals.get', { id })).toMatchObject({ templateId: last, sessionId });
});

import { test, expect } from './fixtures';
import { api, gotoRoute, newEngagement, TINY_PNG } from './app-api';
import { ICS_ANSWERS } from '../helpers/ics-assessment';

/** Before sign-off the customer sees every answer, by section, with its note and photo count. */

test('the review before sign-off shows every answer by section, with notes and photo counts, and no "missing" heading when nothing is', async ({ page, appUrl }) => {
  const engagement = await newEngagement(appUrl);
  const { session } = await api<{ session: { id: string } }>(appUrl, 'assessments.start', { engagementId: engagement.id, definitionId: 'ics-readiness' });
  for (const [questionId, value, note] of ICS_ANSWERS) await api(appUrl, 'assessments.answer', { sessionId: session.id, questionId, value, ...(note ? { note } : {}) });
  for (const name of ['a.png', 'b.png']) await api(appUrl, 'attachments.add', { ownerTable: 'assessment_answers', ownerId: `${session.id}:current-process-photos`, name, mime: 'image/png', data: TINY_PNG });

  await page.goto(appUrl);
  await gotoRoute(page, appUrl, `/assessments/${session.id}/review`);
  await expect(page.getByText('Every required question is answered.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Required questions not yet answered' })).toHaveCount(0);

  const business = page.getByRole('region', { name: '1. Business context' });
  await expect(business.getByText('Voice hotline, WeChat official account or mini program')).toBeVisible();
  await expect(business.getByText('Note: Peak in January after billing runs.')).toBeVisible();
  await expect(page.getByRole('region', { name: /Current IVR/ }).getByText('Note: 供应商需要变更开发，预计两周。')).toBeVisible();
  await expect(page.getByText('2 photos or files')).toBeVisible();
  // In the lists an assessment still in progress shows its progress, not a score from half the answers.
  await gotoRoute(page, appUrl, '/assessments');
  const row = page.locator('.session-table tbody tr').filter({ hasText: engagement.title });
  await expect(row).toContainText(/\d+ of \d+ answered/);
  await expect(row).toContainText('when complete');
  await expect(row).not.toContainText(/\d+ \/ 100/);
  await gotoRoute(page, appUrl, `/assessments/${session.id}/review`);

  // A question left open is answered from here, and each answer can be changed before signing.
  await expect(page.getByRole('link', { name: /^Answer “/ }).first()).toHaveText('Answer');
  await business.getByRole('link', { name: /^Change the answer to “How many agents/ }).click();
  await expect(page).toHaveURL(/\?q=agents$/);
});

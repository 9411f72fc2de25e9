import { test, expect } from './fixtures';
import { api, gotoRoute, newEngagement, TINY_PNG } from './app-api';

/**
 * The assessment screens end to end on the bundled ics-readiness definition: start from the
 * Assessments section, skip logic both ways, a bad number's message, a photo on a question, the
 * review's missing required questions, and sign-off with a signature drawn with the mouse.
 */

type Question = { id: string; type: string; options?: { value: string }[]; number?: { min?: number; max?: number }; scale?: { min: number } };
type Detail = {
  session: { id: string; status: string; signoff: { name: string } | null };
  definition: { sections: { questions: Question[] }[] };
  result: { requiredMissing: string[] };
};

/** Some valid answer for a question, for filling what the test does not drive through the UI. */
function someAnswer(q: Question): unknown {
  switch (q.type) {
    case 'single':
      return q.options?.[0]?.value;
    case 'multiple':
      return [q.options?.[0]?.value];
    case 'number':
      return q.number?.min ?? 1;
    case 'scale':
      return q.scale?.min ?? 1;
    case 'yesno':
      return false;
    case 'date':
      return '2027-06-30';
    default:
      return 'Answered in the test';
  }
}

test('start, skip logic both ways, a bad number, a photo, review and sign-off', async ({ page, host }) => {
  const engagement = await newEngagement(host.appUrl);
  await page.goto(host.appUrl);
  await gotoRoute(page, host.appUrl, '/assessments');
  await expect(page.getByRole('heading', { level: 1, name: 'Assessments' })).toBeVisible();

  await page.getByRole('button', { name: 'Start assessment' }).click();
  const start = page.getByRole('dialog', { name: 'Start an assessment' });
  await start.getByLabel('Engagement').selectOption(engagement.id);
  await expect(start.getByRole('group', { name: 'For this engagement’s scenarios' })).toBeVisible();
  // The one questionnaire for the engagement's scenario is chosen already; how many questions it asks
  // depends on the answers, and says so.
  const ics = start.getByRole('radio', { name: /Intelligent customer service readiness/ });
  await expect(ics).toBeChecked();
  await expect(start.getByText(/Intelligent customer service readiness · \d+–\d+ questions \(answers open the rest\)/)).toBeVisible();
  await start.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Intelligent customer service readiness' })).toBeVisible();
  const sessionId = /#\/assessments\/([^/?]+)/.exec(page.url())?.[1] ?? '';
  expect(sessionId).not.toBe('');

  await page.getByRole('button', { name: 'Whole section' }).click();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: /Current IVR and self-service/ }).click();
  const hasIvr = page.locator('[data-question="has-ivr"]');
  const depth = page.locator('[data-question="ivr-menu-depth"]');
  await expect(depth).toHaveCount(0);

  await hasIvr.getByRole('radio', { name: 'Yes' }).check();
  await expect(hasIvr.getByText(/^Saved \d/)).toBeVisible();
  await expect(depth).toBeVisible();
  const depthInput = depth.getByRole('textbox', { name: /How many levels deep is the IVR menu/ });
  await depthInput.fill('11');
  await expect(depth.getByText('11 is above the maximum 10.')).toBeVisible();
  await expect(depthInput).toHaveAttribute('aria-invalid', 'true');
  await depthInput.fill('abc');
  await expect(depth.getByText('Enter a number, for example 12 or 3.5.')).toBeVisible();
  await depthInput.fill('3');
  await expect(depth.getByText('11 is above the maximum 10.')).toHaveCount(0);
  await expect(depth.getByText(/^Saved \d/)).toBeVisible();

  await hasIvr.getByRole('radio', { name: 'No' }).check();
  await expect(depth).toHaveCount(0);
  await hasIvr.getByRole('radio', { name: 'Yes' }).check();
  await expect(depth.getByRole('textbox', { name: /How many levels deep/ })).toHaveValue('3');

  await hasIvr.locator('input[type="file"]').first().setInputFiles({ name: 'ivr-rack.png', mimeType: 'image/png', buffer: TINY_PNG });
  await expect(hasIvr.getByRole('img', { name: 'ivr-rack.png' })).toBeVisible();
  await hasIvr.locator('input[type="file"]').first().setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('not really a picture') });
  await expect(hasIvr.getByRole('alert')).toContainText('notes.png');

  const stored = await api<Detail>(host.appUrl, 'assessments.get', { id: sessionId });
  expect(stored.result.requiredMissing).not.toContain('has-ivr');
  expect(stored.result.requiredMissing).not.toContain('ivr-menu-depth');

  // A rich field note on the question: created from the runner, linked back to the question.
  await hasIvr.getByText('Field notes on this question').click();
  await expect(hasIvr.getByText('No notes on this question yet.')).toBeVisible();
  await hasIvr.getByRole('button', { name: 'Add a note' }).click();
  await page.waitForURL(/#\/notes\//);
  const notes = await api<{ questionId: string | null }[]>(host.appUrl, 'notes.list', { sessionId, questionId: 'has-ivr' });
  expect(notes.map((n) => n.questionId)).toEqual(['has-ivr']);
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Intelligent customer service readiness' })).toBeVisible();

  await page.getByRole('link', { name: 'Review and complete' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Review: / })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Which channels do customers use to contact you?', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Complete and sign off' })).toBeDisabled();

  // The rest of the required questions through the API; answers can open more required questions.
  for (let round = 0; round < 5; round++) {
    const detail = await api<Detail>(host.appUrl, 'assessments.get', { id: sessionId });
    if (detail.result.requiredMissing.length === 0) break;
    const questions = detail.definition.sections.flatMap((s) => s.questions);
    for (const id of detail.result.requiredMissing) {
      const q = questions.find((x) => x.id === id);
      if (q) await api(host.appUrl, 'assessments.answer', { sessionId, questionId: id, value: someAnswer(q) });
    }
  }
  await page.reload();
  await expect(page.getByText('Every required question is answered.')).toBeVisible();
  await page.getByRole('button', { name: 'Complete and sign off' }).click();

  const dialog = page.getByRole('dialog', { name: 'Sign off' });
  await dialog.getByRole('button', { name: 'Sign and complete' }).click();
  await expect(dialog.getByText('Enter the name of the person who signs off.')).toBeVisible();
  await expect(dialog.getByText('Draw a signature to sign off.')).toBeVisible();
  await dialog.getByLabel('Name').fill('Wang Fang');
  await dialog.getByLabel('Role').fill('Head of customer service');
  const canvas = dialog.getByTestId('signature-canvas');
  const box = await canvas.boundingBox();
  if (!box) throw new Error('the signature canvas has no box');
  // A slow machine: encoding the drawing takes a while, and "Sign and complete" is pressed before it ends.
  await page.evaluate(() => {
    const encode = HTMLCanvasElement.prototype.toBlob;
    HTMLCanvasElement.prototype.toBlob = function slowly(this: HTMLCanvasElement, callback: BlobCallback, ...rest: [string?, number?]) {
      encode.call(this, (blob) => setTimeout(() => callback(blob), 800), ...rest);
    };
  });
  await page.mouse.move(box.x + 20, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + 20 + i * 25, box.y + box.height / 2 + (i % 2 === 0 ? -20 : 20));
  await page.mouse.up();
  await dialog.getByRole('button', { name: 'Sign and complete' }).click();

  await page.waitForURL(new RegExp(`#/assessments/${sessionId}/results`));
  const done = await api<Detail>(host.appUrl, 'assessments.get', { id: sessionId });
  expect(done.session.status).toBe('completed');
  expect(done.session.signoff?.name).toBe('Wang Fang');
  const signature = await api<{ isImage: boolean }[]>(host.appUrl, 'attachments.list', { ownerTable: 'assessment_sessions', ownerId: sessionId });
  expect(signature.map((s) => s.isImage)).toEqual([true]);
});

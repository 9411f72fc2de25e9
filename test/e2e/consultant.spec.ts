import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import type { Locator, Page } from '@playwright/test';
import { api, docxText, folded, printedPdf, TINY_PNG } from './app-api';
import { test, expect, startHost, stopHost, type Host } from './fixtures';

/**
 * The acceptance test: one consultant's visit, end to end, through the screens only (the API is
 * used only to read back what was stored). A customer and an engagement; the intelligent-customer-
 * service assessment started from the engagement and run to the end, skip logic taken both ways, a
 * photo on a question; review and sign-off with a drawn signature; the results with the radar and
 * the recommendations' reasons; the recommended risks in the engagement's register; the report as
 * DOCX and PDF; a field note, codified into a lesson that is marked ready.
 * Own host and data folder: the lists it looks at must hold only what it created.
 */

const CONTENT = path.resolve(import.meta.dirname, '..', '..', 'resources', 'content');

let host: Host;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbench-e2e-consultant-'));
  host = await startHost(dataDir);
});

test.afterAll(async () => {
  await stopHost(host);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function checklistItemTitle(ref: string): string {
  const [checklistId = '', itemId = ''] = ref.split('#');
  const file = parse(fs.readFileSync(path.join(CONTENT, 'checklists', `${checklistId}.yaml`), 'utf8')) as { items: { id: string; title: { en: string } }[] };
  const item = file.items.find((i) => i.id === itemId);
  if (!item) throw new Error(`checklists/${checklistId}.yaml has no item ${itemId}`);
  return item.title.en;
}

/**
 * An answer as the consultant gives it: the label to pick (a radio: an option, Yes/No or a scale
 * step), the labels to tick (checkboxes), the text to type (number, text, date as yyyy-mm-dd), or
 * a photo to attach (an evidence question).
 */
type Answer = string | readonly string[] | { photo: { name: string; png: Buffer } };

type InputKind = 'radio' | 'checkbox' | 'number' | 'text' | 'date' | 'evidence';

const card = (page: Page, questionId: string): Locator => page.locator(`[data-question="${questionId}"]`);

/** What the question card asks for, from the inputs the runner drew (QuestionInput.tsx). */
function inputKind(question: Locator): Promise<InputKind> {
  return question.evaluate((el): InputKind => {
    if (el.querySelector('.choices-multiple')) return 'checkbox';
    if (el.querySelector('.choices-single, .choices-yesno, .choices-scale')) return 'radio';
    if (el.querySelector('.number-answer input')) return 'number';
    if (el.querySelector('textarea.text-answer')) return 'text';
    if (el.querySelector('input.date-input')) return 'date';
    return 'evidence';
  });
}

/** Answers one visible question through its inputs, by the kind of input it has, and waits until it shows "Saved". */
async function answerQuestion(page: Page, questionId: string, answer: Answer): Promise<void> {
  const question = card(page, questionId);
  await expect(question).toBeVisible();
  const kind = await inputKind(question);
  const wrong = (): Error => new Error(`question ${questionId} asks for a ${kind} answer, not ${JSON.stringify(answer)}`);
  switch (kind) {
    case 'radio':
      if (typeof answer !== 'string') throw wrong();
      await question.getByRole('radio', { name: answer, exact: true }).check();
      break;
    case 'checkbox':
      if (!Array.isArray(answer)) throw wrong();
      for (const label of answer as readonly string[]) await question.getByRole('checkbox', { name: label, exact: true }).check();
      break;
    case 'number':
    case 'text':
      if (typeof answer !== 'string') throw wrong();
      // The answer field is named by the question; the note field below it has its own label.
      await question.getByRole('textbox').first().fill(answer);
      break;
    case 'date':
      if (typeof answer !== 'string') throw wrong();
      await question.locator('input[type="date"]').fill(answer);
      break;
    case 'evidence': {
      if (typeof answer === 'string' || Array.isArray(answer)) throw wrong();
      // "Take photo" (accept="image/*"): on a phone it opens the camera; here the file arrives as if taken.
      const { photo } = answer as { photo: { name: string; png: Buffer } };
      await question.locator('input[type="file"][accept^="image/"]').setInputFiles({ name: photo.name, mimeType: 'image/png', buffer: photo.png });
      await expect(question.getByRole('img', { name: photo.name })).toBeVisible();
      break;
    }
  }
  await expect(question.locator('.question-head').getByText(/^Saved \d/)).toBeVisible();
}

/** Opens a section of the runner ("Whole section" view) by its title. */
async function openSection(page: Page, title: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: new RegExp(`^${title}`) }).click();
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
}

/** Answers a section's questions in order, then checks no visible question of it was left out. */
async function answerSection(page: Page, title: string, answers: Record<string, Answer>): Promise<void> {
  await openSection(page, title);
  for (const [questionId, answer] of Object.entries(answers)) await answerQuestion(page, questionId, answer);
  expect(await shownQuestions(page)).toEqual(Object.keys(answers));
}

/** The ids of the questions the runner shows now, in order. */
function shownQuestions(page: Page): Promise<(string | null)[]> {
  return page.locator('.runner-questions [data-question]').evaluateAll((els) => els.map((el) => el.getAttribute('data-question')));
}

const IVR_QUESTIONS = ['ivr-menu-depth', 'ivr-containment', 'ivr-routing', 'ivr-contract-end'];
const SIGNER = 'Zhou Ming';
const RISK_REFS = ['rc-personal-information#recording-consent', 'rc-data-readiness#knowledge-outdated', 'rc-oss-bss-integration#interface-undocumented'];

test('a consultant runs the ICS assessment on site, reports it, registers its risks and codifies a lesson', async ({ page }) => {
  test.setTimeout(90_000);
  const consentQuestion = 'Does the IVR announce that calls are recorded, and may recordings be used to improve service?';

  // ── A customer and an engagement, through the Engagements screens.
  await page.goto(host.appUrl);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Engagements' }).click();
  await page.getByRole('link', { name: 'Customers' }).click();
  await page.getByRole('link', { name: 'New customer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New customer' })).toBeVisible();
  await page.locator('#field-name').fill('Northbay Mobile');
  await page.getByLabel('Kind').selectOption({ label: 'Enterprise' });
  await page.getByLabel('Region').fill('South');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Northbay Mobile' })).toBeVisible();

  await page.getByRole('link', { name: 'New engagement for this customer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New engagement' })).toBeVisible();
  await page.getByLabel('Title').fill('Contact centre AI readiness');
  await page.getByRole('checkbox', { name: 'Intelligent customer service' }).check();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Contact centre AI readiness' })).toBeVisible();
  const engagementId = /#\/engagements\/([\w-]+)$/.exec(page.url())?.[1] ?? '';
  expect(engagementId).not.toBe('');

  // ── The assessment, started from the engagement page.
  const assessments = page.getByRole('region', { name: 'Assessments', exact: true });
  await assessments.getByRole('button', { name: 'Start assessment' }).click();
  const start = page.getByRole('dialog', { name: 'Start an assessment' });
  // The one questionnaire for the engagement's scenario is chosen already.
  await expect(start.getByRole('group', { name: 'For this engagement’s scenarios' }).getByRole('radio', { name: /Intelligent customer service readiness/ })).toBeChecked();
  await start.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Intelligent customer service readiness' })).toBeVisible();
  const sessionId = /#\/assessments\/([^/?]+)/.exec(page.url())?.[1] ?? '';
  expect(sessionId).not.toBe('');

  await page.getByRole('button', { name: 'Whole section' }).click();
  await answerSection(page, 'Business context', {
    channels: ['Voice hotline', 'WeChat official account or mini program'],
    'monthly-contacts': '120000',
    agents: '85',
    'top-intent-share': '2',
    'primary-goal': 'Shorter waits and better satisfaction',
    'pain-points': 'Callers repeat their account number to every agent after billing runs.',
  });

  // Skip logic both ways: Yes opens the IVR questions, No takes them away, Yes brings them back as answered.
  await openSection(page, 'Current IVR and self-service');
  for (const id of IVR_QUESTIONS) await expect(card(page, id)).toHaveCount(0);
  await answerQuestion(page, 'has-ivr', 'Yes');
  await answerQuestion(page, 'ivr-menu-depth', '4');
  await answerQuestion(page, 'ivr-containment', '18');
  await answerQuestion(page, 'ivr-routing', 'Only with a change request to the vendor');
  await answerQuestion(page, 'ivr-contract-end', '2027-03-31');
  await answerQuestion(page, 'has-ivr', 'No');
  for (const id of IVR_QUESTIONS) await expect(card(page, id)).toHaveCount(0);
  await answerQuestion(page, 'has-ivr', 'Yes');
  await expect(card(page, 'ivr-menu-depth').getByRole('textbox').first()).toHaveValue('4');
  await expect(card(page, 'ivr-routing').getByRole('radio', { name: 'Only with a change request to the vendor' })).toBeChecked();
  await answerQuestion(page, 'chatbot-today', 'No');
  expect(await shownQuestions(page)).toEqual(['has-ivr', ...IVR_QUESTIONS, 'chatbot-today']);

  await answerSection(page, 'Data and knowledge', {
    'call-recordings': '6 months or more',
    'disposition-codes': 'Yes',
    'knowledge-base-quality': '2',
    'current-process-photos': { photo: { name: 'agent-desktop.png', png: TINY_PNG } },
  });
  await answerSection(page, 'Systems and integration', {
    'crm-integration': 'File exports only',
    'telephony-platform': 'On-premises platform with CTI interfaces',
    'ticketing-system': 'Yes',
    'data-location': "Operator's domestic cloud",
  });
  await answerSection(page, 'Compliance', { 'recording-consent': 'No', 'data-classification': 'Yes', 'ai-disclosure': 'Yes' });
  await answerSection(page, 'Organisation and plan', { sponsor: 'Yes', 'agents-involved': '4', 'target-go-live': '2027-06-01' });

  // ── Review and sign-off with a drawn signature.
  await page.getByRole('link', { name: 'Review and complete' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Review: / })).toBeVisible();
  await expect(page.getByText('Every required question is answered.')).toBeVisible();
  await page.getByRole('button', { name: 'Complete and sign off' }).click();
  const signoff = page.getByRole('dialog', { name: 'Sign off' });
  await signoff.getByLabel('Name').fill(SIGNER);
  await signoff.getByLabel('Role').fill('Contact centre director');
  const canvas = signoff.getByTestId('signature-canvas');
  const box = await canvas.boundingBox();
  if (!box) throw new Error('the signature canvas has no box');
  await page.mouse.move(box.x + 20, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + 20 + i * 25, box.y + box.height / 2 + (i % 2 === 0 ? -20 : 20));
  await page.mouse.up();
  await signoff.getByRole('button', { name: 'Sign and complete' }).click();

  // ── Results: the radar and the recommendations with their reasons.
  await expect(page).toHaveURL(new RegExp(`#/assessments/${sessionId}/results$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Results: Intelligent customer service readiness' })).toBeVisible();
  await expect(page.getByText(new RegExp(`^Completed .*${SIGNER}`))).toBeVisible();
  const radar = page.getByTestId('radar');
  await expect(radar).toBeVisible();
  await expect(radar).toHaveAttribute('aria-label', /Business value \d/);
  // The scored area: a closed polygon through the five dimensions.
  await expect(radar.locator('.radar-area')).toHaveAttribute('d', /^M[\d.,-]+(L[\d.,-]+){4}Z$/);
  await expect(page.getByRole('heading', { level: 3, name: 'POC templates' })).toBeVisible();
  const risksGroup = page.locator('.rec-group').filter({ has: page.getByRole('heading', { level: 3, name: 'Risks to track' }) });
  for (const ref of RISK_REFS) await expect(risksGroup.getByText(checklistItemTitle(ref), { exact: true })).toBeVisible();
  await expect(risksGroup.getByText(`Because: ${consentQuestion} = No`)).toBeVisible();
  await expect(risksGroup.getByText("Because: How current and complete is the agents' knowledge base? = 2 / 5")).toBeVisible();

  // ── The report as DOCX: the answers in words and the signer.
  await page.getByRole('button', { name: 'Export DOCX…' }).click();
  const docxDialog = page.getByRole('dialog', { name: 'Export the report as a Word document' });
  await expect(docxDialog.getByRole('radio', { name: 'English' })).toBeChecked();
  const downloading = page.waitForEvent('download');
  await docxDialog.getByRole('button', { name: 'Download DOCX' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^assessment-report-Northbay-Mobile-\d{4}-\d{2}-\d{2}-en\.docx$/);
  await expect(docxDialog.getByRole('status')).toContainText('Downloaded');
  const docx = await docxText(fs.readFileSync(await download.path()));
  for (const words of ['Voice hotline, WeChat official account or mini program', '120,000 contacts / month', 'Shorter waits and better satisfaction', 'Only with a change request to the vendor', 'File exports only', 'Callers repeat their account number to every agent after billing runs.', SIGNER]) {
    expect(docx).toContain(words);
  }
  await docxDialog.getByRole('button', { name: 'Close' }).click();

  // ── The report as PDF: the print view, printed by Chromium.
  await page.getByRole('button', { name: 'Export PDF…' }).click();
  await page.getByRole('dialog', { name: 'Export the report as PDF' }).getByRole('button', { name: 'Open print view' }).click();
  await expect(page).toHaveURL(new RegExp(`#/assessments/${sessionId}/report\\?lang=en$`));
  await expect(page.getByRole('button', { name: 'Print / Save as PDF' })).toBeEnabled();
  await expect(page.getByTestId('report').getByRole('img', { name: 'agent-desktop.png' })).toBeVisible();
  await expect(page.locator('.doc-signature img')).toBeVisible();
  const pdf = await printedPdf(page);
  expect(pdf.pages).toBeGreaterThan(0);
  for (const words of ['Which channels do customers use to contact you?', 'Voice hotline, WeChat official account or mini program', '120,000 contacts / month', 'On-premises platform with CTI interfaces', SIGNER]) {
    expect(pdf.text).toContain(folded(words));
  }
  await page.getByRole('link', { name: 'Back to results' }).click();

  // ── The recommended risks into the register, seen in the engagement's register.
  await page.getByRole('button', { name: 'Add to risk register…' }).click();
  const addRisks = page.getByRole('dialog', { name: 'Add recommended risks to the register' });
  await expect(addRisks.getByRole('checkbox')).toHaveCount(RISK_REFS.length);
  await addRisks.getByRole('button', { name: 'Add selected risks' }).click();
  await expect(addRisks.getByTestId('add-risks-result')).toHaveText(`${RISK_REFS.length} risks added`);
  await addRisks.getByRole('link', { name: 'Open the risk register' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Risks' })).toBeVisible();
  const registerRows = page.locator('.risk-table tbody tr');
  await expect(registerRows).toHaveCount(RISK_REFS.length);
  for (const ref of RISK_REFS) await expect(registerRows.filter({ hasText: checklistItemTitle(ref) })).toHaveCount(1);

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Engagements' }).click();
  await page.getByRole('link', { name: 'Contact centre AI readiness' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Contact centre AI readiness' })).toBeVisible();
  const engagementRisks = page.getByRole('region', { name: 'Risk register' });
  for (const ref of RISK_REFS) await expect(engagementRisks.getByText(checklistItemTitle(ref))).toBeVisible();
  await expect(assessments.getByRole('link', { name: 'Results' })).toBeVisible();

  // ── A field note in the editor, saved, then codified into a lesson marked ready.
  await page.getByRole('region', { name: 'Field notes' }).getByRole('button', { name: 'New note' }).click();
  await expect(page).toHaveURL(/#\/notes\/[\w-]+$/);
  const noteId = /#\/notes\/([\w-]+)$/.exec(page.url())?.[1] ?? '';
  await page.getByLabel('Title', { exact: true }).fill('Recording notice missing');
  const editor = page.getByRole('textbox', { name: 'Note text' });
  await editor.click();
  await page.keyboard.press('Control+Alt+Digit2');
  await page.keyboard.type('Problem');
  await page.keyboard.press('Enter');
  await page.keyboard.type('The IVR does not announce recording, so last year’s calls cannot train the voicebot.');
  await expect(page.locator('.note-save[role="status"]', { hasText: /^Saved \d/ })).toBeVisible({ timeout: 10_000 });
  const note = await api<{ text: string; engagementId: string }>(host.appUrl, 'notes.get', { id: noteId });
  expect(note.engagementId).toBe(engagementId);
  expect(note.text).toContain('cannot train the voicebot');

  await page.getByRole('link', { name: 'Back to the engagement' }).click();
  const notes = page.getByRole('region', { name: 'Field notes' });
  await notes.getByRole('checkbox', { name: 'Select Recording notice missing' }).check();
  await notes.getByRole('button', { name: 'Codify as lesson' }).click();
  await expect(page).toHaveURL(/#\/lessons\/[\w-]+$/);
  const lessonId = /#\/lessons\/([\w-]+)$/.exec(page.url())?.[1] ?? '';
  await expect(page.getByRole('heading', { level: 1, name: 'Recording notice missing' })).toBeVisible();
  await expect(page.getByLabel('Problem')).toHaveValue(/cannot train the voicebot/);
  await page.getByLabel('Action').fill('Agreed a recording notice with the IVR vendor and a consent flag per call.');
  await page.getByLabel('Result').fill('Calls from the notice date on can be used for the POC.');
  await page.getByLabel('Recommendation').fill('Check the recording notice in the first workshop, before asking for data.');
  await page.getByRole('button', { name: 'Mark ready to submit' }).click();
  await expect(page.locator('.lesson-status')).toHaveText(/Ready to submit/);
  await expect(page.getByRole('status').filter({ hasText: /^Saved \d/ })).toBeVisible();

  // ── What was stored agrees with what the screens showed.
  const stored = await api<{ session: { status: string; signoff: { name: string; role: string } | null }; answers: Record<string, { value: unknown }>; result: { requiredMissing: string[] } }>(
    host.appUrl,
    'assessments.get',
    { id: sessionId },
  );
  expect(stored.session.status).toBe('completed');
  expect(stored.session.signoff).toMatchObject({ name: SIGNER, role: 'Contact centre director' });
  expect(stored.result.requiredMissing).toEqual([]);
  expect(stored.answers['has-ivr']?.value).toBe(true);
  expect(stored.answers['ivr-menu-depth']?.value).toBe(4);
  expect(stored.answers.channels?.value).toEqual(['voice', 'wechat']);
  expect(stored.answers['current-process-photos']?.value).toEqual([expect.stringMatching(/^[0-9a-f]{64}$/)]);
  const risks = await api<{ title: string; source: string }[]>(host.appUrl, 'risks.list', { engagementId });
  expect(risks.map((r) => r.title).sort()).toEqual(RISK_REFS.map(checklistItemTitle).sort());
  const lesson = await api<{ status: string; engagementId: string; recommendation: string }>(host.appUrl, 'lessons.get', { id: lessonId });
  expect(lesson).toMatchObject({ status: 'ready', engagementId, recommendation: 'Check the recording notice in the first workshop, before asking for data.' });
});

import type { Page } from '@playwright/test';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { createRaster, fillPolygon } from '../../electron/backend/export/raster';
import { encodePng } from '../../electron/backend/export/png';
import { ICS_ANSWERS, icsDefinition } from '../helpers/ics-assessment';
import { test, expect } from './fixtures';

/**
 * The results page and the print-styled report, end to end: a completed assessment is set up
 * through the host's API, the results page shows its radar, gaps and recommendations and adds the
 * recommended risks; the report page is printed to PDF by Chromium and its text read back.
 */

async function api<T>(appUrl: string, method: string, args: unknown): Promise<T> {
  const url = new URL(appUrl);
  const secret = new URLSearchParams(url.hash.slice(1)).get('k') ?? '';
  const res = await fetch(new URL('/api/call', url.origin), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-fieldbench-secret': secret },
    body: JSON.stringify({ method, args }),
  });
  const body = (await res.json()) as { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error.message}`);
  return body.value;
}

function png(width: number, height: number): string {
  const r = createRaster(width, height, { r: 240, g: 240, b: 240 });
  fillPolygon(r, [{ x: 5, y: 5 }, { x: width - 5, y: height / 2 }, { x: 5, y: height - 5 }], { r: 40, g: 90, b: 200 });
  return encodePng(r).toString('base64');
}

async function completedAssessment(appUrl: string): Promise<string> {
  const customer = await api<{ id: string }>(appUrl, 'customers.create', { name: 'Eastern Telecom', kind: 'enterprise' });
  const engagement = await api<{ id: string }>(appUrl, 'engagements.create', { customerId: customer.id, title: 'Voice bot pilot', scenarios: ['intelligent-customer-service'] });
  const started = await api<{ session: { id: string } }>(appUrl, 'assessments.start', { engagementId: engagement.id, definitionId: 'ics-readiness' });
  const sessionId = started.session.id;
  for (const [questionId, value, note] of ICS_ANSWERS) await api(appUrl, 'assessments.answer', { sessionId, questionId, value, ...(note ? { note } : {}) });
  await api(appUrl, 'attachments.add', { ownerTable: 'assessment_answers', ownerId: `${sessionId}:current-process-photos`, name: 'queue-board.png', mime: 'image/png', dataBase64: png(640, 480), caption: 'Queue board at 10:00' });
  await api(appUrl, 'assessments.complete', { sessionId, signoff: { name: 'Li Wei', role: 'Head of customer service', signatureBase64: png(240, 80) } });
  return sessionId;
}

async function pdfText(page: Page): Promise<string> {
  const bytes = await page.pdf({ format: 'A4', printBackground: true });
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  // CJK fonts map some glyphs back to compatibility code points (Kangxi radical ⼾ for 户): NFKC
  // folds them to the ideographs, and the expected texts are folded the same way.
  return pages.join('\n').normalize('NFKC');
}

const folded = (text: string): string => text.normalize('NFKC');

const goto = (page: Page, appUrl: string, route: string) => page.goto(appUrl.replace(/#.*$/, `#${route}`));

test.describe('assessment results and report', () => {
  let sessionId = '';
  test.beforeAll(async ({ appUrl }) => {
    sessionId = await completedAssessment(appUrl);
  });

  test('shows the radar, readiness, gaps and recommendations, and adds the recommended risks', async ({ page, appUrl }) => {
    const def = icsDefinition();
    await page.goto(appUrl);
    await goto(page, appUrl, `/assessments/${sessionId}/results`);
    await expect(page.getByRole('heading', { level: 1, name: `Results: ${def.title.en}` })).toBeVisible();
    const radar = page.getByRole('img', { name: /Scores by dimension/ });
    await expect(radar).toBeVisible();
    await expect(radar).toHaveAttribute('aria-label', /Business value 87\.5/);
    await expect(page.locator('.radar-area')).toBeVisible();
    await expect(page.getByTestId('overall-score')).toHaveText('76.4');
    // Same numbers in the hidden table for screen readers.
    await expect(page.getByRole('table', { name: 'Scores by dimension (0–100)' }).getByRole('row', { name: /Data readiness 61\.5/ })).toBeAttached();

    // The biggest gap first, linked to its question in the runner.
    const consent = def.sections.flatMap((s) => s.questions).find((q) => q.id === 'recording-consent');
    const firstGap = page.locator('.gap-list li').first().getByRole('link');
    await expect(firstGap).toHaveText(consent?.text.en ?? '?');
    await expect(firstGap).toHaveAttribute('href', `#/assessments/${sessionId}?q=recording-consent`);

    await expect(page.getByRole('heading', { level: 3, name: 'POC templates' })).toBeVisible();
    await expect(page.getByText('Because: Which channels do customers use to contact you? = Voice hotline, WeChat official account or mini program; How many customer contacts do you handle per month, across all channels? = 250,000 contacts / month')).toBeVisible();

    await page.getByRole('button', { name: 'Add to risk register…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add recommended risks to the register' });
    const boxes = dialog.getByRole('checkbox');
    const count = await boxes.count();
    expect(count).toBeGreaterThan(1);
    for (let i = 0; i < count; i++) await expect(boxes.nth(i)).toBeChecked();
    await boxes.first().uncheck();
    await dialog.getByRole('button', { name: 'Add selected risks' }).click();
    await expect(dialog.getByTestId('add-risks-result')).toHaveText(`${count - 1} risks added`);
    await dialog.getByRole('button', { name: 'Close' }).click();

    // Again with all selected: the ones already added are reported as such.
    await page.getByRole('button', { name: 'Add to risk register…' }).click();
    await dialog.getByRole('button', { name: 'Add selected risks' }).click();
    await expect(dialog.getByTestId('add-risks-result')).toHaveText(`1 risk added, ${count - 1} already in the register or not found`);
    await expect(dialog.getByRole('link', { name: 'Open the risk register' })).toHaveAttribute('href', /#\/risks\?engagement=/);
  });

  test('prints the report to PDF in English and Chinese with the answers in words', async ({ page, appUrl }) => {
    const def = icsDefinition();
    await page.goto(appUrl);
    await goto(page, appUrl, `/assessments/${sessionId}/results`);
    await page.getByRole('button', { name: 'Export PDF…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export the report as PDF' });
    await expect(dialog.getByRole('radio', { name: 'English' })).toBeChecked();
    await dialog.getByRole('button', { name: 'Open print view' }).click();
    await expect(page).toHaveURL(new RegExp(`#/assessments/${sessionId}/report\\?lang=en$`));
    await expect(page.getByTestId('report').getByRole('heading', { level: 1 })).toHaveText(`Assessment report: ${def.title.en}`);
    await expect(page.getByRole('button', { name: 'Print / Save as PDF' })).toBeEnabled();
    await expect(page.getByRole('img', { name: 'Queue board at 10:00' })).toBeVisible();
    await expect(page.locator('.report-signature img')).toBeVisible();

    const en = await pdfText(page);
    expect(en).toContain(folded('Which channels do customers use to contact you?'));
    expect(en).toContain(folded('Voice hotline, WeChat official account or mini program'));
    expect(en).toContain(folded('250,000 contacts / month'));
    expect(en).toContain(folded('Peak in January after billing runs.'));
    expect(en).toContain(folded('Li Wei'));
    // The toolbar is not printed.
    expect(en).not.toContain(folded('Print / Save as PDF'));

    await page.getByRole('combobox', { name: 'Report language' }).selectOption('zh');
    await expect(page.getByTestId('report').getByRole('heading', { level: 1 })).toHaveText(`评估报告: ${def.title.zh}`);
    await expect(page.getByRole('img', { name: 'Queue board at 10:00' })).toBeVisible();
    const zh = await pdfText(page);
    // (A question without 户: the PDF font maps that glyph to a radical that NFKC folds to 戶.)
    const depth = def.sections.flatMap((s) => s.questions).find((q) => q.id === 'ivr-menu-depth');
    expect(depth?.text.zh).toBe('IVR 菜单有几层？');
    expect(zh).toContain(folded('IVR 菜单有几层？'));
    expect(zh).toContain(folded('语音热线、微信公众号或小程序'));
    expect(zh).toContain(folded('250,000 次/月'));
    expect(zh).toContain(folded('供应商需要变更开发，预计两周。'));
  });

  test('downloads the DOCX in the chosen language', async ({ page, appUrl }) => {
    await page.goto(appUrl);
    await goto(page, appUrl, `/assessments/${sessionId}/results`);
    await page.getByRole('button', { name: 'Export DOCX…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export the report as a Word document' });
    await dialog.getByRole('radio', { name: '简体中文' }).check();
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Download DOCX' }).click();
    expect((await download).suggestedFilename()).toMatch(/^assessment-report-Eastern-Telecom-\d{4}-\d{2}-\d{2}-zh\.docx$/);
    await expect(dialog.getByRole('status')).toContainText('downloaded');
  });
});

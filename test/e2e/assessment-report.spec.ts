import { icsDefinition } from '../helpers/ics-assessment';
import { picturePng } from '../helpers/png';
import { completedIcsAssessment, folded, gotoRoute, pdfText } from './app-api';
import { test, expect } from './fixtures';

/**
 * The results page and the print-styled report, end to end: a completed assessment is set up
 * through the host's API, the results page shows its radar, gaps and recommendations and adds the
 * recommended risks; the report page is printed to PDF by Chromium and its text read back.
 */

function png(width: number, height: number): Buffer {
  return picturePng(width, height, { background: '#f0f0f0', accent: '#285ac8' });
}

test.describe('assessment results and report', () => {
  let sessionId = '';
  test.beforeAll(async ({ appUrl }) => {
    ({ sessionId } = await completedIcsAssessment(appUrl, {
      customer: 'Eastern Telecom',
      title: 'Voice bot pilot',
      photo: { name: 'queue-board.png', png: png(640, 480), caption: 'Queue board at 10:00' },
      signaturePng: png(240, 80),
    }));
  });

  test('shows the radar, readiness, gaps and recommendations, and adds the recommended risks', async ({ page, appUrl }) => {
    const def = icsDefinition();
    await page.goto(appUrl);
    await gotoRoute(page, appUrl, `/assessments/${sessionId}/results`);
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

    // Again: the ones already added are shown ticked and cannot be chosen; only the one left is added.
    await page.getByRole('button', { name: 'Add to risk register…' }).click();
    await expect(dialog.getByRole('checkbox', { disabled: true })).toHaveCount(count - 1);
    for (let i = 0; i < count; i++) await expect(boxes.nth(i)).toBeChecked();
    await expect(dialog.getByText('already in the register')).toHaveCount(count - 1);
    await dialog.getByRole('button', { name: 'Add selected risks' }).click();
    await expect(dialog.getByTestId('add-risks-result')).toHaveText('1 risk added');
    await expect(dialog.getByRole('link', { name: 'Open the risk register' })).toHaveAttribute('href', /#\/risks\?engagement=/);
  });

  test('prints the report to PDF in English and Chinese with the answers in words', async ({ page, appUrl }) => {
    const def = icsDefinition();
    await page.goto(appUrl);
    await gotoRoute(page, appUrl, `/assessments/${sessionId}/results`);
    await page.getByRole('button', { name: 'Export PDF…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export the report as PDF' });
    await expect(dialog.getByRole('radio', { name: 'English' })).toBeChecked();
    await dialog.getByRole('button', { name: 'Open print view' }).click();
    await expect(page).toHaveURL(new RegExp(`#/assessments/${sessionId}/report\\?lang=en$`));
    await expect(page.getByTestId('report').getByRole('heading', { level: 1 })).toHaveText(`Assessment report: ${def.title.en}`);
    await expect(page.getByRole('button', { name: 'Print / Save as PDF' })).toBeEnabled();
    await expect(page.getByRole('img', { name: 'Queue board at 10:00' })).toBeVisible();
    await expect(page.locator('.doc-signature img')).toBeVisible();
    // Photos are plain <img> elements on read-only blob URLs, and the page says when it is complete
    // (Electron prints then; here the mark on <html> shows the same moment).
    await expect(page.getByRole('img', { name: 'Queue board at 10:00' })).toHaveAttribute('src', /^\/api\/blob\/[0-9a-f]{64}\?t=/);
    expect(await page.getByRole('img', { name: 'Queue board at 10:00' }).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await expect(page.locator('html')).toHaveAttribute('data-print-ready', 'true');

    const en = await pdfText(page);
    expect(en).toContain(folded('Which channels do customers use to contact you?'));
    expect(en).toContain(folded('Voice hotline, WeChat official account or mini program'));
    expect(en).toContain(folded('250,000 contacts / month'));
    expect(en).toContain(folded('Peak in January after billing runs.'));
    expect(en).toContain(folded('Li Wei'));
    // The toolbar is not printed.
    expect(en).not.toContain(folded('Print / Save as PDF'));

    await page.getByRole('combobox', { name: 'Report language' }).selectOption('zh');
    await expect(page.getByTestId('report').getByRole('heading', { level: 1 })).toHaveText(`评估报告：${def.title.zh}`);
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
    await gotoRoute(page, appUrl, `/assessments/${sessionId}/results`);
    await page.getByRole('button', { name: 'Export DOCX…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export the report as a Word document' });
    await dialog.getByRole('radio', { name: '简体中文' }).check();
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Download DOCX' }).click();
    expect((await download).suggestedFilename()).toMatch(/^assessment-report-Eastern-Telecom-\d{4}-\d{2}-\d{2}-zh\.docx$/);
    await expect(dialog.getByRole('status')).toContainText('Downloaded');
  });
});

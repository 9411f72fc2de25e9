import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import fs from 'node:fs';
import type { Download, Page } from '@playwright/test';
import mammoth from 'mammoth';
import { groupThousands, pricingTotals } from '../../core/proposals/money';
import type { Pricing, ProposalDetail } from '../../core/proposals/types';
import { api, completedIcsAssessment, folded, gotoRoute, newEngagement, printedPdf, TINY_PNG } from './app-api';
import { test, expect } from './fixtures';

/**
 * Exports as pre-sales staff use them: on a generated proposal with prices and a discount, the
 * Export buttons give a Word document (parsed: headings, tables, exact totals), the print page gives
 * the PDF (Chromium's page.pdf(), text read back with pdfjs), and Markdown (tables and totals). A
 * knowledge manager imports a Word template through the Templates screen and a proposal is
 * generated from it.
 */

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = await (download as Download).path();
  return { name: download.suggestedFilename(), bytes: fs.readFileSync(file) };
}

const money = (value: string): string => `CNY ${groupThousands(value)}`;

/** A figure as the DOCX writes it in a table: no-break space after the currency, no-break minus (docx-common.ts unbreakableFigure). */
const inWord = (figure: string): string => figure.replace(/ /g, '\u00a0').replace(/-(?=\d)/g, '\u2011');

test.describe('proposal export and DOCX import', () => {
  test.beforeEach(async ({ page, appUrl }) => {
    await page.goto(appUrl);
    await expect(page.getByRole('heading', { level: 1, name: 'Knowledge base' })).toBeVisible();
  });

  test('exports a priced proposal as DOCX, PDF and Markdown with the same totals', async ({ page, appUrl }) => {
    const { engagementId } = await completedIcsAssessment(appUrl, { customer: 'Harbour Telecom 港湾电信', title: 'Voice pilot' });
    const { proposal } = await api<{ proposal: ProposalDetail }>(appUrl, 'proposals.generate', { engagementId, templateId: 'poc-ics-voicebot', lang: 'en' });
    const pricing: Pricing = {
      ...proposal.pricing,
      discount: { kind: 'percent', value: '12.5' },
      lines: proposal.pricing.lines.map((line, i) => (i === 0 ? { ...line, quantity: '24', unitPrice: '2950.55', discountPercent: '5' } : line)),
    };
    const saved = await api<ProposalDetail>(appUrl, 'proposals.save', { id: proposal.id, pricing });
    const totals = pricingTotals(saved.pricing);

    await gotoRoute(page, appUrl, `/proposals/${proposal.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(/voice/i);
    const exportGroup = page.getByRole('group', { name: 'Export' });

    // Before anything leaves: the template's knowledge-base references are named, section by section.
    await exportGroup.getByRole('button', { name: 'Word (DOCX)' }).click();
    const checks = page.getByRole('dialog', { name: 'Before you send this' });
    await expect(checks.getByTestId('export-findings')).toContainText('“Success criteria” refers to the knowledge base (“the containment measurement note”), which the customer cannot open.');
    await checks.getByRole('button', { name: 'Cancel' }).click();
    await expect(checks).toBeHidden();

    // Word: a real document with the section titles as headings and the pricing table with its totals.
    await exportGroup.getByRole('button', { name: 'Word (DOCX)' }).click();
    const docx = await downloaded(page, () => checks.getByRole('button', { name: 'Export anyway' }).click());
    // Short and whole: the customer once (the title names them), cut between words.
    expect(docx.name).toMatch(/^proposal-([\p{L}\p{N}]+-)*Harbour-Telecom(-[\p{L}\p{N}]+)*-\d{4}-\d{2}-\d{2}\.docx$/u);
    expect(docx.name.match(/Harbour/g)).toHaveLength(1);
    const html = (await mammoth.convertToHtml({ buffer: docx.bytes })).value;
    const headings = [...html.matchAll(/<h1>(?:<a id="[^"]*"><\/a>)?([^<]*)<\/h1>/g)].map((m) => m[1]);
    expect(headings).toEqual([...saved.sections.map((s) => s.title.replace(/&/g, '&amp;')), 'Acceptance'].map((title, i) => `${i + 1} ${title}`));
    expect(html).toContain('<td><p>24</p></td><td><p>2,950.55</p></td><td><p>5</p></td>');
    expect(html).toContain(`<td colspan="5"><p><strong>Discount (12.5%)</strong></p></td><td><p><strong>${inWord(`CNY -${groupThousands(totals.discount)}`)}</strong></p></td>`);
    expect(html).toContain(`<td colspan="5"><p><strong>Total</strong></p></td><td><p><strong>${inWord(money(totals.total))}</strong></p></td>`);
    expect(html).toContain('<strong>Prepared for: </strong>Harbour Telecom 港湾电信');

    // Markdown: the same tables and totals as GFM.
    await exportGroup.getByRole('button', { name: 'Markdown' }).click();
    const md = await downloaded(page, () => checks.getByRole('button', { name: 'Export anyway' }).click());
    expect(md.name).toMatch(/\.md$/);
    const markdown = md.bytes.toString('utf8');
    expect(markdown).toContain(`# ${saved.title}`);
    expect(markdown).toContain('| Item | Unit | Quantity | Unit price (CNY) | Discount % | Amount (CNY) |');
    expect(markdown).toContain(`| **Subtotal** |  |  |  |  | **${money(totals.subtotal)}** |`);
    expect(markdown).toContain(`| **Total** |  |  |  |  | **${money(totals.total)}** |`);
    expect(markdown).toContain(`| ${saved.timeline.phases[0]?.name ?? '?'} | ${saved.timeline.start} |`);

    // PDF: in the browser host the button opens the print page; Chromium prints it.
    await exportGroup.getByRole('button', { name: 'PDF' }).click();
    await checks.getByRole('button', { name: 'Export anyway' }).click();
    await expect(page).toHaveURL(new RegExp(`#/proposals/${proposal.id}/print$`));
    const sheet = page.getByTestId('proposal-print');
    await expect(sheet).toBeVisible();
    await expect(page.getByRole('button', { name: 'Print / Save as PDF' })).toBeEnabled();
    await expect(sheet.getByRole('img', { name: /^Timeline chart: / })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-print-ready', 'true');
    const pdf = await printedPdf(page);
    // pdfjs joins wrapped lines without a space: compare without white space.
    const squashed = (text: string): string => folded(text).replace(/\s+/g, '');
    const text = squashed(pdf.text);
    expect(pdf.pages).toBeGreaterThanOrEqual(4);
    expect(text.startsWith(squashed(`${saved.title}Prepared for: Harbour Telecom 港湾电信`))).toBe(true);
    expect(text).toContain(squashed('Engagement: Voice pilot'));
    for (const section of saved.sections) expect(text).toContain(squashed(section.title));
    expect(text).toContain(squashed(`Subtotal ${money(totals.subtotal)}Discount (12.5%) CNY -${groupThousands(totals.discount)}`));
    expect(text).toContain(squashed(`Total ${money(totals.total)}`));
    // "Page N of M" in the bottom margin from the second page on; none on the cover.
    expect(pdf.text).toContain(`Page 2 of ${pdf.pages}`);
    expect(pdf.text).not.toContain('Page 1 of');
    // No app chrome on paper.
    expect(pdf.text).not.toContain('Print / Save as PDF');
  });

  test('the Word size is worked out only once the proposal has a picture, and said while it is', async ({ page, appUrl }) => {
    const engagement = await newEngagement(appUrl);
    const { proposal } = await api<{ proposal: ProposalDetail }>(appUrl, 'proposals.generate', { engagementId: engagement.id, templateId: 'poc-ics-voicebot', lang: 'en' });
    // The calls the page makes, by the start of each request body (the envelope names the method first).
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as Window & { seenCalls?: string[] }).seenCalls = seen;
      const original = window.fetch.bind(window);
      window.fetch = async (input, init) => {
        if (init?.body instanceof Blob) seen.push((await init.body.slice(0, 400).text()).replace(/[^\x20-\x7e]/g, ' '));
        return original(input, init);
      };
    });
    const asked = async (): Promise<number> =>
      page.evaluate(() => ((window as Window & { seenCalls?: string[] }).seenCalls ?? []).filter((c) => c.includes('proposals.exportDocxSize')).length);
    await page.reload();
    await gotoRoute(page, appUrl, `/proposals/${proposal.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(/voice/i);
    // The recording works: the proposal itself was asked for.
    expect((await page.evaluate(() => (window as Window & { seenCalls?: string[] }).seenCalls ?? [])).some((c) => c.includes('proposals.get'))).toBe(true);
    // Text only: a small file, nothing to say, nothing asked — also not after each autosave.
    const summary = page.getByRole('textbox', { name: /Text of “Executive summary”/ });
    await summary.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' The board meets in May.');
    await expect(page.locator('.proposal-save[role="status"]', { hasText: /^Saved \d/ })).toBeVisible({ timeout: 10_000 });
    await expect(page.getByTestId('export-size')).toHaveCount(0);
    expect(await asked()).toBe(0);
    // A picture: the note appears with the estimate.
    await page.getByTestId('editor-image-input').setInputFiles({ name: 'site-photo.png', mimeType: 'image/png', buffer: TINY_PNG });
    await expect(page.getByTestId('export-size')).toHaveText(/^The Word file will be about \d+ kB, with 1 picture at print size\.$/);
    expect(await asked()).toBeGreaterThan(0);
  });

  test('imports a Word template on the Templates screen and generates a proposal from it', async ({ page, appUrl }) => {
    const { engagementId } = await completedIcsAssessment(appUrl, { customer: 'Delta Mobile', title: 'Chat pilot' });
    const doc = new Document({
      numbering: { config: [{ reference: 'steps', levels: [{ level: 0, format: 'decimal', text: '%1.', alignment: AlignmentType.LEFT }] }] },
      sections: [
        {
          children: [
            new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('Delta chat POC')] }),
            new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Summary')] }),
            new Paragraph({ children: [new TextRun('A pilot for '), new TextRun({ text: '«customer name»', bold: true }), new TextRun(', about {{answer.monthly-contacts}} contacts a month; owner {{acount.manager}}.')] }),
            new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Plan')] }),
            new Paragraph({ numbering: { reference: 'steps', level: 0 }, children: [new TextRun('Workshop')] }),
            new Paragraph({ numbering: { reference: 'steps', level: 0 }, children: [new TextRun('Pilot')] }),
            new Table({
              rows: [
                new TableRow({ children: [new TableCell({ children: [new Paragraph('Site')] }), new TableCell({ children: [new Paragraph('Agents')] })] }),
                new TableRow({ children: [new TableCell({ children: [new Paragraph('Wuhan')] }), new TableCell({ children: [new Paragraph('60')] })] }),
              ],
            }),
          ],
        },
      ],
    });
    const bytes = await Packer.toBuffer(doc);

    await gotoRoute(page, appUrl, '/templates');
    await expect(page.getByRole('heading', { level: 1, name: 'POC templates' })).toBeVisible();
    // A file named .docx that is not one: refused with its reason, nothing stored.
    await page.locator('#import-docx-file').setInputFiles({ name: 'notes.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('just text') });
    await expect(page.getByRole('alert')).toContainText('“notes.docx” is not a Word document (it is not a zip package)');

    await page.locator('#import-docx-file').setInputFiles({ name: 'Delta chat POC.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: bytes });
    await expect(page).toHaveURL(/#\/templates\/delta-chat-poc\?version=1$/);
    const problems = page.getByRole('region', { name: 'Imported, with parts to check' });
    await expect(problems).toContainText('{{acount.manager}} is not a variable templates may use');
    await expect(problems).toContainText('Pricing is not read from the document');

    // Pre-sales staff pick the imported template for the assessed engagement, as for any other.
    await gotoRoute(page, appUrl, `/engagements/${engagementId}`);
    await page.getByRole('region', { name: 'Proposals' }).getByRole('button', { name: 'New proposal' }).click();
    const dialog = page.getByRole('dialog', { name: 'New proposal' });
    await dialog.getByLabel('Template', { exact: true }).selectOption('delta-chat-poc');
    await dialog.getByLabel('English').check();
    await dialog.getByRole('button', { name: 'Generate' }).click();
    await page.waitForURL(/#\/proposals\/[^/]+$/);
    const proposalId = /#\/proposals\/([^/?]+)/.exec(page.url())?.[1] ?? '';
    const proposal = await api<ProposalDetail>(appUrl, 'proposals.get', { id: proposalId });
    expect(proposal.templateId).toBe('delta-chat-poc');
    expect(proposal.sections.map((s) => s.title)).toEqual(expect.arrayContaining(['Summary', 'Plan']));
    await expect(page.locator('.rt-root').first()).toContainText('A pilot for Delta Mobile, about 250,000');
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import type { Download, Locator, Page } from '@playwright/test';
import { groupThousands, pricingTotals } from '../../core/proposals/money';
import type { ProposalDetail } from '../../core/proposals/types';
import type { RiskItem } from '../../core/risks/types';
import { api, completedIcsAssessment, docxText, folded, printedPdf } from './app-api';
import { test, expect, startHost, stopHost, type Host } from './fixtures';

/**
 * The pre-sales acceptance test (issue 4, "Done when"): the engagement assessed in the on-site tests
 * (a completed, signed-off ICS readiness assessment and risks in its register — set up through the
 * API, as consultant.spec.ts leaves it) is turned into a proposal through the screens only: generate
 * it from the engagement with the voice-bot template in English, edit a section, set prices and a
 * discount, save a named version, change text and a price, compare the two versions, and export DOCX,
 * PDF and Markdown. The API is used only to read back what was stored; the exports are parsed (DOCX
 * tables, headings and totals from word/document.xml; the PDF's text; GFM rows).
 * Own host and data folder: the engagement list it picks from holds only what it created.
 */

let host: Host;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbench-e2e-presales-'));
  host = await startHost(dataDir);
});

test.afterAll(async () => {
  await stopHost(host);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const CUSTOMER = 'Northbay Mobile';
const ENGAGEMENT = 'Contact centre AI readiness';
const RISKS = [
  { checklistId: 'rc-personal-information', itemId: 'recording-consent' },
  { checklistId: 'rc-data-readiness', itemId: 'knowledge-outdated' },
];
const EDIT = 'Agreed with the contact centre director on site.';
const CHANGE = 'Budget approved in principle.';

const outline = (page: Page): Locator => page.getByRole('navigation', { name: 'Proposal outline' });
const saved = (page: Page): Locator => page.locator('.proposal-save[role="status"]', { hasText: /^Saved \d/ });
const money = (value: string): string => `CNY ${groupThousands(value)}`;

/** A figure as the DOCX writes it in a table: no-break space after the currency, no-break minus (docx-common.ts unbreakableFigure). */
const inWord = (figure: string): string => figure.replace(/ /g, '\u00a0').replace(/-(?=\d)/g, '\u2011');
/** pdfjs joins wrapped lines without a space, and mammoth's text has paragraph breaks: compare without white space. */
const squashed = (text: string): string => folded(text).replace(/\s+/g, '');

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = await (download as Download).path();
  return { name: download.suggestedFilename(), bytes: fs.readFileSync(file) };
}

/**
 * Types at the end of a section's text, as a writer would: once the editor shows its last paragraph
 * (ending with `lastText`, or the generated text when empty), click into that paragraph, go to the end;
 * a new paragraph when `lastText` is empty.
 */
async function appendToSummary(page: Page, editor: Locator, lastText: string, typed: string): Promise<void> {
  const last = editor.locator('p').last();
  if (lastText) await expect(last).toHaveText(lastText);
  else await expect(last).toContainText('The delivery lead is');
  // Click at the paragraph's start on purpose: Ctrl+End must reach the end even when the text ends
  // with an unresolved variable (an inline widget the browser's own caret cannot pass).
  await last.click({ position: { x: 2, y: 2 } });
  await expect(editor).toBeFocused();
  await page.keyboard.press('Control+End');
  if (!lastText) await page.keyboard.press('Enter');
  await page.keyboard.type(typed);
  await expect(editor.locator('p').last()).toContainText(typed.trim());
}

/** The plain text of the last block of a stored section. */
function lastParagraph(proposal: ProposalDetail, title: string): string {
  const body = proposal.sections.find((s) => s.title === title)?.bodyJson ?? '{}';
  const root = (JSON.parse(body) as { root?: { children?: { children?: { text?: string }[] }[] } }).root;
  return (root?.children?.at(-1)?.children ?? []).map((c) => c.text ?? '').join('');
}

/** Decodes the XML entities Word text may hold. */
function xmlText(xml: string): string {
  return xml.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** The text of the runs in a piece of WordprocessingML. */
function runsText(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => xmlText(m[1] ?? '')).join('');
}

/** Every top-level `<w:tbl>` of word/document.xml as rows of cell texts (the exporter nests no tables). */
function wordTables(documentXml: string): string[][][] {
  return [...documentXml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((table) =>
    [...(table[1] ?? '').matchAll(/<w:tr(?:\s[^>]*)?>([\s\S]*?)<\/w:tr>/g)].map((row) =>
      [...(row[1] ?? '').matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((cell) => runsText(cell[1] ?? '')),
    ),
  );
}

/** The texts of the paragraphs styled as the given heading. */
function styledParagraphs(documentXml: string, style: string): string[] {
  return [...documentXml.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g)]
    .filter((p) => (p[1] ?? '').includes(`<w:pStyle w:val="${style}"/>`))
    .map((p) => runsText(p[1] ?? ''));
}

test('pre-sales turns the assessed engagement into a priced, versioned proposal and exports it as DOCX, PDF and Markdown', async ({ page }) => {
  test.setTimeout(90_000);

  // ── The engagement assessed on site: completed ICS assessment with sign-off, risks in its register.
  const { engagementId, sessionId } = await completedIcsAssessment(host.appUrl, { customer: CUSTOMER, title: ENGAGEMENT });
  await api(host.appUrl, 'risks.addFromChecklist', { engagementId, items: RISKS, source: 'assessment', sessionId, lang: 'en' });
  const risks = await api<RiskItem[]>(host.appUrl, 'risks.list', { engagementId });
  expect(risks).toHaveLength(RISKS.length);

  // ── Pick the engagement from the Engagements screen.
  await page.goto(host.appUrl);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Engagements' }).click();
  await page.getByRole('link', { name: ENGAGEMENT }).click();
  await expect(page.getByRole('heading', { level: 1, name: ENGAGEMENT })).toBeVisible();

  // ── Generate a proposal from it and its assessment, with the ICS voice-bot template, in English.
  const panel = page.getByRole('region', { name: 'Proposals' });
  await expect(panel.getByText('No proposals for this engagement yet.')).toBeVisible();
  await panel.getByRole('button', { name: 'New proposal' }).click();
  const dialog = page.getByRole('dialog', { name: 'New proposal' });
  await expect(dialog.getByLabel('Assessment')).toHaveValue(sessionId);
  await dialog.getByLabel('Template', { exact: true }).selectOption('poc-ics-voicebot');
  await dialog.getByLabel('English').check();
  await dialog.getByRole('button', { name: 'Generate' }).click();
  await expect(page).toHaveURL(/#\/proposals\/[\w-]+$/);
  const proposalId = /#\/proposals\/([\w-]+)$/.exec(page.url())?.[1] ?? '';
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/voice/i);
  const generated = await api<ProposalDetail>(host.appUrl, 'proposals.get', { id: proposalId });
  expect([generated.engagementId, generated.sessionId, generated.templateId, generated.lang]).toEqual([engagementId, sessionId, 'poc-ics-voicebot', 'en']);

  // The register's risks are in the risks section, as an editable table.
  await outline(page).getByRole('button', { name: /Risks and mitigations/ }).click();
  const riskTable = page.getByRole('textbox', { name: /“Risks and mitigations”/ }).getByRole('table');
  for (const risk of risks) await expect(riskTable).toContainText(risk.title);

  // ── Edit the executive summary in the editor.
  await outline(page).getByRole('button', { name: /Executive summary/ }).click();
  const summary = page.getByRole('textbox', { name: /Text of “Executive summary”/ });
  // The answers filled in as the template words them: the number bare, the template's own unit after it.
  await expect(summary).toContainText(`${CUSTOMER} handles about 250,000 customer contacts a month.`);
  await appendToSummary(page, summary, '', EDIT);
  await expect(saved(page)).toBeVisible({ timeout: 10_000 });
  const edited = await api<ProposalDetail>(host.appUrl, 'proposals.get', { id: proposalId });
  expect(lastParagraph(edited, 'Executive summary')).toBe(EDIT);

  // ── Prices on the pricing table and an overall discount; the totals shown are core's.
  await outline(page).getByRole('button', { name: /Commercial terms/ }).click();
  await page.getByLabel('Unit price, line 1').fill('2950.55');
  await page.getByLabel('Quantity, line 2').fill('40');
  await page.getByLabel('Discount %, line 3').fill('5');
  await page.getByLabel('Overall discount', { exact: true }).selectOption('percent');
  await page.getByLabel('Overall discount value').fill('12.5');
  await expect(saved(page)).toBeVisible({ timeout: 10_000 });
  const priced = await api<ProposalDetail>(host.appUrl, 'proposals.get', { id: proposalId });
  expect([priced.pricing.lines[0]?.unitPrice, priced.pricing.lines[1]?.quantity, priced.pricing.lines[2]?.discountPercent]).toEqual(['2950.55', '40', '5']);
  expect(priced.pricing.discount).toEqual({ kind: 'percent', value: '12.5' });
  const first = pricingTotals(priced.pricing);
  await expect(page.getByTestId('pricing-subtotal')).toHaveText(money(first.subtotal));
  await expect(page.getByTestId('pricing-discount')).toHaveText(`− ${money(first.discount)}`);
  await expect(page.getByTestId('pricing-tax')).toHaveText(money(first.tax));
  await expect(page.getByTestId('pricing-total')).toHaveText(money(first.total));

  // ── Save a named version.
  await page.getByLabel('Version name').fill('Priced for review');
  await page.getByRole('button', { name: 'Save version' }).click();
  await expect(page.getByText('Saved version “Priced for review”.')).toBeVisible();

  // ── Change it: a price and the text.
  await page.getByLabel('Unit price, line 1').fill('3100');
  await expect(saved(page)).toBeVisible({ timeout: 10_000 });
  await outline(page).getByRole('button', { name: /Executive summary/ }).click();
  await appendToSummary(page, summary, EDIT, ` ${CHANGE}`);
  await expect(saved(page)).toBeVisible({ timeout: 10_000 });
  const changed = await api<ProposalDetail>(host.appUrl, 'proposals.get', { id: proposalId });
  expect(changed.pricing.lines[0]?.unitPrice).toBe('3100');
  expect(lastParagraph(changed, 'Executive summary')).toBe(`${EDIT} ${CHANGE}`);
  const totals = pricingTotals(changed.pricing);
  expect(totals.total).not.toBe(first.total);

  // ── Compare the version with the current proposal: the differences are marked.
  const versions = await api<{ id: string; name: string }[]>(host.appUrl, 'proposals.versions', { id: proposalId });
  expect(versions.map((v) => v.name)).toEqual(['Priced for review']);
  await page.getByLabel('Compare', { exact: true }).selectOption(versions[0]?.id ?? '');
  await page.getByLabel('with', { exact: true }).selectOption('current');
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const diff = page.getByRole('region', { name: 'Differences' });
  await expect(diff.locator('ins', { hasText: 'Budget' })).toBeVisible();
  await expect(diff.getByText(`Total: ${money(first.total)} → ${money(totals.total)}`)).toBeVisible();
  const priceRow = diff.getByRole('row', { name: /Unit price on pricing line 1/ });
  await expect(priceRow.locator('del')).toHaveText('2950.55');
  await expect(priceRow.locator('ins')).toHaveText('3100');

  const exportGroup = page.getByRole('group', { name: 'Export' });
  const titles = changed.sections.map((s) => s.title);

  // ── DOCX, the customer's copy (the default): first what the customer would notice, then the file.
  await exportGroup.getByRole('button', { name: 'Word (DOCX)' }).click();
  const checks = page.getByRole('dialog', { name: 'Before you send this' });
  await expect(checks.getByTestId('export-findings')).toContainText('refers to the knowledge base');
  // Real tables, the section titles as headings, the totals equal core's.
  const docx = await downloaded(page, () => checks.getByRole('button', { name: 'Export anyway' }).click());
  expect(docx.name).toMatch(/\.docx$/);
  const zip = await JSZip.loadAsync(docx.bytes);
  const documentXml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  expect(documentXml).toContain('<w:tbl>');
  // Each section, then the acceptance block, numbered.
  const numbered = [...titles, 'Acceptance'].map((title, i) => `${i + 1} ${title}`);
  expect(styledParagraphs(documentXml, 'Heading1')).toEqual(numbered);
  expect(styledParagraphs(documentXml, 'Title')).toEqual([changed.title]);
  const tables = wordTables(documentXml);
  const risksTable = tables.find((t) => risks.every((r) => t.some((row) => row.includes(r.title))));
  expect(risksTable, 'a table of the register’s risks').toBeDefined();
  const pricingTable = tables.find((t) => t[0]?.some((c) => c.startsWith('Unit price')));
  if (!pricingTable) throw new Error('the DOCX has no pricing table');
  expect(pricingTable.find((row) => row[0] === changed.pricing.lines[0]?.item)?.slice(2, 4)).toEqual([changed.pricing.lines[0]?.quantity, '3,100.00']);
  expect(pricingTable.slice(-5)).toEqual([
    ['Subtotal', inWord(money(totals.subtotal))],
    ['Discount (12.5%)', inWord(`CNY -${groupThousands(totals.discount)}`)],
    ['Amount before tax', inWord(money(totals.taxable))],
    ['Tax (6%)', inWord(money(totals.tax))],
    ['Total', inWord(money(totals.total))],
  ]);
  const docText = squashed(await docxText(docx.bytes));
  expect(docText).toContain(squashed(`${EDIT} ${CHANGE}`));
  expect(docText).toContain(squashed(CUSTOMER));
  // Nothing internal in the customer's copy: no status, no version, no knowledge-base article names.
  expect(docText).not.toMatch(/Status:|Version:|knowledgebase:/);
  const html = (await mammoth.convertToHtml({ buffer: docx.bytes })).value;
  expect([...html.matchAll(/<h1>(?:<a id="[^"]*"><\/a>)?([^<]*)<\/h1>/g)].map((m) => xmlText(m[1] ?? ''))).toEqual(numbered);
  expect((html.match(/<table>/g) ?? []).length).toBe(tables.length);

  // ── Markdown, the internal copy: GFM tables with the pricing rows and the totals, plus the status,
  // the version and the knowledge-base article behind each reference that the customer's copy leaves out.
  await exportGroup.getByLabel('Copy').selectOption('internal');
  await exportGroup.getByRole('button', { name: 'Markdown' }).click();
  await expect(checks.getByTestId('export-findings')).not.toContainText('refers to the knowledge base');
  const md = await downloaded(page, () => checks.getByRole('button', { name: 'Export anyway' }).click());
  expect(md.name).toMatch(/-internal-\d{4}-\d{2}-\d{2}\.md$/);
  const markdown = md.bytes.toString('utf8');
  expect(markdown).toContain('- **Status:** ');
  expect(markdown).toContain('- **Copy:** Internal — not for the customer');
  expect(markdown).toMatch(/\(knowledge base: [a-z0-9-]+\)/);
  expect(markdown).toContain(`# ${changed.title}`);
  for (const [i, title] of titles.entries()) expect(markdown).toMatch(new RegExp(`^## ${i + 1} ${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
  expect(markdown).toContain('| Item | Unit | Quantity | Unit price (CNY) | Discount % | Amount (CNY) |');
  expect(markdown).toMatch(/^\|(?: ?:?-{3,}:? ?\|){6}$/m);
  const line1 = changed.pricing.lines[0];
  const net1 = totals.lines.find((l) => l.id === line1?.id)?.net ?? '?';
  expect(markdown).toContain(`| ${line1?.item ?? '?'} | ${line1?.unit ?? '?'} | ${line1?.quantity ?? '?'} | 3,100.00 |  | ${groupThousands(net1)} |`);
  expect(markdown).toContain(`| **Subtotal** |  |  |  |  | **${money(totals.subtotal)}** |`);
  expect(markdown).toContain(`| **Total** |  |  |  |  | **${money(totals.total)}** |`);
  for (const risk of risks) expect(markdown).toContain(risk.title);

  // ── PDF: the print page, printed by Chromium; headings, the customer and the total in its text.
  await exportGroup.getByLabel('Copy').selectOption('customer');
  await exportGroup.getByRole('button', { name: 'PDF' }).click();
  await checks.getByRole('button', { name: 'Export anyway' }).click();
  await expect(page).toHaveURL(new RegExp(`#/proposals/${proposalId}/print$`));
  await expect(page.getByTestId('proposal-print')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Print / Save as PDF' })).toBeEnabled();
  const pdf = await printedPdf(page);
  const pdfText = squashed(pdf.text);
  expect(pdf.pages).toBeGreaterThan(1);
  expect(pdfText.startsWith(squashed(changed.title))).toBe(true);
  expect(pdfText).toContain(squashed(`Prepared for: ${CUSTOMER}`));
  for (const title of titles) expect(pdfText).toContain(squashed(title));
  expect(pdfText).toContain(squashed(`${EDIT} ${CHANGE}`));
  expect(pdfText).toContain(squashed(`Total ${money(totals.total)}`));
});

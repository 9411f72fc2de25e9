import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatApiMessage } from '../../core/api/message';
import type { Lang } from '../../core/i18n';
import { yuanInWords } from '../../core/proposals/amount-in-words';
import { groupThousands, pricingTotals } from '../../core/proposals/money';
import type { ProposalDetail } from '../../core/proposals/types';
import { assessedSession } from '../helpers/assessed-engagement';
import { BUNDLED_PACK, callOk, exportedBytes, startBackend } from '../helpers/backend';
import { libreofficeAvailable, renderWithLibreOffice, type RenderedPdf } from '../helpers/libreoffice';

/**
 * Every export opened in a real word processor, as the customer would open it: LibreOffice
 * converts it to PDF, and the PDF's text is read back page by page. No field code may show, the
 * contents page must carry the page each chapter really starts on, figures must not break
 * inside, and the documents must be of a sensible length.
 */

const available = libreofficeAvailable();

type Rendered = { proposal: ProposalDetail; pdf: RenderedPdf };
const proposals = new Map<Lang, Rendered>();
let imported: (Rendered & { importProblems: string[]; priceSection: string }) | null = null;

/** A Word template as people write them: a variable split over formatting runs, tables, one with merged cells. */
function wordTemplate(): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('Contact centre pilot offer for {{customer.name}}')] }),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Summary')] }),
          new Paragraph({ children: [new TextRun('Prepared for {{customer.'), new TextRun({ text: 'name', bold: true }), new TextRun('}}, handling {{answer.monthly-contacts}} contacts a month.')] }),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Sites')] }),
          new Table({
            rows: [
              new TableRow({ children: [new TableCell({ children: [new Paragraph('Site')] }), new TableCell({ children: [new Paragraph('Agents')] })] }),
              new TableRow({ children: [new TableCell({ children: [new Paragraph('Shanghai')] }), new TableCell({ children: [new Paragraph('120')] })] }),
            ],
          }),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Price')] }),
          // Merged cells as Word writes them: one down (vMerge), one across (gridSpan).
          new Table({
            rows: [
              new TableRow({ children: ['Item', 'Qty', 'Amount'].map((t) => new TableCell({ children: [new Paragraph(t)] })) }),
              new TableRow({ children: [new TableCell({ rowSpan: 2, children: [new Paragraph('Platform')] }), new TableCell({ children: [new Paragraph('1')] }), new TableCell({ children: [new Paragraph('100')] })] }),
              new TableRow({ children: [new TableCell({ children: [new Paragraph('2')] }), new TableCell({ children: [new Paragraph('200')] })] }),
              new TableRow({ children: [new TableCell({ columnSpan: 2, children: [new Paragraph('Total')] }), new TableCell({ children: [new Paragraph('300')] })] }),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
const reports = new Map<Lang, RenderedPdf>();

beforeAll(async () => {
  if (!available) return;
  const { backend } = await startBackend({ contentDir: BUNDLED_PACK });
  const { engagementId, sessionId } = await assessedSession(backend);
  for (const lang of ['en', 'zh'] as const) {
    const { proposal } = await callOk(backend, 'proposals.generate', { engagementId, templateId: 'poc-ics-voicebot', lang });
    const priced = await callOk(backend, 'proposals.save', { id: proposal.id, pricing: { ...proposal.pricing, discount: { kind: 'percent', value: '7.5' } } });
    const docx = await callOk(backend, 'proposals.exportDocx', { id: proposal.id });
    proposals.set(lang, { proposal: priced, pdf: renderWithLibreOffice(exportedBytes(docx), `proposal-${lang}.docx`) });
    const report = await callOk(backend, 'reports.assessmentDocx', { sessionId, lang });
    reports.set(lang, renderWithLibreOffice(exportedBytes(report), `report-${lang}.docx`));
  }
  const template = await callOk(backend, 'templates.importDocx', { name: 'Pilot offer.docx', data: await wordTemplate(), scenarios: ['intelligent-customer-service'] });
  const { proposal } = await callOk(backend, 'proposals.generate', { engagementId, templateId: template.template.id, lang: 'en' });
  const docx = await callOk(backend, 'proposals.exportDocx', { id: proposal.id });
  imported = {
    proposal,
    pdf: renderWithLibreOffice(exportedBytes(docx), 'imported.docx'),
    importProblems: template.problems.map((p) => formatApiMessage(p.message, 'en')),
    priceSection: template.template.template.sections.find((s) => s.title.en === 'Price')?.body?.en ?? '',
  };
}, 300_000);

const FIELD_CODES = /\b(TOC|PAGEREF|HYPERLINK|MERGEFIELD|NUMPAGES)\b|\\[hoz] /;

/** Text with the gap LibreOffice leaves between Chinese and figures ("2026 年 12 月") taken out, as a reader reads it. */
const joined = (text: string): string => text.replace(/(?<=[\u4e00-\u9fff])[ \t]+(?=\d)|(?<=\d)[ \t]+(?=[\u4e00-\u9fff])/g, '');

/** A page's lines without the layout's padding. */
const linesOf = (page: string): string[] => page.split('\n').map((l) => l.trim());

describe.skipIf(!available)('exports opened in LibreOffice', () => {
  it.each(['en', 'zh'] as const)('proposal (%s): a contents page whose entries carry the pages their chapters start on, and no field code anywhere', (lang) => {
    const rendered = proposals.get(lang);
    if (!rendered) throw new Error('not rendered');
    const { proposal, pdf } = rendered;
    expect(pdf.pages.length).toBeGreaterThanOrEqual(4);
    expect(pdf.pages.length).toBeLessThanOrEqual(12);
    for (const [i, page] of pdf.pages.entries()) expect(page, `page ${i + 1}`).not.toMatch(FIELD_CODES);
    // Page 2 is the contents: one numbered entry per section and the acceptance, each "n title ..... page".
    const entries = [...(pdf.pages[1] ?? '').matchAll(/^\s*(.+?)\s*\.{3,}\s*(\d+)\s*$/gm)].map((m) => ({ title: m[1] ?? '', page: Number(m[2]) }));
    const acceptance = lang === 'zh' ? '客户确认' : 'Acceptance';
    expect(entries.map((e) => e.title)).toEqual([...proposal.sections.map((s) => s.title), acceptance].map((title, i) => `${i + 1} ${title}`));
    for (const entry of entries) {
      const actual = pdf.pages.findIndex((page, i) => i >= 2 && linesOf(page).includes(entry.title)) + 1;
      expect(entry.page, `"${entry.title}" starts on page ${actual}`).toBe(actual);
    }
  });

  it.each(['en', 'zh'] as const)('proposal (%s): every amount of the price table reads whole, never broken inside a figure', (lang) => {
    const rendered = proposals.get(lang);
    if (!rendered) throw new Error('not rendered');
    const text = rendered.pdf.pages.join('\n');
    const totals = pricingTotals(rendered.proposal.pricing);
    for (const amount of [totals.subtotal, totals.discount, totals.total].map(groupThousands)) expect(text, amount).toContain(amount);
    // No figure is split over two lines of a table cell ("380,|000").
    expect(text).not.toMatch(/\d,\s*\n\s*\d{3}\b/);
  });

  it('proposal (zh): Chinese conventions — yuan as ¥ with the total in words, dates as 年月日, full-width punctuation', () => {
    const rendered = proposals.get('zh');
    if (!rendered) throw new Error('not rendered');
    const text = rendered.pdf.pages.join('\n');
    const total = pricingTotals(rendered.proposal.pricing).total;
    expect(text).toContain(`¥${groupThousands(total)}`);
    expect(text).not.toMatch(/CNY/);
    const inWords = /合计（大写）：(人民币[零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整]+)/.exec(text.replace(/\s+/g, ''));
    expect(inWords?.[1]).toBe(yuanInWords(total));
    expect(joined(rendered.pdf.pages[0] ?? '')).toMatch(/日期：\d{4}年\d{1,2}月\d{1,2}日/);
  });

  it('a proposal from an imported Word template: every variable filled (one Word had split over runs), nothing left in braces', () => {
    if (!imported) throw new Error('not rendered');
    const text = imported.pdf.pages.join('\n');
    // The title's variable is filled too.
    expect(imported.proposal.title).toBe('Contact centre pilot offer for 华东电信 Eastern Telecom');
    expect((imported.pdf.pages[0] ?? '').replace(/\s+/g, ' ')).toContain('Contact centre pilot offer for 华东电信 Eastern Telecom');
    expect(text).toContain('Prepared for 华东电信 Eastern Telecom, handling 250,000 contacts a month.');
    expect(text).not.toMatch(/\{\{|\}\}|«|»/);
    for (const [i, page] of imported.pdf.pages.entries()) expect(page, `page ${i + 1}`).not.toMatch(FIELD_CODES);
  });

  it('a Word table with merged cells keeps each figure in its column, and the import says the cells were split', () => {
    if (!imported) throw new Error('not rendered');
    expect(imported.priceSection).toContain('| Platform | 1 | 100 |\n|  | 2 | 200 |\n| Total |  | 300 |');
    expect(imported.importProblems).toContainEqual(expect.stringContaining('merged cells'));
  });

  it.each(['en', 'zh'] as const)('assessment report (%s): opens whole, with every section and no field code', (lang) => {
    const pdf = reports.get(lang);
    if (!pdf) throw new Error('not rendered');
    expect(pdf.pages.length).toBeGreaterThanOrEqual(3);
    expect(pdf.pages.length).toBeLessThanOrEqual(10);
    for (const [i, page] of pdf.pages.entries()) expect(page, `page ${i + 1}`).not.toMatch(FIELD_CODES);
    const text = pdf.pages.join('\n');
    expect(text).toContain('华东电信 Eastern Telecom');
    // Figures and English words in Chinese text stay whole ("250,000", not "250,|000").
    expect(text).toContain('250,000');
    expect(text).not.toMatch(/\d,\s*\n\s*\d{3}\b/);
    // Times carry their zone; Chinese text has full-width punctuation and 年月日 dates.
    if (lang === 'zh') {
      expect(text).toMatch(/评估报告：/);
      expect(joined(text)).toMatch(/完成时间：\d{4}年\d{1,2}月\d{1,2}日 ?\d{2}:\d{2}（UTC[+-]?\d*）/);
      expect(text).not.toMatch(/[\u4e00-\u9fff]: |（版本 \d+\)|\(版本/);
    } else expect(text).toMatch(/Completed: \d{4}-\d{2}-\d{2} \d{2}:\d{2} \(UTC[+-]?\d*\)/);
    // Every page after the first is numbered in the document's language.
    for (const [i, page] of pdf.pages.entries()) {
      if (i === 0) continue;
      expect(page).toContain(lang === 'zh' ? `第 ${i + 1} 页，共 ${pdf.pages.length} 页` : `Page ${i + 1} of ${pdf.pages.length}`);
    }
  });
});

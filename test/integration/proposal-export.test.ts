import { AlignmentType, Document, Footer, FootnoteReferenceRun, Header, HeadingLevel, Packer, PageBreak, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { formatApiMessage } from '../../core/api/message';
import type { Backend } from '../../electron/backend/backend';
import { documentJson, paragraph, textNode } from '../../core/richtext/build';
import { plainText } from '../../core/richtext/text';
import { blocksOf } from '../../core/richtext/walk';
import { groupThousands, pricingTotals } from '../../core/proposals/money';
import type { ProposalDetail } from '../../core/proposals/types';
import { BUNDLED_PACK, callFail, callOk, exportedBytes, startBackend } from '../helpers/backend';
import type { ExportedFile } from '../../core/api/calls/reports';
import { assessedEngagement } from '../helpers/assessed-engagement';
import { picturePng } from '../helpers/png';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A figure as the DOCX writes it in a table: no-break space after the currency, no-break minus (docx-common.ts unbreakableFigure). */
const inWord = (figure: string): string => figure.replace(/ /g, '\u00a0').replace(/-(?=\d)/g, '\u2011');

/** A generated proposal with a discount, a photo and an unfilled variable in its first section. */
async function exportableProposal(): Promise<{ backend: Backend; proposal: ProposalDetail; photo: Buffer }> {
  const { backend } = await startBackend({ contentDir: BUNDLED_PACK });
  const engagementId = await assessedEngagement(backend);
  const { proposal } = await callOk(backend, 'proposals.generate', { engagementId, templateId: 'poc-ics-voicebot', lang: 'en' });
  const photo = picturePng(40, 20);
  const attached = await callOk(backend, 'attachments.add', { ownerTable: 'engagements', ownerId: engagementId, name: 'site.png', mime: 'image/png', data: photo });
  const [first, ...rest] = proposal.sections;
  if (!first) throw new Error('no sections');
  const body = documentJson([
    ...blocksOf(first.bodyJson),
    paragraph([textNode('Contact: '), { type: 'variable', version: 1, name: 'customer.contact', reason: 'unknown' }]),
    paragraph([{ type: 'image', version: 1, sha256: attached.sha256, altText: 'Site visit' }]),
  ]);
  const saved = await callOk(backend, 'proposals.save', {
    id: proposal.id,
    sections: [{ ...first, bodyJson: body }, ...rest],
    pricing: { ...proposal.pricing, discount: { kind: 'percent', value: '7.5' } },
  });
  return { backend, proposal: saved, photo };
}

async function docxParts(file: ExportedFile): Promise<{ zip: JSZip; html: string; text: string; documentXml: string }> {
  const buffer = exportedBytes(file);
  const zip = await JSZip.loadAsync(buffer);
  const documentXml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return { zip, html: (await mammoth.convertToHtml({ buffer })).value, text: (await mammoth.extractRawText({ buffer })).value, documentXml };
}

describe('proposal export', () => {
  it('writes a Word document with cover, contents field, headings, tables with exact totals, the Gantt PNG and page numbers', async () => {
    const { backend, proposal, photo } = await exportableProposal();
    const file = await callOk(backend, 'proposals.exportDocx', { id: proposal.id });
    expect(file.mime).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(file.fileName).toMatch(/^proposal-.+-\d{4}-\d{2}-\d{2}\.docx$/);
    const { zip, html, text, documentXml } = await docxParts(file);

    // Cover, then every section title as Heading 1 (what the TOC field collects).
    expect(text.startsWith(`\n\n${proposal.title}`)).toBe(true);
    expect(text).toContain('Prepared for: 华东电信 Eastern Telecom');
    // The customer's copy (the default) keeps the house's status and versions to itself.
    expect(text).not.toMatch(/Status:|Version:/);
    expect(html.match(/<h1>(?:<a id="[^"]+"><\/a>)?[^<]*<\/h1>/g)?.map((h) => h.replace(/<a id="[^"]+"><\/a>/, ''))).toEqual([...proposal.sections.map((s) => s.title.replace(/&/g, '&amp;')), 'Acceptance'].map((title, i) => `<h1>${i + 1} ${title}</h1>`));
    // The contents: a content control marked as Word's table of contents, its TOC field's runs apart
    // (one run each for begin, instruction and separate), every chapter linked with its page number.
    expect(documentXml).toMatch(/<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"\/>/);
    expect(documentXml).toContain('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \\o &quot;1-1&quot; \\h \\z \\u </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>');
    const entries = [...documentXml.matchAll(/<w:hyperlink w:anchor="(_TocFieldbench\d+)"[^>]*><w:r><w:t xml:space="preserve">([^<]*)<\/w:t><\/w:r>.*?PAGEREF \1 \\h .*?<w:t>(\d+)<\/w:t>/g)];
    expect(entries.map((e) => e[2])).toEqual([...proposal.sections.map((s) => s.title.replace(/&/g, '&amp;')), 'Acceptance'].map((title, i) => `${i + 1} ${title}`));
    expect(entries.every((e) => Number(e[3]) >= 3)).toBe(true);
    expect(documentXml).not.toContain('fieldbench-contents-');
    // Every drawing has its own id; Latin text is tagged en-US and Chinese zh-CN; the sender is the author.
    const drawingIds = [...documentXml.matchAll(/<wp:docPr id="(\d+)"/g)].map((m) => m[1]);
    expect(drawingIds.length).toBeGreaterThanOrEqual(2);
    expect(new Set(drawingIds).size).toBe(drawingIds.length);
    expect(await zip.file('word/styles.xml')?.async('string')).toMatch(/<w:lang w:val="en-US" w:eastAsia="zh-CN"\/>/);
    expect(await zip.file('docProps/core.xml')?.async('string')).not.toContain('Un-named');
    // Nothing asks Word to update fields on open (its prompt about "fields that may refer to other files").
    expect(await zip.file('word/settings.xml')?.async('string')).not.toContain('updateFields');
    const footers = await Promise.all(Object.keys(zip.files).filter((n) => /^word\/footer\d+\.xml$/.test(n)).map((n) => zip.file(n)?.async('string') ?? ''));
    expect(footers.some((f) => /<w:instrText[^>]*>PAGE<\/w:instrText>/.test(f) && /<w:instrText[^>]*>NUMPAGES<\/w:instrText>/.test(f) && f.includes('Page ') && f.includes(' of '))).toBe(true);

    // The pricing table: every line and the totals, computed exactly.
    const totals = pricingTotals(proposal.pricing);
    for (const line of proposal.pricing.lines) expect(html).toContain(`<td><p>${line.item}</p></td>`);
    expect(html).toContain(`<td colspan="4"><p><strong>Subtotal</strong></p></td><td><p><strong>${inWord(`CNY ${groupThousands(totals.subtotal)}`)}</strong></p></td>`);
    expect(html).toContain(`<td colspan="4"><p><strong>Discount (7.5%)</strong></p></td><td><p><strong>${inWord(`CNY -${groupThousands(totals.discount)}`)}</strong></p></td>`);
    expect(html).toContain(`<td colspan="4"><p><strong>Total</strong></p></td><td><p><strong>${inWord(`CNY ${groupThousands(totals.total)}`)}</strong></p></td>`);
    // Success criteria, risks (the body's own table) and the timeline are real tables too.
    expect(html).toContain(`<td><p>${proposal.successCriteria[0]?.metric ?? '?'}</p></td>`);
    expect(html).toContain(`<td><p>${proposal.timeline.phases[0]?.name ?? '?'}</p></td><td><p>${proposal.timeline.start}</p></td>`);
    expect(html).toMatch(/<td><p>Call recordings without a recording notice[^<]*<\/p><\/td>/);
    // Criteria, risks, timeline, pricing and the acceptance block.
    expect((html.match(/<table>/g) ?? []).length).toBe(5);

    // The unfilled variable is a blank to write on in the customer's copy (the export checks named it first);
    // the photo and the Gantt chart (SVG + PNG fallback) are in the package.
    expect(text).toContain('Contact: ＿＿＿＿＿＿');
    expect(text).not.toContain('{{');
    const media = Object.keys(zip.files).filter((n) => n.startsWith('word/media/'));
    const pngs = await Promise.all(media.filter((n) => n.endsWith('.png')).map((n) => zip.file(n)?.async('nodebuffer')));
    expect(pngs.some((b) => b?.equals(photo))).toBe(true);
    expect(pngs.some((b) => b !== undefined && !b.equals(photo) && b.subarray(0, 8).equals(PNG_SIGNATURE) && b.readUInt32BE(16) === 1280)).toBe(true);
    expect(media.some((n) => n.endsWith('.svg'))).toBe(true);
  });

  it('exports a saved version as it was, and Markdown with the same totals', async () => {
    const { backend, proposal, photo } = await exportableProposal();
    const version = await callOk(backend, 'proposals.saveVersion', { id: proposal.id, name: 'Sent to customer' });
    const changed = await callOk(backend, 'proposals.save', { id: proposal.id, title: 'Revised after the workshop' });
    const old = await docxParts(await callOk(backend, 'proposals.exportDocx', { id: proposal.id, versionId: version.id, copy: 'internal' }));
    expect(old.text).toContain(proposal.title);
    expect(old.text).toContain('Version: Sent to customer');
    expect(old.text).not.toContain('Revised after the workshop');

    // With a picture, the Markdown comes as a zip: the text and an images folder it links to.
    const md = await callOk(backend, 'proposals.exportMarkdown', { id: proposal.id });
    expect(md.fileName).toMatch(/^proposal-.+\.zip$/);
    expect(md.mime).toBe('application/zip');
    const zip = await JSZip.loadAsync(exportedBytes(md));
    const names = Object.keys(zip.files).filter((n) => !zip.files[n]?.dir);
    const mdName = md.fileName.replace(/\.zip$/, '.md');
    expect(names.sort()).toEqual([expect.stringMatching(/^images\/[0-9a-f]{16}\.png$/), mdName].sort());
    const markdown = (await zip.file(mdName)?.async('string')) ?? '';
    const totals = pricingTotals(changed.pricing);
    expect(markdown.startsWith('# Revised after the workshop\n')).toBe(true);
    expect(markdown).toContain(`| **Total** |  |  |  | **CNY ${groupThousands(totals.total)}** |`);
    expect(markdown).toContain('Contact: ＿＿＿＿＿＿');
    // The internal copy keeps the variable's name, for the author.
    const internalMarkdown = exportedBytes(await callOk(backend, 'proposals.exportMarkdown', { id: proposal.id, copy: 'internal' }));
    const internalZip = await JSZip.loadAsync(internalMarkdown);
    expect(await internalZip.file(mdName.replace(/(-\d{4}-\d{2}-\d{2}\.md)$/, '-internal$1'))?.async('string')).toContain('Contact: {{customer.contact}}');
    expect(markdown).not.toContain('attachment:');
    const picture = /!\[Site visit\]\((images\/[0-9a-f]{16}\.png)\)/.exec(markdown)?.[1] ?? '';
    expect(await zip.file(picture)?.async('nodebuffer')).toEqual(photo);

    const other = await callOk(backend, 'proposals.generate', { engagementId: proposal.engagementId, templateId: 'poc-ics-voicebot', lang: 'en' });
    expect(await callFail(backend, 'proposals.exportDocx', { id: other.proposal.id, versionId: version.id })).toMatchObject({ code: 'not_found' });
    expect(await callFail(backend, 'proposals.exportMarkdown', { id: 'nope' })).toMatchObject({ code: 'not_found', message: 'No proposal with id "nope" on this device.' });
  });

  it('prints the PDF through the host, or answers unavailable where the print page is the way', async () => {
    const { backend, proposal } = await exportableProposal();
    expect(await callFail(backend, 'proposals.exportPdf', { id: proposal.id })).toMatchObject({ code: 'unavailable' });

    const routes: string[] = [];
    const { backend: electronLike } = await startBackend({
      contentDir: BUNDLED_PACK,
      platform: {
        printPdf: (route) => {
          routes.push(route);
          return Promise.resolve(new TextEncoder().encode('%PDF-1.7\n%stand-in for printToPDF\n'));
        },
      },
    });
    const engagementId = await assessedEngagement(electronLike);
    const { proposal: printed } = await callOk(electronLike, 'proposals.generate', { engagementId, templateId: 'poc-ics-voicebot', lang: 'zh' });
    const pdf = await callOk(electronLike, 'proposals.exportPdf', { id: printed.id });
    expect(routes).toEqual([`/proposals/${printed.id}/print`]);
    expect(pdf).toMatchObject({ mime: 'application/pdf', fileName: expect.stringMatching(/\.pdf$/) });
  });
});

/** A Word template as knowledge managers write them: title, headings, merge fields, a list and a table. */
async function wordTemplate(): Promise<Buffer> {
  const doc = new Document({
    numbering: { config: [{ reference: 'steps', levels: [{ level: 0, format: 'decimal', text: '%1.', alignment: AlignmentType.LEFT }] }] },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('Voice POC (Word)')] }),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Summary')] }),
          new Paragraph({ children: [new TextRun('We propose a pilot for '), new TextRun({ text: '«customer name»', bold: true }), new TextRun(' handling {{answer.monthly-contacts}} contacts a month.')] }),
          new Paragraph({ children: [new TextRun('Lead: {{team.lead}}; sponsor {{sponsor.name}}.')] }),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Approach')] }),
          new Paragraph({ numbering: { reference: 'steps', level: 0 }, children: [new TextRun('Discovery workshop')] }),
          new Paragraph({ numbering: { reference: 'steps', level: 0 }, children: [new TextRun('Pilot on live traffic')] }),
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('Sites')] }),
          new Table({
            rows: [
              new TableRow({ children: [new TableCell({ children: [new Paragraph('Site')] }), new TableCell({ children: [new Paragraph('Agents')] })] }),
              new TableRow({ children: [new TableCell({ children: [new Paragraph('Shanghai')] }), new TableCell({ children: [new Paragraph('120')] })] }),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

describe('DOCX import as a template', () => {
  it('stores the document as a new template that proposals can be generated from', async () => {
    const { backend } = await startBackend({ contentDir: BUNDLED_PACK });
    const engagementId = await assessedEngagement(backend);
    const bytes = await wordTemplate();
    const imported = await callOk(backend, 'templates.importDocx', { name: 'Voice POC (Word).docx', data: bytes, scenarios: ['intelligent-customer-service'] });
    const t = imported.template;
    expect([t.id, t.version, t.origin, t.template.title]).toEqual(['voice-poc-word', 1, 'user', { en: 'Voice POC (Word)', zh: 'Voice POC (Word)' }]);
    expect(t.template.sections.map((s) => [s.id, s.title.en])).toEqual([
      ['summary', 'Summary'],
      ['approach', 'Approach'],
      ['sites', 'Sites'],
    ]);
    expect(t.template.sections[0]?.body?.en).toBe('We propose a pilot for **{{customer.name}}** handling {{answer.monthly-contacts}} contacts a month.\n\nLead: {{team.lead}}; sponsor «sponsor.name».');
    expect(t.template.sections[1]?.body?.en).toBe('1. Discovery workshop\n2. Pilot on live traffic');
    expect(t.template.sections[2]?.body?.en).toBe('| Site | Agents |\n| --- | --- |\n| Shanghai | 120 |');
    expect(imported.problems.map((p) => p.where)).toEqual(['Summary', 'template', 'pricing', 'timeline']);
    const first = imported.problems[0];
    expect(first && formatApiMessage(first.message, 'en')).toContain('{{sponsor.name}} is not a variable templates may use');

    // Importing again makes version 2 of the same template.
    const again = await callOk(backend, 'templates.importDocx', { name: 'Voice POC (Word).docx', data: bytes });
    expect([again.template.id, again.template.version]).toEqual(['voice-poc-word', 2]);

    const { proposal, problems } = await callOk(backend, 'proposals.generate', { engagementId, templateId: 'voice-poc-word', templateVersion: 1, lang: 'en' });
    expect(problems).toEqual([]);
    const summary = proposal.sections.find((s) => s.id === 'summary');
    const text = blocksOf(summary?.bodyJson ?? '').map((b) => JSON.stringify(b)).join('\n');
    expect(text).toContain('华东电信 Eastern Telecom');
    expect(text).toContain('250,000');
    expect(text).toContain('Zhang Min');
    // The Word table comes through as a table in the proposal, not as lines of "| … |" text.
    const sites = blocksOf(proposal.sections.find((s) => s.id === 'sites')?.bodyJson ?? '');
    expect(sites.map((b) => b.type)).toEqual(['table']);
    expect(sites.map(plainText)).toEqual(['Site\tAgents\nShanghai\t120']);
    // The merge field the import could not match is still text: named before any export.
    const findings = await callOk(backend, 'proposals.exportChecks', { id: proposal.id, copy: 'internal' });
    expect(findings).toContainEqual({ kind: 'placeholderText', where: 'Summary', text: '«sponsor.name»' });
  });

  it('says what of a real Word template it could not keep: headers and footers, page breaks, footnotes', async () => {
    const { backend } = await startBackend({ contentDir: BUNDLED_PACK });
    const doc = new Document({
      footnotes: { 1: { children: [new Paragraph('Measured over the last two weeks.')] } },
      sections: [
        {
          headers: { default: new Header({ children: [new Paragraph('ACME Consulting — confidential')] }) },
          footers: { default: new Footer({ children: [new Paragraph('Page')] }) },
          children: [
            new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Summary')] }),
            new Paragraph({ children: [new TextRun('Containment above 40%'), new FootnoteReferenceRun(1), new TextRun('.')] }),
            new Paragraph({ children: [new PageBreak()] }),
            new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Plan')] }),
            new Paragraph('Eight weeks.'),
          ],
        },
      ],
    });
    const imported = await callOk(backend, 'templates.importDocx', { name: 'With margins.docx', data: await Packer.toBuffer(doc), scenarios: ['intelligent-customer-service'] });
    const said = imported.problems.map((p) => formatApiMessage(p.message, 'en'));
    expect(said).toEqual(
      expect.arrayContaining([
        'the page headers and footers were not imported; exported proposals write their own (page numbers, your organisation)',
        'page breaks were not kept; each section of a proposal follows the one before',
        'the footnotes (1) were kept as a numbered list at the end of the last section',
      ]),
    );
  });

  it('refuses a file named .docx that is not one, and stores nothing', async () => {
    const { backend } = await startBackend({ contentDir: BUNDLED_PACK });
    const before = await callOk(backend, 'templates.list', {});
    const notZip = await callFail(backend, 'templates.importDocx', { name: 'proposal.docx', data: Buffer.from('Dear customer, this is plain text.') });
    expect(notZip).toMatchObject({ code: 'bad_file', message: expect.stringMatching(/^“proposal\.docx” is not a Word document \(it is not a zip package\)/) });
    const zip = new JSZip();
    zip.file('hello.txt', 'not a document');
    const otherZip = await callFail(backend, 'templates.importDocx', { name: 'archive.docx', data: await zip.generateAsync({ type: 'nodebuffer' }) });
    expect(otherZip).toMatchObject({ code: 'bad_file', message: expect.stringContaining('“archive.docx” is not a Word document (it has no word/document.xml)') });
    const truncated = (await wordTemplate()).subarray(0, 400);
    expect(await callFail(backend, 'templates.importDocx', { name: 'cut.docx', data: truncated })).toMatchObject({ code: 'bad_file' });
    expect(await callFail(backend, 'templates.importDocx', { name: 'notes.txt', data: Buffer.from('hi') })).toMatchObject({ code: 'bad_request' });
    // A manual of 201 chapters makes more sections than a template may have.
    const manual = new Document({
      sections: [{ children: Array.from({ length: 201 }, (_, i) => [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(`Chapter ${i + 1}`)] }), new Paragraph(`Text ${i + 1}`)]).flat() }],
    });
    expect(await callFail(backend, 'templates.importDocx', { name: 'manual.docx', data: await Packer.toBuffer(manual) })).toMatchObject({
      code: 'too_large',
      message: '“manual.docx” makes a template that is too large: template has more than 200 sections. Split the document. Nothing was imported.',
    });
    expect(await callOk(backend, 'templates.list', {})).toEqual(before);
  });
});

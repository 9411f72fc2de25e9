import { DEFAULT_ORGANISATION } from '../../core/organisation/profile';
import { describe, expect, it } from 'vitest';
import { richTextBlocks } from '../../core/document/from-richtext';
import { blocksMarkdown, documentMarkdown } from '../../core/document/markdown';
import type { Block, DocumentModel, ListBlock, TableBlock } from '../../core/document/model';
import { blockText, documentPlainText } from '../../core/document/text';
import { DOCUMENT_WORDS } from '../../core/document/words';
import { proposalDocument } from '../../core/proposals/export-document';
import type { ProposalExport } from '../../core/proposals/export-tables';
import { documentJson, heading, link, list, paragraph, table, textNode } from '../../core/richtext/build';
import type { RichNode } from '../../core/richtext/walk';

/** The one reader of rich text (→ document blocks), the proposal as a document, and the Markdown writer. */

const variable = (name: string): RichNode => ({ type: 'variable', version: 1, name, reason: 'unknown' });

describe('rich text → document blocks', () => {
  it('puts headings under the level asked for: h1 and h2 at it, h3 one below, deeper ones two below', () => {
    const json = documentJson([heading('h1', 'One'), heading('h2', 'Two'), heading('h3', 'Three'), heading('h4', 'Four'), { ...heading('h4', 'Six'), tag: 'h6' }]);
    expect(richTextBlocks(json).map((b) => (b.kind === 'heading' ? b.level : null))).toEqual([2, 2, 3, 4, 5]);
    expect(richTextBlocks(json, { headingLevel: 3 }).map((b) => (b.kind === 'heading' ? b.level : null))).toEqual([3, 3, 4, 5, 5]);
  });

  it('reads inline text with its marks, joins equal neighbours, and keeps only links a reader can follow', () => {
    const [block] = richTextBlocks(
      documentJson([
        paragraph([
          textNode('Plain '),
          textNode('and '),
          textNode('bold', 1),
          textNode('code', 16 | 2),
          { type: 'linebreak', version: 1 },
          { type: 'tab', version: 1 },
          link('https://example.com', [textNode('web', 1)]),
          textNode(' '),
          link('kb:ics-poc-checklist', [textNode('in the app')]),
          textNode(' '),
          variable('customer.name'),
          { type: 'image', version: 1, sha256: 'a'.repeat(64), altText: 'Rack' },
        ]),
      ]),
    );
    expect(block).toEqual({
      kind: 'paragraph',
      content: [
        { kind: 'text', text: 'Plain and ' },
        { kind: 'text', text: 'bold', marks: ['bold'] },
        { kind: 'text', text: 'code', marks: ['italic', 'code'] },
        { kind: 'break' },
        { kind: 'text', text: '\t' },
        { kind: 'link', url: 'https://example.com', content: [{ kind: 'text', text: 'web', marks: ['bold'] }] },
        // A kb: link leads into the app, which the reader of a document does not have: its words stay.
        { kind: 'text', text: ' in the app ' },
        { kind: 'variable', name: 'customer.name' },
        { kind: 'image', sha256: 'a'.repeat(64), alt: 'Rack' },
      ],
    });
  });

  it('hangs a list that Lexical nests in an item of its own under the item before it', () => {
    const [bullets, checks] = richTextBlocks(documentJson([list('bullet', ['one', list('number', ['one.a', 'one.b'], { start: 4 }), 'two']), list('check', ['done', 'open'], { checked: [0] })]));
    expect(bullets).toEqual({
      kind: 'list',
      style: 'bullet',
      start: 1,
      items: [
        { content: [{ kind: 'text', text: 'one' }], lists: [{ kind: 'list', style: 'number', start: 4, items: [{ content: [{ kind: 'text', text: 'one.a' }], lists: [] }, { content: [{ kind: 'text', text: 'one.b' }], lists: [] }] }] },
        { content: [{ kind: 'text', text: 'two' }], lists: [] },
      ],
    });
    expect((checks as ListBlock).items.map((i) => i.checked)).toEqual([true, false]);
  });

  it('makes a first row of header cells the header row, and keeps other header cells as row headings', () => {
    const built = table(['Site', 'Agents'], [['Wuhan', '60']]);
    const rows = built.children as RichNode[];
    const [withHeader] = richTextBlocks(documentJson([built])) as [TableBlock];
    expect(withHeader.columns.map((c) => blockText({ kind: 'table', columns: [c], rows: [] }))).toEqual(['Site', 'Agents']);
    expect(withHeader.rows).toHaveLength(1);
    // Row headings: the first cell of every row is a header cell, the first row is not all headers.
    const rowHeadings = { ...built, children: rows.map((row) => ({ ...row, children: (row.children as RichNode[]).map((cell, i) => ({ ...cell, headerState: i === 0 ? 2 : 0 })) })) };
    const [sideways] = richTextBlocks(documentJson([rowHeadings])) as [TableBlock];
    expect(sideways.columns).toEqual([]);
    expect(sideways.rows.map((r) => r.map((c) => typeof c === 'object' && c.header === true))).toEqual([
      [true, false],
      [true, false],
    ]);
  });

  it('reads a code block as its text, and nothing from what is not an editor state', () => {
    const code = { type: 'code', version: 1, language: 'js<script>', children: [textNode('a = 1;'), { type: 'linebreak', version: 1 }, { type: 'code-highlight', version: 1, text: 'b()' }] };
    expect(richTextBlocks(documentJson([code]))).toEqual([{ kind: 'code', language: 'jsscript', text: 'a = 1;\nb()' }]);
    expect(richTextBlocks('not json')).toEqual([]);
    expect(richTextBlocks('{"root":{"type":"paragraph"}}')).toEqual([]);
  });
});

const PROPOSAL: ProposalExport = {
  proposal: {
    title: 'Voicebot POC',
    lang: 'en',
    status: 'draft',
    sections: [
      { id: 'intro', title: 'Summary', kind: 'text', bodyJson: documentJson([heading('h2', 'Why'), paragraph([textNode('Because.')])]), source: [] },
      { id: 'plan', title: 'Schedule', kind: 'timeline', bodyJson: documentJson([]), source: [] },
      { id: 'price', title: 'Price', kind: 'pricing', bodyJson: documentJson([]), source: [] },
    ],
    successCriteria: [],
    pricing: { currency: 'CNY', taxRate: '0.06', discount: { kind: 'percent', value: '0' }, lines: [{ id: 'a', item: 'Build', unit: 'day', quantity: '2', unitPrice: '100' }] },
    timeline: { start: '2026-04-06', phases: [{ id: 'p1', name: 'Discovery', weeks: 2, deliverables: 'Report' }] },
  },
  customerName: 'Eastern Telecom',
  engagementTitle: 'Pilot',
  versionName: null,
  date: '2026-11-23',
  copy: 'internal',
  organisation: { ...DEFAULT_ORGANISATION, name: { en: 'Fieldbench Telecom AI', zh: '田野电信智能' }, contact: { name: 'Wang Fang', email: 'wang.fang@example.com', phone: '+86 21 5555 0100' } },
  quoteNumber: 'Q-202611-ABC123',
};

describe('a proposal as a document', () => {
  it('has the cover and the contents on pages of their own, then each section with its body, chart and table', () => {
    const doc = proposalDocument(PROPOSAL);
    expect(doc.title).toBe('Voicebot POC');
    expect(doc.blocks.map((b) => (b.kind === 'heading' ? `h${b.level}:${blockText(b)}` : b.kind))).toEqual([
      'cover',
      'pageBreak',
      'contents',
      'pageBreak',
      'h2:1 Summary',
      'h3:1.1 Why',
      'paragraph',
      'h2:2 Schedule',
      'paragraph',
      'gantt',
      'table',
      'h2:3 Price',
      'paragraph',
      'table',
      // The acceptance block, on a page of its own: who signs for each side.
      'pageBreak',
      'h2:4 Acceptance',
      'paragraph',
      'table',
    ]);
    expect(doc.blocks[0]).toMatchObject({
      kind: 'cover',
      title: 'Voicebot POC',
      fields: expect.arrayContaining([
        { label: 'Prepared for', value: 'Eastern Telecom' },
        { label: 'Prepared by', value: 'Fieldbench Telecom AI\nWang Fang · wang.fang@example.com · +86 21 5555 0100' },
        { label: 'Quote no.', value: 'Q-202611-ABC123' },
        { label: 'Valid until', value: '2027-01-22' },
      ]),
    });
    const acceptance = doc.blocks.at(-1);
    expect(acceptance).toMatchObject({ kind: 'table', columns: ['For', 'Eastern Telecom', 'Fieldbench Telecom AI'] });
    expect(acceptance?.kind === 'table' ? acceptance.rows.map((r) => r[0]) : []).toEqual(['Name', 'Title', 'Signature', 'Date']);
    expect(doc.blocks[2]).toEqual({ kind: 'contents', title: 'Contents', entries: ['1 Summary', '2 Schedule', '3 Price', '4 Acceptance'] });
    expect(doc.blocks.find((b) => b.kind === 'gantt')).toMatchObject({ phases: [{ name: 'Discovery', start: '2026-04-06', end: '2026-04-19' }], labels: { title: 'Timeline chart', phase: 'Phase' } });
    expect(documentPlainText(doc)).toContain('Total | CNY 212.00');
  });

  it('leaves out the pricing table when the figures cannot be totalled, without failing', () => {
    const broken = { ...PROPOSAL, proposal: { ...PROPOSAL.proposal, pricing: { ...PROPOSAL.proposal.pricing, taxRate: 'lots' } } };
    const doc = proposalDocument(broken);
    // The timeline's table and the acceptance block's stay.
    expect(doc.blocks.filter((b) => b.kind === 'table')).toHaveLength(2);
  });
});

describe('document → Markdown', () => {
  const doc: DocumentModel = {
    lang: 'zh',
    title: '报告',
    blocks: [
      { kind: 'heading', level: 1, content: [{ kind: 'text', text: '评估报告' }] },
      { kind: 'fields', rows: [{ label: '客户', value: '华东 *电信*' }, { label: '备注', value: '第一行\n第二行' }] },
      { kind: 'paragraph', content: [] },
      { kind: 'quote', content: [{ kind: 'text', text: 'one' }, { kind: 'break' }, { kind: 'text', text: 'two' }] },
      { kind: 'code', language: 'sql', text: 'select `x`\n```' },
      {
        kind: 'files',
        role: 'photos',
        otherFilesLabel: '附件',
        files: [
          { sha256: 'b'.repeat(64), name: 'rack.jpg', caption: '机柜', mime: 'image/jpeg', isImage: true },
          { sha256: 'c'.repeat(64), name: 'log.pdf', caption: '', mime: 'application/pdf', isImage: false },
        ],
      },
      { kind: 'radar', axes: [{ id: 'a', label: 'A', value: 1 }], caption: 'c', notScored: '-', columns: ['d', 's'] },
      { kind: 'pageBreak' },
      { kind: 'table', columns: ['名称', '数量'], rows: [['a | b', '1']], totals: [['合计', '1']], numeric: [false, true] },
    ],
  };

  it('writes every block that Markdown can hold, in the document language, and leaves out charts and page breaks', () => {
    expect(documentMarkdown(doc)).toBe(
      [
        '# 评估报告',
        '',
        '- **客户：** 华东 \\*电信\\*',
        '- **备注：** 第一行\\',
        '    第二行',
        '',
        // A line break in a quote is a hard break, as in a paragraph.
        '> one\\',
        '> two',
        '',
        '````sql',
        'select `x`',
        '```',
        '````',
        '',
        `![机柜](attachment:${'b'.repeat(64)})`,
        '',
        '**附件：** log.pdf',
        '',
        '| 名称 | 数量 |',
        '| --- | ---: |',
        '| a \\| b | 1 |',
        '| **合计** | **1** |',
        '',
      ].join('\n'),
    );
  });

  it('writes a table without a header row with its first row as the header, as GFM needs', () => {
    const headerless: Block = { kind: 'table', columns: [], rows: [['a', 'b'], ['c', 'd']] };
    expect(blocksMarkdown([headerless])).toBe('| a | b |\n| --- | --- |\n| c | d |');
    expect(blocksMarkdown([{ kind: 'fields', rows: [{ label: 'Customer', value: 'X' }] }], DOCUMENT_WORDS.en)).toBe('- **Customer:** X');
  });
});

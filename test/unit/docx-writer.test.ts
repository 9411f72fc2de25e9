import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import type { Block, DocumentModel } from '../../core/document/model';
import { documentDocx } from '../../electron/backend/export/docx-writer';
import { picturePng } from '../helpers/png';

/**
 * The one DOCX writer of the document model: every kind of block becomes what Word expects (read
 * back with mammoth and from the package's XML), pictures come from attachments or say they are
 * missing, and the footer speaks the document's language.
 */

const PHOTO = picturePng(1200, 600);
const PHOTO_SHA = 'a'.repeat(64);
/** A WebP header: on the device, but not a picture Word embeds. */
const WEBP = Buffer.concat([Buffer.from('RIFF\0\0\0\0WEBPVP8 ', 'latin1'), Buffer.alloc(16)]);
const WEBP_SHA = 'e'.repeat(64);
const read = (sha256: string): Buffer | null => (sha256 === PHOTO_SHA ? PHOTO : sha256 === WEBP_SHA ? WEBP : null);

async function written(doc: DocumentModel) {
  const bytes = await documentDocx(doc, read);
  const zip = await JSZip.loadAsync(bytes);
  const part = async (name: string): Promise<string> => (await zip.file(name)?.async('string')) ?? '';
  const footers = await Promise.all(Object.keys(zip.files).filter((n) => /^word\/footer\d+\.xml$/.test(n)).map(part));
  return {
    html: (await mammoth.convertToHtml({ buffer: bytes })).value,
    documentXml: await part('word/document.xml'),
    settingsXml: await part('word/settings.xml'),
    footers,
    media: Object.keys(zip.files).filter((n) => n.startsWith('word/media/')),
  };
}

const text = (t: string) => [{ kind: 'text' as const, text: t }];

const BLOCKS: Block[] = [
  { kind: 'heading', level: 2, content: text('Chapter') },
  { kind: 'heading', level: 3, content: text('Part') },
  {
    kind: 'paragraph',
    content: [
      { kind: 'text', text: 'Bold', marks: ['bold'] },
      { kind: 'text', text: ' and ' },
      { kind: 'link', url: 'https://example.com/x', content: text('a link') },
      { kind: 'text', text: ' for ' },
      { kind: 'variable', name: 'customer.name' },
      { kind: 'image', sha256: 'f'.repeat(64), alt: 'Rack photo' },
    ],
  },
  { kind: 'paragraph', tone: 'lead', content: text('1.1 A question?') },
  { kind: 'list', style: 'number', start: 1, items: [{ content: text('first'), lists: [{ kind: 'list', style: 'bullet', start: 1, items: [{ content: text('inner'), lists: [] }] }] }, { content: text('second'), lists: [] }] },
  { kind: 'list', style: 'check', start: 1, items: [{ content: text('done'), checked: true, lists: [] }] },
  { kind: 'table', columns: ['Item', 'Amount'], rows: [['Build', '1,000.00'], [{ blocks: [{ kind: 'paragraph', content: text('Rich') }], header: true }, '2']], totals: [['Total', 'CNY 1,002.00']], numeric: [false, true], widths: [3, 1] },
  { kind: 'fields', rows: [{ label: 'Customer', value: 'Eastern Telecom' }] },
  {
    kind: 'files',
    role: 'photos',
    otherFilesLabel: 'Attached files (not shown)',
    files: [
      { sha256: PHOTO_SHA, name: 'rack.png', caption: 'The rack', mime: 'image/png', isImage: true },
      { sha256: WEBP_SHA, name: 'board.webp', caption: '', mime: 'image/webp', isImage: true },
      { sha256: 'c'.repeat(64), name: 'queue.png', caption: 'Queue at 10:00', mime: 'image/png', isImage: true },
    ],
  },
  { kind: 'quote', content: text('Quoted') },
  { kind: 'code', language: '', text: 'line one\nline two' },
];

describe('DOCX writer', () => {
  it('writes headings on heading styles, formats, links, variables, lists, tables with totals, fields and photos', async () => {
    const { html, documentXml, settingsXml, media } = await written({ lang: 'en', title: 'Doc', blocks: BLOCKS });
    expect(html).toContain('<h1><a id="_TocFieldbench1"></a>Chapter</h1><h2>Part</h2>');
    expect(html).toContain('<strong>Bold</strong> and <a href="https://example.com/x">a link</a> for <strong>{{customer.name}}</strong>');
    // A picture that is not on this device: its words stay.
    expect(html).toContain('[Image: Rack photo]');
    expect(html).toContain('<p><strong>1.1 A question?</strong></p>');
    expect(html).toContain('<ol><li>first<ul><li>inner</li></ul></li><li>second</li></ol>');
    expect(html).toContain('☑ done');
    expect(html).toContain('<thead><tr><th><p><strong>Item</strong></p></th><th><p><strong>Amount</strong></p></th></tr></thead>');
    expect(html).toContain('<td><p>Build</p></td><td><p>1,000.00</p></td>');
    expect(html).toContain('<td><p>Rich</p></td>');
    expect(html).toContain('<td><p><strong>Total</strong></p></td><td><p><strong>CNY\u00a01,002.00</strong></p></td>');
    expect(html).toContain('<strong>Customer: </strong>Eastern Telecom');
    expect(html).toContain('The rack');
    // Word cannot embed WebP: the file is named instead.
    expect(html).toContain('<strong>Attached files (not shown): </strong>board.webp');
    // A photo whose file is not on this device keeps its place with a placeholder, and its caption.
    expect(html).toContain('<p><em>[Image: Queue at 10:00]</em></p><p><em>Queue at 10:00</em></p>');
    expect(html).not.toMatch(/not shown\): <\/strong>[^<]*queue\.png/);
    expect(html).toContain('line one');
    // Figures right-aligned, the header row repeated, rows kept whole; the photo scaled to the page width (600 px).
    expect(documentXml).toContain('<w:tblHeader/>');
    expect(documentXml).toContain('<w:cantSplit/>');
    expect(documentXml).toContain('<w:jc w:val="right"/>');
    expect(documentXml).toContain('cx="5715000" cy="2857500"');
    expect(media).toHaveLength(1);
    // No table of contents: Word need not update fields on open.
    expect(settingsXml).not.toMatch(/<w:updateFields( w:val="true")?\/>/);
  });

  it('writes the cover, the contents field and page breaks, with page numbers in the document language from page 2', async () => {
    const doc: DocumentModel = {
      lang: 'zh',
      title: '方案',
      blocks: [
        { kind: 'cover', title: '语音机器人 POC', fields: [{ label: '客户', value: '华东电信' }] },
        { kind: 'pageBreak' },
        { kind: 'contents', title: '目录', entries: ['概述', '报价'] },
        { kind: 'pageBreak' },
        { kind: 'heading', level: 2, content: text('概述') },
      ],
    };
    const { html, documentXml, settingsXml, footers } = await written(doc);
    expect(html).toContain('<strong>客户：</strong>华东电信');
    expect(html).toContain('<h1><a id="_TocFieldbench1"></a>概述</h1>');
    // The contents: Word's TOC field, its result written already — 概述 starts on page 3 — and nothing asks Word to update it on open.
    expect(documentXml).toContain('<w:instrText xml:space="preserve"> TOC \\o &quot;1-1&quot; \\h \\z \\u </w:instrText>');
    expect(documentXml).toMatch(/<w:hyperlink w:anchor="_TocFieldbench1"[^>]*><w:r><w:t xml:space="preserve">概述<\/w:t>.*?PAGEREF _TocFieldbench1 \\h .*?<w:t>3<\/w:t>/);
    expect((documentXml.match(/<w:br w:type="page"\/>/g) ?? []).length).toBe(2);
    expect(settingsXml).not.toContain('updateFields');
    expect(documentXml).toContain('<w:titlePg/>');
    const numbered = footers.filter((f) => f.includes('NUMPAGES'));
    expect(numbered).toHaveLength(1);
    expect(numbered[0]).toContain('第 ');
    expect(numbered[0]).toContain(' 页，共 ');
  });

  it('writes charts as SVG pictures with a PNG fallback and their words as alternative text', async () => {
    const { media, documentXml, html } = await written({
      lang: 'en',
      title: 'Report',
      blocks: [{ kind: 'radar', axes: [{ id: 'a', label: 'Value', value: 80 }, { id: 'b', label: 'Data', value: null }, { id: 'c', label: 'People', value: 40 }], caption: 'Scores by dimension', notScored: 'not scored', columns: ['Dimension', 'Score'] }],
    });
    expect(media.filter((n) => n.endsWith('.svg'))).toHaveLength(1);
    expect(media.filter((n) => n.endsWith('.png'))).toHaveLength(1);
    expect(documentXml).toContain('descr="Value: 80; Data: not scored; People: 40"');
    expect(html).toContain('Scores by dimension');
  });
});

import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  HighlightColor,
  ImageRun,
  LevelFormat,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
  type ILevelsOptions,
  type ParagraphChild,
} from 'docx';
import { sniffType } from '../../../core/files/sniff';
import { coverFields, EXPORT_LABELS, sectionTable, type ExportTable, type ProposalExport } from '../../../core/proposals/export-tables';
import { blocksOf, type Node } from '../../../core/proposals/lexical-json';
import { timelineSchedule } from '../../../core/proposals/timeline';
import { cellBorders, columnWidths, CONTENT_TWIPS, DOCX_IMAGE_TYPES, documentLanguage, FONTS, HEADER_FILL, MUTED, PAGE_PROPERTIES, scaled } from './docx-common';
import { packDocx, storedImage, type StoredMedia } from './docx-package';
import { imageSize } from './png';
import { GANTT_EXPORT, ganttPng, ganttSvg } from './proposal-gantt';

/**
 * Writes a proposal as a Word document that opens cleanly in Word and LibreOffice: a cover page,
 * a real table of contents (a TOC field over the heading styles, pre-filled with the section titles
 * and updated by Word on open), headings, "Page N of M" footers, real tables for the structured
 * sections and the risk register, the timeline as an SVG picture with a PNG fallback, pictures
 * from attachments, and unfilled variables as highlighted {{name}}.
 */

/** Reads an attachment's bytes by sha256; null when the file is not on this device. */
export type ReadImage = (sha256: string) => Buffer | null;

const IMAGE_MAX_PX = 600;
const CODE_FONT = 'Consolas';
const BULLETS = 'bullets';
const NUMBERS = 'numbers';
const LIST_LEVELS = 9;

// Lexical's text format bits.
const BOLD = 1;
const ITALIC = 2;
const STRIKETHROUGH = 4;
const UNDERLINE = 8;
const CODE = 16;
const SUBSCRIPT = 32;
const SUPERSCRIPT = 64;
const HIGHLIGHT = 128;

type Ctx = { read: ReadImage; media: StoredMedia; imageLabel: string; /** the next numbering instance: each numbered list restarts at its start */ listInstance: number };

function childrenOf(node: Node): Node[] {
  return Array.isArray(node.children) ? (node.children as unknown[]).filter((c): c is Node => typeof c === 'object' && c !== null) : [];
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function textRun(text: string, format: number): TextRun {
  return new TextRun({
    text,
    bold: (format & BOLD) !== 0 || undefined,
    italics: (format & ITALIC) !== 0 || undefined,
    strike: (format & STRIKETHROUGH) !== 0 || undefined,
    underline: format & UNDERLINE ? {} : undefined,
    subScript: (format & SUBSCRIPT) !== 0 || undefined,
    superScript: (format & SUPERSCRIPT) !== 0 || undefined,
    highlight: format & HIGHLIGHT ? HighlightColor.YELLOW : undefined,
    ...(format & CODE ? { font: CODE_FONT, shading: { type: ShadingType.CLEAR, fill: HEADER_FILL, color: 'auto' } } : {}),
  });
}

function image(node: Node, ctx: Ctx): ParagraphChild {
  const sha256 = str(node.sha256);
  const alt = str(node.altText);
  const bytes = ctx.read(sha256);
  const sniffed = bytes ? sniffType(bytes) : null;
  const type = sniffed ? DOCX_IMAGE_TYPES[sniffed] : undefined;
  const size = bytes && type ? imageSize(bytes) : null;
  if (!bytes || !type || !size || size.width === 0 || size.height === 0) {
    // The words stay, so the reader knows a picture belongs here.
    return new TextRun({ text: `[${ctx.imageLabel}${alt ? `: ${alt}` : ''}]`, italics: true, color: MUTED });
  }
  return new ImageRun({ type, data: storedImage(ctx.media, sha256, bytes), transformation: scaled(size, IMAGE_MAX_PX), altText: { name: alt || sha256.slice(0, 12), title: alt, description: alt } });
}

function inline(nodes: readonly Node[], ctx: Ctx): ParagraphChild[] {
  return nodes.flatMap((node): ParagraphChild[] => {
    switch (node.type) {
      case 'text':
      case 'code-highlight':
        return [textRun(str(node.text), typeof node.format === 'number' ? node.format : 0)];
      case 'linebreak':
        return [new TextRun({ text: '', break: 1 })];
      case 'tab':
        return [new TextRun({ text: '    ' })];
      case 'variable':
        // An unfilled variable reads as written, marked so the author sees it before sending.
        return [new TextRun({ text: `{{${str(node.name)}}}`, bold: true, highlight: HighlightColor.YELLOW })];
      case 'image':
        return [image(node, ctx)];
      case 'link':
      case 'autolink': {
        const url = str(node.url);
        const runs = childrenOf(node).flatMap((child) =>
          child.type === 'text' ? [new TextRun({ text: str(child.text), style: 'Hyperlink' })] : inline([child], ctx),
        );
        // kb: links lead into the app, which the reader of the document does not have.
        return /^(https?:|mailto:)/i.test(url) ? [new ExternalHyperlink({ link: url, children: runs })] : inline(childrenOf(node), ctx);
      }
      default:
        return inline(childrenOf(node), ctx);
    }
  });
}

function headingLevel(tag: unknown): (typeof HeadingLevel)[keyof typeof HeadingLevel] {
  const level = Number(/^h([1-6])$/.exec(str(tag))?.[1] ?? 2);
  // Section titles are Heading 1; a body's own headings sit under them.
  return level <= 2 ? HeadingLevel.HEADING_2 : level === 3 ? HeadingLevel.HEADING_3 : HeadingLevel.HEADING_4;
}

function list(node: Node, level: number, ctx: Ctx): Paragraph[] {
  const type = str(node.listType);
  const instance = type === 'number' ? ctx.listInstance++ : 0;
  const out: Paragraph[] = [];
  for (const item of childrenOf(node)) {
    const kids = childrenOf(item);
    const nested = kids.filter((k) => k.type === 'list');
    const own = kids.filter((k) => k.type !== 'list');
    if (own.length > 0 || nested.length === 0) {
      const runs = inline(own, ctx);
      if (type === 'check') {
        out.push(new Paragraph({ indent: { left: 360 * (level + 1), hanging: 360 }, children: [new TextRun({ text: item.checked === true ? '☑ ' : '☐ ' }), ...runs] }));
      } else {
        out.push(new Paragraph({ numbering: { reference: type === 'number' ? NUMBERS : BULLETS, level: Math.min(level, LIST_LEVELS - 1), ...(type === 'number' ? { instance } : {}) }, children: runs }));
      }
    }
    for (const sub of nested) out.push(...list(sub, level + 1, ctx));
  }
  return out;
}

function lexicalTable(node: Node, ctx: Ctx): Table {
  const rows = childrenOf(node).filter((r) => r.type === 'tablerow');
  const width = Math.max(1, ...rows.map((r) => childrenOf(r).length));
  const widths = columnWidths(Array.from({ length: width }, () => 1));
  return new Table({
    width: { size: CONTENT_TWIPS, type: WidthType.DXA },
    columnWidths: widths,
    rows: rows.map((row, r) => {
      const cells = childrenOf(row);
      const header = cells.length > 0 && cells.every((c) => typeof c.headerState === 'number' && c.headerState !== 0);
      return new TableRow({
        // Only ever written as true: some readers (mammoth) take <w:tblHeader w:val="false"/> for a header row.
        ...(header && r === 0 ? { tableHeader: true } : {}),
        cantSplit: true,
        children: Array.from({ length: width }, (_, i) => {
          const cell = cells[i];
          const blocks = cell ? childrenOf(cell).flatMap((b) => blockToDocx(b, ctx)) : [];
          const paragraphs = blocks.length > 0 ? blocks : [new Paragraph('')];
          return new TableCell({
            width: { size: widths[i] ?? 0, type: WidthType.DXA },
            borders: cellBorders(),
            margins: { top: 40, bottom: 40, left: 80, right: 80 },
            ...(header ? { shading: { type: ShadingType.CLEAR, fill: HEADER_FILL, color: 'auto' } } : {}),
            children: paragraphs,
          });
        }),
      });
    }),
  });
}

/** One Lexical block as Word paragraphs and tables. */
function blockToDocx(node: Node, ctx: Ctx): FileChild[] {
  switch (node.type) {
    case 'heading':
      return [new Paragraph({ heading: headingLevel(node.tag), keepNext: true, children: inline(childrenOf(node), ctx) })];
    case 'quote':
      return [new Paragraph({ indent: { left: 567 }, border: { left: { style: 'single', size: 12, color: MUTED, space: 8 } }, children: inline(childrenOf(node), ctx) })];
    case 'list':
      return list(node, 0, ctx);
    case 'table':
      return [lexicalTable(node, ctx), new Paragraph('')];
    case 'code': {
      const lines = childrenOf(node)
        .map((c) => (c.type === 'linebreak' ? '\n' : c.type === 'tab' ? '    ' : str(c.text)))
        .join('')
        .split('\n');
      return lines.map((line) => new Paragraph({ shading: { type: ShadingType.CLEAR, fill: HEADER_FILL, color: 'auto' }, children: [new TextRun({ text: line, font: CODE_FONT, size: 19 })] }));
    }
    default:
      return [new Paragraph({ children: inline(childrenOf(node), ctx) })];
  }
}

/** A structured table: header, rows, and totals whose label spans all columns but the last. */
function exportTable(table: ExportTable): Table {
  const widths = columnWidths(table.widths);
  const cell = (text: string, i: number, options: { header?: boolean; bold?: boolean; span?: number; right?: boolean } = {}): TableCell =>
    new TableCell({
      width: { size: options.span ? widths.slice(i, i + options.span).reduce((a, b) => a + b, 0) : (widths[i] ?? 0), type: WidthType.DXA },
      ...(options.span ? { columnSpan: options.span } : {}),
      borders: cellBorders(),
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      ...(options.header ? { shading: { type: ShadingType.CLEAR, fill: HEADER_FILL, color: 'auto' } } : {}),
      children: text.split('\n').map(
        (line) => new Paragraph({ alignment: options.right ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [new TextRun({ text: line, bold: options.header === true || options.bold === true, size: 19 })] }),
      ),
    });
  const n = table.columns.length;
  return new Table({
    width: { size: CONTENT_TWIPS, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, children: table.columns.map((c, i) => cell(c, i, { header: true, right: table.numeric[i] === true })) }),
      ...table.rows.map((r) => new TableRow({ cantSplit: true, children: table.columns.map((_, i) => cell(r[i] ?? '', i, { right: table.numeric[i] === true })) })),
      ...table.totals.map(
        ([label = '', figure = '']) =>
          new TableRow({ cantSplit: true, children: [cell(label, 0, { bold: true, span: n - 1, right: true }), cell(figure, n - 1, { bold: true, right: true })] }),
      ),
    ],
  });
}

function gantt(doc: ProposalExport): FileChild[] {
  const phases = timelineSchedule(doc.proposal.timeline);
  if (phases.length === 0) return [];
  const title = EXPORT_LABELS[doc.proposal.lang].timelineChart;
  const svg = ganttSvg(phases, title);
  const png = ganttPng(phases);
  const height = GANTT_EXPORT.axisHeight + phases.length * GANTT_EXPORT.rowHeight + 8;
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      children: [
        new ImageRun({
          type: 'svg',
          data: Buffer.from(svg, 'utf8'),
          fallback: { type: 'png', data: png },
          transformation: { width: GANTT_EXPORT.width, height },
          altText: { name: 'timeline', title, description: phases.map((p, i) => `${i + 1}. ${p.name}: ${p.start} – ${p.end}`).join('; ') },
        }),
      ],
    }),
  ];
}

function cover(doc: ProposalExport): FileChild[] {
  const { colon } = EXPORT_LABELS[doc.proposal.lang];
  return [
    new Paragraph({ spacing: { before: 2400 } }),
    new Paragraph({ heading: HeadingLevel.TITLE, spacing: { after: 480 }, children: [new TextRun(doc.proposal.title)] }),
    ...coverFields(doc).map(
      (field) =>
        new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text: `${field.label}${colon}`, bold: true, color: MUTED }), new TextRun({ text: field.value })] }),
    ),
    new Paragraph({ children: [new PageBreak()] }),
  ];
}

function contents(doc: ProposalExport): FileChild[] {
  const labels = EXPORT_LABELS[doc.proposal.lang];
  return [
    new Paragraph({ spacing: { after: 240 }, children: [new TextRun({ text: labels.contents, bold: true, size: 32 })] }),
    // Filled with the section titles now; Word (asked by updateFields) and LibreOffice add the page numbers.
    new TableOfContents(labels.contents, {
      hyperlink: true,
      headingStyleRange: '1-2',
      cachedEntries: doc.proposal.sections.map((s) => ({ title: s.title, level: 1 })),
    }),
    new Paragraph({ children: [new PageBreak()] }),
  ];
}

function numbering(): { reference: string; levels: ILevelsOptions[] }[] {
  const bulletChars = ['•', '◦', '▪'];
  const indent = (level: number) => ({ paragraph: { indent: { left: 360 * (level + 1), hanging: 360 } } });
  return [
    {
      reference: BULLETS,
      levels: Array.from({ length: LIST_LEVELS }, (_, level) => ({ level, format: LevelFormat.BULLET, text: bulletChars[level % 3] ?? '•', alignment: AlignmentType.LEFT, style: indent(level) })),
    },
    {
      reference: NUMBERS,
      levels: Array.from({ length: LIST_LEVELS }, (_, level) => ({ level, format: LevelFormat.DECIMAL, text: `%${level + 1}.`, alignment: AlignmentType.LEFT, style: indent(level) })),
    },
  ];
}

export async function proposalDocx(doc: ProposalExport, read: ReadImage): Promise<Buffer> {
  const p = doc.proposal;
  const labels = EXPORT_LABELS[p.lang];
  const ctx: Ctx = { read, media: new Map(), imageLabel: labels.image, listInstance: 1 };
  const body: FileChild[] = [];
  for (const section of p.sections) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, keepNext: true, children: [new TextRun(section.title)] }));
    for (const block of blocksOf(section.bodyJson)) body.push(...blockToDocx(block, ctx));
    if (section.kind === 'timeline') body.push(...gantt(doc));
    const table = sectionTable(section.kind, p);
    if (table && table.rows.length > 0) body.push(exportTable(table), new Paragraph(''));
  }
  const [before, between, after] = labels.page;
  const document = new Document({
    title: p.title,
    creator: 'Fieldbench',
    features: { updateFields: true },
    numbering: { config: numbering() },
    styles: {
      default: {
        document: { run: { font: FONTS, size: 21, language: documentLanguage(p.lang) }, paragraph: { spacing: { after: 100 } } },
        title: { run: { font: FONTS, size: 52, bold: true, color: '1F3A5F' } },
        heading1: { run: { font: FONTS, size: 32, bold: true, color: '1F3A5F' }, paragraph: { spacing: { before: 360, after: 160 }, keepNext: true } },
        heading2: { run: { font: FONTS, size: 26, bold: true, color: '1F3A5F' }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } },
        heading3: { run: { font: FONTS, size: 23, bold: true }, paragraph: { spacing: { before: 200, after: 80 }, keepNext: true } },
        heading4: { run: { font: FONTS, size: 21, bold: true, italics: true }, paragraph: { spacing: { before: 160, after: 60 }, keepNext: true } },
      },
    },
    sections: [
      {
        properties: { ...PAGE_PROPERTIES, titlePage: true },
        footers: {
          // The cover has no page number.
          first: new Footer({ children: [new Paragraph('')] }),
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [before, PageNumber.CURRENT, between, PageNumber.TOTAL_PAGES, after], color: MUTED, size: 18 })],
              }),
            ],
          }),
        },
        children: [...cover(doc), ...contents(doc), ...body],
      },
    ],
  });
  return packDocx(document, ctx.media);
}

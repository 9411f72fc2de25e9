import {
  AlignmentType,
  Bookmark,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  HighlightColor,
  ImageRun,
  TabStopType,
  LevelFormat,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
  type ILevelsOptions,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import crypto from 'node:crypto';
import { sniffType } from '../../../core/files/sniff';
import type { Block, DocumentModel, Field, HeadingLevel as Level, Inline, ListBlock, Mark, TableBlock, TableCell as ModelCell } from '../../../core/document/model';
import { DOCUMENT_WORDS, type DocumentWords } from '../../../core/document/words';
import { chartPicture, type ChartPicture } from './chart-pictures';
import { cellBorders, CONTENT_TWIPS, DOCX_IMAGE_TYPES, FONTS, HEADER_FILL, MUTED, PAGE_PROPERTIES, RUN_LANGUAGE, scaled, tableWidths, unbreakableFigure } from './docx-common';
import { contentsXml, chapterBookmark } from './docx-contents';
import { packDocx, storedImage, type StoredMedia } from './docx-package';
import { chapterPages } from './docx-pages';
import { printPictures } from './print-pictures';
import { documentPictures } from '../../../core/document/pictures';
import { imageSize, withinImageLimits } from '../files/image-size';

/**
 * The document model (core/document/model.ts) as a Word document that opens cleanly in Word and
 * LibreOffice: headings on Word's heading styles, a cover page and a real table of contents (a TOC
 * field pre-filled with the chapter titles, updated by Word on open), real tables with a repeated
 * header row, lists on Word numbering, charts as SVG pictures with a PNG fallback, pictures from
 * attachments scaled to the page, and "Page N of M" footers in the document's language. The one
 * DOCX writer: proposals and the assessment report both come through here.
 */

/** Reads an attachment's bytes by sha256; null when the file is not on this device. */
export type ReadImage = (sha256: string) => Buffer | null;

const PICTURE_MAX_PX = 600;
const SIGNATURE_MAX_PX = 260;
const CODE_FONT = 'Consolas';
const BULLETS = 'bullets';
const NUMBERS = 'numbers';
const LIST_LEVELS = 9;
/** Half-points: 9.5 pt for text in tables, 9 pt for captions and footers. */
const TABLE_TEXT = 19;
const SMALL_TEXT = 18;
const CELL_MARGINS = { top: 40, bottom: 40, left: 80, right: 80 };
const HEADER_SHADING = { type: ShadingType.CLEAR, fill: HEADER_FILL, color: 'auto' };

type Ctx = {
  read: ReadImage;
  media: StoredMedia;
  words: DocumentWords;
  pictures: ReadonlyMap<Block, ChartPicture>;
  /** The next numbering instance: each numbered list starts again at 1. */
  listInstance: number;
  /** Chapters (level-2 headings) so far: each gets a bookmark the contents links to. */
  chapters: number;
  /** The contents page as Word XML, put in place of its stand-in paragraph when packing. */
  contents: { standIn: string; xml: string } | null;
};

/** What a whole paragraph's runs share (a lead line is bold, a muted one grey). */
type RunBase = Pick<IRunOptions, 'bold' | 'color' | 'size'>;

/** Run options for marks; only the marks present are set, so a paragraph's own bold or colour stays. */
function markOptions(marks: readonly Mark[] = []): IRunOptions {
  const has = (mark: Mark): boolean => marks.includes(mark);
  return {
    ...(has('bold') ? { bold: true } : {}),
    ...(has('italic') ? { italics: true } : {}),
    ...(has('strikethrough') ? { strike: true } : {}),
    ...(has('underline') ? { underline: {} } : {}),
    ...(has('subscript') ? { subScript: true } : {}),
    ...(has('superscript') ? { superScript: true } : {}),
    ...(has('highlight') ? { highlight: HighlightColor.YELLOW } : {}),
    ...(has('code') ? { font: CODE_FONT, shading: HEADER_SHADING } : {}),
  };
}

/** A picture from an attachment, scaled to `maxWidth`; null when its bytes are missing or not a picture Word embeds. */
function picture(sha256: string, alt: string, maxWidth: number, ctx: Ctx): ImageRun | null {
  const bytes = ctx.read(sha256);
  return bytes ? pictureOf(bytes, sha256, alt, maxWidth, ctx) : null;
}

/** A picture from bytes, scaled to `maxWidth` (and `maxHeight`); null when they are not a picture Word embeds. */
function pictureOf(bytes: Buffer, sha256: string, alt: string, maxWidth: number, ctx: Ctx, maxHeight = Infinity): ImageRun | null {
  const sniffed = sniffType(bytes);
  const type = sniffed ? DOCX_IMAGE_TYPES[sniffed] : undefined;
  const size = type ? imageSize(bytes) : null;
  // A picture past the pixel limits (stored before they existed, or arriving by sync) is never handed to Word to decode.
  if (!type || !size || size.width === 0 || size.height === 0 || !withinImageLimits(size)) return null;
  const fit = scaled(size, maxWidth);
  const transformation = fit.height > maxHeight ? { width: Math.max(1, Math.round((fit.width * maxHeight) / fit.height)), height: maxHeight } : fit;
  // Pictures go in as the print copies are (stored, not deflated: see docx-package.ts).
  return new ImageRun({ type, data: storedImage(ctx.media, sha256, bytes), transformation, altText: { name: alt || sha256.slice(0, 12), title: alt, description: alt } });
}

/**
 * The page header: the sender's logo at the left, their name at the right. Running headers keep
 * the logo within 28 px so it stays inside the top margin (the header starts 1.25 cm down, the
 * text 2 cm down) and the pages lay out as docx-pages.ts expects; the first page shows it larger.
 */
function pageHeader(author: string | null, logo: DocumentModel['logo'], ctx: Ctx, size: { width: number; height: number }): Header {
  const bytes = logo ? ctx.read(logo.sha256) : null;
  const image = logo && bytes ? pictureOf(bytes, logo.sha256, logo.alt, size.width, ctx, size.height) : null;
  const name = author === null ? [] : [new TextRun({ text: image ? `\t${author}` : author, color: MUTED, size: SMALL_TEXT })];
  return new Header({
    children: [
      new Paragraph({
        ...(image ? { tabStops: [{ type: TabStopType.RIGHT, position: CONTENT_TWIPS }] } : { alignment: AlignmentType.RIGHT }),
        children: [...(image ? [image] : []), ...name],
      }),
    ],
  });
}

/** Where a picture belongs whose file is not on this device (or cannot be embedded): its words stay, so the reader knows one belongs here. */
function missingPicture(alt: string, ctx: Ctx): TextRun {
  return new TextRun({ text: `[${ctx.words.image}${alt ? `: ${alt}` : ''}]`, italics: true, color: MUTED });
}

function inline(runs: readonly Inline[], ctx: Ctx, base: RunBase = {}, link = false): ParagraphChild[] {
  return runs.flatMap((run): ParagraphChild[] => {
    switch (run.kind) {
      case 'text':
        // Word has no tab stops set in these paragraphs: a tab reads as a few spaces.
        return [new TextRun({ ...base, ...markOptions(run.marks), text: run.text.replace(/\t/g, '    '), ...(link ? { style: 'Hyperlink' } : {}) })];
      case 'break':
        return [new TextRun({ text: '', break: 1 })];
      case 'variable':
        // An unfilled variable reads as written, marked so the author sees it before sending.
        return [new TextRun({ ...base, ...markOptions(run.marks), text: `{{${run.name}}}`, bold: true, highlight: HighlightColor.YELLOW })];
      case 'image':
        // The words stay when the picture cannot, so the reader knows one belongs here.
        return [picture(run.sha256, run.alt, PICTURE_MAX_PX, ctx) ?? missingPicture(run.alt, ctx)];
      case 'link':
        return [new ExternalHyperlink({ link: run.url, children: inline(run.content, ctx, base, true) })];
    }
  });
}

function docxHeading(level: Level): (typeof HeadingLevel)[keyof typeof HeadingLevel] {
  const levels = [HeadingLevel.TITLE, HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4] as const;
  return levels[level - 1] ?? HeadingLevel.HEADING_4;
}

function list(block: ListBlock, level: number, ctx: Ctx): Paragraph[] {
  const instance = block.style === 'number' ? ctx.listInstance++ : 0;
  return block.items.flatMap((item) => {
    const own =
      block.style === 'check'
        ? new Paragraph({ indent: { left: 360 * (level + 1), hanging: 360 }, children: [new TextRun({ text: item.checked === true ? '☑ ' : '☐ ' }), ...inline(item.content, ctx)] })
        : new Paragraph({
            numbering: { reference: block.style === 'number' ? NUMBERS : BULLETS, level: Math.min(level, LIST_LEVELS - 1), ...(block.style === 'number' ? { instance } : {}) },
            children: inline(item.content, ctx),
          });
    return [own, ...item.lists.flatMap((sub) => list(sub, level + 1, ctx))];
  });
}

/** Lines of plain text as paragraphs (a table cell, a field value). */
function lines(text: string, options: { bold?: boolean; right?: boolean }): Paragraph[] {
  return text.split('\n').map((line) => new Paragraph({ alignment: options.right ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [new TextRun({ text: line, bold: options.bold, size: TABLE_TEXT })] }));
}

/** The one table builder: a header row repeated on each page, body rows that do not split, totals whose label spans all columns but the last. */
function table(block: TableBlock, ctx: Ctx): Table {
  const width = Math.max(block.columns.length, ...block.rows.map((r) => r.length), 1);
  const twips = tableWidths(block);
  const right = (i: number): boolean => block.numeric?.[i] === true;
  const cell = (content: ModelCell | undefined, i: number, options: { header?: boolean; bold?: boolean; span?: number; right?: boolean; figure?: boolean } = {}): TableCell => {
    const header = options.header === true || (typeof content === 'object' && content.header === true);
    const paragraphs =
      content === undefined
        ? [new Paragraph('')]
        : typeof content === 'string'
          ? lines(!header && (options.figure === true || (options.right === undefined && right(i))) ? unbreakableFigure(content) : content, { bold: options.bold ?? header, right: options.right ?? right(i) })
          : content.blocks.flatMap((b) => blockChildren(b, ctx));
    return new TableCell({
      width: { size: options.span ? twips.slice(i, i + options.span).reduce((a, b) => a + b, 0) : (twips[i] ?? 0), type: WidthType.DXA },
      ...(options.span ? { columnSpan: options.span } : {}),
      borders: cellBorders(),
      margins: CELL_MARGINS,
      ...(header ? { shading: HEADER_SHADING } : {}),
      children: paragraphs.length > 0 ? paragraphs : [new Paragraph('')],
    });
  };
  const columns = Array.from({ length: width }, (_, i) => i);
  return new Table({
    width: { size: CONTENT_TWIPS, type: WidthType.DXA },
    columnWidths: twips,
    rows: [
      // Only ever written as true: some readers (mammoth) take <w:tblHeader w:val="false"/> for a header row.
      ...(block.columns.length > 0 ? [new TableRow({ tableHeader: true, children: columns.map((i) => cell(block.columns[i], i, { header: true })) })] : []),
      ...block.rows.map((row) => new TableRow({ cantSplit: true, children: columns.map((i) => cell(row[i], i)) })),
      ...(block.totals ?? []).map(
        ([label, figure]) =>
          new TableRow({
            cantSplit: true,
            children: width > 1 ? [cell(label, 0, { bold: true, span: width - 1, right: true }), cell(figure, width - 1, { bold: true, right: true, figure: true })] : [cell(`${label} ${figure}`, 0, { bold: true, right: true })],
          }),
      ),
    ],
  });
}

function fieldParagraph(field: Field, ctx: Ctx, cover = false): Paragraph {
  const label: RunBase = cover ? { color: MUTED } : {};
  return new Paragraph({
    ...(cover ? { spacing: { after: 120 } } : {}),
    children: [new TextRun({ text: `${field.label}${ctx.words.colon}`, bold: true, ...label }), ...field.value.split('\n').map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0 }))],
  });
}

function files(block: Extract<Block, { kind: 'files' }>, ctx: Ctx): FileChild[] {
  const out: FileChild[] = [];
  const notShown: string[] = [];
  for (const file of block.files) {
    const caption = (): void => {
      if (block.role === 'photos') out.push(new Paragraph({ children: [new TextRun({ text: file.caption || file.name, italics: true, color: MUTED, size: SMALL_TEXT })] }));
    };
    const bytes = file.isImage ? ctx.read(file.sha256) : null;
    if (file.isImage && bytes === null) {
      // A photo whose file is not on this device keeps its place, visibly, as on the print page.
      out.push(new Paragraph({ keepNext: true, children: [missingPicture(file.caption || file.name, ctx)] }));
      caption();
      continue;
    }
    const image = bytes ? pictureOf(bytes, file.sha256, file.caption || file.name, block.role === 'signature' ? SIGNATURE_MAX_PX : PICTURE_MAX_PX, ctx) : null;
    if (!image) {
      notShown.push(file.name);
      continue;
    }
    out.push(new Paragraph({ keepNext: true, children: [image] }));
    caption();
  }
  if (notShown.length > 0) out.push(new Paragraph({ children: [new TextRun({ text: `${block.otherFilesLabel}${ctx.words.colon}`, bold: true }), new TextRun(notShown.join(', '))] }));
  return out;
}

function chart(block: Extract<Block, { kind: 'radar' | 'gantt' }>, ctx: Ctx): FileChild[] {
  const pictured = ctx.pictures.get(block);
  if (!pictured) return [];
  const title = block.kind === 'radar' ? block.caption : block.labels.title;
  const image = new ImageRun({
    type: 'svg',
    data: pictured.svg,
    fallback: { type: 'png', data: pictured.png },
    transformation: { width: pictured.width, height: pictured.height },
    altText: { name: block.kind, title, description: pictured.description },
  });
  const out: FileChild[] = [new Paragraph({ alignment: AlignmentType.CENTER, keepNext: block.kind === 'radar', children: [image] })];
  if (block.kind === 'radar') out.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: block.caption, italics: true, color: MUTED, size: SMALL_TEXT })] }));
  return out;
}

/** One block as Word paragraphs and tables. */
function blockChildren(block: Block, ctx: Ctx): FileChild[] {
  switch (block.kind) {
    case 'heading':
      if (block.level === 2) {
        // A chapter: bookmarked, so its contents entry links to it and Word can update its page number.
        return [new Paragraph({ heading: docxHeading(block.level), keepNext: true, children: [new Bookmark({ id: chapterBookmark(++ctx.chapters), children: inline(block.content, ctx) })] })];
      }
      return [new Paragraph({ heading: docxHeading(block.level), keepNext: true, children: inline(block.content, ctx) })];
    case 'paragraph':
      if (block.tone === 'lead') return [new Paragraph({ keepNext: true, spacing: { before: 160 }, children: inline(block.content, ctx, { bold: true }) })];
      return [new Paragraph({ children: inline(block.content, ctx, block.tone === 'muted' ? { color: MUTED } : {}) })];
    case 'quote':
      return [new Paragraph({ indent: { left: 567 }, border: { left: { style: 'single', size: 12, color: MUTED, space: 8 } }, children: inline(block.content, ctx) })];
    case 'code':
      return block.text.split('\n').map((line) => new Paragraph({ shading: HEADER_SHADING, children: [new TextRun({ text: line.replace(/\t/g, '    '), font: CODE_FONT, size: TABLE_TEXT })] }));
    case 'list':
      return list(block, 0, ctx);
    case 'table':
      return [table(block, ctx), new Paragraph('')];
    case 'fields':
      return block.rows.map((field) => fieldParagraph(field, ctx));
    case 'files':
      return files(block, ctx);
    case 'radar':
    case 'gantt':
      return chart(block, ctx);
    case 'cover':
      return [
        new Paragraph({ spacing: { before: 2400 } }),
        new Paragraph({ heading: HeadingLevel.TITLE, spacing: { after: 480 }, children: [new TextRun(block.title)] }),
        ...block.fields.map((field) => fieldParagraph(field, ctx, true)),
      ];
    case 'contents':
      return [
        new Paragraph({ spacing: { after: 240 }, children: [new TextRun({ text: block.title, bold: true, size: 32 })] }),
        // A stand-in the packer swaps for the contents (docx-contents.ts), written whole with its page numbers.
        new Paragraph({ children: [new TextRun(ctx.contents?.standIn ?? '')] }),
      ];
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
  }
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

/** The charts of a document rendered up front (their PNG fallback is rasterised off the main thread). */
async function chartPictures(blocks: readonly Block[]): Promise<Map<Block, ChartPicture>> {
  const charts = blocks.filter((b): b is Extract<Block, { kind: 'radar' | 'gantt' }> => b.kind === 'radar' || b.kind === 'gantt');
  return new Map(await Promise.all(charts.map(async (b) => [b, await chartPicture(b)] as const)));
}

/** Who wrote a document when no organisation profile says. */
const DEFAULT_AUTHOR = 'Fieldbench';

/** The .docx bytes of a document; `author` (the organisation that sends it) goes into its properties and page headers. */
export async function documentDocx(doc: DocumentModel, readStored: ReadImage, options: { author?: string; pictureCacheDir?: string } = {}): Promise<Buffer> {
  const author = options.author ?? DEFAULT_AUTHOR;
  // Every picture upright and at print size (print-pictures.ts); the stored files stay as they are.
  const copies = await printPictures(
    documentPictures(doc.blocks).map((p) => p.sha256),
    readStored,
    options.pictureCacheDir,
  );
  const read: ReadImage = (sha256) => (copies.has(sha256) ? (copies.get(sha256) ?? null) : readStored(sha256));
  const words = DOCUMENT_WORDS[doc.lang];
  const pictures = await chartPictures(doc.blocks);
  const contents = doc.blocks.find((b): b is Extract<Block, { kind: 'contents' }> => b.kind === 'contents');
  let contentsPart: Ctx['contents'] = null;
  if (contents) {
    const pages = chapterPages(doc.blocks, {
      lang: doc.lang,
      pictureHeight: (sha256, maxWidth) => {
        const bytes = read(sha256);
        const size = bytes ? imageSize(bytes) : null;
        return size && size.width > 0 ? scaled(size, maxWidth).height : null;
      },
      chartHeight: (block) => pictures.get(block)?.height ?? 0,
    });
    contentsPart = { standIn: `fieldbench-contents-${crypto.randomUUID()}`, xml: contentsXml(contents.entries.map((title, i) => ({ title, page: pages[i] ?? null }))) };
  }
  const ctx: Ctx = { read, media: new Map(), words, pictures, listInstance: 1, chapters: 0, contents: contentsPart };
  const [before, between, after] = words.page;
  const pageNumbers = new Footer({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [before, PageNumber.CURRENT, between, PageNumber.TOTAL_PAGES, after], color: MUTED, size: SMALL_TEXT })] })],
  });
  const document = new Document({
    title: doc.title,
    creator: author,
    lastModifiedBy: author,
    // Never asks Word to update fields on open: the contents carries its page numbers already.
    numbering: { config: numbering() },
    styles: {
      default: {
        document: { run: { font: FONTS, size: 21, language: RUN_LANGUAGE }, paragraph: { spacing: { after: 100 } } },
        title: { run: { font: FONTS, size: 52, bold: true, color: '1F3A5F' } },
        heading1: { run: { font: FONTS, size: 32, bold: true, color: '1F3A5F' }, paragraph: { spacing: { before: 360, after: 160 }, keepNext: true } },
        heading2: { run: { font: FONTS, size: 26, bold: true, color: '1F3A5F' }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } },
        heading3: { run: { font: FONTS, size: 23, bold: true }, paragraph: { spacing: { before: 200, after: 80 }, keepNext: true } },
        heading4: { run: { font: FONTS, size: 21, bold: true, italics: true }, paragraph: { spacing: { before: 160, after: 60 }, keepNext: true } },
      },
    },
    sections: [
      {
        // The first page (a cover, or the title of a report) has no page number, as on the print page.
        properties: { ...PAGE_PROPERTIES, titlePage: true },
        footers: { first: new Footer({ children: [new Paragraph('')] }), default: pageNumbers },
        // Who sends it: the logo on every page (larger on the first), the name on every page after the first (the cover says it in full).
        ...(author === DEFAULT_AUTHOR && !doc.logo
          ? {}
          : {
              headers: {
                first: doc.logo ? pageHeader(null, doc.logo, ctx, { width: 200, height: 56 }) : new Header({ children: [new Paragraph('')] }),
                default: pageHeader(author === DEFAULT_AUTHOR ? null : author, doc.logo, ctx, { width: 160, height: 28 }),
              },
            }),
        children: doc.blocks.flatMap((b) => blockChildren(b, ctx)),
      },
    ],
  });
  return packDocx(document, ctx.media, ctx.contents ? new Map([[ctx.contents.standIn, ctx.contents.xml]]) : undefined);
}

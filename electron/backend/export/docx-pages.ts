import type { Block, Inline, ListBlock, TableBlock, TableCell } from '../../../core/document/model';
import type { Lang } from '../../../core/i18n';
import { CONTENT_TWIPS, PAGE, tableWidths, textWidth } from './docx-common';

/**
 * On which page each chapter of a Word document starts, worked out at export so the contents page
 * carries page numbers without asking Word to update fields when the file opens (that prompt
 * names "fields that may refer to other files" and puts recipients off). It lays the document out
 * the way docx-writer.ts styles it: A4, 2 cm margins, 10.5 pt body text, the heading sizes and
 * spacing, tables at 9.5 pt in their column widths, pictures at their size; text wraps at word
 * boundaries in Latin script and anywhere in Chinese. Character widths are averages for Calibri
 * and the CJK fonts, so a number can be off when a chapter starts right at a page boundary; the
 * contents is a real Word table of contents, so "Update table" in Word sets it exactly.
 */

/** Twips per pixel at 96 px per inch. */
const TWIPS_PER_PX = 15;
const BODY_HEIGHT = PAGE.height - 2 * PAGE.margin;
const PARAGRAPH_AFTER = 100;
/** Line height as a share of the font size: Calibri's single spacing, and the CJK fonts' taller one. */
const LINE_FACTOR: Record<Lang, number> = { en: 1.22, zh: 1.36 };
/** The heading styles of docx-writer.ts by model level: size (pt), space before and after (twips). */
const HEADINGS: Record<number, { size: number; before: number; after: number }> = {
  1: { size: 26, before: 0, after: 480 },
  2: { size: 16, before: 360, after: 160 },
  3: { size: 13, before: 240, after: 120 },
  4: { size: 11.5, before: 200, after: 80 },
  5: { size: 10.5, before: 160, after: 60 },
};
const BODY_SIZE = 10.5;
const TABLE_SIZE = 9.5;
const CELL_PADDING = { horizontal: 160, vertical: 80 };
const LIST_INDENT = 360;

/** A piece of the laid-out document that cannot be split (a line, a table row, a picture). */
type Piece = { height: number; keepWithNext?: boolean; pageBreak?: boolean; chapter?: boolean };

/** How many lines `text` takes in `width` twips: Latin text wraps at spaces, Chinese anywhere. */
function lineCount(text: string, width: number, size: number): number {
  let lines = 0;
  for (const paragraphLine of text.split('\n')) {
    lines += 1;
    let used = 0;
    for (const word of paragraphLine.split(/(?<=[\s\u2e80-\uffef])/)) {
      const w = textWidth(word, size);
      if (used + w <= width) {
        used += w;
        continue;
      }
      if (used > 0) lines += 1;
      // A word longer than the line breaks inside it.
      used = w;
      while (used > width) {
        lines += 1;
        used -= width;
      }
    }
  }
  return lines;
}

function inlineText(runs: readonly Inline[]): string {
  return runs.map((r) => (r.kind === 'text' ? r.text : r.kind === 'variable' ? `{{${r.name}}}` : r.kind === 'link' ? inlineText(r.content) : r.kind === 'break' ? '\n' : '')).join('');
}

export type PageMeasures = {
  lang: Lang;
  /** A picture's height in pixels as the writer places it (null: it is not shown, its words are). */
  pictureHeight: (sha256: string, maxWidthPx: number) => number | null;
  /** A chart's height in pixels. */
  chartHeight: (block: Extract<Block, { kind: 'radar' | 'gantt' }>) => number;
};

function lines(count: number, size: number, m: PageMeasures, options: { before?: number; after?: number; keepWithNext?: boolean } = {}): Piece[] {
  const line = size * 20 * LINE_FACTOR[m.lang];
  return Array.from({ length: count }, (_, i) => ({
    height: line + (i === 0 ? (options.before ?? 0) : 0) + (i === count - 1 ? (options.after ?? PARAGRAPH_AFTER) : 0),
    keepWithNext: options.keepWithNext === true || (count > 1 && i === 0),
  }));
}

function paragraph(runs: readonly Inline[], width: number, m: PageMeasures, options: { keepWithNext?: boolean; size?: number } = {}): Piece[] {
  const size = options.size ?? BODY_SIZE;
  const pictures = runs.filter((r): r is Extract<Inline, { kind: 'image' }> => r.kind === 'image').map((r) => m.pictureHeight(r.sha256, Math.round(width / TWIPS_PER_PX)));
  const shown = pictures.filter((h): h is number => h !== null);
  const text = inlineText(runs);
  const pieces = lines(text.trim() === '' && shown.length > 0 ? 0 : lineCount(text, width, size), size, m, options);
  return [...shown.map((h) => ({ height: h * TWIPS_PER_PX + PARAGRAPH_AFTER })), ...pieces];
}

function cellHeight(cell: TableCell | undefined, width: number, m: PageMeasures): number {
  if (cell === undefined) return lines(1, TABLE_SIZE, m)[0]?.height ?? 0;
  const pieces = typeof cell === 'string' ? cell.split('\n').flatMap((line) => lines(lineCount(line, width, TABLE_SIZE), TABLE_SIZE, m)) : cell.blocks.flatMap((b) => blockPieces(b, width, m));
  return pieces.reduce((sum, p) => sum + p.height, 0);
}

function table(block: TableBlock, m: PageMeasures): Piece[] {
  const count = Math.max(block.columns.length, ...block.rows.map((r) => r.length), 1);
  const widths = tableWidths(block);
  const row = (cells: readonly (TableCell | undefined)[], spans?: number[]): Piece => {
    let column = 0;
    const heights = cells.map((cell, i) => {
      const span = spans?.[i] ?? 1;
      const width = widths.slice(column, column + span).reduce((a, b) => a + b, 0) - CELL_PADDING.horizontal;
      column += span;
      return cellHeight(cell, width, m);
    });
    return { height: Math.max(...heights, 0) + CELL_PADDING.vertical };
  };
  const pieces: Piece[] = [];
  if (block.columns.length > 0) pieces.push({ ...row(block.columns), keepWithNext: true });
  for (const r of block.rows) pieces.push(row(Array.from({ length: count }, (_, i) => r[i])));
  for (const [label, figure] of block.totals ?? []) pieces.push(count > 1 ? row([label, figure], [count - 1, 1]) : row([`${label} ${figure}`]));
  // The empty paragraph the writer puts after every table.
  return [...pieces, ...lines(1, BODY_SIZE, m)];
}

function list(block: ListBlock, level: number, width: number, m: PageMeasures): Piece[] {
  const indent = LIST_INDENT * (level + 1);
  return block.items.flatMap((item) => [...paragraph(item.content, width - indent, m), ...item.lists.flatMap((sub) => list(sub, level + 1, width, m))]);
}

function blockPieces(block: Block, width: number, m: PageMeasures): Piece[] {
  switch (block.kind) {
    case 'heading': {
      const style = HEADINGS[block.level] ?? { size: BODY_SIZE, before: 0, after: PARAGRAPH_AFTER };
      const pieces = lines(lineCount(inlineText(block.content), width, style.size), style.size, m, { before: style.before, after: style.after, keepWithNext: true });
      return block.level === 2 ? pieces.map((p, i) => (i === 0 ? { ...p, chapter: true } : p)) : pieces;
    }
    case 'paragraph':
      return paragraph(block.content, width, m, { keepWithNext: block.tone === 'lead' });
    case 'quote':
      return paragraph(block.content, width - 567, m);
    case 'code':
      return block.text.split('\n').flatMap(() => lines(1, TABLE_SIZE, m));
    case 'list':
      return list(block, 0, width, m);
    case 'table':
      return table(block, m);
    case 'fields':
      return block.rows.flatMap((f) => lines(lineCount(`${f.label}: ${f.value}`, width, BODY_SIZE), BODY_SIZE, m));
    case 'files':
      return block.files.flatMap((f) => {
        const h = f.isImage ? m.pictureHeight(f.sha256, block.role === 'signature' ? 260 : 600) : null;
        return [...(h === null ? [] : [{ height: h * TWIPS_PER_PX + PARAGRAPH_AFTER, keepWithNext: true }]), ...(block.role === 'photos' ? lines(1, 9, m) : [])];
      });
    case 'radar':
    case 'gantt':
      return [{ height: m.chartHeight(block) * TWIPS_PER_PX + PARAGRAPH_AFTER, keepWithNext: block.kind === 'radar' }, ...(block.kind === 'radar' ? lines(1, 9, m) : [])];
    case 'cover':
      return [{ height: 2400 }, ...lines(lineCount(block.title, width, 26), 26, m, { after: 480 }), ...block.fields.flatMap((f) => lines(lineCount(`${f.label}: ${f.value}`, width, BODY_SIZE), BODY_SIZE, m, { after: 120 }))];
    case 'contents':
      return [...lines(1, 16, m, { after: 240 }), ...block.entries.flatMap(() => lines(1, BODY_SIZE, m))];
    case 'pageBreak':
      return [{ height: 0, pageBreak: true }];
  }
}

/** The page (from 1) on which each chapter (level-2 heading) starts, in document order. */
export function chapterPages(blocks: readonly Block[], measures: PageMeasures): number[] {
  const pieces = blocks.flatMap((b) => blockPieces(b, CONTENT_TWIPS, measures));
  const pages: number[] = [];
  let page = 1;
  let used = 0;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i];
    if (!piece) continue;
    if (piece.pageBreak) {
      page += 1;
      used = 0;
      continue;
    }
    // A piece kept with the next moves on with it when both do not fit (a heading with its first lines).
    let needed = piece.height;
    for (let k = i; pieces[k]?.keepWithNext && pieces[k + 1] && !pieces[k + 1]?.pageBreak && k < i + 4; k++) needed += pieces[k + 1]?.height ?? 0;
    if (used > 0 && used + Math.min(needed, BODY_HEIGHT) > BODY_HEIGHT) {
      page += 1;
      used = 0;
    }
    if (piece.chapter) pages.push(page);
    used += piece.height;
    while (used > BODY_HEIGHT) {
      page += 1;
      used -= BODY_HEIGHT;
    }
  }
  return pages;
}

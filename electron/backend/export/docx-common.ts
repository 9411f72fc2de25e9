import { BorderStyle } from 'docx';
import type { TableBlock } from '../../../core/document/model';

/**
 * The page and type of every Word document Fieldbench writes (docx-writer.ts): A4 pages, the
 * fonts (CJK included), the colours of muted text and table borders, the image types Word embeds.
 */

/** A4 with 2 cm margins: 17 cm of text width = 9638 twips ≈ 642 px at Word's 96 px per inch. */
export const PAGE = { width: 11906, height: 16838, margin: 1134 } as const;
export const CONTENT_TWIPS = PAGE.width - 2 * PAGE.margin;

/**
 * Latin text in Calibri, Chinese in Microsoft YaHei (Windows, macOS Office). LibreOffice maps a
 * missing YaHei to the system's CJK font (Noto Sans CJK SC on Linux) through fontconfig; the
 * eastAsia language tag tells both which glyphs to pick for shared Han characters.
 */
export const FONTS = { ascii: 'Calibri', hAnsi: 'Calibri', cs: 'Calibri', eastAsia: 'Microsoft YaHei' } as const;
export const MUTED = '5C6672';
export const BORDER = 'C3C9D2';
export const HEADER_FILL = 'F1F3F6';

/** Image types Word embeds as they are, by MIME type. */
export const DOCX_IMAGE_TYPES: Readonly<Record<string, 'png' | 'jpg' | 'gif'>> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif' };

/**
 * The run language, the same in both documents: Word and LibreOffice apply `value` to Latin-script
 * characters and `eastAsia` to Chinese ones within each run. Tagging Latin text zh-CN (as the
 * Chinese documents once did) made LibreOffice break figures and English words anywhere, as it
 * may break Chinese ("380,|000", "I|VR").
 */
export const RUN_LANGUAGE = { value: 'en-US', eastAsia: 'zh-CN' } as const;

/** The page size and margins of a section. */
export const PAGE_PROPERTIES = {
  page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin } },
} as const;

export function cellBorders() {
  const side = { style: BorderStyle.SINGLE, size: 4, color: BORDER };
  return { top: side, bottom: side, left: side, right: side };
}

/** A size scaled down (never up) to fit a width, keeping its proportions. */
export function scaled(size: { width: number; height: number }, maxWidth: number): { width: number; height: number } {
  if (size.width <= maxWidth) return size;
  return { width: maxWidth, height: Math.round((size.height * maxWidth) / size.width) };
}

/** Column widths in twips filling the text width in the given proportions. */
export function columnWidths(weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  return weights.map((w) => Math.floor((CONTENT_TWIPS * w) / total));
}

/** The width of text in twips at `size` points: CJK and full-width characters are square, Latin ones about half as wide. */
export function textWidth(text: string, size: number): number {
  let ems = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0x2e80 && code <= 0xffef) ems += 1;
    else if (ch === ' ') ems += 0.23;
    else if (/[A-Z0-9]/.test(ch)) ems += 0.56;
    else if (/[iljtf.,;:'!|]/.test(ch)) ems += 0.27;
    else if (/[mw]/.test(ch)) ems += 0.76;
    else ems += 0.48;
  }
  return ems * size * 20;
}


/** Text size in tables, in points (docx-writer.ts writes it in half-points). */
export const TABLE_TEXT_PT = 9.5;
/** Left and right cell margins together, in twips. */
export const CELL_SIDE_MARGINS = 160;

/**
 * A figure kept on one line: the space after a currency code and a minus before digits become
 * their no-break forms, so no reader breaks "CNY -77,510.17" after the minus.
 */
export function unbreakableFigure(text: string): string {
  return text.replace(/ /g, '\u00a0').replace(/-(?=\d)/g, '\u2011');
}

/** The narrowest a plain-text cell can be: its longest word (a figure whole), at table size, bold for headers. */
function cellMinimum(cell: TableBlock['rows'][number][number] | undefined, numeric: boolean, header: boolean): number {
  if (typeof cell !== 'string') return 0;
  const words = cell.split('\n').flatMap((line) => (numeric ? [line] : line.split(/\s+/)));
  // Chinese breaks between any two characters: only its Latin runs ("POC", "2026-04-06") and its dates ("2026年5月4日") must stay whole.
  const whole = words.flatMap((w) => (/^\d{4}年\d{1,2}月\d{1,2}日$/.test(w) ? [w] : w.split(/[\u2e80-\uffef]+/)));
  const widest = Math.max(0, ...whole.map((w) => textWidth(w, TABLE_TEXT_PT) * (header ? 1.08 : 1)));
  return widest > 0 ? Math.ceil(widest) + CELL_SIDE_MARGINS + 40 : 0;
}

/**
 * A table's column widths in twips: the block's proportions, except that every column is at least
 * as wide as its longest word, so words and dates are never broken inside ("Categor|y",
 * "2026-|07-15"); what that takes comes from the columns with room to spare. One function for
 * the writer and the page estimate, so both lay the table out alike.
 */
export function tableWidths(block: TableBlock): number[] {
  const count = Math.max(block.columns.length, ...block.rows.map((r) => r.length), 1);
  const base = columnWidths(block.widths?.length === count ? block.widths : Array.from({ length: count }, () => 1));
  const minimum = base.map((_, i) =>
    Math.max(
      cellMinimum(block.columns[i], block.numeric?.[i] === true, true),
      ...block.rows.map((r) => cellMinimum(r[i], block.numeric?.[i] === true, false)),
      ...(i === count - 1 ? (block.totals ?? []).map(([, figure]) => cellMinimum(figure, true, true)) : []),
    ),
  );
  // Nothing can give what is needed when the minimums alone overfill the page: keep the proportions.
  if (minimum.reduce((a, b) => a + b, 0) > CONTENT_TWIPS) return base;
  const widths = base.map((w, i) => Math.max(w, minimum[i] ?? 0));
  let excess = widths.reduce((a, b) => a + b, 0) - CONTENT_TWIPS;
  while (excess > 0) {
    const slack = widths.map((w, i) => w - (minimum[i] ?? 0));
    const total = slack.reduce((a, b) => a + Math.max(0, b), 0);
    if (total <= 0) break;
    const take = Math.min(excess, total);
    for (const [i, room] of slack.entries()) if (room > 0) widths[i] = (widths[i] ?? 0) - Math.floor((take * room) / total);
    const now = widths.reduce((a, b) => a + b, 0) - CONTENT_TWIPS;
    if (now >= excess) break;
    excess = now;
  }
  return widths;
}

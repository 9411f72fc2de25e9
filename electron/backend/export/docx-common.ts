import { BorderStyle } from 'docx';

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

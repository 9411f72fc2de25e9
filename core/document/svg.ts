/**
 * What the SVG charts written into documents share. Their text must render wherever the picture
 * is drawn — Word, LibreOffice, and the PNG fallback rasterised by resvg with the system's fonts —
 * so every text names Word's fonts first, then ones each platform has.
 *
 * Text with Chinese takes a CJK-capable family (Microsoft YaHei on Windows, Noto Sans CJK SC on
 * Linux, PingFang SC on macOS). Text without it takes a Latin family: resvg sets up a font for
 * each run of text, and for a CJK font (tens of MB of glyphs and layout tables) that costs about
 * 0.2 s a run, where a Latin font costs next to nothing. No space after the commas: resvg 2.6
 * skips a quoted family that follows ", ".
 */
const LATIN_FONTS = "Calibri,Carlito,'Liberation Sans','DejaVu Sans',Arial,sans-serif";
const CJK_FONTS = "'Microsoft YaHei','Noto Sans CJK SC','PingFang SC',sans-serif";
const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/** The font-family list for one run of chart text. */
export function chartFontFamily(text: string): string {
  return CJK.test(text) ? CJK_FONTS : LATIN_FONTS;
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

/** A font-family attribute for a run of text, escaped. */
export function fontAttribute(text: string): string {
  return `font-family="${escapeXml(chartFontFamily(text))}"`;
}

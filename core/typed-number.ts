/**
 * A number as people type it, read into plain digits: "1,200", "1 200", "1200", full-width
 * "１，２００" or "１２００" from a Chinese input method, a typographic minus "−5". Commas and
 * spaces group thousands; the point is the decimal mark (as in English and Chinese). A comma that
 * does not group thousands ("12,5") is refused rather than guessed: read as a decimal comma it
 * would make 1,200 into 1.2. Pure.
 */

export type TypedNumber = { ok: true; text: string } | { ok: false; reason: 'notNumber' | 'decimalComma' };

const PLAIN = /^-?\d+(\.\d+)?$/;
const GROUPED = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/;

export function readTypedNumber(raw: string): TypedNumber {
  const text = raw
    .normalize('NFKC')
    // Typographic minus and dashes that some keyboards give for "-".
    .replace(/[\u2212\u2012\u2013\uFE63]/g, '-')
    // Ideographic comma (、) is not a thousands separator; the Chinese full stop is not a decimal point.
    .replace(/[\s'\u2009\u202f]/g, '');
  if (PLAIN.test(text)) return { ok: true, text };
  if (GROUPED.test(text)) return { ok: true, text: text.replace(/,/g, '') };
  if (/^-?\d+,\d{1,2}$/.test(text) || /^-?\d+,\d{4,}$/.test(text)) return { ok: false, reason: 'decimalComma' };
  return { ok: false, reason: 'notNumber' };
}

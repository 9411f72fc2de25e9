import { SIMPLIFIED_FROM, SIMPLIFIED_TO, TRADITIONAL_FROM, TRADITIONAL_TO } from './chinese-variants.data';

/**
 * Chinese written in the other script, character by character: 客戶服務 → 客户服务 and back. A
 * consultant in Hong Kong or Taiwan types Traditional characters where the knowledge base is
 * written in Simplified ones (and a synced note may be the other way round); search looks for the
 * other script's form of each Chinese word too. Character tables from OpenCC
 * (chinese-variants.data.ts); where a character has several counterparts, the most common one.
 * Word-level regional vocabulary (軟體 for 软件) is not covered.
 */

const HAN = /\p{Script=Han}/gu;

function table(from: string, to: string): Map<string, string> {
  const keys = [...from];
  const values = [...to];
  return new Map(keys.map((k, i) => [k, values[i] ?? k]));
}

let simplified: Map<string, string> | null = null;
let traditional: Map<string, string> | null = null;

/** The text with each Traditional character in its Simplified form; everything else as it was. */
export function toSimplified(text: string): string {
  const map = (simplified ??= table(TRADITIONAL_FROM, SIMPLIFIED_TO));
  return text.replace(HAN, (ch) => map.get(ch) ?? ch);
}

/** The text with each Simplified character in its most common Traditional form. */
export function toTraditional(text: string): string {
  const map = (traditional ??= table(SIMPLIFIED_FROM, TRADITIONAL_TO));
  return text.replace(HAN, (ch) => map.get(ch) ?? ch);
}

import { segmentHanRun } from '../../../core/text/segment';

/**
 * Turns untrusted search text into a safe FTS5 MATCH expression. User text never reaches MATCH
 * raw: every term is emitted as a quoted FTS string (inner quotes doubled), so FTS operators typed
 * by the user (NEAR, AND/OR/NOT, parentheses, column filters, ^, -, +, *) are just words.
 *
 * - Terms are ANDed (FTS5's implicit AND between phrases).
 * - "double quoted" text is a phrase.
 * - The last term is a prefix search while the user is still typing (no trailing space), and any
 *   term written with a trailing * is a prefix search.
 * - A run of Chinese characters is segmented into words (as the index was) and searched as a
 *   phrase of those words, so a word in the middle of a sentence is found.
 */

export const MAX_TERMS = 32;

export type QueryTerm = { words: string[]; prefix: boolean };
export type ParsedQuery = { match: string | null; terms: string[]; notice: string | null };

const HAN = /\p{Script=Han}/u;
// Letters, digits and marks form words; everything else (FTS syntax included) separates them.
const WORD_CHARS = /[\p{L}\p{N}\p{M}]+/gu;

function quote(word: string): string {
  return `"${word.replace(/"/g, '""')}"`;
}

/** Splits a chunk of text into words the way the index tokenizer (unicode61 + Han segmentation) does. */
function wordsOf(text: string): string[][] {
  const groups: string[][] = [];
  for (const match of text.matchAll(WORD_CHARS)) {
    const token = match[0];
    if (!HAN.test(token)) {
      groups.push([token.toLowerCase()]);
      continue;
    }
    // Mixed tokens like "5G基站" split into Latin and Han parts; each Han run becomes one phrase.
    for (const part of token.match(/\p{Script=Han}+|[^\p{Script=Han}]+/gu) ?? []) {
      groups.push(HAN.test(part) ? segmentHanRun(part) : [part.toLowerCase()]);
    }
  }
  return groups;
}

export function parseQuery(input: string): ParsedQuery {
  const terms: QueryTerm[] = [];
  const endsOpen = input.length > 0 && !/\s$/.test(input) && !input.endsWith('"');
  // Phrases first: "..." (an unbalanced quote runs to the end of the input).
  const pieces = input.split('"');
  pieces.forEach((piece, i) => {
    const inPhrase = i % 2 === 1;
    if (inPhrase) {
      const words = wordsOf(piece).flat();
      if (words.length > 0) terms.push({ words, prefix: false });
      return;
    }
    for (const raw of piece.split(/\s+/)) {
      if (raw === '') continue;
      const explicitPrefix = raw.endsWith('*');
      for (const words of wordsOf(raw)) terms.push({ words, prefix: explicitPrefix });
    }
  });
  const last = terms.at(-1);
  const lastPieceIsPhrase = pieces.length % 2 === 0 && (pieces.at(-1) ?? '').trim() !== '';
  if (last && endsOpen && !lastPieceIsPhrase) last.prefix = true;

  let notice: string | null = null;
  if (terms.length > MAX_TERMS) {
    notice = `Only the first ${MAX_TERMS} of ${terms.length} search terms were used.`;
    terms.length = MAX_TERMS;
  }
  if (terms.length === 0) return { match: null, terms: [], notice };
  // A phrase is its quoted words joined with FTS5's "+"; a prefix marks the phrase's last word.
  const match = terms.map((t) => t.words.map(quote).join(' + ') + (t.prefix ? '*' : '')).join(' AND ');
  return { match, terms: terms.map((t) => t.words.join(HAN.test(t.words[0] ?? '') ? '' : ' ')), notice };
}

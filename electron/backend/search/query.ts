import { segmentForIndex } from '../../../core/text/segment';

/**
 * Turns untrusted search text into a safe FTS5 MATCH expression. User text never reaches MATCH
 * raw: only runs of letters and digits survive, and each is emitted as a quoted FTS string (inner
 * quotes doubled, although no quote can survive), so FTS syntax typed by the user (NEAR, AND/OR/NOT,
 * parentheses, column filters, ^, -, +, *, :) is either dropped as punctuation or searched as a word.
 *
 * - Terms are ANDed.
 * - "double quoted" text is a phrase (an unbalanced quote runs to the end of the input).
 * - The last term is a prefix search while the user is still typing (no trailing space) when it
 *   ends in a Latin word of 3+ letters (a Chinese word is typed whole), and a word written with a
 *   trailing * is a prefix search.
 * - Chinese is segmented the way the index was (segmentForIndex), and the words of one run of text
 *   without spaces ("基站节能", "5G基站") form a phrase, so a word in the middle of a sentence matches.
 */

export const MAX_TERMS = 32;
/** Shorter Latin prefixes expand to a large share of the vocabulary; they are searched as whole words. */
export const MIN_PREFIX_CHARS = 3;

/** One AND-ed term: a phrase of index tokens; `prefix` marks its last token as a prefix. */
export type QueryTerm = { words: string[]; prefix: boolean };
export type ParsedTerms = { terms: QueryTerm[]; notice: string | null };
export type ParsedQuery = { match: string | null; terms: string[]; notice: string | null };

const HAN = /\p{Script=Han}/u;
// What the index tokenizer (unicode61) keeps as token characters: letters and numbers. Everything
// else, FTS syntax included, separates words.
const WORD_RUN = /[\p{L}\p{N}\p{M}]+/gu;

/** The index tokens of a chunk of text without spaces, exactly as upsertSearchDoc would index it. */
function tokensOf(chunk: string): string[] {
  const tokens: string[] = [];
  for (const m of segmentForIndex(chunk).matchAll(WORD_RUN)) tokens.push(m[0].toLowerCase());
  return tokens;
}

/** The terms of unquoted text: each Latin word is a term, a run with Chinese in it is a phrase. */
function bareTerms(text: string, openEnd: boolean): QueryTerm[] {
  const out: QueryTerm[] = [];
  const chunks = text.split(/\s+/).filter((c) => c !== '');
  chunks.forEach((chunk, ci) => {
    const starred = /\*$/.test(chunk);
    const atEnd = ci === chunks.length - 1 && openEnd;
    // Punctuation separates Latin words ("foo-bar" is foo AND bar), but a run mixing Chinese and
    // Latin ("5G基站") stays one phrase, as the words are adjacent in the text.
    const pieces = chunk.match(WORD_RUN) ?? [];
    const groups: string[][] = [];
    for (const piece of pieces) {
      const tokens = tokensOf(piece);
      if (tokens.length === 0) continue;
      if (HAN.test(piece)) groups.push(tokens);
      else for (const t of tokens) groups.push([t]);
    }
    groups.forEach((words, gi) => {
      const last = gi === groups.length - 1;
      const word = words.at(-1) ?? '';
      out.push({ words, prefix: last && ((starred && prefixable(word)) || (atEnd && completable(word))) });
    });
  });
  return out;
}

/** Whether a word written with a trailing * is searched as a prefix. */
function prefixable(word: string): boolean {
  return HAN.test(word) || [...word].length >= MIN_PREFIX_CHARS;
}

/**
 * Whether the last word, while the user is still typing it, is searched as a prefix. Chinese
 * words are not: an input method commits whole characters and words, so nothing is left to
 * complete, and completing a character matches across word boundaries (单 would find 单位 in
 * "派单位") while expanding into many words, each costly to search.
 */
function completable(word: string): boolean {
  return !HAN.test(word) && [...word].length >= MIN_PREFIX_CHARS;
}

/** Parses the query into AND-ed terms (phrases of index tokens), at most MAX_TERMS of them. */
export function parseTerms(input: string): ParsedTerms {
  const terms: QueryTerm[] = [];
  const pieces = input.split('"');
  const unbalanced = pieces.length % 2 === 0;
  const openEnd = !/\s$/.test(input);
  pieces.forEach((piece, i) => {
    const isLast = i === pieces.length - 1;
    if (i % 2 === 1) {
      // A phrase; while its closing quote is not typed yet, its last word is still being typed.
      const words = (piece.match(WORD_RUN) ?? []).flatMap(tokensOf);
      if (words.length > 0) terms.push({ words, prefix: unbalanced && isLast && openEnd && completable(words.at(-1) ?? '') });
      return;
    }
    terms.push(...bareTerms(piece, isLast && openEnd));
  });
  let notice: string | null = null;
  if (terms.length > MAX_TERMS) {
    const ignored = terms.slice(MAX_TERMS).map(display);
    notice = `Only the first ${MAX_TERMS} search terms were used; ignored: ${ignored.slice(0, 5).join(', ')}${ignored.length > 5 ? ` and ${ignored.length - 5} more` : ''}.`;
    terms.length = MAX_TERMS;
  }
  return { terms, notice };
}

/** How a term is shown back to the user: Chinese words joined without spaces. */
export function display(term: QueryTerm): string {
  let out = '';
  term.words.forEach((w, i) => {
    const prev = term.words[i - 1];
    out += i > 0 && !(HAN.test(prev?.slice(-1) ?? '') && HAN.test(w[0] ?? '')) ? ` ${w}` : w;
  });
  return out;
}

export function quote(word: string): string {
  return `"${word.replace(/"/g, '""')}"`;
}

/** One term as FTS5 syntax: a phrase is its quoted tokens joined with "+"; "*" marks a prefix. */
export function termMatch(term: QueryTerm): string {
  return term.words.map(quote).join(' + ') + (term.prefix ? '*' : '');
}

export function parseQuery(input: string): ParsedQuery {
  const { terms, notice } = parseTerms(input);
  if (terms.length === 0) return { match: null, terms: [], notice };
  return { match: terms.map(termMatch).join(' AND '), terms: terms.map(display), notice };
}

import { segmentForIndex } from '../../../core/text/segment';
import { isOptionalWord, isQualifierWord, isStopWord } from '../../../core/text/stopwords';
import { msg, type ApiMessage } from '../../../core/api/message';
import { listed } from '../../../core/i18n';

/**
 * Turns untrusted search text into query terms. User text never reaches FTS5 MATCH raw: only runs
 * of letters and digits survive, each later emitted as a quoted FTS string (inner quotes doubled,
 * although no quote can survive), so FTS syntax typed by the user (NEAR, AND/OR/NOT, parentheses,
 * column filters, ^, +, *, :) is either dropped as punctuation or searched as a word.
 *
 * - Every word is a term; search ranks documents that match more terms higher, and a term that
 *   matches nothing never empties the result (search.ts).
 * - Stop words (how, do, the, 如何, 的, …) are left out, unless the query has nothing else.
 * - "double quoted" text is a phrase (an unbalanced quote runs to the end of the input) and is
 *   matched exactly: no word forms, no corrections.
 * - -word and -"a phrase" leave out documents that contain them.
 * - Chinese is segmented into words the way the index was (segmentForIndex); each word is a term.
 *   Single characters in a row (the pieces of a word the segmenter does not know) stay together as
 *   a phrase, so 离网 split into 离 + 网 still means the two characters side by side.
 * - The last term is a prefix while the user is still typing (no trailing space) when it ends in
 *   a Latin word of 3+ letters (a Chinese word is typed whole), and a word written with a
 *   trailing * is a prefix.
 */

export const MAX_TERMS = 32;
/** The longest run of query terms looked up as one glossary name. */
export const MAX_NAME_TERMS = 6;
/** Shorter Latin prefixes expand to a large share of the vocabulary; they are searched as whole words. */
export const MIN_PREFIX_CHARS = 3;

/**
 * One term: a phrase of index tokens (usually one); `prefix` marks its last token as a prefix,
 * `quoted` that it was typed in quotes, `exclude` that documents containing it are left out.
 */
export type QueryTerm = {
  words: string[];
  prefix: boolean;
  quoted: boolean;
  exclude: boolean;
  /** added for a name its words spell (withNames) */
  name?: true;
  /**
   * adds to a text's score but is never required when the query asks for more: a word that only
   * says how much (high, 高, 太多: QUALIFIER_WORDS), a how-to question's verb (write, 编写:
   * FRAME_VERBS), or the pair a measure's suffix makes (报率)
   */
  optional?: true;
};
export type ParsedTerms = { terms: QueryTerm[]; typed: QueryTerm[]; notice: ApiMessage | null };

const HAN = /\p{Script=Han}/u;
const SINGLE_HAN = /^\p{Script=Han}$/u;
// What the index tokenizer (unicode61) keeps as token characters: letters and numbers. Everything
// else, FTS syntax included, separates words.
const WORD_RUN = /[\p{L}\p{N}\p{M}]+/gu;

/** The index tokens of a chunk of text without spaces, exactly as upsertSearchDoc would index it. */
export function tokensOf(chunk: string): string[] {
  const tokens: string[] = [];
  for (const m of segmentForIndex(chunk).matchAll(WORD_RUN)) tokens.push(m[0].toLowerCase());
  return tokens;
}

/** The last character of a measure (误报率, 话务量): its pair with the character before is no word. */
const MEASURE_SUFFIXES = new Set(['率', '量']);

// Particles that are never part of a word a consultant searches for, even beside single characters.
const PARTICLES = new Set('的地得了吗呢吧啊呀么嘛与及或向把被'.split(''));

/**
 * The terms of one chunk of text without spaces. Each word is a term. The segmenter splits words
 * it does not know (基站, 节电, 离网) into single characters, which are joined again: two in a
 * row are one phrase, a longer run becomes pairs (基站节能: 基站, 节能; an odd run overlapping
 * pairs: 离网率: 离网, 网率), so the words inside an unknown run still match where they occur
 * apart. A lone character is joined to the word before (or after) it.
 * Chinese stop words standing between words are kept as stop terms (parseTerms drops them).
 */
function chunkTerms(chunk: string, exclude: boolean): QueryTerm[] {
  const optionalGroups = new Set<string[]>();
  const term = (words: string[]): QueryTerm => {
    const optional = !exclude && (optionalGroups.has(words) || isOptionalWord(words.join('')));
    return { words, prefix: false, quoted: false, exclude, ...(optional ? { optional: true as const } : {}) };
  };
  const out: QueryTerm[] = [];
  for (const piece of chunk.match(WORD_RUN) ?? []) {
    const { tokens, qualifier } = exclude ? { tokens: tokensOf(piece), qualifier: [] } : trailingQualifier(tokensOf(piece));
    const single = (i: number): boolean => SINGLE_HAN.test(tokens[i] ?? '') && !PARTICLES.has(tokens[i] ?? '');
    const groups: string[][] = [];
    let run: string[] = [];
    const flush = (): void => {
      if (run.length === 1) {
        // A lone character: with the word before it, or kept for the word after it.
        const before = groups.at(-1);
        if (before && HAN.test(before.at(-1) ?? '')) before.push(run[0] ?? '');
        else groups.push(run);
      } else if (run.length === 2) groups.push(run);
      else {
        // An even run is taken as the pairs it most likely is (most Chinese words are two
        // characters); an odd one as overlapping pairs, so every character is in a pair.
        const step = run.length % 2 === 0 ? 2 : 1;
        for (let i = 0; i + 1 < run.length; i += step) groups.push(run.slice(i, i + 2));
        // 误报率: 误报 and 报率. A measure's suffix makes its pair a non-word that only texts
        // writing the whole run hold; texts that say 误报 are about it too (QueryTerm.optional).
        if (step === 1 && MEASURE_SUFFIXES.has(run.at(-1) ?? '')) optionalGroups.add(groups.at(-1) as string[]);
      }
      run = [];
    };
    tokens.forEach((token, i) => {
      const isolated = !single(i - 1) && !single(i + 1);
      if (SINGLE_HAN.test(token) && (PARTICLES.has(token) || (isolated && isStopWord(token)))) {
        flush();
        if (!exclude) out.push(...groups.splice(0).map((g) => term(g)), term([token]));
        return;
      }
      if (single(i)) {
        run.push(token);
        return;
      }
      flush();
      const lone = groups.at(-1);
      if (lone && lone.length === 1 && SINGLE_HAN.test(lone[0] ?? '') && HAN.test(token)) lone.push(token);
      else groups.push([token]);
    });
    flush();
    out.push(...groups.map((g) => term(g)));
    if (qualifier.length > 0) out.push(term(qualifier));
  }
  return out;
}

/**
 * A Chinese query that ends by saying how much ("误报率高", "能耗偏高", "误报率过高") has the
 * qualifier cut off as a term of its own: the segmenter does not know such runs, and pairing
 * their characters would make 率高 a word. Only at the end, after at least two characters, where
 * Chinese puts the predicate (高风险, 高可用 keep theirs).
 */
function trailingQualifier(tokens: string[]): { tokens: string[]; qualifier: string[] } {
  const han = (t: string | undefined): boolean => t !== undefined && HAN.test(t);
  // The question words after it stay (误报率过高怎么办); parseTerms drops them. The segmenter
  // may have cut one (怎么 + 办): up to three tokens are looked at together.
  let end = tokens.length;
  const stopWordBefore = (at: number): number => [3, 2, 1].find((k) => at - k >= 0 && isStopWord(tokens.slice(at - k, at).join(''))) ?? 0;
  for (let k = stopWordBefore(end); k > 0; k = stopWordBefore(end)) end -= k;
  const said = tokens.slice(0, end);
  for (const length of [3, 2, 1]) {
    const tail = said.slice(-length);
    const rest = said.slice(0, -length);
    const word = tail.join('');
    // Pieces the segmenter cut: single characters (偏 + 高), or a longer qualifier (看不 + 过来).
    const cut = length === 1 || tail.every((t) => SINGLE_HAN.test(t)) || [...word].length >= 3;
    if (tail.length !== length || !tail.every(han) || !cut) continue;
    if (isQualifierWord(word) && [...rest.join('')].length >= 2 && han(rest.at(-1))) return { tokens: [...rest, ...tokens.slice(end)], qualifier: tail };
  }
  return { tokens, qualifier: [] };
}

/** The terms of unquoted text. */
function bareTerms(text: string, openEnd: boolean, isName: (tokens: readonly string[]) => boolean): QueryTerm[] {
  const out: QueryTerm[] = [];
  const chunks = text.split(/\s+/).filter((c) => c !== '');
  chunks.forEach((chunk, ci) => {
    const exclude = /^-[\p{L}\p{N}]/u.test(chunk);
    const starred = /\*$/.test(chunk);
    const atEnd = ci === chunks.length - 1 && openEnd;
    const terms = chunkTerms(chunk, exclude);
    const last = terms.at(-1);
    if (last && last.words.length === 1) {
      const word = last.words[0] ?? '';
      // A word still being typed is a prefix, unless it is a name of its own (an abbreviation typed
      // in full: WER is word error rate, not the start of "were"; its other forms are searched anyway).
      last.prefix = (starred && prefixable(word)) || (atEnd && !exclude && completable(word) && !isName([word]));
    }
    out.push(...terms);
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

/** Whether a term only carries a stop word (never required). */
export function isStopTerm(term: QueryTerm): boolean {
  if (term.quoted || term.exclude) return false;
  // A Chinese stop word the segmenter cut (怎么 + 办) is one still.
  return term.words.length === 1 ? isStopWord(term.words[0] ?? '') : term.words.every((w) => HAN.test(w)) && isStopWord(term.words.join(''));
}

/** The words of consecutive terms as one sequence; overlapping character pairs (基站, 站节) share their character. */
export function spanTokens(terms: readonly QueryTerm[]): string[] {
  const tokens: string[] = [];
  for (const term of terms) {
    const first = term.words[0];
    const overlaps = term.words.length === 2 && tokens.length > 0 && tokens.at(-1) === first && [...(first ?? '')].length === 1;
    tokens.push(...(overlaps ? term.words.slice(1) : term.words));
  }
  return tokens;
}

/**
 * A run of terms that holds a stop word and spells a name the user means (isName: a glossary
 * name). Chinese typed without spaces is one word the segmenter cut: 再训练 is retraining, not
 * 训练 (training), so the run becomes that one term. English words stay terms of their own and
 * the name is one more term after them ("give us data"), which ranks texts that spell it or name
 * the same thing another way (data access) higher, while the words still find the rest. (The glossary lookup sees the
 * stop words either way: parseTerms' `typed`.)
 */
function withNames(terms: readonly QueryTerm[], isName: (tokens: readonly string[]) => boolean): QueryTerm[] {
  const out: QueryTerm[] = [];
  const bare = (t: QueryTerm): boolean => !t.quoted && !t.exclude;
  let i = 0;
  while (i < terms.length) {
    let taken = 0;
    for (let length = Math.min(MAX_NAME_TERMS, terms.length - i); length >= 2 && taken === 0; length--) {
      const span = terms.slice(i, i + length);
      if (!span.every(bare) || !span.some(isStopTerm)) continue;
      const words = spanTokens(span);
      if (!isName(words)) continue;
      if (words.every((w) => HAN.test(w))) out.push({ words, prefix: false, quoted: false, exclude: false });
      else out.push(...span, { words, prefix: false, quoted: false, exclude: false, name: true });
      taken = length;
    }
    if (taken === 0) out.push(terms[i] as QueryTerm);
    i += Math.max(1, taken);
  }
  return out;
}

/**
 * Parses the query into terms (phrases of index tokens), at most MAX_TERMS of them, and `typed`:
 * the query's terms up to the last of those, stop words included, for the glossary lookup
 * ("handle time" names average handling time; time alone does not). `isName` tells which runs of
 * words, stop words included, are names (the glossary's).
 */
export function parseTerms(input: string, isName: (tokens: readonly string[]) => boolean = () => false): ParsedTerms {
  const all: QueryTerm[] = [];
  const pieces = input.split('"');
  const unbalanced = pieces.length % 2 === 0;
  const openEnd = !/\s$/.test(input);
  pieces.forEach((piece, i) => {
    const isLast = i === pieces.length - 1;
    if (i % 2 === 1) {
      // A phrase, excluded when a "-" is written right before its opening quote; while its
      // closing quote is not typed yet, its last word is still being typed.
      const exclude = /(^|\s)-$/.test(pieces[i - 1] ?? '');
      const words = (piece.match(WORD_RUN) ?? []).flatMap(tokensOf);
      if (words.length > 0) all.push({ words, prefix: unbalanced && isLast && openEnd && !exclude && completable(words.at(-1) ?? ''), quoted: true, exclude });
      return;
    }
    all.push(...bareTerms(piece, isLast && openEnd, isName));
  });
  // Stop words go, unless part of a name or nothing else is asked for (then the query means them).
  // (Names are looked for among the first terms only: a pasted page is not a glossary lookup.)
  const named = [...withNames(all.slice(0, 4 * MAX_TERMS), isName), ...all.slice(4 * MAX_TERMS)];
  const meaningful = named.filter((t) => !isStopTerm(t));
  let terms = meaningful.some((t) => !t.exclude) ? meaningful : named;
  // The same term twice counts once.
  const seen = new Set<string>();
  terms = terms.filter((t) => {
    const key = `${t.exclude ? '-' : ''}${t.quoted ? 'q' : ''}${t.prefix ? '*' : ''}${t.words.join(' ')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  let notice: ApiMessage | null = null;
  if (terms.length > MAX_TERMS) {
    const ignored = terms.slice(MAX_TERMS).map(display);
    const more = ignored.length - 5;
    const named = listed(ignored.slice(0, 5));
    const all = more > 0 ? { en: `${named.en} and ${more} more`, zh: `${named.zh} 等另外 ${more} 个` } : named;
    notice = msg('notice.searchTermsIgnored', { max: MAX_TERMS, ignored: all });
    terms = terms.slice(0, MAX_TERMS);
  }
  const last = terms.at(-1);
  const typed = last === undefined ? [] : named.slice(0, named.indexOf(last) + 1);
  return { terms, typed, notice };
}

/** How a term is shown back to the user: Chinese words joined without spaces, an exclusion with its "-". */
export function display(term: QueryTerm): string {
  let out = '';
  term.words.forEach((w, i) => {
    const prev = term.words[i - 1];
    out += i > 0 && !(HAN.test(prev?.slice(-1) ?? '') && HAN.test(w[0] ?? '')) ? ` ${w}` : w;
  });
  return term.exclude ? `-${out}` : out;
}

export function quote(word: string): string {
  return `"${word.replace(/"/g, '""')}"`;
}

/** A phrase of words as FTS5 syntax: quoted tokens joined with "+"; "*" marks a prefix. */
export function phraseMatch(words: readonly string[], prefix = false): string {
  return words.map(quote).join(' + ') + (prefix ? '*' : '');
}

import type { Db } from '../db/connection';
import { prepared } from '../db/statements';
import { stemKey } from './stem';
import { editDistance, editsAllowed } from '../../../core/text/edit-distance';

/**
 * The words of the search index, each with its stem key (core/text/stem.ts), in `search_words`.
 * Search uses it to expand a word into its other forms (voiceprint → voiceprints) and to correct
 * a word that matches nothing against the words that exist (chrun → churn). Words are only
 * added: one no document holds any more costs nothing but a row (a correction is only offered
 * when the corrected word matches), and keeping counts exact would double the cost of indexing.
 */

const WORD_RUN = /[\p{L}\p{N}\p{M}]+/gu;
// FTS5's unicode61 tokenizer with remove_diacritics 2 folds case and accents the same way.
const MARKS = /\p{M}/gu;
const ACCENTED = /[\u00c0-\u024f\u1e00-\u1eff]|\p{M}/u;

const NOT_ASCII = /[\u0080-\u{10ffff}]/u;
const ASCII_WORD_RUN = /[a-z0-9]+/g;

/**
 * The index tokens of segmented text, as FTS5 stores them, without repeats. Plain ASCII text (most
 * English articles) takes a short way with the same result: its words are runs of letters and
 * digits, lowercased, with nothing to fold. Unicode property classes cost several times more.
 */
export function indexTokens(segmented: string): Set<string> {
  if (NOT_ASCII.test(segmented)) return unicodeIndexTokens(segmented);
  return new Set(segmented.toLowerCase().match(ASCII_WORD_RUN));
}

/** indexTokens for any text (exported so a test can hold the ASCII way to it). */
export function unicodeIndexTokens(segmented: string): Set<string> {
  const tokens = new Set<string>();
  for (const m of segmented.matchAll(WORD_RUN)) {
    const lower = m[0].toLowerCase();
    // Only Latin letters with accents need folding; Chinese and plain ASCII are stored as they are.
    tokens.add(ACCENTED.test(lower) ? lower.normalize('NFD').replace(MARKS, '').normalize('NFC') : lower);
  }
  return tokens;
}

// Words this connection has already written: after the first few thousand documents of an import
// nearly every word is known, and skipping them keeps indexing time in FTS5, not here. Should a
// transaction that first wrote a word roll back, the word stays missing here until it is indexed
// again by another connection or the index is rebuilt: it is then only not offered as another
// form, and search checks the index itself before correcting a word (correctionOf's caller).
const written = new WeakMap<Db, Set<string>>();
const MAX_REMEMBERED = 500_000;

/** Adds the new words of one document's segmented text (one statement for all of them). */
export function recordWords(db: Db, segmented: readonly string[]): void {
  let known = written.get(db);
  if (!known || known.size > MAX_REMEMBERED) {
    known = new Set();
    written.set(db, known);
  }
  const pairs: [string, string][] = [];
  for (const text of segmented) {
    for (const word of indexTokens(text)) {
      if (known.has(word)) continue;
      known.add(word);
      pairs.push([word, stemKey(word)]);
    }
  }
  if (pairs.length === 0) return;
  prepared(db, "INSERT OR IGNORE INTO search_words (word, stem) SELECT value ->> 0, value ->> 1 FROM json_each(?)").run(JSON.stringify(pairs));
}

/** Every indexed word with the same stem key as `word` (its other forms), the word itself left out. */
export function otherForms(db: Db, word: string): string[] {
  const key = stemKey(word);
  return (prepared(db, 'SELECT word FROM search_words WHERE stem = ? LIMIT 64').pluck().all(key) as string[]).filter((w) => w !== word);
}

/** Indexed words starting with `prefix`, at most `max`, in no particular order. */
export function wordsStartingWith(db: Db, prefix: string, max: number): string[] {
  return prepared(db, 'SELECT word FROM search_words WHERE word >= ? AND word < ? LIMIT ?').pluck().all(prefix, `${prefix}\u{10ffff}`, max) as string[];
}

type Loaded = { upTo: number; byLength: Map<number, string[]> };
const loaded = new WeakMap<Db, Loaded>();

/** The vocabulary by word length, read once per connection and then only what was added since. */
function vocabulary(db: Db): Loaded {
  let v = loaded.get(db);
  if (!v) {
    v = { upTo: 0, byLength: new Map() };
    loaded.set(db, v);
  }
  const rows = prepared(db, 'SELECT id, word FROM search_words WHERE id > ? ORDER BY id').raw().all(v.upTo) as [number, string][];
  for (const [id, word] of rows) {
    v.upTo = id;
    // Chinese is typed through an input method, which does not make typos of this kind.
    if (/[^a-z0-9]/.test(word)) continue;
    const list = v.byLength.get(word.length) ?? [];
    list.push(word);
    v.byLength.set(word.length, list);
  }
  return v;
}

/** How many documents hold the word. */
export function documentFrequency(db: Db, word: string): number {
  const row = prepared(db, 'SELECT doc FROM temp.search_vocab WHERE term = ?').get(word) as { doc: number } | undefined;
  return row?.doc ?? 0;
}

/**
 * The indexed word a mistyped word most likely meant: the fewest edits (a swap of two letters is
 * one), then the word most documents hold. Null when nothing is close enough; short words are
 * never corrected, as one edit turns them into other words.
 */
export function correctionOf(db: Db, word: string): string | null {
  const max = editsAllowed(word);
  if (max === 0 || /[^a-z0-9]/.test(word)) return null;
  const v = vocabulary(db);
  let best: { word: string; edits: number; docs: number } | null = null;
  const close: { word: string; edits: number }[] = [];
  for (let length = word.length - max; length <= word.length + max; length++) {
    for (const candidate of v.byLength.get(length) ?? []) {
      const edits = editDistance(word, candidate, max);
      if (edits <= max && edits > 0) close.push({ word: candidate, edits });
    }
  }
  const fewest = Math.min(...close.map((c) => c.edits));
  for (const c of close) {
    if (c.edits !== fewest) continue;
    const docs = documentFrequency(db, c.word);
    if (docs > 0 && (best === null || docs > best.docs)) best = { ...c, docs };
  }
  return best?.word ?? null;
}

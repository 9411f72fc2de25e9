import type { Db } from '../db/connection';
import { prepared } from '../db/statements';
import { GLOSSARY_MAX_NAME, GLOSSARY_MAX_NAMES } from '../../../core/content/schemas';
import { MAX_NAME_TERMS, phraseMatch, spanTokens, tokensOf, type QueryTerm } from './query';
import { stemKey } from './stem';
import { isStopWord } from '../../../core/text/stopwords';

/**
 * Query expansion through the domain glossary (glossary_entries): a query word or phrase that
 * names a glossary term is also searched as the term's other names, in both languages — churn
 * finds 离网 and attrition, 基站 finds base station. Rows may come from a publication, so every
 * value is read defensively: only strings of sensible length count, and a term expands into at
 * most MAX_ALTERNATIVES names.
 */

export const MAX_ALTERNATIVES = 24;
type Entry = { id: string; names: string[] };
type GlossaryIndex = { stamp: string; byKey: Map<string, Entry>; words: Set<string> };

const HAN_GAP = /(\p{Script=Han}) (?=\p{Script=Han})/gu;

/** The lookup key of a sequence of index tokens as written: word forms folded, Chinese characters joined. */
function fullKey(tokens: readonly string[]): string {
  return tokens.map(stemKey).join(' ').replace(HAN_GAP, '$1');
}

/**
 * The key of a name as a query that leaves out its stop words reaches it ("transition to
 * operations" typed as transition operations), or null when that would leave a single word: a
 * name's qualifier is often a stop word to the query (handle time, no network, 再训练), and the
 * word left alone (time, network, 训练) means something else. Such a name is found only as written:
 * the lookup sees the query's stop words (parseTerms' `typed`).
 */
function reducedKey(tokens: readonly string[]): string | null {
  const meaningful = tokens.filter((t) => !isStopWord(t));
  if (meaningful.length === tokens.length || meaningful.length < 2) return null;
  return fullKey(meaningful);
}

function strings(json: string): string[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  return value.filter((v): v is string => typeof v === 'string' && v.trim() !== '' && v.length <= GLOSSARY_MAX_NAME).slice(0, GLOSSARY_MAX_NAMES);
}

const cache = new WeakMap<Db, GlossaryIndex>();

/** The glossary by lookup key of each name, read again only when the table changed. */
function glossaryIndex(db: Db): GlossaryIndex {
  const stamp = String(prepared(db, "SELECT count(*) || '/' || ifnull(max(updated_at), '') FROM glossary_entries WHERE deleted = 0").pluck().get());
  const known = cache.get(db);
  if (known?.stamp === stamp) return known;
  const rows = prepared(db, 'SELECT id, terms_en, terms_zh, abbreviations FROM glossary_entries WHERE deleted = 0 ORDER BY id').all() as {
    id: string;
    terms_en: string;
    terms_zh: string;
    abbreviations: string;
  }[];
  const byKey = new Map<string, Entry>();
  const words = new Set<string>();
  const reduced: [string, Entry][] = [];
  for (const row of rows) {
    const entry: Entry = { id: row.id, names: [...strings(row.terms_en), ...strings(row.terms_zh), ...strings(row.abbreviations)] };
    for (const name of entry.names) {
      const tokens = tokensOf(name);
      for (const t of tokens) words.add(t);
      if (tokens.length === 0) continue;
      // The first entry keeps a name two entries share (the pack refuses that; a publication may not).
      const key = fullKey(tokens);
      if (!byKey.has(key)) byKey.set(key, entry);
      const short = reducedKey(tokens);
      if (short !== null) reduced.push([short, entry]);
    }
  }
  // A name as written wins over another name's shortened key.
  for (const [key, entry] of reduced) if (!byKey.has(key)) byKey.set(key, entry);
  const index = { stamp, byKey, words };
  cache.set(db, index);
  return index;
}

/** Whether a word is part of a glossary name: such a word is what the user meant, never a typo to correct. */
export function isGlossaryWord(db: Db, word: string): boolean {
  return glossaryIndex(db).words.has(word);
}

/** Whether index tokens, stop words and all, are a glossary name as written (parseTerms keeps such a name). */
export function glossaryNames(db: Db): (tokens: readonly string[]) => boolean {
  const { byKey } = glossaryIndex(db);
  return (tokens) => tokens.length > 0 && byKey.has(fullKey(tokens));
}

/**
 * For each term of the query as typed (stop words included: parseTerms' `typed`), the glossary
 * names it (alone or with its neighbours) also stands for, as FTS phrases; the longest run of
 * terms naming an entry wins. A run is looked up as written, then without its stop words
 * ("transition to the operations"). Quoted and excluded terms are not expanded.
 */
export function glossaryAlternatives(db: Db, typed: readonly QueryTerm[]): string[][] {
  const out = typed.map((): string[] => []);
  const index = glossaryIndex(db);
  if (index.byKey.size === 0) return out;
  // A word still being typed (a prefix) is looked up as typed: it is usually complete.
  const open = (t: QueryTerm | undefined): boolean => t !== undefined && !t.quoted && !t.exclude;
  let i = 0;
  while (i < typed.length) {
    let matched = 0;
    for (let length = Math.min(MAX_NAME_TERMS, typed.length - i); length >= 1 && matched === 0; length--) {
      const span = typed.slice(i, i + length);
      // A name parseTerms added repeats the words before it: it is looked up alone, never as
      // part of a longer run (with the next word it would be read twice, "how long" + "poc").
      if (!span.every(open) || (length > 1 && span.some((t) => t.name === true))) continue;
      const tokens = spanTokens(span);
      const meaningful = tokens.filter((t) => !isStopWord(t));
      const key = [fullKey(tokens), fullKey(meaningful)].find((k) => k !== '' && index.byKey.has(k));
      const entry = key === undefined ? undefined : index.byKey.get(key);
      if (key === undefined || !entry) continue;
      const alternatives = entry.names
        .map((name) => tokensOf(name))
        .filter((names) => names.length > 0 && fullKey(names) !== key)
        .map((names) => phraseMatch(names));
      const unique = [...new Set(alternatives)].slice(0, MAX_ALTERNATIVES);
      for (let k = i; k < i + length; k++) out[k] = unique;
      matched = length;
    }
    i += Math.max(1, matched);
  }
  return out;
}

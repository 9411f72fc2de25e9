import type { Statement } from 'better-sqlite3';
import { listed, type Lang } from '../../../core/i18n';
import { msg, type ApiMessage } from '../../../core/api/message';
import { SEARCH_KINDS, type KbArticleType, type SearchCorrection, type SearchHit, type SearchKind, type SearchResult } from '../../../core/kb/types';
import type { Db } from '../db/connection';
import { localDay } from '../../../core/dates';
import { stringArray } from '../repos/json';
import { mainlandWords, regionalWordsFor, toSimplified, toTraditional } from '../../../core/text/chinese-script';
import { display, parseTerms, phraseMatch, quote, tokensOf, type ParsedTerms, type QueryTerm } from './query';
import { correctionOf, documentFrequency, otherForms, wordsStartingWith } from './vocabulary';
import { glossaryAlternatives, glossaryNames, isGlossaryWord } from './glossary';
import { isStopWord } from '../../../core/text/stopwords';
import { ELLIPSIS, MARK_CLOSE, MARK_OPEN, toSnippetParts } from './snippet';
import { backlogSize } from './backlog';

export type KbSearchArgs = {
  query: string;
  /** Which kinds of documents to search; all of them when left out. */
  kinds?: SearchKind[] | undefined;
  scenario?: string | undefined;
  type?: KbArticleType | undefined;
  tags?: string[] | undefined;
  lang?: Lang | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
  /** Search the words as typed: no correction of words that match nothing. */
  asTyped?: boolean | undefined;
};

/*
 * What a search does (see parseTerms for how the query becomes terms):
 *
 * 1. Plan (planQuery): each term becomes alternatives — the words as typed (a prefix: the indexed
 *    words it starts), their other forms (stem key, search_words), for a Chinese word its
 *    characters side by side and longer compounds, a correction for a word that matches nothing,
 *    and the glossary's other names (glossary.ts, looked up on the query as typed, stop words
 *    included: "handle time" names average handling time, time alone does not). A name added
 *    for the words it spans (parseTerms) adds to the score only (requiredTerms). Exclusions become NOT.
 * 2. Candidates: matches of any term and matches of every term, each read newest first (rowid
 *    order costs FTS5 no scoring) and checked against the filters, until TOTAL_CAP are found or
 *    SCAN_BUDGET matches were read. The any-term matches give `total`, counted up to TOTAL_CAP.
 *    A query matching more than RANK_WINDOW documents ranks the newest and says so in `notices`;
 *    the every-term matches are added so a record with all the words is never crowded out.
 * 3. Rank (rankRecords): per record (an article's two languages together), how many terms it
 *    matches — the band — and how directly; inside a band, bm25 plus points per term in the title.
 *    When the records matching every term fill the page, only they are ranked.
 *
 * Costs kept down on a large index:
 * - bm25 needs each phrase's document frequency, which FTS5 finds by walking the phrase over the
 *   whole index once per statement: the score uses few phrases (scoredAlternatives) and runs once
 *   over all candidates, tested as `+rowid IN (...)` within their rowid range (SQLite checks that
 *   before computing bm25; one lookup per rowid would redo the set-up each time).
 * - Prefix terms are expanded here into the indexed words they stand for (through an fts5vocab
 *   table), keeping the most frequent ones; FTS5 would otherwise merge every such doclist again
 *   in each statement.
 * - Bands, forms and title points come from plain MATCH checks over the candidates' range, which
 *   compute no score.
 */
export const RANK_WINDOW = 500;
export const SCAN_BUDGET = 20_000;
export const MAX_EXPANSIONS = 32;
/** Expansions of all prefix terms of one query together (each costs bm25 a doclist scan). */
export const MAX_TOTAL_EXPANSIONS = 48;
/** Matching documents counted for `total` (as articles), at most; beyond it the UI says "500+". */
export const TOTAL_CAP = 500;

// Title, keys (tags, scenario names, id), body.
const BM25 = 'bm25(search_fts, 5.0, 2.5, 1.0)';
const SNIPPET_TOKENS = 24;
// The highest code point: every word with a prefix sorts between the prefix and prefix + this.
const MAX_CHAR = String.fromCodePoint(0x10ffff);

type Filter = { sql: string; params: string[] };
type Ranked = { rowid: number; kind: SearchKind; refId: string; lang: Lang; score: number };
type Marks = { title: string; body: string };
type ArticleMeta = { id: string; type: KbArticleType; scenarios: string; tags: string; review_date: string | null };
type RecordMeta = { id: string; engagementId: string | null; engagementTitle: string | null };

// Statements are cached per connection and SQL text. The filter clauses have few shapes (scenario
// or not, type or not, 0–20 tags), so the cache stays small.
const cache = new WeakMap<Db, Map<string, Statement>>();

// Rowid bounds given to FTS5 are written CAST(? AS INTEGER): better-sqlite3 binds JS numbers as
// REAL, and FTS5 silently ignores a rowid constraint whose value is not an INTEGER (it would scan,
// score — and for `rowid = ?`, return — every match).

function stmt(db: Db, sql: string): Statement {
  let byDb = cache.get(db);
  if (!byDb) {
    // Per connection, in temp: it only reads search_fts's own index.
    db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocab USING fts5vocab(main, 'search_fts', 'row')");
    byDb = new Map();
    cache.set(db, byDb);
  }
  let s = byDb.get(sql);
  if (!s) {
    s = db.prepare(sql);
    byDb.set(sql, s);
  }
  return s;
}

/**
 * How each kind of document is checked for still existing, as SQL over search_docs `d`. A deleted
 * record's index entry may outlive it where a database was assembled outside the write funnel:
 * notes and lessons are checked here; an article, whose lookup would cost every candidate a
 * kb_articles read, is checked on the page (a deleted one is left out there).
 */
const LIVE: Record<SearchKind, string> = {
  kb: "(d.kind = 'kb')",
  note: "(d.kind = 'note' AND EXISTS (SELECT 1 FROM field_notes n WHERE n.id = d.ref_id AND n.deleted = 0))",
  lesson: "(d.kind = 'lesson' AND EXISTS (SELECT 1 FROM lessons l WHERE l.id = d.ref_id AND l.deleted = 0))",
};

/** Each match's document: search_docs carries the article facets the filters test (type, scenarios, tags). */
const DOCS_JOIN = 'CROSS JOIN search_docs d ON d.rowid = m.rowid';

/** The kinds asked for, in a fixed order, without repeats. */
function kindsOf(args: KbSearchArgs): SearchKind[] {
  return SEARCH_KINDS.filter((k) => args.kinds === undefined || args.kinds.includes(k));
}

function hasArticleFilters(args: KbSearchArgs): boolean {
  return args.scenario !== undefined || args.type !== undefined || (args.tags ?? []).length > 0;
}

/**
 * The filters as SQL over search_docs `d`, with their parameters. Scenario, type and tags are
 * article facets, copied onto the article's index entries when they are written: with any of them
 * set, only articles can match.
 */
function documentFilter(args: KbSearchArgs): Filter {
  const kinds = kindsOf(args);
  const where = [kinds.length === 1 ? LIVE[kinds[0] ?? 'kb'] : `(${kinds.map((k) => LIVE[k]).join(' OR ')})`];
  const params: string[] = [];
  if (hasArticleFilters(args)) where.push("d.kind = 'kb'");
  // The cheap test first: SQLite checks these in order, and most rows fail the type.
  if (args.type !== undefined) {
    where.push('d.type = ?');
    params.push(args.type);
  }
  if (args.scenario !== undefined) {
    // An article that names no scenario applies to every scenario.
    where.push(`(d.scenarios = '[]' OR EXISTS (SELECT 1 FROM json_each(d.scenarios) WHERE value = ?))`);
    params.push(args.scenario);
  }
  for (const tag of new Set(args.tags ?? [])) {
    where.push('EXISTS (SELECT 1 FROM json_each(d.tags) WHERE value = ?)');
    params.push(tag);
  }
  return { sql: where.join(' AND '), params };
}

/** A term's alternatives as FTS5 phrases: the words as typed, their other forms, related words (the glossary). */
type PlannedTerm = { term: QueryTerm; exact: string[]; forms: string[]; related: string[]; scored: string[] };

/**
 * The terms a text must match to be found and to rank in the best band: all but names and
 * optional terms, which add to a text's score.
 * - A name parseTerms added for the words it spans ("give us data", "cut over", "how long"): the
 *   words themselves are terms already (or, for a question's words, say nothing), and the bands
 *   count words. The name ranks texts that spell it, or name the same thing another way (the
 *   glossary: data access, cutover), higher inside their band. As a band of its own it would
 *   either favour texts that happen to spell it over texts about the thing (spelled only), or lift
 *   every text holding a generic name above those holding the words (good practice → best practice).
 * - Optional terms (QueryTerm.optional): words that only say how much ("误报率高" is about 误报率),
 *   a how-to question's verb, the pair a measure's suffix makes (报率).
 * A query made only of such terms requires them all.
 */
function requiredTerms(terms: PlannedTerm[]): PlannedTerm[] {
  const required = terms.filter((t) => t.term.name !== true && t.term.optional !== true);
  return required.length > 0 ? required : terms;
}

/** What a query is searched as: its terms' alternatives, exclusions, and what was changed on the way. */
type Plan = {
  terms: PlannedTerm[];
  /** The terms a text must match (requiredTerms), worked out once. */
  required: PlannedTerm[];
  exclude: string[];
  corrections: SearchCorrection[];
  narrowed: string[];
  phrases: boolean;
};

const HAN = /\p{Script=Han}/u;
const LATIN_WORD = /^[\p{L}\p{N}]+$/u;
/** Words of a typed prefix that bm25 scores (all of them, up to MAX_EXPANSIONS, still match). */
const SCORED_PREFIX_WORDS = 8;
/** Other forms of one word searched at most (a Chinese word's longer compounds). */
const MAX_FORMS = 8;

/**
 * The indexed words a typed prefix stands for; at most `max`. Usually few words start with it:
 * they come from search_words, shortest first (the likeliest completions, and the ones scored).
 * When there are more, fts5vocab ranks them by how many documents hold them (it walks each word's
 * doclist to count, which costs more) and the most frequent are kept.
 */
function prefixWords(db: Db, prefix: string, max: number): { words: string[]; narrowed: boolean } {
  const known = wordsStartingWith(db, prefix, max + 1);
  if (known.length <= max) return { words: known.sort((a, b) => a.length - b.length || (a < b ? -1 : 1)), narrowed: false };
  const words = (stmt(db, 'SELECT term, doc FROM temp.search_vocab WHERE term >= ? AND term <= ?').all(prefix, prefix + MAX_CHAR) as { term: string; doc: number }[]).filter((w) =>
    w.term.startsWith(prefix),
  );
  const sorted = words.sort((a, b) => b.doc - a.doc);
  return { words: sorted.slice(0, max).map((w) => w.term), narrowed: words.length > max };
}

function isIndexed(db: Db, word: string): boolean {
  return stmt(db, 'SELECT 1 FROM search_words WHERE word = ?').get(word) !== undefined;
}

/**
 * A Chinese term in the other script (Traditional typed, Simplified written, or the other way
 * round) and in Taiwan's and Hong Kong's words, as the index holds it: the converted words
 * themselves, the word they make, or a word's characters side by side — only forms whose every
 * token is indexed, so a search in the script the texts are written in costs no extra phrase.
 */
function otherScript(db: Db, words: readonly string[]): string[] {
  const out: string[] = [];
  const add = (shapes: readonly (readonly string[])[]): void => {
    for (const shape of shapes) {
      const match = phraseMatch(shape);
      if (shape.every((w) => isIndexed(db, w)) && !out.includes(match)) out.push(match);
    }
  };
  for (const convert of [toSimplified, toTraditional]) {
    const converted = words.map(convert);
    const joined = converted.join('');
    if (!converted.every((w, i) => w === words[i])) add([converted, [joined], [...joined]]);
    // The query is read in the mainland's words; Taiwan's and Hong Kong's for the same thing
    // are searched too, in Traditional characters (数据 finds 資料).
    if (convert === toTraditional) for (const word of regionalWordsFor(joined)) add([[word], [...word]]);
  }
  return out;
}

/**
 * A quoted phrase with Chinese in it, in the other script: its text converted and cut into words
 * again as the indexer cuts text in that script (配電房巡視 is not cut like 配电房巡视). The words
 * stay exactly as quoted; only the script may differ. Only phrases whose words the index holds.
 */
function quotedInOtherScript(db: Db, term: QueryTerm): string[][] {
  const out: string[][] = [];
  const text = display({ ...term, exclude: false });
  for (const convert of [toSimplified, toTraditional]) {
    const converted = convert(text);
    if (converted === text) continue;
    const words = tokensOf(converted);
    if (words.join(' ') !== term.words.join(' ') && words.every((w) => isIndexed(db, w))) out.push(words);
  }
  return out;
}

/**
 * Works out what each term is searched as:
 * - a typed prefix: the indexed words it starts (the most frequent ones when there are many);
 * - a Latin word: itself and its other indexed forms (voiceprints, anonymised), or — when neither
 *   exists and corrections are allowed — the indexed word it most likely meant;
 * - a Chinese word: itself, its characters side by side, and longer indexed words it begins
 *   (the segmenter may split or join a word differently inside a sentence);
 * - a quoted phrase: exactly its words (in either Chinese script).
 */
function planQuery(db: Db, { terms, typed }: ParsedTerms, asTyped: boolean): Plan {
  const plan: Plan = { terms: [], required: [], exclude: [], corrections: [], narrowed: [], phrases: false };
  const prefixes = terms.filter((t) => t.prefix).length;
  const perTerm = Math.max(4, Math.min(MAX_EXPANSIONS, Math.floor(MAX_TOTAL_EXPANSIONS / Math.max(1, prefixes))));
  for (const term of terms) {
    const last = term.words.at(-1) ?? '';
    const head = term.words.slice(0, -1);
    const exact: string[] = [];
    const forms: string[] = [];
    if (term.prefix) {
      const found = prefixWords(db, last, perTerm);
      if (found.narrowed) plan.narrowed.push(display(term));
      exact.push(...found.words.map((w) => phraseMatch([...head, w])));
    } else {
      exact.push(phraseMatch(term.words));
    }
    const single = term.words.length === 1 && !term.quoted;
    if (single && !HAN.test(last) && LATIN_WORD.test(last)) {
      let word = last;
      const known = exact.length > (term.prefix ? 0 : 1) || isIndexed(db, word) || otherForms(db, word).length > 0;
      // The index itself has the last word on whether a word exists (search_words may miss one).
      // A glossary word matches through the glossary even when no text holds it (attrition).
      if (!known && !asTyped && !term.exclude && !isGlossaryWord(db, word) && documentFrequency(db, word) === 0) {
        const corrected = correctionOf(db, word);
        if (corrected !== null) {
          plan.corrections.push({ from: word, to: corrected });
          word = corrected;
          exact.length = 0;
          exact.push(phraseMatch([word]));
        }
      }
      if (!term.prefix || exact.length === 0) forms.push(...otherForms(db, word).map((w) => phraseMatch([w])));
      if (exact.length === 0) exact.push(phraseMatch([word]));
    } else if (single && HAN.test(last)) {
      // A Chinese word is also searched as the longer indexed words it begins (compounds).
      // Its characters side by side too: inside a sentence the segmenter may cut it (显示出处 as
      // 显示出 + 处), and single characters are how it indexed a word it does not know.
      const longer = wordsStartingWith(db, last, MAX_FORMS + 1);
      forms.push(...longer.filter((w) => w !== last).slice(0, MAX_FORMS).map((w) => phraseMatch([w])));
      if ([...last].length > 1) forms.push(phraseMatch([...last]));
    } else if (!term.quoted && term.words.every((w) => HAN.test(w))) {
      // Single characters in a row: also the word they make, should the index hold it whole.
      const joined = term.words.join('');
      if (isIndexed(db, joined)) forms.push(phraseMatch([joined]));
    }
    if (exact.length === 0) exact.push(phraseMatch(term.words));
    const han = !term.prefix && term.words.some((w) => HAN.test(w));
    const quotedScripts = han && term.quoted ? quotedInOtherScript(db, term) : [];
    const scripts = han && !term.quoted ? otherScript(db, term.words) : quotedScripts.map((words) => phraseMatch(words));
    forms.push(...scripts.filter((a) => !exact.includes(a) && !forms.includes(a)));
    if (term.words.length > 1 || exact.concat(forms).some((a) => a.includes(' + '))) plan.phrases = true;
    if (term.exclude) plan.exclude.push(...exact, ...forms);
    else {
      const scored = scoredAlternatives(db, term, exact, forms);
      // Typed in the script the texts are not written in: the other script's words are what to rank by.
      if (scripts.length > 0 && !term.words.every((w) => isIndexed(db, w))) {
        scored.push(...(term.quoted ? quotedScripts.map(wordsTogether) : scripts.filter((a) => !a.includes(' + '))));
      }
      plan.terms.push({ term, exact, forms, related: [], scored });
    }
  }
  // Looked up with corrections applied: "privcy masking" names the glossary's privacy masking.
  const corrected = new Map(plan.corrections.map((c) => [c.from, c.to]));
  const related = glossaryAlternatives(
    db,
    typed.map((t) => ({ ...t, words: t.words.map((w) => corrected.get(w) ?? w) })),
  );
  plan.terms.forEach((t) => {
    const own = new Set([...t.exact, ...t.forms]);
    // A name added for the words it spans (parseTerms) stands for its glossary entry like any
    // term; it is never required (requiredTerms), so its other names rank texts higher without
    // lifting every text holding one of them above the texts holding the words.
    t.related = (related[typed.indexOf(t.term)] ?? []).filter((a) => !own.has(a));
    // The glossary's names are scored only for a name (it counts for nothing else) and for a word
    // the index does not hold (then they are all there is to rank by); otherwise they count for
    // matching, the bands and the title (each scored name costs bm25 a scan of its doclist).
    const direct = [...t.exact, ...t.forms].some((a) => !a.includes(' + ') && isIndexed(db, a.slice(1, -1).replace(/""/g, '"')));
    if (!direct || t.term.name === true) t.scored.push(...t.related.filter((a) => !(a.includes(' + ') && HAN.test(a))));
    if (t.related.some((a) => a.includes(' + '))) plan.phrases = true;
  });
  plan.required = requiredTerms(plan.terms);
  return plan;
}

/**
 * The alternatives bm25 scores a term by. bm25 evaluates every phrase of its expression over the
 * whole index (for the phrase's document frequency), so a Chinese word's character phrases and
 * compounds, and the glossary's Chinese phrases, would cost a full scan each on every search:
 * they count for matching and for the term bands, while the score uses the word itself (or, for a
 * Chinese word the index never holds whole, its characters), a Latin word's other forms and the
 * glossary's other names (planQuery adds those).
 */
function scoredAlternatives(db: Db, term: QueryTerm, exact: readonly string[], forms: readonly string[]): string[] {
  const last = term.words.at(-1) ?? '';
  // A prefix is scored by its most frequent words only (they come first): each costs a doclist scan.
  if (term.prefix) return [...exact.slice(0, SCORED_PREFIX_WORDS), ...forms.filter((f) => !f.includes(' + '))];
  // A phrase (quoted, or a Chinese pair) is scored by its words: every candidate matches the
  // phrase already, and single words spare bm25 walking the words' positions over the index.
  if (term.words.length > 1) return [wordsTogether(term.words), ...forms.filter((f) => !f.includes(' + '))];
  if (term.quoted || !HAN.test(last)) return [...exact, ...forms.filter((f) => !f.includes(' + '))];
  return isIndexed(db, last) ? [...exact] : [wordsTogether([...last])];
}

/** Words that must all occur, anywhere in the text, as FTS5 syntax. */
function wordsTogether(words: readonly string[]): string {
  return words.length === 1 ? quote(words[0] ?? '') : `(${words.map(quote).join(' AND ')})`;
}

const anyOf = (alternatives: readonly string[]): string => (alternatives.length === 1 ? (alternatives[0] ?? '') : `(${alternatives.join(' OR ')})`);
const termExpr = (t: PlannedTerm): string => anyOf([...t.exact, ...t.forms, ...t.related]);

/** The plan as MATCH expressions: any term, every term, and (for ranking) any term without exclusions. */
function expressions(plan: Plan): { any: string; every: string; score: string; positive: string } {
  const not = plan.exclude.length > 0 ? ` NOT ${anyOf(plan.exclude)}` : '';
  const positive = plan.terms.map(termExpr).join(' OR ');
  const required = plan.required;
  const any = required.length === 1 ? `${termExpr(required[0] as PlannedTerm)}${not}` : `(${required.map(termExpr).join(' OR ')})${not}`;
  const every = `${required.map(termExpr).join(' AND ')}${not}`;
  const score = plan.terms.map((t) => anyOf(t.scored)).join(' OR ');
  return { any, every, score, positive };
}

type Found = { rowids: number[]; records: number; more: boolean };

/**
 * Up to `max` matches that pass the filters, newest first, reading at most SCAN_BUDGET matches;
 * how many records (articles, notes, lessons) they belong to, and whether there are more.
 */
function candidates(db: Db, match: string, filter: Filter, max: number): Found {
  const sql = `SELECT m.rowid, d.kind || ':' || d.ref_id FROM (SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid DESC LIMIT ${SCAN_BUDGET}) m
    ${DOCS_JOIN}
    WHERE ${filter.sql} LIMIT ?`;
  const rows = (stmt(db, sql).raw().all(match, ...filter.params, max + 1) as [number, string][]).sort((a, b) => b[0] - a[0]);
  const kept = rows.slice(0, max);
  return { rowids: kept.map((r) => r[0]), records: new Set(kept.map((r) => r[1])).size, more: rows.length > max };
}

/**
 * The best `max` documents that pass the filters, best first, among the matches of `expr` in the
 * rowid range of `rowids` (sorted newest first) — or only those listed in `only`.
 */
function rank(db: Db, expr: string, rowids: number[], only: number[] | null, filter: Filter, max: number): Ranked[] {
  if (rowids.length === 0) return [];
  const sql = `WITH top AS (
      SELECT rowid, ${BM25} AS score FROM search_fts
      WHERE search_fts MATCH ? AND rowid BETWEEN CAST(? AS INTEGER) AND CAST(? AS INTEGER) ${only === null ? '' : 'AND +rowid IN (SELECT value FROM json_each(?))'}
      ORDER BY score LIMIT ?)
    SELECT m.rowid AS rowid, d.kind AS kind, d.ref_id AS refId, d.lang AS lang, m.score AS score
    FROM top m ${DOCS_JOIN}
    WHERE ${filter.sql} ORDER BY m.score`;
  const low = rowids.at(-1) ?? 0;
  const high = rowids[0] ?? 0;
  const params: (string | number)[] = [expr, low, high];
  if (only !== null) params.push(JSON.stringify(only));
  return stmt(db, sql).all(...params, max, ...filter.params) as Ranked[];
}

const MARKS_COLUMNS = `highlight(search_fts, 0, '${MARK_OPEN}', '${MARK_CLOSE}') AS title,
  snippet(search_fts, 2, '${MARK_OPEN}', '${MARK_CLOSE}', '${ELLIPSIS}', ${SNIPPET_TOKENS}) AS body`;

/**
 * Highlighted title and body snippet of those of the given documents that match. One statement
 * for all reads every match in their rowid range; one per document seeks straight to it but sets
 * up the expression each time. Phrases are costly to check in every document, so they go one by one.
 */
function marks(db: Db, match: string, rowids: number[], oneByOne: boolean): Map<number, Marks> {
  const out = new Map<number, Marks>();
  if (rowids.length === 0) return out;
  if (oneByOne) {
    const one = stmt(db, `SELECT ${MARKS_COLUMNS} FROM search_fts WHERE search_fts MATCH ? AND rowid = CAST(? AS INTEGER)`);
    for (const rowid of rowids) {
      const row = one.get(match, rowid) as Marks | undefined;
      if (row) out.set(rowid, row);
    }
    return out;
  }
  const rows = stmt(
    db,
    `SELECT rowid, ${MARKS_COLUMNS} FROM search_fts
     WHERE search_fts MATCH ? AND rowid BETWEEN CAST(? AS INTEGER) AND CAST(? AS INTEGER) AND +rowid IN (SELECT value FROM json_each(?))`,
  ).all(match, Math.min(...rowids), Math.max(...rowids), JSON.stringify(rowids)) as ({ rowid: number } & Marks)[];
  for (const r of rows) out.set(r.rowid, { title: r.title, body: r.body });
  return out;
}

function clamp(n: number | undefined, fallback: number, min: number, max: number): number {
  return n === undefined || !Number.isFinite(n) ? fallback : Math.min(max, Math.max(min, Math.trunc(n)));
}

/** The engagement each of the given notes or lessons belongs to (read-only, for the hits). */
function recordMeta(db: Db, kind: 'note' | 'lesson', ids: string[]): Map<string, RecordMeta> {
  if (ids.length === 0) return new Map();
  const table = kind === 'note' ? 'field_notes' : 'lessons';
  const rows = stmt(
    db,
    `SELECT r.id AS id, e.id AS engagementId, e.title AS engagementTitle FROM ${table} r
     LEFT JOIN engagements e ON e.id = r.engagement_id AND e.deleted = 0
     WHERE r.id IN (SELECT value FROM json_each(?)) AND r.deleted = 0`,
  ).all(JSON.stringify(ids)) as RecordMeta[];
  return new Map(rows.map((r) => [r.id, r]));
}

/** The rowids among `rowids` (sorted newest first) that match `expr`. */
function matching(db: Db, expr: string, rowids: readonly number[]): Set<number> {
  if (rowids.length === 0) return new Set();
  const sql = `SELECT rowid FROM search_fts WHERE search_fts MATCH ? AND rowid BETWEEN CAST(? AS INTEGER) AND CAST(? AS INTEGER) AND +rowid IN (SELECT value FROM json_each(?))`;
  return new Set(stmt(db, sql).pluck().all(expr, rowids.at(-1) ?? 0, rowids[0] ?? 0, JSON.stringify(rowids)) as number[]);
}

/** How well a record matched one term: exactly as typed, through another form, through the glossary, or not at all. */
const EXACT = 1;
const OTHER_FORM = 0.85;
const RELATED = 0.7;
/** What each query term found in a record's title adds to its score (bm25 scores run about 0 to −30). */
const TITLE_POINTS = 10;

type Scored = { key: string; rows: Ranked[]; matched: number; quality: number; score: number };

/**
 * Ranks the candidates: records matching more terms first (all words > most words > some words),
 * bm25 inside each band, lowered when terms matched only through other forms or corrections.
 * A record's languages count together, so a query may match one word in its English text and
 * another in its Chinese text.
 */
function rankRecords(db: Db, plan: Plan, scoreExpr: string, candidates: readonly number[], filter: Filter): Scored[] {
  const rowids = [...candidates];
  // All candidates (at most twice TOTAL_CAP) in one statement: bm25's set-up — a scan of every
  // scored word's doclist — is paid once. Candidates passed the filters already; those matching
  // no scored alternative (only other forms, compounds or the glossary) score 0 inside their band.
  const scores = new Map(rank(db, scoreExpr, rowids, rowids, filter, rowids.length).map((r) => [r.rowid, r.score]));
  // bm25 saturates a term's frequency over all columns together, so a word in the title barely
  // outweighs the same word repeated in the body: each term found in the title adds points, as
  // separate field scores would (what people expect: the article named after the query first).
  const inTitle = plan.terms.map((t) => matching(db, `{title} : ${anyOf([...t.scored, ...t.related])}`, rowids));
  const titleHits = (rowid: number): number => inTitle.filter((set) => set.has(rowid)).length;
  const docs = stmt(db, 'SELECT rowid, kind, ref_id AS refId, lang FROM search_docs WHERE rowid IN (SELECT value FROM json_each(?))').all(JSON.stringify(rowids)) as Omit<Ranked, 'score'>[];
  const sets = plan.terms.map((t) => ({
    exact: matching(db, anyOf(t.exact), rowids),
    forms: t.forms.length > 0 ? matching(db, anyOf(t.forms), rowids) : new Set<number>(),
    related: t.related.length > 0 ? matching(db, anyOf(t.related), rowids) : new Set<number>(),
  }));
  const quality = (i: number, rowid: number): number => {
    const set = sets[i];
    if (!set) return 0;
    return set.exact.has(rowid) ? EXACT : set.forms.has(rowid) ? OTHER_FORM : set.related.has(rowid) ? RELATED : 0;
  };
  const byRecord = new Map<string, { rows: Ranked[]; terms: number[] }>();
  for (const d of docs) {
    const doc: Ranked = { ...d, score: (scores.get(d.rowid) ?? 0) - TITLE_POINTS * titleHits(d.rowid) };
    const key = `${doc.kind}:${doc.refId}`;
    const entry = byRecord.get(key) ?? { rows: [], terms: plan.terms.map(() => 0) };
    entry.rows.push(doc);
    entry.terms = entry.terms.map((q, i) => Math.max(q, quality(i, doc.rowid)));
    byRecord.set(key, entry);
  }
  const correctedTerms = new Set(plan.corrections.map((c) => c.from));
  const scored: Scored[] = [];
  // Terms that count for the bands and the quality (the others only add to the score).
  const required = new Set(plan.required);
  const counts = plan.terms.map((t) => required.has(t));
  const counted = (i: number): boolean => counts[i] === true;
  for (const [key, entry] of byRecord) {
    const matched = entry.terms.filter((q, i) => q > 0 && counted(i)).length;
    const quality = entry.terms.reduce((sum, q, i) => sum + (!counted(i) ? 0 : correctedTerms.has(plan.terms[i]?.term.words[0] ?? '') ? q * OTHER_FORM : q), 0) / Math.max(1, matched);
    const bm25 = entry.rows.reduce((sum, r) => sum + r.score, 0);
    scored.push({ key, rows: entry.rows, matched, quality, score: bm25 * quality });
  }
  return scored.sort((a, b) => b.matched - a.matched || a.score - b.score);
}

/** The ranked records but articles deleted since they were indexed (one read; see LIVE). */
function withoutDeletedArticles(db: Db, ranked: Scored[], upTo: number): Scored[] {
  // Only as far as the page reaches: such entries exist only where a database was assembled
  // outside the write funnel, so checking every candidate would cost every search for nothing.
  const ids = ranked.slice(0, upTo).flatMap((r) => (r.rows[0]?.kind === 'kb' ? [r.rows[0].refId] : []));
  if (ids.length === 0) return ranked;
  const live = new Set(stmt(db, 'SELECT id FROM kb_articles WHERE id IN (SELECT value FROM json_each(?)) AND deleted = 0').pluck().all(JSON.stringify(ids)) as string[]);
  return ranked.filter((r, i) => i >= upTo || r.rows[0]?.kind !== 'kb' || live.has(r.rows[0].refId));
}

/**
 * Full-text search of the knowledge base, field notes and lessons: ranked, filtered, one hit per
 * record (both languages of an article are one record), with highlights.
 */
export function searchKb(db: Db, args: KbSearchArgs): SearchResult {
  // Read as Simplified Chinese in the mainland's words, as the index is mostly written, so a query
  // typed in Traditional characters (or Taiwan's words) is cut into the same words; Traditional
  // text is found through each word's other-script form (otherScript). A "quoted phrase" keeps its
  // words as typed (its other-script form is searched too: quotedInOtherScript).
  const typed = args.query.split('"').map((part, i) => (i % 2 === 0 ? toSimplified(mainlandWords(part)) : part)).join('"');
  const found = searchTyped(db, args, typed);
  if (found.total > 0 || args.asTyped === true) return found;
  // Nothing at all: the segmenter may have cut the Chinese wrongly (数据大概要多少 as 数据 + 大 +
  // 概要 + 多少). Its character pairs are searched instead, and the result says so.
  const relaxed = chinesePairs(typed);
  if (relaxed === null) return found;
  const close = searchTyped(db, args, relaxed);
  return close.total === 0 ? found : { ...close, terms: found.terms, notices: [msg('notice.searchRelaxed'), ...close.notices] };
}

/**
 * The unquoted Chinese runs of a query as the overlapping character pairs of their pieces between
 * stop words (数据大概要多少: 数据 据大 大概 概要; 怎么 and 多少 say nothing), or null when the
 * query has no run of three or more characters to cut differently.
 */
function chinesePairs(query: string): string | null {
  let changed = false;
  const pairsOf = (piece: string): string[] => {
    const chars = [...piece];
    return chars.length < 2 ? [] : chars.slice(0, -1).map((c, k) => c + (chars[k + 1] ?? ''));
  };
  const out = query
    .split('"')
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(/\p{Script=Han}{3,}/gu, (run) => {
            changed = true;
            const pieces = tokensOf(run)
              .map((token) => (isStopWord(token) ? ' ' : token))
              .join('')
              .split(' ');
            return ` ${pieces.flatMap(pairsOf).join(' ')} `;
          }),
    )
    .join('"');
  return changed && HAN.test(out) ? out : null;
}

function searchTyped(db: Db, args: KbSearchArgs, typed: string): SearchResult {
  const limit = clamp(args.limit, 20, 1, 100);
  const offset = clamp(args.offset, 0, 0, 10_000);
  const parsed = parseTerms(typed, glossaryNames(db));
  const terms = parsed.terms.map(display);
  const indexing = backlogSize(db);
  const empty = (notice: ApiMessage | null): SearchResult => ({ hits: [], total: 0, totalCapped: false, terms, notices: notice === null ? [] : [notice], corrections: [], indexing });
  if (parsed.terms.length === 0) return empty(parsed.notice);
  stmt(db, 'SELECT 1'); // creates temp.search_vocab on this connection
  const plan = planQuery(db, parsed, args.asTyped === true);
  if (plan.terms.length === 0) return empty(msg('notice.searchOnlyExclusions'));
  const expr = expressions(plan);
  const filter = documentFilter(args);
  // Filtering on kinds or article facets lets only some matches through, like a filter parameter.
  const filtered = filter.params.length > 0 || kindsOf(args).length < SEARCH_KINDS.length;

  // Candidates: the newest matches of any required term, and — so that a record matching every
  // one is never crowded out by records matching one common word — the newest matches of all.
  const some = candidates(db, expr.any, filter, TOTAL_CAP);
  const several = plan.required.length > 1;
  const every = several ? candidates(db, expr.every, filter, TOTAL_CAP) : { rowids: [], records: 0, more: false };
  const all = [...new Set([...every.rowids, ...some.rowids])].sort((a, b) => b - a);
  const more = some.more;
  const broad = more || all.length > RANK_WINDOW;
  // Few candidates despite many matches: the filters let few through and the scan budget ran out.
  const budgetSpent =
    !more && filtered && stmt(db, 'SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?').get(expr.any, SCAN_BUDGET - 1) !== undefined;

  // Records matching every required term come first: when they fill the page asked for, the
  // records that match only some need no ranking (most of a query's cost when one of its words is common).
  const everyFills = several && every.records >= offset + limit;
  const ranked = withoutDeletedArticles(db, rankRecords(db, plan, expr.score, everyFills ? every.rowids : all, filter), offset + limit + 20);
  const page = ranked.slice(offset, offset + limit).map((r) => {
    // The record's text in the preferred language when that one matches, else its best match.
    const best = r.rows.reduce((a, b) => (b.score < a.score ? b : a));
    const doc = r.rows.find((row) => row.lang === args.lang) ?? best;
    return { doc, score: r.score };
  });

  const marked = marks(db, expr.positive, page.map((p) => p.doc.rowid), plan.phrases);
  const idsOf = (kind: SearchKind): string[] => page.filter((p) => p.doc.kind === kind).map((p) => p.doc.refId);
  const articles = new Map(
    (stmt(db, 'SELECT id, type, scenarios, tags, review_date FROM kb_articles WHERE id IN (SELECT value FROM json_each(?)) AND deleted = 0').all(JSON.stringify(idsOf('kb'))) as ArticleMeta[]).map((m) => [
      m.id,
      m,
    ]),
  );
  const owners = { note: recordMeta(db, 'note', idsOf('note')), lesson: recordMeta(db, 'lesson', idsOf('lesson')) };
  const todayIso = localDay();
  const hits: SearchHit[] = page.flatMap(({ doc, score }): SearchHit[] => {
    const mark = marked.get(doc.rowid);
    if (!mark) return [];
    const text = { id: doc.refId, lang: doc.lang, title: toSnippetParts(mark.title), snippet: toSnippetParts(mark.body), score };
    if (doc.kind === 'kb') {
      const m = articles.get(doc.refId);
      if (!m) return [];
      return [
        {
          kind: 'kb',
          ...text,
          type: m.type,
          scenarios: stringArray(m.scenarios),
          tags: stringArray(m.tags),
          pastReview: m.review_date !== null && m.review_date < todayIso,
        },
      ];
    }
    const owner = owners[doc.kind].get(doc.refId);
    if (!owner) return [];
    const engagement = owner.engagementId !== null && owner.engagementTitle !== null ? { id: owner.engagementId, title: owner.engagementTitle } : null;
    return [{ kind: doc.kind, ...text, engagement }];
  });

  const notices: ApiMessage[] = parsed.notice === null ? [] : [parsed.notice];
  if (plan.narrowed.length > 0) notices.push(msg('notice.searchPrefixNarrowed', { prefixes: listed(plan.narrowed.map((t) => `“${t}”`)) }));
  if (broad) notices.push(msg('notice.searchBroad', { count: RANK_WINDOW.toLocaleString('en') }));
  if (budgetSpent) notices.push(msg('notice.searchBudgetSpent', { count: SCAN_BUDGET.toLocaleString('en') }));
  if (args.kinds !== undefined && args.kinds.some((k) => k !== 'kb') && hasArticleFilters(args)) notices.push(msg('notice.searchFiltersArticlesOnly'));
  return {
    hits,
    total: everyFills ? Math.max(some.records, ranked.length) : ranked.length,
    totalCapped: more || budgetSpent,
    terms,
    notices,
    corrections: plan.corrections,
    indexing,
  };
}

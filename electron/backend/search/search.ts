import type { Lang } from '../../../core/i18n';
import type { KbArticleType, SearchHit, SearchResult } from '../../../core/kb/types';
import type { Db } from '../db/connection';
import type { Statement } from 'better-sqlite3';
import { stringArray, today } from '../repos/json';
import { parseQuery } from './query';
import { ELLIPSIS, MARK_CLOSE, MARK_OPEN, toSnippetParts } from './snippet';

export type KbSearchArgs = {
  query: string;
  scenario?: string | undefined;
  type?: KbArticleType | undefined;
  tags?: string[] | undefined;
  lang?: Lang | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
};

/** Matches counted for `total`, at most; beyond it the UI says "1000+". */
export const TOTAL_CAP = 1000;
/**
 * bm25 has to score every match before the top 20 are known. When even the rarest word of a query
 * occurs in a large share of the index (a word like "the" or 数据 in a telecom knowledge base),
 * ranking every match would make that query slow and its order would mean little, so only the
 * BROAD_CANDIDATES most recently indexed matches are ranked.
 */
export const BROAD_DOC_FREQUENCY = 10_000;
export const BROAD_CANDIDATES = 4_000;

const BM25 = 'bm25(search_fts, 5.0, 1.0)';

type Candidate = { rowid: number; ref_id: string; lang: Lang; score: number };
type ArticleMeta = { id: string; type: KbArticleType; scenarios: string; tags: string; review_date: string | null };

type Statements = {
  docFrequency: Statement;
  nthRowid: Statement;
  marks: Statement;
  meta: Statement;
};
const cache = new WeakMap<Db, Statements>();

function statements(db: Db): Statements {
  let s = cache.get(db);
  if (!s) {
    db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocab USING fts5vocab(main, 'search_fts', 'row')");
    s = {
      docFrequency: db.prepare('SELECT doc FROM temp.search_vocab WHERE term = ?'),
      nthRowid: db.prepare('SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?'),
      marks: db.prepare(
        `SELECT rowid, highlight(search_fts, 0, '${MARK_OPEN}', '${MARK_CLOSE}') AS title,
                snippet(search_fts, 1, '${MARK_OPEN}', '${MARK_CLOSE}', '${ELLIPSIS}', 24) AS body
         FROM search_fts WHERE search_fts MATCH ? AND rowid IN (SELECT value FROM json_each(?))`,
      ),
      meta: db.prepare('SELECT id, type, scenarios, tags, review_date FROM kb_articles WHERE id IN (SELECT value FROM json_each(?))'),
    };
    cache.set(db, s);
  }
  return s;
}

/** Filters on the article, as SQL over kb_articles aliased `a`, with their parameters. */
function articleFilter(args: KbSearchArgs): { sql: string; params: (string | number)[] } {
  const where = ['a.deleted = 0'];
  const params: (string | number)[] = [];
  if (args.scenario !== undefined) {
    where.push(`(a.scenarios = '[]' OR EXISTS (SELECT 1 FROM json_each(a.scenarios) WHERE value = ?))`);
    params.push(args.scenario);
  }
  if (args.type !== undefined) {
    where.push('a.type = ?');
    params.push(args.type);
  }
  for (const tag of args.tags ?? []) {
    where.push('EXISTS (SELECT 1 FROM json_each(a.tags) WHERE value = ?)');
    params.push(tag);
  }
  return { sql: where.join(' AND '), params };
}

/** The smallest document frequency among the query's exact words (prefix words are skipped). */
function rarestWordFrequency(db: Db, words: string[]): number | null {
  let min: number | null = null;
  for (const w of words) {
    const row = statements(db).docFrequency.get(w) as { doc: number } | undefined;
    const df = row?.doc ?? 0;
    min = min === null ? df : Math.min(min, df);
  }
  return min;
}

export function searchKb(db: Db, args: KbSearchArgs): SearchResult {
  const parsed = parseQuery(args.query);
  const limit = args.limit ?? 20;
  const offset = args.offset ?? 0;
  if (parsed.match === null) return { hits: [], total: 0, totalCapped: false, terms: [], notice: parsed.notice };
  const match = parsed.match;
  const s = statements(db);
  const filter = articleFilter(args);

  // Bounded ranking for queries whose every word is everywhere (see BROAD_DOC_FREQUENCY).
  let lowestRowid = 0;
  const exactWords = [...match.matchAll(/"((?:[^"]|"")*)"(?!\*)/g)].map((m) => (m[1] ?? '').replace(/""/g, '"'));
  const isPrefixOnly = exactWords.length === 0;
  const rarest = isPrefixOnly ? null : rarestWordFrequency(db, exactWords);
  if (rarest !== null && rarest > BROAD_DOC_FREQUENCY) {
    const row = s.nthRowid.get(match, BROAD_CANDIDATES - 1) as { rowid: number } | undefined;
    lowestRowid = row?.rowid ?? 0;
  }

  // Both languages of an article may match: fetch extra rows and keep one hit per article.
  const fetch = (offset + limit) * 2 + 2;
  const unfiltered = filter.params.length === 0;
  // Without filters the joins run only on the top rows; bm25 dominates the cost either way.
  const candidates = (
    unfiltered
      ? db.prepare(
          `WITH top AS (SELECT rowid, ${BM25} AS score FROM search_fts WHERE search_fts MATCH ? AND rowid >= ? ORDER BY score LIMIT ?)
           SELECT top.rowid AS rowid, d.ref_id AS ref_id, d.lang AS lang, top.score AS score
           FROM top JOIN search_docs d ON d.rowid = top.rowid AND d.kind = 'kb'
           JOIN kb_articles a ON a.id = d.ref_id AND a.deleted = 0
           ORDER BY top.score`,
        ).all(match, lowestRowid, fetch)
      : db
          .prepare(
            `SELECT f.rowid AS rowid, d.ref_id AS ref_id, d.lang AS lang, ${BM25} AS score
             FROM search_fts f JOIN search_docs d ON d.rowid = f.rowid AND d.kind = 'kb'
             JOIN kb_articles a ON a.id = d.ref_id
             WHERE search_fts MATCH ? AND f.rowid >= ? AND ${filter.sql}
             ORDER BY score LIMIT ?`,
          )
          .all(match, lowestRowid, ...filter.params, fetch)
  ) as Candidate[];

  const best = new Map<string, Candidate>();
  for (const c of candidates) {
    const seen = best.get(c.ref_id);
    if (!seen) best.set(c.ref_id, c);
    else if (args.lang !== undefined && seen.lang !== args.lang && c.lang === args.lang) best.set(c.ref_id, { ...c, score: seen.score });
  }
  const page = [...best.values()].slice(offset, offset + limit);

  const counted = db
    .prepare(
      `SELECT count(DISTINCT ref_id) AS n, count(*) AS docs FROM (
         SELECT d.ref_id FROM search_fts f JOIN search_docs d ON d.rowid = f.rowid AND d.kind = 'kb'
         JOIN kb_articles a ON a.id = d.ref_id
         WHERE search_fts MATCH ? AND ${filter.sql} LIMIT ?)`,
    )
    .get(match, ...filter.params, TOTAL_CAP * 2) as { n: number; docs: number };

  const marks = new Map(
    (s.marks.all(match, JSON.stringify(page.map((p) => p.rowid))) as { rowid: number; title: string; body: string }[]).map((m) => [m.rowid, m]),
  );
  const meta = new Map((s.meta.all(JSON.stringify(page.map((p) => p.ref_id))) as ArticleMeta[]).map((m) => [m.id, m]));
  const todayIso = today();
  const hits: SearchHit[] = page.flatMap((c) => {
    const m = meta.get(c.ref_id);
    const mark = marks.get(c.rowid);
    if (!m || !mark) return [];
    return [
      {
        kind: 'kb' as const,
        id: c.ref_id,
        lang: c.lang,
        title: toSnippetParts(mark.title),
        snippet: toSnippetParts(mark.body),
        type: m.type,
        scenarios: stringArray(m.scenarios),
        tags: stringArray(m.tags),
        pastReview: m.review_date !== null && m.review_date < todayIso,
        score: c.score,
      },
    ];
  });
  const notice =
    lowestRowid > 0
      ? [parsed.notice, 'Every word of this search appears in most articles; add a more specific word for better ranking.'].filter(Boolean).join(' ')
      : parsed.notice;
  return { hits, total: Math.min(counted.n, TOTAL_CAP), totalCapped: counted.docs >= TOTAL_CAP * 2 || counted.n > TOTAL_CAP, terms: parsed.terms, notice };
}

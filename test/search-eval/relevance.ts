import fs from 'node:fs';
import path from 'node:path';
import MiniSearch from 'minisearch';
import { parse } from 'yaml';
import type { Db } from '../../electron/backend/db/connection';
import { loadPack, type LoadedPack } from '../../electron/backend/content/load-pack';
import { importPack } from '../../electron/backend/content/import-pack';
import { searchKb } from '../../electron/backend/search/search';

/**
 * Relevance evaluation over the judged query set (queries.yaml) and the bundled pack: nDCG@10
 * (graded gains 2^grade − 1), MRR (first result of any grade), hit@5 and the zero-result rate, per
 * kind and overall, for Fieldbench's search and for MiniSearch configured as one would (fuzzy,
 * prefix, Chinese tokenised with Intl.Segmenter). Shared by `npm run eval:search` and the unit test.
 */

export type JudgedQuery = { q: string; kind: string; rel: Record<string, number> };
export type Figures = { queries: number; ndcg: number; mrr: number; hit5: number; zero: number };
export type Searcher = (query: string) => string[];

// npm scripts and vitest run from the repository root.
const ROOT = process.cwd();

export function judgedQueries(): JudgedQuery[] {
  const file = parse(fs.readFileSync(path.join(ROOT, 'test', 'search-eval', 'queries.yaml'), 'utf8')) as { queries: JudgedQuery[] };
  return file.queries;
}

export function bundledPack(): LoadedPack {
  return loadPack(path.join(ROOT, 'resources', 'content'));
}

/** Fieldbench's search over a database the bundled pack was imported into: article ids, best first. */
export function fieldbenchSearcher(db: Db, pack: LoadedPack): Searcher {
  importPack(db, pack, new Date('2026-12-01T00:00:00Z'));
  return (query) => searchKb(db, { query, kinds: ['kb'], limit: 10 }).hits.map((h) => h.id);
}

const HAN = /\p{Script=Han}/u;
const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });

/** Words for MiniSearch: Latin split on anything not a letter or digit, Chinese through Intl.Segmenter. */
function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const piece of text.split(/[^\p{L}\p{N}]+/u)) {
    if (piece === '') continue;
    if (!HAN.test(piece)) {
      out.push(piece);
      continue;
    }
    for (const s of segmenter.segment(piece)) if (s.isWordLike) out.push(s.segment);
  }
  return out;
}

/** MiniSearch as a developer would set it up: one document per article with both languages, fuzzy and prefix search. */
export function miniSearchSearcher(pack: LoadedPack): Searcher {
  const mini = new MiniSearch<{ id: string; title: string; tags: string; body: string }>({
    fields: ['title', 'tags', 'body'],
    tokenize,
    processTerm: (term) => term.toLowerCase(),
    searchOptions: { fuzzy: 0.2, prefix: true, boost: { title: 3, tags: 2 }, tokenize, processTerm: (term) => term.toLowerCase() },
  });
  mini.addAll(
    pack.articles.map((a) => ({
      id: a.id,
      title: `${a.title.en} ${a.title.zh}`,
      tags: a.tags.join(' '),
      body: `${a.summary.en} ${a.summary.zh} ${a.body.en.text} ${a.body.zh.text}`,
    })),
  );
  return (query) => mini.search(query).slice(0, 10).map((r) => String(r.id));
}

function dcg(grades: number[]): number {
  return grades.reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);
}

/** nDCG@10 of one query's result ids. */
export function queryNdcg(ids: readonly string[], q: JudgedQuery): number {
  const ideal = dcg(Object.values(q.rel).sort((a, b) => b - a).slice(0, 10));
  return ideal === 0 ? 0 : dcg(ids.slice(0, 10).map((id) => q.rel[id] ?? 0)) / ideal;
}

/** The figures of one searcher over the given queries. */
export function evaluate(search: Searcher, queries: readonly JudgedQuery[]): Figures & { zeroQueries: string[] } {
  let ndcg = 0;
  let mrr = 0;
  let hit5 = 0;
  const zeroQueries: string[] = [];
  for (const q of queries) {
    const ids = search(q.q).slice(0, 10);
    if (ids.length === 0) zeroQueries.push(q.q);
    const grades = ids.map((id) => q.rel[id] ?? 0);
    const ideal = dcg(Object.values(q.rel).sort((a, b) => b - a).slice(0, 10));
    ndcg += ideal === 0 ? 0 : dcg(grades) / ideal;
    const first = grades.findIndex((g) => g > 0);
    mrr += first === -1 ? 0 : 1 / (first + 1);
    if (grades.slice(0, 5).some((g) => g > 0)) hit5++;
  }
  const n = Math.max(1, queries.length);
  return { queries: queries.length, ndcg: ndcg / n, mrr: mrr / n, hit5: hit5 / n, zero: zeroQueries.length / n, zeroQueries };
}

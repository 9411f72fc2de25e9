import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestDb } from '../helpers/kb-db';
import { bundledPack, evaluate, fieldbenchSearcher, judgedQueries, type Searcher } from '../search-eval/relevance';

/**
 * The judged query set (test/search-eval/queries.yaml; `npm run eval:search` prints the figures):
 * every query that has a relevant article must find something, and the set must stay as broad as
 * the search issue asks. Relevance figures are printed by the eval script, not asserted here.
 */
let search: Searcher;
let cleanup: () => void;

beforeAll(async () => {
  const made = await makeTestDb();
  cleanup = made.cleanup;
  search = fieldbenchSearcher(made.db, bundledPack());
});
afterAll(() => cleanup());

describe('the judged query set', () => {
  const queries = judgedQueries();

  it('has at least 120 queries of every kind the issue names, judged against articles that exist', () => {
    expect(queries.length).toBeGreaterThanOrEqual(120);
    const kinds = new Set(queries.map((q) => q.kind));
    for (const kind of ['en-keywords', 'en-question', 'zh-keywords', 'zh-question', 'zh-mid-sentence', 'zh-traditional', 'mixed', 'typo', 'synonym', 'abbreviation', 'stemming', 'cross-language', 'prefix', 'identifier']) {
      expect(kinds, kind).toContain(kind);
    }
    const ids = new Set(bundledPack().articles.map((a) => a.id));
    for (const q of queries) for (const id of Object.keys(q.rel)) expect(ids.has(id), `${q.q}: ${id}`).toBe(true);
  });

  it('never returns nothing for a query that has a relevant article', () => {
    const { zeroQueries } = evaluate(search, queries.filter((q) => Object.keys(q.rel).length > 0));
    expect(zeroQueries).toEqual([]);
  });
});

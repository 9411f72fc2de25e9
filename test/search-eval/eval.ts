/**
 * npm run eval:search
 *
 * Relevance of Fieldbench's search on the judged query set (test/search-eval/queries.yaml) over
 * the bundled pack, per kind of query and overall, with MiniSearch side by side. Prints figures
 * and the targets of the search issue; asserts nothing (test/unit/search-eval.test.ts guards the
 * zero-result rule).
 */
import { makeTestDb } from '../helpers/kb-db';
import { bundledPack, evaluate, queryNdcg, fieldbenchSearcher, judgedQueries, miniSearchSearcher, type Figures, type JudgedQuery, type Searcher } from './relevance';

const TARGETS = { ndcg: 0.9, hit5: 0.95, zero: 0.02, lead: 0.05 };

async function main(): Promise<void> {
  const queries = judgedQueries();
  const pack = bundledPack();
  const { db, cleanup } = await makeTestDb();
  const searchers: [string, Searcher][] = [
    ['Fieldbench', fieldbenchSearcher(db, pack)],
    ['MiniSearch', miniSearchSearcher(pack)],
  ];

  const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;
  const row = (label: string, f: Figures): string =>
    `${label.padEnd(16)} ${String(f.queries).padStart(4)}  ${f.ndcg.toFixed(3).padStart(7)}  ${f.mrr.toFixed(3).padStart(6)}  ${pct(f.hit5).padStart(8)}  ${pct(f.zero).padStart(8)}`;

  const kinds = [...new Set(queries.map((q) => q.kind))];
  const overall = new Map<string, ReturnType<typeof evaluate>>();
  console.log(`Search relevance on ${queries.length} judged queries over the bundled pack (${pack.articles.length} articles), top 10`);
  for (const [name, search] of searchers) {
    console.log(`\n${name}\nkind              n    nDCG@10    MRR     hit@5     zero`);
    for (const kind of kinds) console.log(row(kind, evaluate(search, queries.filter((q: JudgedQuery) => q.kind === kind))));
    const all = evaluate(search, queries);
    overall.set(name, all);
    console.log(row('ALL', all));
    if (all.zeroQueries.length > 0) console.log(`queries with no result: ${all.zeroQueries.join(' | ')}`);
  }
  // --detail: the queries Fieldbench ranks worse than 0.8, with its first five results.
  if (process.argv.includes('--detail')) {
    const [, search] = searchers[0] ?? [];
    for (const q of queries) {
      const ids = search?.(q.q) ?? [];
      const score = queryNdcg(ids, q);
      if (score < 0.8) console.log(`${score.toFixed(2)}  ${q.kind.padEnd(15)} ${q.q}  →  ${ids.slice(0, 5).map((id) => `${id}${q.rel[id] ? `(${q.rel[id]})` : ''}`).join(', ')}`);
    }
  }
  const fb = overall.get('Fieldbench');
  const ms = overall.get('MiniSearch');
  if (fb && ms) {
    const verdict = (ok: boolean): string => (ok ? 'met' : 'MISSED');
    console.log(
      `\ntargets: nDCG@10 ≥ ${TARGETS.ndcg}: ${verdict(fb.ndcg >= TARGETS.ndcg)}; hit@5 ≥ ${pct(TARGETS.hit5)}: ${verdict(fb.hit5 >= TARGETS.hit5)}; ` +
        `zero results ≤ ${pct(TARGETS.zero)}: ${verdict(fb.zero <= TARGETS.zero)}; nDCG@10 ≥ MiniSearch + ${TARGETS.lead} (${ms.ndcg.toFixed(3)}): ${verdict(fb.ndcg >= ms.ndcg + TARGETS.lead)}`,
    );
  }
  cleanup();
}

void main();

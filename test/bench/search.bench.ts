/**
 * npm run bench:search [-- --size N]
 * Builds the real search index (migrations + upsertSearchDoc) over a synthetic bilingual corpus and
 * times ranked top-20 searches with snippets over a fixed mixed query set; then does the same with
 * MiniSearch, the library a developer would otherwise pick, at the largest size it manages.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import MiniSearch from 'minisearch';
import { openDatabase } from '../../electron/backend/db/connection';
import { migrate } from '../../electron/backend/db/migrate';
import { MIGRATIONS } from '../../electron/backend/db/migrations';
import { upsertSearchDoc } from '../../electron/backend/search/documents';
import { searchKb } from '../../electron/backend/search/search';
import { parseQuery } from '../../electron/backend/search/query';
import { segmentForIndex } from '../../core/text/segment';
import { generateCorpus, PHRASE_EN, EN_VOCAB } from './corpus';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const SIZE = Number(flag('--size') ?? 100_000);
const RUNS_PER_KIND = Number(flag('--runs') ?? 200);

/** The fixed mixed query set, by kind. */
const QUERIES: Record<string, string[]> = {
  rare: [EN_VOCAB[18_000]!, EN_VOCAB[16_500]!, EN_VOCAB[19_000]!],
  mid: [EN_VOCAB[600]!, EN_VOCAB[900]!, `${EN_VOCAB[300]!} ${EN_VOCAB[1200]!}`],
  prefix: ['monit', 'thresh', 'escal', 'retent'],
  phrase: [`"${PHRASE_EN}"`, '"work order"'],
  common: ['delivery', 'delivery network', '交付'],
  chinese: ['告警', '个人信息', '基站节能', '工单派单'],
  mixed: ['network 告警', 'fault 工单', 'alarm 基站'],
};

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function summarize(times: number[]): { p50: number; p95: number; max: number } {
  const s = [...times].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), max: s[s.length - 1] ?? 0 };
}

const fmt = (ms: number): string => `${ms.toFixed(2).padStart(8)} ms`;

function timeQueries(label: string, run: (q: string) => number): { all: number[]; byKind: Record<string, number[]> } {
  const byKind: Record<string, number[]> = {};
  const all: number[] = [];
  for (const [kind, queries] of Object.entries(QUERIES)) {
    for (const q of queries) for (let i = 0; i < 3; i++) run(q); // warm-up
    const times: number[] = [];
    for (let i = 0; i < RUNS_PER_KIND; i++) {
      const q = queries[i % queries.length]!;
      const t0 = performance.now();
      run(q);
      times.push(performance.now() - t0);
    }
    byKind[kind] = times;
    all.push(...times);
  }
  console.log(`\n${label}: latency of ranked top-20 with snippets (${RUNS_PER_KIND} runs per kind)`);
  console.log('kind        p50          p95          max     hits (first query)');
  for (const [kind, times] of Object.entries(byKind)) {
    const s = summarize(times);
    console.log(`${kind.padEnd(8)} ${fmt(s.p50)} ${fmt(s.p95)} ${fmt(s.max)}   ${run(QUERIES[kind]![0]!)}`);
  }
  const s = summarize(all);
  console.log(`${'ALL'.padEnd(8)} ${fmt(s.p50)} ${fmt(s.p95)} ${fmt(s.max)}`);
  return { all, byKind };
}

function benchSqlite(): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbench-bench-'));
  const file = path.join(dir, 'bench.db');
  try {
    const db = openDatabase(file);
    void migrate(db, MIGRATIONS, file);
    const now = new Date().toISOString();
    const insertArticle = db.prepare(
      `INSERT INTO kb_articles (id, version, type, scenarios, tags, author, origin, created_at, updated_at) VALUES (?, 1, ?, ?, '[]', 'bench', 'pack', ?, ?)`,
    );
    const insertText = db.prepare(`INSERT INTO kb_article_texts (article_id, lang, title, summary, body_json, body_text) VALUES (?, ?, ?, '', '{}', ?)`);
    console.log(`Fieldbench search (SQLite FTS5 + bm25), ${SIZE.toLocaleString('en')} articles`);
    const t0 = performance.now();
    // One transaction, the importer's write path (segmentation included).
    db.pragma('synchronous = OFF');
    db.transaction(() => {
      for (const a of generateCorpus(SIZE)) {
        insertArticle.run(a.id, a.type, JSON.stringify([a.scenario]), now, now);
        insertText.run(a.id, a.lang, a.title, a.body);
        upsertSearchDoc(db, { kind: 'kb', refId: a.id, lang: a.lang, title: a.title, body: a.body });
      }
    })();
    db.exec("INSERT INTO search_fts(search_fts) VALUES('optimize')");
    db.pragma('synchronous = FULL');
    const buildMs = performance.now() - t0;
    db.pragma('wal_checkpoint(TRUNCATE)');
    const size = fs.statSync(file).size;
    console.log(`index build: ${(buildMs / 1000).toFixed(1)} s (target ≤ 30 s), database size: ${(size / 1024 / 1024).toFixed(0)} MiB`);
    const result = timeQueries('Fieldbench', (q) => searchKb(db, { query: q, limit: 20 }).hits.length);
    const s = summarize(result.all);
    console.log(`targets at 100k over the mixed set: p95 ≤ 20 ms (${s.p95 <= 20 ? 'met' : 'MISSED'}), max ≤ 100 ms (${s.max <= 100 ? 'met' : 'MISSED'})`);
    db.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** MiniSearch over the same corpus, fed the same segmented text and the same query terms. */
function benchMiniSearch(size: number): void {
  const t0 = performance.now();
  const bodies: string[] = [];
  const mini = new MiniSearch<{ id: number; title: string; body: string }>({ fields: ['title', 'body'], idField: 'id' });
  let i = 0;
  for (const a of generateCorpus(size)) {
    const body = segmentForIndex(a.body);
    bodies.push(body);
    mini.add({ id: i++, title: segmentForIndex(a.title), body });
  }
  const buildMs = performance.now() - t0;
  const heap = process.memoryUsage().heapUsed;
  console.log(`\nMiniSearch 7, ${size.toLocaleString('en')} articles: build ${(buildMs / 1000).toFixed(1)} s, heap ${(heap / 1024 / 1024).toFixed(0)} MiB`);
  timeQueries('MiniSearch', (q) => {
    const parsed = parseQuery(q);
    if (!parsed.terms.length) return 0;
    const terms = parsed.terms.flatMap((t) => t.split(/\s+/));
    const hits = mini.search(terms.join(' '), { combineWith: 'AND', prefix: (_t, index, all) => index === all.length - 1, boost: { title: 5 } }).slice(0, 20);
    // A snippet the way an app would make one: the text around the first matched term.
    for (const h of hits) {
      const body = bodies[h.id as number] ?? '';
      const at = Math.max(0, body.indexOf(h.terms[0] ?? ''));
      void body.slice(Math.max(0, at - 60), at + 120);
    }
    return hits.length;
  });
}

const mode = flag('--minisearch');
if (mode !== undefined) {
  benchMiniSearch(Number(mode));
} else {
  benchSqlite();
  // MiniSearch runs in a child process per attempt: at large sizes it may run out of memory.
  for (const size of [SIZE, Math.floor(SIZE / 2), Math.floor(SIZE / 5)]) {
    const child = spawnSync(process.execPath, ['--max-old-space-size=16384', process.argv[1]!, '--minisearch', String(size), '--runs', String(RUNS_PER_KIND)], {
      stdio: 'inherit',
      timeout: 15 * 60_000,
    });
    if (child.status === 0) break;
    console.log(`MiniSearch did not complete at ${size.toLocaleString('en')} articles (${child.signal ?? `exit ${child.status}`}); trying a smaller corpus.`);
  }
}

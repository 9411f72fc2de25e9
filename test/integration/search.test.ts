import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/backend/db/connection';
import { MAX_EXPANSIONS, RANK_WINDOW, searchKb, TOTAL_CAP, type KbSearchArgs } from '../../electron/backend/search/search';
import { deleteSearchDocs, prepareSearchDocs, upsertPreparedSearchDocs, upsertSearchDoc, type SearchDoc } from '../../electron/backend/search/documents';
import { segmentInWorkers } from '../../electron/backend/search/segment-workers';
import { segmentForIndex } from '../../core/text/segment';
import { insertArticles, makeTestDb, type TestArticle } from '../helpers/kb-db';
import type { KbSearchHit, SearchHit } from '../../core/kb/types';
import { formatApiMessage, msg } from '../../core/api/message';

const ARTICLES: TestArticle[] = [
  {
    id: 'intent-method',
    type: 'method',
    scenarios: ['intelligent-customer-service'],
    tags: ['nlu', 'intent-design'],
    en: { title: 'Building an intent taxonomy from call logs', body: 'Cluster transcripts, then label a sample. Containment improves when intents are few.' },
    zh: { title: '基于通话日志构建意图体系', body: '先对通话转写进行聚类，再抽样标注。意图数量少时自助解决率更高。' },
  },
  {
    id: 'containment-kpi',
    type: 'reference',
    scenarios: ['intelligent-customer-service'],
    tags: ['kpi'],
    en: { title: 'Containment KPI definitions', body: 'Containment rate counts sessions resolved without an agent. Intent coverage matters too.' },
  },
  {
    id: 'energy-sleep',
    type: 'method',
    scenarios: ['base-station-energy-saving'],
    tags: ['energy', 'kpi'],
    reviewDate: '2020-01-01',
    en: { title: 'Cell sleep strategy', body: 'Shut down capacity carriers at night when traffic is low; guard coverage KPI targets.' },
    zh: { title: '小区休眠策略', body: '夜间业务量低时关闭容量层载波，同时守住覆盖类KPI指标。基站节能需要评估网络负载。' },
  },
  {
    id: 'pi-export',
    type: 'compliance',
    scenarios: [],
    tags: ['pipl', 'data-export'],
    en: { title: 'Personal information export rules', body: 'Transfers of personal information abroad need a security assessment or a standard contract.' },
    zh: { title: '个人信息出境规则', body: '向境外提供个人信息需要通过安全评估或订立标准合同。' },
  },
  { id: 'gone', deleted: true, en: { title: 'Intent taxonomy (deleted)', body: 'intent intent intent 聚类' } },
];

let db: Db;
let cleanup: () => void;

beforeAll(async () => {
  ({ db, cleanup } = await makeTestDb());
  insertArticles(db, ARTICLES);
});
afterAll(() => cleanup());

const ids = (query: string, extra: Omit<KbSearchArgs, 'query'> = {}): string[] => searchKb(db, { query, ...extra }).hits.map((h) => h.id);
const hitText = (parts: { text: string; hit: boolean }[] | undefined): string[] => (parts ?? []).filter((p) => p.hit).map((p) => p.text);
const plain = (parts: { text: string }[] | undefined): string => (parts ?? []).map((p) => p.text).join('');
function articleHit(hit: SearchHit | undefined): KbSearchHit {
  if (hit?.kind !== 'kb') throw new Error(`expected an article hit, got ${JSON.stringify(hit)}`);
  return hit;
}

describe('knowledge-base search', () => {
  it('ranks a title match above a body match, best score first', () => {
    const result = searchKb(db, { query: 'intent ' });
    expect(result.hits.map((h) => h.id)).toEqual(['intent-method', 'containment-kpi']);
    const scores = result.hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    expect(result.total).toBe(2);
    expect(result.totalCapped).toBe(false);
    expect(result.terms).toEqual(['intent']);
  });

  it('excludes deleted articles', () => {
    expect(ids('taxonomy ')).toEqual(['intent-method']);
    expect(ids('聚类')).toEqual(['intent-method']);
  });

  it('matches prefixes while typing and with an explicit *', () => {
    expect(ids('taxon')).toEqual(['intent-method']);
    expect(ids('contain').sort()).toEqual(['containment-kpi', 'intent-method']);
    expect(ids('contain* ').sort()).toEqual(['containment-kpi', 'intent-method']);
    // Typed and finished: a whole word and its other forms (containment shares contain's stem).
    expect(ids('contain ').sort()).toEqual(['containment-kpi', 'intent-method']);
    expect(ids('taxon ')).toEqual([]);
    // One or two letters are not expanded.
    expect(ids('ta')).toEqual([]);
    expect(ids('zzzq')).toEqual([]);
  });

  it('matches phrases only when the words are adjacent, also while the phrase is being typed', () => {
    expect(ids('"standard contract"')).toEqual(['pi-export']);
    expect(ids('"contract standard"')).toEqual([]);
    expect(ids('"standard contr')).toEqual(['pi-export']);
  });

  it('finds a Chinese word in the middle of a sentence', () => {
    expect(ids('节能')).toEqual(['energy-sleep']);
    expect(ids('安全评估')[0]).toBe('pi-export');
    expect(ids('聚类 ')).toEqual(['intent-method']);
    const hit = searchKb(db, { query: '网络负载' }).hits[0];
    expect(hit?.id).toBe('energy-sleep');
    expect(hit?.lang).toBe('zh');
    expect(hitText(hit?.snippet).join('')).toBe('网络负载');
    expect(plain(hit?.snippet)).toContain('基站节能需要评估网络负载');
  });

  it('handles mixed Chinese and English queries', () => {
    expect(ids('KPI 覆盖')[0]).toBe('energy-sleep');
    expect(searchKb(db, { query: 'KPI 覆盖' }).hits[0]?.lang).toBe('zh');
    expect(ids('意图 日志')).toEqual(['intent-method']);
    // The words are in the same article but in different languages: the article is one match unit.
    expect(ids('night 夜间')[0]).toBe('energy-sleep');
    expect(ids('carriers traffic')).toEqual(['energy-sleep']);
  });

  it('returns one hit per article, in the requested language when both match', () => {
    expect(searchKb(db, { query: 'KPI ', lang: 'zh' }).hits.find((h) => h.id === 'energy-sleep')?.lang).toBe('zh');
    expect(searchKb(db, { query: 'KPI ', lang: 'en' }).hits.find((h) => h.id === 'energy-sleep')?.lang).toBe('en');
    const any = searchKb(db, { query: 'KPI ' });
    expect(any.hits.map((h) => h.id).sort()).toEqual(['containment-kpi', 'energy-sleep']);
    expect(any.total).toBe(2);
    // Only the Chinese text has 夜间: a preferred English text that does not match is not shown.
    expect(searchKb(db, { query: '夜间', lang: 'en' }).hits.map((h) => [h.id, h.lang])).toEqual([['energy-sleep', 'zh']]);
  });

  it('filters by scenario (articles for every scenario included), type and tags', () => {
    expect(ids('personal', { scenario: 'video-analytics' })).toEqual(['pi-export']);
    expect(ids('personal', { scenario: 'base-station-energy-saving' })).toEqual(['pi-export']);
    expect(ids('strategy', { scenario: 'intelligent-customer-service' })).toEqual([]);
    expect(ids('strategy', { scenario: 'base-station-energy-saving' })).toEqual(['energy-sleep']);
    expect(ids('intent', { type: 'reference' })).toEqual(['containment-kpi']);
    expect(ids('intent', { tags: ['nlu', 'intent-design'] })).toEqual(['intent-method']);
    expect(ids('intent', { tags: ['nlu', 'kpi'] })).toEqual([]);
    expect(ids('KPI ', { tags: ['kpi'], type: 'method' })).toEqual(['energy-sleep']);
    const filtered = searchKb(db, { query: 'intent', type: 'reference' });
    expect(filtered.total).toBe(1);
  });

  it('highlights titles and snippets with structured parts', () => {
    const hit = searchKb(db, { query: 'cell sleep' }).hits[0];
    expect(hit?.title).toEqual([
      { text: 'Cell', hit: true },
      { text: ' ', hit: false },
      { text: 'sleep', hit: true },
      { text: ' strategy', hit: false },
    ]);
    expect(hit?.kind).toBe('kb');
    const article = articleHit(hit);
    expect(article.pastReview).toBe(true);
    expect(article.type).toBe('method');
    expect(article.scenarios).toEqual(['base-station-energy-saving']);
    expect(article.tags).toEqual(['energy', 'kpi']);

    const zh = searchKb(db, { query: '休眠' }).hits[0];
    expect(zh?.title).toEqual([
      { text: '小区', hit: false },
      { text: '休眠', hit: true },
      { text: '策略', hit: false },
    ]);
    const prefix = searchKb(db, { query: 'transcr' }).hits[0];
    expect(hitText(prefix?.snippet)).toEqual(['transcripts']);
    expect(articleHit(searchKb(db, { query: 'personal ' }).hits[0]).pastReview).toBe(false);
  });

  it.each([
    '"NEAR( -x:* )',
    'intent NEAR/2 call',
    'NEAR(intent call)',
    'title:intent',
    '{title}: intent',
    '(intent OR call) AND NOT x',
    'intent AND',
    'OR',
    '***',
    '^intent',
    '"unbalanced',
    '-',
    ':',
    '+',
    '""""',
    "'; DROP TABLE kb_articles; --",
    'a'.repeat(2000),
    '\u0000\uE000\uE001',
    '人'.repeat(500),
    '"'.repeat(999),
    'intent '.repeat(300),
  ])('never throws on hostile input %j', (query) => {
    const result = searchKb(db, { query });
    expect(Array.isArray(result.hits)).toBe(true);
    expect(result.hits.length).toBeLessThanOrEqual(20);
    expect(result.total).toBeGreaterThanOrEqual(result.hits.length);
    expect(result.hits.map((h) => h.id)).not.toContain('gone');
  });

  it('treats FTS syntax as words and punctuation', () => {
    // OR is a word (a stop word); a word that matches nothing never empties the result.
    expect(ids('intent OR nonexistentword ')).toEqual(['intent-method', 'containment-kpi']);
    expect(ids('(taxonomy)')).toEqual(['intent-method']);
    expect(ids('^taxonomy* ')).toEqual(['intent-method']);
    expect(ids('intent '.repeat(300))).toEqual(['intent-method', 'containment-kpi']);
    // A repeated word counts once; many different words are cut at 32.
    expect(searchKb(db, { query: 'intent '.repeat(40) }).notices).toEqual([]);
    const many = searchKb(db, { query: Array.from({ length: 40 }, (_, i) => `intent${i}`).join(' ') }).notices;
    expect(many.map((n) => formatApiMessage(n, 'en'))).toEqual(['Only the first 32 search terms were used; ignored: intent32, intent33, intent34, intent35, intent36 and 3 more.']);
    expect(formatApiMessage(many[0]!, 'zh')).toBe('只使用了前 32 个搜索词，忽略了：intent32、intent33、intent34、intent35、intent36 等另外 3 个。');
    expect(db.prepare('SELECT count(*) FROM kb_articles').pluck().get()).toBe(5);
  });

  it('returns nothing for an empty query and pages through results', () => {
    expect(searchKb(db, { query: '   ' })).toEqual({ hits: [], total: 0, totalCapped: false, terms: [], notices: [], corrections: [], indexing: 0 });
    expect(searchKb(db, { query: '*** ---' }).hits).toEqual([]);
    const first = searchKb(db, { query: 'intent', limit: 1 });
    expect(first.hits.map((h) => h.id)).toEqual(['intent-method']);
    expect(first.total).toBe(2);
    expect(searchKb(db, { query: 'intent', limit: 1, offset: 1 }).hits.map((h) => h.id)).toEqual(['containment-kpi']);
    expect(searchKb(db, { query: 'intent', limit: 1, offset: 2 }).hits).toEqual([]);
  });

  it('never shows markers that were part of the indexed text as highlights', () => {
    upsertSearchDoc(db, { kind: 'kb', refId: 'pi-export', lang: 'en', title: 'Personal \uE000information\uE001 export rules', keys: '', body: 'Transfers abroad need a standard contract.' });
    const hit = searchKb(db, { query: 'export ' }).hits[0];
    expect(hit?.id).toBe('pi-export');
    expect(hitText(hit?.title)).toEqual(['export']);
    expect(plain(hit?.title)).toBe('Personal information export rules');
  });

  it('forgets removed documents', () => {
    deleteSearchDocs(db, 'kb', 'containment-kpi');
    expect(ids('containment')).toEqual(['intent-method']);
  });
});

describe('search on a large match set', () => {
  let big: Db;
  let bigCleanup: () => void;
  const total = TOTAL_CAP + 200;

  beforeAll(async () => {
    ({ db: big, cleanup: bigCleanup } = await makeTestDb());
    const articles: TestArticle[] = [];
    for (let i = 0; i < total; i++) {
      const word = `zeta${String(i % (MAX_EXPANSIONS + 8)).padStart(2, '0')}`;
      articles.push({
        id: `a${String(i).padStart(5, '0')}`,
        type: i % 2 === 0 ? 'method' : 'lesson',
        scenarios: i % 3 === 0 ? [] : ['network-fault-prediction'],
        en: { title: i % 100 === 0 ? `Rollout checklist ${i}` : `Note ${i}`, body: `Common delivery text with ${word}. ${i % 50 === 0 ? 'Rollout rare.' : ''}` },
      });
    }
    insertArticles(big, articles);
  });
  afterAll(() => bigCleanup());

  it('ranks only the newest matches of a word that is everywhere, and says so', () => {
    const result = searchKb(big, { query: 'delivery ' });
    expect(result.hits).toHaveLength(20);
    expect(result.totalCapped).toBe(true);
    expect(result.total).toBe(TOTAL_CAP);
    expect(result.notices.map((n) => formatApiMessage(n, 'en')).join(' ')).toContain(`More than ${RANK_WINDOW} documents match`);
    expect(result.notices.map((n) => formatApiMessage(n, 'zh')).join(' ')).toContain(`匹配的文档超过 ${RANK_WINDOW} 篇`);
    // The newest documents are the candidates.
    for (const h of result.hits) expect(Number(h.id.slice(1))).toBeGreaterThanOrEqual(total - RANK_WINDOW);
  });

  it('pages through the counted matches of a broad query without repeating articles', () => {
    const seen = new Set<string>();
    for (let offset = 0; offset < TOTAL_CAP; offset += 100) {
      const page = searchKb(big, { query: 'delivery ', limit: 100, offset });
      expect(page.hits).toHaveLength(Math.min(100, TOTAL_CAP - offset));
      for (const h of page.hits) {
        expect(seen.has(h.id)).toBe(false);
        seen.add(h.id);
      }
    }
    expect(seen.size).toBe(TOTAL_CAP);
    expect(searchKb(big, { query: 'delivery ', limit: 100, offset: TOTAL_CAP }).hits).toEqual([]);
  });

  it('ranks records matching every word first, even the oldest, when one word is everywhere', () => {
    const result = searchKb(big, { query: 'delivery rollout ', limit: 100 });
    const both = Math.ceil(total / 50);
    // Every article with both words comes before any with one, title matches first, the oldest included.
    expect(result.hits.slice(0, both).every((h) => Number(h.id.slice(1)) % 50 === 0)).toBe(true);
    expect(result.hits.slice(0, Math.ceil(total / 100)).every((h) => h.title.some((p) => p.hit))).toBe(true);
    expect(result.hits.slice(0, both).map((h) => h.id)).toContain('a00000');
    expect(Number(result.hits[both]?.id.slice(1)) % 50).not.toBe(0);
  });

  it('expands a prefix to its most frequent words and says when it left some out', () => {
    const result = searchKb(big, { query: 'zeta' });
    expect(result.hits.length).toBeGreaterThan(0);
    expect(result.notices.map((n) => n.key)).toContain('notice.searchPrefixNarrowed');
    expect(searchKb(big, { query: 'zeta0' }).notices).toEqual([]);
    expect(searchKb(big, { query: 'zeta0' }).total).toBe([...Array(total).keys()].filter((i) => i % (MAX_EXPANSIONS + 8) < 10).length);
  });

  it('applies filters before choosing the candidates', () => {
    const result = searchKb(big, { query: 'delivery ', type: 'lesson', scenario: 'network-fault-prediction' });
    expect(result.hits).toHaveLength(20);
    expect(result.hits.map(articleHit).every((h) => h.type === 'lesson' && (h.scenarios.length === 0 || h.scenarios.includes('network-fault-prediction')))).toBe(true);
    const all = searchKb(big, { query: 'rollout ', scenario: 'base-station-energy-saving' });
    // Only the articles for every scenario (i % 3 === 0) remain.
    expect(all.hits.map((h) => Number(h.id.slice(1)) % 3)).toEqual(all.hits.map(() => 0));
    expect(all.total).toBe([...Array(total).keys()].filter((i) => i % 50 === 0 && i % 3 === 0).length);
  });
});

describe('field notes and lessons in search results', () => {
  let fx: Db;
  let fxCleanup: () => void;
  const at = '2026-11-02T00:00:00.000Z';

  function addNote(id: string, engagementId: string | null, title: string, body: string, lang: 'en' | 'zh' = 'en'): void {
    fx.prepare(`INSERT INTO field_notes (id, engagement_id, title, body_json, body_text, created_at, updated_at) VALUES (?, ?, ?, '{}', ?, ?, ?)`).run(id, engagementId, title, body, at, at);
    upsertSearchDoc(fx, { kind: 'note', refId: id, lang, title, keys: '', body });
  }
  function addLesson(id: string, engagementId: string | null, title: string, body: string, lang: 'en' | 'zh' = 'en'): void {
    fx.prepare(`INSERT INTO lessons (id, engagement_id, title, problem, status, created_at, updated_at) VALUES (?, ?, ?, ?, 'draft', ?, ?)`).run(id, engagementId, title, body, at, at);
    upsertSearchDoc(fx, { kind: 'lesson', refId: id, lang, title, keys: '', body });
  }
  const found = (query: string, extra: Omit<KbSearchArgs, 'query'> = {}): string[] => searchKb(fx, { query, ...extra }).hits.map((h) => `${h.kind}:${h.id}`);

  beforeAll(async () => {
    ({ db: fx, cleanup: fxCleanup } = await makeTestDb());
    insertArticles(fx, [
      { id: 'squelch-guide', en: { title: 'Alarm squelch guide', body: 'How to squelch flapping alarms before training a fault model.' } },
      { id: 'pilot-kpi', zh: { title: '试点指标', body: '试点阶段的告警压缩率指标。' } },
    ]);
    fx.prepare(`INSERT INTO customers (id, name, kind, created_at, updated_at) VALUES ('c1', 'Province Mobile', 'operator-branch', ?, ?)`).run(at, at);
    fx.prepare(`INSERT INTO engagements (id, customer_id, title, stage, created_at, updated_at) VALUES ('e1', 'c1', 'Fault prediction POC', 'poc', ?, ?)`).run(at, at);
    addNote('n1', 'e1', 'Site visit: alarm squelch', 'The NOC squelches flapping alarms by hand every night.');
    addNote('n2', null, '机房巡检记录', '现场发现告警压缩规则缺失，需要补充。', 'zh');
    addLesson('l1', 'e1', 'Squelch rules before model training', 'Unfiltered flapping alarms doubled the false positives.');
    addLesson('l2', null, '告警压缩要先做', '没有压缩规则时误报翻倍。', 'zh');
  });
  afterAll(() => fxCleanup());

  it('finds articles, notes and lessons together, each with its kind', () => {
    expect(found('squelch ').sort()).toEqual(['kb:squelch-guide', 'lesson:l1', 'note:n1']);
    expect(found('告警压缩').sort()).toEqual(['kb:pilot-kpi', 'lesson:l2', 'note:n2']);
    expect(searchKb(fx, { query: 'squelch ' }).total).toBe(3);
  });

  it('gives a note or lesson hit its highlighted title, snippet and engagement instead of article metadata', () => {
    const note = searchKb(fx, { query: 'night ', kinds: ['note'] }).hits[0];
    expect(note).toMatchObject({ kind: 'note', id: 'n1', lang: 'en', engagement: { id: 'e1', title: 'Fault prediction POC' } });
    expect(hitText(note?.snippet)).toEqual(['night']);
    expect(note).not.toHaveProperty('type');
    const lesson = searchKb(fx, { query: '误报', kinds: ['lesson'] }).hits[0];
    expect(lesson).toMatchObject({ kind: 'lesson', id: 'l2', lang: 'zh', engagement: null });
    expect(plain(lesson?.title)).toBe('告警压缩要先做');
    expect(hitText(lesson?.snippet).join('')).toBe('误报');
  });

  it('filters by kind', () => {
    expect(found('squelch ', { kinds: ['kb'] })).toEqual(['kb:squelch-guide']);
    expect(found('squelch ', { kinds: ['note', 'lesson'] }).sort()).toEqual(['lesson:l1', 'note:n1']);
    expect(found('告警压缩', { kinds: ['lesson'] })).toEqual(['lesson:l2']);
    expect(searchKb(fx, { query: 'squelch ', kinds: ['lesson'] }).total).toBe(1);
  });

  it('leaves notes and lessons out when an article filter is set, and says so when they were asked for', () => {
    expect(found('squelch ', { type: 'method' })).toEqual(['kb:squelch-guide']);
    expect(searchKb(fx, { query: 'squelch ', type: 'method' }).notices).toEqual([]);
    const asked = searchKb(fx, { query: 'squelch ', type: 'method', kinds: ['kb', 'note'] });
    expect(asked.hits.map((h) => h.id)).toEqual(['squelch-guide']);
    expect(asked.notices).toEqual([msg('notice.searchFiltersArticlesOnly')]);
  });

  it('never shows deleted notes or lessons, whether or not their index entry was removed', () => {
    addNote('n3', 'e1', 'Temporary note', 'walkthrough of the squelch console');
    addLesson('l3', null, 'Temporary lesson', 'squelch console walkthrough');
    expect(found('walkthrough ').sort()).toEqual(['lesson:l3', 'note:n3']);
    // Marked deleted, index entry still there: filtered out.
    fx.prepare('UPDATE field_notes SET deleted = 1 WHERE id = ?').run('n3');
    expect(found('walkthrough ')).toEqual(['lesson:l3']);
    // Index entry removed.
    deleteSearchDocs(fx, 'lesson', 'l3');
    expect(found('walkthrough ')).toEqual([]);
    expect(searchKb(fx, { query: 'walkthrough ' }).total).toBe(0);
  });

  it('does not show a deleted engagement as the owner', () => {
    fx.prepare(`INSERT INTO engagements (id, customer_id, title, stage, created_at, updated_at, deleted) VALUES ('e2', 'c1', 'Closed and removed', 'closed', ?, ?, 1)`).run(at, at);
    addNote('n4', 'e2', 'Orphaned observation', 'handover checklist gaps');
    expect(searchKb(fx, { query: 'handover ' }).hits).toMatchObject([{ kind: 'note', id: 'n4', engagement: null }]);
  });
});

describe('bulk indexing with segmentation in worker threads', () => {
  it('writes the same index entries as upsertSearchDoc, in one transaction', async () => {
    const docs: SearchDoc[] = [];
    for (let i = 0; i < 450; i++) {
      const zh = i % 3 === 0;
      docs.push({
        kind: i % 5 === 0 ? 'note' : 'kb',
        refId: `d${i}`,
        lang: zh ? 'zh' : 'en',
        title: zh ? `第${i}号基站节能方案` : `Plan ${i} for \uE000cell\uE001 sleep`,
        keys: i % 7 === 0 ? `tag-${i}\n节能` : '',
        body: zh ? `夜间业务量低时关闭容量层载波，KPI指标${i}。个人信息需要脱敏。` : `Shut down carriers at night (${i}).`,
      });
    }
    const one = await makeTestDb();
    const bulk = await makeTestDb();
    try {
      one.db.transaction(() => docs.forEach((d) => upsertSearchDoc(one.db, d)))();
      // One document already indexed: the bulk path replaces its entry like upsertSearchDoc.
      upsertSearchDoc(bulk.db, { ...docs[1]!, body: 'stale text' });
      const prepared = prepareSearchDocs(docs);
      bulk.db.exec('BEGIN');
      await upsertPreparedSearchDocs(bulk.db, prepared);
      bulk.db.exec('COMMIT');
      const entries = (db: Db): unknown[] =>
        db.prepare('SELECT d.kind, d.ref_id, d.lang, f.title, f.body FROM search_docs d JOIN search_fts f ON f.rowid = d.rowid ORDER BY d.kind, d.ref_id').all();
      const expected = entries(one.db);
      expect(expected).toHaveLength(450);
      expect(entries(bulk.db)).toEqual(expected);
    } finally {
      one.cleanup();
      bulk.cleanup();
    }
  });

  it('segments exactly as the calling thread does', async () => {
    const texts = ['基站节能需要评估网络负载', '第3季度', '5G基站 and KPI 覆盖率', 'plain English only', '人', ''];
    const batches = segmentInWorkers(texts.map((t) => ({ title: t, body: `${t}。${t}` })), 2);
    const out = (await Promise.all(batches)).flat();
    expect(out).toEqual(texts.map((t) => ({ title: segmentForIndex(t), body: segmentForIndex(`${t}。${t}`) })));
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/backend/db/connection';
import { searchKb } from '../../electron/backend/search/search';
import { deleteSearchDocs } from '../../electron/backend/search/documents';
import { insertArticles, makeTestDb } from '../helpers/kb-db';

let db: Db;
let cleanup: () => void;

beforeAll(async () => {
  ({ db, cleanup } = await makeTestDb());
  insertArticles(db, [
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
      tags: ['energy'],
      reviewDate: '2020-01-01',
      en: { title: 'Cell sleep strategy', body: 'Shut down capacity carriers at night when traffic is low; guard coverage KPIs.' },
      zh: { title: '小区休眠策略', body: '夜间业务量低时关闭容量层载波，同时守住覆盖类指标。基站节能需要评估网络负载。' },
    },
    {
      id: 'pi-export',
      type: 'compliance',
      scenarios: [],
      tags: ['pipl', 'data-export'],
      en: { title: 'Personal information export rules', body: 'Transfers of personal information abroad need a security assessment or a standard contract.' },
      zh: { title: '个人信息出境规则', body: '向境外提供个人信息需要通过安全评估或订立标准合同。' },
    },
    { id: 'gone', deleted: true, en: { title: 'Intent taxonomy (deleted)', body: 'intent intent intent' } },
  ]);
});
afterAll(() => cleanup());

const ids = (query: string, extra: Partial<Parameters<typeof searchKb>[1]> = {}) => searchKb(db, { query, ...extra }).hits.map((h) => h.id);

describe('knowledge-base search', () => {
  it('ranks a title match above a body match and excludes deleted articles', () => {
    expect(ids('intent ')).toEqual(['intent-method', 'containment-kpi']);
  });

  it('matches prefixes while typing', () => {
    expect(ids('taxon')).toEqual(['intent-method']);
    expect(ids('contain')).toContain('containment-kpi');
  });

  it('matches phrases only when the words are adjacent', () => {
    expect(ids('"standard contract"')).toEqual(['pi-export']);
    expect(ids('"contract standard"')).toEqual([]);
  });

  it('finds a Chinese word in the middle of a sentence', () => {
    expect(ids('节能')).toEqual(['energy-sleep']);
    expect(ids('安全评估')).toEqual(['pi-export']);
    expect(ids('聚类')).toEqual(['intent-method']);
    const hit = searchKb(db, { query: '网络负载' }).hits[0];
    expect(hit?.lang).toBe('zh');
    expect(hit?.snippet.filter((p) => p.hit).map((p) => p.text).join('')).toBe('网络负载');
    expect(hit?.snippet.map((p) => p.text).join('')).toContain('基站节能需要评估网络负载');
  });

  it('handles mixed Chinese and English queries', () => {
    expect(ids('KPI 覆盖')).toEqual([]); // no single article has both in one language
    expect(ids('意图 日志')).toEqual(['intent-method']);
    expect(ids('night 夜间')).toEqual([]);
    expect(ids('carriers traffic')).toEqual(['energy-sleep']);
  });

  it('returns one hit per article, in the requested language when both match', () => {
    const zh = searchKb(db, { query: 'intent 意图', lang: 'zh' });
    expect(zh.hits.map((h) => h.id)).toEqual([]);
    const both = searchKb(db, { query: 'taxonomy' });
    expect(both.hits).toHaveLength(1);
  });

  it('filters by scenario (articles for every scenario included), type and tags', () => {
    expect(ids('personal', { scenario: 'video-analytics' })).toEqual(['pi-export']);
    expect(ids('strategy', { scenario: 'intelligent-customer-service' })).toEqual([]);
    expect(ids('intent', { type: 'reference' })).toEqual(['containment-kpi']);
    expect(ids('intent', { tags: ['nlu', 'intent-design'] })).toEqual(['intent-method']);
    expect(ids('intent', { tags: ['nlu', 'kpi'] })).toEqual([]);
  });

  it('highlights titles and snippets with structured parts', () => {
    const hit = searchKb(db, { query: 'cell sleep' }).hits[0];
    expect(hit?.title).toEqual([
      { text: 'Cell', hit: true },
      { text: ' ', hit: false },
      { text: 'sleep', hit: true },
      { text: ' strategy', hit: false },
    ]);
    expect(hit?.pastReview).toBe(true);
  });

  it.each([
    '"NEAR( -x:* )',
    'intent NEAR/2 call',
    'title:intent',
    '(intent OR call) AND NOT x',
    '***',
    '^intent',
    '"unbalanced',
    '-',
    ':',
    '""""',
    'a'.repeat(2000),
    '\u0000\uE000\uE001',
    '人'.repeat(500),
  ])('never throws on hostile input %j', (query) => {
    const result = searchKb(db, { query });
    expect(Array.isArray(result.hits)).toBe(true);
  });

  it('treats FTS syntax as words', () => {
    expect(ids('intent OR nonexistentword')).toEqual([]);
    expect(ids('(taxonomy)')).toEqual(['intent-method']);
  });

  it('returns nothing for an empty query and counts totals', () => {
    expect(searchKb(db, { query: '   ' })).toEqual({ hits: [], total: 0, totalCapped: false, terms: [], notice: null });
    const result = searchKb(db, { query: 'intent', limit: 1 });
    expect(result.hits).toHaveLength(1);
    expect(result.total).toBe(2);
    expect(searchKb(db, { query: 'intent', limit: 1, offset: 1 }).hits.map((h) => h.id)).toEqual(['containment-kpi']);
  });

  it('forgets removed documents', () => {
    deleteSearchDocs(db, 'kb', 'containment-kpi');
    expect(ids('containment')).toEqual(['intent-method']);
  });
});

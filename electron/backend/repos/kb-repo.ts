import type { Lang, Localized } from '../../../core/i18n';
import type { KbArticle, KbArticleSummary, KbArticleType, KbFacets, Origin } from '../../../core/kb/types';
import type { Db } from '../db/connection';
import { localDay } from '../../../core/dates';
import { stringArray } from './json';

/** Knowledge-base reads. The only place with SQL about kb_articles besides the importer. */

type ArticleRow = {
  id: string;
  version: number;
  type: KbArticleType;
  scenarios: string;
  tags: string;
  related: string;
  author: string;
  review_date: string | null;
  origin: Origin;
  updated_at: string;
  title_en: string | null;
  title_zh: string | null;
  summary_en: string | null;
  summary_zh: string | null;
};

const SUMMARY_COLUMNS = `
  a.id, a.version, a.type, a.scenarios, a.tags, a.related, a.author, a.review_date, a.origin, a.updated_at,
  en.title AS title_en, zh.title AS title_zh, en.summary AS summary_en, zh.summary AS summary_zh
  FROM kb_articles a
  LEFT JOIN kb_article_texts en ON en.article_id = a.id AND en.lang = 'en'
  LEFT JOIN kb_article_texts zh ON zh.article_id = a.id AND zh.lang = 'zh'`;

function localized(en: string | null, zh: string | null): Localized {
  return { en: en ?? '', zh: zh ?? '' };
}

function toSummary(row: ArticleRow, todayIso: string): KbArticleSummary {
  return {
    id: row.id,
    type: row.type,
    scenarios: stringArray(row.scenarios),
    tags: stringArray(row.tags),
    title: localized(row.title_en, row.title_zh),
    summary: localized(row.summary_en, row.summary_zh),
    reviewDate: row.review_date,
    pastReview: row.review_date !== null && row.review_date < todayIso,
    origin: row.origin,
    updatedAt: row.updated_at,
  };
}

export type ListFilter = {
  scenario?: string | undefined;
  type?: KbArticleType | undefined;
  tags?: string[] | undefined;
  sort?: 'title' | 'updated' | 'review' | undefined;
  lang?: Lang | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
};

export function listArticles(db: Db, filter: ListFilter): { items: KbArticleSummary[]; total: number } {
  const where: string[] = ['a.deleted = 0'];
  const params: (string | number)[] = [];
  if (filter.scenario !== undefined) {
    // An article with no scenarios applies to every scenario.
    where.push(`(a.scenarios = '[]' OR EXISTS (SELECT 1 FROM json_each(a.scenarios) WHERE value = ?))`);
    params.push(filter.scenario);
  }
  if (filter.type !== undefined) {
    where.push('a.type = ?');
    params.push(filter.type);
  }
  for (const tag of filter.tags ?? []) {
    where.push('EXISTS (SELECT 1 FROM json_each(a.tags) WHERE value = ?)');
    params.push(tag);
  }
  const titleColumn = filter.lang === 'zh' ? 'coalesce(zh.title, en.title)' : 'coalesce(en.title, zh.title)';
  const order =
    filter.sort === 'updated'
      ? 'a.updated_at DESC, a.id'
      : filter.sort === 'review'
        ? 'a.review_date IS NULL, a.review_date, a.id'
        : `${titleColumn} COLLATE NOCASE, a.id`;
  const whereSql = where.join(' AND ');
  const total = (db.prepare(`SELECT count(*) AS n FROM kb_articles a WHERE ${whereSql}`).get(...params) as { n: number }).n;
  const rows = db
    .prepare(`SELECT ${SUMMARY_COLUMNS} WHERE ${whereSql} ORDER BY ${order} LIMIT ? OFFSET ?`)
    .all(...params, filter.limit ?? 200, filter.offset ?? 0) as ArticleRow[];
  const t = localDay();
  return { items: rows.map((r) => toSummary(r, t)), total };
}

export function getArticleSummaries(db: Db, ids: readonly string[]): KbArticleSummary[] {
  if (ids.length === 0) return [];
  const rows = db
    .prepare(`SELECT ${SUMMARY_COLUMNS} WHERE a.deleted = 0 AND a.id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as ArticleRow[];
  const t = localDay();
  const byId = new Map(rows.map((r) => [r.id, toSummary(r, t)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export function getArticle(db: Db, id: string): KbArticle | null {
  const row = db.prepare(`SELECT ${SUMMARY_COLUMNS} WHERE a.deleted = 0 AND a.id = ?`).get(id) as ArticleRow | undefined;
  if (!row) return null;
  const bodies = db.prepare('SELECT lang, body_json FROM kb_article_texts WHERE article_id = ?').all(id) as { lang: Lang; body_json: string }[];
  const body: KbArticle['body'] = { en: null, zh: null };
  for (const b of bodies) body[b.lang] = b.body_json;
  return { ...toSummary(row, localDay()), version: row.version, author: row.author, body };
}

export function articleFacets(db: Db): KbFacets {
  const scenarios = db
    .prepare(
      `SELECT s.value AS id, count(*) AS count FROM kb_articles a, json_each(a.scenarios) s
       WHERE a.deleted = 0 GROUP BY s.value ORDER BY count DESC, s.value`,
    )
    .all() as { id: string; count: number }[];
  const types = db
    .prepare('SELECT type, count(*) AS count FROM kb_articles WHERE deleted = 0 GROUP BY type ORDER BY count DESC, type')
    .all() as { type: KbArticleType; count: number }[];
  const tags = db
    .prepare(
      `SELECT t.value AS tag, count(*) AS count FROM kb_articles a, json_each(a.tags) t
       WHERE a.deleted = 0 GROUP BY t.value ORDER BY count DESC, t.value`,
    )
    .all() as { tag: string; count: number }[];
  return { scenarios, types, tags };
}

/**
 * Related articles: the declared `related` links first, then the others ranked by shared tags
 * (weight 2) and shared scenarios (weight 1). Cheap at knowledge-base sizes (hundreds to a few
 * thousand articles) and explainable, which matters more here than a learned similarity.
 */
export function relatedArticles(db: Db, id: string, limit: number): KbArticleSummary[] | null {
  const row = db.prepare('SELECT scenarios, tags, related FROM kb_articles WHERE id = ? AND deleted = 0').get(id) as
    | { scenarios: string; tags: string; related: string }
    | undefined;
  if (!row) return null;
  const declared = stringArray(row.related).filter((r) => r !== id);
  const scored = db
    .prepare(
      `SELECT a.id,
         2 * (SELECT count(*) FROM json_each(a.tags) t WHERE t.value IN (SELECT value FROM json_each(?)))
         + (SELECT count(*) FROM json_each(a.scenarios) s WHERE s.value IN (SELECT value FROM json_each(?))) AS score
       FROM kb_articles a
       WHERE a.deleted = 0 AND a.id <> ?
       ORDER BY score DESC, a.updated_at DESC, a.id
       LIMIT ?`,
    )
    .all(row.tags, row.scenarios, id, limit + declared.length) as { id: string; score: number }[];
  const ids = [...declared];
  for (const s of scored) if (s.score > 0 && !ids.includes(s.id)) ids.push(s.id);
  return getArticleSummaries(db, ids.slice(0, limit));
}

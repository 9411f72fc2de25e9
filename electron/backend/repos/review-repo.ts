import {
  OPEN_SUBMISSION_STATUSES,
  REVIEW_ARTICLES_MAX,
  REVIEW_LIST_MAX,
  SUBMISSION_STATUSES,
  type ReviewArticle,
  type Submission,
  type SubmissionContent,
  type SubmissionFile,
  type SubmissionFilter,
  type SubmissionKind,
  type SubmissionList,
  type SubmissionStatus,
  type SubmissionSummary,
} from '../../../core/review/types';
import type { KbArticleType } from '../../../core/kb/types';
import { excerptOf } from '../../../core/notes/types';
import { commit, update, upsert } from '../db/changes';
import type { Db } from '../db/connection';

/** Submissions for review (a synced table in the author's review space). */

type SubmissionRow = {
  id: string;
  author_id: string;
  author_name: string;
  kind: SubmissionKind;
  source_id: string;
  title: string;
  content: string;
  content_text: string;
  scenarios: string;
  submitted_at: string;
  status: SubmissionStatus;
  review_note: string;
  reviewed_by: string;
  reviewed_at: string | null;
  article_id: string | null;
  article_withdrawn: number;
};

/** A submission's columns, and whether the article it was published as has been withdrawn (a tombstone here). */
const SUBMISSION = `SELECT *, EXISTS (SELECT 1 FROM kb_articles a WHERE a.id = submissions.article_id AND a.deleted = 1) AS article_withdrawn FROM submissions`;

/** The tags in a submission's content (checked for shape when it arrived by sync; any other value reads as none). */
function tagsOf(content: string): string[] {
  try {
    const tags = (JSON.parse(content) as { tags?: unknown }).tags;
    return Array.isArray(tags) ? tags.filter((tag): tag is string => typeof tag === 'string') : [];
  } catch {
    return [];
  }
}

function toSummary(r: SubmissionRow, me: string | null): SubmissionSummary {
  return {
    id: r.id,
    kind: r.kind,
    sourceId: r.source_id,
    title: r.title,
    authorName: r.author_name,
    excerpt: excerptOf(r.content_text),
    scenarios: JSON.parse(r.scenarios) as string[],
    tags: tagsOf(r.content),
    status: r.status,
    submittedAt: r.submitted_at,
    reviewNote: r.review_note,
    reviewedBy: r.reviewed_by,
    reviewedAt: r.reviewed_at,
    articleId: r.article_id,
    articleWithdrawn: Number(r.article_withdrawn) === 1,
    mine: me !== null && r.author_id === me,
  };
}

export function submissionId(kind: SubmissionKind, sourceId: string): string {
  return `${kind}-${sourceId}`;
}

export function getSubmission(db: Db, id: string, me: string | null): Submission | null {
  const r = db.prepare(`${SUBMISSION} WHERE id = ? AND deleted = 0`).get(id) as SubmissionRow | undefined;
  if (!r) return null;
  return { ...toSummary(r, me), content: JSON.parse(r.content) as SubmissionContent, text: r.content_text };
}

/** The submissions an article was published from, oldest first. */
export function submissionsOfArticle(db: Db, articleId: string, me: string | null): SubmissionSummary[] {
  const rows = db.prepare(`${SUBMISSION} WHERE article_id = ? AND deleted = 0 ORDER BY submitted_at, id`).all(articleId) as SubmissionRow[];
  return rows.map((r) => toSummary(r, me));
}

export function submissionForSource(db: Db, sourceId: string, me: string | null): SubmissionSummary | null {
  const r = db.prepare(`${SUBMISSION} WHERE source_id = ? AND deleted = 0 ORDER BY submitted_at DESC LIMIT 1`).get(sourceId) as SubmissionRow | undefined;
  return r ? toSummary(r, me) : null;
}

/** LIKE's own characters in user text, escaped (with ESCAPE '\\'), so "50%" finds "50%". */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The open statuses as an SQL list, for `status IN (…)` (constants, never user text). */
const OPEN_IN = OPEN_SUBMISSION_STATUSES.map((s) => `'${s}'`).join(', ');

export function listSubmissions(db: Db, filter: { status?: SubmissionFilter | undefined; query?: string | undefined }, me: string | null): SubmissionList {
  const searched: { sql: string; params: string[] } = { sql: 'deleted = 0', params: [] };
  const query = filter.query?.trim() ?? '';
  if (query !== '') {
    searched.sql += " AND (title LIKE ? ESCAPE '\\' OR author_name LIKE ? ESCAPE '\\')";
    searched.params.push(likePattern(query), likePattern(query));
  }
  const where = { ...searched, params: [...searched.params] };
  const status = filter.status ?? 'all';
  if (status === 'open') where.sql += ` AND status IN (${OPEN_IN})`;
  else if (status !== 'all') {
    where.sql += ' AND status = ?';
    where.params.push(status);
  }
  const rows = db.prepare(`${SUBMISSION} WHERE ${where.sql} ORDER BY submitted_at DESC, id LIMIT ?`).all(...where.params, REVIEW_LIST_MAX) as SubmissionRow[];
  const total = (db.prepare(`SELECT count(*) AS n FROM submissions WHERE ${where.sql}`).get(...where.params) as { n: number }).n;
  const counts = Object.fromEntries(SUBMISSION_STATUSES.map((s) => [s, 0])) as Record<SubmissionStatus, number>;
  for (const r of db.prepare(`SELECT status, count(*) AS n FROM submissions WHERE ${searched.sql} GROUP BY status`).all(...searched.params) as { status: SubmissionStatus; n: number }[]) {
    if (r.status in counts) counts[r.status] = r.n;
  }
  return { items: rows.map((r) => toSummary(r, me)), total, counts };
}

/** How many submissions are open (submitted or in review), and how many of `me`'s were returned. */
export function countAttention(db: Db, me: string): { open: number; returned: number } {
  return db
    .prepare(
      `SELECT count(*) FILTER (WHERE status IN (${OPEN_IN})) AS open,
              count(*) FILTER (WHERE status = 'returned' AND author_id = ?) AS returned
       FROM submissions WHERE deleted = 0`,
    )
    .get(me) as { open: number; returned: number };
}

/** Live articles that submissions were published or merged into, most recently changed first, whose title (in either language) contains `query`. */
export function articlesFromReview(db: Db, query: string): ReviewArticle[] {
  const rows = db
    .prepare(
      `SELECT a.id, a.version, a.type, a.scenarios, a.tags, a.updated_at, count(*) AS sources
       FROM kb_articles a JOIN submissions s ON s.article_id = a.id AND s.deleted = 0
       WHERE a.deleted = 0 AND (? = '' OR EXISTS (SELECT 1 FROM kb_article_texts t WHERE t.article_id = a.id AND t.title LIKE ? ESCAPE '\\'))
       GROUP BY a.id ORDER BY a.updated_at DESC, a.id LIMIT ?`,
    )
    .all(query, likePattern(query), REVIEW_ARTICLES_MAX) as { id: string; version: number; type: KbArticleType; scenarios: string; tags: string; updated_at: string; sources: number }[];
  const texts = db.prepare('SELECT lang, title, summary FROM kb_article_texts WHERE article_id = ? ORDER BY lang');
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    type: r.type,
    scenarios: JSON.parse(r.scenarios) as string[],
    tags: JSON.parse(r.tags) as string[],
    sources: r.sources,
    updatedAt: r.updated_at,
    texts: texts.all(r.id) as ReviewArticle['texts'],
  }));
}

export type NewSubmission = {
  id: string;
  authorId: string;
  authorName: string;
  kind: SubmissionKind;
  sourceId: string;
  title: string;
  content: SubmissionContent;
  text: string;
  scenarios: string[];
  submittedAt: string;
};

/** A first submission, or a resubmission of the same lesson or note after it was returned. */
export function putSubmission(db: Db, s: NewSubmission): void {
  commit(db, [
    upsert('submissions', {
      id: s.id,
      author_id: s.authorId,
      author_name: s.authorName,
      kind: s.kind,
      source_id: s.sourceId,
      title: s.title,
      content: JSON.stringify(s.content),
      content_text: s.text,
      scenarios: JSON.stringify(s.scenarios),
      submitted_at: s.submittedAt,
      status: 'submitted',
      review_note: '',
      reviewed_by: '',
      reviewed_at: null,
      article_id: null,
    }),
  ]);
}

export function setReview(db: Db, id: string, review: { status: SubmissionStatus; note: string; by: string; at: string; articleId?: string }): void {
  commit(db, [
    update(
      'submissions',
      { id },
      { status: review.status, review_note: review.note, reviewed_by: review.by, reviewed_at: review.at, ...(review.articleId === undefined ? {} : { article_id: review.articleId }) },
    ),
  ]);
}

/** A file some submission shows, by sha256 (a reviewer's device has no attachment record of it). */
export function submissionFile(db: Db, sha256: string): SubmissionFile | null {
  const row = db
    .prepare(
      `SELECT json_extract(f.value, '$.name') AS name, json_extract(f.value, '$.mime') AS mime, json_extract(f.value, '$.size') AS size
       FROM submissions s, json_each(s.content, '$.files') f WHERE s.deleted = 0 AND json_extract(f.value, '$.sha256') = ? LIMIT 1`,
    )
    .get(sha256) as { name: string; mime: string; size: number } | undefined;
  return row ? { sha256, name: row.name, mime: row.mime, size: row.size } : null;
}

/** Every file the submissions on this device show, once each. */
export function submissionFiles(db: Db): SubmissionFile[] {
  const rows = db
    .prepare(
      `SELECT json_extract(f.value, '$.sha256') AS sha256, json_extract(f.value, '$.name') AS name, json_extract(f.value, '$.mime') AS mime, json_extract(f.value, '$.size') AS size
       FROM submissions s, json_each(s.content, '$.files') f WHERE s.deleted = 0`,
    )
    .all() as SubmissionFile[];
  return [...new Map(rows.map((r) => [r.sha256, r])).values()];
}

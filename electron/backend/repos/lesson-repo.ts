import type { Lesson, LessonFields, LessonStatus, LessonSummary, SourceNote } from '../../../core/notes/types';
import type { Db } from '../db/connection';
import { stringArray } from './json';
import { newId, nowIso } from './ids';
import { laterThan } from './note-repo';

/** Lessons codified from field notes. Deleting is a tombstone; the search index is kept by the handlers. */

type LessonRow = {
  id: string;
  engagement_id: string | null;
  title: string;
  context: string;
  problem: string;
  action: string;
  result: string;
  recommendation: string;
  scenarios: string;
  tags: string;
  source_notes: string;
  status: LessonStatus;
  created_at: string;
  updated_at: string;
  engagement_title: string | null;
};

const SELECT_LESSON = `SELECT l.*, e.title AS engagement_title FROM lessons l LEFT JOIN engagements e ON e.id = l.engagement_id`;

function sourceNotes(db: Db, ids: string[]): SourceNote[] {
  const find = db.prepare('SELECT title, deleted FROM field_notes WHERE id = ?');
  return ids.map((id) => {
    const row = find.get(id) as { title: string; deleted: number } | undefined;
    return { id, title: row?.title ?? '', removed: !row || row.deleted === 1 };
  });
}

export function getLesson(db: Db, id: string): Lesson | null {
  const row = db.prepare(`${SELECT_LESSON} WHERE l.id = ? AND l.deleted = 0`).get(id) as LessonRow | undefined;
  if (!row) return null;
  return {
    id: row.id,
    engagementId: row.engagement_id,
    engagementTitle: row.engagement_title,
    title: row.title,
    context: row.context,
    problem: row.problem,
    action: row.action,
    result: row.result,
    recommendation: row.recommendation,
    scenarios: stringArray(row.scenarios),
    tags: stringArray(row.tags),
    status: row.status,
    sourceNotes: sourceNotes(db, stringArray(row.source_notes)),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function listLessons(db: Db, filter: { status?: LessonStatus | undefined; engagementId?: string | undefined }): LessonSummary[] {
  const where = ['l.deleted = 0'];
  const params: string[] = [];
  if (filter.status !== undefined) {
    where.push('l.status = ?');
    params.push(filter.status);
  }
  if (filter.engagementId !== undefined) {
    where.push('l.engagement_id = ?');
    params.push(filter.engagementId);
  }
  const rows = db.prepare(`${SELECT_LESSON} WHERE ${where.join(' AND ')} ORDER BY l.updated_at DESC, l.rowid DESC`).all(...params) as LessonRow[];
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    engagementId: r.engagement_id,
    engagementTitle: r.engagement_title,
    status: r.status,
    scenarios: stringArray(r.scenarios),
    tags: stringArray(r.tags),
    sourceNoteCount: stringArray(r.source_notes).length,
    updatedAt: r.updated_at,
  }));
}

export function insertLesson(db: Db, input: LessonFields & { engagementId: string | null; sourceNoteIds: string[] }): Lesson {
  const id = newId();
  const now = nowIso();
  db.prepare(
    `INSERT INTO lessons (id, engagement_id, title, context, problem, action, result, recommendation, scenarios, tags, source_notes, status, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?)`,
  ).run(
    id,
    input.engagementId,
    input.title,
    input.context,
    input.problem,
    input.action,
    input.result,
    input.recommendation,
    JSON.stringify(input.scenarios),
    JSON.stringify(input.tags),
    JSON.stringify(input.sourceNoteIds),
    now,
    now,
  );
  const lesson = getLesson(db, id);
  if (!lesson) throw new Error('lesson vanished after insert');
  return lesson;
}

export function updateLesson(db: Db, existing: Lesson, next: LessonFields & { status: LessonStatus }): Lesson {
  db.prepare(
    `UPDATE lessons SET title = ?, context = ?, problem = ?, action = ?, result = ?, recommendation = ?, scenarios = ?, tags = ?, status = ?, updated_at = ?
     WHERE id = ?`,
  ).run(
    next.title,
    next.context,
    next.problem,
    next.action,
    next.result,
    next.recommendation,
    JSON.stringify(next.scenarios),
    JSON.stringify(next.tags),
    next.status,
    laterThan(existing.updatedAt),
    existing.id,
  );
  const lesson = getLesson(db, existing.id);
  if (!lesson) throw new Error('lesson vanished after update');
  return lesson;
}

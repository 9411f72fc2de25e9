import type { Lesson, LessonFields, LessonStatus, LessonSummary, SourceNote } from '../../../core/notes/types';
import type { Db } from '../db/connection';
import { stringArray } from './json';
import { commit, insert, update } from '../db/changes';
import { newId } from './ids';

/** Lessons codified from field notes. Deleting is a tombstone; the write funnel keeps the search index. */

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
  commit(db, [
    insert('lessons', {
      id,
      engagement_id: input.engagementId,
      title: input.title,
      context: input.context,
      problem: input.problem,
      action: input.action,
      result: input.result,
      recommendation: input.recommendation,
      scenarios: JSON.stringify(input.scenarios),
      tags: JSON.stringify(input.tags),
      source_notes: JSON.stringify(input.sourceNoteIds),
      status: 'draft',
    }),
  ]);
  const lesson = getLesson(db, id);
  if (!lesson) throw new Error('lesson vanished after insert');
  return lesson;
}

export function updateLesson(db: Db, existing: Lesson, next: LessonFields & { status: LessonStatus }): Lesson {
  commit(db, [
    update(
      'lessons',
      { id: existing.id },
      {
        title: next.title,
        context: next.context,
        problem: next.problem,
        action: next.action,
        result: next.result,
        recommendation: next.recommendation,
        scenarios: JSON.stringify(next.scenarios),
        tags: JSON.stringify(next.tags),
        status: next.status,
      },
    ),
  ]);
  const lesson = getLesson(db, existing.id);
  if (!lesson) throw new Error('lesson vanished after update');
  return lesson;
}

import type { Note, NoteSummary, TagCount } from '../../../core/notes/types';
import { excerptOf } from '../../../core/notes/types';
import type { Db } from '../db/connection';
import { stringArray } from './json';
import { commit, insert, remove, transact, update } from '../db/changes';
import { newId } from './ids';

/** Field notes. Deleting is a tombstone (deleted = 1); the write funnel keeps the search index. */

type NoteRow = {
  id: string;
  engagement_id: string | null;
  session_id: string | null;
  question_id: string | null;
  title: string;
  body_json: string;
  body_text: string;
  tags: string;
  created_at: string;
  updated_at: string;
  engagement_title: string | null;
};

const SELECT_NOTE = `SELECT n.id, n.engagement_id, n.session_id, n.question_id, n.title, n.body_json, n.body_text, n.tags,
  n.created_at, n.updated_at, e.title AS engagement_title
  FROM field_notes n LEFT JOIN engagements e ON e.id = n.engagement_id`;

function toNote(row: NoteRow): Note {
  return {
    id: row.id,
    engagementId: row.engagement_id,
    engagementTitle: row.engagement_title,
    sessionId: row.session_id,
    questionId: row.question_id,
    title: row.title,
    bodyJson: row.body_json,
    text: row.body_text,
    tags: stringArray(row.tags),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function getNote(db: Db, id: string): Note | null {
  const row = db.prepare(`${SELECT_NOTE} WHERE n.id = ? AND n.deleted = 0`).get(id) as NoteRow | undefined;
  return row ? toNote(row) : null;
}

/** Live notes among the ids, in the order asked for. */
export function getNotes(db: Db, ids: readonly string[]): Note[] {
  return ids.flatMap((id) => {
    const note = getNote(db, id);
    return note ? [note] : [];
  });
}

export type NoteFilter = { engagementId?: string | undefined; sessionId?: string | undefined; questionId?: string | undefined; tag?: string | undefined };

export function listNotes(db: Db, filter: NoteFilter): NoteSummary[] {
  const where = ['n.deleted = 0'];
  const params: string[] = [];
  if (filter.engagementId !== undefined) {
    where.push('n.engagement_id = ?');
    params.push(filter.engagementId);
  }
  if (filter.sessionId !== undefined) {
    where.push('n.session_id = ?');
    params.push(filter.sessionId);
  }
  if (filter.questionId !== undefined) {
    where.push('n.question_id = ?');
    params.push(filter.questionId);
  }
  if (filter.tag !== undefined) {
    // Tags match as the tag suggestions show them: without regard to case.
    where.push('EXISTS (SELECT 1 FROM json_each(n.tags) WHERE lower(value) = lower(?))');
    params.push(filter.tag);
  }
  const rows = db
    .prepare(`${SELECT_NOTE} WHERE ${where.join(' AND ')} ORDER BY n.updated_at DESC, n.rowid DESC`)
    .all(...params) as NoteRow[];
  return rows.map((r) => ({
    id: r.id,
    engagementId: r.engagement_id,
    sessionId: r.session_id,
    questionId: r.question_id,
    title: r.title,
    excerpt: excerptOf(r.body_text),
    tags: stringArray(r.tags),
    updatedAt: r.updated_at,
  }));
}

export type NoteInput = {
  engagementId: string | null;
  sessionId: string | null;
  questionId: string | null;
  title: string;
  bodyJson: string;
  text: string;
  tags: string[];
};

export function insertNote(db: Db, input: NoteInput): Note {
  const id = newId();
  commit(db, [
    insert('field_notes', {
      id,
      engagement_id: input.engagementId,
      session_id: input.sessionId,
      question_id: input.questionId,
      title: input.title,
      body_json: input.bodyJson,
      body_text: input.text,
      tags: JSON.stringify(input.tags),
    }),
  ]);
  const note = getNote(db, id);
  if (!note) throw new Error('note vanished after insert');
  return note;
}

export function updateNote(db: Db, existing: Note, patch: { title: string; bodyJson: string; text: string; tags: string[] }): Note {
  commit(db, [
    // Guarded by the revision the caller read: another writer's save in between fails this one (StaleWriteError) instead of being overwritten.
    update('field_notes', { id: existing.id }, { title: patch.title, body_json: patch.bodyJson, body_text: patch.text, tags: JSON.stringify(patch.tags) }, { updated_at: existing.updatedAt }),
  ]);
  const note = getNote(db, existing.id);
  if (!note) throw new Error('note vanished after update');
  return note;
}

/** Tombstones a note (the search index drops it with the commit); false when there was no live note. */
export function removeNote(db: Db, id: string): boolean {
  return transact(db, () => getNote(db, id) !== null && (commit(db, [remove('field_notes', { id })])[0]?.changed ?? false));
}

export function noteTags(db: Db): TagCount[] {
  // Counted per spelling as first written; the same tag in another case joins it.
  const rows = db
    .prepare(
      `SELECT min(j.value) AS tag, count(*) AS count FROM field_notes n, json_each(n.tags) j
       WHERE n.deleted = 0 GROUP BY lower(j.value) ORDER BY count DESC, tag`,
    )
    .all() as TagCount[];
  return rows;
}

/** Where a note may be attached: the engagement of an assessment session, or null when there is no such live session. */
export function sessionEngagement(db: Db, sessionId: string): string | null {
  const row = db.prepare('SELECT engagement_id FROM assessment_sessions WHERE id = ? AND deleted = 0').get(sessionId) as { engagement_id: string } | undefined;
  return row?.engagement_id ?? null;
}

export function engagementExists(db: Db, engagementId: string): boolean {
  return db.prepare('SELECT 1 FROM engagements WHERE id = ? AND deleted = 0').get(engagementId) !== undefined;
}

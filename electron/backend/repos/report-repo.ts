import type { ReportNote } from '../../../core/report/assessment-report';
import type { Db } from '../db/connection';

/** Reads that reports need and no other domain offers. */

/** The field notes written during one assessment session, oldest first, as plain text. */
export function listSessionNotes(db: Db, sessionId: string): ReportNote[] {
  const rows = db
    .prepare('SELECT title, body_text, updated_at FROM field_notes WHERE session_id = ? AND deleted = 0 ORDER BY created_at, id')
    .all(sessionId) as { title: string; body_text: string; updated_at: string }[];
  return rows.map((r) => ({ title: r.title, text: r.body_text, updatedAt: r.updated_at }));
}

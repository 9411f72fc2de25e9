import { isApiMessage, msg, type ApiMessage } from '../../../core/api/message';
import type { Definition } from '../../../core/assessment/engine';
import type { AnswerValue } from '../../../core/assessment/logic';
import type { AssessmentSession, AssessmentStatus, SetAsideAnswer, Signoff, StoredAnswer } from '../../../core/assessment/types';
import type { Localized } from '../../../core/i18n';
import type { Db } from '../db/connection';
import { commit, insert, remove, stampNow, touch, transact, update, type Change } from '../db/changes';
import { newId } from './ids';

/** Assessment definitions (read), sessions, answers and set-aside answers (read and write). */

type DefinitionRow = { id: string; version: number; scenario_id: string; title_en: string; title_zh: string; definition: string };

export type StoredDefinition = { id: string; version: number; scenarioId: string; title: Localized; definition: Definition };

function toDefinition(row: DefinitionRow): StoredDefinition {
  // Validated against the content schema before it was stored: by the importer, or on arrival by sync (sync/incoming-shapes.ts).
  const definition = JSON.parse(row.definition) as Definition;
  return { id: row.id, version: row.version, scenarioId: row.scenario_id, title: { en: row.title_en, zh: row.title_zh }, definition };
}

/** The newest stored version of every definition, optionally for one scenario, by title. */
export function listLatestDefinitions(db: Db, scenario?: string): StoredDefinition[] {
  const rows = db
    .prepare(
      `SELECT d.id, d.version, d.scenario_id, d.title_en, d.title_zh, d.definition FROM assessment_definitions d
       WHERE d.version = (SELECT max(version) FROM assessment_definitions WHERE id = d.id)
         AND (@scenario IS NULL OR d.scenario_id = @scenario)
       ORDER BY d.title_en, d.id`,
    )
    .all({ scenario: scenario ?? null }) as DefinitionRow[];
  return rows.map(toDefinition);
}

export function getDefinition(db: Db, id: string, version: number): StoredDefinition | null {
  const row = db
    .prepare('SELECT id, version, scenario_id, title_en, title_zh, definition FROM assessment_definitions WHERE id = ? AND version = ?')
    .get(id, version) as DefinitionRow | undefined;
  return row ? toDefinition(row) : null;
}

export function latestDefinitionVersion(db: Db, id: string): number | null {
  const row = db.prepare('SELECT max(version) AS v FROM assessment_definitions WHERE id = ?').get(id) as { v: number | null };
  return row.v;
}

export type EngagementRef = { id: string; title: string; customerName: string };

export function getEngagementRef(db: Db, engagementId: string): EngagementRef | null {
  const row = db
    .prepare(
      `SELECT e.id, e.title, c.name AS customer_name FROM engagements e JOIN customers c ON c.id = e.customer_id
       WHERE e.id = ? AND e.deleted = 0`,
    )
    .get(engagementId) as { id: string; title: string; customer_name: string } | undefined;
  return row ? { id: row.id, title: row.title, customerName: row.customer_name } : null;
}

type SessionRow = {
  id: string;
  engagement_id: string;
  definition_id: string;
  definition_version: number;
  status: AssessmentStatus;
  signoff: string | null;
  started_at: string;
  completed_at: string | null;
  updated_at: string;
};

const SESSION_COLUMNS = 's.id, s.engagement_id, s.definition_id, s.definition_version, s.status, s.signoff, s.started_at, s.completed_at, s.updated_at';

function toSession(row: SessionRow): AssessmentSession {
  return {
    id: row.id,
    engagementId: row.engagement_id,
    definitionId: row.definition_id,
    definitionVersion: row.definition_version,
    status: row.status,
    startedAt: row.started_at,
    updatedAt: row.updated_at,
    completedAt: row.completed_at,
    signoff: row.signoff === null ? null : (JSON.parse(row.signoff) as Signoff),
  };
}

export function insertSession(db: Db, session: { engagementId: string; definitionId: string; definitionVersion: number }): string {
  const id = newId();
  commit(db, [
    insert('assessment_sessions', {
      id,
      engagement_id: session.engagementId,
      definition_id: session.definitionId,
      definition_version: session.definitionVersion,
      status: 'in-progress',
      signoff: null,
      started_at: stampNow(),
      completed_at: null,
    }),
  ]);
  return id;
}

export function getSession(db: Db, id: string): AssessmentSession | null {
  const row = db.prepare(`SELECT ${SESSION_COLUMNS} FROM assessment_sessions s WHERE s.id = ? AND s.deleted = 0`).get(id) as SessionRow | undefined;
  return row ? toSession(row) : null;
}

export type SessionListRow = { session: AssessmentSession; engagement: EngagementRef; title: Localized };

/** Sessions with their engagement and definition title, most recently changed first. */
export function listSessions(db: Db, filter: { engagementId?: string | undefined; status?: AssessmentStatus | undefined }): SessionListRow[] {
  const rows = db
    .prepare(
      `SELECT ${SESSION_COLUMNS}, e.title AS engagement_title, c.name AS customer_name,
              COALESCE(d.title_en, s.definition_id) AS title_en, COALESCE(d.title_zh, s.definition_id) AS title_zh
       FROM assessment_sessions s
       JOIN engagements e ON e.id = s.engagement_id
       JOIN customers c ON c.id = e.customer_id
       LEFT JOIN assessment_definitions d ON d.id = s.definition_id AND d.version = s.definition_version
       WHERE s.deleted = 0 AND e.deleted = 0
         AND (@engagementId IS NULL OR s.engagement_id = @engagementId)
         AND (@status IS NULL OR s.status = @status)
       ORDER BY s.updated_at DESC, s.id`,
    )
    .all({ engagementId: filter.engagementId ?? null, status: filter.status ?? null }) as (SessionRow & {
    engagement_title: string;
    customer_name: string;
    title_en: string;
    title_zh: string;
  })[];
  return rows.map((r) => ({
    session: toSession(r),
    engagement: { id: r.engagement_id, title: r.engagement_title, customerName: r.customer_name },
    title: { en: r.title_en, zh: r.title_zh },
  }));
}

type AnswerRow = { question_id: string; value: string | null; note: string; updated_at: string };

function storedAnswer(r: AnswerRow): StoredAnswer {
  return { value: r.value === null ? null : (JSON.parse(r.value) as AnswerValue), note: r.note, updatedAt: r.updated_at };
}

export function getAnswers(db: Db, sessionId: string): Record<string, StoredAnswer> {
  const rows = db
    .prepare('SELECT question_id, value, note, updated_at FROM assessment_answers WHERE session_id = ? AND deleted = 0')
    .all(sessionId) as AnswerRow[];
  return Object.fromEntries(rows.map((r) => [r.question_id, storedAnswer(r)]));
}

/** One question's stored answer; undefined when it has none. */
export function getAnswer(db: Db, sessionId: string, questionId: string): StoredAnswer | undefined {
  const row = db
    .prepare('SELECT question_id, value, note, updated_at FROM assessment_answers WHERE session_id = ? AND question_id = ? AND deleted = 0')
    .get(sessionId, questionId) as AnswerRow | undefined;
  return row && storedAnswer(row);
}

/**
 * The answer row of one question. Its id is derived from session and question, so the same
 * answer written on two devices is one row when it syncs, never two that collide on
 * UNIQUE (session_id, question_id).
 */
function answerRow(db: Db, sessionId: string, questionId: string): { id: string; value: string | null; note: string; deleted: number } | undefined {
  return db.prepare('SELECT id, value, note, deleted FROM assessment_answers WHERE session_id = ? AND question_id = ?').get(sessionId, questionId) as
    | { id: string; value: string | null; note: string; deleted: number }
    | undefined;
}

function writeAnswer(db: Db, sessionId: string, questionId: string, value: string | null, note: string): Change[] {
  const stored = answerRow(db, sessionId, questionId);
  const answer = stored
    ? update('assessment_answers', { id: stored.id }, { value, note, deleted: 0 })
    : insert('assessment_answers', { id: `${sessionId}:${questionId}`, session_id: sessionId, question_id: questionId, value, note });
  // The session's updated_at orders the lists by last activity.
  return [answer, touch('assessment_sessions', { id: sessionId })];
}

/**
 * Stores one answer (and its note when given) and touches the session, in one transaction: one
 * commit, durable when this returns (the connection runs synchronous=FULL). Returns the answer's stamp.
 */
export function saveAnswer(db: Db, sessionId: string, questionId: string, value: AnswerValue, note: string | undefined): string {
  return transact(db, () => {
    const stored = answerRow(db, sessionId, questionId);
    const keptNote = stored && stored.deleted === 0 ? stored.note : '';
    commit(db, writeAnswer(db, sessionId, questionId, value === null ? null : JSON.stringify(value), note ?? keptNote));
    return answerStamp(db, sessionId, questionId);
  });
}

/** Stores the note on one question, keeping its answer; one transaction. Returns the answer's stamp. */
export function saveNote(db: Db, sessionId: string, questionId: string, note: string): string {
  return transact(db, () => {
    const stored = answerRow(db, sessionId, questionId);
    const keptValue = stored && stored.deleted === 0 ? stored.value : null;
    commit(db, writeAnswer(db, sessionId, questionId, keptValue, note));
    return answerStamp(db, sessionId, questionId);
  });
}

function answerStamp(db: Db, sessionId: string, questionId: string): string {
  return db.prepare('SELECT updated_at FROM assessment_answers WHERE session_id = ? AND question_id = ?').pluck().get(sessionId, questionId) as string;
}

/** Why an answer was set aside: a message stored as JSON; older rows hold English text. */
function storedReason(text: string): ApiMessage {
  try {
    const parsed: unknown = JSON.parse(text);
    if (isApiMessage(parsed)) return parsed;
  } catch {
    // plain text written before reasons were messages
  }
  return msg('answer.storedReason', { reason: text });
}

type SetAsideRow = { question_id: string; value: string | null; note: string; reason: string; from_version: number; set_aside_at: string };

export function getSetAside(db: Db, sessionId: string): SetAsideAnswer[] {
  const rows = db
    .prepare(
      `SELECT question_id, value, note, reason, from_version, set_aside_at FROM assessment_answers_set_aside
       WHERE session_id = ? AND deleted = 0 ORDER BY set_aside_at, rowid`,
    )
    .all(sessionId) as SetAsideRow[];
  return rows.map((r) => ({
    questionId: r.question_id,
    value: r.value === null ? null : (JSON.parse(r.value) as AnswerValue),
    note: r.note,
    reason: storedReason(r.reason),
    fromVersion: r.from_version,
    setAsideAt: r.set_aside_at,
  }));
}

/**
 * Moves a session to another definition version in one transaction. Each set-aside answer is
 * copied (value and note) to assessment_answers_set_aside; an answer whose question is gone leaves
 * assessment_answers (tombstone), one whose value no longer fits keeps only its note.
 */
export function moveSessionToVersion(
  db: Db,
  move: { sessionId: string; fromVersion: number; toVersion: number; setAside: { questionId: string; reason: ApiMessage; questionRemoved: boolean }[] },
): void {
  transact(db, () => {
    const at = stampNow();
    const changes: Change[] = [];
    for (const s of move.setAside) {
      const row = answerRow(db, move.sessionId, s.questionId);
      if (!row || row.deleted === 1) continue;
      changes.push(
        insert('assessment_answers_set_aside', {
          id: newId(),
          session_id: move.sessionId,
          question_id: s.questionId,
          from_version: move.fromVersion,
          value: row.value,
          note: row.note,
          reason: JSON.stringify(s.reason),
          set_aside_at: at,
        }),
        s.questionRemoved ? remove('assessment_answers', { id: row.id }) : update('assessment_answers', { id: row.id }, { value: null }),
      );
    }
    changes.push(update('assessment_sessions', { id: move.sessionId }, { definition_version: move.toVersion }));
    commit(db, changes);
  });
}

/** Marks a session completed with its sign-off; false when it was not in progress. */
export function markCompleted(db: Db, sessionId: string, signoff: Signoff, at: string): boolean {
  return transact(db, () => {
    const session = getSession(db, sessionId);
    if (!session || session.status !== 'in-progress') return false;
    commit(db, [update('assessment_sessions', { id: sessionId }, { status: 'completed', signoff: JSON.stringify(signoff), completed_at: at })]);
    return true;
  });
}

import { msg } from '../../../core/api/message';
import { ApiFailure, fieldFailure, issue } from '../../../core/api/result';
import type { ParsedArgs } from '../../../core/api/contract';
import { checkLexicalDocument, EMPTY_DOCUMENT_JSON, MAX_NOTE_JSON_BYTES } from '../../../core/notes/lexical-document';
import { sizeProblem } from '../../../core/richtext/check';
import { normalizeTags, type Note } from '../../../core/notes/types';
import { transact } from '../db/changes';
import type { Db } from '../db/connection';
import { engagementExists, getNote, insertNote, removeNote, sessionEngagement, updateNote } from '../repos/note-repo';
import { foundOrFail, notFound } from './found';

/** Field notes: rich text on an engagement, an assessment session or one question of it. */

/**
 * The body as stored: checked, with its plain text. Anything the check finds is refused, never
 * silently changed; the message names the document (`what`) and the field it came in.
 */
export function checkedBody(bodyJson: string, what: 'docKind.note' | 'docKind.articleText' = 'docKind.note', field = 'bodyJson'): { json: string; text: string } {
  const tooLarge = sizeProblem(bodyJson, { what, maxBytes: MAX_NOTE_JSON_BYTES });
  if (tooLarge !== null) throw new ApiFailure('too_large', tooLarge);
  const checked = checkLexicalDocument(bodyJson);
  const [first] = checked.problems;
  if (first !== undefined || checked.json === null) {
    const issues = checked.problems.map((p) => issue(`${field}.${p.path}`, p.message));
    const problem = first?.message ?? msg('rich.notEditorState');
    const named = issues[0]?.path ?? field;
    const detail = issues.length > 1 ? msg('error.bodyRefusedMore', { what: msg(what), field: named, problem, more: issues.length - 1 }) : msg('error.bodyRefused', { what: msg(what), field: named, problem });
    throw new ApiFailure('bad_request', detail, issues);
  }
  return { json: checked.json, text: checked.text };
}

export function noteOrFail(db: Db, id: string): Note {
  return foundOrFail(getNote(db, id), 'record.note', id);
}

/** Where a new note belongs: a question needs its session, and a session decides the engagement. */
function placement(db: Db, args: { engagementId?: string | undefined; sessionId?: string | undefined; questionId?: string | undefined }) {
  let engagementId = args.engagementId ?? null;
  if (args.sessionId !== undefined) {
    const ofSession = sessionEngagement(db, args.sessionId);
    if (ofSession === null) throw notFound('record.assessment', args.sessionId);
    if (engagementId !== null && engagementId !== ofSession) throw fieldFailure('engagementId', msg('issue.notEngagementOfSession'));
    engagementId = ofSession;
  }
  if (engagementId !== null && !engagementExists(db, engagementId)) throw notFound('record.engagement', engagementId);
  return { engagementId, sessionId: args.sessionId ?? null, questionId: args.questionId ?? null };
}

export function createNote(db: Db, args: ParsedArgs<'notes.create'>): Note {
  const body = checkedBody(args.bodyJson ?? EMPTY_DOCUMENT_JSON);
  return transact(db, () =>
    insertNote(db, { ...placement(db, args), title: args.title.trim(), bodyJson: body.json, text: body.text, tags: normalizeTags(args.tags ?? []) }),
  );
}

/** Autosave: the fields given; refused as a conflict when the copy edited is older than the stored note. */
export function saveNote(db: Db, { id, title, bodyJson, tags, baseUpdatedAt }: ParsedArgs<'notes.save'>): Note {
  const body = bodyJson === undefined ? null : checkedBody(bodyJson);
  return transact(db, () => {
    const existing = noteOrFail(db, id);
    if (baseUpdatedAt !== undefined && baseUpdatedAt < existing.updatedAt) {
      throw new ApiFailure('conflict', msg('error.noteChangedElsewhere', { at: existing.updatedAt, base: baseUpdatedAt }));
    }
    return updateNote(db, existing, {
      title: title === undefined ? existing.title : title.trim(),
      bodyJson: body ? body.json : existing.bodyJson,
      text: body ? body.text : existing.text,
      tags: tags === undefined ? existing.tags : normalizeTags(tags),
    });
  });
}

export function deleteNote(db: Db, id: string): { removed: boolean } {
  return { removed: removeNote(db, id) };
}

import { ApiFailure } from '../../../core/api/result';
import type { noteCalls } from '../../../core/api/calls/notes';
import { pick } from '../../../core/i18n';
import { draftLesson, type CodifyEngagement } from '../../../core/notes/codify';
import { checkLexicalDocument, detectLang, EMPTY_DOCUMENT_JSON, noteSizeProblem } from '../../../core/notes/lexical-document';
import { LESSON_TITLE_MAX, missingForReady, normalizeTags, type Lesson, type Note } from '../../../core/notes/types';
import type { Db } from '../db/connection';
import { getEngagement, unknownScenarios } from '../repos/engagement-repo';
import { getLesson, insertLesson, listLessons, updateLesson } from '../repos/lesson-repo';
import { engagementExists, getNote, getNotes, insertNote, listNotes, noteTags, removeNote, sessionEngagement, updateNote } from '../repos/note-repo';
import { listScenarios } from '../repos/scenario-repo';
import { deleteSearchDocs, upsertSearchDoc } from '../search/documents';
import type { HandlerContext, HandlersFor } from './context';
import { foundOrFail } from './found';

/** The body as stored: checked, with its plain text. Anything the check finds is refused, never silently changed. */
function checkedBody(bodyJson: string): { json: string; text: string } {
  const tooLarge = noteSizeProblem(bodyJson);
  if (tooLarge !== null) throw new ApiFailure('too_large', tooLarge);
  const checked = checkLexicalDocument(bodyJson);
  const [first] = checked.problems;
  if (first !== undefined || checked.json === null) {
    const where = first ? `bodyJson.${first.path}: ${first.message}` : 'bodyJson: is not a Lexical document';
    const more = checked.problems.length > 1 ? ` (and ${checked.problems.length - 1} more)` : '';
    throw new ApiFailure(
      'bad_request',
      `The note body was refused: ${where}${more}.`,
      checked.problems.map((p) => ({ path: `bodyJson.${p.path}`, message: p.message })),
    );
  }
  return { json: checked.json, text: checked.text };
}

function noteOrFail(db: Db, id: string): Note {
  return foundOrFail(getNote(db, id), 'note', id);
}

function lessonOrFail(db: Db, id: string): Lesson {
  return foundOrFail(getLesson(db, id), 'lesson', id);
}

function indexNote(db: Db, note: { id: string; title: string; text: string }): void {
  // The language can change with an edit: drop every old entry, then index in the current one.
  deleteSearchDocs(db, 'note', note.id);
  upsertSearchDoc(db, { kind: 'note', refId: note.id, lang: detectLang(`${note.title}\n${note.text}`), title: note.title, body: note.text });
}

function indexLesson(db: Db, lesson: Lesson): void {
  const body = [lesson.context, lesson.problem, lesson.action, lesson.result, lesson.recommendation, lesson.tags.join(' ')].filter((s) => s !== '').join('\n\n');
  deleteSearchDocs(db, 'lesson', lesson.id);
  upsertSearchDoc(db, { kind: 'lesson', refId: lesson.id, lang: detectLang(`${lesson.title}\n${body}`), title: lesson.title, body });
}

function checkScenarios(db: Db, scenarios: string[]): void {
  const unknown = unknownScenarios(db, scenarios);
  const [first] = unknown;
  if (first !== undefined) {
    throw new ApiFailure('bad_request', `scenarios: no scenario "${unknown.join('", "')}" in this workbench.`, [
      { path: `scenarios.${scenarios.indexOf(first)}`, message: 'names a scenario that does not exist' },
    ]);
  }
}

/** Where a new note belongs: a question needs its session, and a session decides the engagement. */
function placement(db: Db, args: { engagementId?: string | undefined; sessionId?: string | undefined; questionId?: string | undefined }) {
  let engagementId = args.engagementId ?? null;
  if (args.sessionId !== undefined) {
    const ofSession = sessionEngagement(db, args.sessionId);
    if (ofSession === null) throw new ApiFailure('not_found', `No assessment session with id "${args.sessionId}".`);
    if (engagementId !== null && engagementId !== ofSession) {
      throw new ApiFailure('bad_request', `engagementId: assessment session "${args.sessionId}" belongs to another engagement.`, [
        { path: 'engagementId', message: 'is not the engagement of this assessment session' },
      ]);
    }
    engagementId = ofSession;
  }
  if (engagementId !== null && !engagementExists(db, engagementId)) throw new ApiFailure('not_found', `No engagement with id "${engagementId}".`);
  return { engagementId, sessionId: args.sessionId ?? null, questionId: args.questionId ?? null };
}

export function noteHandlers({ db }: HandlerContext): HandlersFor<typeof noteCalls> {
  return {
    'notes.create': (args) => {
      const body = checkedBody(args.bodyJson ?? EMPTY_DOCUMENT_JSON);
      const where = placement(db, args);
      return db.transaction(() => {
        const note = insertNote(db, { ...where, title: args.title.trim(), bodyJson: body.json, text: body.text, tags: normalizeTags(args.tags ?? []) });
        indexNote(db, note);
        return note;
      })();
    },
    'notes.save': ({ id, title, bodyJson, tags, baseUpdatedAt }) => {
      const body = bodyJson === undefined ? null : checkedBody(bodyJson);
      return db.transaction(() => {
        const existing = noteOrFail(db, id);
        if (baseUpdatedAt !== undefined && baseUpdatedAt < existing.updatedAt) {
          throw new ApiFailure(
            'conflict',
            `This note was changed elsewhere at ${existing.updatedAt} after the version you edited (${baseUpdatedAt}); reload it before saving, so neither version is lost.`,
          );
        }
        const note = updateNote(db, existing, {
          title: title === undefined ? existing.title : title.trim(),
          bodyJson: body ? body.json : existing.bodyJson,
          text: body ? body.text : existing.text,
          tags: tags === undefined ? existing.tags : normalizeTags(tags),
        });
        indexNote(db, note);
        return note;
      })();
    },
    'notes.get': ({ id }) => noteOrFail(db, id),
    'notes.list': (filter) => listNotes(db, filter),
    'notes.remove': ({ id }) =>
      db.transaction(() => {
        const removed = removeNote(db, id);
        if (removed) deleteSearchDocs(db, 'note', id);
        return { removed };
      })(),
    'notes.tags': () => noteTags(db),
    'lessons.codify': ({ noteIds, lang }) => {
      const notes = getNotes(db, noteIds);
      const missing = noteIds.filter((id) => !notes.some((n) => n.id === id));
      if (missing.length > 0) throw new ApiFailure('not_found', `No note with id "${missing.join('", "')}".`);
      const engagementIds = [...new Set(notes.flatMap((n) => (n.engagementId === null ? [] : [n.engagementId])))];
      if (engagementIds.length > 1) {
        throw new ApiFailure('bad_request', 'noteIds: these notes belong to different engagements; codify notes of one engagement at a time.', [
          { path: 'noteIds', message: 'names notes of different engagements' },
        ]);
      }
      const engagement = engagementIds[0] === undefined ? null : getEngagement(db, engagementIds[0]);
      const language = lang ?? detectLang(notes.map((n) => `${n.title}\n${n.text}`).join('\n'));
      let context: CodifyEngagement | null = null;
      if (engagement) {
        const names = new Map(listScenarios(db).map((s) => [s.id, pick(s.name, language)]));
        context = {
          title: engagement.title,
          customerName: engagement.customer.name,
          customerKind: engagement.customer.kind,
          scenarioNames: engagement.scenarios.map((id) => names.get(id) ?? id),
        };
      }
      const draft = draftLesson(notes, context, language);
      return db.transaction(() => {
        const lesson = insertLesson(db, {
          ...draft,
          title: draft.title.slice(0, LESSON_TITLE_MAX),
          scenarios: engagement?.scenarios ?? [],
          tags: normalizeTags(notes.flatMap((n) => n.tags)),
          engagementId: engagement?.id ?? null,
          sourceNoteIds: noteIds,
        });
        indexLesson(db, lesson);
        return lesson;
      })();
    },
    'lessons.save': ({ id, status, ...patch }) =>
      db.transaction(() => {
        const existing = lessonOrFail(db, id);
        if (existing.status === 'submitted' || existing.status === 'merged') {
          throw new ApiFailure('conflict', `This lesson is ${existing.status} for review; it can no longer be changed on this device.`);
        }
        if (patch.scenarios !== undefined) checkScenarios(db, patch.scenarios);
        const next = {
          title: patch.title === undefined ? existing.title : patch.title.trim(),
          context: patch.context ?? existing.context,
          problem: patch.problem ?? existing.problem,
          action: patch.action ?? existing.action,
          result: patch.result ?? existing.result,
          recommendation: patch.recommendation ?? existing.recommendation,
          scenarios: patch.scenarios ?? existing.scenarios,
          tags: patch.tags === undefined ? existing.tags : normalizeTags(patch.tags),
          // A returned lesson that is edited goes back to draft unless it is marked ready again.
          status: status ?? (existing.status === 'returned' ? 'draft' : existing.status),
        };
        if (next.status === 'ready') {
          const missing = missingForReady(next);
          if (missing.length > 0) {
            throw new ApiFailure(
              'bad_request',
              `A lesson can be marked ready only when it has a ${missing.join(', ')}: ${missing.length === 1 ? 'that field is' : 'these fields are'} empty.`,
              missing.map((field) => ({ path: field, message: 'must not be empty for a ready lesson' })),
            );
          }
        }
        const lesson = updateLesson(db, existing, next);
        indexLesson(db, lesson);
        return lesson;
      })(),
    'lessons.get': ({ id }) => lessonOrFail(db, id),
    'lessons.list': (filter) => listLessons(db, filter),
  };
}

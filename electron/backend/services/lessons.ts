import { joinedMessages, msg } from '../../../core/api/message';
import { ApiFailure, fieldFailure, issue } from '../../../core/api/result';
import type { ParsedArgs } from '../../../core/api/contract';
import { pick } from '../../../core/i18n';
import { draftLesson, type CodifyEngagement } from '../../../core/notes/codify';
import { detectLang } from '../../../core/notes/lexical-document';
import { LESSON_TITLE_MAX, missingForReady, normalizeTags, type Lesson } from '../../../core/notes/types';
import { transact } from '../db/changes';
import type { Db } from '../db/connection';
import { getEngagement, unknownScenarios } from '../repos/engagement-repo';
import { getLesson, insertLesson, updateLesson } from '../repos/lesson-repo';
import { getNotes } from '../repos/note-repo';
import { listScenarios } from '../repos/scenario-repo';
import { foundOrFail } from './found';

/** Lessons: codified from field notes, edited until ready, then submitted for review (sync). */

export function lessonOrFail(db: Db, id: string): Lesson {
  return foundOrFail(getLesson(db, id), 'record.lesson', id);
}

function checkScenarios(db: Db, scenarios: string[]): void {
  const [first] = unknownScenarios(db, scenarios);
  if (first !== undefined) throw fieldFailure(`scenarios.${scenarios.indexOf(first)}`, msg('issue.unknownScenario', { id: first }));
}

/** A draft lesson prefilled from the notes' text and their engagement. */
export function codifyNotes(db: Db, { noteIds, lang }: ParsedArgs<'lessons.codify'>): Lesson {
  return transact(db, () => {
    const notes = getNotes(db, noteIds);
    const missing = noteIds.filter((id) => !notes.some((n) => n.id === id));
    if (missing.length > 0) throw new ApiFailure('not_found', msg('error.notesNotFound', { ids: missing.map((id) => `"${id}"`).join(', ') }));
    const engagementIds = [...new Set(notes.flatMap((n) => (n.engagementId === null ? [] : [n.engagementId])))];
    if (engagementIds.length > 1) throw fieldFailure('noteIds', msg('issue.notesOfDifferentEngagements'));
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
    return insertLesson(db, {
      ...draft,
      title: draft.title.slice(0, LESSON_TITLE_MAX),
      scenarios: engagement?.scenarios ?? [],
      tags: normalizeTags(notes.flatMap((n) => n.tags)),
      engagementId: engagement?.id ?? null,
      sourceNoteIds: noteIds,
    });
  });
}

/** Saves the fields given; a submitted or merged lesson is the reviewers' now; 'ready' needs its key fields. */
export function saveLesson(db: Db, { id, status, baseUpdatedAt, ...patch }: ParsedArgs<'lessons.save'>): Lesson {
  return transact(db, () => {
    const existing = lessonOrFail(db, id);
    if (baseUpdatedAt !== undefined && baseUpdatedAt < existing.updatedAt) {
      throw new ApiFailure('conflict', msg('error.lessonChangedElsewhere', { at: existing.updatedAt, base: baseUpdatedAt }));
    }
    if (existing.status === 'submitted') throw new ApiFailure('conflict', msg('error.lessonSubmitted'));
    if (existing.status === 'merged') throw new ApiFailure('conflict', msg('error.lessonMerged'));
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
        const fields = joinedMessages(missing.map((field) => msg(`lessonField.${field}`)));
        throw new ApiFailure('bad_request', msg('error.lessonNotReady', { fields }), missing.map((field) => issue(field, msg('issue.requiredForReady'))));
      }
    }
    return updateLesson(db, existing, next);
  });
}

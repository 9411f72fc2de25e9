import type { StoredAnswer } from '../../core/assessment/types';
import type { AnswerValue } from '../../core/assessment/logic';
import { dropLocalCopy, readLocalCopy, type CopyStore } from '../data/autosave';

/**
 * The runner's unsaved answers and notes, kept on this device until the backend acknowledges them
 * (renderer/data/autosave.ts writes them when a save fails and when the page is hidden or closed),
 * and put back when the runner opens again: a reload or a closed window a moment after typing
 * loses nothing.
 */

export type AnswerDraft = { value: AnswerValue };
export type NoteDraft = { note: string };

function isAnswerValue(value: unknown): value is AnswerValue {
  return value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value)) || (Array.isArray(value) && value.every((v) => typeof v === 'string'));
}

export function answerCopies(sessionId: string): CopyStore<AnswerDraft> {
  return { prefix: `fieldbench.answer-copy.${sessionId}.`, read: (v) => (isAnswerValue(v.value) ? { value: v.value } : null) };
}

export function noteCopies(sessionId: string): CopyStore<NoteDraft> {
  return { prefix: `fieldbench.answer-note-copy.${sessionId}.`, read: (v) => (typeof v.note === 'string' ? { note: v.note } : null) };
}

function keysWithPrefix(prefix: string): string[] {
  try {
    return Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i)).filter((k): k is string => k !== null && k.startsWith(prefix));
  } catch {
    return [];
  }
}

/** A kept copy to put back: the draft, and the stored version it was typed on (null: not known). */
export type UnsavedCopy<D> = { draft: D; baseVersion: string | null };

/**
 * The kept copies that still say something the database does not. A copy that knows the version
 * it was typed on is saved on that version, so one changed elsewhere since becomes a conflict the
 * user settles, never a silent overwrite; an older copy that does not know counts only when it
 * was kept after the stored answer. Copies the database has caught up with are removed.
 */
export function unsavedCopies<D>(store: CopyStore<D>, stored: Readonly<Record<string, StoredAnswer>>, same: (copy: D, answer: StoredAnswer | undefined) => boolean): Map<string, UnsavedCopy<D>> {
  const out = new Map<string, UnsavedCopy<D>>();
  for (const key of keysWithPrefix(store.prefix)) {
    const questionId = key.slice(store.prefix.length);
    const copy = readLocalCopy(store, questionId);
    const answer = stored[questionId];
    const outdated = copy !== null && copy.baseVersion === null && answer !== undefined && answer.updatedAt > copy.keptAt;
    if (copy === null || outdated || same(copy, answer)) {
      dropLocalCopy(store, questionId);
      continue;
    }
    const { keptAt: _keptAt, baseVersion, ...draft } = copy;
    out.set(questionId, { draft: draft as D, baseVersion });
  }
  return out;
}

export const sameAnswer = (copy: AnswerDraft, answer: StoredAnswer | undefined): boolean => JSON.stringify(copy.value) === JSON.stringify(answer?.value ?? null);
export const sameNote = (copy: NoteDraft, answer: StoredAnswer | undefined): boolean => copy.note === (answer?.note ?? '');

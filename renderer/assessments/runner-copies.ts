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

/**
 * The kept copies that still say something the database does not: written after the stored
 * answer and different from it. Copies the database has caught up with (or that a newer save
 * replaced) are removed.
 */
export function unsavedCopies<D>(store: CopyStore<D>, stored: Readonly<Record<string, StoredAnswer>>, same: (copy: D, answer: StoredAnswer | undefined) => boolean): Map<string, D> {
  const out = new Map<string, D>();
  for (const key of keysWithPrefix(store.prefix)) {
    const questionId = key.slice(store.prefix.length);
    const copy = readLocalCopy(store, questionId);
    const answer = stored[questionId];
    if (copy === null || (answer !== undefined && answer.updatedAt > copy.keptAt) || same(copy, answer)) {
      dropLocalCopy(store, questionId);
      continue;
    }
    const { keptAt: _keptAt, ...draft } = copy;
    out.set(questionId, draft as D);
  }
  return out;
}

export const sameAnswer = (copy: AnswerDraft, answer: StoredAnswer | undefined): boolean => JSON.stringify(copy.value) === JSON.stringify(answer?.value ?? null);
export const sameNote = (copy: NoteDraft, answer: StoredAnswer | undefined): boolean => copy.note === (answer?.note ?? '');

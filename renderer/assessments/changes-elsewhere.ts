import { useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import type { AssessmentDetail, StoredAnswer } from '../../core/assessment/types';
import type { AnswerValue } from '../../core/assessment/logic';
import { answerVersion, noteVersion } from '../../core/assessment/answer-version';
import type { Autosave } from '../data/autosave';
import type { AnswerDraft, NoteDraft } from './runner-copies';

/**
 * One assessment open in two tabs or windows (or changed by a sync): each runner learns of the
 * other's saves from `data.changed` (every page of the browser host and every Electron window gets
 * it), which reloads the session. Answers and notes this runner is not editing take the stored
 * value at once; one it is editing keeps this runner's value, and its save is refused as a
 * conflict until the user chooses (RunnerPage).
 */

/** The stored stamp of each question's answer and note this runner has seen or written. */
export type SeenStamps = { answers: Map<string, string>; notes: Map<string, string> };

export function useSeenStamps(detail: AssessmentDetail): SeenStamps {
  // Maps updated in place by saves and reloads, never rendered: one object for the runner's life.
  const [seen] = useState(() => {
    const stamps = Object.entries(detail.answers).map(([q, a]): [string, string] => [q, a.updatedAt]);
    return { answers: new Map(stamps), notes: new Map(stamps) };
  });
  return seen;
}

/** Every question of the session with its stored draft and version: what the autosave starts from. */
export function storedVersions<D>(detail: AssessmentDetail, of: (answer: StoredAnswer | undefined) => { draft: D; version: string }): Record<string, { draft: D; version: string }> {
  const questions = detail.definition.sections.flatMap((s) => s.questions);
  return Object.fromEntries(questions.map((q) => [q.id, of(detail.answers[q.id])]));
}

type Editors = {
  answers: Readonly<Record<string, AnswerValue>>;
  notes: Readonly<Record<string, string>>;
  setAnswers: Dispatch<SetStateAction<Record<string, AnswerValue>>>;
  setNotes: Dispatch<SetStateAction<Record<string, string>>>;
  answerSaves: Autosave<AnswerDraft>;
  noteSaves: Autosave<NoteDraft>;
  /** How many answers and notes were just taken from elsewhere. */
  onTaken: (count: number) => void;
};

/**
 * Takes answers and notes stored elsewhere since this runner last saw them, where this runner has
 * nothing unsaved for them, and says how many it took (for a notice). A stamp not newer than the
 * one seen (this runner's own save coming back, a reload that started before it) changes nothing.
 */
export function useChangesFromElsewhere(detail: AssessmentDetail, seen: SeenStamps, editors: Editors): void {
  const latest = useRef(editors);
  useEffect(() => {
    latest.current = editors;
  });
  useEffect(() => {
    const { answers, notes, setAnswers, setNotes, answerSaves, noteSaves, onTaken } = latest.current;
    let count = 0;
    for (const [questionId, stored] of Object.entries(detail.answers)) {
      if (stored.updatedAt > (seen.answers.get(questionId) ?? '')) {
        seen.answers.set(questionId, stored.updatedAt);
        if (!answerSaves.pending(questionId)) {
          answerSaves.rebase(questionId, answerVersion(stored.value));
          if (answerVersion(answers[questionId]) !== answerVersion(stored.value)) {
            setAnswers((a) => ({ ...a, [questionId]: stored.value }));
            count += 1;
          }
        }
      }
      if (stored.updatedAt > (seen.notes.get(questionId) ?? '')) {
        seen.notes.set(questionId, stored.updatedAt);
        if (!noteSaves.pending(questionId)) {
          noteSaves.rebase(questionId, noteVersion(stored.note));
          if ((notes[questionId] ?? '') !== stored.note) {
            setNotes((n) => ({ ...n, [questionId]: stored.note }));
            count += 1;
          }
        }
      }
    }
    if (count > 0) onTaken(count);
  }, [detail, seen]);
}

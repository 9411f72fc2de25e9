import { useCallback } from 'react';
import type { Note } from '../../core/notes/types';
import { noteSizeProblem } from '../../core/notes/lexical-document';
import { mutate } from '../data/query-client';
import {
  dropLocalCopy as dropCopy,
  readLocalCopy as readCopy,
  useAutosave,
  type CopyStore,
  type LocalCopy as KeptCopy,
  type SaveStatus,
} from '../lib/autosave';

/**
 * Autosave for one note (renderer/lib/autosave.ts does the work: debounce, one save at a time,
 * baseUpdatedAt conflicts, an unsaved copy in localStorage until the backend acknowledges it).
 */

export { AUTOSAVE_DELAY_MS } from '../lib/autosave';

export type NoteDraft = { title: string; bodyJson: string; tags: string[] };
export type LocalCopy = KeptCopy<NoteDraft>;
export type NoteSaveStatus = SaveStatus;

const NOTE_COPIES: CopyStore<NoteDraft> = {
  prefix: 'fieldbench.note-copy.',
  read: (value) =>
    typeof value.title === 'string' && typeof value.bodyJson === 'string' && Array.isArray(value.tags)
      ? { title: value.title, bodyJson: value.bodyJson, tags: value.tags.filter((t): t is string => typeof t === 'string') }
      : null,
};

export function readLocalCopy(noteId: string): LocalCopy | null {
  return readCopy(NOTE_COPIES, noteId);
}

export function dropLocalCopy(noteId: string): void {
  dropCopy(NOTE_COPIES, noteId);
}

const sizeProblem = (draft: NoteDraft): string | null => noteSizeProblem(draft.bodyJson);

export function useNoteAutosave(note: Note): {
  status: NoteSaveStatus;
  change: (patch: Partial<NoteDraft>, delayMs?: number) => void;
  retry: () => void;
} {
  const save = useCallback(
    (draft: NoteDraft, _changed: ReadonlySet<keyof NoteDraft>, baseUpdatedAt: string) =>
      mutate('notes.save', { id: note.id, title: draft.title, bodyJson: draft.bodyJson, tags: draft.tags, baseUpdatedAt }),
    [note.id],
  );
  const { status, change, retry } = useAutosave<NoteDraft>({
    id: note.id,
    store: NOTE_COPIES,
    initial: { title: note.title, bodyJson: note.bodyJson, tags: note.tags },
    baseUpdatedAt: note.updatedAt,
    save,
    problem: sizeProblem,
  });
  return { status, change, retry };
}

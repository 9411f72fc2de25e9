import { useCallback, useEffect, useRef, useState } from 'react';
import type { Note } from '../../core/notes/types';
import { noteSizeProblem } from '../../core/notes/lexical-document';
import { callSafe } from '../lib/api';

/**
 * Autosave for one note: a change waits AUTOSAVE_DELAY_MS after the last keystroke, then one save
 * runs at a time (changes made meanwhile go in the next one). Each save sends the updatedAt it
 * edited, so a note changed elsewhere is never overwritten (the backend answers `conflict`).
 * Until a change is acknowledged it is kept in localStorage too, so a failed save, a conflict or a
 * closed window loses nothing; "Saved" is shown only for what the backend acknowledged.
 */

export const AUTOSAVE_DELAY_MS = 800;

export type NoteDraft = { title: string; bodyJson: string; tags: string[] };
export type LocalCopy = NoteDraft & { keptAt: string };

export type NoteSaveStatus =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved'; at: string }
  | { state: 'error'; message: string; conflict: boolean };

const COPY_PREFIX = 'fieldbench.note-copy.';

export function readLocalCopy(noteId: string): LocalCopy | null {
  try {
    const raw = localStorage.getItem(COPY_PREFIX + noteId);
    if (raw === null) return null;
    const value = JSON.parse(raw) as Partial<LocalCopy>;
    if (typeof value.title !== 'string' || typeof value.bodyJson !== 'string' || !Array.isArray(value.tags) || typeof value.keptAt !== 'string') return null;
    return { title: value.title, bodyJson: value.bodyJson, tags: value.tags.filter((t): t is string => typeof t === 'string'), keptAt: value.keptAt };
  } catch {
    return null;
  }
}

/** Keeps an unsaved copy; false when the browser storage refused it (too large, full). */
function keepLocalCopy(noteId: string, draft: NoteDraft): boolean {
  try {
    localStorage.setItem(COPY_PREFIX + noteId, JSON.stringify({ ...draft, keptAt: new Date().toISOString() }));
    return true;
  } catch {
    return false;
  }
}

export function dropLocalCopy(noteId: string): void {
  try {
    localStorage.removeItem(COPY_PREFIX + noteId);
  } catch {
    // storage unavailable: nothing was kept
  }
}

export function useNoteAutosave(note: Note): {
  status: NoteSaveStatus;
  change: (patch: Partial<NoteDraft>, delayMs?: number) => void;
  retry: () => void;
} {
  const [status, setStatus] = useState<NoteSaveStatus>({ state: 'idle' });
  const draft = useRef<NoteDraft>({ title: note.title, bodyJson: note.bodyJson, tags: note.tags });
  const base = useRef(note.updatedAt);
  const dirty = useRef(false);
  const running = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const mounted = useRef(true);
  const id = note.id;

  const report = useCallback((next: NoteSaveStatus) => {
    if (mounted.current) setStatus(next);
  }, []);

  const run = useCallback(async (): Promise<void> => {
    if (running.current) return; // the running save sends the rest when it ends
    running.current = true;
    while (dirty.current) {
      dirty.current = false;
      const sent = draft.current;
      const tooLarge = noteSizeProblem(sent.bodyJson);
      if (tooLarge !== null) {
        keepLocalCopy(id, sent);
        dirty.current = true;
        report({ state: 'error', message: tooLarge, conflict: false });
        break;
      }
      report({ state: 'saving' });
      const result = await callSafe('notes.save', { id, title: sent.title, bodyJson: sent.bodyJson, tags: sent.tags, baseUpdatedAt: base.current });
      if (!result.ok) {
        keepLocalCopy(id, draft.current);
        dirty.current = true;
        report({ state: 'error', message: result.error.message, conflict: result.error.code === 'conflict' });
        break;
      }
      base.current = result.value.updatedAt;
      if (!dirty.current) {
        dropLocalCopy(id);
        report({ state: 'saved', at: result.value.updatedAt });
      }
    }
    running.current = false;
  }, [id, report]);

  const change = useCallback(
    (patch: Partial<NoteDraft>, delayMs = AUTOSAVE_DELAY_MS) => {
      draft.current = { ...draft.current, ...patch };
      dirty.current = true;
      if (timer.current) clearTimeout(timer.current);
      report({ state: 'saving' });
      timer.current = setTimeout(() => {
        timer.current = null;
        void run();
      }, delayMs);
    },
    [report, run],
  );

  const retry = useCallback(() => {
    dirty.current = true;
    void run();
  }, [run]);

  useEffect(() => {
    mounted.current = true;
    // Closing the window cannot wait for a save: keep what is unsaved on this device instead.
    const onUnload = (): void => {
      if (dirty.current) keepLocalCopy(id, draft.current);
    };
    window.addEventListener('beforeunload', onUnload);
    return () => {
      mounted.current = false;
      window.removeEventListener('beforeunload', onUnload);
      // Leaving the page: send what is still waiting for its debounce instead of dropping it.
      if (timer.current) {
        clearTimeout(timer.current);
        timer.current = null;
      }
      if (dirty.current) {
        keepLocalCopy(id, draft.current);
        void run();
      }
    };
  }, [id, run]);

  return { status, change, retry };
}

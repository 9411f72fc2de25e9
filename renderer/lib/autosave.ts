import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiResult } from '../../core/api/result';

/**
 * Autosave for one record edited in place (a note, a proposal): a change waits AUTOSAVE_DELAY_MS
 * after the last keystroke, then one save runs at a time (changes made meanwhile go in the next
 * one). Each save sends the updatedAt it edited, so a record changed elsewhere is never
 * overwritten (the backend answers `conflict`). Until a change is acknowledged it is kept in
 * localStorage too, so a failed save, a conflict or a closed window loses nothing; "Saved" is shown
 * only for what the backend acknowledged.
 */

export const AUTOSAVE_DELAY_MS = 800;

export type SaveStatus =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved'; at: string }
  | { state: 'error'; message: string; conflict: boolean };

export type LocalCopy<D> = D & { keptAt: string };

/** Where unsaved copies of one kind of record live: a storage key prefix and a check of what is read back. */
export type CopyStore<D> = { prefix: string; read: (value: Record<string, unknown>) => D | null };

export function readLocalCopy<D>(store: CopyStore<D>, id: string): LocalCopy<D> | null {
  try {
    const raw = localStorage.getItem(store.prefix + id);
    if (raw === null) return null;
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return null;
    const record = value as Record<string, unknown>;
    const draft = store.read(record);
    return draft === null || typeof record.keptAt !== 'string' ? null : { ...draft, keptAt: record.keptAt };
  } catch {
    return null;
  }
}

/** Keeps an unsaved copy; false when the browser storage refused it (too large, full). */
function keepLocalCopy<D>(store: CopyStore<D>, id: string, draft: D): boolean {
  try {
    localStorage.setItem(store.prefix + id, JSON.stringify({ ...draft, keptAt: new Date().toISOString() }));
    return true;
  } catch {
    return false;
  }
}

export function dropLocalCopy<D>(store: CopyStore<D>, id: string): void {
  try {
    localStorage.removeItem(store.prefix + id);
  } catch {
    // storage unavailable: nothing was kept
  }
}

export type AutosaveOptions<D extends object> = {
  id: string;
  store: CopyStore<D>;
  initial: D;
  /** The updatedAt of the stored record the editor opened. */
  baseUpdatedAt: string;
  /** Sends the draft; `changed` names the parts changed since the last acknowledged save. */
  save: (draft: D, changed: ReadonlySet<keyof D>, baseUpdatedAt: string) => Promise<ApiResult<{ updatedAt: string }>>;
  /** A problem that makes saving pointless (too large); the draft is kept locally instead. */
  problem?: (draft: D) => string | null;
};

export function useAutosave<D extends object>({
  id,
  store,
  initial,
  baseUpdatedAt,
  save,
  problem,
}: AutosaveOptions<D>): {
  status: SaveStatus;
  change: (patch: Partial<D>, delayMs?: number) => void;
  retry: () => void;
  /** After another call changed the record (a status move): its new updatedAt, so the next save is not a conflict. */
  rebase: (updatedAt: string) => void;
  /** Saves what is waiting now (before a version is taken); true when everything is acknowledged. */
  flush: () => Promise<boolean>;
} {
  const [status, setStatus] = useState<SaveStatus>({ state: 'idle' });
  const draft = useRef<D>(initial);
  const changed = useRef(new Set<keyof D>());
  const base = useRef(baseUpdatedAt);
  const dirty = useRef(false);
  const running = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const mounted = useRef(true);
  const current = useRef<Promise<void>>(Promise.resolve());
  // The caller's functions may be new on every render; the save loop uses the latest.
  const saveRef = useRef(save);
  saveRef.current = save;
  const problemRef = useRef(problem);
  problemRef.current = problem;

  const report = useCallback((next: SaveStatus) => {
    if (mounted.current) setStatus(next);
  }, []);

  const loop = useCallback(async (): Promise<void> => {
    running.current = true;
    while (dirty.current) {
      dirty.current = false;
      const sent = draft.current;
      const parts = new Set(changed.current);
      const refused = problemRef.current?.(sent) ?? null;
      if (refused !== null) {
        keepLocalCopy(store, id, sent);
        dirty.current = true;
        report({ state: 'error', message: refused, conflict: false });
        break;
      }
      report({ state: 'saving' });
      const result = await saveRef.current(sent, parts, base.current);
      if (!result.ok) {
        keepLocalCopy(store, id, draft.current);
        dirty.current = true;
        report({ state: 'error', message: result.error.message, conflict: result.error.code === 'conflict' });
        break;
      }
      for (const part of parts) if (draft.current[part] === sent[part]) changed.current.delete(part);
      base.current = result.value.updatedAt;
      if (!dirty.current) {
        dropLocalCopy(store, id);
        report({ state: 'saved', at: result.value.updatedAt });
      }
    }
    running.current = false;
  }, [id, report, store]);

  const run = useCallback((): Promise<void> => {
    if (running.current) return current.current; // the running save sends the rest when it ends
    current.current = loop();
    return current.current;
  }, [loop]);

  const change = useCallback(
    (patch: Partial<D>, delayMs = AUTOSAVE_DELAY_MS) => {
      draft.current = { ...draft.current, ...patch };
      for (const key of Object.keys(patch) as (keyof D)[]) changed.current.add(key);
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

  const rebase = useCallback((updatedAt: string) => {
    base.current = updatedAt;
  }, []);

  const flush = useCallback(async (): Promise<boolean> => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    await run();
    // A change made while that save ran is sent by the same loop; an error leaves it dirty.
    return !dirty.current;
  }, [run]);

  useEffect(() => {
    mounted.current = true;
    // Closing the window cannot wait for a save: keep what is unsaved on this device instead.
    const onUnload = (): void => {
      if (dirty.current) keepLocalCopy(store, id, draft.current);
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
        keepLocalCopy(store, id, draft.current);
        void run();
      }
    };
  }, [id, run, store]);

  return { status, change, retry, rebase, flush };
}

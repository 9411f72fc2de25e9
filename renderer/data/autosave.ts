import { useCallback, useEffect, useRef, useState } from 'react';
import { msg, type ApiMessage } from '../../core/api/message';
import { errorOf, type ApiResult } from '../../core/api/result';
import { whenWindowCloses } from '../lib/api';

/**
 * The one autosave of the app, for every editor that saves as you type (a note, a proposal, each
 * answer and note of an assessment). Edits are kept per key (a record id, a question id): a change
 * waits AUTOSAVE_DELAY_MS after the last keystroke, then one save per key runs at a time (changes
 * made meanwhile go in the next one). A save sends the version it edited, so a record changed
 * elsewhere is never overwritten (the backend answers `conflict`). "Saved" is shown only for what
 * the backend acknowledged. With a copy store, what is not yet acknowledged is also kept in
 * localStorage — after a failed save, a conflict, on leaving the editor and when the page is hidden
 * or closed — so nothing typed is lost. Closing an Electron window waits until what is waiting is
 * saved (electron/main/close-flush.ts).
 */

export const AUTOSAVE_DELAY_MS = 800;

/** The one save state every editor shows (renderer/ui/SaveStatus.tsx). */
export type SaveState =
  | { state: 'idle' }
  /** Changed, waiting for an explicit Save (forms that do not autosave). */
  | { state: 'unsaved' }
  | { state: 'saving' }
  | { state: 'saved'; at: string }
  /** `problem` is what the backend (or the editor's own check) said, worded by the UI. */
  | { state: 'error'; problem: ApiMessage; conflict: boolean };

export const IDLE: SaveState = { state: 'idle' };

/** What the backend acknowledged: when, and the record's new version for the next save's conflict check. */
export type SaveAck = { savedAt: string; version?: string };

/** An unsaved draft kept on this device: when, and the stored version it was typed on (null: unknown or none). */
export type LocalCopy<D> = D & { keptAt: string; baseVersion: string | null };

/** Where unsaved copies of one kind of record live: a storage key prefix and a check of what is read back. */
export type CopyStore<D> = { prefix: string; read: (value: Record<string, unknown>) => D | null };

export function readLocalCopy<D>(store: CopyStore<D>, key: string): LocalCopy<D> | null {
  try {
    const raw = localStorage.getItem(store.prefix + key);
    if (raw === null) return null;
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return null;
    const record = value as Record<string, unknown>;
    const draft = store.read(record);
    if (draft === null || typeof record.keptAt !== 'string') return null;
    // Copies kept before the base version was recorded have none.
    return { ...draft, keptAt: record.keptAt, baseVersion: typeof record.baseVersion === 'string' ? record.baseVersion : null };
  } catch {
    return null;
  }
}

/** Keeps an unsaved copy; false when the browser storage refused it (too large, full). */
function keepLocalCopy<D>(store: CopyStore<D>, key: string, draft: D, baseVersion: string | null): boolean {
  try {
    localStorage.setItem(store.prefix + key, JSON.stringify({ ...draft, keptAt: new Date().toISOString(), baseVersion }));
    return true;
  } catch {
    return false;
  }
}

export function dropLocalCopy<D>(store: CopyStore<D>, key: string): void {
  try {
    localStorage.removeItem(store.prefix + key);
  } catch {
    // storage unavailable: nothing was kept
  }
}

export type AutosaveOptions<D extends object> = {
  /** Sends one key's draft; `changed` names the parts changed since its last acknowledged save. */
  save: (key: string, draft: D, changed: ReadonlySet<keyof D>, version: string | null) => Promise<ApiResult<SaveAck>>;
  /** What a key starts from (the record as the editor opened it); other keys start from their first change. */
  opened?: Readonly<Record<string, { draft: D; version: string | null }>>;
  /** Keeps unacknowledged drafts on this device. */
  copies?: CopyStore<D>;
  /** A problem that makes saving pointless (too large): the draft is kept locally instead. */
  problem?: (draft: D) => ApiMessage | null;
};

export type Autosave<D extends object> = {
  /** Each key's save state; a key never changed is absent (IDLE). */
  states: Readonly<Record<string, SaveState>>;
  change: (key: string, patch: Partial<D>, delayMs?: number) => void;
  retry: (key: string) => void;
  /** After another call changed the record (a status move): its new version, so the next save is not a conflict. */
  rebase: (key: string, version: string) => void;
  /** Saves what is waiting now (before a version is taken); true when everything is acknowledged. */
  flush: () => Promise<boolean>;
  /** True while a key has a change the backend has not acknowledged (waiting, being sent, or refused). */
  pending: (key: string) => boolean;
  /**
   * Drops a key's unacknowledged change (the user chose the stored version over theirs, after a
   * conflict): nothing more is sent for it, its copy on this device goes, and `version` is what
   * the next change starts from.
   */
  discard: (key: string, version: string) => void;
};

type Slot<D> = {
  draft: D;
  changed: Set<keyof D>;
  version: string | null;
  dirty: boolean;
  timer: ReturnType<typeof setTimeout> | null;
  running: Promise<void> | null;
};

export function useAutosave<D extends object>(options: AutosaveOptions<D>): Autosave<D> {
  const [states, setStates] = useState<Record<string, SaveState>>({});
  const slots = useRef(new Map<string, Slot<D>>());
  const mounted = useRef(true);
  // The caller's options may be new on every render; the save loop uses the latest.
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });

  const report = useCallback((key: string, next: SaveState) => {
    if (mounted.current) setStates((s) => ({ ...s, [key]: next }));
  }, []);

  const slotOf = useCallback((key: string): Slot<D> => {
    let slot = slots.current.get(key);
    if (!slot) {
      const opened = latest.current.opened?.[key];
      slot = { draft: opened?.draft ?? ({} as D), changed: new Set(), version: opened?.version ?? null, dirty: false, timer: null, running: null };
      slots.current.set(key, slot);
    }
    return slot;
  }, []);

  const keepCopy = useCallback((key: string, slot: Slot<D>) => {
    const { copies } = latest.current;
    if (copies) keepLocalCopy(copies, key, slot.draft, slot.version);
  }, []);

  const loop = useCallback(
    async (key: string, slot: Slot<D>): Promise<void> => {
      while (slot.dirty) {
        // This save sends the newest draft, so a change still waiting for its debounce goes with it.
        if (slot.timer !== null) {
          clearTimeout(slot.timer);
          slot.timer = null;
        }
        slot.dirty = false;
        const sent = slot.draft;
        const parts = new Set(slot.changed);
        const refused = latest.current.problem?.(sent) ?? null;
        if (refused !== null) {
          keepCopy(key, slot);
          slot.dirty = true;
          report(key, { state: 'error', problem: refused, conflict: false });
          return;
        }
        report(key, { state: 'saving' });
        let result: ApiResult<SaveAck>;
        try {
          result = await latest.current.save(key, sent, parts, slot.version);
        } catch (error) {
          result = { ok: false, error: errorOf('internal', msg('error.unexpected', { detail: error instanceof Error ? error.message : String(error) })) };
        }
        if (!result.ok) {
          keepCopy(key, slot);
          slot.dirty = true;
          report(key, { state: 'error', problem: result.error, conflict: result.error.code === 'conflict' });
          return;
        }
        for (const part of parts) if (slot.draft[part] === sent[part]) slot.changed.delete(part);
        if (result.value.version !== undefined) slot.version = result.value.version;
        if (!slot.dirty) {
          const { copies } = latest.current;
          if (copies) dropLocalCopy(copies, key);
          report(key, { state: 'saved', at: result.value.savedAt });
        }
      }
    },
    [keepCopy, report],
  );

  const run = useCallback(
    (key: string): Promise<void> => {
      const slot = slotOf(key);
      // The running save sends the rest when it ends.
      slot.running ??= loop(key, slot).finally(() => {
        slot.running = null;
      });
      return slot.running;
    },
    [loop, slotOf],
  );

  const change = useCallback(
    (key: string, patch: Partial<D>, delayMs = AUTOSAVE_DELAY_MS) => {
      const slot = slotOf(key);
      slot.draft = { ...slot.draft, ...patch };
      for (const part of Object.keys(patch) as (keyof D)[]) slot.changed.add(part);
      slot.dirty = true;
      report(key, { state: 'saving' });
      if (slot.timer !== null) clearTimeout(slot.timer);
      slot.timer = null;
      if (delayMs <= 0) void run(key);
      else slot.timer = setTimeout(() => void run(key), delayMs);
    },
    [report, run, slotOf],
  );

  const retry = useCallback(
    (key: string) => {
      slotOf(key).dirty = true;
      void run(key);
    },
    [run, slotOf],
  );

  const rebase = useCallback(
    (key: string, version: string) => {
      slotOf(key).version = version;
    },
    [slotOf],
  );

  const flush = useCallback(async (): Promise<boolean> => {
    const waiting = [...slots.current].filter(([, slot]) => slot.dirty || slot.running !== null);
    await Promise.all(waiting.map(([key]) => run(key)));
    // A change made while those saves ran is sent by the same loop; an error leaves it dirty.
    return [...slots.current.values()].every((slot) => !slot.dirty);
  }, [run]);

  // Closing the window (Electron) waits until what is waiting here is saved.
  useEffect(
    () =>
      whenWindowCloses(async () => {
        await flush();
      }),
    [flush],
  );

  useEffect(() => {
    mounted.current = true;
    const all = slots.current;
    // The page is being hidden or closed, which may be the end of it: keep what is unsaved on this
    // device at once — waiting for its debounce, or sent and not yet acknowledged (the request may
    // die with the page) — and send it while the page can still run. The copy goes when the save
    // is acknowledged.
    const onHide = (): void => {
      for (const [key, slot] of all) {
        if (!slot.dirty && slot.running === null) continue;
        keepCopy(key, slot);
        if (slot.dirty) void run(key);
      }
    };
    window.addEventListener('pagehide', onHide);
    window.addEventListener('beforeunload', onHide);
    return () => {
      mounted.current = false;
      window.removeEventListener('pagehide', onHide);
      window.removeEventListener('beforeunload', onHide);
      // Leaving the editor: send what is still waiting for its debounce instead of dropping it.
      onHide();
    };
  }, [keepCopy, run]);

  const pending = useCallback((key: string): boolean => {
    const slot = slots.current.get(key);
    return slot !== undefined && (slot.dirty || slot.running !== null);
  }, []);

  const discard = useCallback(
    (key: string, version: string) => {
      const slot = slotOf(key);
      if (slot.timer !== null) clearTimeout(slot.timer);
      // A save already on its way ends as it ends; nothing is sent after it.
      Object.assign(slot, { timer: null, dirty: false, version });
      slot.changed.clear();
      const { copies } = latest.current;
      if (copies) dropLocalCopy(copies, key);
      report(key, IDLE);
    },
    [report, slotOf],
  );

  return { states, change, retry, rebase, flush, pending, discard };
}

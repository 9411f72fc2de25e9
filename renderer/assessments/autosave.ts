import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Autosave for the runner: each key (an answer, a note) has its own queue. A change waits for the
 * debounce, then one call runs at a time per key; changes made meanwhile are sent after it, newest
 * only. "Saved" is reported only when the backend acknowledged the write (it is durable then);
 * a failure keeps the unsent change for a retry.
 */

export type SaveStatus = { state: 'saving' } | { state: 'saved'; at: string } | { state: 'error'; message: string };
export type SaveOutcome = { ok: true; savedAt: string } | { ok: false; message: string };
export type SaveJob = () => Promise<SaveOutcome>;

type Entry = {
  timer: ReturnType<typeof setTimeout> | null;
  /** The change waiting for its debounce. */
  waiting: SaveJob | null;
  running: boolean;
  queued: SaveJob | null;
  failed: SaveJob | null;
};

export function useAutosave(): {
  statuses: Readonly<Record<string, SaveStatus>>;
  save: (key: string, job: SaveJob, delayMs: number) => void;
  retry: (key: string) => void;
} {
  const [statuses, setStatuses] = useState<Record<string, SaveStatus>>({});
  const entries = useRef(new Map<string, Entry>());
  const mounted = useRef(true);

  const setStatus = useCallback((key: string, status: SaveStatus) => {
    if (mounted.current) setStatuses((s) => ({ ...s, [key]: status }));
  }, []);

  const entryOf = useCallback((key: string): Entry => {
    let entry = entries.current.get(key);
    if (!entry) entries.current.set(key, (entry = { timer: null, waiting: null, running: false, queued: null, failed: null }));
    return entry;
  }, []);

  const run = useCallback(
    async (key: string, job: SaveJob): Promise<void> => {
      const entry = entryOf(key);
      if (entry.running) {
        entry.queued = job;
        return;
      }
      entry.running = true;
      let outcome: SaveOutcome;
      try {
        outcome = await job();
      } catch (error) {
        outcome = { ok: false, message: error instanceof Error ? error.message : String(error) };
      }
      entry.running = false;
      const next = entry.queued;
      entry.queued = null;
      if (next) return run(key, next);
      if (entry.timer) return; // a newer change is waiting for its debounce
      entry.failed = outcome.ok ? null : job;
      setStatus(key, outcome.ok ? { state: 'saved', at: outcome.savedAt } : { state: 'error', message: outcome.message });
    },
    [entryOf, setStatus],
  );

  const save = useCallback(
    (key: string, job: SaveJob, delayMs: number) => {
      const entry = entryOf(key);
      if (entry.timer) clearTimeout(entry.timer);
      entry.failed = null;
      setStatus(key, { state: 'saving' });
      const start = (): void => {
        entry.timer = null;
        entry.waiting = null;
        void run(key, job);
      };
      if (delayMs <= 0) start();
      else {
        entry.waiting = job;
        entry.timer = setTimeout(start, delayMs);
      }
    },
    [entryOf, run, setStatus],
  );

  const retry = useCallback(
    (key: string) => {
      const job = entries.current.get(key)?.failed;
      if (job) save(key, job, 0);
    },
    [save],
  );

  useEffect(() => {
    mounted.current = true;
    const all = entries.current;
    return () => {
      mounted.current = false;
      // Leaving the screen: send what is still waiting for its debounce instead of dropping it.
      for (const [key, entry] of all) {
        if (!entry.timer || !entry.waiting) continue;
        clearTimeout(entry.timer);
        const job = entry.waiting;
        entry.timer = null;
        entry.waiting = null;
        void run(key, job);
      }
    };
  }, [run]);

  return { statuses, save, retry };
}

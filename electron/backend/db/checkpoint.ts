import type { Db } from './connection';

/**
 * Moving the WAL back into the database file. Recent writes live in fieldbench.db-wal until a
 * checkpoint copies them into fieldbench.db; SQLite does that by itself only when the WAL reaches
 * 1000 pages. Until then, someone who copies fieldbench.db alone (against the README's advice)
 * misses the last hours of work. So the backend checkpoints when it has been idle for a while
 * and at clean shutdown, with TRUNCATE, which leaves an empty WAL behind.
 */

/** How long the backend waits after its last call before it checkpoints. */
export const IDLE_CHECKPOINT_MS = 30_000;

export type CheckpointResult = {
  /** True when a reader kept the checkpoint from finishing; it is tried again at the next idle time. */
  busy: boolean;
  /** Pages in the WAL before the checkpoint, and how many of them reached the database file. */
  walPages: number;
  checkpointed: number;
};

/**
 * Copies everything in the WAL into the database file and truncates the WAL. With `wait: false`
 * it does not wait for another connection that is reading or writing (the busy timeout is off
 * meanwhile): the idle checkpoint must never hold up the next call for seconds.
 */
export function checkpoint(db: Db, options: { wait: boolean } = { wait: true }): CheckpointResult {
  if (options.wait) return truncateWal(db);
  const busyTimeout = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    return truncateWal(db);
  } finally {
    db.pragma(`busy_timeout = ${busyTimeout}`);
  }
}

function truncateWal(db: Db): CheckpointResult {
  const [row] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
  return { busy: (row?.busy ?? 0) !== 0, walPages: row?.log ?? 0, checkpointed: row?.checkpointed ?? 0 };
}

export type IdleCheckpoint = {
  /** Call after every call the backend answered: the idle time starts again. */
  activity(): void;
  /** Stops waiting (at shutdown). */
  stop(): void;
};

/**
 * Checkpoints once the backend has had no call for `idleMs`. The timer never keeps the process
 * alive, a checkpoint never runs inside a transaction, and a failure is logged (the next idle
 * time tries again): a checkpoint is housekeeping, never a reason to fail a call.
 */
export function idleCheckpoint(db: Db, options: { idleMs: number; log: (message: string, error?: unknown) => void }): IdleCheckpoint {
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const run = (): void => {
    timer = null;
    if (stopped || !db.open || db.inTransaction) return;
    try {
      const result = checkpoint(db, { wait: false });
      if (result.busy) options.log(`idle checkpoint: the WAL is in use; ${result.checkpointed} of ${result.walPages} pages moved`);
    } catch (error) {
      options.log('idle checkpoint failed', error);
    }
  };
  return {
    activity() {
      if (stopped) return;
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(run, options.idleMs);
      timer.unref();
    },
    stop() {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}

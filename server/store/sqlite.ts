import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Sql, SqlRow, SqlValue } from './sql';

/**
 * SQLite for a single server process: one connection, WAL, synchronous=FULL (an acknowledged
 * push survives a power cut). better-sqlite3 is synchronous, so a transaction that awaits would
 * let other requests' statements into it: every statement and batch of transactions waits its
 * turn in one queue instead.
 */
export function openSqlite(dataDir: string): Sql {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, 'fieldbench-server.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // A server's working set is its recent messages: keep them in memory instead of re-reading pages.
  db.pragma('cache_size = -65536');
  db.pragma('mmap_size = 268435456');
  // Each request's work in a group commit runs in a savepoint (below), which keeps the first copy
  // of every page it changes in a sub-journal: in memory, not in a temporary file (a 2,000-message
  // push stored 3 times faster).
  db.pragma('temp_store = MEMORY');
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };
  const params = (values: readonly SqlValue[]) => values.map((v) => (typeof v === 'boolean' ? Number(v) : v));
  // The store runs a few dozen distinct statements; each is prepared once.
  const statements = new Map<string, Database.Statement>();
  const statement = (sql: string): Database.Statement => {
    let found = statements.get(sql);
    if (!found) statements.set(sql, (found = db.prepare(sql)));
    return found;
  };

  // Group commit: transactions asked for while another batch runs wait for the next batch, which
  // runs them one after another inside one SQLite transaction, each in its own savepoint (a
  // failing one is rolled back alone), and commits — one fsync for all of them. Each caller hears
  // of success only after that commit, so nothing is acknowledged before it is durable.
  type Pending = { work: (tx: Sql) => Promise<unknown>; resolve: (value: unknown) => void; reject: (error: unknown) => void };
  let waiting: Pending[] = [];
  let flushing = false;
  const flush = (): void => {
    if (flushing || waiting.length === 0) return;
    flushing = true;
    // Start the batch after the event loop's I/O phase, so requests read in the same turn join it:
    // under load one commit (one fsync) serves many requests instead of one each.
    setImmediate(runBatch);
  };
  const runBatch = (): void => {
    const batch = waiting;
    waiting = [];
    void serial(async () => {
      const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
      try {
        // Inside the try: another process holding the write lock past busy_timeout (SQLITE_BUSY)
        // fails this batch's callers, and must not leave them waiting or reject the queue.
        db.exec('BEGIN IMMEDIATE');
        if (batch.length === 1 && batch[0] !== undefined) {
          // Alone in its batch (a long push, a quiet server): the transaction is its savepoint; if
          // it fails, the catch below rolls it back and tells its caller.
          outcomes.push({ ok: true, value: await batch[0].work(direct(true)) });
        } else {
          for (const item of batch) {
            db.exec('SAVEPOINT one');
            try {
              outcomes.push({ ok: true, value: await item.work(direct(true)) });
              db.exec('RELEASE one');
            } catch (error) {
              db.exec('ROLLBACK TO one');
              db.exec('RELEASE one');
              outcomes.push({ ok: false, error });
            }
          }
        }
        db.exec('COMMIT');
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK');
        batch.forEach((item) => item.reject(error));
        return;
      }
      batch.forEach((item, i) => {
        const outcome = outcomes[i];
        if (outcome?.ok) item.resolve(outcome.value);
        else item.reject(outcome?.error);
      });
    }).finally(() => {
      flushing = false;
      flush();
    });
  };

  const direct = (inTransaction: boolean): Sql => ({
    dialect: 'sqlite',
    all: <T extends SqlRow>(sql: string, values: readonly SqlValue[] = []) => {
      const run = async () => statement(sql).all(...params(values)) as T[];
      return inTransaction ? run() : serial(run);
    },
    run: (sql, values = []) => {
      const run = async () => ({ changes: statement(sql).run(...params(values)).changes });
      return inTransaction ? run() : serial(run);
    },
    transaction: <T>(work: (tx: Sql) => Promise<T>): Promise<T> => {
      if (inTransaction) return work(direct(true));
      return new Promise<T>((resolve, reject) => {
        waiting.push({ work, resolve: resolve as (value: unknown) => void, reject });
        flush();
      });
    },
    close: async () => {
      await serial(async () => db.close());
    },
  });
  return direct(false);
}

import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Sql, SqlRow, SqlValue } from './sql';

/**
 * SQLite for a single server process: one connection, WAL, synchronous=FULL (an acknowledged
 * push survives a power cut). better-sqlite3 is synchronous, so a transaction that awaits would
 * let other requests' statements into it: every statement and transaction waits its turn in one
 * queue instead.
 */
export function openSqlite(dataDir: string): Sql {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, 'fieldbench-server.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };
  const params = (values: readonly SqlValue[]) => values.map((v) => (typeof v === 'boolean' ? Number(v) : v));
  const direct = (inTransaction: boolean): Sql => ({
    dialect: 'sqlite',
    all: <T extends SqlRow>(sql: string, values: readonly SqlValue[] = []) => {
      const run = async () => db.prepare(sql).all(...params(values)) as T[];
      return inTransaction ? run() : serial(run);
    },
    run: (sql, values = []) => {
      const run = async () => ({ changes: db.prepare(sql).run(...params(values)).changes });
      return inTransaction ? run() : serial(run);
    },
    transaction: (work) => {
      if (inTransaction) return work(direct(true));
      return serial(async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await work(direct(true));
          db.exec('COMMIT');
          return result;
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw error;
        }
      });
    },
    close: async () => {
      await serial(async () => db.close());
    },
  });
  return direct(false);
}

import { formatApiMessage, msg, type ApiMessage } from '../../../core/api/message';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from './connection';
import type { Migration } from './migrations/types';

/** A database this build must not open; `detail` says why in words the UI can translate. */
export class MigrationError extends Error {
  override name = 'MigrationError';
  constructor(readonly detail: ApiMessage) {
    super(formatApiMessage(detail, 'en'));
  }
}

type Applied = { id: number; name: string };

function appliedMigrations(db: Db): Applied[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
  return db.prepare('SELECT id, name FROM schema_migrations ORDER BY id').all() as Applied[];
}

/**
 * Refuses a database whose applied migrations are not a prefix of the shipped list: that file was
 * written by a newer (or a diverged) build and opening it would risk the user's data.
 */
export function checkMigrationPrefix(applied: Applied[], shipped: readonly Migration[]): void {
  applied.forEach((a, i) => {
    const s = shipped[i];
    if (s === undefined) {
      throw new MigrationError(msg('error.dataFromNewerVersion', { id: a.id, name: a.name, known: shipped.length }));
    }
    if (s.id !== a.id || s.name !== a.name) {
      throw new MigrationError(msg('error.schemaHistoryDiffers', { step: i + 1, found: `${a.id} "${a.name}"`, expected: `${s.id} "${s.name}"` }));
    }
  });
}

export type MigrateResult = { applied: number[]; backupPath: string | null };

/**
 * Applies pending migrations, each in its own transaction. Before touching a database that already
 * holds data it is copied with SQLite's online backup API next to the original.
 */
export async function migrate(db: Db, shipped: readonly Migration[], dbFile: string | null): Promise<MigrateResult> {
  shipped.forEach((m, i) => {
    // A build error, not a user's: plain English.
    if (m.id !== i + 1) throw new Error(`shipped migrations must be numbered 1..n; found ${m.id} at position ${i + 1}`);
  });
  const applied = appliedMigrations(db);
  checkMigrationPrefix(applied, shipped);
  const pending = shipped.slice(applied.length);
  if (pending.length === 0) return { applied: [], backupPath: null };

  let backupPath: string | null = null;
  if (dbFile !== null && applied.length > 0) {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    backupPath = path.join(path.dirname(dbFile), `${path.basename(dbFile)}.before-migration-${applied.length + 1}.${stamp}.bak`);
    await db.backup(backupPath);
  }
  const record = db.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)');
  for (const m of pending) {
    db.transaction(() => {
      m.up(db);
      record.run(m.id, m.name, new Date().toISOString());
    })();
  }
  if (backupPath !== null && !fs.existsSync(backupPath)) throw new Error(`backup ${backupPath} was not written`);
  return { applied: pending.map((m) => m.id), backupPath };
}

export function schemaVersion(db: Db): number {
  const row = db.prepare('SELECT max(id) AS v FROM schema_migrations').get() as { v: number | null } | undefined;
  return row?.v ?? 0;
}

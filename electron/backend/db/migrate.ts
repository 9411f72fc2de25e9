import { formatApiMessage, msg, type ApiMessage } from '../../../core/api/message';
import path from 'node:path';
import { backupsDir, createBackup } from './backups';
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

/** Tables of the database other than SQLite's own. */
function userTableCount(db: Db): number {
  const row = db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'").get() as { n: number };
  return row.n;
}

function hasMigrationHistory(db: Db): boolean {
  return db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'").get() !== undefined;
}

function appliedMigrations(db: Db, dbFile: string): Applied[] {
  // Tables without a history: a file this build did not create (or whose history was lost).
  // Running migration 1 over it would fail half-way or, worse, succeed over someone's data.
  if (!hasMigrationHistory(db) && userTableCount(db) > 0) {
    throw new MigrationError(msg('error.noMigrationHistory', { file: dbFile }));
  }
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

/** Where the backup before a migration goes (db/backups.ts); null for a database that is never backed up (a new rescue target, a test's). */
export type MigrationBackup = { dataDir: string; appVersion: string } | null;

/**
 * Applies pending migrations, each in its own transaction. Before touching a database that already
 * holds data it is backed up (SQLite's online backup API, verified) into the data folder's backups.
 */
export async function migrate(db: Db, shipped: readonly Migration[], backupTo: MigrationBackup): Promise<MigrateResult> {
  shipped.forEach((m, i) => {
    // A build error, not a user's: plain English.
    if (m.id !== i + 1) throw new Error(`shipped migrations must be numbered 1..n; found ${m.id} at position ${i + 1}`);
  });
  const holdsData = userTableCount(db) > 0;
  const applied = appliedMigrations(db, db.name);
  checkMigrationPrefix(applied, shipped);
  const pending = shipped.slice(applied.length);
  if (pending.length === 0) return { applied: [], backupPath: null };

  let backupPath: string | null = null;
  // Any file that holds tables is backed up before the first step touches it; no backup, no migration.
  if (backupTo !== null && (holdsData || applied.length > 0)) {
    const backup = await createBackup(db, backupTo.dataDir, 'before-migration', { appVersion: backupTo.appVersion });
    backupPath = path.join(backupsDir(backupTo.dataDir), `${backup.id}.db`);
  }
  const record = db.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)');
  for (const m of pending) {
    db.transaction(() => {
      m.up(db);
      record.run(m.id, m.name, new Date().toISOString());
    })();
  }
  return { applied: pending.map((m) => m.id), backupPath };
}

export function schemaVersion(db: Db): number {
  const row = db.prepare('SELECT max(id) AS v FROM schema_migrations').get() as { v: number | null } | undefined;
  return row?.v ?? 0;
}

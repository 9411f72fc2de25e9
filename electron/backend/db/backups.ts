import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { BackupInfo, BackupReason } from '../../../core/api/types';
import type { Db } from './connection';

/**
 * Rolling backups of the database, in `<data folder>/backups/`. Always through SQLite's online
 * backup API (`db.backup`), which copies a consistent snapshot including what still lives in the
 * WAL — a copy of fieldbench.db alone would miss recent work. Each backup is opened and
 * quick-checked before it counts; only then is its description (a `.json` beside it) written, so a
 * backup without one is unfinished and never offered. Older backups of the same reason are pruned
 * only after a newer one has been verified.
 */

export const BACKUPS_DIR_NAME = 'backups';

/** How many backups of each reason are kept (the newest ones). */
const KEEP: Readonly<Record<BackupReason, number>> = {
  daily: 7,
  'before-migration': 3,
  'before-restore': 3,
  'before-sync': 5,
  manual: 10,
};

export const DAY_MS = 24 * 60 * 60 * 1000;

/** Record counts a user recognises, shown beside each backup so they can choose. */
const COUNTED: readonly [key: keyof BackupInfo['counts'], table: string][] = [
  ['customers', 'customers'],
  ['engagements', 'engagements'],
  ['assessments', 'assessment_sessions'],
  ['notes', 'field_notes'],
  ['lessons', 'lessons'],
  ['proposals', 'proposals'],
  ['risks', 'risk_items'],
];

export function backupsDir(dataDir: string): string {
  return path.join(dataDir, BACKUPS_DIR_NAME);
}

const ID_PATTERN = /^fieldbench-\d{8}T\d{6}Z-[0-9a-f]{6}-(daily|before-migration|before-restore|before-sync|manual)$/;

/** A backup id names a file in the backups folder; anything else (a path, `..`) is refused by the caller. */
export function isBackupId(id: string): boolean {
  return ID_PATTERN.test(id);
}

export function backupFile(dataDir: string, id: string): string {
  if (!isBackupId(id)) throw new Error(`not a backup id: ${id.slice(0, 80)}`);
  return path.join(backupsDir(dataDir), `${id}.db`);
}

function stamp(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

function hasTable(db: Database.Database, table: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(table) !== undefined;
}

/** Opens a backup read-only and says whether it is whole; its counts and schema version when it is. */
export function inspectDatabaseFile(file: string, nativeBinding?: string): { ok: true; schemaVersion: number; counts: BackupInfo['counts'] } | { ok: false; problem: string } {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding === undefined ? {} : { nativeBinding }) });
    const check = db.pragma('quick_check(5)') as { quick_check: string }[];
    const problems = check.map((r) => r.quick_check).filter((m) => m !== 'ok');
    if (problems.length > 0) return { ok: false, problem: problems.join('; ') };
    const schemaVersion = hasTable(db, 'schema_migrations') ? ((db.prepare('SELECT max(id) AS v FROM schema_migrations').get() as { v: number | null }).v ?? 0) : 0;
    const counts = { customers: 0, engagements: 0, assessments: 0, notes: 0, lessons: 0, proposals: 0, risks: 0 };
    for (const [key, table] of COUNTED) {
      if (!hasTable(db, table)) continue;
      counts[key] = (db.prepare(`SELECT count(*) AS n FROM ${table} WHERE deleted = 0`).get() as { n: number }).n;
    }
    return { ok: true, schemaVersion, counts };
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : String(error) };
  } finally {
    db?.close();
  }
}

function readInfo(file: string): BackupInfo | null {
  try {
    const value = JSON.parse(fs.readFileSync(file, 'utf8')) as BackupInfo;
    return typeof value.id === 'string' && isBackupId(value.id) ? value : null;
  } catch {
    return null;
  }
}

/** The verified backups, newest first. */
export function listBackups(dataDir: string): BackupInfo[] {
  let names: string[];
  try {
    names = fs.readdirSync(backupsDir(dataDir));
  } catch {
    return [];
  }
  return names
    .filter((n) => n.endsWith('.json'))
    .map((n) => readInfo(path.join(backupsDir(dataDir), n)))
    .filter((b): b is BackupInfo => b !== null && fs.existsSync(backupFile(dataDir, b.id)))
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

export type BackupOptions = { appVersion: string; now?: Date; nativeBinding?: string | undefined };

function removeBackup(dataDir: string, id: string): void {
  fs.rmSync(path.join(backupsDir(dataDir), `${id}.json`), { force: true });
  const file = backupFile(dataDir, id);
  for (const name of [file, `${file}-shm`, `${file}-wal`]) fs.rmSync(name, { force: true });
}

/**
 * Makes a fresh copy a file of its own: the backup API copies the live database's WAL flag with
 * its pages, and a WAL database opened even read-only gets a `-shm` (and `-wal`) file beside it,
 * which nothing would ever remove. In rollback-journal mode the copy is one file, whoever opens it.
 */
function asOneFile(file: string, nativeBinding: string | undefined): void {
  const copy = new Database(file, { fileMustExist: true, ...(nativeBinding === undefined ? {} : { nativeBinding }) });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

// Two backups started in the same millisecond (the daily one at start-up and one by hand) must
// still list in the order they were asked for, so "newest" is never a coin toss.
let lastBackupTime = 0;

function backupTime(): Date {
  lastBackupTime = Math.max(Date.now(), lastBackupTime + 1);
  return new Date(lastBackupTime);
}

/**
 * Backs the open database up with the backup API, verifies the copy and describes it; then prunes
 * older backups of the same reason. Throws when the copy could not be made or is not whole (and
 * leaves no trace of it), so a caller that needs a backup first (a migration, a restore) stops.
 */
export async function createBackup(db: Db, dataDir: string, reason: BackupReason, options: BackupOptions): Promise<BackupInfo> {
  const at = options.now ?? backupTime();
  const id = `fieldbench-${stamp(at)}-${crypto.randomBytes(3).toString('hex')}-${reason}`;
  fs.mkdirSync(backupsDir(dataDir), { recursive: true });
  const file = backupFile(dataDir, id);
  const part = `${file}.part`;
  try {
    await db.backup(part);
    asOneFile(part, options.nativeBinding);
    const fd = fs.openSync(part, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    const inspected = inspectDatabaseFile(part, options.nativeBinding);
    if (!inspected.ok) throw new Error(`the backup copy is not whole: ${inspected.problem}`);
    fs.renameSync(part, file);
    const info: BackupInfo = {
      id,
      reason,
      createdAt: at.toISOString(),
      appVersion: options.appVersion,
      schemaVersion: inspected.schemaVersion,
      size: fs.statSync(file).size,
      counts: inspected.counts,
    };
    fs.writeFileSync(path.join(backupsDir(dataDir), `${id}.json`), `${JSON.stringify(info, null, 2)}\n`);
    prune(dataDir, reason);
    return info;
  } catch (error) {
    for (const name of [part, `${part}-shm`, `${part}-wal`, file]) fs.rmSync(name, { force: true });
    throw error;
  }
}

function prune(dataDir: string, reason: BackupReason): void {
  listBackups(dataDir)
    .filter((b) => b.reason === reason)
    .slice(KEEP[reason])
    .forEach((b) => removeBackup(dataDir, b.id));
}

/** True when no backup (of any reason) is younger than a day. */
export function dailyBackupDue(dataDir: string, now: Date): boolean {
  const newest = listBackups(dataDir)[0];
  return newest === undefined || now.getTime() - Date.parse(newest.createdAt) >= DAY_MS;
}

/**
 * Removed at start-up: backup files left unfinished by a crash (`*.part`), and the `-shm`/`-wal`
 * files that opening a copy in WAL mode left beside it (every backup made by earlier versions, 32 KB each).
 * An empty `-wal` holds nothing; a `-shm` is an index SQLite rebuilds.
 */
export function removeUnfinishedBackups(dataDir: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(backupsDir(dataDir));
  } catch {
    return;
  }
  for (const n of names) {
    const file = path.join(backupsDir(dataDir), n);
    const leftover = n.endsWith('.part') || n.endsWith('-shm') || (n.endsWith('-wal') && fs.statSync(file, { throwIfNoEntry: false })?.size === 0);
    if (leftover) fs.rmSync(file, { force: true });
  }
}

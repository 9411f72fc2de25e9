import Database from 'better-sqlite3';

export type Db = Database.Database;

export type OpenOptions = {
  /** Path to a better_sqlite3.node built for the running runtime (Electron ships its own ABI). */
  nativeBinding?: string | undefined;
  readonly?: boolean;
};

/**
 * Opens the local store with the settings every connection must have. One writer (the backend
 * process); WAL so readers never block it; foreign keys on; synchronous FULL because every write
 * the UI acknowledges must survive power loss, and better-sqlite3 would otherwise leave WAL
 * databases at NORMAL.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const db = new Database(file, {
    ...(options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding }),
    readonly: options.readonly ?? false,
  });
  if (!options.readonly) db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = FULL');
  return db;
}

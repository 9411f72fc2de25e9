import path from 'node:path';
import { dispatch, type Handlers } from '../../core/api/dispatch';
import type { Emit } from './events';
import type { Platform } from './platform';
import type { ApiResult } from '../../core/api/result';
import type { BlobFile } from '../../core/api/blobs';
import { openDatabase, type Db } from './db/connection';
import { migrate, schemaVersion } from './db/migrate';
import { MIGRATIONS } from './db/migrations';
import { loadPack } from './content/load-pack';
import { importPack } from './content/import-pack';
import { createHandlers } from './handlers';
import { collectCommits, onDataChanged } from './db/changes';
import { createDefinitionCache } from './services/definitions';
import { readBlob } from './files/blobs';
import { sweepAttachmentLeftovers } from './files/sweep';
import { checkDatabaseWritable, checkDataFolderWritable } from './db/preflight';
import { checkpoint, IDLE_CHECKPOINT_MS, idleCheckpoint } from './db/checkpoint';
import { environmentClassifier } from './environment-errors';
import { DOCX_READER_DEFAULTS, DOCX_WORKER_BUNDLE, type DocxReaderOptions } from './import/docx-thread';

export type { Emit } from './events';
export type Log = (message: string, error?: unknown) => void;

export type BackendOptions = {
  /** Folder for the database, backups and attachments; created when missing. */
  dataDir: string;
  /** The bundled content pack folder (resources/content in the repository). */
  contentDir: string;
  host: 'electron' | 'web';
  appVersion: string;
  /** better_sqlite3.node built for this runtime, when it is not the one in node_modules. */
  nativeBinding?: string | undefined;
  emit?: Emit;
  log?: Log;
  /** Host capabilities the backend cannot provide itself (see platform.ts). */
  platform?: Platform;
  /** How long without a call before the WAL is checkpointed (db/checkpoint.ts); tests shorten it. */
  idleCheckpointMs?: number;
  /**
   * The Word-import worker: by default docx-import-worker.cjs next to the running bundle, with the
   * limits of import/docx-thread.ts. Tests built from source pass the file they built, and tiny limits.
   */
  docxReader?: Partial<DocxReaderOptions>;
};

export type Backend = {
  /** Validates and runs one untrusted call; never throws. */
  call(method: unknown, args: unknown): Promise<ApiResult<unknown>>;
  /** A stored attachment for the hosts' read-only blob URLs; null unless it has an attachment row and its file. */
  readBlob(sha256: string): BlobFile | null;
  handlers: Handlers;
  db: Db;
  close(): void;
};

export const DB_FILE_NAME = 'fieldbench.db';

/**
 * Opens (or creates) the local store, migrates it, brings the bundled content up to date. Throws
 * an ApiFailure (read_only, no_permission, disk_full, …) when the data folder or the database
 * cannot be written, before anything is changed (db/preflight.ts).
 */
export async function createBackend(options: BackendOptions): Promise<Backend> {
  const emit: Emit = options.emit ?? (() => {});
  const log: Log = options.log ?? ((message, error) => console.error(`[backend] ${message}`, error ?? ''));
  checkDataFolderWritable(options.dataDir);
  const dbFile = path.join(options.dataDir, DB_FILE_NAME);
  const db = openDatabase(dbFile, { nativeBinding: options.nativeBinding });
  // Every commit of the write funnel becomes one data.changed event (the renderer's query cache listens).
  onDataChanged(db, (change) => emit('data.changed', change));
  try {
    checkDatabaseWritable(db, dbFile, options.dataDir);
    const migrated = await migrate(db, MIGRATIONS, dbFile);
    if (migrated.backupPath) log(`backed up before migrating: ${migrated.backupPath}`);
    const pack = loadPack(options.contentDir);
    for (const p of pack.problems) log(`content pack: ${p.file}: ${p.field}: ${p.message}`);
    const report = importPack(db, pack, new Date());
    if (report.imported) {
      emit('content.imported', { packVersion: report.packVersion, added: report.added, updated: report.updated, problems: pack.problems.length });
    }
    sweepLeftovers(db, options.dataDir, log);
  } catch (error) {
    db.close();
    throw error;
  }
  const handlers = createHandlers({
    db,
    host: options.host,
    appVersion: options.appVersion,
    dataDir: options.dataDir,
    schemaVersion: schemaVersion(db),
    emit,
    platform: options.platform ?? {},
    definitions: createDefinitionCache(db),
    docxReader: { workerFile: path.join(__dirname, DOCX_WORKER_BUNDLE), ...DOCX_READER_DEFAULTS, ...options.docxReader },
  });
  const classify = environmentClassifier(options.dataDir);
  const idle = idleCheckpoint(db, { idleMs: options.idleCheckpointMs ?? IDLE_CHECKPOINT_MS, log });
  return {
    call: async (method, args) => {
      const { result, committed } = await collectCommits(() => dispatch(handlers, method, args, log, classify));
      idle.activity();
      return result.ok && committed.length > 0 ? { ...result, committed } : result;
    },
    readBlob: (sha256) => readBlob(db, options.dataDir, sha256),
    handlers,
    db,
    close: () => {
      idle.stop();
      if (!db.open) return;
      // Closing checkpoints too, but only when no other connection has the file open; this one
      // always leaves the database file whole and the WAL empty.
      try {
        checkpoint(db);
      } catch (error) {
        log('checkpoint at shutdown failed', error);
      }
      db.close();
    },
  };
}

/** Start-up housekeeping: a failure is logged and never keeps the app from starting. */
function sweepLeftovers(db: Db, dataDir: string, log: Log): void {
  try {
    sweepAttachmentLeftovers(db, dataDir, { now: new Date(), log });
  } catch (error) {
    log('start-up sweep of the attachments folder failed; nothing was removed', error);
  }
}

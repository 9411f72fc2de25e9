import path from 'node:path';
import { dispatch, type Handlers } from '../../core/api/dispatch';
import type { Emit } from './events';
import type { Platform } from './platform';
import { ApiFailure, type ApiResult } from '../../core/api/result';
import { msg, type ApiMessage } from '../../core/api/message';
import type { BlobFile } from '../../core/api/blobs';
import type { BackupReason, RecoveryStatus, RestoreResult } from '../../core/api/types';
import { openDatabase, type Db } from './db/connection';
import { migrate, schemaVersion } from './db/migrate';
import { MIGRATIONS } from './db/migrations';
import { loadPack } from './content/load-pack';
import { importPack } from './content/import-pack';
import { createHandlers } from './handlers';
import { collectCommits, onDataChanged, StaleWriteError } from './db/changes';
import { createDefinitionCache } from './services/definitions';
import { readBlob } from './files/blobs';
import { sweepAttachmentLeftovers } from './files/sweep';
import { checkDatabaseWritable, checkDataFolderWritable } from './db/preflight';
import { checkpoint, IDLE_CHECKPOINT_MS, idleCheckpoint } from './db/checkpoint';
import { environmentClassifier } from './environment-errors';
import { lockDataFolder, type FolderLock } from './db/folder-lock';
import { checkDatabaseHealth } from './db/health';
import { asNeedsRecovery, DatabaseNeedsRecovery, refuseSuspiciouslyEmpty } from './db/needs-recovery';
import { integrityCheckInBackground, markRunning, markStopped } from './db/integrity-check';
import { createBackup, dailyBackupDue, listBackups, removeUnfinishedBackups } from './db/backups';
import { createSyncService, type SyncOptions } from './sync/service';
import { startBacklogIndexer } from './search/backlog';
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
  /** The data-folder lock when the caller holds it (launch.ts keeps it across a restore); taken here otherwise. */
  folderLock?: FolderLock;
  /** Replaces the database with a backup: only the launcher can, since it reopens the backend. */
  restore?: (id: string) => Promise<RestoreResult>;
  /** How often the daily backup is looked at while running; tests shorten it. */
  backupCheckMs?: number;
  /** Sync settings: the token key from the host (Electron: safeStorage), and test hooks. */
  sync?: Pick<SyncOptions, 'secretKey' | 'fetch' | 'autoIntervalMs' | 'transport' | 'now'>;
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
  /** Settles when the background work started with the backend (integrity check, daily backup, search backlog) is done; for tests. */
  settled(): Promise<void>;
  /** Closes the database; the folder lock is released too unless the caller passed it in. */
  close(): void;
};

export const DB_FILE_NAME = 'fieldbench.db';
const BACKUP_CHECK_MS = 60 * 60 * 1000;

/**
 * Opens (or creates) the local store, checks its health, migrates it, brings the bundled content
 * up to date. Throws an ApiFailure (read_only, no_permission, disk_full, locked, …) when the data
 * folder or the database cannot be used, and DatabaseNeedsRecovery when the database is damaged or
 * missing beside the user's files — before anything is changed.
 */
export async function createBackend(options: BackendOptions): Promise<Backend> {
  const emit: Emit = options.emit ?? (() => {});
  const log: Log = options.log ?? ((message, error) => console.error(`[backend] ${message}`, error ?? ''));
  const { dataDir } = options;
  checkDataFolderWritable(dataDir);
  const folderLock = options.folderLock ?? lockDataFolder(dataDir, { host: options.host, nativeBinding: options.nativeBinding });
  const releaseLock = (): void => {
    if (options.folderLock === undefined) folderLock.release();
  };
  const dbFile = path.join(dataDir, DB_FILE_NAME);
  const notices: ApiMessage[] = [];
  let db: Db | null = null;
  let createdNow = false;
  try {
    refuseSuspiciouslyEmpty(dataDir, dbFile);
    db = openDatabase(dbFile, { nativeBinding: options.nativeBinding });
    // Every commit of the write funnel becomes one data.changed event (the renderer's query cache listens).
    const opened = db;
    onDataChanged(opened, (change) => emit('data.changed', change));
    const health = checkDatabaseHealth(db);
    if (health.status === 'damaged') throw new DatabaseNeedsRecovery(msg('recovery.damaged', { file: DB_FILE_NAME, detail: health.detail }));
    if (health.status === 'repaired') {
      log(`rebuilt damaged indexes: ${health.indexes.join(', ')}`);
      notices.push(msg('notice.indexRebuilt', { indexes: health.indexes.join(', ') }));
    }
    checkDatabaseWritable(db, dbFile, dataDir);
    removeUnfinishedBackups(dataDir);
    const migrated = await migrate(db, MIGRATIONS, { dataDir, appVersion: options.appVersion });
    if (migrated.backupPath) log(`backed up before migrating: ${migrated.backupPath}`);
    createdNow = migrated.applied.length === MIGRATIONS.length;
    const pack = loadPack(options.contentDir);
    for (const p of pack.problems) log(`content pack: ${p.file}: ${p.field}: ${p.message}`);
    const report = importPack(db, pack, new Date());
    if (report.imported) {
      emit('content.imported', { packVersion: report.packVersion, added: report.added, updated: report.updated, problems: pack.problems.length });
    }
    sweepLeftovers(db, dataDir, log);
  } catch (error) {
    db?.close();
    releaseLock();
    throw asNeedsRecovery(error, dbFile) ?? error;
  }
  const open: Db = db;

  const background: Promise<unknown>[] = [];
  let integrity: RecoveryStatus['integrity'] = 'not-needed';
  if (markRunning(dataDir)) {
    integrity = 'checking';
    background.push(
      integrityCheckInBackground(dbFile, options.nativeBinding).then((outcome) => {
        if (outcome.status === 'failed') {
          log(`the integrity check after an unclean shutdown could not run: ${outcome.reason}`);
          integrity = 'not-needed';
          return;
        }
        integrity = outcome.status;
        if (outcome.status === 'damaged') {
          log(`the integrity check after an unclean shutdown found damage: ${outcome.problems.join('; ')}`);
          notices.unshift(msg('notice.integrityDamaged', { detail: outcome.problems.slice(0, 3).join('; ') }));
        }
      }),
    );
  }
  let backingUp: Promise<unknown> = Promise.resolve();
  const backupIfDue = (): void => {
    if (!open.open || !dailyBackupDue(dataDir, new Date())) return;
    backingUp = createBackup(open, dataDir, 'daily', { appVersion: options.appVersion, nativeBinding: options.nativeBinding }).then(
      (b) => log(`daily backup ${b.id}`),
      (error: unknown) => log('the daily backup failed; the next check tries again', error),
    );
  };
  // A database created just now holds nothing of the user's yet: its first daily backup waits for the first check.
  if (!createdNow) backupIfDue();
  const backupTimer = setInterval(backupIfDue, options.backupCheckMs ?? BACKUP_CHECK_MS);
  backupTimer.unref();

  const backupNow = (reason: BackupReason) => createBackup(open, dataDir, reason, { appVersion: options.appVersion, nativeBinding: options.nativeBinding });
  const sync = createSyncService({
    db: open,
    dataDir,
    schemaVersion: schemaVersion(open),
    emit: (progress) => emit('sync.progress', progress),
    createBackup: () => backupNow('before-sync'),
    log,
    ...options.sync,
  });
  const searchBacklog = startBacklogIndexer(open, log);
  const handlers = createHandlers({
    sync,
    db: open,
    host: options.host,
    appVersion: options.appVersion,
    dataDir,
    schemaVersion: schemaVersion(open),
    emit,
    platform: options.platform ?? {},
    definitions: createDefinitionCache(open),
    docxReader: { workerFile: path.join(__dirname, DOCX_WORKER_BUNDLE), ...DOCX_READER_DEFAULTS, ...options.docxReader },
    dataSafety: {
      status: () => ({ mode: 'normal', dataDir, problem: null, notices: [...notices], integrity, backups: listBackups(dataDir) }),
      createBackup: backupNow,
      restore: (id) => {
        if (options.restore === undefined) throw new Error('restoring a backup needs the launcher (launch.ts)');
        return options.restore(id);
      },
    },
  });
  const environment = environmentClassifier(dataDir);
  // A guarded update that found its row changed: the transaction rolled back, nothing was saved.
  const classify = (error: unknown): ApiFailure | null =>
    error instanceof StaleWriteError ? new ApiFailure('conflict', msg('error.changedMeanwhile')) : environment(error);
  const idle = idleCheckpoint(open, { idleMs: options.idleCheckpointMs ?? IDLE_CHECKPOINT_MS, log });
  return {
    call: async (method, args) => {
      const { result, committed } = await collectCommits(() => dispatch(handlers, method, args, log, classify));
      idle.activity();
      return result.ok && committed.length > 0 ? { ...result, committed } : result;
    },
    readBlob: (sha256) => readBlob(open, dataDir, sha256),
    handlers,
    db: open,
    settled: async () => {
      await Promise.all([...background, backingUp, searchBacklog.idle()]);
    },
    close: () => {
      sync.close();
      searchBacklog.stop();
      idle.stop();
      clearInterval(backupTimer);
      if (open.open) {
        // Closing checkpoints too, but only when no other connection has the file open; this one
        // always leaves the database file whole and the WAL empty.
        try {
          checkpoint(open);
        } catch (error) {
          log('checkpoint at shutdown failed', error);
        }
        open.close();
        markStopped(dataDir);
      }
      releaseLock();
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

import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { formatApiMessage, msg, type ApiMessage } from '../../core/api/message';
import { calls, type CallName } from '../../core/api/contract';
import { dispatch, type Handlers } from '../../core/api/dispatch';
import { MigrationError } from './db/migrate';
import { ApiFailure, failed, type ApiResult } from '../../core/api/result';
import type { BlobFile } from '../../core/api/blobs';
import type { RescueReport, RestoreResult } from '../../core/api/types';
import { createBackend, DB_FILE_NAME, type Backend, type BackendOptions } from './backend';
import { environmentClassifier, environmentFailure } from './environment-errors';
import { checkDataFolderWritable } from './db/preflight';
import { lockDataFolder, type FolderLock } from './db/folder-lock';
import { DatabaseNeedsRecovery } from './db/needs-recovery';
import { backupFile, createBackup, inspectDatabaseFile, isBackupId, listBackups } from './db/backups';
import { MIGRATIONS } from './db/migrations';
import { rescueInto } from './db/rescue';
import { markStopped } from './db/integrity-check';

/**
 * The backend as both hosts run it (the Electron utility process and the browser host). Calls
 * made while it starts wait for it. It holds the data-folder lock for its whole life and is in
 * one of three states:
 *
 * - running: the backend answers every call;
 * - recovery: the database is damaged, or missing beside the user's files (db/needs-recovery.ts).
 *   Only `recovery.*`, `backups.list` and `app.info` answer; everything else is `unavailable`
 *   with the reason, and the renderer shows its recovery screen. Restoring a backup or rescuing
 *   what can be read reopens the backend on the result;
 * - failed: start-up failed otherwise (a newer database, a read-only or full folder, another
 *   process holding the folder): every call answers `unavailable` with the reason at once.
 */
export type LaunchedBackend = {
  /** Validates and runs one untrusted call; never throws. */
  call(method: unknown, args: unknown): Promise<ApiResult<unknown>>;
  /** A stored attachment for the blob URLs; null when there is none or the backend is not running. */
  readBlob(sha256: string): Promise<BlobFile | null>;
  /** Settles when start-up has finished: null once the backend runs (or waits in recovery mode), otherwise why it could not start (in English, for logs). */
  started: Promise<string | null>;
  /** Closes the database and releases the data folder (as soon as start-up ends, when it is still running). */
  close(): void;
};

type State = { kind: 'running'; backend: Backend } | { kind: 'recovery'; problem: ApiMessage; handlers: Handlers } | { kind: 'failed'; failure: ApiMessage };

/**
 * Why start-up failed, as the user reads it: what a check found (a newer database, a read-only
 * folder, …) or what the machine did (a full disk, a damaged file), else the error's own text.
 */
function startupReason(error: unknown, dataDir: string): ApiMessage | string {
  if (error instanceof MigrationError || error instanceof ApiFailure) return error.detail;
  const environment = environmentFailure(error, dataDir);
  if (environment !== null) return environment.detail;
  return error instanceof Error ? error.message : String(error);
}

function stamp(): string {
  return new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

/** Moves the database and its WAL/shared-memory files aside under one name; never deletes them. */
function keepAside(dbFile: string, label: string): string {
  const kept = path.join(path.dirname(dbFile), `fieldbench.${label}-${stamp()}.db`);
  if (fs.existsSync(dbFile)) fs.renameSync(dbFile, kept);
  for (const suffix of ['-wal', '-shm']) if (fs.existsSync(dbFile + suffix)) fs.renameSync(dbFile + suffix, kept + suffix);
  return kept;
}

/** Puts a copy of `source` in place of the database, whole or not at all (copied with the backup API, like every database copy). */
async function putInPlace(source: string, dbFile: string, nativeBinding: string | undefined): Promise<void> {
  const part = `${dbFile}.restoring`;
  fs.rmSync(part, { force: true });
  const from = new Database(source, { readonly: true, fileMustExist: true, ...(nativeBinding === undefined ? {} : { nativeBinding }) });
  try {
    await from.backup(part);
  } finally {
    from.close();
  }
  const fd = fs.openSync(part, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  // A WAL left beside the old file belongs to it; applied to the restored one it would damage it.
  for (const suffix of ['-wal', '-shm']) fs.rmSync(dbFile + suffix, { force: true });
  fs.renameSync(part, dbFile);
}

export function launchBackend(options: BackendOptions): LaunchedBackend {
  const log = options.log ?? ((message: string, error?: unknown) => console.error(`[backend] ${message}`, error ?? ''));
  const { dataDir } = options;
  const dbFile = path.join(dataDir, DB_FILE_NAME);
  let lock: FolderLock | null = null;
  let closed = false;

  const failedState = (error: unknown): State => {
    log('start-up failed; every call will answer "unavailable"', error);
    lock?.release();
    lock = null;
    return { kind: 'failed', failure: msg('error.cannotOpenData', { reason: startupReason(error, dataDir) }) };
  };

  /** Opens the backend on the database in place: running, recovery mode, or failed. */
  async function open(): Promise<State> {
    if (lock === null) return failedState(new Error('the data folder is not locked'));
    try {
      const backend = await createBackend({ ...options, log, folderLock: lock, restore: (id) => swap(id) });
      return { kind: 'running', backend };
    } catch (error) {
      if (error instanceof DatabaseNeedsRecovery) {
        log(`the database needs recovery: ${formatApiMessage(error.problem, 'en')}`);
        return { kind: 'recovery', problem: error.problem, handlers: recoveryHandlers(error.problem) };
      }
      return failedState(error);
    }
  }

  async function start(): Promise<State> {
    try {
      checkDataFolderWritable(dataDir);
      lock = lockDataFolder(dataDir, { host: options.host, nativeBinding: options.nativeBinding });
    } catch (error) {
      return failedState(error);
    }
    return open();
  }

  let state: Promise<State> = start();
  let settled: State | null = null;
  const track = (next: Promise<State>): void => {
    state = next;
    void next.then((s) => {
      settled = s;
      if (closed) shutDown(s);
    });
  };
  track(state);

  function shutDown(s: State): void {
    if (s.kind === 'running') s.backend.close();
    lock?.release();
    lock = null;
  }

  /** Replaces the database with a backup (running: after a safety backup; recovery: the damaged file kept aside). */
  async function swap(id: string): Promise<RestoreResult> {
    const current = await state;
    if (!isBackupId(id)) throw new ApiFailure('not_found', msg('error.backupNotFound', { id, folder: dataDir }));
    const restored = listBackups(dataDir).find((b) => b.id === id);
    if (restored === undefined) throw new ApiFailure('not_found', msg('error.backupNotFound', { id, folder: dataDir }));
    const inspected = inspectDatabaseFile(backupFile(dataDir, id), options.nativeBinding);
    if (!inspected.ok) throw new ApiFailure('damaged', msg('error.backupNotWhole', { id, detail: inspected.problem }));
    if (inspected.schemaVersion > MIGRATIONS.length) {
      throw new ApiFailure('conflict', msg('error.backupFromNewerVersion', { id, found: inspected.schemaVersion, known: MIGRATIONS.length }));
    }
    let safetyBackup: RestoreResult['safetyBackup'] = null;
    let damagedKeptAs: string | null = null;
    if (current.kind === 'running') {
      safetyBackup = await createBackup(current.backend.db, dataDir, 'before-restore', { appVersion: options.appVersion, nativeBinding: options.nativeBinding });
      current.backend.close();
    } else {
      damagedKeptAs = keepAside(dbFile, 'damaged');
    }
    await putInPlace(backupFile(dataDir, id), dbFile, options.nativeBinding);
    markStopped(dataDir);
    log(`restored backup ${id}${safetyBackup ? ` (the data before it is backup ${safetyBackup.id})` : ''}`);
    const next = open();
    track(next);
    await next;
    return { restored, safetyBackup, damagedKeptAs };
  }

  /** Recovery mode only: rescues what the damaged database still holds into a new one and opens it. */
  async function rescue(): Promise<RescueReport> {
    const target = path.join(dataDir, `fieldbench.rescued-${stamp()}.db`);
    const tables = await rescueInto(dbFile, target, MIGRATIONS, options.nativeBinding);
    const damagedKeptAs = keepAside(dbFile, 'damaged');
    fs.renameSync(target, dbFile);
    markStopped(dataDir);
    log(`rescued into a new database; the damaged one is kept as ${damagedKeptAs}`);
    const next = open();
    track(next);
    await next;
    return { tables, damagedKeptAs };
  }

  function recoveryHandlers(problem: ApiMessage): Handlers {
    const refuse = (): never => {
      throw new ApiFailure('unavailable', msg('error.recoveryNeeded', { reason: problem }));
    };
    const table = Object.fromEntries((Object.keys(calls) as CallName[]).map((name) => [name, refuse])) as unknown as Handlers;
    return {
      ...table,
      'app.info': () => ({ appVersion: options.appVersion, host: options.host, dataDir, schemaVersion: 0, computerName: os.hostname() }),
      'backups.list': () => listBackups(dataDir),
      'recovery.status': () => ({ mode: 'recovery', dataDir, problem, notices: [], integrity: 'not-needed', backups: listBackups(dataDir) }),
      'recovery.restoreBackup': ({ id }) => swap(id),
      'backups.restore': ({ id }) => swap(id),
      'recovery.rescue': () => rescue(),
    };
  }

  const classify = environmentClassifier(dataDir);
  return {
    async call(method, args) {
      const current = await state;
      if (closed) return failed('unavailable', msg('error.shuttingDown'));
      switch (current.kind) {
        case 'failed':
          return failed('unavailable', current.failure);
        case 'recovery':
          return dispatch(current.handlers, method, args, log, classify);
        case 'running':
          return current.backend.call(method, args);
      }
    },
    async readBlob(sha256) {
      const current = await state;
      return current.kind === 'running' && !closed ? current.backend.readBlob(sha256) : null;
    },
    started: state.then((s) => (s.kind === 'failed' ? formatApiMessage(s.failure, 'en') : null)),
    close() {
      if (closed) return;
      closed = true;
      if (settled !== null) shutDown(settled);
    },
  };
}

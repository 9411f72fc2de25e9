import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { msg } from '../../../core/api/message';
import { ApiFailure } from '../../../core/api/result';
import { environmentFailure, environmentKind } from '../environment-errors';
import type { Db } from './connection';

/**
 * Start-up checks that the data can be written at all, so a read-only, unwritable or full data
 * folder is said at once — the app starts in its failed-start state with the reason — instead of
 * on the first autosave. Each throws an ApiFailure (read_only, no_permission, disk_full, …) whose
 * message launch.ts shows as the reason; anything else it throws is a bug. Other start-up checks
 * (the folder lock, the database's health) belong next to these, called from backend.ts.
 */

/** Bytes the probe writes: one page, so a disk with no free block at all fails here. */
const PROBE_BYTES = 4096;

/** The failure to start with when `error` came from the machine; `error` itself otherwise. */
function startFailure(error: unknown, dataDir: string): unknown {
  // A read-only mount is said as such; the generic wording also suspects the database file.
  if (environmentKind(error) === 'read_only') return new ApiFailure('read_only', msg('error.folderReadOnly', { folder: dataDir }));
  const failure = environmentFailure(error, dataDir);
  // The probe's own name means nothing to the user: name the folder.
  if (failure?.code === 'no_permission') return new ApiFailure('no_permission', msg('error.noPermission', { path: dataDir, folder: dataDir }));
  return failure ?? error;
}

function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // the failure being reported is what matters; a probe left behind is a few bytes
  }
}

/**
 * Creates the data folder when missing and proves it can be written: creates a probe file, writes
 * and fsyncs a page into it and removes it again. Runs before the database is opened.
 */
export function checkDataFolderWritable(dataDir: string): void {
  const probe = path.join(dataDir, `.write-probe-${process.pid}-${crypto.randomBytes(4).toString('hex')}`);
  let created = false;
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    const fd = fs.openSync(probe, 'wx');
    created = true;
    try {
      fs.writeSync(fd, Buffer.alloc(PROBE_BYTES));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.rmSync(probe);
    created = false;
  } catch (error) {
    if (created) removeQuietly(probe);
    throw startFailure(error, dataDir);
  }
}

/**
 * Proves the opened database can be written. SQLite opens a file it may not write read-only
 * without a word (and even lets BEGIN IMMEDIATE through), so this makes a real change — creates a
 * table — and rolls it back: refused on a read-only file, nothing left behind on a writable one.
 */
export function checkDatabaseWritable(db: Db, dbFile: string, dataDir: string): void {
  try {
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec('CREATE TABLE main.fieldbench_write_probe (x)');
    } finally {
      // SQLite ends the transaction itself after some failures (a full disk, an I/O error).
      if (db.inTransaction) db.exec('ROLLBACK');
    }
  } catch (error) {
    if (environmentKind(error) === 'read_only') throw new ApiFailure('read_only', msg('error.databaseReadOnly', { file: dbFile }));
    throw environmentFailure(error, dataDir) ?? error;
  }
}

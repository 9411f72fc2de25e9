import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { msg } from '../../../core/api/message';
import { ApiFailure } from '../../../core/api/result';

/**
 * One process per data folder. Two processes writing one database (two browser hosts, or a browser
 * host beside the Electron app) race each other's saves; Electron's single-instance lock does not
 * cover the browser host, so the backend takes this lock itself before it opens the database.
 *
 * The lock is an operating-system file lock, held by a small SQLite file in exclusive locking
 * mode: the OS drops it when the process ends in any way (SIGKILL and power loss included), so it
 * never goes stale the way a pid file does. Who holds it is written beside it in plain JSON, since
 * a locked SQLite file cannot be read by the process that was refused.
 */

export const LOCK_FILE_NAME = 'fieldbench.lock';
export const HOLDER_FILE_NAME = 'fieldbench.lock.json';

export type LockHolder = { host: 'electron' | 'web'; pid: number; hostname: string; since: string };

export type FolderLock = { release(): void };

type LockOptions = { host: LockHolder['host']; nativeBinding?: string | undefined; now?: Date };

const HOLDER_NAMES = {
  electron: { en: 'the Fieldbench app', zh: 'Fieldbench 应用' },
  web: { en: 'a Fieldbench browser host', zh: 'Fieldbench 浏览器宿主' },
} as const;

function readHolder(dataDir: string): LockHolder | null {
  try {
    const value: unknown = JSON.parse(fs.readFileSync(path.join(dataDir, HOLDER_FILE_NAME), 'utf8'));
    if (typeof value !== 'object' || value === null) return null;
    const v = value as Record<string, unknown>;
    if ((v.host !== 'electron' && v.host !== 'web') || typeof v.pid !== 'number' || typeof v.hostname !== 'string' || typeof v.since !== 'string') return null;
    return { host: v.host, pid: v.pid, hostname: v.hostname, since: v.since };
  } catch {
    return null;
  }
}

function writeHolder(dataDir: string, holder: LockHolder): void {
  const file = path.join(dataDir, HOLDER_FILE_NAME);
  const temp = `${file}.${process.pid}.part`;
  fs.writeFileSync(temp, `${JSON.stringify(holder)}\n`);
  fs.renameSync(temp, file);
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/**
 * Takes the data folder for this process, or throws ApiFailure `locked` naming the folder and the
 * process that holds it. The folder must exist and be writable (db/preflight.ts checks first).
 */
export function lockDataFolder(dataDir: string, options: LockOptions): FolderLock {
  const lock = new Database(path.join(dataDir, LOCK_FILE_NAME), options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding });
  try {
    lock.pragma('busy_timeout = 0');
    lock.pragma('locking_mode = EXCLUSIVE');
    // In exclusive locking mode the lock a write transaction takes is kept until the connection closes.
    lock.exec('BEGIN EXCLUSIVE; COMMIT');
  } catch (error) {
    lock.close();
    if (!isBusy(error)) throw error;
    const holder = readHolder(dataDir);
    throw new ApiFailure(
      'locked',
      holder === null
        ? msg('error.dataFolderInUseUnknown', { folder: dataDir })
        : msg('error.dataFolderInUse', { folder: dataDir, holder: HOLDER_NAMES[holder.host], pid: holder.pid, hostname: holder.hostname, since: holder.since }),
    );
  }
  try {
    writeHolder(dataDir, { host: options.host, pid: process.pid, hostname: os.hostname(), since: (options.now ?? new Date()).toISOString() });
  } catch (error) {
    lock.close();
    throw error;
  }
  let held = true;
  return {
    release() {
      if (!held) return;
      held = false;
      // The holder file goes first: whoever finds the lock free next writes their own anyway.
      fs.rmSync(path.join(dataDir, HOLDER_FILE_NAME), { force: true });
      lock.close();
    },
  };
}

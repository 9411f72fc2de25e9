import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { formatApiMessage, type ApiMessage } from '../../core/api/message';
import type { ApiResult } from '../../core/api/result';
import { launchBackend } from '../../electron/backend/launch';
import { callFail, callOk, FIXTURE_PACK, startBackend } from '../helpers/backend';
import { launchAs, NOBODY, OTHER_USER_UNAVAILABLE } from '../helpers/launch-as';
import { makeTempDir } from '../helpers/temp-dir';
import { bindReadOnly, mountTmpfs, TMPFS_UNAVAILABLE } from '../helpers/tmpfs';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

/** Launches the backend as the hosts do; returns why start-up failed and how a call is answered. */
async function launch(dataDir: string): Promise<{ started: string | null; result: ApiResult<unknown> }> {
  const launched = launchBackend({ dataDir, contentDir: FIXTURE_PACK, host: 'web', appVersion: '0.0.0-test', log: () => {} });
  const started = await launched.started;
  const result = await launched.call('notes.list', {});
  launched.close();
  return { started, result };
}

/** The reason a failed start-up gives (the `reason` inside "Fieldbench could not open its data: …"). */
function startupReason(result: ApiResult<unknown>): ApiMessage & { code: string } {
  if (result.ok) throw new Error('the call answered although start-up should have failed');
  expect(result.error.key).toBe('error.cannotOpenData');
  return { ...(result.error.params['reason'] as ApiMessage), code: result.error.code };
}

/** A data folder with a database in it, closed again. */
async function populatedDataDir(dataDir?: string): Promise<string> {
  const { backend, dataDir: dir } = await startBackend(dataDir ? { dataDir } : {});
  await callOk(backend, 'notes.create', { title: 'Written before' });
  backend.close();
  return dir;
}

describe.skipIf(TMPFS_UNAVAILABLE !== null)('read-only data at start-up (mounts)', () => {
  it('a read-only data folder starts in the failed state, saying the folder is read-only', async () => {
    const disk = mountTmpfs(4096);
    await populatedDataDir(disk.dir);
    disk.remountReadOnly();

    const { started, result } = await launch(disk.dir);
    expect(started).toMatch(/could not open its data: Fieldbench’s data folder .* is on a read-only disk or mount/);
    const reason = startupReason(result);
    expect(reason).toMatchObject({ code: 'unavailable', key: 'error.folderReadOnly', params: { folder: disk.dir } });
    expect(formatApiMessage(reason, 'zh')).toContain('只读');
  });

  it('a read-only database file in a writable folder starts in the failed state naming the file, and it is unchanged', async () => {
    const dir = await populatedDataDir();
    const dbFile = path.join(dir, 'fieldbench.db');
    const before = fs.readFileSync(dbFile);
    bindReadOnly(dbFile);

    const { started, result } = await launch(dir);
    expect(started).toMatch(/The database file .*fieldbench\.db is read-only/);
    expect(startupReason(result)).toMatchObject({ key: 'error.databaseReadOnly', params: { file: dbFile } });
    expect(fs.readFileSync(dbFile).equals(before)).toBe(true);
  });
});

describe.skipIf(OTHER_USER_UNAVAILABLE !== null)('unwritable data at start-up (as an ordinary user)', () => {
  /** A folder the user `nobody` can reach: the temp folder's own is private to root. */
  function reachableDir(): string {
    const t = makeTempDir();
    cleanups.push(t.cleanup);
    fs.chmodSync(t.dir, 0o755);
    return t.dir;
  }

  it('a data folder the account may not write starts in the failed state with no_permission', async () => {
    const dataDir = path.join(reachableDir(), 'data');
    fs.mkdirSync(dataDir, { mode: 0o755 });
    const { started, call } = launchAs(NOBODY, dataDir, FIXTURE_PACK);
    expect(started).toMatch(/The system refused Fieldbench access to .*data.*permission to read and write/);
    expect(startupReason(call)).toMatchObject({ key: 'error.noPermission', params: { path: dataDir, folder: dataDir } });
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it('a database file the account may not write starts in the failed state naming the file', async () => {
    const dataDir = path.join(reachableDir(), 'data');
    await populatedDataDir(dataDir);
    for (const name of ['', ...fs.readdirSync(dataDir)]) fs.chownSync(path.join(dataDir, name), NOBODY.uid, NOBODY.gid);
    const dbFile = path.join(dataDir, 'fieldbench.db');
    fs.chmodSync(dbFile, 0o444);
    const { started, call } = launchAs(NOBODY, dataDir, FIXTURE_PACK);
    expect(started).toMatch(/The database file .*fieldbench\.db is read-only/);
    expect(startupReason(call)).toMatchObject({ key: 'error.databaseReadOnly', params: { file: dbFile } });
  });
});

describe('a database another program keeps locked', () => {
  it('answers a write with locked in the user’s words, and saves once the lock is gone', async () => {
    const { backend, dataDir } = await startBackend();
    // Not the 5 s a user's app waits: the test need not wait that long to see the answer.
    backend.db.pragma('busy_timeout = 50');
    const other = new Database(path.join(dataDir, 'fieldbench.db'));
    other.exec('BEGIN IMMEDIATE');
    try {
      const refused = await callFail(backend, 'notes.create', { title: 'While locked' });
      expect([refused.code, refused.key]).toEqual(['locked', 'error.dataLocked']);
      expect(refused.message).toMatch(/locked by another program.*Close other copies of Fieldbench/);
      expect(formatApiMessage(refused, 'zh')).toContain('锁定');
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect((await callOk(backend, 'notes.create', { title: 'After the lock' })).title).toBe('After the lock');
  });
});

import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { calls } from '../../core/api/contract';
import { dispatch, type Handlers } from '../../core/api/dispatch';
import { formatApiMessage } from '../../core/api/message';
import { environmentClassifier, environmentFailure } from '../../electron/backend/environment-errors';

const DATA = '/home/li/.local/share/fieldbench-web';

/** An error as Node's fs throws it. */
function nodeError(code: string, file?: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: something, write`), { code, errno: -1, syscall: 'write', ...(file ? { path: file } : {}) });
}

describe('environment errors', () => {
  it.each([
    [new Database.SqliteError('database or disk is full', 'SQLITE_FULL'), 'disk_full', 'error.diskFull'],
    [nodeError('ENOSPC'), 'disk_full', 'error.diskFull'],
    [nodeError('EDQUOT'), 'disk_full', 'error.diskFull'],
    [new Database.SqliteError('attempt to write a readonly database', 'SQLITE_READONLY'), 'read_only', 'error.dataReadOnly'],
    [new Database.SqliteError('attempt to write a readonly database', 'SQLITE_READONLY_DBMOVED'), 'read_only', 'error.dataReadOnly'],
    [nodeError('EROFS'), 'read_only', 'error.dataReadOnly'],
    [new Database.SqliteError('unable to open database file', 'SQLITE_CANTOPEN'), 'no_permission', 'error.noPermission'],
    [nodeError('EACCES'), 'no_permission', 'error.noPermission'],
    [nodeError('EPERM'), 'no_permission', 'error.noPermission'],
    [new Database.SqliteError('database is locked', 'SQLITE_BUSY'), 'locked', 'error.dataLocked'],
    [new Database.SqliteError('database is locked', 'SQLITE_BUSY_SNAPSHOT'), 'locked', 'error.dataLocked'],
    [new Database.SqliteError('database table is locked', 'SQLITE_LOCKED'), 'locked', 'error.dataLocked'],
    [nodeError('EBUSY'), 'locked', 'error.dataLocked'],
    [new Database.SqliteError('database disk image is malformed', 'SQLITE_CORRUPT'), 'damaged', 'error.dataDamaged'],
    [new Database.SqliteError('database disk image is malformed', 'SQLITE_CORRUPT_INDEX'), 'damaged', 'error.dataDamaged'],
    [new Database.SqliteError('file is not a database', 'SQLITE_NOTADB'), 'damaged', 'error.dataDamaged'],
    [new Database.SqliteError('disk I/O error', 'SQLITE_IOERR'), 'damaged', 'error.diskError'],
    [new Database.SqliteError('disk I/O error', 'SQLITE_IOERR_WRITE'), 'damaged', 'error.diskError'],
    [nodeError('EIO'), 'damaged', 'error.diskError'],
  ])('%s is %s', (error, code, key) => {
    const failure = environmentFailure(error, DATA);
    expect(failure?.code).toBe(code);
    expect(failure?.detail.key).toBe(key);
    expect(failure?.detail.params['folder']).toBe(DATA);
    // Worded in both languages, with every parameter filled in.
    expect(failure?.message).not.toMatch(/\{\w+\}/);
    expect(formatApiMessage(failure?.detail ?? { key: 'error.diskFull', params: {} }, 'zh')).not.toMatch(/\{\w+\}|[A-Za-z]{12,}/);
  });

  it('names the file the system refused, when the error names one', () => {
    const failure = environmentFailure(nodeError('EACCES', `${DATA}/attachments/ab.tmp`), DATA);
    expect(failure?.detail.params).toEqual({ path: `${DATA}/attachments/ab.tmp`, folder: DATA });
  });

  it.each([
    [new Error('plain bug')],
    [new Database.SqliteError('no such table: x', 'SQLITE_ERROR')],
    [new Database.SqliteError('constraint failed', 'SQLITE_CONSTRAINT_FOREIGNKEY')],
    [new Database.SqliteError('out of memory', 'SQLITE_IOERR_NOMEM')],
    [nodeError('ENOENT')],
    ['a string'],
    [null],
  ])('leaves %s to be reported as a bug', (error) => {
    expect(environmentFailure(error, DATA)).toBeNull();
  });

  it('dispatch answers with the classifier’s failure, and "internal" without one', async () => {
    const handlers = Object.fromEntries(
      Object.keys(calls).map((name) => [
        name,
        () => {
          throw new Database.SqliteError('database or disk is full', 'SQLITE_FULL');
        },
      ]),
    ) as unknown as Handlers;
    const logged: string[] = [];
    const log = (message: string): void => void logged.push(message);

    const classified = await dispatch(handlers, 'notes.list', {}, log, environmentClassifier(DATA));
    expect(classified.ok ? null : [classified.error.code, classified.error.key]).toEqual(['disk_full', 'error.diskFull']);
    expect(logged).toEqual(['handler notes.list failed: disk_full']);

    const unclassified = await dispatch(handlers, 'notes.list', {}, log);
    expect(unclassified.ok ? null : unclassified.error.code).toBe('internal');
  });
});

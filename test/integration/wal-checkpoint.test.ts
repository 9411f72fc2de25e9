import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkpoint, idleCheckpoint } from '../../electron/backend/db/checkpoint';
import { openDatabase } from '../../electron/backend/db/connection';
import { createBackend } from '../../electron/backend/backend';
import { callOk, FIXTURE_PACK } from '../helpers/backend';
import { makeTempDir } from '../helpers/temp-dir';

const cleanups: (() => void)[] = [];
afterEach(() => {
  vi.useRealTimers();
  cleanups.splice(0).forEach((c) => c());
});

function tempDir(): string {
  const t = makeTempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

const walSize = (dbFile: string): number => (fs.existsSync(`${dbFile}-wal`) ? fs.statSync(`${dbFile}-wal`).size : 0);

/** The note titles a copy of fieldbench.db alone holds — what someone who copies only that file gets. */
function titlesInCopyOfDbAlone(dbFile: string): string[] {
  const copy = path.join(tempDir(), 'copy.db');
  fs.writeFileSync(copy, fs.readFileSync(dbFile));
  const db = new Database(copy, { readonly: true });
  try {
    return (db.prepare('SELECT title FROM field_notes ORDER BY title').pluck().all() as string[]).filter((t) => t.startsWith('WAL '));
  } finally {
    db.close();
  }
}

describe('the WAL is checkpointed', () => {
  it('when the backend has been idle: the database file alone then holds the latest writes', async () => {
    const dataDir = tempDir();
    const dbFile = path.join(dataDir, 'fieldbench.db');
    // Idle after 20 ms instead of 30 s, so the test does not wait long.
    const backend = await createBackend({ dataDir, contentDir: FIXTURE_PACK, host: 'web', appVersion: '0.0.0-test', log: () => {}, idleCheckpointMs: 20 });
    cleanups.unshift(() => backend.close());
    await callOk(backend, 'notes.create', { title: 'WAL first' });
    await callOk(backend, 'notes.create', { title: 'WAL second' });
    await vi.waitFor(() => expect(walSize(dbFile)).toBe(0), { timeout: 10_000, interval: 20 });
    expect(titlesInCopyOfDbAlone(dbFile)).toEqual(['WAL first', 'WAL second']);
  });

  it('at clean shutdown', async () => {
    const dataDir = tempDir();
    const dbFile = path.join(dataDir, 'fieldbench.db');
    const backend = await createBackend({ dataDir, contentDir: FIXTURE_PACK, host: 'web', appVersion: '0.0.0-test', log: () => {} });
    // A reader elsewhere keeps SQLite from checkpointing by itself when the backend's connection closes.
    const reader = new Database(dbFile, { readonly: true });
    cleanups.unshift(() => reader.close());
    reader.prepare('SELECT count(*) FROM field_notes').get();
    await callOk(backend, 'notes.create', { title: 'WAL at shutdown' });
    expect(walSize(dbFile)).toBeGreaterThan(0);
    backend.close();
    expect(walSize(dbFile)).toBe(0);
    expect(titlesInCopyOfDbAlone(dbFile)).toEqual(['WAL at shutdown']);
  });

  it('only after the last call has been followed by the idle time, and never inside a transaction', () => {
    vi.useFakeTimers();
    const db = openDatabase(path.join(tempDir(), 'x.db'));
    cleanups.unshift(() => db.close());
    const pragma = vi.spyOn(db, 'pragma');
    const idle = idleCheckpoint(db, { idleMs: 1000, log: () => {} });
    const checkpoints = (): number => pragma.mock.calls.filter(([sql]) => String(sql).startsWith('wal_checkpoint')).length;

    idle.activity();
    vi.advanceTimersByTime(900);
    idle.activity();
    vi.advanceTimersByTime(900);
    expect(checkpoints()).toBe(0);
    vi.advanceTimersByTime(100);
    expect(checkpoints()).toBe(1);

    db.exec('BEGIN');
    idle.activity();
    vi.advanceTimersByTime(1000);
    db.exec('COMMIT');
    expect(checkpoints()).toBe(1);

    idle.activity();
    idle.stop();
    vi.advanceTimersByTime(1000);
    expect(checkpoints()).toBe(1);
  });

  it('when idle, does not wait for another connection that is reading: it says so and tries again later', () => {
    const file = path.join(tempDir(), 'x.db');
    const db = openDatabase(file);
    cleanups.unshift(() => db.close());
    db.exec('CREATE TABLE t (x)');
    const reader = new Database(file, { readonly: true });
    cleanups.unshift(() => reader.close());
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM t').get();
    db.prepare('INSERT INTO t VALUES (1)').run();

    expect(checkpoint(db, { wait: false })).toMatchObject({ busy: true });
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    reader.exec('COMMIT');
    expect(checkpoint(db, { wait: false })).toMatchObject({ busy: false });
    expect(walSize(file)).toBe(0);
  });
});

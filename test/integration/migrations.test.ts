import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/backend/db/connection';
import { migrate, MigrationError, schemaVersion } from '../../electron/backend/db/migrate';
import { MIGRATIONS } from '../../electron/backend/db/migrations';
import type { Migration } from '../../electron/backend/db/migrations/types';
import { makeTempDir } from '../helpers/temp-dir';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function tempDb(): string {
  const t = makeTempDir();
  cleanup = t.cleanup;
  return path.join(t.dir, 'fieldbench.db');
}

describe('database connection', () => {
  it('uses WAL, foreign keys, a busy timeout and synchronous FULL', () => {
    const db = openDatabase(tempDb());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    db.close();
  });
});

describe('migrations', () => {
  it('applies every shipped migration once, in order', async () => {
    const file = tempDb();
    const db = openDatabase(file);
    const first = await migrate(db, MIGRATIONS, file);
    expect(first.applied).toEqual(MIGRATIONS.map((m) => m.id));
    expect(first.backupPath).toBeNull(); // a brand-new file has nothing to back up
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    const again = await migrate(db, MIGRATIONS, file);
    expect(again.applied).toEqual([]);
    db.close();
  });

  it('backs the file up with the backup API before migrating a database that holds data', async () => {
    const file = tempDb();
    const db = openDatabase(file);
    await migrate(db, MIGRATIONS, file);
    db.prepare("INSERT INTO settings (key, value) VALUES ('language', '\"zh\"')").run();
    const next: Migration = { id: MIGRATIONS.length + 1, name: 'test-add-column', up: (d) => d.exec('ALTER TABLE customers ADD COLUMN website TEXT') };
    const result = await migrate(db, [...MIGRATIONS, next], file);
    expect(result.applied).toEqual([next.id]);
    expect(result.backupPath).not.toBeNull();
    const backup = openDatabase(result.backupPath ?? '', { readonly: true });
    expect(backup.prepare("SELECT value FROM settings WHERE key = 'language'").get()).toEqual({ value: '"zh"' });
    expect(backup.prepare('SELECT max(id) AS v FROM schema_migrations').get()).toEqual({ v: MIGRATIONS.length });
    backup.close();
    db.close();
  });

  it('refuses a database written by a newer version and leaves it untouched', async () => {
    const file = tempDb();
    const db = openDatabase(file);
    const future: Migration = { id: MIGRATIONS.length + 1, name: 'from-the-future', up: (d) => d.exec('CREATE TABLE future_things (id TEXT) STRICT') };
    await migrate(db, [...MIGRATIONS, future], file);
    db.prepare("INSERT INTO settings (key, value) VALUES ('theme', '\"dark\"')").run();
    db.close();
    const before = fs.readFileSync(file);

    const reopened = openDatabase(file);
    await expect(migrate(reopened, MIGRATIONS, file)).rejects.toThrow(MigrationError);
    await expect(migrate(reopened, MIGRATIONS, file)).rejects.toThrow(/newer version of Fieldbench/);
    expect(reopened.prepare("SELECT value FROM settings WHERE key = 'theme'").get()).toEqual({ value: '"dark"' });
    reopened.close();
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a database whose history diverges from the shipped migrations', async () => {
    const file = tempDb();
    const db = openDatabase(file);
    const renamed: Migration[] = MIGRATIONS.map((m, i) => (i === 0 ? { ...m, name: 'something-else' } : m));
    await migrate(db, renamed, file);
    await expect(migrate(db, MIGRATIONS, file)).rejects.toThrow(/differs from this version/);
    db.close();
  });

  it('rolls back a failing migration completely', async () => {
    const file = tempDb();
    const db = openDatabase(file);
    await migrate(db, MIGRATIONS, file);
    const broken: Migration = {
      id: MIGRATIONS.length + 1,
      name: 'broken',
      up: (d) => {
        d.exec('CREATE TABLE half_done (id TEXT) STRICT');
        d.exec('THIS IS NOT SQL');
      },
    };
    await expect(migrate(db, [...MIGRATIONS, broken], file)).rejects.toThrow();
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").get()).toBeUndefined();
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    db.close();
  });
});

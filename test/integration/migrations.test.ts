import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/backend/db/connection';
import { migrate, MigrationError, schemaVersion } from '../../electron/backend/db/migrate';
import { MIGRATIONS } from '../../electron/backend/db/migrations';
import type { Migration } from '../../electron/backend/db/migrations/types';
import { makeTempDir } from '../helpers/temp-dir';
import { stemmer } from 'stemmer';
import { OWN_KEYS, stemKey } from '../../electron/backend/search/stem';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function backupTo(file: string) {
  return { dataDir: path.dirname(file), appVersion: '0.0.0-test' };
}

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
    const first = await migrate(db, MIGRATIONS, backupTo(file));
    expect(first.applied).toEqual(MIGRATIONS.map((m) => m.id));
    expect(first.backupPath).toBeNull(); // a brand-new file has nothing to back up
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    const again = await migrate(db, MIGRATIONS, backupTo(file));
    expect(again.applied).toEqual([]);
    db.close();
  });

  it('gives the words stem.ts keeps apart their own keys in an existing index (migration 10)', async () => {
    const file = tempDb();
    const db = openDatabase(file);
    await migrate(db, MIGRATIONS.filter((m) => m.id < 10), backupTo(file));
    // As an older version indexed them: Porter's keys.
    const words = Object.keys(OWN_KEYS);
    const insert = db.prepare('INSERT INTO search_words (word, stem) VALUES (?, ?)');
    for (const word of [...words, 'business', 'experience']) insert.run(word, stemmer(word));
    await migrate(db, MIGRATIONS, backupTo(file));
    const stems = new Map(db.prepare('SELECT word, stem FROM search_words').raw().all() as [string, string][]);
    for (const word of [...words, 'business', 'experience']) expect(stems.get(word), word).toBe(stemKey(word));
    db.close();
  });

  it('backs the file up with the backup API before migrating a database that holds data', async () => {
    const file = tempDb();
    const db = openDatabase(file);
    await migrate(db, MIGRATIONS, backupTo(file));
    db.prepare("INSERT INTO settings (key, value) VALUES ('language', '\"zh\"')").run();
    const next: Migration = { id: MIGRATIONS.length + 1, name: 'test-add-column', up: (d) => d.exec('ALTER TABLE customers ADD COLUMN website TEXT') };
    const result = await migrate(db, [...MIGRATIONS, next], backupTo(file));
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
    await migrate(db, [...MIGRATIONS, future], backupTo(file));
    db.prepare("INSERT INTO settings (key, value) VALUES ('theme', '\"dark\"')").run();
    db.close();
    const before = fs.readFileSync(file);

    const reopened = openDatabase(file);
    await expect(migrate(reopened, MIGRATIONS, backupTo(file))).rejects.toThrow(MigrationError);
    await expect(migrate(reopened, MIGRATIONS, backupTo(file))).rejects.toThrow(/newer version of Fieldbench/);
    expect(reopened.prepare("SELECT value FROM settings WHERE key = 'theme'").get()).toEqual({ value: '"dark"' });
    reopened.close();
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a database whose history diverges from the shipped migrations', async () => {
    const file = tempDb();
    const db = openDatabase(file);
    const renamed: Migration[] = MIGRATIONS.map((m, i) => (i === 0 ? { ...m, name: 'something-else' } : m));
    await migrate(db, renamed, backupTo(file));
    await expect(migrate(db, MIGRATIONS, backupTo(file))).rejects.toThrow(/differs from this version/);
    db.close();
  });

  it('rolls back a failing migration completely', async () => {
    const file = tempDb();
    const db = openDatabase(file);
    await migrate(db, MIGRATIONS, backupTo(file));
    const broken: Migration = {
      id: MIGRATIONS.length + 1,
      name: 'broken',
      up: (d) => {
        d.exec('CREATE TABLE half_done (id TEXT) STRICT');
        d.exec('THIS IS NOT SQL');
      },
    };
    await expect(migrate(db, [...MIGRATIONS, broken], backupTo(file))).rejects.toThrow();
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").get()).toBeUndefined();
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    db.close();
  });

  it('refuses a database that holds tables but no migration history, and leaves it untouched', async () => {
    const file = tempDb();
    const db = openDatabase(file);
    await migrate(db, MIGRATIONS, backupTo(file));
    db.prepare("INSERT INTO settings (key, value) VALUES ('language', '\"zh\"')").run();
    db.exec('DROP TABLE schema_migrations');
    const tablesBefore = db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get();
    await expect(migrate(db, MIGRATIONS, backupTo(file))).rejects.toThrow(MigrationError);
    await expect(migrate(db, MIGRATIONS, backupTo(file))).rejects.toThrow(/no record of which schema steps/);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get()).toEqual(tablesBefore);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name = 'schema_migrations'").get()).toBeUndefined();
    expect(db.prepare("SELECT value FROM settings WHERE key = 'language'").get()).toEqual({ value: '"zh"' });
    db.close();
  });

  it('backs up a file that holds data before its first migration, into the backups folder', async () => {
    const file = tempDb();
    const db = openDatabase(file);
    db.exec("CREATE TABLE schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT");
    db.exec("CREATE TABLE kept (x TEXT); INSERT INTO kept VALUES ('mine')");
    const result = await migrate(db, MIGRATIONS, backupTo(file));
    expect(result.applied).toEqual(MIGRATIONS.map((m) => m.id));
    expect(result.backupPath).not.toBeNull();
    expect(path.dirname(result.backupPath ?? '')).toBe(path.join(path.dirname(file), 'backups'));
    const backup = openDatabase(result.backupPath ?? '', { readonly: true });
    expect(backup.prepare('SELECT x FROM kept').get()).toEqual({ x: 'mine' });
    backup.close();
    db.close();
  });
});

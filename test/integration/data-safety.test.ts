import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { buildSync } from 'esbuild';
import Database from 'better-sqlite3';
import { launchBackend, type LaunchedBackend } from '../../electron/backend/launch';
import { createBackend } from '../../electron/backend/backend';
import type { ApiResult } from '../../core/api/result';
import type { BackupInfo, RecoveryStatus, RescueReport, RestoreResult } from '../../core/api/types';
import { formatApiMessage } from '../../core/api/message';
import { FIXTURE_PACK } from '../helpers/backend';
import { makeTempDir } from '../helpers/temp-dir';
import { damage, type Damage } from '../helpers/damage';
import { NOTE_COUNT, populate } from '../helpers/populate';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).reverse().forEach((c) => c()));

function tempDataDir(): string {
  const t = makeTempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

function launch(dataDir: string, host: 'electron' | 'web' = 'web', logs: string[] = []): LaunchedBackend {
  const launched = launchBackend({ dataDir, contentDir: FIXTURE_PACK, host, appVersion: '0.0.0-test', log: (m) => logs.push(m) });
  cleanups.push(() => launched.close());
  return launched;
}

async function ok<T>(launched: LaunchedBackend, method: string, args: unknown = {}): Promise<T> {
  const result = (await launched.call(method, args)) as ApiResult<T>;
  if (!result.ok) throw new Error(`${method}: ${formatApiMessage(result.error, 'en')}`);
  return result.value;
}

async function fail(launched: LaunchedBackend, method: string, args: unknown = {}) {
  const result = await launched.call(method, args);
  if (result.ok) throw new Error(`${method} succeeded`);
  return { code: result.error.code, key: result.error.key, text: formatApiMessage(result.error, 'en') };
}

const noteCount = async (launched: LaunchedBackend, engagementId: string): Promise<number> =>
  (await ok<unknown[]>(launched, 'notes.list', { engagementId })).length;

describe('the data folder lock', () => {
  it('refuses a second process on the same folder, naming the folder and who holds it, and frees it when the holder is killed', async () => {
    const dataDir = tempDataDir();
    // The holder is another OS process: a browser host's backend started through launchBackend.
    const bundle = path.join(__dirname, '..', '..', '.cache', 'test-bundles', 'hold-folder.cjs');
    buildSync({ entryPoints: [path.join(__dirname, '..', 'helpers', 'hold-folder.entry.ts')], outfile: bundle, bundle: true, platform: 'node', target: 'node20', format: 'cjs', packages: 'external', logLevel: 'warning' });
    const holder = spawn(process.execPath, [bundle, dataDir, FIXTURE_PACK], { stdio: ['ignore', 'pipe', 'inherit'] });
    cleanups.push(() => holder.kill('SIGKILL'));
    await new Promise<void>((resolve, reject) => {
      holder.stdout.on('data', (d: Buffer) => (String(d).includes('ready') ? resolve() : undefined));
      holder.once('exit', (code) => reject(new Error(`holder exited with ${code}`)));
    });

    const second = launch(dataDir);
    expect(await second.started).toMatch(/already in use by a Fieldbench browser host/);
    const refused = await fail(second, 'settings.get');
    expect(refused.code).toBe('unavailable');
    expect(refused.text).toContain(dataDir);
    expect(refused.text).toContain(`process ${holder.pid}`);
    second.close();

    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.once('exit', resolve));
    // The OS dropped the lock with the process: no stale lock to clear by hand.
    const third = launch(dataDir);
    expect(await third.started).toBeNull();
    expect(await ok(third, 'settings.get')).toMatchObject({ language: expect.any(String) });
  });

  it('lets the folder be opened again after a clean close in the same process', async () => {
    const dataDir = tempDataDir();
    const first = launch(dataDir);
    expect(await first.started).toBeNull();
    const busy = launch(dataDir);
    expect(await busy.started).toMatch(/already in use/);
    first.close();
    const again = launch(dataDir);
    expect(await again.started).toBeNull();
  });
});

describe('a damaged or missing database', () => {
  it('rebuilds a damaged index when the database opens, loses no note and says so once', async () => {
    const dataDir = tempDataDir();
    const { engagementId } = await populate(dataDir);
    damage(dataDir, 'index');
    const logs: string[] = [];
    const launched = launch(dataDir, 'electron', logs);
    expect(await launched.started).toBeNull();
    expect(await noteCount(launched, engagementId)).toBe(NOTE_COUNT);
    const status = await ok<RecoveryStatus>(launched, 'recovery.status');
    expect(status.mode).toBe('normal');
    expect(status.notices.map((n) => n.key)).toEqual(['notice.indexRebuilt']);
    expect(formatApiMessage(status.notices[0]!, 'en')).toContain('field_notes_engagement');
    expect(logs.some((l) => l.includes('rebuilt damaged indexes: field_notes_engagement'))).toBe(true);
  });

  for (const kind of ['table', 'header', 'truncated', 'empty', 'index-unreadable'] as Damage[]) {
    for (const host of ['electron', 'web'] as const) {
      it(`starts in recovery mode on a ${kind} database (${host} host) and changes nothing until the user decides`, async () => {
        const dataDir = tempDataDir();
        await populate(dataDir);
        // A backup exists and an attachment-free folder still counts: the backups say this folder held data.
        const prep = await createBackend({ dataDir, contentDir: FIXTURE_PACK, host, appVersion: '0.0.0-test', log: () => {} });
        await prep.handlers['backups.create']({});
        prep.close();
        damage(dataDir, kind);
        const before = fs.readFileSync(path.join(dataDir, 'fieldbench.db'));
        const launched = launch(dataDir, host);
        expect(await launched.started).toBeNull();
        const refused = await fail(launched, 'notes.list');
        expect(refused.code).toBe('unavailable');
        expect(refused.key).toBe('error.recoveryNeeded');
        const status = await ok<RecoveryStatus>(launched, 'recovery.status');
        expect(status.mode).toBe('recovery');
        expect(status.problem?.key).toBe(kind === 'empty' ? 'recovery.missing' : 'recovery.damaged');
        expect(status.backups.map((b) => b.reason)).toContain('manual');
        expect(fs.readFileSync(path.join(dataDir, 'fieldbench.db')).equals(before)).toBe(true);
      });
    }
  }

  it('restores the newest backup in one call from recovery mode, keeping the damaged file aside', async () => {
    const dataDir = tempDataDir();
    const { engagementId } = await populate(dataDir);
    const first = launch(dataDir);
    const backup = await ok<BackupInfo>(first, 'backups.create');
    expect(backup.counts.notes).toBe(NOTE_COUNT);
    first.close();
    damage(dataDir, 'header');
    const launched = launch(dataDir, 'electron');
    const status = await ok<RecoveryStatus>(launched, 'recovery.status');
    const newest = status.backups[0];
    expect(newest?.id).toBe(backup.id);
    const restored = await ok<RestoreResult>(launched, 'recovery.restoreBackup', { id: newest?.id });
    expect(restored.restored.id).toBe(backup.id);
    expect(restored.damagedKeptAs).toMatch(/fieldbench\.damaged-.*\.db$/);
    expect(fs.existsSync(restored.damagedKeptAs ?? '')).toBe(true);
    expect(await noteCount(launched, engagementId)).toBe(NOTE_COUNT);
    expect((await ok<RecoveryStatus>(launched, 'recovery.status')).mode).toBe('normal');
  });

  it('rescues every readable note from a damaged table page into a new database and reports what was lost', async () => {
    const dataDir = tempDataDir();
    const { engagementId } = await populate(dataDir);
    damage(dataDir, 'table');
    const launched = launch(dataDir);
    expect((await ok<RecoveryStatus>(launched, 'recovery.status')).mode).toBe('recovery');
    const report = await ok<RescueReport>(launched, 'recovery.rescue');
    const notes = report.tables.find((t) => t.table === 'field_notes');
    // The rows on the damaged page are lost (SQLite may read such a page as empty, so they need not count as unreadable); every other row is kept.
    expect(notes?.rescued).toBeGreaterThanOrEqual(NOTE_COUNT - 3);
    expect(notes?.rescued).toBeLessThan(NOTE_COUNT);
    expect(report.tables.find((t) => t.table === 'customers')?.rescued).toBe(1);
    expect(fs.existsSync(report.damagedKeptAs)).toBe(true);
    // The app runs on the rescued database, and search finds the rescued notes.
    expect(await noteCount(launched, engagementId)).toBe(notes?.rescued);
    const hits = await ok<{ hits: unknown[] }>(launched, 'kb.search', { query: 'operations team', kinds: ['note'] });
    expect(hits.hits.length).toBeGreaterThan(0);
  });

  it('never starts fresh over a folder that holds attachments when the database is missing', async () => {
    const dataDir = tempDataDir();
    await populate(dataDir);
    fs.mkdirSync(path.join(dataDir, 'attachments'), { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'attachments', 'photo.jpg'), 'x');
    fs.rmSync(path.join(dataDir, 'fieldbench.db'));
    for (const suffix of ['-wal', '-shm']) fs.rmSync(path.join(dataDir, `fieldbench.db${suffix}`), { force: true });
    const launched = launch(dataDir);
    const status = await ok<RecoveryStatus>(launched, 'recovery.status');
    expect(status.mode).toBe('recovery');
    expect(status.problem?.key).toBe('recovery.missing');
    expect(fs.existsSync(path.join(dataDir, 'fieldbench.db'))).toBe(false);
  });
});

describe('backups', () => {
  it('backs up through the backup API, including work still in the WAL, and lists the backup with what it holds', async () => {
    const dataDir = tempDataDir();
    const launched = launch(dataDir);
    const customer = await ok<{ id: string }>(launched, 'customers.create', { name: 'WAL only', kind: 'operator-branch' });
    const backup = await ok<BackupInfo>(launched, 'backups.create');
    expect(backup).toMatchObject({ reason: 'manual', counts: { customers: 1 } });
    expect((await ok<BackupInfo[]>(launched, 'backups.list')).map((b) => b.id)).toEqual([backup.id]);
    expect(fs.existsSync(path.join(dataDir, 'backups', `${backup.id}.db`))).toBe(true);
    await ok(launched, 'customers.remove', { id: customer.id }).catch(() => undefined);
  });

  it('restores a backup while running: the data before it becomes a backup of its own', async () => {
    const dataDir = tempDataDir();
    const launched = launch(dataDir);
    await ok(launched, 'customers.create', { name: 'Before', kind: 'operator-branch' });
    const backup = await ok<BackupInfo>(launched, 'backups.create');
    await ok(launched, 'customers.create', { name: 'After', kind: 'operator-branch' });
    const result = await ok<RestoreResult>(launched, 'backups.restore', { id: backup.id });
    expect(result.safetyBackup?.reason).toBe('before-restore');
    expect(result.safetyBackup?.counts.customers).toBe(2);
    const names = (await ok<{ name: string }[]>(launched, 'customers.list', {})).map((c) => c.name);
    expect(names).toEqual(['Before']);
  });

  it('refuses a backup id that is not one, or a backup that is not whole, and changes nothing', async () => {
    const dataDir = tempDataDir();
    const launched = launch(dataDir);
    await ok(launched, 'customers.create', { name: 'Kept', kind: 'operator-branch' });
    expect((await fail(launched, 'backups.restore', { id: '../fieldbench' })).code).toBe('bad_request');
    const backup = await ok<BackupInfo>(launched, 'backups.create');
    fs.truncateSync(path.join(dataDir, 'backups', `${backup.id}.db`), 1000);
    const refused = await fail(launched, 'backups.restore', { id: backup.id });
    expect(refused.code).toBe('damaged');
    expect(refused.text).toContain(backup.id);
    expect((await ok<{ name: string }[]>(launched, 'customers.list', {})).map((c) => c.name)).toEqual(['Kept']);
  });

  it('keeps each backup as one file through making, pruning and restoring, and clears what earlier versions left beside them', async () => {
    const dataDir = tempDataDir();
    const backupsDir = path.join(dataDir, 'backups');
    let launched = launch(dataDir);
    await ok(launched, 'customers.create', { name: 'One file', kind: 'operator-branch' });
    for (let i = 0; i < 12; i += 1) await ok<BackupInfo>(launched, 'backups.create');
    const listed = await ok<BackupInfo[]>(launched, 'backups.list');
    await ok<RestoreResult>(launched, 'backups.restore', { id: listed[3]?.id });
    const expected = (await ok<BackupInfo[]>(launched, 'backups.list')).flatMap((b) => [`${b.id}.db`, `${b.id}.json`]).sort();
    // Before, every backup left a 32 KB `.db.part-shm` and an empty `.db.part-wal`, never removed.
    expect(fs.readdirSync(backupsDir).sort()).toEqual(expected);
    expect(fs.readdirSync(dataDir).filter((n) => n.includes('restoring'))).toEqual([]);
    // Rollback-journal mode (file format byte 18 is 1, not WAL's 2): no one opening it leaves files beside it.
    const header = fs.readFileSync(path.join(backupsDir, expected[0] ?? ''));
    expect(header[18]).toBe(1);

    // What earlier versions left: cleared at the next start, the backups themselves untouched.
    launched.close();
    const legacy = listed[0]?.id ?? '';
    fs.writeFileSync(path.join(backupsDir, `${legacy}.db.part-shm`), Buffer.alloc(32 * 1024));
    fs.writeFileSync(path.join(backupsDir, `${legacy}.db.part-wal`), '');
    fs.writeFileSync(path.join(backupsDir, `${legacy}.db-shm`), Buffer.alloc(32 * 1024));
    launched = launch(dataDir);
    expect((await ok<BackupInfo[]>(launched, 'backups.list')).length).toBe(expected.length / 2);
    expect(fs.readdirSync(backupsDir).sort()).toEqual(expected);
  });

  it('makes a daily backup at start when the newest is older than a day, and keeps at most seven', async () => {
    const dataDir = tempDataDir();
    await populate(dataDir);
    for (let i = 0; i < 9; i += 1) {
      const backend = await createBackend({ dataDir, contentDir: FIXTURE_PACK, host: 'web', appVersion: '0.0.0-test', log: () => {} });
      await backend.settled();
      backend.close();
      // Age every backup by a day, so the next start finds none from today.
      for (const name of fs.readdirSync(path.join(dataDir, 'backups')).filter((n) => n.endsWith('.json'))) {
        const file = path.join(dataDir, 'backups', name);
        const info = JSON.parse(fs.readFileSync(file, 'utf8')) as BackupInfo;
        info.createdAt = new Date(Date.parse(info.createdAt) - 25 * 60 * 60 * 1000).toISOString();
        fs.writeFileSync(file, JSON.stringify(info));
      }
    }
    const launched = launch(dataDir);
    const daily = (await ok<BackupInfo[]>(launched, 'backups.list')).filter((b) => b.reason === 'daily');
    expect(daily).toHaveLength(7);
    expect(daily.every((b) => b.counts.notes === NOTE_COUNT)).toBe(true);
  });

  it('checks the whole database in the background after an unclean shutdown', async () => {
    const dataDir = tempDataDir();
    await populate(dataDir);
    fs.writeFileSync(path.join(dataDir, 'fieldbench.running'), '12345\n');
    const backend = await createBackend({ dataDir, contentDir: FIXTURE_PACK, host: 'web', appVersion: '0.0.0-test', log: () => {} });
    cleanups.push(() => backend.close());
    expect((await backend.handlers['recovery.status']({})).integrity).toBe('checking');
    await backend.settled();
    expect((await backend.handlers['recovery.status']({})).integrity).toBe('ok');
  });
});

describe('two writers on one database', () => {
  it('never overwrites an acknowledged note save unseen, and never answers "database is locked", even without the folder lock', async () => {
    const dataDir = tempDataDir();
    const { noteIds } = await populate(dataDir);
    const ids = noteIds.slice(0, 3);
    const bundle = path.join(__dirname, '..', '..', '.cache', 'test-bundles', 'note-writer.cjs');
    buildSync({ entryPoints: [path.join(__dirname, '..', 'helpers', 'note-writer.entry.ts')], outfile: bundle, bundle: true, platform: 'node', target: 'node20', format: 'cjs', packages: 'external', logLevel: 'warning' });
    type Outcome = { id: string; title: string; base: string; ok: boolean; updatedAt?: string; code?: string };
    const run = (tag: string): Promise<Outcome[]> =>
      new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [bundle, dataDir, FIXTURE_PACK, JSON.stringify(ids), '150', tag], { stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        child.stdout.on('data', (d: Buffer) => (out += String(d)));
        child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as Outcome[]) : reject(new Error(`writer ${tag} exited with ${code}`))));
      });
    const [a, b] = await Promise.all([run('A'), run('B')]);
    const all = [...a, ...b];
    // Conflicts are the honest answer to a lost race; nothing else may fail.
    expect(all.filter((o) => !o.ok && o.code !== 'conflict')).toEqual([]);
    const db = new Database(path.join(dataDir, 'fieldbench.db'), { readonly: true });
    cleanups.push(() => db.close());
    for (const id of ids) {
      const acked = all.filter((o) => o.ok && o.id === id).sort((x, y) => ((x.updatedAt ?? '') < (y.updatedAt ?? '') ? -1 : 1));
      expect(acked.length).toBeGreaterThan(0);
      // Each acknowledged save was made from the revision the previous one produced: none was overwritten unseen.
      acked.slice(1).forEach((o, i) => expect(o.base, `save ${o.title} of ${id}`).toBe(acked[i]?.updatedAt));
      const stored = db.prepare('SELECT title, updated_at FROM field_notes WHERE id = ?').get(id) as { title: string; updated_at: string };
      expect(stored).toEqual({ title: acked.at(-1)?.title, updated_at: acked.at(-1)?.updatedAt });
    }
  });
});

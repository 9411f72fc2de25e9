import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatApiMessage } from '../../core/api/message';
import { documentJson, paragraph, textNode } from '../../core/richtext/build';
import { startRun } from '../../electron/backend/sync/history';
import { callFail, callOk, startBackend, type TestBackend } from '../helpers/backend';
import { startServer, TEST_PASSWORD, type TestServer } from '../helpers/server';
import { makeTempDir } from '../helpers/temp-dir';
import { mountTmpfs, TMPFS_UNAVAILABLE } from '../helpers/tmpfs';

/**
 * Sync when the trouble is on the device: a disk that fills up in the middle of a pull, and a run
 * cut short by the app's end. The history tells the user what really happened, the database stays
 * whole, and the next sync finishes the job.
 */

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ db: 'sqlite' });
  server.addUser('ann', 'consultant');
}, 120_000);
afterAll(async () => {
  await server.dispose();
});

async function enrol(t: TestBackend, deviceName: string): Promise<void> {
  await callOk(t.backend, 'sync.enrol', { serverUrl: server.url, username: 'ann', password: TEST_PASSWORD, deviceName });
}

const body = (text: string) => documentJson([paragraph([textNode(text)])]);
const hasOpenssl = spawnSync('openssl', ['version']).status === 0;

describe('sync and trouble on the device', () => {
  it.skipIf(TMPFS_UNAVAILABLE !== null)('stops a pull onto a full disk with disk_full, records that in the history, keeps the database whole, and finishes once there is room', async () => {
    const laptop = await startBackend();
    await enrol(laptop, 'laptop');
    for (let i = 0; i < 3000; i++) await callOk(laptop.backend, 'notes.create', { title: `Visit ${i}`, bodyJson: body(`Site ${i} `.repeat(50)) });
    expect((await callOk(laptop.backend, 'sync.now', {})).status).toBe('done');

    // A new tablet on a nearly full disk: the pull (about 5 MB of notes) does not fit.
    const disk = mountTmpfs(64 * 1024);
    const tablet = await startBackend({ dataDir: disk.dir });
    await enrol(tablet, 'tablet');
    const before = await callOk(tablet.backend, 'notes.create', { title: 'Written on the tablet', bodyJson: body('Before the disk filled up.') });
    disk.fill(1024 * 1024);
    const failed = await callFail(tablet.backend, 'sync.now', {});
    expect([failed.code, failed.key]).toEqual(['disk_full', 'error.diskFull']);
    const run = (await callOk(tablet.backend, 'sync.status', {})).lastRun;
    expect(run?.status).toBe('failed');
    // The device's disk, not "the central repository answered with an error".
    expect(run?.error?.key).toBe('error.diskFull');
    if (!run?.error) throw new Error('the failed run has no error');
    expect(formatApiMessage(run.error, 'en')).toContain('is full');
    expect(tablet.backend.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((await callOk(tablet.backend, 'notes.get', { id: before.id })).title).toBe('Written on the tablet');

    disk.free();
    expect(await callOk(tablet.backend, 'sync.now', {})).toMatchObject({ status: 'done', received: 3000 });
    const titles = tablet.backend.db.prepare("SELECT title FROM field_notes WHERE title LIKE 'Visit %'").all() as { title: string }[];
    expect(new Set(titles.map((t) => t.title)).size).toBe(3000);
    expect(titles.length).toBe(3000);
    expect((await callOk(laptop.backend, 'sync.now', {})).status).toBe('done');
    expect((await callOk(laptop.backend, 'notes.get', { id: before.id })).title).toBe('Written on the tablet');
  }, 240_000);

  it.skipIf(!hasOpenssl)('says plainly that a server with a self-signed certificate could not prove who it is, and sends nothing', async () => {
    const dir = makeTempDir('fieldbench-tls-');
    const key = path.join(dir.dir, 'key.pem');
    const cert = path.join(dir.dir, 'cert.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1'], { stdio: 'ignore' });
    const tls = await startServer({ db: 'sqlite', env: { TLS_CERT_FILE: cert, TLS_KEY_FILE: key } });
    try {
      tls.addUser('ann', 'consultant');
      const t = await startBackend();
      const refused = await callFail(t.backend, 'sync.enrol', { serverUrl: `https://127.0.0.1:${tls.port}`, username: 'ann', password: TEST_PASSWORD, deviceName: 'laptop' });
      expect(refused.key).toBe('error.syncCertificate');
      expect(refused.message).toMatch(/could not prove who it is: this computer does not trust its certificate \(DEPTH_ZERO_SELF_SIGNED_CERT\)/);
      expect((await callOk(t.backend, 'sync.status', {})).account).toBeNull();
    } finally {
      await tls.dispose();
      dir.cleanup();
    }
  });

  it('reads a failed run recorded by an earlier version, whose message did not yet say what comes next, in whole sentences', async () => {
    const t = await startBackend();
    await enrol(t, 'laptop');
    const run = startRun(t.backend.db, 'background', new Date().toISOString());
    // What an earlier version stored: the message without its closing sentence's parameter.
    const stored = { key: 'error.syncUnreachable', params: { server: server.url, reason: 'ECONNREFUSED' } };
    t.backend.db.prepare("UPDATE sync_runs SET status = 'failed', finished_at = ?, error = ? WHERE id = ?").run(new Date().toISOString(), JSON.stringify(stored), run);
    const [failed] = await callOk(t.backend, 'sync.history', {});
    expect(failed?.error).toMatchObject({ key: 'error.syncUnreachable', params: { then: { key: 'error.syncThenKept' } } });
    for (const lang of ['en', 'zh'] as const) expect(formatApiMessage(failed!.error!, lang)).not.toContain('{');
    expect(formatApiMessage(failed!.error!, 'en')).toMatch(/could not be reached \(ECONNREFUSED\)\. Your work is kept here and syncs when the server can be reached\.$/);
  });

  it('records a run the app did not live to finish as interrupted, not as running for ever', async () => {
    const first = await startBackend();
    await enrol(first, 'laptop');
    expect((await callOk(first.backend, 'sync.now', {})).status).toBe('done');
    // What a kill in the middle of a sync leaves behind: a run that started and never ended.
    startRun(first.backend.db, 'background', new Date().toISOString());
    const dataDir = first.dataDir;
    first.backend.close();

    const again = await startBackend({ dataDir });
    const [cut, done] = await callOk(again.backend, 'sync.history', {});
    expect(cut).toMatchObject({ status: 'failed', trigger: 'background', error: { key: 'error.syncInterrupted' } });
    expect(cut?.finishedAt).not.toBeNull();
    expect(done?.status).toBe('done');
    expect((await callOk(again.backend, 'sync.status', {})).running).toBe(false);
    expect((await callOk(again.backend, 'sync.now', {})).status).toBe('done');
  });
});

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatApiMessage, type ApiMessage } from '../../core/api/message';
import { launchBackend } from '../../electron/backend/launch';
import { callFail, callOk, FIXTURE_PACK, startBackend, noteOwner } from '../helpers/backend';
import { mountTmpfs, TMPFS_UNAVAILABLE } from '../helpers/tmpfs';
import { pngHeaded } from '../helpers/png';

const V1 = path.join(__dirname, '..', 'fixtures', 'packs', 'assessment-versions', 'v1');

/** Anything in the attachments folder that is not a whole file named by its hash. */
function leftovers(dataDir: string): string[] {
  const dir = path.join(dataDir, 'attachments');
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => !/^[0-9a-f]{64}$/.test(name)) : [];
}

const sha256 = (bytes: Uint8Array): string => crypto.createHash('sha256').update(bytes).digest('hex');

// A data folder on a 4 MB tmpfs: the database takes about 1 MB of it; the rest is filled up per test.
describe.skipIf(TMPFS_UNAVAILABLE !== null)('a full disk (a small tmpfs data folder)', () => {
  it('refuses an attachment that does not fit with disk_full, stores nothing, and takes it whole once there is room', async () => {
    const disk = mountTmpfs(4096);
    const { backend, dataDir } = await startBackend({ dataDir: disk.dir });
    const owner = await noteOwner(backend);
    const photo = crypto.randomBytes(1024 * 1024);
    disk.fill(256 * 1024);

    const refused = await callFail(backend, 'attachments.add', { ...owner, name: 'rack-photo.bin', mime: 'application/octet-stream', data: photo });
    expect(refused.code).toBe('disk_full');
    expect(refused.key).toBe('error.noRoomForFile');
    expect(refused.message).toMatch(/not enough free space to store “rack-photo\.bin” \(1\.0 MB\).*Free some space on that disk/);
    expect(formatApiMessage(refused, 'zh')).toMatch(/空间不足，无法存储“rack-photo\.bin”.*腾出空间/);
    // No short file under the photo's hash, no temporary file, no row.
    expect(fs.existsSync(path.join(dataDir, 'attachments', sha256(photo)))).toBe(false);
    expect(leftovers(dataDir)).toEqual([]);
    expect(await callOk(backend, 'attachments.list', owner)).toEqual([]);

    disk.free();
    const added = await callOk(backend, 'attachments.add', { ...owner, name: 'rack-photo.bin', mime: 'application/octet-stream', data: photo });
    expect(added).toMatchObject({ sha256: sha256(photo), size: photo.length });
    backend.close();

    // Whole after a restart too.
    const again = await startBackend({ dataDir });
    const read = await callOk(again.backend, 'attachments.read', { sha256: added.sha256 });
    expect(read.data.byteLength).toBe(photo.length);
    expect(sha256(read.data)).toBe(added.sha256);
  });

  it('refuses a sign-off whose signature does not fit; the session stays in progress', async () => {
    const disk = mountTmpfs(4096);
    const { backend, dataDir } = await startBackend({ dataDir: disk.dir, contentDir: V1 });
    const customer = await callOk(backend, 'customers.create', { name: 'Northwind Telecom', kind: 'enterprise' });
    const engagement = await callOk(backend, 'engagements.create', { customerId: customer.id, title: 'Pilot', scenarios: ['site-survey'] });
    const sessionId = (await callOk(backend, 'assessments.start', { engagementId: engagement.id, definitionId: 'site-readiness' })).session.id;
    for (const [questionId, value] of [['has-ivr', true], ['channel', 'voice'], ['ivr-levels', 2]] as const) {
      await callOk(backend, 'assessments.answer', { sessionId, questionId, value });
    }
    const signature = pngHeaded(crypto.randomBytes(512 * 1024));
    disk.fill(128 * 1024);

    const refused = await callFail(backend, 'assessments.complete', { sessionId, signoff: { name: 'Li Wei', role: 'CTO', signaturePng: signature } });
    expect([refused.code, refused.key]).toEqual(['disk_full', 'error.noRoomForFile']);
    expect(refused.message).toContain('signature.png');
    expect(leftovers(dataDir)).toEqual([]);
    expect((await callOk(backend, 'assessments.get', { id: sessionId })).session.status).toBe('in-progress');

    disk.free();
    const done = await callOk(backend, 'assessments.complete', { sessionId, signoff: { name: 'Li Wei', role: 'CTO', signaturePng: signature } });
    expect(done.session.status).toBe('completed');
    expect(fs.readFileSync(path.join(dataDir, 'attachments', sha256(signature))).equals(signature)).toBe(true);
  });

  it('answers a save on a full disk with disk_full in the user’s words, keeps what was stored, and saves once there is room', async () => {
    const disk = mountTmpfs(4096);
    const { backend, dataDir } = await startBackend({ dataDir: disk.dir });
    const note = await callOk(backend, 'notes.create', { title: 'Before the disk filled up' });
    disk.fill();

    const refused = await callFail(backend, 'notes.save', { id: note.id, title: 'x'.repeat(200), baseUpdatedAt: note.updatedAt });
    expect(refused.code).toBe('disk_full');
    expect(refused.key).toBe('error.diskFull');
    expect(refused.message).toContain(dataDir);
    expect(refused.message).toMatch(/is full.*Free some space on that disk/);
    expect(formatApiMessage(refused, 'zh')).toMatch(/磁盘.*已满/);
    expect((await callOk(backend, 'notes.get', { id: note.id })).title).toBe('Before the disk filled up');

    disk.free();
    const saved = await callOk(backend, 'notes.save', { id: note.id, title: 'After freeing space', baseUpdatedAt: note.updatedAt });
    expect(saved.title).toBe('After freeing space');
  });

  it('says at start-up, before anything else, that the disk is full', async () => {
    const disk = mountTmpfs(4096);
    const first = await startBackend({ dataDir: disk.dir });
    first.backend.close();
    disk.fill();

    const launched = launchBackend({ dataDir: disk.dir, contentDir: FIXTURE_PACK, host: 'web', appVersion: '0.0.0-test', log: () => {} });
    const started = await launched.started;
    const result = await launched.call('notes.list', {});
    launched.close();
    expect(started).toMatch(/could not open its data: The disk that holds Fieldbench’s data .* is full/);
    if (result.ok) throw new Error('notes.list answered although start-up failed');
    expect(result.error.code).toBe('unavailable');
    expect((result.error.params['reason'] as ApiMessage).key).toBe('error.diskFull');
  });
});

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/backend';
import { TEMP_GRACE_MS, UNREFERENCED_GRACE_MS } from '../../electron/backend/files/sweep';
import { callOk, FIXTURE_PACK, startBackend, noteOwner } from '../helpers/backend';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const HOUR = 60 * 60 * 1000;

/** Writes a file into the attachments folder, last written `ageMs` ago. */
function leftover(dataDir: string, name: string, ageMs: number, bytes: Uint8Array = crypto.randomBytes(100)): string {
  const file = path.join(dataDir, 'attachments', name);
  fs.writeFileSync(file, bytes);
  const when = new Date(Date.now() - ageMs);
  fs.utimesSync(file, when, when);
  return name;
}

const hashName = (): string => crypto.randomBytes(32).toString('hex');

/** Restarts the backend on the folder, collecting what it logs. */
async function restart(dataDir: string): Promise<string[]> {
  const logged: string[] = [];
  const backend = await createBackend({ dataDir, contentDir: FIXTURE_PACK, host: 'web', appVersion: '0.0.0-test', log: (m) => logged.push(m) });
  backend.close();
  return logged;
}

describe('the start-up sweep of the attachments folder', () => {
  it('removes old temporary files and old files no row refers to, logs them, and keeps everything else', async () => {
    const { backend, dataDir } = await startBackend();
    const owner = await noteOwner(backend);
    const attached = await callOk(backend, 'attachments.add', { ...owner, name: 'rack.png', mime: 'image/png', data: PNG });
    // A file whose link was removed: its row stays, and so does the file.
    const unlinkedBytes = crypto.randomBytes(64);
    const unlinked = await callOk(backend, 'attachments.add', { ...owner, name: 'old.bin', mime: 'application/octet-stream', data: unlinkedBytes });
    await callOk(backend, 'attachments.remove', { linkId: unlinked.linkId });
    backend.close();
    // Every file is old, the referenced ones too: age alone never removes a file a row names.
    for (const sha of [attached.sha256, unlinked.sha256]) {
      const old = new Date(Date.now() - 30 * 24 * HOUR);
      fs.utimesSync(path.join(dataDir, 'attachments', sha), old, old);
    }
    const killedUpload = leftover(dataDir, `${hashName()}.4242.abcd1234.tmp`, TEMP_GRACE_MS + HOUR);
    const uploadInFlight = leftover(dataDir, `${hashName()}.4243.abcd1234.tmp`, 0);
    const rowNeverCommitted = leftover(dataDir, hashName(), UNREFERENCED_GRACE_MS + HOUR);
    const rowOnItsWay = leftover(dataDir, hashName(), HOUR);
    const notOurs = leftover(dataDir, 'README.txt', UNREFERENCED_GRACE_MS + HOUR);

    const logged = await restart(dataDir);
    expect(fs.readdirSync(path.join(dataDir, 'attachments')).sort()).toEqual([attached.sha256, unlinked.sha256, uploadInFlight, rowOnItsWay, notOurs].sort());
    const sweepLines = logged.filter((line) => line.startsWith('start-up sweep'));
    expect(sweepLines).toHaveLength(2);
    expect(sweepLines.find((l) => l.includes(killedUpload))).toMatch(/removed attachments\/.*\.tmp \(an unfinished write; 100 bytes, last written /);
    expect(sweepLines.find((l) => l.includes(rowNeverCommitted))).toMatch(/\(no row refers to it; 100 bytes/);

    // Rows and files that rows name are all still there.
    const again = await startBackend({ dataDir });
    expect((await callOk(again.backend, 'attachments.list', owner)).map((a) => a.sha256)).toEqual([attached.sha256]);
    expect(Buffer.from((await callOk(again.backend, 'attachments.read', { sha256: unlinked.sha256 })).data).equals(unlinkedBytes)).toBe(true);
  });

  it('touches no stored file when the database has no attachment rows at all', async () => {
    // A new or replaced database over a folder of files: nothing tells a leftover from a user's photo.
    const { backend, dataDir } = await startBackend();
    backend.close();
    fs.mkdirSync(path.join(dataDir, 'attachments'), { recursive: true });
    const photo = leftover(dataDir, hashName(), 30 * 24 * HOUR);
    const killedUpload = leftover(dataDir, `${hashName()}.1.ab.tmp`, TEMP_GRACE_MS + HOUR);

    const logged = await restart(dataDir);
    expect(fs.readdirSync(path.join(dataDir, 'attachments'))).toEqual([photo]);
    expect(logged.find((l) => l.includes(killedUpload))).toBeDefined();
    expect(logged).toContain('start-up sweep: kept 1 stored file although no row refers to them: the database has no attachment rows at all');
  });
});

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callFail, callOk, FIXTURE_PACK, said, startBackend } from '../helpers/backend';
import { startServer, TEST_PASSWORD, type TestServer } from '../helpers/server';
import { makeTempDir } from '../helpers/temp-dir';

/**
 * Central publication of knowledge, templates, checklists and assessment definitions: a knowledge
 * manager publishes a content pack (npm run publish:pack) and every device takes each record whose
 * version is newer than its own bundled pack's, keeping its own where its pack is newer.
 */

let server: TestServer;
const temps: (() => void)[] = [];
beforeAll(async () => {
  server = await startServer({ db: 'sqlite' });
  server.addUser('kim', 'knowledge_manager');
  server.addUser('ann', 'consultant');
}, 60_000);
afterAll(async () => {
  temps.forEach((c) => c());
  await server.dispose();
});

/** A copy of the fixture pack with some files edited. */
function packWith(edits: Record<string, (text: string) => string>): string {
  const t = makeTempDir('fieldbench-pack-');
  temps.push(t.cleanup);
  fs.cpSync(FIXTURE_PACK, t.dir, { recursive: true });
  for (const [file, edit] of Object.entries(edits)) fs.writeFileSync(path.join(t.dir, file), edit(fs.readFileSync(path.join(t.dir, file), 'utf8')));
  return t.dir;
}

function publish(pack: string, user = 'kim', url = server.url): { code: number | null; out: string } {
  const r = spawnSync(process.execPath, ['scripts/run-ts.mjs', 'scripts/publish-pack.ts', '--server', url, '--user', user, pack], {
    env: { ...process.env, FIELDBENCH_PASSWORD: TEST_PASSWORD },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('publishing a content pack centrally', () => {
  it('reaches every device by version, beside the pack each device has', async () => {
    const published = packWith({
      'kb/bse-sleep-method.md': (t) => t.replace('version: 1', 'version: 2').replace('title: { en: "Cell sleep strategy"', 'title: { en: "Cell sleep strategy, revised"'),
      'templates/poc-ics-voicebot.yaml': (t) => t.replace('version: 1', 'version: 2'),
    });
    // Ann's device carries a pack in which one article is newer than what is published.
    const devicePack = packWith({ 'kb/comp-pi-export.md': (t) => t.replace('version: 1', 'version: 5').replace(/title: \{ en: "[^"]*"/, 'title: { en: "Export rules, device edition"') });
    expect(publish(published, 'ann').code).toBe(2);
    const result = publish(published);
    expect(result.code, result.out).toBe(0);
    expect(result.out).toMatch(/published \d+ records/);

    const ann = await startBackend({ contentDir: devicePack });
    await callOk(ann.backend, 'sync.enrol', { serverUrl: server.url, username: 'ann', password: TEST_PASSWORD, deviceName: 'laptop' });
    const run = await callOk(ann.backend, 'sync.now', {});
    expect(run.status).toBe('done');
    expect((await callOk(ann.backend, 'kb.get', { id: 'bse-sleep-method' })).title.en).toBe('Cell sleep strategy, revised');
    expect((await callOk(ann.backend, 'kb.get', { id: 'comp-pi-export' })).title.en).toBe('Export rules, device edition');
    const template = await callOk(ann.backend, 'templates.get', { id: 'poc-ics-voicebot' });
    expect(template.versions.map((v) => v.version)).toEqual(expect.arrayContaining([1, 2]));
    const items = await callOk(ann.backend, 'sync.runItems', { runId: run.id });
    expect(said(items.find((i) => i.row === 'comp-pi-export')?.detail)).toContain('version 5');
  });

  it('publishes a template version from a knowledge manager’s device to every device, as its next version', async () => {
    const kim = await startBackend({ contentDir: FIXTURE_PACK });
    const ann = await startBackend({ contentDir: FIXTURE_PACK });
    const id = 'poc-ics-voicebot';
    // A device not connected has no role to publish with.
    expect((await callFail(kim.backend, 'templates.publish', { id, version: 1 })).key).toBe('error.syncNotEnrolled');
    for (const [t, user] of [[kim, 'kim'], [ann, 'ann']] as const) {
      await callOk(t.backend, 'sync.enrol', { serverUrl: server.url, username: user, password: TEST_PASSWORD, deviceName: 'laptop' });
      await callOk(t.backend, 'sync.now', {});
    }
    expect((await callFail(ann.backend, 'templates.publish', { id, version: 1 })).code).toBe('forbidden');
    // Kim improves the template on her device, then publishes that version.
    const base = await callOk(kim.backend, 'templates.get', { id });
    const edited = await callOk(kim.backend, 'templates.save', { basedOn: { id, version: base.version }, template: { ...base.template, durationWeeks: 9 } });
    const published = await callOk(kim.backend, 'templates.publish', { id, version: edited.version });
    expect(published.version).toBe(edited.version + 1);
    expect(published.versions.slice(0, 2).map((v) => [v.version, v.published])).toEqual([
      [edited.version + 1, true],
      [edited.version, false],
    ]);
    expect((await callFail(kim.backend, 'templates.publish', { id, version: published.version })).key).toBe('error.templateAlreadyPublished');
    await callOk(kim.backend, 'sync.now', {});

    await callOk(ann.backend, 'sync.now', {});
    const received = await callOk(ann.backend, 'templates.get', { id });
    expect([received.version, received.origin, received.template.durationWeeks]).toEqual([published.version, 'sync', 9]);
    expect(received.versions[0]?.published).toBe(true);
    // Kim's own edit stays hers: it is not on Ann's device.
    expect(received.versions.map((v) => v.version)).not.toContain(edited.version);
    for (const t of [kim, ann]) t.backend.close();
  });

  it('says nothing was published when the server cannot be reached', async () => {
    // A port nothing listens on: taken, then given back.
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const result = publish(FIXTURE_PACK, 'kim', `http://127.0.0.1:${port}`);
    expect(result.code).toBe(2);
    expect(result.out).toContain('could not be reached');
    expect(result.out).toContain('Nothing was published.');
    expect(result.out).not.toContain('This device');
  });

  it('refuses a pack with problems, naming them', () => {
    const broken = packWith({ 'kb/bse-sleep-method.md': (t) => t.replace('type: method', 'type: gossip') });
    const result = publish(broken);
    expect(result.code).toBe(2);
    expect(result.out).toContain('bse-sleep-method');
    expect(result.out).toContain('nothing was published');
  });
});

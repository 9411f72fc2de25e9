import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TemplateFile } from '../../core/content/schemas';
import type { Backend } from '../../electron/backend/backend';
import { FIXTURE_PACK, callFail, callOk, startBackend } from '../helpers/backend';
import { makeTempDir } from '../helpers/temp-dir';

/**
 * A content-pack update to a template the user edited is held back, never lost in silence: the
 * importer records it (with the pack's template) as device bookkeeping, content.status lists it,
 * templates.packUpdate compares it with the user's newest version, and the user takes it as a new
 * version (every version stays) or dismisses it. A newer pack version is held back again.
 */

const TEMPLATE = 'poc-ics-voicebot';
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

/** The fixture pack with pack.yaml and the template raised to `version`, its title and summary section changed. */
function packWithTemplate(version: number): string {
  const t = makeTempDir('fieldbench-pack-');
  cleanups.push(t.cleanup);
  fs.cpSync(FIXTURE_PACK, t.dir, { recursive: true });
  const edit = (rel: string, change: (text: string) => string): void => {
    const file = path.join(t.dir, rel);
    const before = fs.readFileSync(file, 'utf8');
    const after = change(before);
    expect(after, `edit of ${rel} changed nothing`).not.toBe(before);
    fs.writeFileSync(file, after);
  };
  edit('pack.yaml', (s) => s.replace(/^version: 1$/m, `version: ${version}`));
  edit(`templates/${TEMPLATE}.yaml`, (s) =>
    s
      .replace(/^version: 1$/m, `version: ${version}`)
      .replace('title: { en: "Voicebot POC"', `title: { en: "Voicebot POC, pack ${version}"`)
      .replace('will test a voicebot from', `will pilot a voicebot (pack ${version}) from`)
      .replace('quantity: "10"', `quantity: "${10 + version}"`),
  );
  return t.dir;
}

/** The user edits the pack's template: a new version 2 of their own, with a changed summary. */
async function editTemplate(backend: Backend): Promise<TemplateFile> {
  const pack = await callOk(backend, 'templates.get', { id: TEMPLATE });
  expect(pack).toMatchObject({ version: 1, origin: 'pack' });
  const template: TemplateFile = {
    ...pack.template,
    sections: pack.template.sections.map((s) => (s.id === 'summary' ? { ...s, body: { en: 'Our own summary for {{customer.name}}.', zh: '我们自己的摘要。' } } : s)),
  };
  const saved = await callOk(backend, 'templates.save', { basedOn: { id: TEMPLATE, version: 1 }, template });
  expect(saved).toMatchObject({ version: 2, origin: 'user' });
  return saved.template;
}

/** A backend on `dataDir` with `contentDir`, closed before the next one opens the same folder. */
async function restart(previous: Backend | null, dataDir: string, contentDir: string): Promise<Backend> {
  previous?.close();
  return (await startBackend({ dataDir, contentDir })).backend;
}

describe('content-pack updates held back', () => {
  it('holds back a newer template the user edited, compares it, and takes it as a new version', async () => {
    const first = await startBackend();
    const dataDir = first.dataDir;
    const mine = await editTemplate(first.backend);
    // The same pack again: nothing newer, nothing held back.
    let backend = await restart(first.backend, dataDir, FIXTURE_PACK);
    expect((await callOk(backend, 'content.status', {})).heldBack).toEqual([]);
    expect(await callOk(backend, 'templates.packUpdate', { id: TEMPLATE, lang: 'en' })).toBeNull();

    backend = await restart(backend, dataDir, packWithTemplate(2));
    const status = await callOk(backend, 'content.status', {});
    expect(status.packVersion).toBe(2);
    expect(status.heldBack).toEqual([
      { kind: 'template', id: TEMPLATE, title: { en: 'Voicebot POC, pack 2', zh: 'Voicebot POC（中）' }, packVersion: 2, reason: 'edited', heldAt: expect.any(String) },
    ]);
    // The user's version is untouched and still the newest; the pack's version 2 did not take its number.
    const current = await callOk(backend, 'templates.get', { id: TEMPLATE });
    expect(current).toMatchObject({ version: 2, origin: 'user', template: mine });
    expect(current.versions.map((v) => [v.version, v.origin])).toEqual([
      [2, 'user'],
      [1, 'pack'],
    ]);

    const update = await callOk(backend, 'templates.packUpdate', { id: TEMPLATE, lang: 'en' });
    expect(update).toMatchObject({ id: TEMPLATE, packVersion: 2, reason: 'edited', current: { version: 2, origin: 'user' }, nextVersion: 3 });
    expect(update?.template.title.en).toBe('Voicebot POC, pack 2');
    const summary = update?.diff?.sections.find((s) => s.id === 'summary');
    expect(summary?.change).toBe('changed');
    // Left column: the user's text with deletions; right column: the pack's with insertions.
    const left = summary?.tokens.filter((t) => t.op !== 'added').map((t) => t.text).join('');
    const right = summary?.tokens.filter((t) => t.op !== 'removed').map((t) => t.text).join('');
    expect(left).toBe('Summary\nOur own summary for {{customer.name}}.');
    expect(right).toBe('Summary\n{{customer.name}} will pilot a voicebot (pack 2) from {{ engagement.startDate }}.');
    expect(summary?.tokens.filter((t) => t.op === 'removed').map((t) => t.text)).toContain('Our');
    expect(summary?.otherLanguageChanged).toBe(true);
    expect(update?.diff?.fields).toEqual(
      expect.arrayContaining([
        { path: 'title.en', field: 'title', lang: 'en', change: 'changed', from: 'Voicebot POC', to: 'Voicebot POC, pack 2' },
        { path: 'pricing.lines.0.quantity', field: 'lineQuantity', n: 1, change: 'changed', from: '10', to: '12' },
      ]),
    );

    // Starting again with the same pack records nothing new.
    backend = await restart(backend, dataDir, packWithTemplate(2));
    expect((await callOk(backend, 'content.status', {})).heldBack).toEqual(status.heldBack);

    // Taking needs the version the user saw.
    const stale = await callFail(backend, 'templates.takePackUpdate', { id: TEMPLATE, packVersion: 1 });
    expect(stale).toMatchObject({ code: 'conflict', key: 'error.heldBackUpdateChanged', params: { id: TEMPLATE, available: 2, asked: 1 } });
    const taken = await callOk(backend, 'templates.takePackUpdate', { id: TEMPLATE, packVersion: 2 });
    expect(taken).toMatchObject({ version: 3, template: { ...update?.template, version: 3 } });
    expect(taken.versions.map((v) => v.version)).toEqual([3, 2, 1]);
    // Nothing was overwritten: the user's edit is still version 2.
    expect((await callOk(backend, 'templates.get', { id: TEMPLATE, version: 2 })).template).toEqual(mine);
    expect((await callOk(backend, 'content.status', {})).heldBack).toEqual([]);
    expect(await callOk(backend, 'templates.packUpdate', { id: TEMPLATE, lang: 'en' })).toBeNull();
    expect(await callFail(backend, 'templates.takePackUpdate', { id: TEMPLATE, packVersion: 2 })).toMatchObject({ code: 'not_found', key: 'error.noHeldBackUpdate' });

    // Taken stays taken; the pack's next version is held back again.
    backend = await restart(backend, dataDir, packWithTemplate(2));
    expect((await callOk(backend, 'content.status', {})).heldBack).toEqual([]);
    backend = await restart(backend, dataDir, packWithTemplate(3));
    expect((await callOk(backend, 'content.status', {})).heldBack).toMatchObject([{ kind: 'template', id: TEMPLATE, packVersion: 3, reason: 'edited' }]);
    expect(await callOk(backend, 'templates.packUpdate', { id: TEMPLATE, lang: 'zh' })).toMatchObject({ packVersion: 3, current: { version: 3 }, nextVersion: 4 });
  });

  it('dismisses a held-back update, keeps the pack version stored, and offers a newer one again', async () => {
    const first = await startBackend();
    const dataDir = first.dataDir;
    const mine = await editTemplate(first.backend);
    let backend = await restart(first.backend, dataDir, packWithTemplate(2));
    expect(await callFail(backend, 'content.dismissUpdate', { kind: 'template', id: TEMPLATE, packVersion: 3 })).toMatchObject({ code: 'conflict' });
    expect(await callOk(backend, 'content.dismissUpdate', { kind: 'template', id: TEMPLATE, packVersion: 2 })).toEqual({ dismissed: true });
    expect((await callOk(backend, 'content.status', {})).heldBack).toEqual([]);
    expect(await callOk(backend, 'templates.packUpdate', { id: TEMPLATE, lang: 'en' })).toBeNull();
    expect(await callFail(backend, 'content.dismissUpdate', { kind: 'template', id: TEMPLATE, packVersion: 2 })).toMatchObject({ code: 'not_found' });
    // Dismissing changed nothing of the user's, and the pack's version is still on the device.
    expect(await callOk(backend, 'templates.get', { id: TEMPLATE })).toMatchObject({ version: 2, template: mine });
    const stored = backend.db.prepare("SELECT state, pack_version, json_extract(record, '$.title.en') AS title FROM pack_updates WHERE id = ?").get(TEMPLATE);
    expect(stored).toEqual({ state: 'dismissed', pack_version: 2, title: 'Voicebot POC, pack 2' });

    backend = await restart(backend, dataDir, packWithTemplate(2));
    expect((await callOk(backend, 'content.status', {})).heldBack).toEqual([]);
    backend = await restart(backend, dataDir, packWithTemplate(3));
    expect((await callOk(backend, 'content.status', {})).heldBack).toMatchObject([{ id: TEMPLATE, packVersion: 3 }]);
  });

  it('upgrades a template nobody edited without holding anything back', async () => {
    const first = await startBackend();
    const backend = await restart(first.backend, first.dataDir, packWithTemplate(2));
    expect((await callOk(backend, 'content.status', {})).heldBack).toEqual([]);
    expect(await callOk(backend, 'templates.get', { id: TEMPLATE })).toMatchObject({ version: 2, origin: 'pack', template: { title: { en: 'Voicebot POC, pack 2' } } });
  });
});

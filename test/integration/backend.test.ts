import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, DB_FILE_NAME, type Backend } from '../../electron/backend/backend';
import { openDatabase } from '../../electron/backend/db/connection';
import { MIGRATIONS } from '../../electron/backend/db/migrations';
import { makeTempDir } from '../helpers/temp-dir';

const CONTENT = path.join(__dirname, '..', 'fixtures', 'packs', 'valid');
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

async function start(dataDir?: string): Promise<{ backend: Backend; dataDir: string; events: string[] }> {
  let dir = dataDir;
  if (!dir) {
    const t = makeTempDir();
    cleanups.push(t.cleanup);
    dir = t.dir;
  }
  const events: string[] = [];
  const backend = await createBackend({ dataDir: dir, contentDir: CONTENT, host: 'web', appVersion: '0.0.0-test', emit: (e) => events.push(e), log: () => {} });
  cleanups.unshift(() => backend.close());
  return { backend, dataDir: dir, events };
}

async function value(backend: Backend, method: string, args: unknown = {}): Promise<unknown> {
  const result = await backend.call(method, args);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}

describe('backend', () => {
  it('imports the content pack on first run and reports it', async () => {
    const { backend, events } = await start();
    expect(events).toEqual(['data.changed', 'content.imported']);
    expect(await value(backend, 'content.status')).toMatchObject({
      packId: 'test-pack',
      packVersion: 1,
      counts: { scenarios: 2, articles: 3, assessments: 2, checklists: 1, templates: 1 },
      problems: [],
    });
    expect(await value(backend, 'app.info')).toMatchObject({ host: 'web', appVersion: '0.0.0-test', schemaVersion: MIGRATIONS.length });
  });

  it('browses, filters, reads and relates articles', async () => {
    const { backend } = await start();
    const all = (await value(backend, 'kb.list', {})) as { items: { id: string }[]; total: number };
    expect(all.total).toBe(3);
    const ics = (await value(backend, 'kb.list', { scenario: 'intelligent-customer-service' })) as { items: { id: string }[] };
    expect(ics.items.map((i) => i.id).sort()).toEqual(['comp-pi-export', 'ics-intent-method']);
    const compliance = (await value(backend, 'kb.list', { type: 'compliance' })) as { items: { id: string; pastReview: boolean }[] };
    expect(compliance.items).toMatchObject([{ id: 'comp-pi-export', pastReview: true }]);
    const tagged = (await value(backend, 'kb.list', { tags: ['nlu'] })) as { items: { id: string }[] };
    expect(tagged.items.map((i) => i.id)).toEqual(['ics-intent-method']);

    const article = (await value(backend, 'kb.get', { id: 'ics-intent-method' })) as { title: { zh: string }; body: { en: string; zh: string } };
    expect(article.title.zh).toBe('构建意图体系');
    expect(JSON.parse(article.body.en)).toHaveProperty('root');
    const related = (await value(backend, 'kb.related', { id: 'ics-intent-method' })) as { id: string }[];
    expect(related[0]?.id).toBe('comp-pi-export'); // declared links come first

    const facets = (await value(backend, 'kb.facets')) as { types: { type: string; count: number }[] };
    expect(facets.types).toEqual([{ type: 'method', count: 2 }, { type: 'compliance', count: 1 }]);
    const scenarios = (await value(backend, 'scenarios.list')) as { id: string; articleCount: number }[];
    expect(scenarios.find((s) => s.id === 'base-station-energy-saving')?.articleCount).toBe(2);
  });

  it('searches in English and Chinese through the contract', async () => {
    const { backend } = await start();
    const en = (await value(backend, 'kb.search', { query: 'taxonomy' })) as { hits: { id: string }[] };
    expect(en.hits.map((h) => h.id)).toEqual(['ics-intent-method']);
    const zh = (await value(backend, 'kb.search', { query: '覆盖指标' })) as { hits: { id: string; lang: string }[] };
    expect(zh.hits).toMatchObject([{ id: 'bse-sleep-method', lang: 'zh' }]);
  });

  it('gives clear errors for bad calls and keeps working', async () => {
    const { backend } = await start();
    expect(await backend.call('kb.drop', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await backend.call('kb.get', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'not_found', key: 'error.notFound', message: 'No knowledge-base article with id "nope" on this device.' } });
    expect(await backend.call('kb.search', { query: 'x'.repeat(100 * 1024) })).toMatchObject({ ok: false, error: { code: 'bad_request', message: expect.stringMatching(/query: is too long/) } });
    expect(await backend.call('settings.update', { theme: 'neon' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await value(backend, 'kb.search', { query: '"NEAR( -x:* )' })).toMatchObject({ hits: [] });
  });

  it('keeps settings across restarts and reads back only valid stored values', async () => {
    const first = await start();
    expect(await value(first.backend, 'settings.get')).toEqual({ language: 'en', languageChosen: false, theme: 'system', welcomeDismissed: false });
    // A theme alone leaves the language to follow the system's.
    expect(await value(first.backend, 'settings.update', { theme: 'light' })).toMatchObject({ languageChosen: false });
    expect(await value(first.backend, 'settings.update', { language: 'zh', theme: 'dark', welcomeDismissed: true })).toEqual({ language: 'zh', languageChosen: true, theme: 'dark', welcomeDismissed: true });
    first.backend.close();
    const second = await start(first.dataDir);
    expect(second.events).toEqual([]); // same pack version: nothing re-imported
    expect(await value(second.backend, 'settings.get')).toEqual({ language: 'zh', languageChosen: true, theme: 'dark', welcomeDismissed: true });
    second.backend.db.prepare("UPDATE settings SET value = '\"klingon\"' WHERE key = 'language'").run();
    second.backend.db.prepare("UPDATE settings SET value = '\"yes\"' WHERE key = 'welcomeDismissed'").run();
    expect(await value(second.backend, 'settings.get')).toEqual({ language: 'en', languageChosen: false, theme: 'dark', welcomeDismissed: false });
  });

  it('refuses a database from a newer version without changing it', async () => {
    const first = await start();
    first.backend.db.prepare("INSERT INTO schema_migrations (id, name, applied_at) VALUES (99, 'future', 'x')").run();
    first.backend.close();
    const file = path.join(first.dataDir, DB_FILE_NAME);
    const before = fs.readFileSync(file);
    await expect(createBackend({ dataDir: first.dataDir, contentDir: CONTENT, host: 'web', appVersion: 'x', log: () => {} })).rejects.toThrow(/newer version of Fieldbench/);
    const db = openDatabase(file, { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM kb_articles').get()).toEqual({ n: 3 });
    db.close();
    expect(fs.readFileSync(file).length).toBe(before.length);
  });
});

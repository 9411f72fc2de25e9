import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentJson, paragraph, textNode } from '../../core/richtext/build';
import { formatTimestamp } from '../../core/sync/hlc';
import { PROTOCOL_VERSION, type SyncMessage } from '../../core/sync/protocol';
import { APPLY_PART } from '../../electron/backend/sync/round';
import { addItems, ITEMS_KEPT_PER_RUN, startRun } from '../../electron/backend/sync/history';
import { saveCursors } from '../../electron/backend/sync/state';
import type { Backend } from '../../electron/backend/backend';
import type { SyncRunSummary } from '../../core/sync/status';
import { callOk, startBackend } from '../helpers/backend';
import { makeTempDir } from '../helpers/temp-dir';
import { api, enrolDevice, startServer, TEST_PASSWORD, type TestServer } from '../helpers/server';

/**
 * A fresh device takes the knowledge base in pages of thousands of messages. Each page is applied
 * in parts of APPLY_PART messages, each its own transaction, so what the user does meanwhile (a
 * save, a screen's query) waits for one part, not for the page; a sync cut between parts resumes
 * with nothing applied twice.
 */

const ARTICLES = Math.ceil((APPLY_PART * 2.5) / 2); // two messages each: one page, three parts and more
let server: TestServer;

function articleMessages(i: number, base: number): SyncMessage[] {
  const id = `part-article-${i}`;
  const t = (k: number) => formatTimestamp(base + i, k, 'dddddddddddddddd');
  return [
    { space: 'published', timestamp: t(0), dataset: 'kb_articles', row: id, values: { id, version: 1, type: 'best-practice', scenarios: '[]', tags: '[]', related: '[]', author: 'Kim', review_date: null, created_at: new Date(base).toISOString(), deleted: 0 } },
    { space: 'published', timestamp: t(1), dataset: 'kb_article_texts', row: `${id}/en`, values: { article_id: id, lang: 'en', title: `Article ${i}`, summary: 'Summary', body_json: documentJson([paragraph([textNode(`Body of article ${i}`)])]), body_text: `Body of article ${i}` } },
  ];
}

beforeAll(async () => {
  server = await startServer({ db: 'sqlite' });
  server.addUser('kim', 'knowledge_manager');
  server.addUser('ann', 'consultant');
  server.addUser('bob', 'consultant');
  const kim = await enrolDevice(server.url, 'kim');
  const base = Date.now() - 3_600_000;
  const messages = Array.from({ length: ARTICLES }, (_, i) => articleMessages(i, base)).flat();
  for (let i = 0; i < messages.length; i += 2000) {
    const r = await api(server.url, '/api/v1/sync', { token: kim.token, body: { protocol: PROTOCOL_VERSION, schema: 4, clientTime: new Date().toISOString(), messages: messages.slice(i, i + 2000), spaces: {}, limit: 0 } });
    expect(r.status).toBe(200);
  }
}, 120_000);
afterAll(async () => {
  await server.dispose();
});

const articlesOn = (backend: Backend): number => (backend.db.prepare("SELECT count(*) AS n FROM kb_articles WHERE id LIKE 'part-article-%'").get() as { n: number }).n;

/**
 * Syncs while the user keeps typing: between the parts, the event loop takes other work, so a
 * save asked for while only some articles are applied is answered before the rest are.
 */
async function saveDuringSync(backend: Backend): Promise<{ savedBetween: boolean; seen: number; result: SyncRunSummary }> {
  const note = await callOk(backend, 'notes.create', { title: 'Typing on site', bodyJson: documentJson([paragraph([textNode('first')])]) });
  let done = false;
  const sync = callOk(backend, 'sync.now', {}).finally(() => (done = true));
  let seen = 0;
  let savedBetween = false;
  while (!done) {
    await new Promise((resolve) => setImmediate(resolve));
    const n = articlesOn(backend);
    if (n > 0 && n < ARTICLES && !savedBetween) {
      seen = n;
      const saved = await backend.call('notes.save', { id: note.id, title: `Typing on site ${n}` });
      savedBetween = saved.ok && articlesOn(backend) < ARTICLES;
    }
  }
  return { savedBetween, seen, result: await sync };
}

describe('a large page from the server', () => {
  it('is applied in parts: a save made meanwhile is answered before the page is all applied', async () => {
    const { backend } = await startBackend();
    await callOk(backend, 'sync.enrol', { serverUrl: server.url, username: 'ann', password: TEST_PASSWORD, deviceName: 'ann' });
    const { savedBetween, seen, result } = await saveDuringSync(backend);
    expect(savedBetween).toBe(true);
    expect(seen).toBeGreaterThan(0);
    expect(articlesOn(backend)).toBe(ARTICLES);
    // One page, applied once: every message counted once, however many parts.
    expect(result.received).toBe(ARTICLES * 2);
    backend.close();
  });

  it('applies a repair pull in parts too: what the digest check finds is taken in while the user saves', async () => {
    const { backend } = await startBackend();
    await callOk(backend, 'sync.enrol', { serverUrl: server.url, username: 'bob', password: TEST_PASSWORD, deviceName: 'bob' });
    // The cursor already past every published message and none of them here: only the digest finds them.
    saveCursors(backend.db, { published: 1_000_000_000 });
    const { savedBetween, result } = await saveDuringSync(backend);
    expect(savedBetween).toBe(true);
    expect(articlesOn(backend)).toBe(ARTICLES);
    expect(result.received).toBe(ARTICLES * 2);
    backend.close();
  });

  it('cut between parts (the app closed), resumes from the page and applies nothing twice', async () => {
    const folder = makeTempDir();
    const first = await startBackend({ dataDir: folder.dir });
    await callOk(first.backend, 'sync.enrol', { serverUrl: server.url, username: 'ann', password: TEST_PASSWORD, deviceName: 'ann' });
    const articles = (db: typeof first.backend.db): number => (db.prepare("SELECT count(*) AS n FROM kb_articles WHERE id LIKE 'part-article-%'").get() as { n: number }).n;
    let done = false;
    const cut = first.backend.call('sync.now', {}).finally(() => (done = true));
    let appliedBefore = 0;
    while (!done) {
      await new Promise((resolve) => setImmediate(resolve));
      appliedBefore = articles(first.backend.db);
      if (appliedBefore > 0) break;
    }
    expect(appliedBefore).toBeGreaterThan(0);
    expect(appliedBefore).toBeLessThan(ARTICLES);
    first.backend.close();
    expect((await cut).ok).toBe(false);

    const again = await startBackend({ dataDir: folder.dir });
    expect(articles(again.backend.db)).toBe(appliedBefore);
    // The cut run's history kept what it applied, with the change (so it can be rolled back).
    const [cutRun] = await callOk(again.backend, 'sync.history', { limit: 1 });
    const cutItems = (again.backend.db.prepare("SELECT count(*) AS n FROM sync_run_items WHERE run_id = ? AND direction = 'down'").get(cutRun?.id) as { n: number }).n;
    // (This device made nothing itself: its log is what it took in, the first part.)
    const takenIn = (again.backend.db.prepare('SELECT count(*) AS n FROM sync_log').get() as { n: number }).n;
    expect(takenIn).toBe(APPLY_PART);
    expect(cutItems).toBe(takenIn);
    const resumed = await callOk(again.backend, 'sync.now', {});
    expect(articles(again.backend.db)).toBe(ARTICLES);
    // The page came again; what the first part applied was in the log and counted no more.
    const logged = (again.backend.db.prepare('SELECT count(*) AS n FROM sync_log').get() as { n: number }).n;
    expect(resumed.received).toBe(logged - takenIn);
    expect((again.backend.db.prepare("SELECT count(*) AS n FROM sync_log WHERE row LIKE 'part-article-%'").get() as { n: number }).n).toBe(ARTICLES * 2);
    expect((again.backend.db.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check).toBe('ok');
    again.backend.close();
    folder.cleanup();
  });

  it("keeps a run's history within its display limit across parts, and every change the rollback needs beyond it", async () => {
    const { backend } = await startBackend();
    const run = startRun(backend.db, 'manual', new Date().toISOString());
    const part = (from: number, before: boolean) =>
      Array.from({ length: APPLY_PART }, (_, i) => ({ dataset: 'field_notes', row: `n-${from + i}`, status: before ? ('applied' as const) : ('unchanged' as const), ...(before ? { before: { '': 'created' } } : {}) }));
    const parts = Math.ceil(ITEMS_KEPT_PER_RUN / APPLY_PART) + 2;
    for (let i = 0; i < parts; i++) addItems(backend.db, run, 'down', part(i * APPLY_PART, false));
    const kept = (): number => (backend.db.prepare('SELECT count(*) AS n FROM sync_run_items WHERE run_id = ?').get(run) as { n: number }).n;
    expect(kept()).toBe(ITEMS_KEPT_PER_RUN);
    addItems(backend.db, run, 'down', part(parts * APPLY_PART, true));
    expect(kept()).toBe(ITEMS_KEPT_PER_RUN + APPLY_PART);
    // Numbered in order, with no gaps or repeats.
    expect(backend.db.prepare('SELECT min(seq) AS lo, max(seq) AS hi FROM sync_run_items WHERE run_id = ?').get(run)).toEqual({ lo: 1, hi: ITEMS_KEPT_PER_RUN + APPLY_PART });
    backend.close();
  });
});

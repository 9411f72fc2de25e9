import { afterEach, describe, expect, it, vi } from 'vitest';
import { documentJson, paragraph, textNode } from '../../core/richtext/build';
import { formatTimestamp } from '../../core/sync/hlc';
import type { SyncMessage } from '../../core/sync/protocol';
import { announceIndexed, DEFER_INDEX_FROM, transact } from '../../electron/backend/db/changes';
import type { Db } from '../../electron/backend/db/connection';
import { applyIncoming } from '../../electron/backend/sync/apply';
import { hasUnsent, resendHour, unsentCells } from '../../electron/backend/sync/log';
import { newNodeId, saveIdentity, type SyncIdentity } from '../../electron/backend/sync/state';
import { searchKb } from '../../electron/backend/search/search';
import { callOk, startBackend } from '../helpers/backend';
import { bucketOf } from '../../core/sync/digest';
import { submissionColumnRefused } from '../../core/review/authority';

/**
 * A large batch from sync — a fresh device taking the published knowledge base — is applied at
 * once and indexed for search in the background (search/backlog.ts); the log keeps only what it
 * may need again (sync/log.ts logReceived).
 */

const NODE = 'cccccccccccccccc';
let tick = Date.now() - 3_600_000;

function identityOf(role: SyncIdentity['role']): SyncIdentity {
  return { serverUrl: 'http://127.0.0.1:1', userId: 'u1', userName: 'ann', displayName: 'Ann', role, deviceId: 'd1', node: newNodeId(), enrolledAt: new Date().toISOString() };
}

/** A published article's two messages; its body holds `word`. */
function article(i: number, word: string, extra: Record<string, string> = {}): SyncMessage[] {
  const id = `pub-${i}`;
  const t = ++tick;
  return [
    { space: 'published', timestamp: formatTimestamp(t, 0, NODE), dataset: 'kb_articles', row: id, values: { id, version: 1, type: 'best-practice', scenarios: '[]', tags: '[]', related: '[]', author: 'Kim', review_date: null, created_at: new Date().toISOString(), deleted: 0, ...extra } },
    {
      space: 'published',
      timestamp: formatTimestamp(t, 1, NODE),
      dataset: 'kb_article_texts',
      row: `${id}/en`,
      values: { article_id: id, lang: 'en', title: `Published article ${i}`, summary: 'A summary', body_json: documentJson([paragraph([textNode(`about ${word} and more`)])]), body_text: `about ${word} and more` },
    },
  ];
}

function apply(db: Db, identity: SyncIdentity, messages: SyncMessage[]): void {
  transact(db, () => applyIncoming(db, identity, messages, unsentCells(db)), { fromSync: true });
}

const backlog = (db: Db): number => (db.prepare('SELECT count(*) AS n FROM search_backlog').get() as { n: number }).n;

describe('a large batch from sync', () => {
  it('is readable at once, searchable once the background indexer is done, and search says it is still indexing meanwhile', async () => {
    const { backend } = await startBackend();
    const identity = identityOf('consultant');
    saveIdentity(backend.db, identity);
    const count = Math.ceil(DEFER_INDEX_FROM / 2) + 10; // two changes per article
    apply(backend.db, identity, Array.from({ length: count }, (_, i) => article(i, 'zanzibarite')).flat());
    // Before the indexer's first chunk (it runs on a later turn of the event loop): nothing awaited here.
    expect(backlog(backend.db)).toBe(count);
    expect(searchKb(backend.db, { query: 'zanzibarite', kinds: ['kb'] })).toMatchObject({ indexing: count, total: 0 });
    await expect(callOk(backend, 'kb.get', { id: 'pub-0' })).resolves.toMatchObject({ id: 'pub-0' });
    await backend.settled();
    expect(backlog(backend.db)).toBe(0);
    const after = await callOk(backend, 'kb.search', { query: 'zanzibarite', kinds: ['kb'], limit: 100 });
    expect(after.indexing).toBe(0);
    expect(after.total).toBe(count);
  });

  it('indexes a small batch in its own transaction, as any change', async () => {
    const { backend } = await startBackend();
    const identity = identityOf('consultant');
    saveIdentity(backend.db, identity);
    apply(backend.db, identity, [...article(1, 'quillwort'), ...article(2, 'quillwort')]);
    expect(backlog(backend.db)).toBe(0);
    const found = await callOk(backend, 'kb.search', { query: 'quillwort', kinds: ['kb'] });
    expect(found.total).toBe(2);
  });

  it('keeps what is still to be indexed across a restart', async () => {
    const first = await startBackend();
    const identity = identityOf('consultant');
    saveIdentity(first.backend.db, identity);
    const count = DEFER_INDEX_FROM;
    apply(first.backend.db, identity, Array.from({ length: count }, (_, i) => article(i, 'brontosaurine')).flat());
    // Closed before the indexer's first chunk (it starts on the next turn of the event loop).
    first.backend.close();
    const again = await startBackend({ dataDir: first.dataDir });
    await again.backend.settled();
    const found = await callOk(again.backend, 'kb.search', { query: 'brontosaurine', kinds: ['kb'], limit: 100 });
    expect(found.total).toBe(count);
  });
});

describe('the log of received messages', () => {
  const vals = (db: Db, space: string): string[] => (db.prepare('SELECT vals FROM sync_log WHERE space = ? ORDER BY timestamp').pluck().all(space) as string[]);

  it('keeps only the names of messages in a space this device may not write', async () => {
    const { backend } = await startBackend();
    const identity = identityOf('consultant');
    saveIdentity(backend.db, identity);
    const messages = article(1, 'plain');
    apply(backend.db, identity, messages);
    expect(vals(backend.db, 'published')).toEqual(['null', 'null']);
    // The same messages again change nothing: the log still knows them.
    apply(backend.db, identity, messages);
    expect(vals(backend.db, 'published')).toHaveLength(2);
  });

  it('keeps the values of a message with columns this version does not know, for a later version', async () => {
    const { backend } = await startBackend();
    const identity = identityOf('consultant');
    saveIdentity(backend.db, identity);
    const [withUnknown, text] = article(1, 'plain', { from_a_newer_version: 'x' });
    apply(backend.db, identity, [withUnknown!, text!]);
    const kept = vals(backend.db, 'published');
    expect(JSON.parse(kept[0]!)).toMatchObject({ from_a_newer_version: 'x' });
    expect(kept[1]).toBe('null');
  });

  it('keeps the values where this device may write, and a restored server gets only those again', async () => {
    const { backend } = await startBackend();
    const manager = identityOf('knowledge_manager');
    saveIdentity(backend.db, manager);
    const messages = article(1, 'plain');
    apply(backend.db, manager, messages);
    expect(vals(backend.db, 'published').every((v) => v !== 'null')).toBe(true);
    // A name-only message (logged while this user could not write the space) is not sent back.
    backend.db.prepare("UPDATE sync_log SET vals = 'null' WHERE timestamp = ?").run(messages[0]!.timestamp);
    const marked = transact(backend.db, () => resendHour(backend.db, 'published', bucketOf(messages[0]!.timestamp), () => true), { fromSync: true });
    expect(marked).toBe(1);
    expect(hasUnsent(backend.db)).toBe(true);
    expect(backend.db.prepare('SELECT vals FROM sync_log WHERE state = 0').pluck().all()).toEqual([vals(backend.db, 'published')[1]]);
  });

  it('sends an author’s submission again to a restored server, but not a reviewer’s decision received here', async () => {
    const { backend } = await startBackend();
    const author = identityOf('consultant');
    saveIdentity(backend.db, author);
    const space = 'review:u1';
    const t = ++tick;
    const submitted: SyncMessage = {
      space,
      timestamp: formatTimestamp(t, 0, author.node),
      dataset: 'submissions',
      row: 'lesson-l1',
      values: { id: 'lesson-l1', author_id: 'u1', author_name: 'Ann', kind: 'lesson', source_id: 'l1', title: 'Night shifts', content: JSON.stringify({ kind: 'lesson', context: '', problem: 'p', action: 'a', result: '', recommendation: 'r', tags: [] }), content_text: 'p', scenarios: '[]', submitted_at: new Date(t).toISOString(), status: 'submitted', review_note: '', reviewed_by: '', reviewed_at: null, article_id: null },
    };
    const decided: SyncMessage = { space, timestamp: formatTimestamp(t, 1, NODE), dataset: 'submissions', row: 'lesson-l1', values: { status: 'published', review_note: '', reviewed_by: 'Kim', reviewed_at: new Date(t).toISOString(), article_id: 'lesson-a1' } };
    apply(backend.db, author, [submitted, decided]);
    expect(vals(backend.db, space).every((v) => v !== 'null')).toBe(true);
    const actor = { userId: author.userId, role: author.role };
    const marked = transact(backend.db, () => resendHour(backend.db, space, bucketOf(submitted.timestamp), (m) => submissionColumnRefused(actor, m) === null), { fromSync: true });
    expect(marked).toBe(1);
    expect(backend.db.prepare('SELECT timestamp FROM sync_log WHERE state = 0').pluck().all()).toEqual([submitted.timestamp]);
  });
});

describe('the background indexer and background sync', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('does not keep putting off the sync a local change asked for', async () => {
    const { backend } = await startBackend({ sync: { autoIntervalMs: 3_600_000 } });
    saveIdentity(backend.db, identityOf('consultant'));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await callOk(backend, 'notes.create', { title: 'Written offline' });
    const backgroundRuns = () => (backend.db.prepare("SELECT count(*) AS n FROM sync_runs WHERE trigger = 'background'").get() as { n: number }).n;
    // The indexer says every second that more articles are searchable.
    for (let second = 1; second <= 19; second++) {
      vi.advanceTimersByTime(1000);
      announceIndexed(backend.db, ['kb_articles']);
    }
    expect(backgroundRuns()).toBe(0);
    vi.advanceTimersByTime(1500);
    // The sync starts (and fails: this device has no token); what counts is that it was not put off.
    await vi.waitFor(() => expect(backgroundRuns()).toBe(1));
  });

  it('syncs steady typing as it goes: changes put the sync off, but not past two minutes', async () => {
    // The sync's clock reads Date.now when asked, so the fake clock below moves it.
    const { backend } = await startBackend({ sync: { autoIntervalMs: 3_600_000, now: () => Date.now() } });
    saveIdentity(backend.db, identityOf('consultant'));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const note = await callOk(backend, 'notes.create', { title: 'Answers as they come' });
    const backgroundRuns = () => (backend.db.prepare("SELECT count(*) AS n FROM sync_runs WHERE trigger = 'background'").get() as { n: number }).n;
    // A change every ten seconds: each one alone would put the sync off by twenty.
    for (let second = 10; second < 120; second += 10) {
      vi.advanceTimersByTime(10_000);
      await callOk(backend, 'notes.save', { id: note.id, title: `Answer ${second}` });
    }
    expect(backgroundRuns()).toBe(0);
    vi.advanceTimersByTime(10_000);
    await vi.waitFor(() => expect(backgroundRuns()).toBe(1));
  });
});

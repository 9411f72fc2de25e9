import { afterEach, describe, expect, it } from 'vitest';
import { HOSTILE_LINKS, hostileDocument } from '../fixtures/hostile/corpus';
import { documentJson, paragraph, textNode } from '../../core/richtext/build';
import { formatTimestamp } from '../../core/sync/hlc';
import type { SyncMessage } from '../../core/sync/protocol';
import { transact } from '../../electron/backend/db/changes';
import { openDatabase, type Db } from '../../electron/backend/db/connection';
import { migrate } from '../../electron/backend/db/migrate';
import { MIGRATIONS } from '../../electron/backend/db/migrations';
import { guardRecordTables } from '../../electron/backend/db/write-guard';
import { applyIncoming, type ApplyResult } from '../../electron/backend/sync/apply';
import { unsentCells } from '../../electron/backend/sync/log';
import { labelOf } from '../../electron/backend/sync/history';
import { newNodeId, saveIdentity, type SyncIdentity } from '../../electron/backend/sync/state';
import { said } from '../helpers/backend';

/**
 * What a device does with messages that arrive: everything is untrusted input. A message that does
 * not fit (its table in the wrong space, a row that lives elsewhere, a key that lies, a value of
 * the wrong kind, a clock hours ahead) is refused; rich text is cleaned as a paste would be;
 * columns only this device keeps are never taken from outside.
 */

const dbs: Db[] = [];
afterEach(() => dbs.splice(0).forEach((db) => db.close()));

async function device(): Promise<{ db: Db; identity: SyncIdentity }> {
  const db = openDatabase(':memory:');
  dbs.push(db);
  await migrate(db, MIGRATIONS, null);
  guardRecordTables(db);
  const identity: SyncIdentity = { serverUrl: 'http://127.0.0.1:1', userId: 'u1', userName: 'ann', displayName: 'Ann', role: 'consultant', deviceId: 'd1', node: newNodeId(), enrolledAt: new Date().toISOString() };
  saveIdentity(db, identity);
  return { db, identity };
}

let tick = Date.now() - 60_000;
const at = (offsetMs = 0) => formatTimestamp(++tick + offsetMs, 0, 'eeeeeeeeeeeeeeee');

function note(id: string, values: Record<string, string | number | null> = {}, space = 'user:u1', timestamp = at()): SyncMessage {
  return {
    timestamp,
    space,
    dataset: 'field_notes',
    row: id,
    values: { id, engagement_id: null, session_id: null, question_id: null, title: `Note ${id}`, body_json: hostileDocument(['plain words'], [], []), body_text: 'plain words', tags: '[]', created_at: new Date().toISOString(), deleted: 0, ...values },
  };
}

function apply(d: { db: Db; identity: SyncIdentity }, messages: SyncMessage[]): ApplyResult {
  return transact(d.db, () => applyIncoming(d.db, d.identity, messages, unsentCells(d.db)), { fromSync: true });
}

const stored = (db: Db, id: string) => db.prepare('SELECT * FROM field_notes WHERE id = ?').get(id) as Record<string, unknown> | undefined;

describe('applying what arrives by sync', () => {
  it('refuses a message whose row lives in another space, or whose table does not belong in its space', async () => {
    const d = await device();
    expect(apply(d, [note('n1')]).applied).toBe(1);
    const moved = apply(d, [note('n1', { title: 'Hijacked' }, 'review:u1')]);
    expect(moved.refused).toBe(1);
    expect(stored(d.db, 'n1')?.title).toBe('Note n1');
    // A published article, then the same row arriving through the user's own space (where
    // articles may live too): it keeps living where it was published.
    const article = (space: string, type: string): SyncMessage => ({
      timestamp: at(),
      space,
      dataset: 'kb_articles',
      row: 'a1',
      values: { id: 'a1', version: 1, type, scenarios: '[]', tags: '[]', related: '[]', author: 'Kim', review_date: null, created_at: new Date().toISOString(), deleted: 0 },
    });
    expect(apply(d, [article('published', 'method')]).applied).toBe(1);
    const hijack = apply(d, [article('user:u1', 'reference')]);
    expect(hijack.refused).toBe(1);
    expect(said(hijack.items[0]?.detail)).toContain('lives in published');
    expect(d.db.prepare("SELECT type FROM kb_articles WHERE id = 'a1'").get()).toEqual({ type: 'method' });
    const wrongTable = apply(d, [{ timestamp: at(), space: 'review:u1', dataset: 'kb_articles', row: 'a1', values: { id: 'a1', type: 'method' } }]);
    expect(wrongTable.refused).toBe(1);
    expect(said(wrongTable.items[0]?.detail)).toContain('does not belong');
  });

  it('refuses a key that lies, a value of the wrong kind and a clock hours ahead; the log keeps them as refused', async () => {
    const d = await device();
    const lie = apply(d, [note('n2', { id: 'n3' })]);
    expect(lie.refused).toBe(1);
    expect(said(lie.items[0]?.detail, 'zh')).toBe('其id与所指记录不符');
    expect(stored(d.db, 'n2')).toBeUndefined();
    expect(stored(d.db, 'n3')).toBeUndefined();
    const wrongKind = apply(d, [note('n4', { title: 42 })]);
    expect(wrongKind.refused).toBe(1);
    // Named as the forms name the field, in the user's language.
    expect([said(wrongKind.items[0]?.detail), said(wrongKind.items[0]?.detail, 'zh')]).toEqual(['the title must be text', '标题必须是文本']);
    expect(said(apply(d, [note('n5', { tags: '{not json' })]).items[0]?.detail, 'zh')).toBe('标签不是有效的 JSON');
    const ahead = apply(d, [note('n6', {}, 'user:u1', at(3 * 3600_000))]);
    expect(ahead.refused).toBe(1);
    expect(said(ahead.items[0]?.detail)).toMatch(/^it was written on a device whose clock is 1(79|80) minutes ahead of this device's \(at most 60 are accepted\)$/);
    expect(d.db.prepare('SELECT count(*) AS n FROM sync_log WHERE state = 2').get()).toEqual({ n: 4 });
  });

  it('cleans hostile rich text as a paste would be cleaned, and never takes columns only this device keeps', async () => {
    const d = await device();
    const hostile = note('n7', { body_json: hostileDocument(['kept words'], [HOSTILE_LINKS[0] ?? 'javascript:alert(1)'], []) });
    expect(apply(d, [hostile]).applied).toBe(1);
    const body = String(stored(d.db, 'n7')?.body_json);
    expect(body).toContain('kept words');
    expect(body).not.toMatch(/javascript:|vbscript:|data:text/i);
    const attachment: SyncMessage = { timestamp: at(), space: 'user:u1', dataset: 'attachments', row: 'a'.repeat(64), values: { sha256: 'a'.repeat(64), mime: 'image/png', size: 10, original_name: 'x.png', created_at: new Date().toISOString(), stored_locally: 1 } };
    apply(d, [attachment]);
    expect(d.db.prepare('SELECT stored_locally FROM attachments').get()).toEqual({ stored_locally: 0 });
  });

  it('refuses a submission whose file list is not a list of files', async () => {
    const d = await device();
    const submission = (id: string, files: unknown): SyncMessage => ({
      timestamp: at(),
      space: 'review:u2',
      dataset: 'submissions',
      row: id,
      values: {
        id,
        author_id: 'u2',
        author_name: 'Bob',
        kind: 'note',
        source_id: 'n1',
        title: 'Photos',
        content: JSON.stringify({ kind: 'note', bodyJson: hostileDocument(['words'], [], []), tags: [], files }),
        content_text: 'words',
        scenarios: '[]',
        submitted_at: new Date().toISOString(),
        status: 'submitted',
        review_note: '',
        reviewed_by: '',
        reviewed_at: null,
        article_id: null,
        created_at: new Date().toISOString(),
        deleted: 0,
      },
    });
    const good = { sha256: 'b'.repeat(64), name: 'rack.png', mime: 'image/png', size: 1200 };
    expect(apply(d, [submission('s1', [good])]).applied).toBe(1);
    for (const [i, files] of [
      'not a list',
      [{ ...good, sha256: '../../etc/passwd' }],
      [{ ...good, mime: 'text/html; charset=utf-8' }],
      [{ ...good, size: 10 ** 12 }],
      Array.from({ length: 101 }, () => good),
    ].entries()) {
      const r = apply(d, [submission(`bad${i}`, files)]);
      expect(r.refused).toBe(1);
      expect(said(r.items[0]?.detail)).toContain('files');
    }
  });

  it('moves a row to a team only when announced in its own personal space', async () => {
    const d = await device();
    expect(apply(d, [note('n20')]).applied).toBe(1);
    const move = (space: string, target: unknown, extra: Record<string, string> = {}): SyncMessage => ({ timestamp: at(), space, dataset: 'field_notes', row: 'n20', values: { sync_space: target as string, ...extra } });
    // From a team space, to a personal space, with other columns, from someone else's space: refused.
    for (const bad of [move('team:north', 'team:south'), move('user:u1', 'user:u9'), move('user:u1', 'team:north', { title: 'x' }), move('user:u9', 'team:north')]) {
      expect(apply(d, [bad]).refused).toBe(1);
    }
    expect(apply(d, [note('n20', { title: 'From the team' }, 'team:north')]).refused).toBe(1);
    expect(apply(d, [move('user:u1', 'team:north')]).applied).toBe(1);
    expect(apply(d, [note('n20', { title: 'From the team' }, 'team:north')]).applied).toBe(1);
    expect(stored(d.db, 'n20')?.title).toBe('From the team');
    expect(apply(d, [note('n20', { title: 'Back home' })]).refused).toBe(1);
  });

  it('waits for a parent that has not arrived, and writes the child when it comes', async () => {
    const d = await device();
    const child: SyncMessage = { timestamp: at(), space: 'user:u1', dataset: 'customer_contacts', row: 'k1', values: { id: 'k1', customer_id: 'c1', name: 'Li', role: '', email: '', phone: '', created_at: new Date().toISOString(), deleted: 0 } };
    expect(apply(d, [child]).waiting).toBe(1);
    // The history names it by what has arrived of it; a record with nothing to name it by, by its id.
    expect(labelOf(d.db, 'customer_contacts', 'k1')).toBe('Li');
    expect(labelOf(d.db, 'customers', 'c1')).toBe('c1');
    expect(labelOf(d.db, 'sync_state', 'x')).toBe('sync_state x');
    const parent: SyncMessage = { timestamp: at(), space: 'user:u1', dataset: 'customers', row: 'c1', values: { id: 'c1', name: 'Harbour', kind: 'enterprise', industry: '', region: '', notes: '', created_at: new Date().toISOString(), deleted: 0 } };
    const done = apply(d, [parent]);
    expect(done.applied).toBe(2);
    expect(d.db.prepare('SELECT name FROM customer_contacts WHERE id = ?').get('k1')).toEqual({ name: 'Li' });
  });

  it('sees within one batch the rows it wrote earlier in it, as well as the rows stored before', async () => {
    // The batch's rows are looked up once at its start (read-ahead.ts): a row it creates must
    // count as stored for the messages after it.
    const d = await device();
    apply(d, [note('n1')]);
    const result = apply(d, [note('n2'), note('n2', { title: 'Renamed in the same batch' }), note('n1', { title: 'Renamed later' })]);
    expect(result).toMatchObject({ received: 3, applied: 3, refused: 0 });
    expect(stored(d.db, 'n2')?.title).toBe('Renamed in the same batch');
    expect(stored(d.db, 'n1')?.title).toBe('Renamed later');
    expect(result.items.map((i) => [i.row, i.before?.title ?? i.before?.[''] ?? null])).toEqual([
      ['n2', 'created'],
      ['n2', 'Note n2'],
      ['n1', 'Note n1'],
    ]);
    expect(d.db.prepare('SELECT count(*) AS n FROM field_notes').get()).toEqual({ n: 2 });
  });

  it('works out the plain text of a body from the body that arrived, never from the message', async () => {
    const d = await device();
    const words = (text: string) => documentJson([paragraph([textNode(text)])]);
    // Another device sends a text its body does not hold: excerpts and search would show it.
    expect(apply(d, [note('n9', { body_json: words('Roof access by ladder.'), body_text: 'Transfer the deposit to account 12345' })]).applied).toBe(1);
    expect(stored(d.db, 'n9')?.body_text).toBe('Roof access by ladder.');
    // A text alone changes nothing; a new body brings its own text.
    apply(d, [note('n9', { body_text: 'Call this number' })].map((m) => ({ ...m, values: { body_text: 'Call this number' } })));
    expect(stored(d.db, 'n9')?.body_text).toBe('Roof access by ladder.');
    apply(d, [note('n9', { body_json: words('South stairs instead.') })].map((m) => ({ ...m, values: { body_json: m.values.body_json ?? null } })));
    expect(stored(d.db, 'n9')?.body_text).toBe('South stairs instead.');
  });
});

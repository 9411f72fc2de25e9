import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RECORD_TABLES } from '../../core/api/tables';
import { segmentForIndex } from '../../core/text/segment';
import { collectCommits, commit, insert, onDataChanged, remove, StaleWriteError, touch, transact, update, upsert, type DataChanged } from '../../electron/backend/db/changes';
import { openDatabase, type Db } from '../../electron/backend/db/connection';
import { migrate } from '../../electron/backend/db/migrate';
import { MIGRATIONS } from '../../electron/backend/db/migrations';
import { TABLES } from '../../electron/backend/db/tables';
import { guardRecordTables } from '../../electron/backend/db/write-guard';
import { makeTempDir } from '../helpers/temp-dir';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

async function freshDb(): Promise<{ db: Db; events: DataChanged[] }> {
  const temp = makeTempDir();
  const db = openDatabase(path.join(temp.dir, 'funnel.db'));
  cleanups.push(() => {
    db.close();
    temp.cleanup();
  });
  await migrate(db, MIGRATIONS, null);
  guardRecordTables(db);
  const events: DataChanged[] = [];
  onDataChanged(db, (e) => events.push(e));
  return { db, events };
}

const customer = (id: string, name = 'Eastern Telecom') => insert('customers', { id, name, kind: 'enterprise', industry: '', region: '', notes: '' });
const note = (id: string, title: string, text: string) =>
  insert('field_notes', { id, engagement_id: null, session_id: null, question_id: null, title, body_json: '{}', body_text: text, tags: '[]' });

function row(db: Db, table: string, id: string): Record<string, unknown> {
  return db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Record<string, unknown>;
}

function indexed(db: Db, kind: string, query: string): string[] {
  return (
    db
      .prepare('SELECT d.ref_id FROM search_fts f JOIN search_docs d ON d.rowid = f.rowid WHERE search_fts MATCH ? AND d.kind = ?')
      .all(`"${segmentForIndex(query)}"`, kind) as { ref_id: string }[]
  ).map((r) => r.ref_id);
}

describe('the write funnel', () => {
  it('registers exactly the columns the migrations create, for every record table', async () => {
    const { db } = await freshDb();
    for (const table of RECORD_TABLES) {
      const columns = (db.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[]).map((c) => c.name).sort();
      expect(Object.keys(TABLES[table].columns).sort(), table).toEqual(columns);
      const key = (db.prepare('SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk').all(table) as { name: string }[]).map((c) => c.name);
      expect([...TABLES[table].key], `${table} key`).toEqual(key);
    }
  });

  it('stamps created_at and updated_at, and updated_at strictly increases with every change', async () => {
    const { db } = await freshDb();
    commit(db, [customer('c1')]);
    const created = row(db, 'customers', 'c1');
    expect(created.created_at).toBe(created.updated_at);
    expect(created.deleted).toBe(0);
    const stamps = [created.updated_at as string];
    for (let i = 0; i < 20; i++) {
      commit(db, [update('customers', { id: 'c1' }, { name: `Name ${i}` })]);
      stamps.push(row(db, 'customers', 'c1').updated_at as string);
    }
    expect([...stamps].sort()).toEqual(stamps);
    expect(new Set(stamps).size).toBe(stamps.length);
  });

  it('changes nothing, stamps nothing and announces nothing for an update to the stored values', async () => {
    const { db, events } = await freshDb();
    commit(db, [customer('c1')]);
    const before = row(db, 'customers', 'c1');
    events.length = 0;
    expect(commit(db, [update('customers', { id: 'c1' }, { name: 'Eastern Telecom', notes: '' })])).toEqual([{ changed: false }]);
    expect(row(db, 'customers', 'c1')).toEqual(before);
    expect(events).toEqual([]);
    // touch stamps a row even when no value differs (an answer touches its session).
    expect(commit(db, [touch('customers', { id: 'c1' })])).toEqual([{ changed: true }]);
    expect(row(db, 'customers', 'c1').updated_at).not.toBe(before.updated_at);
  });

  it('deletes as a tombstone', async () => {
    const { db } = await freshDb();
    commit(db, [customer('c1')]);
    expect(commit(db, [remove('customers', { id: 'c1' })])).toEqual([{ changed: true }]);
    expect(row(db, 'customers', 'c1')).toMatchObject({ id: 'c1', deleted: 1 });
    expect(commit(db, [remove('customers', { id: 'c1' })])).toEqual([{ changed: false }]);
  });

  it('refuses an update of a missing row or one that is not as expected, and rolls the whole transaction back', async () => {
    const { db, events } = await freshDb();
    commit(db, [customer('c1')]);
    events.length = 0;
    expect(() => commit(db, [customer('c2'), update('customers', { id: 'nope' }, { name: 'x' })])).toThrow(StaleWriteError);
    expect(() => commit(db, [customer('c3'), update('customers', { id: 'c1' }, { name: 'x' }, { updated_at: 'an older stamp' })])).toThrow(
      /updated_at is not what the change expected/,
    );
    expect(db.prepare('SELECT id FROM customers ORDER BY id').pluck().all()).toEqual(['c1']);
    expect(row(db, 'customers', 'c1').name).toBe('Eastern Telecom');
    expect(events).toEqual([]);
  });

  it('upserts: inserts a new row, or changes the given columns of the stored one', async () => {
    const { db } = await freshDb();
    const article = (version: number, author: string) =>
      upsert('kb_articles', {
        id: 'a1',
        version,
        type: 'method',
        scenarios: '[]',
        tags: '[]',
        related: '[]',
        author,
        review_date: null,
        origin: 'pack',
        locally_modified: 0,
        created_at: '2026-01-01T00:00:00.000Z',
      });
    commit(db, [article(1, 'Li')]);
    commit(db, [article(2, 'Wang')]);
    expect(row(db, 'kb_articles', 'a1')).toMatchObject({ version: 2, author: 'Wang', created_at: '2026-01-01T00:00:00.000Z' });
  });

  it('announces one data.changed per transaction, after it commits, naming tables and rows', async () => {
    const { db, events } = await freshDb();
    transact(db, () => {
      commit(db, [customer('c1')]);
      commit(db, [insert('customer_contacts', { id: 'k1', customer_id: 'c1', name: 'Li Wei', role: '', email: '', phone: '' })]);
      expect(events).toEqual([]);
    });
    expect(events).toEqual([{ tables: ['customers', 'customer_contacts'], ids: ['c1', 'k1'], seq: expect.any(Number) }]);
    commit(db, [insert('kb_articles', { id: 'a1', version: 1, type: 'method', scenarios: '[]', tags: '[]', related: '[]', author: '', review_date: null, origin: 'pack', locally_modified: 0 })]);
    commit(db, [insert('kb_article_texts', { article_id: 'a1', lang: 'zh', title: '标题', summary: '', body_json: '{}', body_text: '' })]);
    expect(events.at(-1)).toEqual({ tables: ['kb_article_texts'], ids: ['a1/zh'], seq: (events.at(-2)?.seq ?? 0) + 1 });
  });

  it('tells a call which commits it made, across awaits, and nothing of others', async () => {
    const { db, events } = await freshDb();
    const { result, committed } = await collectCommits(async () => {
      commit(db, [customer('c1')]);
      await new Promise((r) => setTimeout(r, 5));
      commit(db, [update('customers', { id: 'c1' }, { name: 'Renamed' })]);
      return 'done';
    });
    expect(result).toBe('done');
    expect(committed).toEqual(events.map((e) => ({ seq: e.seq, tables: e.tables })));
    expect(committed.map((c) => c.tables)).toEqual([['customers'], ['customers']]);
    commit(db, [update('customers', { id: 'c1' }, { name: 'Outside any call' })]);
    expect(committed).toHaveLength(2);
  });

  it('announces nothing when the transaction fails', async () => {
    const { db, events } = await freshDb();
    expect(() =>
      transact(db, () => {
        commit(db, [customer('c1')]);
        throw new Error('a rule refused the change');
      }),
    ).toThrow('a rule refused the change');
    expect(events).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(0);
  });

  it('refuses a transaction opened around it, and work that is not synchronous', async () => {
    const { db } = await freshDb();
    expect(() => db.transaction(() => commit(db, [customer('c1')]))()).toThrow(/use transact\(\)/);
    expect(() => transact(db, () => Promise.resolve(1))).toThrow(/must be synchronous/);
  });

  it('keeps the search index in step with notes, lessons and articles without any hand calls', async () => {
    const { db } = await freshDb();
    commit(db, [note('n1', 'Site walk', 'The supervisor keeps a paper callback log')]);
    expect(indexed(db, 'note', 'callback')).toEqual(['n1']);
    commit(db, [update('field_notes', { id: 'n1' }, { body_text: '值班长用纸质登记回拨' })]);
    expect(indexed(db, 'note', 'callback')).toEqual([]);
    expect(indexed(db, 'note', '回拨')).toEqual(['n1']);
    commit(db, [remove('field_notes', { id: 'n1' })]);
    expect(indexed(db, 'note', '回拨')).toEqual([]);
    expect(db.prepare("SELECT count(*) FROM search_docs WHERE kind = 'note'").pluck().get()).toBe(0);
  });

  it('is the only way to write a record table on a guarded connection', async () => {
    const { db } = await freshDb();
    expect(() => db.prepare("INSERT INTO customers (id, name, kind, created_at, updated_at) VALUES ('x', 'x', 'enterprise', '', '')").run()).toThrow(
      /customers was written outside the write funnel/,
    );
    commit(db, [customer('c1')]);
    expect(() => db.prepare("UPDATE customers SET name = 'y' WHERE id = 'c1'").run()).toThrow(/outside the write funnel/);
    expect(() => db.prepare("DELETE FROM customers WHERE id = 'c1'").run()).toThrow(/outside the write funnel/);
    // Tables that are not records (device settings, the search index) are not guarded.
    db.prepare("INSERT INTO settings (key, value) VALUES ('theme', '\"dark\"')").run();
  });

  it('refuses a column the registry does not know', async () => {
    const { db } = await freshDb();
    commit(db, [customer('c1')]);
    const bogus = update('customers', { id: 'c1' }, { name: 'x' });
    if (bogus.op === 'update') bogus.set = { 'name = 1; DROP TABLE customers; --': 'x' };
    expect(() => commit(db, [bogus])).toThrow(/customers has no column/);
  });
});

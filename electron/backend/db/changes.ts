import { AsyncLocalStorage } from 'node:async_hooks';
import type { Statement } from 'better-sqlite3';
import { DATA_CHANGED_MAX_IDS, type Events } from '../../../core/api/events';
import type { Committed } from '../../../core/api/result';
import type { RecordTable } from '../../../core/api/tables';
import { updateSearchIndex } from '../search/indexers';
import { recordOutgoing } from '../sync/outbox';
import type { Db } from './connection';
import { prepared } from './statements';
import { hasColumn, rowName, tableSpec, type KeyOf, type NewRow, type Row, type RowPatch, type SqlValue, type TombstoneTable } from './tables';

/**
 * The one write path for records. Every insert, update and delete of a record table
 * (core/api/tables.ts) goes through `commit(db, changes)`, inside `transact(db, work)`:
 *
 * - one IMMEDIATE transaction: reads made in `work` and the writes that depend on them are atomic;
 * - the funnel stamps `created_at` / `updated_at` (strictly increasing per row: the revision that
 *   optimistic-concurrency checks compare) and turns deletes into tombstones;
 * - it knows what each change really changed, per column (`Applied`): the search index is kept from
 *   that through the registry in search/indexers.ts, and the sync outbox (sync/outbox.ts) appends
 *   one HLC-stamped message per changed row in the same transaction;
 * - after the commit it tells listeners once (`data.changed { tables, ids }`).
 *
 * Repositories keep the SQL for reads and build changes with insert/update/remove/upsert/touch. A
 * test fails when any other module writes a record table (test/unit/write-funnel.test.ts), and the
 * integration tests run with write-guard.ts, which aborts such a write at run time.
 */

type Values = Record<string, SqlValue>;

export type Change =
  | { op: 'insert'; table: RecordTable; row: Values }
  | { op: 'upsert'; table: RecordTable; row: Values }
  | { op: 'update'; table: RecordTable; key: Values; set: Values; expect: Values | undefined; touch: boolean };

/** A new row; the insert fails when the key exists. */
export function insert<T extends RecordTable>(table: T, row: NewRow<T>): Change {
  return { op: 'insert', table, row: row as Values };
}

/** A new row, or the given columns of the existing one (created_at is kept). */
export function upsert<T extends RecordTable>(table: T, row: NewRow<T>): Change {
  return { op: 'upsert', table, row: row as Values };
}

/**
 * Sets columns of an existing row. `expect` names values the stored row must have (checked in the
 * transaction); a missing row or a mismatch throws StaleWriteError. Setting what is already stored
 * changes nothing (no stamp, no event).
 */
export function update<T extends RecordTable>(table: T, key: KeyOf<T>, set: RowPatch<T>, expect?: Partial<Row<T>>): Change {
  return { op: 'update', table, key: key as Values, set: withoutUndefined(set as Record<string, SqlValue | undefined>), expect: expect as Values | undefined, touch: false };
}

/** A tombstone: sync carries deletes as a column. Deleting a deleted row changes nothing. */
export function remove<T extends TombstoneTable>(table: T, key: KeyOf<T>, expect?: Partial<Row<T>>): Change {
  return { op: 'update', table, key: key as Values, set: { deleted: 1 }, expect: expect as Values | undefined, touch: false };
}

/** Stamps a row as changed (its updated_at) with the given columns, even when none of them differs. */
export function touch<T extends RecordTable>(table: T, key: KeyOf<T>, set: RowPatch<T> = {}): Change {
  return { op: 'update', table, key: key as Values, set: withoutUndefined(set as Record<string, SqlValue | undefined>), expect: undefined, touch: true };
}

/** What one change did, per column: what the search index and sync work from. */
export type Applied = { table: RecordTable; row: string; created: boolean; columns: Values };

/** Thrown when an update's row is missing or not as `expect` said; the transaction rolls back. */
export class StaleWriteError extends Error {
  override name = 'StaleWriteError';
  constructor(
    readonly table: RecordTable,
    readonly row: string,
    readonly reason: 'missing' | 'mismatch',
    readonly column: string | null,
  ) {
    super(reason === 'missing' ? `${table} ${row} does not exist` : `${table} ${row}: ${column ?? ''} is not what the change expected`);
  }
}

export type DataChanged = Events['data.changed'];
type Listener = (change: DataChanged) => void;

type OpenTransaction = { applied: Applied[]; fromSync: boolean };

const open = new WeakMap<Db, OpenTransaction>();
/** The commits made during one call (see collectCommits); the async context carries it across awaits. */
const callCommits = new AsyncLocalStorage<Committed[]>();
let lastSeq = 0;
/** Changes in one sync transaction from which their indexing is left to the background indexer. */
export const DEFER_INDEX_FROM = 200;
const listeners = new WeakMap<Db, Set<Listener>>();
let writing = 0;

/** True while the funnel itself runs a statement (write-guard.ts lets only these through). */
export function funnelIsWriting(): boolean {
  return writing > 0;
}

/** Calls `listener` once after every commit that changed records; returns the unsubscribe function. */
export function onDataChanged(db: Db, listener: Listener): () => void {
  let set = listeners.get(db);
  if (!set) listeners.set(db, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

/**
 * Runs `work` in one IMMEDIATE transaction (joining the open one when called inside another
 * transact). Everything committed in it is indexed before the commit and announced after it.
 * `work` must be synchronous: SQLite transactions cannot wait for promises.
 */
export function transact<T>(db: Db, work: () => T, options: { fromSync?: boolean } = {}): T {
  if (open.has(db)) {
    if (options.fromSync === true && open.get(db)?.fromSync !== true) throw new Error('write funnel: changes from sync cannot join a local transaction');
    return work();
  }
  if (db.inTransaction) throw new Error('write funnel: a transaction was opened around transact(); use transact() for every write transaction');
  const state: OpenTransaction = { applied: [], fromSync: options.fromSync === true };
  open.set(db, state);
  let result: T;
  try {
    result = db
      .transaction(() => {
        const value = work();
        if (value instanceof Promise) throw new Error('write funnel: transact() work must be synchronous');
        // A large batch from sync (a fresh device taking the knowledge base) is indexed in the
        // background (search/backlog.ts): its rows can be read at once, and the sync is done sooner.
        updateSearchIndex(db, state.applied, { defer: state.fromSync && state.applied.length >= DEFER_INDEX_FROM });
        // Local changes become sync messages in this same transaction; changes that came by sync
        // are already in the log (sync/apply.ts).
        if (!state.fromSync) recordOutgoing(db, state.applied);
        return value;
      })
      .immediate();
  } finally {
    open.delete(db);
  }
  announce(db, state.applied);
  return result;
}

/** Applies changes in order, in the open transaction or a new one; returns what each changed. */
export function commit(db: Db, changes: readonly Change[]): { changed: boolean }[] {
  return transact(db, () => {
    const state = open.get(db);
    if (!state) throw new Error('write funnel: no open transaction');
    return changes.map((change) => {
      const applied = apply(db, change);
      if (applied) state.applied.push(applied);
      return { changed: applied !== null };
    });
  });
}

function apply(db: Db, change: Change): Applied | null {
  if (change.op === 'insert') return insertRow(db, change.table, change.row);
  if (change.op === 'upsert') {
    const key = keyOf(change.table, change.row);
    if (readRow(db, change.table, key) === undefined) return insertRow(db, change.table, change.row);
    const set: Values = {};
    for (const [column, value] of Object.entries(change.row)) if (!(column in key) && column !== 'created_at') set[column] = value;
    return updateRow(db, { op: 'update', table: change.table, key, set, expect: undefined, touch: false });
  }
  return updateRow(db, change);
}

function insertRow(db: Db, table: RecordTable, given: Values): Applied {
  checkColumns(table, given);
  const row: Values = { ...given };
  const stamp = nextStamp();
  if (hasColumn(table, 'created_at') && row.created_at === undefined) row.created_at = stamp;
  if (hasColumn(table, 'updated_at')) row.updated_at = stamp;
  if (hasColumn(table, 'deleted')) row.deleted = 0;
  const columns = Object.keys(row);
  run(db, `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`, columns.map((c) => row[c] ?? null));
  return { table, row: rowName(table, row), created: true, columns: row };
}

function updateRow(db: Db, change: Extract<Change, { op: 'update' }>): Applied | null {
  const { table, key } = change;
  checkColumns(table, change.set);
  const name = rowName(table, key);
  const stored = readRow(db, table, key);
  if (stored === undefined) throw new StaleWriteError(table, name, 'missing', null);
  for (const [column, value] of Object.entries(change.expect ?? {})) {
    if (stored[column] !== value) throw new StaleWriteError(table, name, 'mismatch', column);
  }
  const set: Values = {};
  for (const [column, value] of Object.entries(change.set)) if (stored[column] !== value) set[column] = value;
  if (Object.keys(set).length === 0 && !change.touch) return null;
  if (hasColumn(table, 'updated_at')) {
    const previous = stored.updated_at;
    set.updated_at = nextStamp(typeof previous === 'string' ? previous : undefined);
  }
  if (Object.keys(set).length === 0) return null;
  const columns = Object.keys(set);
  const keyColumns = Object.keys(key);
  run(
    db,
    `UPDATE ${table} SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE ${keyColumns.map((c) => `${c} = ?`).join(' AND ')}`,
    [...columns.map((c) => set[c] ?? null), ...keyColumns.map((c) => key[c] ?? null)],
  );
  return { table, row: name, created: false, columns: set };
}

function readRow(db: Db, table: RecordTable, key: Values): Values | undefined {
  const keyColumns = tableSpec(table).key;
  return statement(db, `SELECT * FROM ${table} WHERE ${keyColumns.map((c) => `${c} = ?`).join(' AND ')}`).get(...keyColumns.map((c) => key[c] ?? null)) as
    | Values
    | undefined;
}

function keyOf(table: RecordTable, row: Values): Values {
  const key: Values = {};
  for (const column of tableSpec(table).key) key[column] = row[column] ?? null;
  return key;
}

/** Column names become SQL: only registered ones pass (they come from typed code, this is the backstop). */
function checkColumns(table: RecordTable, values: Values): void {
  for (const column of Object.keys(values)) {
    if (!hasColumn(table, column)) throw new Error(`write funnel: ${table} has no column "${column}"`);
  }
}

function run(db: Db, sql: string, params: SqlValue[]): void {
  writing++;
  try {
    statement(db, sql).run(...params);
  } finally {
    writing--;
  }
}

function statement(db: Db, sql: string): Statement {
  return prepared(db, sql);
}

function announce(db: Db, applied: readonly Applied[]): void {
  if (applied.length === 0) return;
  const tables = [...new Set(applied.map((a) => a.table))];
  const seq = ++lastSeq;
  callCommits.getStore()?.push({ seq, tables });
  const set = listeners.get(db);
  if (!set || set.size === 0) return;
  const ids = [...new Set(applied.map((a) => a.row))].slice(0, DATA_CHANGED_MAX_IDS);
  for (const listener of set) listener({ tables, ids, seq });
}

/**
 * Says that what pages show of these tables changed without a change to their rows: the
 * background indexer made more of them searchable (search/backlog.ts). Listeners see it as a
 * commit with no row ids (a commit of records always names at least one), so those that act on
 * changed records (the sync scheduler) can leave it be.
 */
export function announceIndexed(db: Db, tables: readonly RecordTable[]): void {
  if (tables.length === 0) return;
  const seq = ++lastSeq;
  for (const listener of listeners.get(db) ?? []) listener({ tables: [...new Set(tables)], ids: [], seq });
}

/** Runs one call and says which commits it made (the backend puts them in the call's result). */
export async function collectCommits<T>(call: () => Promise<T>): Promise<{ result: T; committed: Committed[] }> {
  const committed: Committed[] = [];
  const result = await callCommits.run(committed, call);
  return { result, committed };
}

function withoutUndefined(values: Record<string, SqlValue | undefined>): Values {
  const out: Values = {};
  for (const [column, value] of Object.entries(values)) if (value !== undefined) out[column] = value;
  return out;
}

// The clock behind created_at / updated_at: ISO milliseconds that never repeat in this process and
// never go below a row's previous stamp, even when the system clock steps back. `updated_at` is
// compared for equality by optimistic-concurrency checks, so two changes must never share one.
let lastStamp = '';

function nextStamp(after?: string): string {
  let stamp = new Date().toISOString();
  if (stamp <= lastStamp) stamp = plusOneMs(lastStamp);
  if (after !== undefined && stamp <= after) stamp = plusOneMs(after);
  lastStamp = stamp;
  return stamp;
}

function plusOneMs(iso: string): string {
  return new Date(Date.parse(iso) + 1).toISOString();
}

/** The current time as the funnel stamps it, for columns it does not own (started_at, changed_at, …). */
export function stampNow(): string {
  return nextStamp();
}

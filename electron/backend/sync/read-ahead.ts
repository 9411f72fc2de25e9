import { isRecordTable, type RecordTable } from '../../../core/api/tables';
import type { SyncMessage } from '../../../core/sync/protocol';
import type { Db } from '../db/connection';
import { prepared } from '../db/statements';
import { rowName, tableSpec, type SqlValue } from '../db/tables';
import { keyOfRowName } from './columns';

/**
 * What a batch of received messages finds on this device, read once per batch (one query per
 * table) instead of once per message. A fresh device taking the published knowledge base gets
 * thousands of messages for rows it has never seen; asking about each one alone cost more than
 * writing it. Only reads: every write still goes through the write funnel (apply.ts).
 */

/** A row's sync state: the space it lives in, each column's timestamp, and columns waiting for the rest of the row. */
export type RowState = { space: string; stamps: Record<string, string>; pending: Record<string, SqlValue> | null };

/** The rows a batch names, by table: row name → key. Names that do not parse are left out (such messages are refused before anything is read for them). */
export type BatchRows = Map<RecordTable, Map<string, Record<string, string | number>>>;

export function batchRows(messages: readonly SyncMessage[]): BatchRows {
  const out: BatchRows = new Map();
  for (const m of messages) {
    if (!isRecordTable(m.dataset)) continue;
    let rows = out.get(m.dataset);
    if (rows === undefined) out.set(m.dataset, (rows = new Map()));
    if (rows.has(m.row)) continue;
    const key = keyOfRowName(m.dataset, m.row);
    if (key !== null) rows.set(m.row, key);
  }
  return out;
}

export const rowId = (table: string, row: string): string => `${table}\u0000${row}`;

/** The sync state (sync_rows) of every row a batch names, in one query; null where a row has none. */
export function readRowStates(db: Db, named: BatchRows): Map<string, RowState | null> {
  const states = new Map<string, RowState | null>();
  const pairs: [string, string][] = [];
  for (const [table, rows] of named) {
    for (const row of rows.keys()) {
      states.set(rowId(table, row), null);
      pairs.push([table, row]);
    }
  }
  if (pairs.length === 0) return states;
  const found = prepared(
    db,
    'SELECT dataset, row, space, stamps, pending FROM sync_rows WHERE (dataset, row) IN (SELECT value ->> 0, value ->> 1 FROM json_each(?))',
  ).all(JSON.stringify(pairs)) as { dataset: string; row: string; space: string; stamps: string; pending: string | null }[];
  for (const r of found) states.set(rowId(r.dataset, r.row), parseRowState(r));
  return states;
}

export function parseRowState(r: { space: string; stamps: string; pending: string | null }): RowState {
  return { space: r.space, stamps: JSON.parse(r.stamps) as Record<string, string>, pending: r.pending === null ? null : (JSON.parse(r.pending) as Record<string, SqlValue>) };
}

/** Of the rows a batch names: which were asked about (`checked`) and which of those are stored here. */
export type StoredRows = { checked: Set<string>; stored: Set<string> };

export function readStoredRows(db: Db, named: BatchRows): StoredRows {
  const result: StoredRows = { checked: new Set(), stored: new Set() };
  for (const [table, rows] of named) {
    if (rows.size === 0) continue;
    const key = tableSpec(table).key;
    // Rows by the name their key gives back (a row named "007" has the key 7, which reads back as "7").
    const byName = new Map<string, string[]>();
    for (const [row, values] of rows) {
      const name = rowName(table, values);
      const same = byName.get(name);
      if (same === undefined) byName.set(name, [row]);
      else same.push(row);
      result.checked.add(rowId(table, row));
    }
    const columns = key.join(', ');
    const picks = key.map((_, i) => `value ->> ${i}`).join(', ');
    const found = prepared(db, `SELECT ${columns} FROM ${table} WHERE (${columns}) IN (SELECT ${picks} FROM json_each(?))`).all(
      JSON.stringify([...rows.values()].map((k) => key.map((c) => k[c] ?? null))),
    ) as Record<string, SqlValue>[];
    for (const r of found) for (const row of byName.get(rowName(table, r)) ?? []) result.stored.add(rowId(table, row));
  }
  return result;
}

/** Whether a row may be stored here: false only when the batch's read found it absent. */
export function mayBeStored(rows: StoredRows, table: string, row: string): boolean {
  const id = rowId(table, row);
  return !rows.checked.has(id) || rows.stored.has(id);
}

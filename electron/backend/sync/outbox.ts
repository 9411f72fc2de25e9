import { tick } from '../../../core/sync/hlc';
import type { RecordTable } from '../../../core/api/tables';
import type { Db } from '../db/connection';
import type { Applied } from '../db/changes';
import { spaceOfRow, syncedValues } from './columns';
import { appendLog, dropSuperseded } from './log';
import { stampingClock } from './clock';
import { saveClock, syncIdentity } from './state';
import { prepared } from '../db/statements';

/**
 * The outbox: called by the write funnel (db/changes.ts) inside the transaction of every local
 * change, so a change and its sync message commit together or not at all. Each applied change
 * becomes one message (the columns it set, one HLC timestamp) in sync_log with state 0, and the
 * row's per-column timestamps move to it. Nothing is recorded before the device is enrolled:
 * enrolling seeds the outbox with what exists (seed.ts).
 */
export function recordOutgoing(db: Db, applied: readonly Applied[], now: number = Date.now()): void {
  if (applied.length === 0) return;
  const identity = syncIdentity(db);
  if (identity === null) return;
  const clock = stampingClock(db, identity.node, now);
  let stamped = false;
  for (const change of applied) {
    const values = syncedValues(change.table, change.columns);
    if (Object.keys(values).length === 0) continue;
    const space = spaceOfRow(db, identity, change.table, change.row);
    if (space === null) continue;
    appendOutgoing(db, { timestamp: tick(clock, now), space, table: change.table, row: change.row, values });
    stamped = true;
  }
  if (stamped) saveClock(db, clock);
}

export type OutgoingMessage = { timestamp: string; space: string; table: RecordTable; row: string; values: Record<string, string | number | null> };

/**
 * Appends one message of this device to the log and moves the row's column timestamps to it; an
 * earlier unsent message of the row that this one wholly supersedes leaves the outbox.
 */
export function appendOutgoing(db: Db, message: OutgoingMessage): void {
  appendLog(db, { ...message, dataset: message.table }, 0);
  const stored = prepared(db, 'SELECT stamps FROM sync_rows WHERE dataset = ? AND row = ?').get(message.table, message.row) as { stamps: string } | undefined;
  const stamps = stored ? (JSON.parse(stored.stamps) as Record<string, string>) : {};
  const overwritten = new Set<string>();
  for (const column of Object.keys(message.values)) {
    const before = stamps[column];
    if (before !== undefined) overwritten.add(before);
    stamps[column] = message.timestamp;
  }
  dropSuperseded(db, overwritten, stamps);
  prepared(db, 
    `INSERT INTO sync_rows (dataset, row, space, stamps) VALUES (?, ?, ?, ?)
     ON CONFLICT (dataset, row) DO UPDATE SET stamps = excluded.stamps`,
  ).run(message.table, message.row, message.space, JSON.stringify(stamps));
}

/** Fixes the space of rows about to be written for the first time (publishing puts them in `published`). */
export function assignSpace(db: Db, table: RecordTable, row: string, space: string): void {
  prepared(db, "INSERT INTO sync_rows (dataset, row, space, stamps) VALUES (?, ?, ?, '{}') ON CONFLICT (dataset, row) DO NOTHING").run(table, row, space);
}

import { RECORD_TABLES } from '../../../core/api/tables';
import { tick } from '../../../core/sync/hlc';
import type { Db } from '../db/connection';
import { rowName, tableSpec, type SqlValue } from '../db/tables';
import { spaceOfRow, syncedValues } from './columns';
import { appendOutgoing } from './outbox';
import { stampingClock } from './clock';
import { saveClock, type SyncIdentity } from './state';
import { prepared } from '../db/statements';

/**
 * Right after enrolment: one message per record the user already has, so the first sync carries
 * everything written before the device was connected. Pack content stays out (every device has
 * the pack). Parents are seeded before children (the order of RECORD_TABLES), so another device
 * can write each row as it arrives. Runs in the caller's transaction.
 */
export function seedOutbox(db: Db, identity: SyncIdentity, now: number = Date.now()): number {
  const clock = stampingClock(db, identity.node, now);
  let seeded = 0;
  for (const table of RECORD_TABLES) {
    const keyColumns = tableSpec(table).key;
    const rows = prepared(db, `SELECT * FROM ${table} ORDER BY ${hasCreatedAt(table) ? 'created_at, ' : ''}${keyColumns.join(', ')}`).all() as Record<string, SqlValue>[];
    for (const row of rows) {
      const name = rowName(table, row);
      if (prepared(db, 'SELECT 1 FROM sync_rows WHERE dataset = ? AND row = ?').get(table, name) !== undefined) continue;
      const space = spaceOfRow(db, identity, table, name);
      if (space === null) continue;
      appendOutgoing(db, { timestamp: tick(clock, now), space, table, row: name, values: syncedValues(table, row) });
      seeded++;
    }
  }
  saveClock(db, clock);
  return seeded;
}

function hasCreatedAt(table: (typeof RECORD_TABLES)[number]): boolean {
  return Object.prototype.hasOwnProperty.call(tableSpec(table).columns, 'created_at');
}

import { msg } from '../../../core/api/message';
import { ApiFailure } from '../../../core/api/result';
import type { RecordTable } from '../../../core/api/tables';
import { tick } from '../../../core/sync/hlc';
import type { CustomerSharing } from '../../../core/sync/status';
import { ownSpace, spaceKind, spaceOwner, teamSpace } from '../../../core/sync/spaces';
import { transact } from '../db/changes';
import { notFound } from '../services/found';
import type { Db } from '../db/connection';
import { prepared } from '../db/statements';
import { rowName, type SqlValue } from '../db/tables';
import { childTablesOf, spaceOfRow, syncedValues } from './columns';
import { appendLog } from './log';
import { appendOutgoing } from './outbox';
import { stampingClock } from './clock';
import { readTeams, saveClock, type SyncIdentity } from './state';

/**
 * Sharing a customer with an account team: the customer and everything under it move from the
 * user's own space to the team's space (core/sync/spaces.ts), where every member's device gets
 * them and may change them. A row's space is otherwise fixed, so a move is announced where the row
 * lived — a message in the user's own space that only this user can write, whose one column
 * `sync_space` names the team space — and the row is then sent whole into the team space. The
 * user's other devices apply the announcement first (the server answers a user's own space before
 * team spaces) and accept the team's messages for the row from then on. A share is not undone:
 * once the team has the records, they are the team's.
 */

/** The reserved column of a move announcement. */
export const MOVE_COLUMN = 'sync_space';

/** Every row of a customer, parents before children, then the files its rows show and their links. */
export function customerRows(db: Db, customerId: string): { table: RecordTable; row: string }[] {
  const rows: { table: RecordTable; row: string }[] = [{ table: 'customers', row: customerId }];
  const walk = (table: RecordTable, id: string): void => {
    for (const child of childTablesOf(table)) {
      const ids = prepared(db, `SELECT id FROM ${child.table} WHERE ${child.column} = ? ORDER BY id`).all(id) as { id: string }[];
      for (const r of ids) {
        rows.push({ table: child.table, row: r.id });
        walk(child.table, r.id);
      }
    }
  };
  walk('customers', customerId);
  const links: { id: string; sha256: string }[] = [];
  for (const r of rows) {
    links.push(...(prepared(db, 'SELECT id, sha256 FROM attachment_links WHERE owner_table = ? AND owner_id = ? ORDER BY id').all(r.table, r.row) as { id: string; sha256: string }[]));
  }
  for (const sha256 of new Set(links.map((l) => l.sha256))) rows.push({ table: 'attachments', row: sha256 });
  for (const link of links) rows.push({ table: 'attachment_links', row: link.id });
  return rows;
}

export function sharingOf(db: Db, identity: SyncIdentity, customerId: string): CustomerSharing {
  const teams = readTeams(db);
  const space = spaceOfRow(db, identity, 'customers', customerId);
  if (space === null || spaceKind(space) !== 'team') return { space: 'private', team: null, teams };
  const id = spaceOwner(space) ?? '';
  return { space: 'team', team: teams.find((t) => t.id === id) ?? { id, name: id }, teams };
}

export function shareCustomer(db: Db, identity: SyncIdentity, customerId: string, teamId: string, now: number = Date.now()): { moved: number } {
  const team = readTeams(db).find((t) => t.id === teamId);
  if (team === undefined) throw new ApiFailure('conflict', msg('error.syncNotInTeam', { team: teamId }));
  const customer = prepared(db, 'SELECT id FROM customers WHERE id = ? AND deleted = 0').get(customerId) as { id: string } | undefined;
  if (!customer) throw notFound('record.customer', customerId);
  const own = ownSpace(identity.userId);
  const target = teamSpace(teamId);
  const current = spaceOfRow(db, identity, 'customers', customerId);
  if (current === target) return { moved: 0 };
  if (current !== own) throw new ApiFailure('conflict', msg('error.syncSharedElsewhere', { space: current ?? '' }));
  let moved = 0;
  transact(
    db,
    () => {
      const clock = stampingClock(db, identity.node, now);
      for (const { table, row } of customerRows(db, customerId)) {
        // Rows already elsewhere (a file another team has) stay where they are.
        if (spaceOfRow(db, identity, table, row) !== own) continue;
        const stored = prepared(db, `SELECT * FROM ${table} WHERE ${table === 'attachments' ? 'sha256' : 'id'} = ?`).get(row) as Record<string, SqlValue> | undefined;
        if (!stored) continue;
        appendLog(db, { timestamp: tick(clock, now), space: own, dataset: table, row, values: { [MOVE_COLUMN]: target } }, 0);
        moveRow(db, table, row, target);
        appendOutgoing(db, { timestamp: tick(clock, now), space: target, table, row: rowName(table, stored), values: syncedValues(table, stored) });
        moved++;
      }
      saveClock(db, clock);
    },
    { fromSync: true },
  );
  return { moved };
}

/** Fixes a row's space anew (its column timestamps stay). */
export function moveRow(db: Db, table: string, row: string, space: string): void {
  prepared(db, "INSERT INTO sync_rows (dataset, row, space, stamps) VALUES (?, ?, ?, '{}') ON CONFLICT (dataset, row) DO UPDATE SET space = excluded.space").run(table, row, space);
}

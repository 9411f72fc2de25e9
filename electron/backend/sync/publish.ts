import { CONTENT_TABLES } from '../../../core/api/tables';
import { tick } from '../../../core/sync/hlc';
import { PUBLISHED_SPACE } from '../../../core/sync/spaces';
import type { Db } from '../db/connection';
import { prepared } from '../db/statements';
import { rowName, tableSpec, type SqlValue } from '../db/tables';
import { syncedValues } from './columns';
import { appendOutgoing } from './outbox';
import { stampingClock } from './clock';
import { saveClock, type SyncIdentity } from './state';

/**
 * Central publication of a content pack (scripts/publish-pack.ts): on a knowledge manager's
 * device that imported the pack, every record the pack brought goes into the outbox in the
 * published space, parents first, and reaches every device with its next sync. There it replaces
 * the bundled pack's record only when its version is newer (sync/apply.ts). Runs in the caller's
 * transaction; returns how many records were queued.
 */
export function publishPackContent(db: Db, identity: SyncIdentity, now: number = Date.now()): number {
  const clock = stampingClock(db, identity.node, now);
  let queued = 0;
  for (const table of CONTENT_TABLES) {
    const keys = tableSpec(table).key;
    const where = table === 'kb_article_texts' ? "article_id IN (SELECT id FROM kb_articles WHERE origin = 'pack')" : "origin = 'pack'";
    const rows = prepared(db, `SELECT * FROM ${table} WHERE ${where} ORDER BY ${keys.join(', ')}`).all() as Record<string, SqlValue>[];
    for (const row of rows) {
      const name = rowName(table, row);
      const known = prepared(db, 'SELECT space FROM sync_rows WHERE dataset = ? AND row = ?').get(table, name) as { space: string } | undefined;
      if (known !== undefined && known.space !== PUBLISHED_SPACE) continue;
      appendOutgoing(db, { timestamp: tick(clock, now), space: PUBLISHED_SPACE, table, row: name, values: syncedValues(table, row) });
      queued++;
    }
  }
  saveClock(db, clock);
  return queued;
}

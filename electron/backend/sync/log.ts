import { bucketOf, DIGEST_MODULUS, hashTimestamp, spaceBucketsOf, type Bucket } from '../../../core/sync/digest';
import { BATCH_BYTES } from '../../../core/sync/protocol';
import type { Db } from '../db/connection';
import { prepared } from '../db/statements';

/**
 * The device's side of the digest (core/sync/digest.ts): the per-hour buckets of the messages the
 * server holds too — received ones, and own ones once acknowledged. Unsent messages are left out,
 * so after a clean sync both sides' digests are equal and any difference means a lost message.
 */
export function addToDigest(db: Db, messages: Iterable<{ space: string; timestamp: string }>): void {
  const add = prepared(
    db,
    `INSERT INTO sync_buckets (space, bucket, hash, count) VALUES (?, ?, ?, ?)
     ON CONFLICT (space, bucket) DO UPDATE SET hash = (hash + excluded.hash) % ${DIGEST_MODULUS}, count = count + excluded.count`,
  );
  for (const b of spaceBucketsOf(messages)) add.run(b.space, b.bucket, b.hash, b.count);
}

/**
 * Puts the messages of one hour of a space that the server held back into the outbox (state 0),
 * and out of the digest, which counts only what the server holds. Refused ones (state 2) stay:
 * this device never passes on what it refused.
 */
export function resendHour(db: Db, space: string, bucket: string, mayWrite: (message: { space: string; dataset: string; values: Record<string, unknown> }) => boolean): number {
  // Messages logged without their values (logReceived) cannot be sent; another device that may write the space can.
  const logged = prepared(db, "SELECT timestamp, dataset, vals FROM sync_log WHERE space = ? AND state = 1 AND vals <> 'null' AND timestamp >= ? AND timestamp < ?").all(space, `${bucket}:`, `${bucket};`) as {
    timestamp: string;
    dataset: string;
    vals: string;
  }[];
  // Only what this user may write as it is: a reviewer's decision received here is theirs to send again.
  const rows = logged.filter((r) => mayWrite({ space, dataset: r.dataset, values: JSON.parse(r.vals) as Record<string, unknown> }));
  for (const { timestamp } of rows) {
    prepared(db, 'UPDATE sync_log SET state = 0 WHERE timestamp = ?').run(timestamp);
    prepared(db, 'UPDATE sync_buckets SET hash = (hash - ? + 2147483647) % 2147483647, count = count - 1 WHERE space = ? AND bucket = ?').run(hashTimestamp(timestamp), space, bucketOf(timestamp));
  }
  prepared(db, 'DELETE FROM sync_buckets WHERE space = ? AND bucket = ? AND count <= 0').run(space, bucket);
  return rows.length;
}

export function localBuckets(db: Db, space: string): Bucket[] {
  return prepared(db, 'SELECT bucket, hash, count FROM sync_buckets WHERE space = ? ORDER BY bucket').all(space) as Bucket[];
}

/** How many of a space's messages this device holds that the server holds too (its digest's count here). */
export function localCount(db: Db, space: string): number {
  return (prepared(db, 'SELECT coalesce(sum(count), 0) AS n FROM sync_buckets WHERE space = ?').get(space) as { n: number }).n;
}

/** Adds a message made here to the log, unsent (state 0, the outbox). */
export function appendLog(db: Db, message: LogEntry, state: 0): void {
  prepared(db, 'INSERT INTO sync_log (timestamp, space, dataset, row, vals, state) VALUES (?, ?, ?, ?, ?, ?)').run(
    message.timestamp,
    message.space,
    message.dataset,
    message.row,
    JSON.stringify(message.values),
    state,
  );
}

/**
 * Adds a received message to the log as held by the server too (state 1; the caller marks it
 * refused if it is). False when the log has it already: a replay or duplicate, to be skipped.
 *
 * Its values are kept only where they may be needed again: in a space this device may write (the
 * digest repair sends such messages back to a server restored from an older backup) or when they
 * hold columns this version does not know (for a later version to read). Elsewhere — the published
 * knowledge base on a consultant's device — the rows hold the values and the log keeps the
 * message's name, which is all that deduplication and the digest need ('null' values).
 */
export function logReceived(db: Db, message: LogEntry, keepValues: boolean): boolean {
  const run = prepared(db, 'INSERT INTO sync_log (timestamp, space, dataset, row, vals, state) VALUES (?, ?, ?, ?, ?, 1) ON CONFLICT (timestamp) DO NOTHING').run(
    message.timestamp,
    message.space,
    message.dataset,
    message.row,
    keepValues ? JSON.stringify(message.values) : 'null',
  );
  return run.changes === 1;
}

type LogEntry = { timestamp: string; space: string; dataset: string; row: string; values: unknown };

/** Databases a sync is sending from: an unsent message it read may be on its way to the server. */
const sending = new WeakSet<Db>();

/** Runs a sync's exchange with the server; meanwhile no unsent message is dropped as superseded. */
export async function whileSending<T>(db: Db, work: () => Promise<T>): Promise<T> {
  sending.add(db);
  try {
    return await work();
  } finally {
    sending.delete(db);
  }
}

/**
 * Drops the unsent messages of a row that later changes here have wholly superseded: no column of
 * theirs still has their timestamp in `stamps` (the row's column timestamps, just moved on). No
 * one else has them, so nothing is lost, and a day offline goes up as each note's last text, not
 * as every autosave of it (a 5,000-character note typed in 100 pauses was 100 messages, 550 KB).
 * Left alone while a sync runs (see whileSending): the server may be storing them.
 */
export function dropSuperseded(db: Db, candidates: Iterable<string>, stamps: Readonly<Record<string, string>>): void {
  if (sending.has(db)) return;
  const current = new Set(Object.values(stamps));
  const drop = prepared(db, 'DELETE FROM sync_log WHERE timestamp = ? AND state = 0');
  for (const timestamp of candidates) if (!current.has(timestamp)) drop.run(timestamp);
}

/** Which of these timestamps the log holds already, in one query. */
export function loggedTimestamps(db: Db, timestamps: readonly string[]): Set<string> {
  if (timestamps.length === 0) return new Set();
  const found = prepared(db, 'SELECT timestamp FROM sync_log WHERE timestamp IN (SELECT value FROM json_each(?))').all(JSON.stringify(timestamps)) as { timestamp: string }[];
  return new Set(found.map((r) => r.timestamp));
}

/** Marks own messages as held by the server (after it answered the request that carried them). */
export function acknowledge(db: Db, messages: readonly { timestamp: string; space: string }[]): void {
  const mark = prepared(db, 'UPDATE sync_log SET state = 1 WHERE timestamp = ? AND state = 0');
  addToDigest(db, messages.filter((m) => mark.run(m.timestamp).changes === 1));
}

export type OutboxMessage = { timestamp: string; space: string; dataset: string; row: string; values: Record<string, string | number | null> };

/** The spaces with unsent messages that `held` picks (ones this user may no longer write). */
export function heldSpaces(db: Db, held: (space: string) => boolean): string[] {
  return (prepared(db, 'SELECT DISTINCT space FROM sync_log WHERE state = 0').all() as { space: string }[]).map((r) => r.space).filter(held);
}

/** Sorts after every timestamp (they are ASCII, core/sync/hlc.ts): no upper bound. */
const AFTER_EVERY_TIMESTAMP = '\u{10ffff}';

/** The newest unsent message's timestamp, '' when nothing is unsent: where one exchange's sending stops. */
export function newestUnsent(db: Db): string {
  return (prepared(db, "SELECT coalesce(max(timestamp), '') AS t FROM sync_log WHERE state = 0").get() as { t: string }).t;
}

/**
 * The oldest unsent messages of this device (after `after` and up to `upTo`), leaving out the
 * held spaces: at most `limit`, and no more than `maxBytes` bytes of values (always at least one).
 */
export function outbox(db: Db, limit: number, held: readonly string[] = [], after = '', maxBytes = BATCH_BYTES, upTo = AFTER_EVERY_TIMESTAMP): OutboxMessage[] {
  const spaces = JSON.stringify(held);
  // Sizes first: a long outbox of large notes is never read whole only to be cut.
  const sized = prepared(
    db,
    'SELECT timestamp, octet_length(vals) AS size FROM sync_log WHERE state = 0 AND timestamp > ? AND timestamp <= ? AND space NOT IN (SELECT value FROM json_each(?)) ORDER BY timestamp LIMIT ?',
  ).all(after, upTo, spaces, limit) as {
    timestamp: string;
    size: number;
  }[];
  let count = 0;
  let bytes = 0;
  for (const { size } of sized) {
    if (count > 0 && bytes + size > maxBytes) break;
    bytes += size;
    count++;
  }
  const last = sized[count - 1]?.timestamp;
  if (last === undefined) return [];
  const rows = prepared(db, 'SELECT timestamp, space, dataset, row, vals FROM sync_log WHERE state = 0 AND timestamp > ? AND timestamp <= ? AND space NOT IN (SELECT value FROM json_each(?)) ORDER BY timestamp').all(after, last, spaces) as {
    timestamp: string;
    space: string;
    dataset: string;
    row: string;
    vals: string;
  }[];
  return rows.map((r) => ({ timestamp: r.timestamp, space: r.space, dataset: r.dataset, row: r.row, values: JSON.parse(r.vals) as OutboxMessage['values'] }));
}

/** Whether anything waits to be sent: one index probe, cheap enough to ask after every local write. */
export function hasUnsent(db: Db): boolean {
  return prepared(db, 'SELECT 1 FROM sync_log WHERE state = 0 LIMIT 1').get() !== undefined;
}

export function outboxSize(db: Db, held: readonly string[] = [], upTo = AFTER_EVERY_TIMESTAMP): number {
  // Asked after every batch a sync sends: with no held space (nearly always) the count comes from
  // the outbox index alone, without reading each message's row for its space.
  if (held.length === 0) return (prepared(db, 'SELECT count(*) AS n FROM sync_log WHERE state = 0 AND timestamp <= ?').get(upTo) as { n: number }).n;
  return (prepared(db, 'SELECT count(*) AS n FROM sync_log WHERE state = 0 AND timestamp <= ? AND space NOT IN (SELECT value FROM json_each(?))').get(upTo, JSON.stringify(held)) as { n: number }).n;
}

/**
 * The columns with local changes not yet sent when a sync began: where a change from elsewhere is
 * a conflict rather than news. Kept as of the start, because the sync acknowledges them as it goes.
 */
export type UnsentCells = { has: (dataset: string, row: string, column: string) => boolean };

/**
 * The rows are listed at once, by name only; a row's columns are read from its messages the first
 * time a message for that row arrives. A day of offline work is thousands of messages, nearly all
 * of them rows nobody else touched: reading and parsing every one of them before each sync cost
 * more than sending them.
 */
export function unsentCells(db: Db): UnsentCells {
  const stampsByRow = new Map<string, string[]>();
  const rows = prepared(db, 'SELECT timestamp, dataset, row FROM sync_log WHERE state = 0').all() as { timestamp: string; dataset: string; row: string }[];
  for (const r of rows) {
    const key = rowKey(r.dataset, r.row);
    const stamps = stampsByRow.get(key);
    if (stamps === undefined) stampsByRow.set(key, [r.timestamp]);
    else stamps.push(r.timestamp);
  }
  const columnsByRow = new Map<string, Set<string>>();
  const columnsOf = (key: string, stamps: readonly string[]): Set<string> => {
    let columns = columnsByRow.get(key);
    if (columns !== undefined) return columns;
    columns = new Set();
    // A logged message's values never change (only its state does), so they are as they were at the start.
    const read = prepared(db, 'SELECT vals FROM sync_log WHERE timestamp = ?');
    for (const timestamp of stamps) {
      const found = read.get(timestamp) as { vals: string } | undefined;
      if (found !== undefined) for (const column of Object.keys(JSON.parse(found.vals) as object)) columns.add(column);
    }
    columnsByRow.set(key, columns);
    return columns;
  };
  return {
    has: (dataset, row, column) => {
      const key = rowKey(dataset, row);
      const stamps = stampsByRow.get(key);
      return stamps !== undefined && columnsOf(key, stamps).has(column);
    },
  };
}

function rowKey(dataset: string, row: string): string {
  return `${dataset}\u0000${row}`;
}

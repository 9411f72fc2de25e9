import { MAX_DRIFT_MS, parseTimestamp, tick, type Clock } from '../../../core/sync/hlc';
import type { Db } from '../db/connection';
import { prepared } from '../db/statements';
import { saveClock, syncClock } from './state';

/**
 * The clock this device stamps its own changes with, inside the caller's transaction.
 *
 * A clock more than MAX_DRIFT_MS ahead of the computer's time means one of two things:
 * - The computer's date is behind (set back, or a flat battery): other devices' changes here are
 *   from later than "now". The clock goes on from where it is (tick never goes back), and the
 *   server refuses to sync until the date is right, saying so.
 * - The computer's date was ahead (mistyped) and has been put right: only this device's own
 *   changes are from the future. Stamped on from there, every other device would refuse them,
 *   and they would outrank every change made after them. So the clock starts again from now, and
 *   the changes made while the date was wrong are stamped again, in their order: they are all
 *   unsent, because the server refuses a device whose clock is that far off.
 */
export function stampingClock(db: Db, node: string, now: number): Clock {
  const clock = syncClock(db, node);
  if (clock.millis - now <= MAX_DRIFT_MS) return clock;
  // Taken in from other devices (state 1: one refused here for its clock does not count).
  const others = (prepared(db, 'SELECT timestamp FROM sync_log WHERE substr(timestamp, 31) <> ? AND state = 1 ORDER BY timestamp DESC LIMIT 1').get(node) as { timestamp: string } | undefined)?.timestamp;
  if (others !== undefined && parseTimestamp(others).millis - now > MAX_DRIFT_MS) return clock;
  // Times up to the drift ahead of now are plausible (another device's clock a little fast); the
  // clock starts after the latest of them, so what it stamps still sorts after what it has seen.
  const plausible = `${new Date(now + MAX_DRIFT_MS).toISOString()}~`;
  const latest = (prepared(db, 'SELECT max(timestamp) AS t FROM sync_log WHERE timestamp < ?').get(plausible) as { t: string | null }).t;
  const from = latest === null ? { millis: 0, counter: 0 } : parseTimestamp(latest);
  clock.millis = Math.max(from.millis, now);
  clock.counter = clock.millis === from.millis ? from.counter : 0;
  const future = prepared(db, 'SELECT timestamp, dataset, row FROM sync_log WHERE timestamp >= ? AND state = 0 ORDER BY timestamp').all(plausible) as { timestamp: string; dataset: string; row: string }[];
  for (const message of future) {
    const fresh = tick(clock, now);
    prepared(db, 'UPDATE sync_log SET timestamp = ? WHERE timestamp = ?').run(fresh, message.timestamp);
    const stored = prepared(db, 'SELECT stamps FROM sync_rows WHERE dataset = ? AND row = ?').get(message.dataset, message.row) as { stamps: string } | undefined;
    if (stored === undefined) continue;
    const stamps = JSON.parse(stored.stamps) as Record<string, string>;
    for (const column of Object.keys(stamps)) if (stamps[column] === message.timestamp) stamps[column] = fresh;
    prepared(db, 'UPDATE sync_rows SET stamps = ? WHERE dataset = ? AND row = ?').run(JSON.stringify(stamps), message.dataset, message.row);
  }
  saveClock(db, clock);
  return clock;
}

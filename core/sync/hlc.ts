/**
 * Hybrid logical clock timestamps for sync messages: `<ISO time>-<counter>-<node>`, e.g.
 * `2026-12-03T09:00:00.000Z-0000-3f9a1c2b4d5e6f70`. They sort as strings in causal order: the
 * physical part never goes backwards on one device, the counter orders events within one
 * millisecond, and the node (16 hex digits, one per device) breaks ties between devices, so no two
 * devices ever make the same timestamp.
 */

export const NODE_PATTERN = /^[0-9a-f]{16}$/;
export const TIMESTAMP_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z-[0-9a-f]{4}-[0-9a-f]{16}$/;

/** How far another device's clock may run ahead of ours before we refuse its messages. */
export const MAX_DRIFT_MS = 60 * 60 * 1000;
const MAX_COUNTER = 0xffff;

export type Clock = { millis: number; counter: number; node: string };

export type ParsedTimestamp = { millis: number; counter: number; node: string };

/** A clock's time or a remote time is too far from this device's clock to trust. */
export class ClockDriftError extends Error {
  override name = 'ClockDriftError';
  constructor(readonly driftMs: number) {
    super(`a clock is ${Math.round(driftMs / 60000)} minutes away from this device's clock (at most ${MAX_DRIFT_MS / 60000} are accepted)`);
  }
}

export function isTimestamp(value: unknown): boolean {
  return typeof value === 'string' && TIMESTAMP_PATTERN.test(value) && !Number.isNaN(Date.parse(value.slice(0, 24)));
}

export function parseTimestamp(timestamp: string): ParsedTimestamp {
  if (!isTimestamp(timestamp)) throw new Error(`not a sync timestamp: ${timestamp.slice(0, 60)}`);
  return { millis: Date.parse(timestamp.slice(0, 24)), counter: parseInt(timestamp.slice(25, 29), 16), node: timestamp.slice(30) };
}

export function formatTimestamp(millis: number, counter: number, node: string): string {
  return `${new Date(millis).toISOString()}-${counter.toString(16).padStart(4, '0')}-${node}`;
}

export function createClock(node: string, last?: string): Clock {
  if (!NODE_PATTERN.test(node)) throw new Error(`not a clock node id: ${node.slice(0, 40)}`);
  if (last === undefined) return { millis: 0, counter: 0, node };
  const parsed = parseTimestamp(last);
  return { millis: parsed.millis, counter: parsed.counter, node };
}

/**
 * The timestamp for a change made on this device now; advances the clock. It never goes back and
 * never refuses: a clock ahead of `now` (the computer's date was set back) goes on from where it
 * is, and more changes in one millisecond than the counter holds go on in the next millisecond.
 * (A clock that ran ahead because the date was wrong is put right before, in sync/clock.ts.)
 */
export function tick(clock: Clock, now: number): string {
  let millis = Math.max(clock.millis, now);
  let counter = millis === clock.millis ? clock.counter + 1 : 0;
  if (counter > MAX_COUNTER) {
    millis += 1;
    counter = 0;
  }
  clock.millis = millis;
  clock.counter = counter;
  return formatTimestamp(millis, counter, clock.node);
}

/**
 * Takes in a timestamp made on another device, so the next local change sorts after it. A remote
 * time more than MAX_DRIFT_MS ahead of `now` is refused: one device with a wrong clock would
 * otherwise win every edit for as long as its clock is wrong.
 */
export function observe(clock: Clock, remote: string, now: number): void {
  const parsed = parseTimestamp(remote);
  if (parsed.millis - now > MAX_DRIFT_MS) throw new ClockDriftError(parsed.millis - now);
  const millis = Math.max(clock.millis, parsed.millis, now);
  let counter: number;
  if (millis === clock.millis && millis === parsed.millis) counter = Math.max(clock.counter, parsed.counter) + 1;
  else if (millis === clock.millis) counter = clock.counter + 1;
  else if (millis === parsed.millis) counter = parsed.counter + 1;
  else counter = 0;
  clock.millis = counter > MAX_COUNTER ? millis + 1 : millis;
  clock.counter = counter > MAX_COUNTER ? 0 : counter;
}

/** The last timestamp the clock gave or saw, to store and reload it. */
export function clockState(clock: Clock): string {
  return formatTimestamp(clock.millis, clock.counter, clock.node);
}

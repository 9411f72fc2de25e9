import { describe, expect, it } from 'vitest';
import { ClockDriftError, createClock, formatTimestamp, MAX_DRIFT_MS, observe, parseTimestamp, tick } from '../../core/sync/hlc';

const NODE = '0123456789abcdef';
const T = Date.UTC(2026, 11, 6, 9);

describe('hybrid logical clock', () => {
  it('goes on from itself when the computer’s date is set back, and never refuses a local change', () => {
    const clock = createClock(NODE, formatTimestamp(T, 7, NODE));
    const stamped = tick(clock, T - 3 * 86_400_000);
    expect(stamped).toBe(formatTimestamp(T, 8, NODE));
    expect(tick(clock, T + 5)).toBe(formatTimestamp(T + 5, 0, NODE));
  });

  it('takes more changes in one millisecond than its counter holds into the next millisecond, still in order', () => {
    const clock = createClock(NODE, formatTimestamp(T, 0xfffe, NODE));
    const stamps = [tick(clock, T), tick(clock, T), tick(clock, T)];
    expect(stamps).toEqual([formatTimestamp(T, 0xffff, NODE), formatTimestamp(T + 1, 0, NODE), formatTimestamp(T + 1, 1, NODE)]);
    expect([...stamps].sort()).toEqual(stamps);
  });

  it('refuses another device’s time more than the drift ahead, and orders after what it takes in', () => {
    const clock = createClock(NODE);
    expect(() => observe(clock, formatTimestamp(T + MAX_DRIFT_MS + 1000, 0, 'fedcba9876543210'), T)).toThrow(ClockDriftError);
    observe(clock, formatTimestamp(T + 1000, 0xffff, 'fedcba9876543210'), T);
    const next = parseTimestamp(tick(clock, T));
    expect(next.millis).toBeGreaterThan(T + 1000);
  });
});

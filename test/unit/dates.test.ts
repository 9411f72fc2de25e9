import { describe, expect, it } from 'vitest';
import { isRealDate, localDay } from '../../core/dates';

describe('localDay', () => {
  // China is UTC+8 all year: from 00:00 to 08:00 there the UTC day is still yesterday.
  it.each([
    ['00:30 in Shanghai', '2026-03-14T16:30:00Z', '2026-03-15', '2026-03-14'],
    ['07:59 in Shanghai', '2026-03-14T23:59:00Z', '2026-03-15', '2026-03-14'],
    ['08:00 in Shanghai', '2026-03-15T00:00:00Z', '2026-03-15', '2026-03-15'],
    ['23:59 in Shanghai', '2026-03-15T15:59:00Z', '2026-03-15', '2026-03-15'],
    ['00:30 on New Year in Shanghai', '2025-12-31T16:30:00Z', '2026-01-01', '2025-12-31'],
  ])('%s is the Shanghai day, not the UTC day', (_, instant, shanghai, utc) => {
    const now = new Date(instant);
    expect(localDay(now, 'Asia/Shanghai')).toBe(shanghai);
    expect(localDay(now, 'UTC')).toBe(utc);
  });

  it('follows the zone west of UTC too', () => {
    expect(localDay(new Date('2026-03-15T03:00:00Z'), 'America/New_York')).toBe('2026-03-14');
  });

  it("uses the machine's zone by default", () => {
    const now = new Date('2026-03-14T23:59:00Z');
    expect(localDay(now)).toBe(localDay(now, Intl.DateTimeFormat().resolvedOptions().timeZone));
  });

  it('gives a real YYYY-MM-DD day', () => {
    const day = localDay(new Date('0999-06-01T12:00:00Z'), 'UTC');
    expect(day).toBe('0999-06-01');
    expect(isRealDate(localDay())).toBe(true);
  });

  it('refuses an unknown zone and an invalid time, saying which', () => {
    expect(() => localDay(new Date(), 'Mars/Olympus_Mons')).toThrow(/Mars\/Olympus_Mons/);
    expect(() => localDay(new Date('not a date'))).toThrow(/not a valid date/);
  });
});

import { describe, expect, it } from 'vitest';
import { formatApiMessage } from '../../core/api/message';
import { addDays, checkTimeline, daysBetween, isCalendarDate, timelineEnd, timelineSchedule, timelineWeeks } from '../../core/proposals/timeline';
import type { Timeline } from '../../core/proposals/types';

const timeline: Timeline = {
  start: '2026-03-30',
  phases: [
    { id: 'p1', name: 'Discovery', weeks: 2, deliverables: 'Call analysis' },
    { id: 'p2', name: 'Build', weeks: 3, deliverables: 'Assistant', milestone: 'Demo' },
    { id: 'p3', name: 'Pilot', weeks: 1, deliverables: 'Report' },
  ],
};

describe('timeline', () => {
  it('schedules phases back to back, each ending on its last day', () => {
    expect(timelineSchedule(timeline).map((p) => [p.name, p.start, p.end])).toEqual([
      ['Discovery', '2026-03-30', '2026-04-12'],
      ['Build', '2026-04-13', '2026-05-03'],
      ['Pilot', '2026-05-04', '2026-05-10'],
    ]);
    expect(timelineEnd(timeline)).toBe('2026-05-10');
    expect(timelineWeeks(timeline)).toBe(6);
    expect(timelineEnd({ start: '2026-01-01', phases: [] })).toBe('2026-01-01');
  });

  it('crosses a daylight-saving change, a leap day and a year end without losing a day', () => {
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    const long = timelineSchedule({ start: '2026-01-05', phases: Array.from({ length: 52 }, (_, i) => ({ id: `p${i}`, name: `P${i}`, weeks: 1, deliverables: '' })) });
    expect(long.at(-1)?.end).toBe(addDays('2026-01-05', 52 * 7 - 1));
  });

  it('knows a real date from a look-alike', () => {
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(() => addDays('2026-02-30', 1)).toThrow('not a date');
  });

  it('reports bad weeks and dates by phase', () => {
    const bad: Timeline = { start: '2026-02-30', phases: [{ id: 'a', name: '', weeks: 0, deliverables: '' }, { id: 'b', name: 'B', weeks: 1.5, deliverables: '' }] };
    expect(checkTimeline(bad).map((p) => formatApiMessage(p.message, 'en'))).toEqual([
      'Start date: "2026-02-30" is not a date written YYYY-MM-DD',
      'Name of phase 1: is empty',
      'Weeks of phase 1: 0 is not a whole number from 1 to 52',
      'Weeks of phase 2: 1.5 is not a whole number from 1 to 52',
    ]);
    expect(checkTimeline(timeline)).toEqual([]);
  });
});

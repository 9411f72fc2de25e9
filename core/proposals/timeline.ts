import { msg, type ApiMessage } from '../api/message';
import type { ScheduledPhase, Timeline } from './types';

/**
 * Dates of a proposal's timeline. Phases run back to back from the start date, each a whole number
 * of weeks; a phase's end is its last day (start + 7 × weeks − 1). Dates are calendar dates
 * (YYYY-MM-DD) computed in UTC so that no time zone or daylight-saving change moves a day.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether a string is a real calendar date written YYYY-MM-DD. */
export function isCalendarDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function toUtcMs(date: string): number {
  if (!isCalendarDate(date)) throw new Error(`"${date}" is not a date written YYYY-MM-DD`);
  return Date.parse(`${date}T00:00:00Z`);
}

function fromUtcMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The date `days` days after (or before, when negative) a date. */
export function addDays(date: string, days: number): string {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

/** Each phase with its first and last day. */
export function timelineSchedule(timeline: Timeline): ScheduledPhase[] {
  let start = timeline.start;
  return timeline.phases.map((phase) => {
    const end = addDays(start, phase.weeks * 7 - 1);
    const scheduled: ScheduledPhase = { ...phase, start, end };
    start = addDays(end, 1);
    return scheduled;
  });
}

/** The last day of the last phase; the start date itself when there are no phases. */
export function timelineEnd(timeline: Timeline): string {
  const schedule = timelineSchedule(timeline);
  return schedule.at(-1)?.end ?? timeline.start;
}

/** Total length in weeks. */
export function timelineWeeks(timeline: Timeline): number {
  return timeline.phases.reduce((sum, phase) => sum + phase.weeks, 0);
}

export type TimelineProblem = { phase: number | null; field: 'start' | 'weeks' | 'name'; message: ApiMessage };

/** What is wrong with a timeline, each message naming the phase (counted from 1) and the field. */
export function checkTimeline(timeline: Timeline): TimelineProblem[] {
  const problems: TimelineProblem[] = [];
  if (!isCalendarDate(timeline.start)) {
    problems.push({ phase: null, field: 'start', message: msg('timeline.start', { value: timeline.start.slice(0, 40) }) });
  }
  timeline.phases.forEach((phase, index) => {
    if (phase.name.trim() === '') problems.push({ phase: index, field: 'name', message: msg('timeline.nameEmpty', { phase: index + 1 }) });
    if (!Number.isInteger(phase.weeks) || phase.weeks < 1 || phase.weeks > 52) {
      problems.push({ phase: index, field: 'weeks', message: msg('timeline.weeks', { phase: index + 1, weeks: String(phase.weeks) }) });
    }
  });
  return problems;
}

import { addDays, daysBetween } from './timeline';
import type { ScheduledPhase } from './types';

/**
 * The one geometry of the timeline's Gantt chart: dates → bars, one row per phase, a diamond at
 * the end of each phase with a milestone, and date ticks (Mondays for short timelines, the first
 * of each month for long ones). The screen's chart (renderer/charts/Gantt.tsx), the SVG written
 * into documents (gantt-svg.ts) and its PNG fallback all draw these numbers. Dates are calendar
 * days in UTC (timeline.ts), so no time zone moves a bar.
 */

export type GanttSize = {
  width: number;
  labelWidth: number;
  rowHeight: number;
  barHeight: number;
  axisHeight: number;
  /** Whether row labels start with the phase number ("1. Discovery"), to match a numbered table beside the chart. */
  numbered: boolean;
};

export const GANTT_SCREEN_SIZE: GanttSize = { width: 760, labelWidth: 180, rowHeight: 30, barHeight: 18, axisHeight: 24, numbered: false };
/** 640 px: the text width of an A4 page in Word at 96 px per inch. */
export const GANTT_DOCUMENT_SIZE: GanttSize = { width: 640, labelWidth: 190, rowHeight: 26, barHeight: 16, axisHeight: 26, numbered: true };

export type Point = { x: number; y: number };

export type GanttBar = {
  id: string;
  number: number;
  name: string;
  /** The row label in one or two lines that fit the label column (shortened with … only past two lines). */
  labelLines: string[];
  start: string;
  end: string;
  weeks: number;
  milestone: string | null;
  /** Where the row label ends (it is right-aligned there), and the middle of each of its lines. */
  labelX: number;
  labelY: number[];
  x: number;
  y: number;
  width: number;
  height: number;
  /** Centre of the milestone diamond at the end of the bar. */
  milestoneAt: Point | null;
};

export type GanttTick = { date: string; x: number; label: string };

export type GanttGeometry = {
  width: number;
  height: number;
  plotLeft: number;
  plotRight: number;
  axisY: number;
  bars: GanttBar[];
  ticks: GanttTick[];
  tickUnit: 'week' | 'month';
};

/** Timelines up to this many days tick weekly, longer ones monthly. */
const WEEKLY_UP_TO_DAYS = 7 * 16;
/** A tick label needs about this much room right of its line; one nearer the end would be cut off. */
const TICK_LABEL_ROOM = 30;

/** Mondays, or firsts of the month, from `start` to `end` inclusive. */
function tickDates(start: string, end: string, unit: 'week' | 'month'): string[] {
  const out: string[] = [];
  if (unit === 'week') {
    // 1970-01-05 was a Monday.
    const offset = ((daysBetween('1970-01-05', start) % 7) + 7) % 7;
    for (let d = offset === 0 ? start : addDays(start, 7 - offset); d <= end; d = addDays(d, 7)) out.push(d);
    return out;
  }
  let [year, month] = [Number(start.slice(0, 4)), Number(start.slice(5, 7))];
  if (start.slice(8) !== '01') month += 1;
  for (;;) {
    if (month > 12) [year, month] = [year + 1, 1];
    const d = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
    if (d > end) return out;
    out.push(d);
    month += 1;
  }
}

/**
 * About how wide a character is in the charts' 12 px sans-serif text (Calibri, Carlito, Arial and
 * the CJK fonts are close enough): narrow letters and punctuation, wide capitals, full-width CJK.
 */
function charWidth(ch: string): number {
  if (/[\u3000-\u9fff\uff00-\uffef]/.test(ch)) return 12;
  if (/[il.,:;|!'`]/.test(ch)) return 3;
  if (/[fjrt()[\]\s-]/.test(ch)) return 4;
  if (/[mwMW]/.test(ch)) return 10;
  if (/[A-Z]/.test(ch)) return 8;
  return 6.5;
}
const textWidth = (text: string): number => [...text].reduce((sum, ch) => sum + charWidth(ch), 0);

/** A label shortened to fit a column of `width` pixels (charWidth's estimate, 10 px kept free). */
export function fitLabel(label: string, width: number): string {
  let used = 0;
  let out = '';
  for (const ch of label) {
    used += charWidth(ch);
    if (used > width - 10) return `${out}…`;
    out += ch;
  }
  return out;
}

/** The line height of a two-line row label, in pixels (12 px text). */
const LABEL_LINE = 13;

/**
 * A label in at most `maxLines` lines of `width` pixels: Latin text breaks between words, Chinese
 * between characters; only what still does not fit is shortened with …, on the last line.
 */
export function wrapLabel(label: string, width: number, maxLines = 2): string[] {
  const room = width - 10;
  // Words with the space after them, and each CJK character on its own.
  const pieces = label.trim().match(/[\u3000-\u9fff\uff00-\uffef]|[^\s\u3000-\u9fff\uff00-\uffef]+\s*|\s+/g) ?? [];
  const lines: string[] = [];
  let line = '';
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i] ?? '';
    if (line === '' || textWidth((line + piece).trimEnd()) <= room) {
      line += piece;
      continue;
    }
    if (lines.length === maxLines - 1) return [...lines, fitLabel(`${line}${pieces.slice(i).join('')}`.trim(), width)];
    lines.push(line.trimEnd());
    line = piece.trimStart();
  }
  const last = line.trimEnd();
  return [...lines, textWidth(last) <= room ? last : fitLabel(last, width)];
}

/** The chart for scheduled phases; an empty schedule gives no bars (the caller shows an empty state). */
export function ganttGeometry(phases: readonly ScheduledPhase[], size: GanttSize = GANTT_SCREEN_SIZE): GanttGeometry {
  const plotLeft = size.labelWidth;
  const plotRight = size.width - 12;
  const axisY = size.axisHeight;
  const height = axisY + phases.length * size.rowHeight + 8;
  const first = phases[0];
  const last = phases.at(-1);
  if (!first || !last) return { width: size.width, height, plotLeft, plotRight, axisY, bars: [], ticks: [], tickUnit: 'week' };

  // A phase's end is its last day: the bar reaches to the end of that day.
  const domainEnd = addDays(last.end, 1);
  const days = Math.max(1, daysBetween(first.start, domainEnd));
  const x = (date: string): number => plotLeft + ((plotRight - plotLeft) * daysBetween(first.start, date)) / days;
  const tickUnit = days <= WEEKLY_UP_TO_DAYS ? 'week' : 'month';
  const ticks = tickDates(first.start, domainEnd, tickUnit)
    .map((date) => ({ date, x: x(date), label: tickUnit === 'week' ? date.slice(5) : date.slice(0, 7) }))
    .filter((tick) => tick.x <= plotRight - TICK_LABEL_ROOM);

  const bars = phases.map((phase, index): GanttBar => {
    const rowTop = axisY + index * size.rowHeight;
    const rowMid = rowTop + size.rowHeight / 2;
    const left = x(phase.start);
    const right = x(addDays(phase.end, 1));
    const milestone = phase.milestone !== undefined && phase.milestone.trim() !== '' ? phase.milestone.trim() : null;
    const number = index + 1;
    // The number takes about 26 px of the label column; a second line is not indented.
    const lines = wrapLabel(size.numbered ? `${number}. ${phase.name}` : phase.name, plotLeft);
    const firstLineY = rowMid - ((lines.length - 1) * LABEL_LINE) / 2;
    return {
      id: phase.id,
      number,
      name: phase.name,
      labelLines: lines,
      start: phase.start,
      end: phase.end,
      weeks: phase.weeks,
      milestone,
      labelX: plotLeft - 8,
      labelY: lines.map((_, i) => firstLineY + i * LABEL_LINE),
      x: left,
      y: rowTop + (size.rowHeight - size.barHeight) / 2,
      width: Math.max(1, right - left),
      height: size.barHeight,
      milestoneAt: milestone === null ? null : { x: right, y: rowMid },
    };
  });
  return { width: size.width, height, plotLeft, plotRight, axisY, bars, ticks, tickUnit };
}

/** The diamond drawn for a milestone, centred on a point, as SVG path data. */
export function diamondPath(at: Point, radius = 6): string {
  return `M${at.x},${at.y - radius}L${at.x + radius},${at.y}L${at.x},${at.y + radius}L${at.x - radius},${at.y}Z`;
}

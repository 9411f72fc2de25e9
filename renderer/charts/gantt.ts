import { scaleUtc, utcMonday, utcMonth } from 'd3';
import type { ScheduledPhase } from '../../core/proposals/types';
import { addDays, daysBetween } from '../../core/proposals/timeline';

/**
 * The timeline's Gantt chart as plain geometry: one bar per phase on a calendar axis, a diamond at
 * the end of each phase that has a milestone, and date ticks. Dates come from core's
 * timelineSchedule; d3 only maps dates to pixels and picks tick dates. Gantt.tsx renders this.
 */

export type GanttSize = { width: number; labelWidth: number; rowHeight: number; barHeight: number; axisHeight: number };

export const GANTT_SCREEN_SIZE: GanttSize = { width: 760, labelWidth: 180, rowHeight: 30, barHeight: 18, axisHeight: 24 };

export type GanttBar = {
  id: string;
  name: string;
  start: string;
  end: string;
  weeks: number;
  milestone: string | null;
  /** Row label position (right-aligned at labelX). */
  labelX: number;
  labelY: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Centre of the milestone diamond at the end of the bar. */
  milestoneAt: { x: number; y: number } | null;
};

export type GanttTick = { date: string; x: number };

export type GanttLayout = {
  width: number;
  height: number;
  plotLeft: number;
  plotRight: number;
  axisY: number;
  bars: GanttBar[];
  ticks: GanttTick[];
  /** Whether ticks are weekly (short timelines) or monthly. */
  tickUnit: 'week' | 'month';
};

const DAY_MS = 24 * 60 * 60 * 1000;
const toDate = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/** Lays out scheduled phases; an empty schedule gives an empty layout (the caller shows an empty state). */
export function ganttLayout(phases: readonly ScheduledPhase[], size: GanttSize = GANTT_SCREEN_SIZE): GanttLayout {
  const plotLeft = size.labelWidth;
  const plotRight = size.width - 12;
  const axisY = size.axisHeight;
  const height = axisY + phases.length * size.rowHeight + 8;
  const first = phases[0];
  const last = phases.at(-1);
  if (!first || !last) return { width: size.width, height, plotLeft, plotRight, axisY, bars: [], ticks: [], tickUnit: 'week' };

  // A phase's end is its last day: the bar reaches to the end of that day.
  const domainEnd = addDays(last.end, 1);
  const x = scaleUtc().domain([toDate(first.start), toDate(domainEnd)]).range([plotLeft, plotRight]);
  const totalDays = daysBetween(first.start, domainEnd);
  const tickUnit = totalDays <= 7 * 16 ? 'week' : 'month';
  const tickDates = (tickUnit === 'week' ? utcMonday : utcMonth).range(toDate(first.start), new Date(toDate(domainEnd).getTime() + DAY_MS));
  // A tick label needs about 30 px to the right of its line; one at the very end would be cut off.
  const ticks = tickDates.map((d) => ({ date: d.toISOString().slice(0, 10), x: x(d) })).filter((tick) => tick.x <= plotRight - 30);

  const bars = phases.map((phase, index): GanttBar => {
    const rowTop = axisY + index * size.rowHeight;
    const left = x(toDate(phase.start));
    const right = x(toDate(addDays(phase.end, 1)));
    const y = rowTop + (size.rowHeight - size.barHeight) / 2;
    const milestone = phase.milestone !== undefined && phase.milestone.trim() !== '' ? phase.milestone.trim() : null;
    return {
      id: phase.id,
      name: phase.name,
      start: phase.start,
      end: phase.end,
      weeks: phase.weeks,
      milestone,
      labelX: plotLeft - 8,
      labelY: rowTop + size.rowHeight / 2,
      x: left,
      y,
      width: Math.max(1, right - left),
      height: size.barHeight,
      milestoneAt: milestone === null ? null : { x: right, y: rowTop + size.rowHeight / 2 },
    };
  });
  return { width: size.width, height, plotLeft, plotRight, axisY, bars, ticks, tickUnit };
}

/** The diamond drawn for a milestone, centred on a point. */
export function diamondPath(at: { x: number; y: number }, radius = 6): string {
  return `M${at.x},${at.y - radius}L${at.x + radius},${at.y}L${at.x},${at.y + radius}L${at.x - radius},${at.y}Z`;
}

/** A label shortened to fit the label column (about 7 px per Latin character, 13 per CJK one). */
export function fitLabel(label: string, width: number): string {
  let used = 0;
  let out = '';
  for (const ch of label) {
    used += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 13 : 7;
    if (used > width - 10) return `${out}…`;
    out += ch;
  }
  return out;
}

import type { ScheduledPhase } from '../../../core/proposals/types';
import { addDays, daysBetween } from '../../../core/proposals/timeline';
import { encodePng } from './png';
import { createRaster, fillPolygon, parseHex, strokeLine, type Raster, type Rgb } from './raster';

/**
 * The proposal timeline as a Gantt chart for documents: an SVG (with the phase names and dates)
 * and a PNG fallback for word processors that do not show SVG. The backend has no d3 and no font
 * rasteriser, so dates map to pixels linearly here, and the PNG labels each row with its phase
 * number (drawn from a tiny digit font) to match the numbered timeline table beside it.
 */

export const GANTT_EXPORT = { width: 640, labelWidth: 190, rowHeight: 26, barHeight: 16, axisHeight: 26 } as const;
/** The PNG is drawn at twice the size so it stays sharp on paper. */
export const GANTT_PNG_SCALE = 2;

const COLOURS = { background: '#ffffff', grid: '#dde1e7', text: '#1f2933', muted: '#5c6672', bar: '#2f6db5', milestone: '#c47f00' } as const;
const SVG_FONT = "Calibri, 'Microsoft YaHei', 'Noto Sans CJK SC', 'PingFang SC', sans-serif";

export type GanttGeometry = {
  width: number;
  height: number;
  plotLeft: number;
  plotRight: number;
  axisY: number;
  ticks: { date: string; x: number }[];
  tickUnit: 'week' | 'month';
  bars: { number: number; name: string; x: number; y: number; width: number; rowMid: number; milestone: string | null }[];
};

function mondaysAndMonths(start: string, endExclusive: string, unit: 'week' | 'month'): string[] {
  const out: string[] = [];
  if (unit === 'week') {
    // 1970-01-05 was a Monday.
    const offset = ((daysBetween('1970-01-05', start) % 7) + 7) % 7;
    for (let d = offset === 0 ? start : addDays(start, 7 - offset); d <= endExclusive; d = addDays(d, 7)) out.push(d);
  } else {
    let [year, month] = [Number(start.slice(0, 4)), Number(start.slice(5, 7))];
    if (start.slice(8) !== '01') month += 1;
    for (;;) {
      if (month > 12) [year, month] = [year + 1, 1];
      const d = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
      if (d > endExclusive) break;
      out.push(d);
      month += 1;
    }
  }
  return out;
}

export function ganttGeometry(phases: readonly ScheduledPhase[]): GanttGeometry {
  const s = GANTT_EXPORT;
  const plotLeft = s.labelWidth;
  const plotRight = s.width - 12;
  const height = s.axisHeight + phases.length * s.rowHeight + 8;
  const first = phases[0];
  const last = phases.at(-1);
  if (!first || !last) return { width: s.width, height, plotLeft, plotRight, axisY: s.axisHeight, ticks: [], tickUnit: 'week', bars: [] };
  const domainEnd = addDays(last.end, 1);
  const days = Math.max(1, daysBetween(first.start, domainEnd));
  const x = (date: string) => plotLeft + ((plotRight - plotLeft) * daysBetween(first.start, date)) / days;
  const tickUnit = days <= 7 * 16 ? 'week' : 'month';
  return {
    width: s.width,
    height,
    plotLeft,
    plotRight,
    axisY: s.axisHeight,
    tickUnit,
    ticks: mondaysAndMonths(first.start, domainEnd, tickUnit).map((date) => ({ date, x: x(date) })),
    bars: phases.map((p, i) => {
      const rowTop = s.axisHeight + i * s.rowHeight;
      const left = x(p.start);
      const milestone = p.milestone !== undefined && p.milestone.trim() !== '' ? p.milestone.trim() : null;
      return { number: i + 1, name: p.name, x: left, y: rowTop + (s.rowHeight - s.barHeight) / 2, width: Math.max(1, x(addDays(p.end, 1)) - left), rowMid: rowTop + s.rowHeight / 2, milestone };
    }),
  };
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

/** A label cut to the label column (about 7 px per Latin character, 13 per CJK one). */
function fit(label: string, width: number): string {
  let used = 0;
  let out = '';
  for (const ch of label) {
    used += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 13 : 7;
    if (used > width - 36) return `${out}…`;
    out += ch;
  }
  return out;
}

function diamond(at: { x: number; y: number }, r: number): { x: number; y: number }[] {
  return [
    { x: at.x, y: at.y - r },
    { x: at.x + r, y: at.y },
    { x: at.x, y: at.y + r },
    { x: at.x - r, y: at.y },
  ];
}

/** The chart as an SVG document with text: "1. Discovery" per row, dates on the axis. */
export function ganttSvg(phases: readonly ScheduledPhase[], title: string): string {
  const g = ganttGeometry(phases);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${g.width}" height="${g.height}" viewBox="0 0 ${g.width} ${g.height}" font-family="${escapeXml(SVG_FONT)}" role="img" aria-label="${escapeXml(title)}">`,
    `<rect width="${g.width}" height="${g.height}" fill="${COLOURS.background}"/>`,
  ];
  for (const t of g.ticks) {
    parts.push(`<line x1="${t.x.toFixed(1)}" x2="${t.x.toFixed(1)}" y1="${g.axisY - 4}" y2="${g.height - 4}" stroke="${COLOURS.grid}"/>`);
    parts.push(`<text x="${(t.x + 3).toFixed(1)}" y="${g.axisY - 8}" font-size="10" fill="${COLOURS.muted}">${g.tickUnit === 'week' ? t.date.slice(5) : t.date.slice(0, 7)}</text>`);
  }
  for (const b of g.bars) {
    parts.push(`<text x="${g.plotLeft - 8}" y="${b.rowMid + 4}" font-size="12" text-anchor="end" fill="${COLOURS.text}">${escapeXml(`${b.number}. ${fit(b.name, g.plotLeft)}`)}</text>`);
    parts.push(`<rect x="${b.x.toFixed(1)}" y="${b.y}" width="${b.width.toFixed(1)}" height="${GANTT_EXPORT.barHeight}" rx="3" fill="${COLOURS.bar}" fill-opacity="0.8"/>`);
    if (b.milestone !== null) {
      const points = diamond({ x: b.x + b.width, y: b.rowMid }, 6).map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
      parts.push(`<polygon points="${points}" fill="${COLOURS.milestone}" stroke="#ffffff" stroke-width="1.5"><title>${escapeXml(b.milestone)}</title></polygon>`);
    }
  }
  parts.push('</svg>');
  return parts.join('');
}

/** 3×5 pixel digits and a dot, rows top to bottom, bits left to right. */
const DIGITS: Record<string, number[]> = {
  '0': [0b111, 0b101, 0b101, 0b101, 0b111],
  '1': [0b010, 0b110, 0b010, 0b010, 0b111],
  '2': [0b111, 0b001, 0b111, 0b100, 0b111],
  '3': [0b111, 0b001, 0b111, 0b001, 0b111],
  '4': [0b101, 0b101, 0b111, 0b001, 0b001],
  '5': [0b111, 0b100, 0b111, 0b001, 0b111],
  '6': [0b111, 0b100, 0b111, 0b101, 0b111],
  '7': [0b111, 0b001, 0b010, 0b010, 0b010],
  '8': [0b111, 0b101, 0b111, 0b101, 0b111],
  '9': [0b111, 0b101, 0b111, 0b001, 0b111],
  '.': [0b000, 0b000, 0b000, 0b000, 0b010],
};

/** Draws digits right-aligned at (right, middle) with square dots of `dot` pixels. */
function drawNumber(raster: Raster, text: string, right: number, middle: number, dot: number, colour: Rgb): void {
  const advance = 4 * dot;
  let left = right - text.length * advance + dot;
  const top = middle - 2.5 * dot;
  for (const ch of text) {
    const rows = DIGITS[ch] ?? [];
    rows.forEach((bits, row) => {
      for (let col = 0; col < 3; col++) {
        if (!(bits & (0b100 >> col))) continue;
        const x = left + col * dot;
        const y = top + row * dot;
        fillPolygon(raster, [{ x, y }, { x: x + dot, y }, { x: x + dot, y: y + dot }, { x, y: y + dot }], colour);
      }
    });
    left += advance;
  }
}

/** The chart as a PNG: grid, bars, milestone diamonds and phase numbers, at GANTT_PNG_SCALE. */
export function ganttPng(phases: readonly ScheduledPhase[]): Buffer {
  const g = ganttGeometry(phases);
  const k = GANTT_PNG_SCALE;
  const raster = createRaster(g.width * k, g.height * k, parseHex(COLOURS.background));
  for (const t of g.ticks) strokeLine(raster, { x: t.x * k, y: (g.axisY - 4) * k }, { x: t.x * k, y: (g.height - 4) * k }, k, parseHex(COLOURS.grid));
  strokeLine(raster, { x: g.plotLeft * k, y: g.axisY * k }, { x: g.plotRight * k, y: g.axisY * k }, k, parseHex(COLOURS.grid));
  for (const b of g.bars) {
    const [x0, y0, x1, y1] = [b.x * k, b.y * k, (b.x + b.width) * k, (b.y + GANTT_EXPORT.barHeight) * k];
    fillPolygon(raster, [{ x: x0, y: y0 }, { x: x1, y: y0 }, { x: x1, y: y1 }, { x: x0, y: y1 }], parseHex(COLOURS.bar), 0.8);
    if (b.milestone !== null) fillPolygon(raster, diamond({ x: (b.x + b.width) * k, y: b.rowMid * k }, 6 * k), parseHex(COLOURS.milestone));
    drawNumber(raster, `${b.number}.`, (g.plotLeft - 8) * k, b.rowMid * k, 2 * k, parseHex(COLOURS.text));
  }
  return encodePng(raster);
}

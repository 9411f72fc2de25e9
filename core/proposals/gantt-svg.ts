import { escapeXml, fontAttribute } from '../document/svg';
import { diamondPath, GANTT_DOCUMENT_SIZE, ganttGeometry } from './gantt';
import type { ScheduledPhase } from './types';

/**
 * The timeline's Gantt chart as a standalone SVG document for Word (the backend rasterises the
 * same SVG for the PNG fallback): numbered phase names, dates on the axis, bars and milestones.
 * Colours are fixed: a document has no theme.
 */

export const GANTT_COLOURS = { background: '#ffffff', grid: '#dde1e7', text: '#1f2933', muted: '#5c6672', bar: '#2f6db5', milestone: '#c47f00' } as const;

const n = (value: number): string => String(Math.round(value * 10) / 10);

export function ganttSvg(phases: readonly ScheduledPhase[], title: string): string {
  const g = ganttGeometry(phases, GANTT_DOCUMENT_SIZE);
  const c = GANTT_COLOURS;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${g.width}" height="${g.height}" viewBox="0 0 ${g.width} ${g.height}" role="img" aria-label="${escapeXml(title)}">`,
    `<rect width="${g.width}" height="${g.height}" fill="${c.background}"/>`,
    `<line x1="${g.plotLeft}" x2="${g.plotRight}" y1="${g.axisY}" y2="${g.axisY}" stroke="${c.grid}"/>`,
  ];
  for (const t of g.ticks) {
    parts.push(`<line x1="${n(t.x)}" x2="${n(t.x)}" y1="${g.axisY - 4}" y2="${g.height - 4}" stroke="${c.grid}"/>`);
    parts.push(`<text x="${n(t.x + 3)}" y="${g.axisY - 8}" font-size="10" fill="${c.muted}" ${fontAttribute(t.label)}>${escapeXml(t.label)}</text>`);
  }
  for (const b of g.bars) {
    const label = b.labelLines.join(' ');
    const lines = b.labelLines.map((line, i) => `<tspan x="${b.labelX}" y="${n((b.labelY[i] ?? 0) + 4)}">${escapeXml(line)}</tspan>`).join('');
    parts.push(`<text font-size="12" text-anchor="end" fill="${c.text}" ${fontAttribute(label)}>${lines}</text>`);
    parts.push(`<rect x="${n(b.x)}" y="${n(b.y)}" width="${n(b.width)}" height="${b.height}" rx="3" fill="${c.bar}" fill-opacity="0.8"/>`);
    if (b.milestoneAt !== null && b.milestone !== null) {
      parts.push(`<path d="${diamondPath({ x: Math.round(b.milestoneAt.x * 10) / 10, y: b.milestoneAt.y })}" fill="${c.milestone}" stroke="#ffffff" stroke-width="1.5"><title>${escapeXml(b.milestone)}</title></path>`);
    }
  }
  parts.push('</svg>');
  return parts.join('');
}

import { escapeXml, fontAttribute } from '../document/svg';
import { radarGeometry, type Point, type RadarAxisInput } from './radar-geometry';

/**
 * The radar as a standalone SVG document for Word (the backend rasterises the same SVG for the PNG
 * fallback). Colours are fixed: a document has no theme. Text is escaped; labels come from content.
 */

export const RADAR_EXPORT_SIZE = { width: 560, height: 420, labelMargin: 90 } as const;

export const RADAR_COLOURS = {
  background: '#ffffff',
  grid: '#c3c9d2',
  axis: '#9aa4b1',
  fill: '#2a56c6',
  fillOpacity: 0.22,
  stroke: '#2a56c6',
  text: '#1b2027',
  muted: '#5c6672',
} as const;

function path(points: readonly Point[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join(' ') + ' Z';
}

/** `notScored` is the word shown instead of a score for a dimension without one. */
export function radarSvg(axes: readonly RadarAxisInput[], notScored: string): string {
  const g = radarGeometry(axes, RADAR_EXPORT_SIZE);
  const c = RADAR_COLOURS;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${g.width}" height="${g.height}" viewBox="0 0 ${g.width} ${g.height}">`,
    `<rect width="${g.width}" height="${g.height}" fill="${c.background}"/>`,
  ];
  for (const ring of g.rings) parts.push(`<path d="${path(ring.points)}" fill="none" stroke="${c.grid}" stroke-width="1"/>`);
  for (const axis of g.axes) parts.push(`<line x1="${g.center.x}" y1="${g.center.y}" x2="${axis.end.x}" y2="${axis.end.y}" stroke="${c.axis}" stroke-width="1"/>`);
  parts.push(`<path d="${path(g.polygon)}" fill="${c.fill}" fill-opacity="${c.fillOpacity}" stroke="${c.stroke}" stroke-width="2.5" stroke-linejoin="round"/>`);
  for (const axis of g.axes) {
    if (axis.value !== null) parts.push(`<circle cx="${axis.point.x}" cy="${axis.point.y}" r="3.5" fill="${c.stroke}"/>`);
    const score = axis.value === null ? notScored : String(axis.value);
    parts.push(
      `<text x="${axis.labelAt.x}" y="${axis.labelAt.y}" text-anchor="${axis.anchor}" font-size="13" fill="${c.text}">` +
        `<tspan x="${axis.labelAt.x}" dy="0" ${fontAttribute(axis.label)}>${escapeXml(axis.label)}</tspan>` +
        `<tspan x="${axis.labelAt.x}" dy="16" fill="${c.muted}" ${fontAttribute(score)}>${escapeXml(score)}</tspan></text>`,
    );
  }
  parts.push('</svg>');
  return parts.join('');
}

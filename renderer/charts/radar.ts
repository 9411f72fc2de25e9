import { curveLinearClosed, line } from 'd3';
import { radarGeometry, type Point, type RadarAxisInput, type RadarGeometry } from '../../core/report/radar-geometry';

/**
 * The radar chart's drawing: the points come from core's radar geometry (shared with the exported
 * report), d3 turns them into closed paths. The React wrapper (RadarChart.tsx) only renders these.
 */

export const RADAR_SCREEN_SIZE = { width: 520, height: 400, labelMargin: 86 } as const;

const closedPath = line<Point>()
  .x((p) => p.x)
  .y((p) => p.y)
  .curve(curveLinearClosed);

export type RadarDrawing = {
  geometry: RadarGeometry;
  rings: { level: number; d: string }[];
  area: string;
};

export function radarDrawing(axes: readonly RadarAxisInput[], size: { width: number; height: number; labelMargin: number } = RADAR_SCREEN_SIZE): RadarDrawing {
  const geometry = radarGeometry(axes, size);
  return {
    geometry,
    rings: geometry.rings.map((r) => ({ level: r.level, d: closedPath(r.points) ?? '' })),
    area: closedPath(geometry.polygon) ?? '',
  };
}

/** "Business value 87.5, Data readiness not scored, …" for the chart's accessible name. */
export function radarSummary(axes: readonly RadarAxisInput[], notScored: string): string {
  return axes.map((a) => `${a.label} ${a.value === null ? notScored : a.value}`).join(', ');
}

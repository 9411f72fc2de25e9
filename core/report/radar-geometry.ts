/**
 * The one place that computes a radar chart's geometry: the renderer's d3 chart, the SVG string
 * for the printed report and the PNG rasterised for Word all draw these points, so the three
 * pictures cannot disagree. Scores are 0–100; the first axis points up, the rest go clockwise.
 */

export type Point = { x: number; y: number };

/** One dimension on the chart; value null means "not scored yet" (drawn at the centre, labelled as such). */
export type RadarAxisInput = { id: string; label: string; value: number | null };

export type RadarAxis = RadarAxisInput & {
  /** End of the spoke (score 100). */
  end: Point;
  /** Where the score sits on the spoke (the centre when not scored). */
  point: Point;
  /** Where the label goes, a little beyond the spoke's end, and how text is anchored there. */
  labelAt: Point;
  anchor: 'start' | 'middle' | 'end';
};

export type RadarGeometry = {
  width: number;
  height: number;
  center: Point;
  radius: number;
  /** Concentric guide rings at 20, 40, 60, 80 and 100. */
  rings: { level: number; points: Point[] }[];
  axes: RadarAxis[];
  /** The score polygon, one point per axis, in axis order. */
  polygon: Point[];
};

export const RADAR_RING_LEVELS = [20, 40, 60, 80, 100] as const;

const clampScore = (value: number): number => Math.min(100, Math.max(0, value));

/** Rounded to 0.01 so SVG text stays short and identical across runtimes. */
const round = (n: number): number => Math.round(n * 100) / 100;

function at(center: Point, radius: number, angle: number): Point {
  return { x: round(center.x + radius * Math.cos(angle)), y: round(center.y + radius * Math.sin(angle)) };
}

/** Axis i of n: the first points straight up, then clockwise. */
export function axisAngle(i: number, n: number): number {
  return -Math.PI / 2 + (2 * Math.PI * i) / n;
}

/**
 * Geometry for a chart of the given size. `labelMargin` is the room kept around the rings for
 * labels (pixels); the radius is what is left.
 */
export function radarGeometry(axes: readonly RadarAxisInput[], size: { width: number; height: number; labelMargin: number }): RadarGeometry {
  const center = { x: size.width / 2, y: size.height / 2 };
  const radius = Math.max(10, Math.min(size.width, size.height) / 2 - size.labelMargin);
  const n = axes.length;
  const placed: RadarAxis[] = axes.map((axis, i) => {
    const angle = axisAngle(i, n);
    const cos = Math.cos(angle);
    const anchor = Math.abs(cos) < 0.2 ? 'middle' : cos > 0 ? 'start' : 'end';
    return {
      ...axis,
      end: at(center, radius, angle),
      point: at(center, (radius * clampScore(axis.value ?? 0)) / 100, angle),
      labelAt: at(center, radius + 12, angle),
      anchor,
    };
  });
  return {
    width: size.width,
    height: size.height,
    center,
    radius,
    rings: RADAR_RING_LEVELS.map((level) => ({ level, points: axes.map((_, i) => at(center, (radius * level) / 100, axisAngle(i, n))) })),
    axes: placed,
    polygon: placed.map((a) => a.point),
  };
}

/** True when there is something to draw: at least one dimension has a score. */
export function hasScores(axes: readonly RadarAxisInput[]): boolean {
  return axes.some((a) => a.value !== null);
}

import { scaleBand } from 'd3';

/**
 * The pure parts of the likelihood × impact heat map: binning risks into the 5×5 grid, the
 * severity (and so the colour) of each cell, and the cell layout from d3 band scales.
 * The React wrapper (HeatMap.tsx) only draws what these return.
 */

export const LEVELS = [1, 2, 3, 4, 5] as const;
export type Level = (typeof LEVELS)[number];

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export type HeatCell = { likelihood: Level; impact: Level; count: number; severity: Severity };

function isLevel(value: number): value is Level {
  return (LEVELS as readonly number[]).includes(value);
}

/**
 * Severity by score (likelihood × impact): 1–4 low, 5–9 medium, 10–16 high, 20–25 critical.
 * The same bands as the register's score column, so a cell and its rows read alike.
 */
export function severityOf(likelihood: number, impact: number): Severity {
  const score = likelihood * impact;
  if (score >= 20) return 'critical';
  if (score >= 10) return 'high';
  if (score >= 5) return 'medium';
  return 'low';
}

/** The fill of a cell: a CSS variable defined for both themes (renderer/risks/risks.css); empty cells stay neutral. */
export function cellFill(cell: Pick<HeatCell, 'count' | 'severity'>): string {
  return cell.count === 0 ? 'var(--heat-empty)' : `var(--heat-${cell.severity})`;
}

/** Counts risks per (likelihood, impact); all 25 cells, highest likelihood first (as drawn, top to bottom). */
export function binRisks(items: readonly { likelihood: number; impact: number }[]): HeatCell[] {
  const counts = new Map<string, number>();
  for (const item of items) {
    if (!isLevel(item.likelihood) || !isLevel(item.impact)) continue;
    const key = `${item.likelihood}:${item.impact}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const cells: HeatCell[] = [];
  for (const likelihood of [...LEVELS].reverse()) {
    for (const impact of LEVELS) {
      cells.push({ likelihood, impact, count: counts.get(`${likelihood}:${impact}`) ?? 0, severity: severityOf(likelihood, impact) });
    }
  }
  return cells;
}

export type HeatLayout = {
  /** Left edge of an impact column. */
  x: (impact: Level) => number;
  /** Top edge of a likelihood row (5 at the top). */
  y: (likelihood: Level) => number;
  cellWidth: number;
  cellHeight: number;
};

/** Band scales for a plot of the given size: impact left to right, likelihood bottom to top. */
export function heatLayout(width: number, height: number, gap = 0.06): HeatLayout {
  const x = scaleBand<Level>().domain([...LEVELS]).range([0, width]).paddingInner(gap);
  const y = scaleBand<Level>().domain([...LEVELS].reverse()).range([0, height]).paddingInner(gap);
  return { x: (impact) => x(impact) ?? 0, y: (likelihood) => y(likelihood) ?? 0, cellWidth: x.bandwidth(), cellHeight: y.bandwidth() };
}

import { useMemo } from 'react';
import { diamondPath, ganttGeometry } from '../../core/proposals/gantt';
import type { ScheduledPhase } from '../../core/proposals/types';
import './gantt.css';

export type GanttLabels = {
  title: string;
  phase: string;
  start: string;
  end: string;
  weeks: string;
  milestone: string;
  /** "Discovery, 2026-03-02 to 2026-03-15, 2 weeks" for one phase in the summary. */
  describe: (phase: ScheduledPhase) => string;
};

/**
 * The proposal timeline as a Gantt chart: bars per phase, milestone diamonds, date ticks, drawn
 * from core's one Gantt geometry (the same numbers as the chart in exported documents). The
 * picture is one role="img" whose name summarises every phase; a visually hidden table holds the
 * same dates. Colours come from the theme's CSS variables (gantt.css).
 */
export function Gantt({ phases, labels }: { phases: readonly ScheduledPhase[]; labels: GanttLabels }) {
  const layout = useMemo(() => ganttGeometry(phases), [phases]);
  const summary = phases.map(labels.describe).join('; ');
  return (
    <figure className="gantt">
      <svg className="gantt-svg" viewBox={`0 0 ${layout.width} ${layout.height}`} role="img" aria-label={`${labels.title}: ${summary}`} data-testid="gantt">
        {layout.ticks.map((tick) => (
          <g key={tick.date}>
            <line className="gantt-grid" x1={tick.x} x2={tick.x} y1={layout.axisY - 4} y2={layout.height - 4} />
            <text className="gantt-tick" x={tick.x + 3} y={layout.axisY - 8}>
              {tick.label}
            </text>
          </g>
        ))}
        {layout.bars.map((bar) => (
          <g key={bar.id}>
            <text className="gantt-label" textAnchor="end" dominantBaseline="middle">
              {bar.labelLines.map((line, i) => (
                <tspan key={i} x={bar.labelX} y={bar.labelY[i]}>
                  {line}
                </tspan>
              ))}
            </text>
            <rect className="gantt-bar" x={bar.x} y={bar.y} width={bar.width} height={bar.height} rx={3} />
            {bar.milestoneAt && <path className="gantt-milestone" d={diamondPath(bar.milestoneAt)} />}
          </g>
        ))}
      </svg>
      <table className="visually-hidden">
        <caption>{labels.title}</caption>
        <thead>
          <tr>
            <th scope="col">{labels.phase}</th>
            <th scope="col">{labels.start}</th>
            <th scope="col">{labels.end}</th>
            <th scope="col">{labels.weeks}</th>
            <th scope="col">{labels.milestone}</th>
          </tr>
        </thead>
        <tbody>
          {phases.map((p) => (
            <tr key={p.id}>
              <th scope="row">{p.name}</th>
              <td>{p.start}</td>
              <td>{p.end}</td>
              <td>{p.weeks}</td>
              <td>{p.milestone ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

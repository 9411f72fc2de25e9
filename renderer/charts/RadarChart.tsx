import { useMemo } from 'react';
import type { RadarAxisInput } from '../../core/report/radar-geometry';
import { radarDrawing, radarSummary } from './radar';
import './radar.css';

/**
 * Dimension scores (0–100) as a radar. The picture is one role="img" with a summary of every score
 * as its name; a visually hidden table holds the same numbers for screen-reader table navigation.
 * Colours come from the theme's CSS variables; the caller shows an empty state when nothing is scored.
 */
export function RadarChart({
  axes,
  title,
  notScored,
  columns,
}: {
  axes: readonly RadarAxisInput[];
  title: string;
  notScored: string;
  /** Header cells of the hidden table: dimension, score. */
  columns: [string, string];
}) {
  const drawing = useMemo(() => radarDrawing(axes), [axes]);
  const g = drawing.geometry;
  return (
    <figure className="radar">
      <svg
        className="radar-svg"
        viewBox={`0 0 ${g.width} ${g.height}`}
        role="img"
        aria-label={`${title}: ${radarSummary(axes, notScored)}`}
        data-testid="radar"
      >
        {drawing.rings.map((ring) => (
          <path key={ring.level} className="radar-ring" d={ring.d} />
        ))}
        {g.axes.map((axis) => (
          <line key={axis.id} className="radar-spoke" x1={g.center.x} y1={g.center.y} x2={axis.end.x} y2={axis.end.y} />
        ))}
        <path className="radar-area" d={drawing.area} />
        {g.axes.map((axis) =>
          axis.value === null ? null : <circle key={axis.id} className="radar-dot" cx={axis.point.x} cy={axis.point.y} r={3.5} />,
        )}
        {g.axes.map((axis) => (
          <text key={axis.id} className="radar-label" x={axis.labelAt.x} y={axis.labelAt.y} textAnchor={axis.anchor}>
            <tspan x={axis.labelAt.x}>{axis.label}</tspan>
            <tspan x={axis.labelAt.x} dy={15} className={axis.value === null ? 'radar-score muted-score' : 'radar-score'}>
              {axis.value === null ? notScored : axis.value}
            </tspan>
          </text>
        ))}
      </svg>
      <table className="visually-hidden">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{columns[0]}</th>
            <th scope="col">{columns[1]}</th>
          </tr>
        </thead>
        <tbody>
          {axes.map((a) => (
            <tr key={a.id}>
              <th scope="row">{a.label}</th>
              <td>{a.value === null ? notScored : a.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

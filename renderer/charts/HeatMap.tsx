import { useMemo, type KeyboardEvent } from 'react';
import { useI18n } from '../i18n/i18n';
import { LEVELS, binRisks, cellFill, heatLayout, type Level } from './heatmap-layout';

export type HeatSelection = { likelihood: number; impact: number } | null;

const PLOT = 250;
const AXIS = 34;

/**
 * The 5×5 likelihood × impact heat map. Each cell is a button (Tab to reach it, Enter or Space to
 * filter to it, again to clear); a visually hidden table carries the same counts for screen readers.
 */
export function HeatMap({
  items,
  selected,
  onSelect,
}: {
  items: readonly { likelihood: number; impact: number }[];
  selected: HeatSelection;
  onSelect: (cell: HeatSelection) => void;
}) {
  const { t, tn } = useI18n();
  const cells = useMemo(() => binRisks(items), [items]);
  const layout = useMemo(() => heatLayout(PLOT, PLOT), []);
  const isSelected = (l: number, i: number): boolean => selected !== null && selected.likelihood === l && selected.impact === i;

  function toggle(likelihood: Level, impact: Level): void {
    onSelect(isSelected(likelihood, impact) ? null : { likelihood, impact });
  }
  function onKey(event: KeyboardEvent<SVGGElement>, likelihood: Level, impact: Level): void {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      toggle(likelihood, impact);
    }
  }

  return (
    <figure className="heatmap" aria-labelledby="heatmap-title">
      <figcaption id="heatmap-title" className="heatmap-title">
        {t('risks.heatmap.title')}
      </figcaption>
      <svg
        viewBox={`0 0 ${PLOT + AXIS} ${PLOT + AXIS}`}
        width={PLOT + AXIS}
        height={PLOT + AXIS}
        role="group"
        aria-label={t('risks.heatmap.title')}
        className="heatmap-svg"
      >
        <g transform={`translate(${AXIS},0)`}>
          {cells.map((cell) => {
            const label = tn('risks.heatmap.cell', cell.count, { likelihood: cell.likelihood, impact: cell.impact });
            const x = layout.x(cell.impact);
            const y = layout.y(cell.likelihood);
            const pressed = isSelected(cell.likelihood, cell.impact);
            return (
              <g
                key={`${cell.likelihood}-${cell.impact}`}
                role="button"
                tabIndex={0}
                aria-label={`${label} (${t(`risks.severity.${cell.severity}`)})`}
                aria-pressed={pressed}
                className={pressed ? 'heat-cell selected' : 'heat-cell'}
                onClick={() => toggle(cell.likelihood, cell.impact)}
                onKeyDown={(e) => onKey(e, cell.likelihood, cell.impact)}
              >
                <rect x={x} y={y} width={layout.cellWidth} height={layout.cellHeight} rx={3} style={{ fill: cellFill(cell) }} />
                {cell.count > 0 && (
                  <text x={x + layout.cellWidth / 2} y={y + layout.cellHeight / 2} dominantBaseline="central" textAnchor="middle" aria-hidden="true">
                    {cell.count}
                  </text>
                )}
              </g>
            );
          })}
          {LEVELS.map((level) => (
            <text key={`i${level}`} className="heat-tick" x={layout.x(level) + layout.cellWidth / 2} y={PLOT + 14} textAnchor="middle" aria-hidden="true">
              {level}
            </text>
          ))}
          {LEVELS.map((level) => (
            <text key={`l${level}`} className="heat-tick" x={-8} y={layout.y(level) + layout.cellHeight / 2} dominantBaseline="central" textAnchor="end" aria-hidden="true">
              {level}
            </text>
          ))}
        </g>
        <text className="heat-axis" x={AXIS + PLOT / 2} y={PLOT + AXIS - 4} textAnchor="middle" aria-hidden="true">
          {t('risks.heatmap.impact')} →
        </text>
        <text className="heat-axis" transform={`translate(10,${PLOT / 2}) rotate(-90)`} textAnchor="middle" aria-hidden="true">
          {t('risks.heatmap.likelihood')} →
        </text>
      </svg>
      <p className="heatmap-hint muted">{t('risks.heatmap.hint')}</p>
      <table className="visually-hidden">
        <caption>{t('risks.heatmap.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('risks.heatmap.likelihood')}</th>
            {LEVELS.map((impact) => (
              <th key={impact} scope="col">
                {t('risks.heatmap.impact')} {impact}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...LEVELS].reverse().map((likelihood) => (
            <tr key={likelihood}>
              <th scope="row">{likelihood}</th>
              {LEVELS.map((impact) => (
                <td key={impact}>{cells.find((c) => c.likelihood === likelihood && c.impact === impact)?.count ?? 0}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

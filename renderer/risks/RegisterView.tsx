import { useState } from 'react';
import type { RiskItem } from '../../core/risks/types';
import { HeatMap, type HeatSelection } from '../charts/HeatMap';
import { useI18n } from '../i18n/i18n';
import type { EngagementOption } from './EngagementOptions';
import { RiskDialog } from './RiskDialog';
import { RiskTable } from './RiskTable';

/**
 * The heat map beside the table of the given risks. A chosen cell narrows the table to that
 * likelihood × impact; the map keeps counting every risk it was given.
 */
export function RegisterView({
  items,
  engagements,
  cell,
  onCell,
  compact = false,
  emptyText,
}: {
  items: readonly RiskItem[];
  engagements: readonly EngagementOption[];
  cell: HeatSelection;
  onCell: (cell: HeatSelection) => void;
  compact?: boolean;
  emptyText: string;
}) {
  const { t, tn } = useI18n();
  const [editing, setEditing] = useState<RiskItem | null>(null);
  const shown = cell ? items.filter((r) => r.likelihood === cell.likelihood && r.impact === cell.impact) : items;

  return (
    <div className="register-frame">
      <div className={compact ? 'register compact' : 'register'}>
        <HeatMap items={items} selected={cell} onSelect={onCell} />
        <div className="register-list">
          <div className="results-bar">
            <p className="result-count" role="status">
              {tn('risks.count', shown.length)}
            </p>
            {cell && (
              <p className="cell-filter">
                <span className="chip">{t('risks.filter.cell', { likelihood: cell.likelihood, impact: cell.impact })}</span>{' '}
                <button type="button" className="link-button" onClick={() => onCell(null)}>
                  {t('risks.filter.clearCell')}
                </button>
              </p>
            )}
          </div>
          {shown.length === 0 ? <p className="empty-results">{emptyText}</p> : <RiskTable items={shown} compact={compact} onEdit={setEditing} />}
        </div>
        {editing && <RiskDialog item={editing} engagements={engagements} onClose={() => setEditing(null)} />}
      </div>
    </div>
  );
}

import { useState } from 'react';
import { RISK_STATUSES, type RiskItem, type RiskStatus } from '../../core/risks/types';
import { mutate } from '../data/query-client';
import { useI18n } from '../i18n/i18n';
import type { CallArgs } from '../../core/api/contract';
import { severityOf } from '../charts/heatmap-layout';
import { defaultDirection, sortRisks, type RiskSort, type SortDirection } from './sort';
import { ArticleLinks } from './ArticleLinks';

function isStatus(value: string): value is RiskStatus {
  return (RISK_STATUSES as readonly string[]).includes(value);
}

/**
 * The register as a sortable table (score, due date, status) with status, owner and due date
 * editable in place; everything else through the edit dialog. Saves go straight to the backend.
 */
export function RiskTable({
  items,
  compact = false,
  onEdit,
}: {
  items: readonly RiskItem[];
  compact?: boolean;
  onEdit: (item: RiskItem) => void;
}) {
  const { t, apiText } = useI18n();
  const [sort, setSort] = useState<{ key: RiskSort; direction: SortDirection }>({ key: 'score', direction: 'desc' });
  const [error, setError] = useState<string | null>(null);
  const sorted = sortRisks(items, sort.key, sort.direction);

  async function save(args: CallArgs<'risks.update'>): Promise<void> {
    const result = await mutate('risks.update', args);
    if (result.ok) setError(null);
    else setError(t('risks.saveFailed', { message: apiText(result.error) }));
  }

  function header(key: RiskSort, label: string) {
    const active = sort.key === key;
    const next: SortDirection = active ? (sort.direction === 'asc' ? 'desc' : 'asc') : defaultDirection(key);
    return (
      <th scope="col" aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
        <button type="button" className="sort-header" onClick={() => setSort({ key, direction: next })} aria-label={t('risks.sortBy', { column: label })}>
          {label}
          <span aria-hidden="true">{active ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}</span>
        </button>
      </th>
    );
  }

  return (
    <>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <div className="risk-table-wrap">
        <table className={compact ? 'risk-table compact' : 'risk-table'}>
          <thead>
            <tr>
              {header('score', t('risks.col.score'))}
              <th scope="col">{t('risks.col.risk')}</th>
              {!compact && <th scope="col">{t('risks.col.engagement')}</th>}
              <th scope="col">{t('risks.col.category')}</th>
              {header('status', t('risks.col.status'))}
              <th scope="col">{t('risks.col.owner')}</th>
              {header('due', t('risks.col.due'))}
              {!compact && <th scope="col">{t('risks.col.mitigation')}</th>}
              <th scope="col">
                <span className="visually-hidden">{t('risks.col.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((item) => (
              <RiskRow key={item.id} item={item} compact={compact} onSave={save} onEdit={onEdit} />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function RiskRow({
  item,
  compact,
  onSave,
  onEdit,
}: {
  item: RiskItem;
  compact: boolean;
  onSave: (args: CallArgs<'risks.update'>) => Promise<void>;
  onEdit: (item: RiskItem) => void;
}) {
  const { t } = useI18n();
  const [owner, setOwner] = useState(item.owner);
  const [seenOwner, setSeenOwner] = useState(item.owner);
  // The stored owner changed (a save, another view): show it unless the user is typing a new one.
  if (item.owner !== seenOwner) {
    setSeenOwner(item.owner);
    setOwner(item.owner);
  }
  const severity = severityOf(item.likelihood, item.impact);

  function commitOwner(): void {
    if (owner.trim() !== item.owner) void onSave({ id: item.id, owner });
  }

  return (
    <tr className={item.overdue ? 'overdue' : undefined} data-risk-id={item.id}>
      <td>
        <span className={`score-badge sev-${severity}`} title={t('risks.scoreOf', { likelihood: item.likelihood, impact: item.impact, score: item.score })}>
          {item.score}
        </span>
        <span className="visually-hidden">{t('risks.scoreOf', { likelihood: item.likelihood, impact: item.impact, score: item.score })}</span>
      </td>
      <td className="risk-title-cell">
        <span className="risk-title" lang={item.lang === 'zh' ? 'zh-CN' : item.lang === 'en' ? 'en' : undefined}>
          {item.title}
        </span>
        {item.overdue && <span className="badge overdue-badge">{t('risks.overdue')}</span>}
        {compact && item.articleRefs.length > 0 && <ArticleLinks refs={item.articleRefs} />}
      </td>
      {!compact && (
        <td>
          {item.engagementTitle}
          <span className="muted risk-customer">{item.customerName}</span>
        </td>
      )}
      <td>{t(`risks.category.${item.category}`)}</td>
      <td>
        <select
          aria-label={t('risks.statusOf', { title: item.title })}
          value={item.status}
          onChange={(e) => isStatus(e.target.value) && void onSave({ id: item.id, status: e.target.value })}
        >
          {RISK_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`risks.status.${s}`)}
            </option>
          ))}
        </select>
      </td>
      <td>
        <input
          type="text"
          className="owner-input"
          aria-label={t('risks.ownerOf', { title: item.title })}
          value={owner}
          maxLength={200}
          onChange={(e) => setOwner(e.target.value)}
          onBlur={commitOwner}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commitOwner();
            if (e.key === 'Escape') setOwner(item.owner);
          }}
        />
      </td>
      <td>
        <input
          type="date"
          aria-label={t('risks.dueOf', { title: item.title })}
          value={item.dueDate ?? ''}
          onChange={(e) => {
            const value = e.target.value;
            // An incomplete date typed by hand reads as '' in date inputs: only a cleared field clears.
            if (value === '' || /^\d{4}-\d{2}-\d{2}$/.test(value)) void onSave({ id: item.id, dueDate: value === '' ? null : value });
          }}
        />
      </td>
      {!compact && (
        <td className="risk-mitigation-cell">
          {item.mitigation && <p className="risk-mitigation">{item.mitigation}</p>}
          <ArticleLinks refs={item.articleRefs} />
        </td>
      )}
      <td className="risk-edit-cell">
        <button type="button" onClick={() => onEdit(item)} aria-label={t('risks.editNamed', { title: item.title })}>
          {t('risks.edit')}
        </button>
      </td>
    </tr>
  );
}

import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { RISK_CATEGORIES, RISK_STATUSES, type RiskCategory, type RiskStatus } from '../../core/risks/types';
import { PageHeading } from '../app/PageHeading';
import { ErrorView, Loading } from '../app/StateViews';
import type { HeatSelection } from '../charts/HeatMap';
import { useQuery } from '../data/use-query';
import { setSearchParam } from '../lib/search-params';
import { useI18n } from '../i18n/i18n';
import { EngagementOptions } from './EngagementOptions';
import { AddFromChecklistDialog } from './AddFromChecklistDialog';
import { RegisterView } from './RegisterView';
import { RiskDialog } from './RiskDialog';
import './risks.css';

const QUERY_DEBOUNCE_MS = 200;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.find((v) => v === value);
}

/** Reads "l-i" (e.g. "4-3") from the URL; anything else means no cell. */
function parseCell(value: string | null): HeatSelection {
  const match = /^([1-5])-([1-5])$/.exec(value ?? '');
  return match ? { likelihood: Number(match[1]), impact: Number(match[2]) } : null;
}

/**
 * The risk register across engagements: filters, the All / Overdue views, heat map and table.
 * Filters live in the URL so a view can be bookmarked and Back works.
 */
export function RisksPage() {
  const { t, tn } = useI18n();
  const [params, setParams] = useSearchParams();
  const engagementId = params.get('engagement') ?? '';
  const status = oneOf<RiskStatus>(RISK_STATUSES, params.get('status'));
  const category = oneOf<RiskCategory>(RISK_CATEGORIES, params.get('category'));
  const owner = params.get('owner') ?? '';
  const query = params.get('q') ?? '';
  const overdueView = params.get('view') === 'overdue';
  const cell = parseCell(params.get('cell'));

  function setParam(name: string, value: string | null): void {
    setSearchParam(setParams, name, value);
  }

  // Text fields update the URL (and so the list) after a short pause.
  const [ownerDraft, setOwnerDraft] = useState(owner);
  const [queryDraft, setQueryDraft] = useState(query);
  useEffect(() => {
    if (ownerDraft === owner && queryDraft === query) return;
    const timer = setTimeout(() => {
      setParams(
        (p) => {
          const next = new URLSearchParams(p);
          for (const [name, value] of [['owner', ownerDraft], ['q', queryDraft]] as const) {
            if (value.trim() === '') next.delete(name);
            else next.set(name, value);
          }
          return next;
        },
        { replace: true },
      );
    }, QUERY_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [ownerDraft, queryDraft, owner, query, setParams]);

  const engagements = useQuery('engagements.list', {});
  const risks = useQuery('risks.list', {
    ...(engagementId !== '' && { engagementId }),
    ...(status && { status }),
    ...(category && { category }),
    ...(owner.trim() !== '' && { owner }),
    ...(query.trim() !== '' && { query }),
  });
  const [dialog, setDialog] = useState<'new' | 'checklist' | null>(null);

  const all = risks.data ?? [];
  const overdue = all.filter((r) => r.overdue);
  const shown = overdueView ? overdue : all;
  // The view buttons count what they would list: within the chosen heat-map cell, if any, so a badge never promises rows the list does not have.
  const inCell = (items: readonly (typeof all)[number][]) => (cell ? items.filter((r) => r.likelihood === cell.likelihood && r.impact === cell.impact) : items);
  const engagementOptions = engagements.data ?? [];
  const filtered = engagementId !== '' || status !== undefined || category !== undefined || owner !== '' || query !== '';

  let emptyText = t('risks.empty');
  if (overdueView) emptyText = cell ? t('risks.noOverdueInCell', { likelihood: cell.likelihood, impact: cell.impact }) : t('risks.noOverdue');
  else if (filtered || cell) emptyText = t('risks.noMatches');

  return (
    <section className="page risks-page" aria-labelledby="page-title">
      <header className="page-header risks-header">
        <PageHeading title={t('risks.title')}>{t('risks.title')}</PageHeading>
        <div className="risks-actions">
          <button type="button" onClick={() => setDialog('checklist')} disabled={engagementOptions.length === 0}>
            {t('risks.addFromChecklist')}
          </button>
          <button type="button" className="primary-button" onClick={() => setDialog('new')} disabled={engagementOptions.length === 0}>
            {t('risks.new')}
          </button>
        </div>
      </header>
      {engagements.status === 'ready' && engagementOptions.length === 0 && <p className="notice">{t('risks.needEngagement')}</p>}
      {engagements.status === 'error' && <ErrorView message={engagements.error} onRetry={engagements.reload} />}

      <form className="risk-filters" aria-label={t('risks.filters')} onSubmit={(e) => e.preventDefault()}>
        <label className="field">
          <span>{t('risks.filter.engagement')}</span>
          <select value={engagementId} onChange={(e) => setParam('engagement', e.target.value)}>
            <option value="">{t('risks.filter.allEngagements')}</option>
            <EngagementOptions engagements={engagementOptions} />
          </select>
        </label>
        <label className="field">
          <span>{t('risks.filter.status')}</span>
          <select value={status ?? ''} onChange={(e) => setParam('status', e.target.value)}>
            <option value="">{t('risks.filter.allStatuses')}</option>
            {RISK_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`risks.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('risks.filter.category')}</span>
          <select value={category ?? ''} onChange={(e) => setParam('category', e.target.value)}>
            <option value="">{t('risks.filter.allCategories')}</option>
            {RISK_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`risks.category.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('risks.filter.owner')}</span>
          <input type="search" value={ownerDraft} maxLength={200} onChange={(e) => setOwnerDraft(e.target.value)} />
        </label>
        <label className="field grow">
          <span>{t('risks.filter.query')}</span>
          <input type="search" value={queryDraft} maxLength={200} placeholder={t('risks.filter.queryPlaceholder')} onChange={(e) => setQueryDraft(e.target.value)} />
        </label>
        {filtered && (
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setOwnerDraft('');
              setQueryDraft('');
              setParams(overdueView ? { view: 'overdue' } : {}, { replace: true });
            }}
          >
            {t('risks.filter.clear')}
          </button>
        )}
      </form>

      <div className="risk-views" role="group" aria-label={t('risks.views')}>
        <button type="button" aria-pressed={!overdueView} onClick={() => setParam('view', null)}>
          {t('risks.view.all')} <span className="badge">{inCell(all).length}</span>
        </button>
        <button type="button" aria-pressed={overdueView} onClick={() => setParam('view', 'overdue')}>
          {t('risks.view.overdue')} <span className={inCell(overdue).length > 0 ? 'badge overdue-badge' : 'badge'}>{inCell(overdue).length}</span>
        </button>
        <span className="visually-hidden" role="status">
          {overdueView ? tn('risks.count', inCell(overdue).length) : ''}
        </span>
      </div>

      {risks.status === 'error' ? (
        <ErrorView message={risks.error} onRetry={risks.reload} />
      ) : risks.data === null ? (
        <Loading />
      ) : (
        <RegisterView
          items={shown}
          engagements={engagementOptions}
          cell={cell}
          onCell={(c) => setParam('cell', c ? `${c.likelihood}-${c.impact}` : null)}
          emptyText={emptyText}
         
        />
      )}

      {dialog === 'new' && <RiskDialog item={null} engagements={engagementOptions} onClose={() => setDialog(null)} />}
      {dialog === 'checklist' && <AddFromChecklistDialog engagements={engagementOptions} onClose={() => setDialog(null)} />}
    </section>
  );
}

import { useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ENGAGEMENT_STAGES, type EngagementStage, type EngagementSummary } from '../../core/engagements/types';
import { useI18n } from '../i18n/i18n';
import { useQuery } from '../data/use-query';
import { focusFirstItem, onListKeyDown } from '../lib/list-focus';
import { useScenarios } from '../data/catalog';
import { PageHeading } from '../app/PageHeading';
import { EmptyState } from '../app/StateViews';
import { setSearchParam } from '../lib/search-params';
import { SortHeader } from './SortHeader';
import { FilterText, ListResults } from './ListResults';
import { stageLabel, shortDate } from './labels';
import { ENGAGEMENT_SORT_KEYS, nextSort, parseSort, sortEngagements, sortParam, type EngagementSortKey, type Sort } from './sort';
import './engagements.css';

/** What arrow keys move between in the table. */
const ROW_LINK = 'a.engagement-link';
const DEFAULT_SORT: Sort<EngagementSortKey> = { key: 'updated', dir: 'desc' };
const DESC_FIRST: readonly EngagementSortKey[] = ['updated', 'start', 'end'];

function isStage(value: string): value is EngagementStage {
  return (ENGAGEMENT_STAGES as readonly string[]).includes(value);
}

/**
 * `#/engagements`: every engagement in a dense table, filtered by text, stage and customer and
 * sorted by any column. The filters live in the URL so Back returns to the same view.
 */
export function EngagementsPage() {
  const { t, tn, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const stageParam = params.get('stage') ?? '';
  const stage = isStage(stageParam) ? stageParam : null;
  const customerId = params.get('customer') ?? '';
  const sort = parseSort(params.get('sort'), ENGAGEMENT_SORT_KEYS, DEFAULT_SORT);
  // The box shows what is typed; the URL follows (replace: typing does not fill the history).
  const [query, setQuery] = useState(params.get('q') ?? '');
  const tableRef = useRef<HTMLTableSectionElement>(null);

  const list = useQuery('engagements.list', { ...(stage && { stage }), ...(customerId && { customerId }), ...(query.trim() && { query: query.trim() }) });
  const all = useQuery('engagements.list', {});
  const customers = useQuery('customers.list', {});

  function setParam(name: string, value: string): void {
    setSearchParam(setParams, name, value);
  }

  const filtered = stage !== null || customerId !== '' || query.trim() !== '';
  const rows = list.data ? sortEngagements(list.data, sort, lang, ENGAGEMENT_STAGES) : null;
  const nothingYet = all.status === 'ready' && all.data.length === 0;

  function onFilterKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'ArrowDown' && focusFirstItem(tableRef.current, ROW_LINK)) event.preventDefault();
  }

  return (
    <section className="page engagements-page" aria-labelledby="page-title">
      <header className="page-header page-header-actions">
        <PageHeading title={t('engagements.title')}>{t('engagements.title')}</PageHeading>
        <nav className="header-links" aria-label={t('engagements.title')}>
          <Link to="/customers">{t('engagements.customersLink')}</Link>
          <Link to="/engagements/new" className="button-link primary-button">
            + {t('engagements.new')}
          </Link>
        </nav>
      </header>

      {nothingYet ? (
        <EmptyState title={t('engagements.emptyTitle')}>
          <p>{t('engagements.emptyBody')}</p>
        </EmptyState>
      ) : (
        <>
          <form role="search" className="filter-bar" aria-label={t('engagements.filters')} onSubmit={(e) => e.preventDefault()}>
            <FilterText
              label={t('engagements.filterText')}
              placeholder={t('engagements.filterPlaceholder')}
              value={query}
              onChange={(value) => {
                setQuery(value);
                setParam('q', value);
              }}
              onKeyDown={onFilterKeyDown}
            />
            <label className="filter-field">
              <span className="field-label">{t('engagements.filterStage')}</span>
              <select value={stage ?? ''} onChange={(e) => setParam('stage', e.target.value)}>
                <option value="">{t('engagements.allStages')}</option>
                {ENGAGEMENT_STAGES.map((s) => (
                  <option key={s} value={s}>
                    {stageLabel(s, t)}
                  </option>
                ))}
              </select>
            </label>
            <label className="filter-field">
              <span className="field-label">{t('engagements.filterCustomer')}</span>
              <select value={customerId} onChange={(e) => setParam('customer', e.target.value)}>
                <option value="">{t('engagements.allCustomers')}</option>
                {(customers.data ?? []).map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
            {filtered && (
              <button
                type="button"
                onClick={() => {
                  setQuery('');
                  setParams(new URLSearchParams(params.get('sort') ? { sort: params.get('sort') ?? '' } : {}), { replace: true });
                }}
              >
                {t('engagements.clearFilters')}
              </button>
            )}
          </form>

          <ListResults list={list} rows={rows} count={(n) => tn('engagements.count', n)} hint={t('engagements.listHint')} noMatches={t('engagements.noMatches')}>
            {(matches) => (
              <EngagementTable rows={matches} sort={sort} onSort={(key) => setParam('sort', sortParam(nextSort(sort, key, DESC_FIRST)))} busy={list.status === 'loading'} bodyRef={tableRef} />
            )}
          </ListResults>
        </>
      )}
    </section>
  );
}

function EngagementTable({
  rows,
  sort,
  onSort,
  busy,
  bodyRef,
}: {
  rows: EngagementSummary[];
  sort: Sort<EngagementSortKey>;
  onSort: (key: EngagementSortKey) => void;
  busy: boolean;
  bodyRef: RefObject<HTMLTableSectionElement | null>;
}) {
  const { t, text } = useI18n();
  const scenarios = useScenarios();
  const scenarioName = (id: string): string => {
    const s = scenarios.find((x) => x.id === id);
    return s ? text(s.name) : id;
  };
  return (
    <div className="table-scroll">
      <table className="data-table" aria-label={t('engagements.listLabel')} aria-busy={busy}>
        <thead>
          <tr>
            <SortHeader column="title" label={t('engagements.col.title')} sort={sort} onSort={onSort} />
            <SortHeader column="customer" label={t('engagements.col.customer')} sort={sort} onSort={onSort} />
            <SortHeader column="stage" label={t('engagements.col.stage')} sort={sort} onSort={onSort} />
            <th scope="col">{t('engagements.col.scenarios')}</th>
            <SortHeader column="start" label={t('engagements.col.start')} sort={sort} onSort={onSort} />
            <SortHeader column="end" label={t('engagements.col.end')} sort={sort} onSort={onSort} />
            <SortHeader column="updated" label={t('engagements.col.updated')} sort={sort} onSort={onSort} />
          </tr>
        </thead>
        <tbody ref={bodyRef} onKeyDown={(e) => onListKeyDown(e, ROW_LINK)}>
          {rows.map((e) => (
            <tr key={e.id}>
              <td className="cell-main">
                <Link to={`/engagements/${e.id}`} className="engagement-link">
                  {e.title}
                </Link>
              </td>
              <td>{e.customerName}</td>
              <td>
                <span className={`stage-badge stage-${e.stage}`}>{stageLabel(e.stage, t)}</span>
              </td>
              <td className="cell-scenarios">{e.scenarios.map(scenarioName).join(', ')}</td>
              <td className="cell-date">{e.startDate ?? t('engagements.noDate')}</td>
              <td className="cell-date">{e.endDate ?? t('engagements.noDate')}</td>
              <td className="cell-date">{shortDate(e.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

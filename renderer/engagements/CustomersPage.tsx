import { useRef, useState, type KeyboardEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useI18n } from '../i18n/i18n';
import { useCall } from '../lib/use-call';
import { focusFirstItem, onListKeyDown } from '../lib/list-focus';
import { PageHeading } from '../app/PageHeading';
import { EmptyState, ErrorView, Loading } from '../app/StateViews';
import { SortHeader } from './SortHeader';
import { kindLabel, shortDate } from './labels';
import { CUSTOMER_SORT_KEYS, nextSort, parseSort, sortCustomers, sortParam, type CustomerSortKey, type Sort } from './sort';
import './engagements.css';

const ROW_LINK = 'a.customer-link';
const DEFAULT_SORT: Sort<CustomerSortKey> = { key: 'name', dir: 'asc' };
const DESC_FIRST: readonly CustomerSortKey[] = ['engagements', 'updated'];

/** `#/customers`: every customer with its engagement count, filtered by name, industry or region. */
export function CustomersPage() {
  const { t, tn, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const sort = parseSort(params.get('sort'), CUSTOMER_SORT_KEYS, DEFAULT_SORT);
  const [query, setQuery] = useState(params.get('q') ?? '');
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const list = useCall('customers.list', query.trim() ? { query: query.trim() } : {});
  const all = useCall('customers.list', {});
  const rows = list.data ? sortCustomers(list.data, sort, lang) : null;

  function setParam(name: string, value: string): void {
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value === '') next.delete(name);
        else next.set(name, value);
        return next;
      },
      { replace: true },
    );
  }
  function onSort(key: CustomerSortKey): void {
    setParam('sort', sortParam(nextSort(sort, key, DESC_FIRST)));
  }
  function onFilterKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'ArrowDown' && focusFirstItem(bodyRef.current, ROW_LINK)) event.preventDefault();
  }

  return (
    <section className="page customers-page" aria-labelledby="page-title">
      <Link to="/engagements" className="back-link">
        ← {t('engagements.back')}
      </Link>
      <header className="page-header page-header-actions">
        <PageHeading title={t('engagements.customers.title')}>{t('engagements.customers.title')}</PageHeading>
        <div className="header-links">
          <Link to="/customers/new" className="button-link primary-button">
            + {t('engagements.customers.new')}
          </Link>
        </div>
      </header>

      {all.status === 'ready' && all.data.length === 0 ? (
        <EmptyState title={t('engagements.customers.emptyTitle')}>
          <p>{t('engagements.customers.emptyBody')}</p>
        </EmptyState>
      ) : (
        <>
          <form role="search" className="filter-bar" onSubmit={(e) => e.preventDefault()}>
            <label className="filter-field grow">
              <span className="field-label">{t('engagements.customers.filter')}</span>
              <input
                type="search"
                value={query}
                placeholder={t('engagements.customers.filterPlaceholder')}
                autoComplete="off"
                spellCheck={false}
                maxLength={200}
                onChange={(e) => {
                  setQuery(e.target.value);
                  setParam('q', e.target.value);
                }}
                onKeyDown={onFilterKeyDown}
              />
            </label>
          </form>
          <div className="results-bar">
            <p className="result-count" role="status">
              {rows && list.status !== 'error' ? tn('engagements.customers.count', rows.length) : ''}
            </p>
            <span className="muted list-hint">{t('engagements.customers.listHint')}</span>
          </div>
          {list.status === 'error' ? (
            <ErrorView message={list.error.message} onRetry={list.reload} />
          ) : rows === null ? (
            <Loading />
          ) : rows.length === 0 ? (
            <p className="empty-results">{t('engagements.customers.noMatches')}</p>
          ) : (
            <div className="table-scroll">
              <table className="data-table" aria-label={t('engagements.customers.title')} aria-busy={list.status === 'loading'}>
                <thead>
                  <tr>
                    <SortHeader column="name" label={t('engagements.customers.col.name')} sort={sort} onSort={onSort} />
                    <SortHeader column="kind" label={t('engagements.customers.col.kind')} sort={sort} onSort={onSort} />
                    <SortHeader column="industry" label={t('engagements.customers.col.industry')} sort={sort} onSort={onSort} />
                    <SortHeader column="region" label={t('engagements.customers.col.region')} sort={sort} onSort={onSort} />
                    <SortHeader column="engagements" label={t('engagements.customers.col.engagements')} sort={sort} onSort={onSort} />
                    <SortHeader column="updated" label={t('engagements.col.updated')} sort={sort} onSort={onSort} />
                  </tr>
                </thead>
                <tbody ref={bodyRef} onKeyDown={(e) => onListKeyDown(e, ROW_LINK)}>
                  {rows.map((c) => (
                    <tr key={c.id}>
                      <td className="cell-main">
                        <Link to={`/customers/${c.id}`} className="customer-link">
                          {c.name}
                        </Link>
                      </td>
                      <td>{kindLabel(c.kind, t)}</td>
                      <td>{c.industry}</td>
                      <td>{c.region}</td>
                      <td className="cell-number">{c.engagementCount}</td>
                      <td className="cell-date">{shortDate(c.updatedAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}

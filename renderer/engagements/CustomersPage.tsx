import { useRef, useState, type KeyboardEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useI18n } from '../i18n/i18n';
import { useQuery } from '../data/use-query';
import { focusFirstItem, onListKeyDown } from '../lib/list-focus';
import { PageHeading } from '../app/PageHeading';
import { EmptyState } from '../app/StateViews';
import { setSearchParam } from '../lib/search-params';
import { SortHeader } from './SortHeader';
import { FilterText, ListResults } from './ListResults';
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
  const list = useQuery('customers.list', query.trim() ? { query: query.trim() } : {});
  const all = useQuery('customers.list', {});
  const rows = list.data ? sortCustomers(list.data, sort, lang) : null;

  function setParam(name: string, value: string): void {
    setSearchParam(setParams, name, value);
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
            <FilterText
              label={t('engagements.customers.filter')}
              placeholder={t('engagements.customers.filterPlaceholder')}
              value={query}
              onChange={(value) => {
                setQuery(value);
                setParam('q', value);
              }}
              onKeyDown={onFilterKeyDown}
            />
          </form>
          <ListResults list={list} rows={rows} count={(n) => tn('engagements.customers.count', n)} hint={t('engagements.customers.listHint')} noMatches={t('engagements.customers.noMatches')}>
            {(matches) => (
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
                    {matches.map((c) => (
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
          </ListResults>
        </>
      )}
    </section>
  );
}

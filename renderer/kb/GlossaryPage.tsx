import { useState } from 'react';
import { Link } from 'react-router';
import { PageHeading } from '../app/PageHeading';
import { EmptyState, ErrorView, Loading } from '../app/StateViews';
import { useQuery } from '../data/use-query';
import { useI18n } from '../i18n/i18n';
import { kbViewToParams, parseKbView } from './url-state';
import { SearchForm } from '../ui/SearchForm';
import './kb.css';

/** A knowledge-base search for a term's main name. */
function searchLink(name: string): string {
  return `/kb?${kbViewToParams({ ...parseKbView(new URLSearchParams()), query: name }).toString()}`;
}

/**
 * The domain glossary: every term with its English and Chinese names and abbreviations, filtered
 * as the user types. Search expands queries through these terms; each links to a search for it.
 */
export function GlossaryPage() {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const terms = useQuery('glossary.list', query.trim() === '' ? {} : { query: query.trim().slice(0, 200) });
  return (
    <section className="page glossary-page" aria-labelledby="page-title">
      <header className="page-header">
        <p className="eyebrow">
          <Link to="/kb">{t('kb.title')}</Link>
        </p>
        <PageHeading title={t('glossary.title')}>{t('glossary.title')}</PageHeading>
        <p className="muted">{t('glossary.intro')}</p>
      </header>
      <SearchForm id="glossary-filter" label={t('glossary.filterLabel')} placeholder={t('glossary.filterPlaceholder')} value={query} onChange={setQuery} />
      {terms.status === 'error' ? (
        <ErrorView message={terms.error} onRetry={terms.reload} />
      ) : terms.data === null ? (
        <Loading />
      ) : terms.data.length === 0 ? (
        query.trim() === '' ? <EmptyState title={t('glossary.empty')} /> : <p className="empty-results">{t('glossary.noMatch')}</p>
      ) : (
        <>
          <p className="result-count" role="status">
            {t('glossary.count', { count: terms.data.length })}
          </p>
          <table className="glossary-table">
            <thead>
              <tr>
                <th scope="col">{t('glossary.english')}</th>
                <th scope="col">{t('glossary.chinese')}</th>
                <th scope="col">{t('glossary.abbreviations')}</th>
              </tr>
            </thead>
            <tbody>
              {terms.data.map((term) => (
                <tr key={term.id}>
                  <th scope="row">
                    <Link to={searchLink(term.en[0] ?? term.id)} title={t('glossary.searchFor', { term: term.en[0] ?? term.id })}>
                      {term.en[0]}
                    </Link>
                    {term.en.length > 1 && <span className="muted glossary-more">{term.en.slice(1).join(', ')}</span>}
                  </th>
                  <td lang="zh-CN">
                    <span className="glossary-main">{term.zh[0]}</span>
                    {term.zh.length > 1 && <span className="muted glossary-more">{term.zh.slice(1).join('、')}</span>}
                  </td>
                  <td>{term.abbr.join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

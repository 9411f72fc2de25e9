import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { KB_ARTICLE_TYPES, type KbArticleType } from '../../core/kb/types';
import { pick } from '../../core/i18n';
import { useI18n } from '../i18n/i18n';
import { useCatalog } from '../state/catalog';
import { useCall } from '../lib/use-call';
import { onEvent } from '../lib/api';
import { ErrorView, Loading } from '../app/StateViews';
import { ArticleMeta } from './ArticleMeta';
import { Snippet } from './Snippet';
import { kbViewToParams, parseKbView, toggleTag, type KbView } from './url-state';
import { typeLabel } from './labels';

const SEARCH_DEBOUNCE_MS = 150;

export function KbPage() {
  const { t, lang, text } = useI18n();
  const [params, setParams] = useSearchParams();
  const view = parseKbView(params);
  const scenarios = useCatalog((s) => s.scenarios);
  const [draft, setDraft] = useState(view.query);
  const inputRef = useRef<HTMLInputElement>(null);

  const setView = (next: Partial<KbView>, replace = false): void => setParams(kbViewToParams({ ...view, ...next }), { replace });

  // Typing updates the URL after a short pause; Back then steps through searches, not keystrokes.
  useEffect(() => setDraft(view.query), [view.query]);
  useEffect(() => {
    if (draft === view.query) return;
    const timer = setTimeout(() => setView({ query: draft }, true), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  });

  const filters = { scenario: view.scenario ?? undefined, type: view.type ?? undefined, tags: view.tags.length ? view.tags : undefined };
  const searching = view.query.trim() !== '';
  const facets = useCall('kb.facets', {});
  const search = useCall('kb.search', searching ? { query: view.query, ...filters, lang, limit: 50 } : null);
  const list = useCall('kb.list', searching ? null : { ...filters, sort: view.sort, lang });
  useEffect(() => onEvent('kb.changed', () => (facets.reload(), search.reload(), list.reload())));

  const scenario = scenarios.find((s) => s.id === view.scenario);
  const hasFilters = view.scenario !== null || view.type !== null || view.tags.length > 0;

  return (
    <section className="page kb-page" aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title" tabIndex={-1}>
          {scenario ? text(scenario.name) : t('kb.title')}
        </h1>
        <form role="search" onSubmit={(e) => (e.preventDefault(), setView({ query: draft }))}>
          <label className="visually-hidden" htmlFor="kb-search">
            {t('kb.searchLabel')}
          </label>
          <input
            id="kb-search"
            ref={inputRef}
            type="search"
            className="search-input"
            value={draft}
            maxLength={2000}
            placeholder={t('kb.searchPlaceholder')}
            onChange={(e) => setDraft(e.target.value)}
            autoComplete="off"
          />
        </form>
      </header>

      {scenario && (
        <div className="scenario-summary">
          <p>{text(scenario.summary)}</p>
          <p className="muted">
            {t('kb.typicalKpis')}: {scenario.typicalKpis.map((k) => pick(k, lang)).join(' · ')}
          </p>
        </div>
      )}

      <div className="kb-layout">
        <aside className="facets" aria-label={t('kb.filters')}>
          <label>
            {t('kb.scenario')}
            <select value={view.scenario ?? ''} onChange={(e) => setView({ scenario: e.target.value || null })}>
              <option value="">{t('kb.allScenarios')}</option>
              {scenarios.map((s) => (
                <option key={s.id} value={s.id}>
                  {text(s.name)} ({s.articleCount})
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('kb.type')}
            <select value={view.type ?? ''} onChange={(e) => setView({ type: (e.target.value || null) as KbArticleType | null })}>
              <option value="">{t('kb.allTypes')}</option>
              {KB_ARTICLE_TYPES.map((type) => (
                <option key={type} value={type}>
                  {typeLabel(t, type)} ({facets.data?.types.find((f) => f.type === type)?.count ?? 0})
                </option>
              ))}
            </select>
          </label>
          {!searching && (
            <label>
              {t('kb.sort')}
              <select value={view.sort} onChange={(e) => setView({ sort: e.target.value as KbView['sort'] })}>
                <option value="title">{t('kb.sort.title')}</option>
                <option value="updated">{t('kb.sort.updated')}</option>
                <option value="review">{t('kb.sort.review')}</option>
              </select>
            </label>
          )}
          <fieldset className="tag-facet">
            <legend>{t('kb.tags')}</legend>
            {(facets.data?.tags ?? []).slice(0, 40).map((f) => (
              <button
                type="button"
                key={f.tag}
                className={view.tags.includes(f.tag) ? 'tag-toggle on' : 'tag-toggle'}
                aria-pressed={view.tags.includes(f.tag)}
                onClick={() => setView({ tags: toggleTag(view.tags, f.tag) })}
              >
                #{f.tag} <span className="muted">{f.count}</span>
              </button>
            ))}
          </fieldset>
          {hasFilters && (
            <button type="button" className="link-button" onClick={() => setView({ scenario: null, type: null, tags: [] })}>
              {t('kb.clearFilters')}
            </button>
          )}
        </aside>

        <div className="results">
          {searching ? (
            <SearchResults state={search} />
          ) : list.status === 'error' ? (
            <ErrorView error={list.error} onRetry={list.reload} />
          ) : list.data === null ? (
            <Loading />
          ) : (
            <>
              <p className="muted" aria-live="polite">
                {t('kb.count', { count: list.data.total })}
              </p>
              {list.data.items.length === 0 ? (
                <p>{t('kb.noArticles')}</p>
              ) : (
                <ul className="article-list">
                  {list.data.items.map((a) => (
                    <li key={a.id}>
                      <Link to={`/kb/${a.id}`} className="article-link">
                        {text(a.title)}
                      </Link>
                      <p className="summary">{text(a.summary)}</p>
                      <ArticleMeta article={a} />
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
        </div>
      </div>
    </section>
  );
}

function SearchResults({ state }: { state: ReturnType<typeof useCall<'kb.search'>> }) {
  const { t } = useI18n();
  if (state.status === 'error') return <ErrorView error={state.error} onRetry={state.reload} />;
  if (state.data === null) return <Loading />;
  const result = state.data;
  return (
    <>
      <p className="muted" aria-live="polite">
        {result.totalCapped ? t('kb.resultCountCapped', { count: result.total }) : t('kb.resultCount', { count: result.total })}
      </p>
      {result.notice && <p className="notice">{result.notice}</p>}
      {result.hits.length === 0 ? (
        <p>{t('kb.noResults')}</p>
      ) : (
        <ul className="article-list" aria-busy={state.status === 'loading'}>
          {result.hits.map((hit) => (
            <li key={hit.id} lang={hit.lang === 'zh' ? 'zh-CN' : 'en'}>
              <Link to={`/kb/${hit.id}?lang=${hit.lang}`} className="article-link">
                <Snippet parts={hit.title} />
              </Link>
              <p className="snippet">
                <Snippet parts={hit.snippet} />
              </p>
              <ArticleMeta article={hit} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

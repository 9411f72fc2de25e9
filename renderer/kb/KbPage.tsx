import { useEffect, useEffectEvent, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { KbListResult } from '../../core/api/contract';
import { SEARCH_KINDS, type SearchKind, type SearchResult } from '../../core/kb/types';
import { joinSentences } from '../../core/i18n';
import { correctedQuery } from '../../core/kb/corrected-query';
import { SearchForm } from '../ui/SearchForm';
import { useI18n } from '../i18n/i18n';
import { useQuery, type QueryHandle } from '../data/use-query';
import { focusFirstItem } from '../lib/list-focus';
import { PageHeading } from '../app/PageHeading';
import { ErrorView, Loading } from '../app/StateViews';
import { Facets } from './Facets';
import { ArticleList, HitList, ITEM_LINK } from './ResultLists';
import { ScenarioOverview } from './ScenarioOverview';
import { KB_SORTS, hasFilters, historyMode, isSearching, kbViewToParams, parseKbView, type KbSort, type KbView } from './url-state';
import './kb.css';
import { useSettings } from '../state/settings';
import { Welcome } from '../help/Welcome';

const SEARCH_DEBOUNCE_MS = 150;
/** Page sizes and the contract's upper limits for kb.search and kb.list. */
const SEARCH_PAGE = 25;
const SEARCH_MAX = 100;
const LIST_PAGE = 50;
const LIST_MAX = 500;

function isSort(value: string): value is KbSort {
  return (KB_SORTS as readonly string[]).includes(value);
}

/** The kind filter's value: '' stands for every kind. */
function kindFromSelect(value: string): SearchKind | null {
  return SEARCH_KINDS.find((k) => k === value) ?? null;
}

/**
 * The knowledge base: browse articles with filters and sorting, or search (ranked, highlighted)
 * articles, field notes and lessons with the same filters and a kind filter. The whole view lives
 * in the URL; typing searches after a short pause.
 */
export function KbPage() {
  const welcomeDismissed = useSettings((st) => st.settings.welcomeDismissed);
  const { t, lang, text } = useI18n();
  const [params, setParams] = useSearchParams();
  const view = parseKbView(params);
  const viewKey = kbViewToParams(view).toString();
  const scenarios = useQuery('scenarios.list', {});
  const listRef = useRef<HTMLUListElement>(null);

  // The input shows what is typed; the URL (and so the search) follows after a pause.
  const [draft, setDraft] = useState(view.query);
  const written = useRef(view.query);
  useEffect(() => {
    // The URL changed from outside (Back, a link, the top-bar search): show its query.
    if (view.query !== written.current) {
      written.current = view.query;
      setDraft(view.query);
    }
  }, [view.query]);

  function setView(next: Partial<KbView>): void {
    const to = { ...view, ...next };
    written.current = to.query;
    setParams(kbViewToParams(to), { replace: historyMode(view, to) === 'replace' });
  }

  // Reads the view as it is when the pause ends (a filter may have changed meanwhile).
  const commitDraft = useEffectEvent((query: string) => {
    if (query !== view.query) setView({ query });
  });
  useEffect(() => {
    const timer = setTimeout(() => commitDraft(draft), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draft]);

  // "Show more" grows the page; a different view starts again from one page.
  const [more, setMore] = useState({ key: viewKey, pages: 1 });
  const pages = more.key === viewKey ? more.pages : 1;

  const searching = isSearching(view);
  const filters = {
    ...(view.scenario !== null && { scenario: view.scenario }),
    ...(view.type !== null && { type: view.type }),
    ...(view.tags.length > 0 && { tags: view.tags }),
  };
  const facets = useQuery('kb.facets', {});
  // The query the user asked to search as typed, after search corrected a word of it.
  const [asTypedFor, setAsTypedFor] = useState<string | null>(null);
  const asTyped = asTypedFor === view.query;
  const search = useQuery(
    'kb.search',
    searching
      ? { query: view.query, ...(view.kind !== null && { kinds: [view.kind] }), ...filters, lang, limit: Math.min(SEARCH_PAGE * pages, SEARCH_MAX), ...(asTyped && { asTyped }) }
      : null,
  );
  const list = useQuery('kb.list', searching ? null : { ...filters, sort: view.sort, lang, limit: Math.min(LIST_PAGE * pages, LIST_MAX) });

  const scenario = scenarios.data?.find((s) => s.id === view.scenario);
  const heading = scenario ? text(scenario.name) : t('kb.title');

  function onSearchKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'ArrowDown' && focusFirstItem(listRef.current, ITEM_LINK)) event.preventDefault();
  }

  return (
    <section className="page kb-page" aria-labelledby="page-title">
      <header className="page-header">
        {scenario && <p className="eyebrow">{t('kb.title')}</p>}
        <PageHeading title={heading}>{heading}</PageHeading>
        <Link to="/glossary" className="glossary-link">
          {t('glossary.link')}
        </Link>
      </header>
      {scenario && <ScenarioOverview scenario={scenario} />}
      {!welcomeDismissed && !scenario && <Welcome dismissible />}

      <SearchForm
        id="kb-search"
        label={t('kb.searchLabel')}
        placeholder={t('kb.searchPlaceholder')}
        value={draft}
        onChange={setDraft}
        onSubmit={() => {
          if (draft !== view.query) setView({ query: draft });
        }}
        onKeyDown={onSearchKeyDown}
      />

      <div className="kb-layout">
        <aside className="kb-filters" aria-label={t('kb.filters')}>
          <Facets view={view} facets={facets} onChange={setView} />
        </aside>
        <section className="kb-results" aria-label={t('kb.results')}>
          {searching ? (
            <SearchResults
              state={search}
              listRef={listRef}
              kind={view.kind}
              onKind={(kind) => setView({ kind })}
              articleFilters={hasFilters(view)}
              canShowMore={SEARCH_PAGE * pages < SEARCH_MAX}
              onShowMore={() => setMore({ key: viewKey, pages: pages + 1 })}
              query={view.query}
              onSearchAsTyped={() => setAsTypedFor(view.query)}
            />
          ) : (
            <BrowseResults
              state={list}
              listRef={listRef}
              sort={view.sort}
              onSort={(sort) => setView({ sort })}
              canShowMore={LIST_PAGE * pages < LIST_MAX}
              onShowMore={() => setMore({ key: viewKey, pages: pages + 1 })}
              filtered={view.scenario !== null || view.type !== null || view.tags.length > 0}
            />
          )}
        </section>
      </div>
    </section>
  );
}

type ListProps = { listRef: RefObject<HTMLUListElement | null>; canShowMore: boolean; onShowMore: () => void };

function BrowseResults({
  state,
  listRef,
  sort,
  onSort,
  canShowMore,
  onShowMore,
  filtered,
}: ListProps & { state: QueryHandle<KbListResult>; sort: KbSort; onSort: (sort: KbSort) => void; filtered: boolean }) {
  const { t, tn } = useI18n();
  const data = state.data;
  return (
    <>
      <div className="results-bar">
        <p className="result-count" role="status">
          {data ? tn('kb.count', data.total) : ''}
        </p>
        <label className="sort-field">
          <span>{t('kb.sort')}</span>
          <select value={sort} onChange={(e) => isSort(e.target.value) && onSort(e.target.value)}>
            {KB_SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`kb.sort.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {state.status === 'error' ? (
        <ErrorView message={state.error} onRetry={state.reload} />
      ) : data === null ? (
        <Loading />
      ) : data.items.length === 0 ? (
        <p className="empty-results">{filtered ? t('kb.noArticles') : t('kb.emptyBase')}</p>
      ) : (
        <>
          <ArticleList items={data.items} busy={state.status === 'loading'} ref={listRef} />
          <MoreButton shown={data.items.length} total={data.total} canShowMore={canShowMore} busy={state.status === 'loading'} onShowMore={onShowMore} />
        </>
      )}
    </>
  );
}

function SearchResults({
  state,
  listRef,
  kind,
  onKind,
  articleFilters,
  canShowMore,
  onShowMore,
  query,
  onSearchAsTyped,
}: ListProps & {
  state: QueryHandle<SearchResult>;
  kind: SearchKind | null;
  onKind: (kind: SearchKind | null) => void;
  articleFilters: boolean;
  query: string;
  onSearchAsTyped: () => void;
}) {
  const { t, tn, lang, apiText } = useI18n();
  const data = state.data;
  // On an error the alert below says what happened; the count stays empty rather than stale.
  let count = '';
  if (state.status !== 'error' && data) count = data.totalCapped ? t('kb.resultCountCapped', { count: data.total }) : tn('kb.resultCount', data.total);
  return (
    <>
      <div className="results-bar">
        <p className="result-count" role="status">
          {count}
        </p>
        <label className="sort-field">
          <span>{t('search.kindFilter')}</span>
          <select value={kind ?? ''} onChange={(e) => onKind(kindFromSelect(e.target.value))}>
            <option value="">{t('search.kindAll')}</option>
            {SEARCH_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`search.kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {/* Set with every kind shown, article facets quietly leave notes and lessons out: say so. */}
      {articleFilters && kind === null && <p className="muted kind-hint">{t('search.kindsArticlesOnly')}</p>}
      {state.status === 'error' ? (
        // Retrying a refused query would only repeat the refusal: the query has to change.
        <ErrorView title={t('kb.searchFailed')} message={state.error} onRetry={state.error.code === 'bad_request' ? undefined : state.reload} />
      ) : data === null ? (
        <Loading />
      ) : (
        <>
          {data.corrections.length > 0 && (
            <p className="notice search-correction" role="note">
              {t('search.showingFor')} <strong>{correctedQuery(query, data.corrections)}</strong> —{' '}
              <button type="button" className="link-button" onClick={onSearchAsTyped}>
                {t('search.insteadFor', { query })}
              </button>
            </p>
          )}
          {data.notices.length > 0 && (
            <p className="notice" role="note">
              {joinSentences(data.notices.map(apiText), lang)}
            </p>
          )}
          {data.indexing > 0 && (
            <p className="notice" role="status">
              {tn('search.indexing', data.indexing)}
            </p>
          )}
          {data.hits.length === 0 ? (
            <p className="empty-results">{t('kb.noResults')}</p>
          ) : (
            <>
              <HitList hits={data.hits} busy={state.status === 'loading'} ref={listRef} />
              <MoreButton shown={data.hits.length} total={data.total} canShowMore={canShowMore} busy={state.status === 'loading'} onShowMore={onShowMore} />
            </>
          )}
        </>
      )}
    </>
  );
}

function MoreButton({ shown, total, canShowMore, busy, onShowMore }: { shown: number; total: number; canShowMore: boolean; busy: boolean; onShowMore: () => void }) {
  const { t } = useI18n();
  if (shown >= total) return null;
  return (
    <div className="more-row">
      <span className="muted">{t('kb.shownOf', { shown, total })}</span>
      {canShowMore && (
        <button type="button" onClick={onShowMore} disabled={busy}>
          {t('common.showMore')}
        </button>
      )}
    </div>
  );
}

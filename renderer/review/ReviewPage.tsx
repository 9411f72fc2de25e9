import { useEffect, useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { SUBMISSION_FILTERS, SUBMISSION_STATUSES, type SubmissionFilter, type SubmissionStatus, type SubmissionSummary } from '../../core/review/types';
import { PageHeading } from '../app/PageHeading';
import { ErrorView, Loading } from '../app/StateViews';
import { useQuery } from '../data/use-query';
import { useI18n } from '../i18n/i18n';
import { setSearchParam } from '../lib/search-params';
import { formatCount, formatDateTime } from '../ui/format';
import { PublishDialog } from './PublishDialog';
import './review.css';

const FINAL: readonly SubmissionStatus[] = ['merged', 'published', 'rejected'];
const QUERY_DEBOUNCE_MS = 200;

function filterOf(value: string | null): SubmissionFilter | null {
  return SUBMISSION_FILTERS.find((f) => f === value) ?? null;
}

/**
 * `#/review`: submissions on this device — all of them for knowledge managers, who start on what
 * waits for their decision, and one's own for authors. The status and the search live in the URL,
 * so Back from a submission returns to the same list.
 */
export function ReviewPage() {
  const { t, tn, lang, apiText } = useI18n();
  const sync = useQuery('sync.status', {});
  const manager = sync.data?.account?.role === 'knowledge_manager';
  const enrolled = sync.data?.account !== null && sync.data?.account !== undefined;
  const [params, setParams] = useSearchParams();
  const listSearch = useLocation().search;
  const status: SubmissionFilter = filterOf(params.get('status')) ?? (manager ? 'open' : 'all');
  const query = params.get('q') ?? '';
  const [queryDraft, setQueryDraft] = useState(query);
  useEffect(() => {
    if (queryDraft === query) return;
    const timer = setTimeout(() => setSearchParam(setParams, 'q', queryDraft.trim()), QUERY_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [queryDraft, query, setParams]);
  const list = useQuery('review.list', { status, ...(query.trim() !== '' && { query: query.trim() }) });
  const [selected, setSelected] = useState<string[]>([]);
  const [publishing, setPublishing] = useState(false);

  const toggle = (s: SubmissionSummary) => setSelected((ids) => (ids.includes(s.id) ? ids.filter((id) => id !== s.id) : [...ids, s.id]));
  const rows = list.data?.items ?? [];
  // Only what the list shows can be merged: a selection hidden by a filter waits.
  const chosen = rows.filter((s) => selected.includes(s.id));
  const counts = list.data?.counts;
  const countOf = (f: SubmissionFilter): number | null => {
    if (!counts) return null;
    if (f === 'all') return SUBMISSION_STATUSES.reduce((n, s) => n + counts[s], 0);
    if (f === 'open') return counts.submitted + counts.in_review;
    return counts[f];
  };
  const optionLabel = (f: SubmissionFilter): string => {
    const label = f === 'all' ? t('review.filter.all') : f === 'open' ? t('review.filter.open') : t(`review.status.${f}`);
    const count = countOf(f);
    return count === null ? label : t('review.filter.option', { label, count: formatCount(count, lang) });
  };
  const emptyText = (): string => {
    if (query.trim() !== '') return t('review.empty.query', { query: query.trim() });
    if (status === 'open') return t('review.empty.open');
    if (status !== 'all') return t('review.empty.status', { status: t(`review.status.${status}`) });
    return manager ? t('review.empty.manager') : t('review.empty.author');
  };
  return (
    <section className="page review-page" aria-labelledby="page-title">
      <header className="page-header">
        <PageHeading title={t('review.title')}>{t('review.title')}</PageHeading>
      </header>
      <p className="muted">{manager ? t('review.introManager') : t('review.introAuthor')}</p>
      {sync.data && !enrolled && (
        <p className="notice">
          {t('review.notEnrolled')} <Link to="/sync">{t('review.openSync')}</Link>
        </p>
      )}
      <form className="review-toolbar" role="search" onSubmit={(e) => e.preventDefault()}>
        <label>
          <span>{t('review.filter')}</span>
          <select value={status} onChange={(e) => setSearchParam(setParams, 'status', e.target.value)}>
            {(manager ? (['open', 'all'] as const) : (['all'] as const)).map((f) => (
              <option key={f} value={f}>
                {optionLabel(f)}
              </option>
            ))}
            {SUBMISSION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {optionLabel(s)}
              </option>
            ))}
          </select>
        </label>
        <label className="review-search">
          <span>{t('review.search')}</span>
          <input type="search" value={queryDraft} maxLength={200} autoComplete="off" spellCheck={false} placeholder={t('review.searchPlaceholder')} onChange={(e) => setQueryDraft(e.target.value)} />
        </label>
        {manager && chosen.length >= 2 && (
          <button type="button" className="primary-button" onClick={() => setPublishing(true)}>
            {t('review.publishMerged', { count: chosen.length })}
          </button>
        )}
      </form>
      {list.status === 'error' && <ErrorView message={apiText(list.error)} onRetry={list.reload} />}
      {list.data === null && list.status !== 'error' && <Loading />}
      {list.data && (
        <p className="result-count" role="status">
          {rows.length === 0 ? '' : list.data.total > rows.length ? t('review.shown', { shown: formatCount(rows.length, lang), total: formatCount(list.data.total, lang) }) : tn('review.count', list.data.total)}
        </p>
      )}
      {list.data && rows.length === 0 && <p className="muted">{emptyText()}</p>}
      {rows.length > 0 && (
        <table className="review-list">
          <thead>
            <tr>
              {manager && (
                <th scope="col">
                  <span className="visually-hidden">{t('review.publishMerged', { count: chosen.length })}</span>
                </th>
              )}
              <th scope="col">{t('review.col.title')}</th>
              <th scope="col">{t('review.col.kind')}</th>
              <th scope="col">{t('review.col.author')}</th>
              <th scope="col">{t('review.col.submitted')}</th>
              <th scope="col">{t('review.col.status')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr key={s.id}>
                {manager && (
                  <td>
                    {!FINAL.includes(s.status) && <input type="checkbox" aria-label={t('review.select', { title: s.title })} checked={selected.includes(s.id)} onChange={() => toggle(s)} />}
                  </td>
                )}
                <td>
                  <Link to={`/review/${encodeURIComponent(s.id)}`} state={{ listSearch }}>
                    {s.title}
                  </Link>
                  {s.excerpt && <div className="muted review-excerpt">{s.excerpt}</div>}
                </td>
                <td>{t(`review.kind.${s.kind}`)}</td>
                <td>{s.authorName}</td>
                <td>{formatDateTime(s.submittedAt, lang)}</td>
                <td>
                  <span className={`review-status review-status-${s.status}`}>{t(`review.status.${s.status}`)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {publishing && (
        <PublishDialog
          submissions={chosen}
          onClose={(done) => {
            setPublishing(false);
            if (done) setSelected([]);
          }}
        />
      )}
    </section>
  );
}

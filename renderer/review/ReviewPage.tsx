import { useState } from 'react';
import { Link } from 'react-router';
import { SUBMISSION_STATUSES, type SubmissionStatus, type SubmissionSummary } from '../../core/review/types';
import { PageHeading } from '../app/PageHeading';
import { ErrorView, Loading } from '../app/StateViews';
import { useQuery } from '../data/use-query';
import { useI18n } from '../i18n/i18n';
import { formatDateTime } from '../ui/format';
import { PublishDialog } from './PublishDialog';
import './review.css';

const FINAL: readonly SubmissionStatus[] = ['merged', 'published', 'rejected'];

/** `#/review`: submissions on this device — all of them for knowledge managers, one's own for authors. */
export function ReviewPage() {
  const { t, lang, apiText } = useI18n();
  const sync = useQuery('sync.status', {});
  const [status, setStatus] = useState<SubmissionStatus | ''>('');
  const list = useQuery('review.list', status === '' ? {} : { status });
  const [selected, setSelected] = useState<string[]>([]);
  const [publishing, setPublishing] = useState(false);
  const manager = sync.data?.account?.role === 'knowledge_manager';
  const enrolled = sync.data?.account !== null && sync.data?.account !== undefined;

  const toggle = (s: SubmissionSummary) => setSelected((ids) => (ids.includes(s.id) ? ids.filter((id) => id !== s.id) : [...ids, s.id]));
  const rows = list.data ?? [];
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
      <div className="review-toolbar">
        <label>
          {t('review.filter')}{' '}
          <select value={status} onChange={(e) => setStatus(e.target.value as SubmissionStatus | '')}>
            <option value="">{t('review.filter.all')}</option>
            {SUBMISSION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`review.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        {manager && selected.length >= 2 && (
          <button type="button" className="primary-button" onClick={() => setPublishing(true)}>
            {t('review.publishMerged', { count: selected.length })}
          </button>
        )}
      </div>
      {list.status === 'error' && <ErrorView message={apiText(list.error)} onRetry={list.reload} />}
      {list.data === null && list.status !== 'error' && <Loading />}
      {list.data && rows.length === 0 && (
        <p className="muted">{status !== '' ? t('review.empty.status', { status: t(`review.status.${status}`) }) : manager ? t('review.empty.manager') : t('review.empty.author')}</p>
      )}
      {rows.length > 0 && (
        <table className="review-list">
          <thead>
            <tr>
              {manager && (
                <th scope="col">
                  <span className="visually-hidden">{t('review.publishMerged', { count: selected.length })}</span>
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
                  <Link to={`/review/${encodeURIComponent(s.id)}`}>{s.title}</Link>
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
          submissions={rows.filter((s) => selected.includes(s.id))}
          onClose={(done) => {
            setPublishing(false);
            if (done) setSelected([]);
          }}
        />
      )}
    </section>
  );
}

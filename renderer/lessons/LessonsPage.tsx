import { Link, useSearchParams } from 'react-router';
import { LESSON_STATUSES, type LessonStatus } from '../../core/notes/types';
import { PageHeading } from '../app/PageHeading';
import { EmptyState, ErrorView, Loading } from '../app/StateViews';
import { useI18n } from '../i18n/i18n';
import { useQuery } from '../data/use-query';
import { formatDateTime } from '../ui/format';
import './lessons.css';

function isStatus(value: string | null): value is LessonStatus {
  return value !== null && (LESSON_STATUSES as readonly string[]).includes(value);
}

/** `#/lessons`: every lesson on this device, newest first, filtered by status (kept in the URL). */
export function LessonsPage() {
  const { t, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const status = isStatus(raw) ? raw : undefined;
  const lessons = useQuery('lessons.list', status ? { status } : {});

  return (
    <section className="page lessons-page" aria-labelledby="page-title">
      <header className="page-header">
        <PageHeading title={t('lessons.title')}>{t('lessons.title')}</PageHeading>
        <p className="muted">{t('lessons.intro')}</p>
      </header>
      <div className="lessons-filters">
        <label htmlFor="lessons-status">{t('lessons.filterStatus')}</label>
        <select id="lessons-status" value={status ?? ''} onChange={(e) => setParams(e.target.value ? { status: e.target.value } : {}, { replace: true })}>
          <option value="">{t('lessons.allStatuses')}</option>
          {LESSON_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`lessons.status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      {lessons.status === 'error' ? (
        <ErrorView message={lessons.error} onRetry={lessons.reload} />
      ) : lessons.data === null ? (
        <Loading />
      ) : lessons.data.length === 0 ? (
        status ? <p className="muted">{t('lessons.emptyFiltered')}</p> : <EmptyState title={t('lessons.empty')} />
      ) : (
        <table className="lessons-table">
          <thead>
            <tr>
              <th scope="col">{t('lessons.col.title')}</th>
              <th scope="col">{t('lessons.col.engagement')}</th>
              <th scope="col">{t('lessons.col.status')}</th>
              <th scope="col">{t('lessons.col.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {lessons.data.map((l) => (
              <tr key={l.id}>
                <td>
                  <Link to={`/lessons/${l.id}`}>{l.title.trim() || t('lessons.untitled')}</Link>
                  {l.tags.length > 0 && <span className="muted lessons-tags"> · {l.tags.join(', ')}</span>}
                </td>
                <td>{l.engagementId ? <Link to={`/engagements/${l.engagementId}`}>{l.engagementTitle ?? l.engagementId}</Link> : <span className="muted">{t('lessons.noEngagement')}</span>}</td>
                <td>
                  <span className={`lesson-status lesson-status-${l.status}`}>{t(`lessons.status.${l.status}`)}</span>
                </td>
                <td>{formatDateTime(l.updatedAt, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ASSESSMENT_STATUSES, type AssessmentStatus } from '../../core/assessment/types';
import { useQuery } from '../data/use-query';
import { useI18n } from '../i18n/i18n';
import { PageHeading } from '../app/PageHeading';
import { EmptyState, ErrorView, Loading } from '../app/StateViews';
import { SessionTable } from './SessionTable';
import { StartAssessmentDialog } from './StartAssessmentDialog';
import './assessments.css';

function asStatus(value: string | null): AssessmentStatus | undefined {
  return ASSESSMENT_STATUSES.find((s) => s === value);
}

/** `#/assessments`: every session on this device, filtered by status and engagement (kept in the URL). */
export function AssessmentsPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const status = asStatus(params.get('status'));
  const engagementId = params.get('engagement') ?? undefined;
  const sessions = useQuery('assessments.list', { ...(status ? { status } : {}), ...(engagementId ? { engagementId } : {}) });
  const engagements = useQuery('engagements.list', {});
  const [starting, setStarting] = useState(false);

  const setFilter = (key: 'status' | 'engagement', value: string): void => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const filtered = status !== undefined || engagementId !== undefined;

  return (
    <section className="page assessments-page" aria-labelledby="page-title">
      <header className="page-header page-header-row">
        <div>
          <PageHeading title={t('assessments.title')}>{t('assessments.title')}</PageHeading>
          <p className="muted">{t('assessments.intro')}</p>
        </div>
        <button type="button" className="primary-button" onClick={() => setStarting(true)}>
          {t('assessments.start')}
        </button>
      </header>
      <div className="filters">
        <label>
          {t('assessments.filterStatus')}{' '}
          <select value={status ?? ''} onChange={(e) => setFilter('status', e.target.value)}>
            <option value="">{t('assessments.all')}</option>
            {ASSESSMENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`assessments.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('assessments.filterEngagement')}{' '}
          <select value={engagementId ?? ''} onChange={(e) => setFilter('engagement', e.target.value)}>
            <option value="">{t('assessments.allEngagements')}</option>
            {(engagements.data ?? []).map((e) => (
              <option key={e.id} value={e.id}>
                {e.title} — {e.customerName}
              </option>
            ))}
          </select>
        </label>
      </div>
      {sessions.status === 'error' && <ErrorView message={sessions.error} onRetry={sessions.reload} />}
      {sessions.data === null && sessions.status === 'loading' && <Loading />}
      {sessions.data && sessions.data.length === 0 && (
        <EmptyState title={t('assessments.emptyTitle')}>
          <p>{filtered ? t('assessments.emptyFiltered') : t('assessments.empty')}</p>
        </EmptyState>
      )}
      {sessions.data && sessions.data.length > 0 && <SessionTable sessions={sessions.data} showEngagement />}
      {starting && <StartAssessmentDialog onClose={() => setStarting(false)} />}
    </section>
  );
}

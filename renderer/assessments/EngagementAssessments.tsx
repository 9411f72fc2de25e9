import { useState } from 'react';
import { useQuery } from '../data/use-query';
import { useI18n } from '../i18n/i18n';
import { ErrorView, Loading } from '../app/StateViews';
import { SessionTable } from './SessionTable';
import { StartAssessmentDialog } from './StartAssessmentDialog';
import './assessments.css';

/** The engagement page's panel: its assessments with status and progress, and a Start button. */
export function EngagementAssessments({ engagementId }: { engagementId: string }) {
  const { t } = useI18n();
  const sessions = useQuery('assessments.list', { engagementId });
  const [starting, setStarting] = useState(false);
  return (
    <section className="panel engagement-assessments" aria-labelledby="engagement-assessments-title">
      <header className="panel-header">
        <h2 id="engagement-assessments-title">{t('assessments.engagementPanel')}</h2>
        <button type="button" onClick={() => setStarting(true)}>
          {t('assessments.start')}
        </button>
      </header>
      {sessions.status === 'error' && <ErrorView message={sessions.error} onRetry={sessions.reload} />}
      {sessions.data === null && sessions.status === 'loading' && <Loading />}
      {sessions.data && sessions.data.length === 0 && <p className="muted">{t('assessments.engagementEmpty')}</p>}
      {sessions.data && sessions.data.length > 0 && <SessionTable sessions={sessions.data} showEngagement={false} />}
      {starting && <StartAssessmentDialog engagementId={engagementId} onClose={() => setStarting(false)} />}
    </section>
  );
}

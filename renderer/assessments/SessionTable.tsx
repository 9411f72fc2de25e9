import { Link } from 'react-router';
import type { AssessmentSummary } from '../../core/assessment/types';
import { useI18n } from '../i18n/i18n';
import { formatDateTime } from '../ui/format';

/** Sessions with status, progress and score; each opens its runner (or results when completed). */
export function SessionTable({ sessions, showEngagement }: { sessions: AssessmentSummary[]; showEngagement: boolean }) {
  const { t, text, lang } = useI18n();
  return (
    <table className="session-table">
      <thead>
        <tr>
          <th scope="col">{t('assessments.col.assessment')}</th>
          {showEngagement && <th scope="col">{t('assessments.col.engagement')}</th>}
          <th scope="col">{t('assessments.col.status')}</th>
          <th scope="col">{t('assessments.col.progress')}</th>
          <th scope="col">{t('assessments.col.readiness')}</th>
          <th scope="col">{t('assessments.col.updated')}</th>
        </tr>
      </thead>
      <tbody>
        {sessions.map((s) => (
          <tr key={s.id}>
            <td>
              <Link to={`/assessments/${s.id}`}>{text(s.title)}</Link>
              {s.status === 'completed' && (
                <>
                  {' · '}
                  <Link to={`/assessments/${s.id}/results`}>{t('assessments.results')}</Link>
                </>
              )}
            </td>
            {showEngagement && (
              <td>
                {s.engagementTitle} <span className="muted">· {s.customerName}</span>
              </td>
            )}
            <td>
              <span className={`chip status-${s.status}`}>{t(`assessments.status.${s.status}`)}</span>
            </td>
            <td>
              <progress max={Math.max(1, s.visibleTotal)} value={s.answered} aria-hidden="true" /> {t('assessments.progress', { answered: s.answered, total: s.visibleTotal })}
            </td>
            {/* A score from half the answers would mislead: it shows once the assessment is complete. */}
            <td>
              {s.status !== 'completed' ? (
                <span className="muted">{t('assessments.scoreWhenComplete')}</span>
              ) : s.overall === null ? (
                <span className="muted">{t('assessments.noScore')}</span>
              ) : (
                t('assessments.overall', { score: s.overall })
              )}
            </td>
            <td>{formatDateTime(s.updatedAt, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

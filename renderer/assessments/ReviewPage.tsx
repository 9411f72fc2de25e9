import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { findQuestion } from '../../core/assessment/engine';
import { useQuery } from '../data/use-query';
import { useI18n } from '../i18n/i18n';
import { PageHeading } from '../app/PageHeading';
import { ErrorView, Loading } from '../app/StateViews';
import { formatDateTime } from '../ui/format';
import { SignoffDialog } from './SignoffDialog';
import './assessments.css';

/** `#/assessments/:id/review`: what is still missing, then sign-off. */
export function ReviewPage() {
  const { id = '' } = useParams();
  const { t, text, lang } = useI18n();
  const detail = useQuery('assessments.get', { id });
  const [signing, setSigning] = useState(false);
  const d = detail.data;
  if (!d) {
    return (
      <section className="page" aria-labelledby="page-title">
        <PageHeading title={t('assessments.title')}>{detail.status === 'error' ? t('assessments.notFoundTitle') : t('assessments.title')}</PageHeading>
        {detail.status === 'error' ? <ErrorView message={detail.error} onRetry={detail.reload} /> : <Loading />}
      </section>
    );
  }
  const title = t('assessments.reviewTitle', { title: text(d.definition.title) });
  const missing = d.result.requiredMissing;
  const completed = d.session.status === 'completed';
  return (
    <section className="page review-page" aria-labelledby="page-title">
      <header className="page-header">
        <p className="eyebrow">{t('assessments.runnerEyebrow', { engagement: d.engagement.title, customer: d.engagement.customerName })}</p>
        <PageHeading title={title}>{title}</PageHeading>
      </header>
      <p>{t('assessments.answeredCount', { answered: d.result.answeredCount, total: d.result.visibleQuestions.length })}</p>
      {completed && d.session.signoff && (
        <p className="notice">
          {t('assessments.signedBy', { name: d.session.signoff.name, role: d.session.signoff.role || '—', date: formatDateTime(d.session.signoff.signedAt, lang) })}{' '}
          <Link to={`/assessments/${d.session.id}/results`}>{t('assessments.results')}</Link>
        </p>
      )}
      <h2>{t('assessments.missingTitle')}</h2>
      {missing.length === 0 ? (
        <p>{t('assessments.noneMissing')}</p>
      ) : (
        <ul className="missing-list">
          {missing.map((q) => {
            const question = findQuestion(d.definition, q);
            return (
              <li key={q}>
                <Link to={`/assessments/${d.session.id}?q=${encodeURIComponent(q)}`}>{question ? text(question.text) : q}</Link>
              </li>
            );
          })}
        </ul>
      )}
      <div className="review-actions">
        <Link to={`/assessments/${d.session.id}`}>{t('assessments.backToRunner')}</Link>
        {!completed && (
          <button type="button" className="primary-button" disabled={missing.length > 0} aria-describedby={missing.length > 0 ? 'complete-blocked' : undefined} onClick={() => setSigning(true)}>
            {t('assessments.complete')}
          </button>
        )}
      </div>
      {!completed && missing.length > 0 && (
        <p id="complete-blocked" className="muted">
          {t('assessments.completeBlocked')}
        </p>
      )}
      {signing && <SignoffDialog sessionId={d.session.id} onClose={() => setSigning(false)} />}
    </section>
  );
}

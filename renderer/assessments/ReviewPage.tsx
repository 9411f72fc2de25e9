import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { findQuestion, isAnswered } from '../../core/assessment/engine';
import { answerText } from '../../core/report/answer-text';
import { useQuery } from '../data/use-query';
import { useI18n } from '../i18n/i18n';
import { PageHeading } from '../app/PageHeading';
import { ErrorView, Loading } from '../app/StateViews';
import { formatDateTime } from '../ui/format';
import { SignoffDialog } from './SignoffDialog';
import './assessments.css';

/**
 * `#/assessments/:id/review`: what is still missing, then every answer by section — with its note
 * and how many photos it has — so the customer signs what they see, then sign-off.
 */
export function ReviewPage() {
  const { id = '' } = useParams();
  const { t, tn, text, lang } = useI18n();
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
  const visible = new Set(d.result.visibleQuestions);
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
      {missing.length === 0 ? (
        <p className="notice">{t('assessments.noneMissing')}</p>
      ) : (
        <>
          <h2>{t('assessments.missingTitle')}</h2>
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
        </>
      )}
      <h2>{t('assessments.reviewAnswers')}</h2>
      {d.definition.sections.map((section, s) => {
        const shown = section.questions.filter((q) => visible.has(q.id));
        if (shown.length === 0) return null;
        return (
          <section key={section.id} className="review-section" aria-labelledby={`review-section-${section.id}`}>
            <h3 id={`review-section-${section.id}`}>
              {s + 1}. {text(section.title)}
            </h3>
            <dl className="review-answers">
              {shown.map((q, i) => {
                const stored = d.answers[q.id];
                const answered = stored !== undefined && isAnswered(stored.value);
                const files = d.fileCounts[q.id] ?? 0;
                return (
                  <div key={q.id} className="review-answer">
                    <dt>
                      {s + 1}.{i + 1} {text(q.text)}
                    </dt>
                    <dd>
                      {answered ? answerText(q, stored.value, lang) : <span className="muted">{t('assessments.notAnswered')}</span>}
                      {!completed && (
                        <>
                          {' '}
                          <Link
                            to={`/assessments/${d.session.id}?q=${encodeURIComponent(q.id)}`}
                            aria-label={t(answered ? 'assessments.changeAnswer' : 'assessments.giveAnswer', { question: text(q.text) })}
                          >
                            {t(answered ? 'assessments.change' : 'assessments.answerNow')}
                          </Link>
                        </>
                      )}
                    </dd>
                    {stored?.note.trim() ? <dd className="review-note">{t('assessments.noteLabel', { note: stored.note.trim() })}</dd> : null}
                    {files > 0 && <dd className="muted">{tn('assessments.fileCount', files)}</dd>}
                  </div>
                );
              })}
            </dl>
          </section>
        );
      })}
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

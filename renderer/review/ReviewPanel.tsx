import { useState } from 'react';
import { Link } from 'react-router';
import type { SubmissionKind } from '../../core/review/types';
import { mutate } from '../data/query-client';
import { useQuery } from '../data/use-query';
import { useI18n } from '../i18n/i18n';
import { PublishedArticle } from './PublishedArticle';
import { formatDateTime } from '../ui/format';
import { AlertNotice } from '../ui/AlertNotice';

/**
 * On a lesson or note: whether it was submitted for review and what the reviewers decided, and
 * the button to submit it (a lesson once it is ready; a returned one again after changes).
 */
export function ReviewPanel({ kind, sourceId, canSubmit, needsReady }: { kind: SubmissionKind; sourceId: string; canSubmit: boolean; needsReady?: boolean }) {
  const { t, lang, apiText } = useI18n();
  const sync = useQuery('sync.status', {});
  const submission = useQuery('review.forSource', { sourceId });
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const enrolled = sync.data?.account !== null && sync.data?.account !== undefined;
  const current = submission.data ?? null;
  const open = current !== null && (current.status === 'submitted' || current.status === 'in_review');

  async function submit(): Promise<void> {
    setBusy(true);
    setFailure(null);
    const result = await mutate('review.submit', { kind, id: sourceId });
    setBusy(false);
    if (!result.ok) setFailure(t('review.failed', { message: apiText(result.error) }));
  }

  return (
    <section className="review-panel" aria-labelledby={`review-panel-${sourceId}`}>
      <h2 id={`review-panel-${sourceId}`}>{t('review.panelTitle')}</h2>
      {current && (
        <p>
          <span className={`review-status review-status-${current.status}`}>{t(`review.status.${current.status}`)}</span>{' '}
          {current.status === 'submitted' ? t('review.submitted', { date: formatDateTime(current.submittedAt, lang) }) : current.reviewedAt ? formatDateTime(current.reviewedAt, lang) : ''}
        </p>
      )}
      {current && current.reviewNote !== '' && <p className="notice">{t('review.reviewerNote', { by: current.reviewedBy, note: current.reviewNote })}</p>}
      {current && <PublishedArticle submission={current} />}
      {!enrolled && sync.data && (
        <p className="muted">
          {t('review.notEnrolled')} <Link to="/sync">{t('review.openSync')}</Link>
        </p>
      )}
      {enrolled && !open && current?.status !== 'published' && current?.status !== 'merged' && (
        <>
          {needsReady && <p className="muted">{t('review.needsReady')}</p>}
          <button type="button" className="primary-button" disabled={!canSubmit || busy} onClick={() => void submit()}>
            {busy ? t('review.submitting') : current ? t('review.resubmit') : t('review.submit')}
          </button>
        </>
      )}
      <AlertNotice message={failure} />
    </section>
  );
}

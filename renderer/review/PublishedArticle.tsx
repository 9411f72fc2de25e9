import { Link } from 'react-router';
import type { SubmissionSummary } from '../../core/review/types';
import { useI18n } from '../i18n/i18n';

/** Where a published submission went: a link to its article, or that the article was withdrawn since. */
export function PublishedArticle({ submission }: { submission: Pick<SubmissionSummary, 'articleId' | 'articleWithdrawn'> }) {
  const { t } = useI18n();
  if (submission.articleId === null) return null;
  if (submission.articleWithdrawn) return <p className="muted">{t('review.articleWithdrawn')}</p>;
  return (
    <p>
      <Link to={`/kb/${encodeURIComponent(submission.articleId)}`}>{t('review.openArticle')}</Link>
    </p>
  );
}

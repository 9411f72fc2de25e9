import { useState } from 'react';
// Lexical comes with this page's chunk (as on the article page): a Suspense of its own would make
// React hold the body back until 300 ms after its "Loading…".
import { ArticleBody } from '../kb/ArticleBody';
import { Link, useLocation, useParams } from 'react-router';
import type { ReviewDecision, Submission } from '../../core/review/types';
import { PageHeading } from '../app/PageHeading';
import { RecordLoadFailed } from '../app/RecordStates';
import { Loading } from '../app/StateViews';
import { mutate } from '../data/query-client';
import { currentData, useQuery } from '../data/use-query';
import { useI18n } from '../i18n/i18n';
import { Dialog, DialogActions } from '../ui/Dialog';
import { formatDateTime, formatFileSize } from '../ui/format';
import { PublishDialog } from './PublishDialog';
import { PublishedArticle } from './PublishedArticle';
import './review.css';
import { AlertNotice } from '../ui/AlertNotice';
import { FileItem } from '../ui/AttachedFiles';
import { IMAGE_TYPES } from '../../core/files/sniff';
import { nodesOfType, stringField } from '../../core/richtext/walk';

const PARTS = ['context', 'problem', 'action', 'result', 'recommendation'] as const;

/** `#/review/:id`: one submission as it was submitted, its review, and the reviewer's actions. */
export function SubmissionPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const submission = useQuery('review.get', { id });
  // Back to the list as it was left (its status and search came along in the link's state).
  const listSearch = (useLocation().state as { listSearch?: unknown } | null)?.listSearch;
  const back = (
    <Link to={`/review${typeof listSearch === 'string' && listSearch.startsWith('?') ? listSearch : ''}`} className="back-link">
      ← {t('review.back')}
    </Link>
  );
  const loaded = currentData(submission);
  if (loaded) return <SubmissionView submission={loaded} back={back} />;
  if (submission.status === 'error') return <RecordLoadFailed error={submission.error} back={back} notFoundTitle={t('review.notFoundTitle')} notFoundText={t('review.notFound', { id })} onRetry={submission.reload} />;
  return <Loading />;
}

function SubmissionView({ submission: s, back }: { submission: Submission; back: React.ReactNode }) {
  const { t, lang, apiText } = useI18n();
  const sync = useQuery('sync.status', {});
  const manager = sync.data?.account?.role === 'knowledge_manager';
  const final = s.status === 'merged' || s.status === 'published' || s.status === 'rejected';
  const [deciding, setDeciding] = useState<Exclude<ReviewDecision, 'in_review'> | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [publishing, setPublishing] = useState(false);

  async function decide(status: ReviewDecision, text: string): Promise<void> {
    setBusy(true);
    setFailure(null);
    const result = await mutate('review.decide', { id: s.id, status, note: text });
    setBusy(false);
    if (result.ok) setDeciding(null);
    else setFailure(t('review.failed', { message: apiText(result.error) }));
  }

  return (
    <article className="page submission-page" aria-labelledby="page-title">
      <header className="page-header">
        <div>
          {back}
          <p className="muted">
            {t(`review.kind.${s.kind}`)} · {s.authorName} · {formatDateTime(s.submittedAt, lang)}
          </p>
          <PageHeading title={s.title}>{s.title}</PageHeading>
        </div>
        <p className={`review-status review-status-${s.status}`}>{t(`review.status.${s.status}`)}</p>
      </header>
      {s.reviewNote !== '' && <p className="notice">{t('review.reviewerNote', { by: s.reviewedBy, note: s.reviewNote })}</p>}
      <PublishedArticle submission={s} />
      <section className="submission-content">
        {s.content.kind === 'lesson' ? (
          PARTS.map((part) => {
            const text = s.content.kind === 'lesson' ? s.content[part] : '';
            return text.trim() === '' ? null : (
              <section key={part}>
                <h2>{t(`review.part.${part}`)}</h2>
                <p className="submission-text">{text}</p>
              </section>
            );
          })
        ) : (
          <ArticleBody state={s.content.bodyJson} label={s.title} />
        )}
      </section>
      <SubmissionFiles submission={s} />
      {manager && !final && (
        <div className="review-actions">
          {s.status !== 'in_review' && (
            <button type="button" disabled={busy} onClick={() => void decide('in_review', '')}>
              {t('review.take')}
            </button>
          )}
          <button type="button" disabled={busy} onClick={() => setDeciding('returned')}>
            {t('review.return')}
          </button>
          <button type="button" disabled={busy} onClick={() => setDeciding('rejected')}>
            {t('review.reject')}
          </button>
          <button type="button" className="primary-button" disabled={busy} onClick={() => setPublishing(true)}>
            {t('review.publish')}
          </button>
        </div>
      )}
      {!deciding && <AlertNotice message={failure} />}
      {deciding && (
        <Dialog labelledBy="decide-title" onClose={() => setDeciding(null)}>
          <h2 id="decide-title">{deciding === 'returned' ? t('review.returnTitle', { title: s.title }) : t('review.rejectTitle', { title: s.title })}</h2>
          <div className="form-field">
            <label htmlFor="review-note">{t('review.noteLabel')}</label>
            <textarea id="review-note" rows={4} maxLength={4000} value={note} onChange={(e) => setNote(e.target.value)} />
          </div>
          <AlertNotice message={failure} />
          <DialogActions
            cancelLabel={t('review.cancel')}
            onCancel={() => setDeciding(null)}
            actionLabel={t('review.send')}
            busyLabel={t('review.send')}
            busy={busy}
            disabled={note.trim() === ''}
            danger={deciding === 'rejected'}
            onConfirm={() => void decide(deciding, note)}
          />
        </Dialog>
      )}
      {publishing && <PublishDialog submissions={[s]} onClose={() => setPublishing(false)} />}
    </article>
  );
}

/** The files that came with a submission and its text does not show: a lesson's attachments, a note's other files. */
function SubmissionFiles({ submission: s }: { submission: Submission }) {
  const { t } = useI18n();
  const inText = new Set(s.content.kind === 'note' ? nodesOfType(s.content.bodyJson, 'image').map((n) => stringField(n, 'sha256')) : []);
  const files = (s.content.files ?? []).filter((f) => !inText.has(f.sha256));
  if (files.length === 0) return null;
  return (
    <section className="submission-files" aria-labelledby="submission-files-title">
      <h2 id="submission-files-title">{t('review.files')}</h2>
      <ul className="attached-file-list" aria-labelledby="submission-files-title">
        {files.map((f) => (
          <FileItem key={f.sha256} sha256={f.sha256} name={f.name} isImage={(IMAGE_TYPES as readonly string[]).includes(f.mime)} detail={formatFileSize(f.size)} />
        ))}
      </ul>
    </section>
  );
}

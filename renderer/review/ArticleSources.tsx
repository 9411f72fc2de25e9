import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { mutate } from '../data/query-client';
import { useQuery } from '../data/use-query';
import { useI18n } from '../i18n/i18n';
import { AlertNotice } from '../ui/AlertNotice';
import { Dialog, DialogActions } from '../ui/Dialog';
import type { Lang } from '../../core/i18n';
import type { KbArticle } from '../../core/kb/types';
import { ReviseDialog } from './ReviseDialog';
import './review.css';

/**
 * On an article published from review: the submissions it came from (those this device holds),
 * and for a knowledge manager the ways to change it (its next version) or withdraw it from every
 * device's knowledge base. Nothing for an article that did not come through review.
 */
export function ArticleSources({ article, textLang, title }: { article: KbArticle; textLang: Lang; title: string }) {
  const articleId = article.id;
  const { t, apiText } = useI18n();
  const navigate = useNavigate();
  const sources = useQuery('review.sourcesOf', { articleId });
  const sync = useQuery('sync.status', {});
  const [confirming, setConfirming] = useState(false);
  const [revising, setRevising] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const manager = sync.data?.account?.role === 'knowledge_manager';
  if (!sources.data || sources.data.length === 0) return null;

  async function withdraw(): Promise<void> {
    setBusy(true);
    setFailure(null);
    const result = await mutate('review.withdraw', { articleId });
    setBusy(false);
    if (result.ok) void navigate('/kb');
    else setFailure(apiText(result.error));
  }

  return (
    <>
      <section className="side-block" aria-labelledby="sources-title">
        <h2 id="sources-title">{t('review.sourcesTitle')}</h2>
        <ul className="article-sources">
          {sources.data.map((s) => (
            <li key={s.id}>
              <Link to={`/review/${encodeURIComponent(s.id)}`}>{s.title}</Link> — {s.authorName}
            </li>
          ))}
        </ul>
        {manager && (
          <div className="article-manager-actions">
            <button type="button" onClick={() => setRevising(true)}>
              {t('review.revise')}
            </button>
            <button type="button" className="danger-button" onClick={() => setConfirming(true)}>
              {t('review.withdraw')}
            </button>
          </div>
        )}
      </section>
      {revising && <ReviseDialog article={article} startLang={textLang} onClose={() => setRevising(false)} />}
      {confirming && (
        <Dialog labelledBy="withdraw-title" onClose={() => setConfirming(false)}>
          <h2 id="withdraw-title">{t('review.withdrawTitle', { title })}</h2>
          <p>{t('review.withdrawIntro')}</p>
          <AlertNotice message={failure} />
          <DialogActions
            cancelLabel={t('review.cancel')}
            onCancel={() => setConfirming(false)}
            actionLabel={t('review.withdrawNow')}
            busyLabel={t('review.withdrawing')}
            busy={busy}
            danger
            onConfirm={() => void withdraw()}
          />
        </Dialog>
      )}
    </>
  );
}

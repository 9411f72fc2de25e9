import { useEffect } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { Lang } from '../../core/i18n';
import { useI18n } from '../i18n/i18n';
import { useCall } from '../lib/use-call';
import { onEvent } from '../lib/api';
import { ErrorView, Loading } from '../app/StateViews';
import { ArticleMeta } from './ArticleMeta';
import { ArticleBody } from './ArticleBody';
import type { MessageKey } from '../i18n/en';

export function ArticlePage() {
  const { id = '' } = useParams();
  const { t, lang: uiLang } = useI18n();
  const [params, setParams] = useSearchParams();
  const article = useCall('kb.get', { id });
  const related = useCall('kb.related', { id, limit: 6 });
  useEffect(() => onEvent('kb.changed', () => (article.reload(), related.reload())));

  if (article.status === 'error') {
    return (
      <section className="page">
        <Link to="/kb">← {t('article.back')}</Link>
        <ErrorView error={article.error.code === 'not_found' ? { message: t('article.notFound') } : article.error} onRetry={article.error.code === 'not_found' ? undefined : article.reload} />
      </section>
    );
  }
  if (article.data === null || article.data.id !== id) return <Loading />;
  const a = article.data;
  const asked = params.get('lang');
  const wanted: Lang = asked === 'en' || asked === 'zh' ? asked : uiLang;
  const shown: Lang = a.body[wanted] !== null ? wanted : wanted === 'en' ? 'zh' : 'en';
  const body = a.body[shown];

  return (
    <article className="page article-page" aria-labelledby="page-title" lang={shown === 'zh' ? 'zh-CN' : 'en'}>
      <Link to="/kb" className="back-link">
        ← {t('article.back')}
      </Link>
      <div className="article-layout">
        <div className="article-main">
          <h1 id="page-title" tabIndex={-1}>
            {a.title[shown] || a.title[shown === 'en' ? 'zh' : 'en']}
          </h1>
          <ArticleMeta article={a} />
          <dl className="facts">
            <dt>{t('article.author')}</dt>
            <dd>{a.author}</dd>
            {a.reviewDate && (
              <>
                <dt>{t('article.reviewDate')}</dt>
                <dd>{a.reviewDate}</dd>
              </>
            )}
            <dt>{t('article.origin')}</dt>
            <dd>{t(`article.origin.${a.origin}` as MessageKey)}</dd>
          </dl>
          {a.pastReview && a.reviewDate && (
            <p className="notice warn" role="note">
              {t('article.pastReviewWarning', { date: a.reviewDate })}
            </p>
          )}
          <div className="lang-toggle" role="group" aria-label={t('article.textLanguage')}>
            {(['en', 'zh'] as const).map((l) => (
              <button key={l} type="button" aria-pressed={shown === l} disabled={a.body[l] === null} onClick={() => setParams({ lang: l }, { replace: true })}>
                {l === 'en' ? 'English' : '中文'}
              </button>
            ))}
          </div>
          {shown !== wanted && <p className="muted">{t('article.missingLanguage')}</p>}
          <p className="lead">{a.summary[shown]}</p>
          {body !== null && <ArticleBody state={body} label={a.title[shown]} />}
        </div>
        <aside className="related" aria-labelledby="related-title">
          <h2 id="related-title">{t('article.related')}</h2>
          {related.status === 'error' ? (
            <ErrorView error={related.error} onRetry={related.reload} />
          ) : related.data === null ? (
            <Loading />
          ) : related.data.length === 0 ? (
            <p className="muted">{t('article.noRelated')}</p>
          ) : (
            <ul>
              {related.data.map((r) => (
                <li key={r.id}>
                  <Link to={`/kb/${r.id}`}>{r.title[uiLang] || r.title.en}</Link>
                </li>
              ))}
            </ul>
          )}
        </aside>
      </div>
    </article>
  );
}

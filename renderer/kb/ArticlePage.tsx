import type { ReactNode } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { localDay } from '../../core/dates';
import type { Lang } from '../../core/i18n';
import { pick } from '../../core/i18n';
import type { KbArticle, KbArticleSummary } from '../../core/kb/types';
import { useI18n } from '../i18n/i18n';
import { htmlLang } from '../i18n/translate';
import { useQuery, type QueryHandle } from '../data/use-query';
import { onListKeyDown } from '../lib/list-focus';
import { PageHeading } from '../app/PageHeading';
import { ErrorView, Loading } from '../app/StateViews';
import { ArticleMeta } from './ArticleMeta';
import { ArticleSources } from '../review/ArticleSources';
// Lexical, which draws the body, comes with this page's own chunk: it loads with the first article
// opened, while the previous page stays on screen. Not a Suspense of its own: one that shows its
// "Loading…" makes React hold the article back until 300 ms after that.
import { ArticleBody } from './ArticleBody';
import { chooseBodyLang, parseLangParam } from './article-lang';
import './kb.css';

/** One article: title, metadata, the body in the chosen language, and related articles. */
export function ArticlePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const article = useQuery('kb.get', { id });
  const related = useQuery('kb.related', { id, limit: 8 });

  const back = (
    <Link to="/kb" className="back-link">
      ← {t('article.back')}
    </Link>
  );

  if (article.status === 'error' && article.error.code === 'not_found') {
    return (
      <section className="page" aria-labelledby="page-title">
        {back}
        <PageHeading title={t('article.notFoundTitle')}>{t('article.notFoundTitle')}</PageHeading>
        <p>{t('article.notFound', { id })}</p>
      </section>
    );
  }
  if (article.status === 'error') {
    return (
      <section className="page" aria-labelledby="page-title">
        {back}
        <PageHeading title={t('common.errorTitle')}>{t('common.errorTitle')}</PageHeading>
        <ErrorView message={article.error} onRetry={article.reload} />
      </section>
    );
  }
  // Data from the previous article stays in `article.data` while the next one loads.
  if (article.data === null || article.data.id !== id) {
    return (
      <section className="page">
        {back}
        <Loading />
      </section>
    );
  }
  return <ArticleView article={article.data} related={related} back={back} />;
}

function ArticleView({ article: a, related, back }: { article: KbArticle; related: QueryHandle<KbArticleSummary[]>; back: ReactNode }) {
  const { t, lang: uiLang } = useI18n();
  const [params, setParams] = useSearchParams();
  const wanted: Lang = parseLangParam(params.get('lang')) ?? uiLang;
  const shown = chooseBodyLang(a.body, wanted);
  const textLang: Lang = shown ?? wanted;
  const other: Lang = wanted === 'en' ? 'zh' : 'en';
  const title = pick(a.title, textLang);
  const summary = pick(a.summary, textLang);
  const body = shown === null ? null : a.body[shown];
  const bothLanguages = a.body.en !== null && a.body.zh !== null;

  return (
    <article className="page article-page" aria-labelledby="page-title">
      {back}
      <div className="article-layout">
        <div className="article-main" lang={textLang === uiLang ? undefined : htmlLang(textLang)}>
          <header className="article-header">
            <PageHeading title={title}>{title}</PageHeading>
            <p className="article-lead">{summary}</p>
          </header>
          {a.pastReview && a.reviewDate !== null && (
            <p className="notice warn" role="note" lang={htmlLang(uiLang)}>
              {t('article.pastReviewWarning', { date: a.reviewDate })}
            </p>
          )}
          {bothLanguages && (
            <div className="lang-toggle" role="group" aria-label={t('article.textLanguage')} lang={htmlLang(uiLang)}>
              {(['en', 'zh'] as const).map((l) => (
                <button key={l} type="button" aria-pressed={shown === l} onClick={() => setParams({ lang: l }, { replace: true })}>
                  {t(`lang.${l}`)}
                </button>
              ))}
            </div>
          )}
          {shown !== null && shown !== wanted && (
            <p className="muted" lang={htmlLang(uiLang)}>
              {t('article.missingLanguage', { lang: t(`langName.${wanted}`), other: t(`langName.${other}`) })}
            </p>
          )}
          {body === null ? (
            <p className="muted">{t('article.noBody')}</p>
          ) : (
            <ArticleBody key={`${a.id}:${shown}`} state={body} label={title} />
          )}
        </div>
        <aside className="article-side" lang={htmlLang(uiLang)}>
          <section className="side-block" aria-labelledby="details-title">
            <h2 id="details-title">{t('article.details')}</h2>
            <ArticleMeta article={a} linked />
            <dl className="facts">
              <dt>{t('article.author')}</dt>
              <dd>{a.author}</dd>
              <dt>{t('article.reviewDate')}</dt>
              <dd className={a.pastReview ? 'overdue' : undefined}>{a.reviewDate ?? t('article.noReviewDate')}</dd>
              <dt>{t('article.updated')}</dt>
              <dd>{localDay(new Date(a.updatedAt))}</dd>
              <dt>{t('article.origin')}</dt>
              <dd>{t(`article.origin.${a.origin}`)}</dd>
            </dl>
          </section>
          <ArticleSources article={a} textLang={textLang} title={title} />
          <RelatedArticles related={related} />
        </aside>
      </div>
    </article>
  );
}

function RelatedArticles({ related }: { related: QueryHandle<KbArticleSummary[]> }) {
  const { t, text } = useI18n();
  return (
    <nav className="side-block related" aria-labelledby="related-title">
      <h2 id="related-title">{t('article.related')}</h2>
      {related.status === 'error' ? (
        <ErrorView message={related.error} onRetry={related.reload} />
      ) : related.data === null || related.status === 'loading' ? (
        <Loading />
      ) : related.data.length === 0 ? (
        <p className="muted">{t('article.noRelated')}</p>
      ) : (
        <ul onKeyDown={(e) => onListKeyDown(e, 'a')}>
          {related.data.map((r) => (
            <li key={r.id}>
              <Link to={`/kb/${r.id}`}>{text(r.title)}</Link>
              <span className="related-type">{t(`kb.type.${r.type}`)}</span>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}

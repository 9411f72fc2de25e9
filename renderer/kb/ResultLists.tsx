import type { Ref } from 'react';
import { Link } from 'react-router';
import type { KbArticleSummary, RecordSearchHit, SearchHit, SearchKind } from '../../core/kb/types';
import { useI18n } from '../i18n/i18n';
import { onListKeyDown } from '../lib/list-focus';
import { htmlLang } from '../i18n/translate';
import { ArticleMeta } from './ArticleMeta';
import { Snippet } from './Snippet';
import { hitKindKey, hitPath } from './hits';

/** What arrow keys move between in the article lists. */
export const ITEM_LINK = 'a.article-link';

/**
 * The article page's code (with Lexical, which draws the body) is fetched when a pointer or the
 * focus reaches an article's link: a person's hover before the click is usually longer than the
 * fetch, so the first article opens as fast as the next ones.
 */
function preloadArticlePage(): void {
  void import('./ArticlePage').catch(() => undefined);
}

/** Browse list: title, summary and metadata per article; Up/Down move between titles. */
export function ArticleList({ items, busy, ref }: { items: KbArticleSummary[]; busy: boolean; ref?: Ref<HTMLUListElement> }) {
  const { text } = useI18n();
  return (
    <ul className="article-list" ref={ref} aria-busy={busy} onKeyDown={(e) => onListKeyDown(e, ITEM_LINK)}>
      {items.map((a) => (
        <li key={a.id} className="article-item">
          <Link to={`/kb/${a.id}`} className="article-link" onPointerEnter={preloadArticlePage} onFocus={preloadArticlePage}>
            {text(a.title)}
          </Link>
          <p className="article-summary">{text(a.summary)}</p>
          <ArticleMeta article={a} />
        </li>
      ))}
    </ul>
  );
}

/** "Article", "Field note" or "Lesson": what kind of record a search hit is. */
export function KindBadge({ kind }: { kind: SearchKind }) {
  const { t } = useI18n();
  return <span className={`badge kind-badge kind-${kind}`}>{t(hitKindKey(kind))}</span>;
}

/** What a field note or lesson belongs to, in place of an article's metadata. */
function RecordMeta({ hit }: { hit: RecordSearchHit }) {
  const { t } = useI18n();
  return (
    <div className="meta-row">
      <KindBadge kind={hit.kind} />
      <span className="chip">{hit.engagement ? t('search.engagement', { title: hit.engagement.title }) : t('search.noEngagement')}</span>
    </div>
  );
}

/**
 * Search hits of every kind: highlighted title and snippet in the language that matched, the kind
 * of record, and its metadata (an article's type, scenarios and tags; a note's or lesson's engagement).
 */
export function HitList({ hits, busy, ref }: { hits: SearchHit[]; busy: boolean; ref?: Ref<HTMLUListElement> }) {
  const { lang } = useI18n();
  return (
    <ul className="article-list" ref={ref} aria-busy={busy} onKeyDown={(e) => onListKeyDown(e, ITEM_LINK)}>
      {hits.map((hit) => {
        const textLang = hit.lang === lang ? undefined : htmlLang(hit.lang);
        return (
          <li key={`${hit.kind}:${hit.id}`} className="article-item">
            <Link to={hitPath(hit)} className="article-link" lang={textLang} onPointerEnter={hit.kind === 'kb' ? preloadArticlePage : undefined} onFocus={hit.kind === 'kb' ? preloadArticlePage : undefined}>
              <Snippet parts={hit.title} />
            </Link>
            <p className="article-snippet" lang={textLang}>
              <Snippet parts={hit.snippet} />
            </p>
            {hit.kind === 'kb' ? <ArticleMeta article={hit} lead={<KindBadge kind="kb" />} /> : <RecordMeta hit={hit} />}
          </li>
        );
      })}
    </ul>
  );
}

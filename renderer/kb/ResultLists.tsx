import type { Ref } from 'react';
import { Link } from 'react-router';
import type { KbArticleSummary, SearchHit } from '../../core/kb/types';
import { useI18n } from '../i18n/i18n';
import { onListKeyDown } from '../lib/list-focus';
import { htmlLang } from '../i18n/translate';
import { ArticleMeta } from './ArticleMeta';
import { Snippet } from './Snippet';

/** What arrow keys move between in the article lists. */
export const ITEM_LINK = 'a.article-link';

/** Browse list: title, summary and metadata per article; Up/Down move between titles. */
export function ArticleList({ items, busy, ref }: { items: KbArticleSummary[]; busy: boolean; ref?: Ref<HTMLUListElement> }) {
  const { text } = useI18n();
  return (
    <ul className="article-list" ref={ref} aria-busy={busy} onKeyDown={(e) => onListKeyDown(e, ITEM_LINK)}>
      {items.map((a) => (
        <li key={a.id} className="article-item">
          <Link to={`/kb/${a.id}`} className="article-link">
            {text(a.title)}
          </Link>
          <p className="article-summary">{text(a.summary)}</p>
          <ArticleMeta article={a} />
        </li>
      ))}
    </ul>
  );
}

/** Search hits: highlighted title and snippet in the language that matched. */
export function HitList({ hits, busy, ref }: { hits: SearchHit[]; busy: boolean; ref?: Ref<HTMLUListElement> }) {
  const { lang } = useI18n();
  return (
    <ul className="article-list" ref={ref} aria-busy={busy} onKeyDown={(e) => onListKeyDown(e, ITEM_LINK)}>
      {hits.map((hit) => (
        <li key={hit.id} className="article-item" lang={hit.lang === lang ? undefined : htmlLang(hit.lang)}>
          <Link to={`/kb/${hit.id}?lang=${hit.lang}`} className="article-link">
            <Snippet parts={hit.title} />
          </Link>
          <p className="article-snippet">
            <Snippet parts={hit.snippet} />
          </p>
          <ArticleMeta article={hit} />
        </li>
      ))}
    </ul>
  );
}

import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { KbArticleSummary } from '../../core/kb/types';
import { useI18n } from '../i18n/i18n';
import { useScenarios } from '../data/catalog';
import { scenarioName } from './labels';
import { EMPTY_KB_VIEW, kbViewPath } from './url-state';

type MetaFields = Pick<KbArticleSummary, 'type' | 'scenarios' | 'tags' | 'pastReview'>;

/**
 * Type badge, scenario chips, tags and the "review overdue" badge. In lists they are plain labels
 * (one tab stop per article); on the article page (`linked`) scenarios and tags open the filtered list.
 * `lead` comes first in the row (search results put the kind of hit there).
 */
export function ArticleMeta({ article, linked = false, lead }: { article: MetaFields; linked?: boolean; lead?: ReactNode }) {
  const { t, lang } = useI18n();
  const scenarios = useScenarios();
  return (
    <div className="meta-row">
      {lead}
      <span className={`badge type-badge type-${article.type}`}>{t(`kb.type.${article.type}`)}</span>
      {article.pastReview && <span className="badge overdue-badge">{t('kb.pastReview')}</span>}
      {article.scenarios.length === 0 ? (
        <span className="chip">{t('kb.forAllScenarios')}</span>
      ) : (
        article.scenarios.map((s) =>
          linked ? (
            <Link className="chip" key={s} to={kbViewPath({ ...EMPTY_KB_VIEW, scenario: s })}>
              {scenarioName(scenarios, s, lang)}
            </Link>
          ) : (
            <span className="chip" key={s}>
              {scenarioName(scenarios, s, lang)}
            </span>
          ),
        )
      )}
      {article.tags.map((tag) =>
        linked ? (
          <Link className="tag" key={tag} to={kbViewPath({ ...EMPTY_KB_VIEW, tags: [tag] })} aria-label={t('kb.filterByTag', { tag })}>
            #{tag}
          </Link>
        ) : (
          <span className="tag" key={tag}>
            #{tag}
          </span>
        ),
      )}
    </div>
  );
}

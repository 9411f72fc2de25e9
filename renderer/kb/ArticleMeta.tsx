import type { KbArticleSummary } from '../../core/kb/types';
import { useI18n } from '../i18n/i18n';
import { useCatalog } from '../state/catalog';
import { scenarioLabel, typeLabel } from './labels';

/** Type badge, scenario chips, tags and the review warning badge shown with an article. */
export function ArticleMeta({ article }: { article: Pick<KbArticleSummary, 'type' | 'scenarios' | 'tags' | 'pastReview'> }) {
  const { t, lang } = useI18n();
  const scenarios = useCatalog((s) => s.scenarios);
  return (
    <div className="meta-row">
      <span className={`badge type-${article.type}`}>{typeLabel(t, article.type)}</span>
      {article.scenarios.length === 0 ? (
        <span className="chip">{t('kb.forAllScenarios')}</span>
      ) : (
        article.scenarios.map((s) => (
          <span className="chip" key={s}>
            {scenarioLabel(scenarios, s, lang)}
          </span>
        ))
      )}
      {article.tags.map((tag) => (
        <span className="tag" key={tag}>
          #{tag}
        </span>
      ))}
      {article.pastReview && <span className="badge warn">{t('kb.pastReview')}</span>}
    </div>
  );
}

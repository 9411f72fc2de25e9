import type { RiskArticleRef } from '../../core/risks/types';
import { useI18n } from '../i18n/i18n';

/** A mitigation's knowledge-base articles as links to their pages, by title. */
export function ArticleLinks({ refs }: { refs: readonly RiskArticleRef[] }) {
  const { t, text } = useI18n();
  if (refs.length === 0) return null;
  return (
    <ul className="risk-articles">
      {refs.map((ref) => (
        <li key={ref.id}>
          {ref.title ? (
            <a className="chip" href={`#/kb/${encodeURIComponent(ref.id)}`}>
              {text(ref.title)}
            </a>
          ) : (
            <span className="chip muted">{t('risks.articleMissing', { id: ref.id })}</span>
          )}
        </li>
      ))}
    </ul>
  );
}

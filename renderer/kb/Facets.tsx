import { startTransition, useOptimistic, useState } from 'react';
import { KB_ARTICLE_TYPES, type KbArticleType, type KbFacets } from '../../core/kb/types';
import { pick } from '../../core/i18n';
import { useI18n } from '../i18n/i18n';
import { useQuery } from '../data/use-query';
import type { QueryHandle } from '../data/use-query';
import { byLabel } from './labels';
import { hasFilters, toggleTag, type KbView } from './url-state';

/** How many tags show before "Show all": the most used ones, plus any selected. */
const TOP_TAGS = 24;

function isType(value: string): value is KbArticleType {
  return (KB_ARTICLE_TYPES as readonly string[]).includes(value);
}

/**
 * The browse filters: scenario (a list) and type (a select), with article counts, and tags (toggle buttons).
 * Counts come from kb.facets; a scenario's count includes articles that apply to every scenario,
 * as its filter does.
 */
export function Facets({ view, facets, onChange }: { view: KbView; facets: QueryHandle<KbFacets>; onChange: (next: Partial<KbView>) => void }) {
  const { t, lang, apiText } = useI18n();
  const scenarioState = useQuery('scenarios.list', {});
  const scenarios = scenarioState.data ?? [];
  const [allTags, setAllTags] = useState(false);
  const data = facets.data;
  // The filters follow the address, which changes in a transition: what was picked shows at once,
  // not after the new results are ready (a radio that seems not to take the click).
  const [shown, showPicked] = useOptimistic({ scenario: view.scenario, type: view.type }, (current, picked: Partial<Pick<KbView, 'scenario' | 'type'>>) => ({ ...current, ...picked }));
  const pickFilter = (picked: Partial<Pick<KbView, 'scenario' | 'type'>>): void =>
    startTransition(() => {
      showPicked(picked);
      onChange(picked);
    });

  // Every known scenario, plus ids that articles use but no scenario record names.
  const known = new Set(scenarios.map((s) => s.id));
  const scenarioOptions = [
    ...byLabel(scenarios, (s) => pick(s.name, lang), lang).map((s) => ({ id: s.id, label: pick(s.name, lang), count: s.articleCount })),
    ...(data?.scenarios ?? []).filter((f) => !known.has(f.id)).map((f) => ({ id: f.id, label: f.id, count: f.count })),
  ];
  if (view.scenario !== null && !scenarioOptions.some((o) => o.id === view.scenario)) {
    scenarioOptions.push({ id: view.scenario, label: view.scenario, count: 0 });
  }

  const typeCount = (type: KbArticleType): number | null => (data ? (data.types.find((f) => f.type === type)?.count ?? 0) : null);

  const tags = data?.tags ?? [];
  const shownTags = allTags ? tags : tags.filter((f, i) => i < TOP_TAGS || view.tags.includes(f.tag));

  return (
    <div className="facets">
      {/* A list rather than a select: scenario names are long, and a closed select cuts them ("Network fault prediction (27"). */}
      <fieldset className="field-group scenario-facet">
        <legend className="field-label">{t('kb.scenario')}</legend>
        <ul className="facet-list">
          <li>
            <label>
              <input type="radio" name="kb-scenario" checked={shown.scenario === null} onChange={() => pickFilter({ scenario: null })} />
              <span className="facet-name">{t('kb.allScenarios')}</span>
            </label>
          </li>
          {scenarioOptions.map((o) => (
            <li key={o.id}>
              <label>
                <input type="radio" name="kb-scenario" checked={shown.scenario === o.id} onChange={() => pickFilter({ scenario: o.id })} />
                <span className="facet-name">{o.label}</span>
                <span className="facet-count">{o.count}</span>
              </label>
            </li>
          ))}
        </ul>
        {scenarioState.status === 'error' && (
          <p className="error-text">
            {t('kb.scenariosFailed', { message: apiText(scenarioState.error) })}{' '}
            <button type="button" className="link-button" onClick={() => void scenarioState.reload()}>
              {t('common.retry')}
            </button>
          </p>
        )}
      </fieldset>
      <label className="field">
        <span className="field-label">{t('kb.type')}</span>
        <select value={shown.type ?? ''} onChange={(e) => pickFilter({ type: isType(e.target.value) ? e.target.value : null })}>
          <option value="">{t('kb.allTypes')}</option>
          {KB_ARTICLE_TYPES.map((type) => {
            const count = typeCount(type);
            return (
              <option key={type} value={type}>
                {t(`kb.type.${type}`)}
                {count === null ? '' : ` (${count})`}
              </option>
            );
          })}
        </select>
      </label>
      <fieldset className="tag-facet">
        <legend className="field-label">{t('kb.tags')}</legend>
        {facets.status === 'error' && <p className="error-text">{t('kb.facetsFailed', { message: apiText(facets.error) })}</p>}
        <div className="tag-cloud">
          {shownTags.map((f) => {
            const on = view.tags.includes(f.tag);
            return (
              <button
                type="button"
                key={f.tag}
                className={on ? 'tag-toggle on' : 'tag-toggle'}
                aria-pressed={on}
                onClick={() => onChange({ tags: toggleTag(view.tags, f.tag) })}
              >
                #{f.tag} <span className="tag-count">{f.count}</span>
              </button>
            );
          })}
        </div>
        {tags.length > TOP_TAGS && (
          <button type="button" className="link-button" aria-expanded={allTags} onClick={() => setAllTags((v) => !v)}>
            {allTags ? t('kb.tagsShowFewer') : t('kb.tagsShowAll', { count: tags.length })}
          </button>
        )}
      </fieldset>
      {hasFilters(view) && (
        <button type="button" className="clear-filters" onClick={() => onChange({ scenario: null, type: null, tags: [] })}>
          {t('kb.clearFilters')}
        </button>
      )}
    </div>
  );
}

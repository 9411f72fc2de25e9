import { pick, type Lang } from '../../core/i18n';
import type { Scenario } from '../../core/kb/types';

/** A scenario's name in the UI language; an id with no scenario record is shown as the id. */
export function scenarioName(scenarios: readonly Scenario[], id: string, lang: Lang): string {
  const s = scenarios.find((x) => x.id === id);
  return s ? pick(s.name, lang) : id;
}

/** Sorts by a label in the UI language's collation (pinyin order for Chinese). */
export function byLabel<T>(items: readonly T[], label: (item: T) => string, lang: Lang): T[] {
  const collator = new Intl.Collator(lang === 'zh' ? 'zh-CN' : 'en', { sensitivity: 'base', numeric: true });
  return [...items].sort((a, b) => collator.compare(label(a), label(b)));
}

import type { KbArticleType } from '../../core/kb/types';
import type { Scenario } from '../../core/kb/types';
import type { MessageKey } from '../i18n/en';
import type { Translate } from '../i18n/i18n';
import { pick, type Lang } from '../../core/i18n';

export function typeLabel(t: Translate, type: KbArticleType): string {
  return t(`kb.type.${type}` as MessageKey);
}

export function scenarioLabel(scenarios: Scenario[], id: string, lang: Lang): string {
  const s = scenarios.find((x) => x.id === id);
  return s ? pick(s.name, lang) : id;
}

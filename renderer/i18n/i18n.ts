import type { Lang, Localized } from '../../core/i18n';
import { pick } from '../../core/i18n';
import { useSettings } from '../state/settings';
import { en, type MessageKey } from './en';
import { zh } from './zh';

export const DICTIONARIES: Record<Lang, Record<MessageKey, string>> = { en, zh };

export function translate(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return DICTIONARIES[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** The UI language's translator and a picker for bilingual content. */
export function useI18n(): { lang: Lang; t: Translate; text: (value: Localized) => string } {
  const lang = useSettings((s) => s.settings.language);
  return {
    lang,
    t: (key, params) => translate(lang, key, params),
    text: (value) => pick(value, lang),
  };
}

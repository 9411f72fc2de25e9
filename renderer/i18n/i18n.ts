import { useCallback, useMemo } from 'react';
import { formatApiMessage, type ApiMessage } from '../../core/api/message';
import { pick, type Lang, type Localized } from '../../core/i18n';
import { PUNCTUATION } from '../../core/document/typography';
import { useSettings } from '../state/settings';
import type { MessageKey } from './en';
import { translate, translatePlural, type MessageParams, type PluralKey } from './translate';

export type Translate = (key: MessageKey, params?: MessageParams) => string;
export type TranslatePlural = (key: PluralKey, count: number, params?: MessageParams) => string;

export type I18n = {
  lang: Lang;
  /** A UI message in the current language. */
  t: Translate;
  /** A counted UI message (`{count}` filled in, singular or plural form). */
  tn: TranslatePlural;
  /** A bilingual content text in the UI language, falling back to the other language. */
  text: (value: Localized) => string;
  /** What the backend said (an error, a field issue, a notice), in the UI language. */
  apiText: (message: ApiMessage) => string;
  /** What follows a label before its value: ": " in English, "：" in Chinese. */
  colon: string;
};

/** The UI language (from the stored settings) and its helpers. */
export function useI18n(): I18n {
  const lang = useSettings((s) => s.settings.language);
  const t = useCallback<Translate>((key, params) => translate(lang, key, params), [lang]);
  const tn = useCallback<TranslatePlural>((key, count, params) => translatePlural(lang, key, count, params), [lang]);
  const text = useCallback((value: Localized) => pick(value, lang), [lang]);
  const apiText = useCallback((message: ApiMessage) => formatApiMessage(message, lang), [lang]);
  return useMemo(() => ({ lang, t, tn, text, apiText, colon: PUNCTUATION[lang].colon }), [lang, t, tn, text, apiText]);
}

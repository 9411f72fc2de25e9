/** The two languages Fieldbench speaks, in the UI and in content. */
export const LANGS = ['en', 'zh'] as const;
export type Lang = (typeof LANGS)[number];

/**
 * The language of the first of these locales (BCP 47, most preferred first: `navigator.languages`,
 * Electron's preferred system languages) that is one Fieldbench speaks; English when none is.
 */
export function langOfLocales(locales: readonly string[]): Lang {
  for (const locale of locales) {
    const primary = locale.toLowerCase().split(/[-_]/)[0];
    if (primary === 'zh') return 'zh';
    if (primary === 'en') return 'en';
  }
  return 'en';
}

/** A user-visible text in both languages. */
export type Localized = { en: string; zh: string };

/** Picks the text for a language, falling back to the other one when it is empty. */
export function pick(text: Localized, lang: Lang): string {
  const own = text[lang];
  if (own.trim() !== '') return own;
  return lang === 'en' ? text.zh : text.en;
}

/** Items named in a sentence, listed as each language lists them: "a, b" and "a、b". */
export function listed(items: readonly string[]): Localized {
  return { en: items.join(', '), zh: items.join('、') };
}

/** Sentences one after another: a space between them in English, none in Chinese. */
export function joinSentences(sentences: readonly string[], lang: Lang): string {
  return sentences.filter((s) => s !== '').join(lang === 'zh' ? '' : ' ');
}

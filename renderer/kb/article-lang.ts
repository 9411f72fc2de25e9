import type { Lang } from '../../core/i18n';

/** Which language of an article body to show: the wanted one if it exists, else the other, else none. */
export function chooseBodyLang(body: { readonly [L in Lang]: unknown }, wanted: Lang): Lang | null {
  if (body[wanted] !== null) return wanted;
  const other: Lang = wanted === 'en' ? 'zh' : 'en';
  return body[other] !== null ? other : null;
}

/** Reads the `lang` URL parameter of the article page. */
export function parseLangParam(value: string | null): Lang | null {
  return value === 'en' || value === 'zh' ? value : null;
}

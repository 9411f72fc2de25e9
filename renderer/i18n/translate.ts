import type { Lang } from '../../core/i18n';
import { en, type MessageKey } from './en';
import { zh } from './zh';
import { formatCount } from '../ui/format';

/** Pure message lookup and formatting; the React hook lives in i18n.ts. */

export const DICTIONARIES: { readonly [L in Lang]: { readonly [K in MessageKey]: string } } = { en, zh };

export type MessageParams = Readonly<Record<string, string | number>>;

/** Keys that come as a `.one` / `.other` pair, named without the suffix. */
export type PluralKey = {
  [K in MessageKey]: K extends `${infer Base}.other` ? (`${Base}.one` extends MessageKey ? Base : never) : never;
}[MessageKey];

/** Fills `{name}` placeholders; a parameter that was not given stays visible as `{name}`. */
export function format(message: string, params: MessageParams = {}): string {
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export function translate(lang: Lang, key: MessageKey, params?: MessageParams): string {
  return format(DICTIONARIES[lang][key], params);
}

/** A message that depends on a count: `.one` for exactly 1, `.other` otherwise; `{count}` is filled in, digits grouped ("15,000"). */
export function translatePlural(lang: Lang, key: PluralKey, count: number, params: MessageParams = {}): string {
  const form: MessageKey = count === 1 ? `${key}.one` : `${key}.other`;
  return translate(lang, form, { ...params, count: formatCount(count, lang) });
}

/** The value for `<html lang>` and `lang` attributes. */
export function htmlLang(lang: Lang): string {
  return lang === 'zh' ? 'zh-CN' : 'en';
}

/** The placeholder names a message uses, sorted (for checking that translations keep them). */
export function placeholders(message: string): string[] {
  return [...new Set([...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''))].sort();
}

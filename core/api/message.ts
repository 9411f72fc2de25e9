import { pick, type Lang, type Localized } from '../i18n';
import { API_MESSAGES, type ApiMessageKey } from './messages';

/**
 * What the backend says to a user — an error, a field issue, a notice — travels as a key and
 * parameters, never as prose: the renderer words it in the user's language (formatApiMessage), and
 * the backend uses the same catalog for English logs and the `message` kept beside it.
 */

/** A parameter: a value shown as it is, a text in both languages, or a whole nested message. */
export type ApiParam = string | number | Localized | ApiMessage;
export type ApiMessage = { key: ApiMessageKey; params: Readonly<Record<string, ApiParam>> };

type StripBraces<P extends string> = P extends `{${infer Q}` ? StripBraces<Q> : P;
/** The `{name}` parameters of a text (`{{{name}}}` shows a template variable in braces: its parameter is `name`). */
type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? StripBraces<P> | Placeholders<Rest> : never;
/** The parameters a message's text names, each required. */
export type ParamsOf<K extends ApiMessageKey> = { readonly [P in Placeholders<(typeof API_MESSAGES)[K]['en']>]: ApiParam };

/** A message with the parameters its text needs (checked at compile time). */
export function msg<K extends ApiMessageKey>(key: K, ...params: [Placeholders<(typeof API_MESSAGES)[K]['en']>] extends [never] ? [] : [ParamsOf<K>]): ApiMessage {
  return { key, params: (params[0] ?? {}) as Readonly<Record<string, ApiParam>> };
}

export function isApiMessageKey(key: unknown): key is ApiMessageKey {
  return typeof key === 'string' && Object.prototype.hasOwnProperty.call(API_MESSAGES, key);
}

function isLocalized(value: ApiParam): value is Localized {
  return typeof value === 'object' && 'en' in value && 'zh' in value;
}

/** The message in a language; a parameter that was not given stays visible as `{name}`. */
export function formatApiMessage(message: ApiMessage, lang: Lang): string {
  const template = API_MESSAGES[message.key][lang];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = message.params[name];
    if (value === undefined) return whole;
    if (typeof value === 'string' || typeof value === 'number') return String(value);
    if (isLocalized(value)) return pick(value, lang);
    return formatApiMessage(value, lang);
  });
}

/** Validates a message that arrived from elsewhere (another process, sync): unknown keys are refused. */
export function isApiMessage(value: unknown): value is ApiMessage {
  if (typeof value !== 'object' || value === null) return false;
  const { key, params } = value as Record<string, unknown>;
  return isApiMessageKey(key) && typeof params === 'object' && params !== null;
}

/** Several messages as one text per language, joined as a list is written in each ("a, b" / "a、b"). */
export function joinedMessages(messages: readonly ApiMessage[]): Localized {
  return { en: messages.map((m) => formatApiMessage(m, 'en')).join(', '), zh: messages.map((m) => formatApiMessage(m, 'zh')).join('、') };
}

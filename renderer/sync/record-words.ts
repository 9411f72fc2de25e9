import { pick, type Lang } from '../../core/i18n';
import { fieldWords, recordKindWords } from '../../core/sync/record-words';
import type { Translate } from '../i18n/i18n';

/** A record by its kind and name ("Note “Roof survey”"); by its name alone when it is of a kind this version has no word for. */
export function recordName(t: Translate, lang: Lang, dataset: string, label: string): string {
  const kind = recordKindWords(dataset);
  return kind === null ? label : t('sync.recordName', { kind: pick(kind, lang), label });
}

/** A field as the forms name it, in the user's language (core/sync/record-words.ts). */
export function fieldName(lang: Lang, column: string): string {
  return pick(fieldWords(column), lang);
}

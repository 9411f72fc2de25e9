import { documentDay, PUNCTUATION, withAside } from '../document/typography';
import type { Question } from '../content/schemas';
import type { AnswerValue } from '../assessment/logic';
import { pick, type Lang } from '../i18n';
import type { Definition } from '../assessment/engine';
import { findQuestion } from '../assessment/engine';
import { REPORT_LABELS } from './report-labels';

/**
 * An answer in words, as a customer would read it: option labels instead of option values,
 * Yes/No, numbers with their unit. Used by the results page ("Because: …") and by the report.
 */

const NUMBER_LOCALE: Record<Lang, string> = { en: 'en-US', zh: 'zh-CN' };

function optionLabel(q: Question & { options: { value: string; label: { en: string; zh: string } }[] }, value: string, lang: Lang): string {
  const option = q.options.find((o) => o.value === value);
  // An option removed from the definition still shows what was stored.
  return option ? pick(option.label, lang) : value;
}

/** '' when there is nothing to say (no answer, or an evidence question whose answer is its photos). */
export function answerText(q: Question, value: AnswerValue | undefined, lang: Lang): string {
  const labels = REPORT_LABELS[lang];
  if (value === undefined || value === null) return '';
  switch (q.type) {
    case 'single':
      return typeof value === 'string' ? optionLabel(q, value, lang) : String(value);
    case 'multiple':
      return Array.isArray(value) ? value.map((v) => optionLabel(q, v, lang)).join(labels.listSeparator) : String(value);
    case 'yesno':
      return value === true ? labels.yes : value === false ? labels.no : String(value);
    case 'scale': {
      if (typeof value !== 'number') return String(value);
      const ends = [q.scale.minLabel && `${q.scale.min} = ${pick(q.scale.minLabel, lang)}`, q.scale.maxLabel && `${q.scale.max} = ${pick(q.scale.maxLabel, lang)}`].filter(Boolean);
      const scale = `${value} / ${q.scale.max}`;
      return ends.length > 0 ? withAside(scale, ends.join(PUNCTUATION[lang].semicolon), lang) : scale;
    }
    case 'number': {
      if (typeof value !== 'number') return String(value);
      const n = new Intl.NumberFormat(NUMBER_LOCALE[lang], { maximumFractionDigits: 4 }).format(value);
      return q.number.unit ? `${n} ${pick(q.number.unit, lang)}` : n;
    }
    case 'text':
      return typeof value === 'string' ? value : String(value);
    case 'date':
      return typeof value === 'string' ? documentDay(value, lang) : String(value);
    case 'evidence':
      return typeof value === 'string' ? value : '';
    default:
      return String(value);
  }
}

/** "Question = answer; Question = answer" (full-width ；in Chinese) for the answers that made a recommendation fire. */
export function becauseText(def: Definition, triggeredBy: readonly { questionId: string; value: AnswerValue }[], lang: Lang): string {
  return triggeredBy
    .map(({ questionId, value }) => {
      const q = findQuestion(def, questionId);
      if (!q) return `${questionId} = ${String(value)}`;
      return `${pick(q.text, lang)} = ${answerText(q, value, lang)}`;
    })
    .join(PUNCTUATION[lang].semicolon);
}

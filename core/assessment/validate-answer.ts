import type { Question } from '../content/schemas';
import type { AnswerValue } from './logic';
import { isRealDate } from '../dates';

export const TEXT_ANSWER_MAX = 20_000;
export const EVIDENCE_MAX_FILES = 50;
const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Checks an untrusted answer value against its question. Returns null when it is acceptable, or a
 * message that says what is wrong. null/undefined clears an answer and is always acceptable.
 */
export function validateAnswer(q: Question, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  switch (q.type) {
    case 'single':
      if (typeof value !== 'string') return 'choose one of the options';
      return q.options.some((o) => o.value === value) ? null : `"${value.slice(0, 60)}" is not one of the options`;
    case 'multiple': {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return 'choose any of the options';
      const unknown = value.find((v) => !q.options.some((o) => o.value === v));
      if (unknown !== undefined) return `"${String(unknown).slice(0, 60)}" is not one of the options`;
      return new Set(value).size === value.length ? null : 'an option is chosen twice';
    }
    case 'scale':
      if (typeof value !== 'number' || !Number.isInteger(value)) return `choose a whole number from ${q.scale.min} to ${q.scale.max}`;
      return value < q.scale.min || value > q.scale.max ? `${value} is outside the scale ${q.scale.min}–${q.scale.max}` : null;
    case 'yesno':
      return typeof value === 'boolean' ? null : 'answer yes or no';
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'enter a number';
      const { min, max, integer } = q.number;
      if (integer && !Number.isInteger(value)) return 'enter a whole number';
      if (min !== undefined && value < min) return `${value} is below the minimum ${min}`;
      if (max !== undefined && value > max) return `${value} is above the maximum ${max}`;
      return null;
    }
    case 'text': {
      if (typeof value !== 'string') return 'enter text';
      const limit = q.maxLength ?? TEXT_ANSWER_MAX;
      return value.length > limit ? `the text is ${value.length} characters long; at most ${limit}` : null;
    }
    case 'date':
      if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'enter a date as YYYY-MM-DD';
      return isRealDate(value) ? null : `${value} is not a real date`;
    case 'evidence':
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && SHA256.test(v))) return 'evidence must be a list of stored attachments';
      return value.length > EVIDENCE_MAX_FILES ? `at most ${EVIDENCE_MAX_FILES} files per question` : null;
  }
}

/** Narrows a validated answer to the stored value type. */
export function asAnswerValue(value: unknown): AnswerValue {
  if (value === undefined) return null;
  return value as AnswerValue;
}

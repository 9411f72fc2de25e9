import { msg, type ApiMessage } from '../api/message';
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
export function validateAnswer(q: Question, value: unknown): ApiMessage | null {
  if (value === null || value === undefined) return null;
  switch (q.type) {
    case 'single':
      if (typeof value !== 'string') return msg('answer.chooseOne');
      return q.options.some((o) => o.value === value) ? null : msg('answer.notAnOption', { value: value.slice(0, 60) });
    case 'multiple': {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return msg('answer.chooseAny');
      const unknown = value.find((v) => !q.options.some((o) => o.value === v));
      if (unknown !== undefined) return msg('answer.notAnOption', { value: String(unknown).slice(0, 60) });
      return new Set(value).size === value.length ? null : msg('answer.chosenTwice');
    }
    case 'scale':
      if (typeof value !== 'number' || !Number.isInteger(value)) return msg('answer.scaleWhole', { min: q.scale.min, max: q.scale.max });
      return value < q.scale.min || value > q.scale.max ? msg('answer.outsideScale', { value, min: q.scale.min, max: q.scale.max }) : null;
    case 'yesno':
      return typeof value === 'boolean' ? null : msg('answer.yesNo');
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return msg('answer.enterNumber');
      const { min, max, integer } = q.number;
      if (integer && !Number.isInteger(value)) return msg('answer.wholeNumber');
      if (min !== undefined && value < min) return msg('answer.belowMin', { value, min });
      if (max !== undefined && value > max) return msg('answer.aboveMax', { value, max });
      return null;
    }
    case 'text': {
      if (typeof value !== 'string') return msg('answer.enterText');
      const limit = q.maxLength ?? TEXT_ANSWER_MAX;
      return value.length > limit ? msg('answer.textTooLong', { length: value.length, max: limit }) : null;
    }
    case 'date':
      if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return msg('answer.enterDate');
      return isRealDate(value) ? null : msg('answer.notRealDate', { value });
    case 'evidence':
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && SHA256.test(v))) return msg('answer.evidenceList');
      return value.length > EVIDENCE_MAX_FILES ? msg('answer.tooManyFiles', { max: EVIDENCE_MAX_FILES }) : null;
  }
}

/** Narrows a validated answer to the stored value type. */
export function asAnswerValue(value: unknown): AnswerValue {
  if (value === undefined) return null;
  return value as AnswerValue;
}

import { useState } from 'react';
import type { Question } from '../../core/content/schemas';
import type { AnswerValue } from '../../core/assessment/logic';
import { TEXT_ANSWER_MAX } from '../../core/assessment/validate-answer';
import { useI18n } from '../i18n/i18n';
import type { Translate } from '../i18n/i18n';
import { readTypedNumber } from '../../core/typed-number';

/** How long typing may pause before the answer is saved. */
export const TYPING_DEBOUNCE_MS = 400;

type Props = {
  question: Question;
  value: AnswerValue | undefined;
  /** A new answer; `delayMs` is the debounce (0 for a click). */
  onChange: (value: AnswerValue, delayMs: number) => void;
  /** A problem found before saving (shown next to the question), or null when the input is fine. */
  onProblem: (message: string | null) => void;
  disabled: boolean;
  describedBy: string;
  labelledBy: string;
};

/** The choices a number key picks, in order (1 = the first). */
export function choiceValues(question: Question): AnswerValue[] {
  switch (question.type) {
    case 'single':
    case 'multiple':
      return question.options.map((o) => o.value);
    case 'yesno':
      return [true, false];
    case 'scale':
      return Array.from({ length: question.scale.max - question.scale.min + 1 }, (_, i) => question.scale.min + i);
    default:
      return [];
  }
}

/** Checks typed number text against the question; returns the number, null for empty, or a message. */
export function parseNumberAnswer(question: Extract<Question, { type: 'number' }>, draft: string, t: Translate): { value: number | null } | { problem: string } {
  if (draft.trim() === '') return { value: null };
  // "1,200", "1 200" and full-width digits read as 1200 (core/typed-number.ts).
  const read = readTypedNumber(draft);
  if (!read.ok) return { problem: t(read.reason === 'decimalComma' ? 'assessments.error.decimalComma' : 'assessments.error.number') };
  const value = Number(read.text);
  const { min, max, integer } = question.number;
  if (integer && !Number.isInteger(value)) return { problem: t('assessments.error.integer') };
  if (min !== undefined && value < min) return { problem: t('assessments.error.min', { value, min }) };
  if (max !== undefined && value > max) return { problem: t('assessments.error.max', { value, max }) };
  return { value };
}

export function QuestionInput({ question, value, onChange, onProblem, disabled, describedBy, labelledBy }: Props) {
  const { t, text } = useI18n();
  const name = `answer-${question.id}`;
  const common = { disabled, 'aria-describedby': describedBy };

  switch (question.type) {
    case 'single':
    case 'yesno':
    case 'scale': {
      const options =
        question.type === 'single'
          ? question.options.map((o) => ({ value: o.value as AnswerValue, label: text(o.label) }))
          : question.type === 'yesno'
            ? [
                { value: true as AnswerValue, label: t('assessments.yes') },
                { value: false as AnswerValue, label: t('assessments.no') },
              ]
            : choiceValues(question).map((v) => ({ value: v, label: String(v) }));
      return (
        <div role="radiogroup" aria-labelledby={labelledBy} aria-describedby={describedBy} className={`choices choices-${question.type}`}>
          {question.type === 'scale' && question.scale.minLabel && <span className="scale-end muted">{text(question.scale.minLabel)}</span>}
          {options.map((o, i) => (
            <label key={String(o.value)} className="choice">
              <input type="radio" name={name} checked={value === o.value} onChange={() => onChange(o.value, 0)} {...common} />
              {options.length <= 9 && <kbd aria-hidden="true">{i + 1}</kbd>}
              <span>{o.label}</span>
            </label>
          ))}
          {question.type === 'scale' && question.scale.maxLabel && <span className="scale-end muted">{text(question.scale.maxLabel)}</span>}
          {value !== undefined && value !== null && !disabled && (
            <button type="button" className="link-button clear-answer" onClick={() => onChange(null, 0)}>
              {t('assessments.clear')}
            </button>
          )}
        </div>
      );
    }
    case 'multiple': {
      const chosen = Array.isArray(value) ? value : [];
      return (
        <div role="group" aria-labelledby={labelledBy} aria-describedby={describedBy} className="choices choices-multiple">
          {question.options.map((o, i) => (
            <label key={o.value} className="choice">
              <input
                type="checkbox"
                name={name}
                checked={chosen.includes(o.value)}
                onChange={(e) => {
                  const next = e.target.checked ? [...chosen, o.value] : chosen.filter((v) => v !== o.value);
                  onChange(next.length > 0 ? question.options.map((x) => x.value).filter((v) => next.includes(v)) : null, 0);
                }}
                {...common}
              />
              {question.options.length <= 9 && <kbd aria-hidden="true">{i + 1}</kbd>}
              <span>{text(o.label)}</span>
            </label>
          ))}
        </div>
      );
    }
    case 'number':
      return <NumberInput question={question} value={value} onChange={onChange} onProblem={onProblem} disabled={disabled} describedBy={describedBy} labelledBy={labelledBy} />;
    case 'text':
      return <TextInput question={question} value={value} onChange={onChange} onProblem={onProblem} disabled={disabled} describedBy={describedBy} labelledBy={labelledBy} />;
    case 'date':
      return (
        <input
          type="date"
          className="date-input"
          aria-labelledby={labelledBy}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => {
            const v = e.target.value;
            if (v !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(v)) return onProblem(t('assessments.error.date'));
            onProblem(null);
            onChange(v === '' ? null : v, 0);
          }}
          {...common}
        />
      );
    case 'evidence':
      // The files themselves are attached below the question; the answer lists them.
      return null;
  }
}

/**
 * A typed field's own text, which follows its answer when the answer changes from outside (saved
 * in another window, "use the one saved elsewhere") unless the text already means that answer —
 * so "1,200" stays as typed, and text the answer does not take yet (too long) is never replaced.
 */
function useFollowingDraft(value: AnswerValue | undefined, show: (value: AnswerValue | undefined) => string, means: (draft: string, value: AnswerValue | undefined) => boolean) {
  const [draft, setDraft] = useState(() => show(value));
  const [given, setGiven] = useState(value);
  if (given !== value) {
    setGiven(value);
    if (!means(draft, value)) setDraft(show(value));
  }
  return [draft, setDraft] as const;
}

function NumberInput({ question, value, onChange, onProblem, disabled, describedBy, labelledBy }: Props & { question: Extract<Question, { type: 'number' }> }) {
  const { t, text } = useI18n();
  const [draft, setDraft] = useFollowingDraft(
    value,
    (v) => (typeof v === 'number' ? String(v) : ''),
    (d, v) => {
      const parsed = parseNumberAnswer(question, d, t);
      return 'value' in parsed && parsed.value === (v ?? null);
    },
  );
  const [invalid, setInvalid] = useState(false);
  const { min, max, unit } = question.number;
  const range =
    min !== undefined && max !== undefined ? t('assessments.range', { min, max }) : min !== undefined ? t('assessments.rangeMin', { min }) : max !== undefined ? t('assessments.rangeMax', { max }) : '';
  return (
    <div className="number-answer">
      <input
        type="text"
        inputMode="decimal"
        autoComplete="off"
        placeholder={t('assessments.numberPlaceholder')}
        aria-labelledby={labelledBy}
        aria-describedby={describedBy}
        aria-invalid={invalid}
        disabled={disabled}
        value={draft}
        onChange={(e) => {
          setDraft(e.target.value);
          const parsed = parseNumberAnswer(question, e.target.value, t);
          if ('problem' in parsed) {
            setInvalid(true);
            onProblem(parsed.problem);
            return;
          }
          setInvalid(false);
          onProblem(null);
          onChange(parsed.value, TYPING_DEBOUNCE_MS);
        }}
      />
      {unit && <span className="unit">{text(unit)}</span>}
      {range && <span className="muted range">{range}</span>}
    </div>
  );
}

function TextInput({ question, value, onChange, onProblem, disabled, describedBy, labelledBy }: Props & { question: Extract<Question, { type: 'text' }> }) {
  const { t } = useI18n();
  const [draft, setDraft] = useFollowingDraft(
    value,
    (v) => (typeof v === 'string' ? v : ''),
    (d, v) => (d.trim() === '' ? null : d) === (v ?? null),
  );
  const max = question.maxLength ?? TEXT_ANSWER_MAX;
  return (
    <textarea
      className="text-answer"
      rows={3}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      disabled={disabled}
      value={draft}
      onChange={(e) => {
        const next = e.target.value;
        setDraft(next);
        if (next.length > max) return onProblem(t('assessments.error.textLength', { length: next.length, max }));
        onProblem(null);
        onChange(next.trim() === '' ? null : next, TYPING_DEBOUNCE_MS);
      }}
    />
  );
}

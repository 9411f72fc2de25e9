import { useState, type KeyboardEvent } from 'react';
import type { Question } from '../../core/content/schemas';
import type { AnswerValue } from '../../core/assessment/logic';
import { ANSWER_NOTE_MAX } from '../../core/api/limits';
import { useI18n } from '../i18n/i18n';
import type { SaveState } from '../data/autosave';
import { AnswerFiles } from './AnswerFiles';
import { choiceValues, QuestionInput, TYPING_DEBOUNCE_MS } from './QuestionInput';
import { SaveStatus } from '../ui/SaveStatus';
import { QuestionNotes } from '../notes/QuestionNotes';

type Props = {
  sessionId: string;
  engagementId: string;
  question: Question;
  value: AnswerValue | undefined;
  note: string;
  disabled: boolean;
  status: SaveState | undefined;
  noteStatus: SaveState | undefined;
  onAnswer: (value: AnswerValue, delayMs: number) => void;
  onNote: (note: string, delayMs: number) => void;
  onRetry: () => void;
  onRetryNote: () => void;
};

function isTyping(target: EventTarget): boolean {
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && target.type !== 'radio' && target.type !== 'checkbox';
}

/** One question: its text, "why we ask", the answer input, its save state and problems, a note and files. */
export function QuestionCard({ sessionId, engagementId, question, value, note, disabled, status, noteStatus, onAnswer, onNote, onRetry, onRetryNote }: Props) {
  const { t, text } = useI18n();
  const [problem, setProblem] = useState<string | null>(null);
  const [noteDraft, setNoteDraft] = useState(note);
  const ids = { title: `q-${question.id}-title`, described: `q-${question.id}-described` };

  // Number keys pick the n-th option while focus is on the question but not in a text field.
  function pickByNumber(event: KeyboardEvent<HTMLElement>): void {
    if (disabled || event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
    const n = Number(event.key);
    const choices = choiceValues(question);
    if (!Number.isInteger(n) || n < 1 || n > Math.min(9, choices.length)) return;
    const picked = choices[n - 1];
    if (picked === undefined) return;
    event.preventDefault();
    if (question.type === 'multiple' && typeof picked === 'string') {
      const chosen = Array.isArray(value) ? value : [];
      const next = chosen.includes(picked) ? chosen.filter((v) => v !== picked) : [...chosen, picked];
      onAnswer(next.length > 0 ? question.options.map((o) => o.value).filter((v) => next.includes(v)) : null, 0);
    } else onAnswer(picked, 0);
    const group = event.currentTarget.querySelectorAll<HTMLInputElement>('.choices input');
    group[n - 1]?.focus();
  }

  const shownProblem = problem;
  return (
    <article className="question-card" aria-labelledby={ids.title} data-question={question.id} onKeyDown={pickByNumber}>
      <header className="question-head">
        <h3 id={ids.title} className="question-text">
          {text(question.text)}
          {question.required && <span className="required-mark"> · {t('assessments.required')}</span>}
        </h3>
        {status && <SaveStatus state={status} onRetry={onRetry} quiet />}
      </header>
      {(question.help || question.helpArticles.length > 0) && (
        <details className="why-we-ask">
          <summary>{t('assessments.why')}</summary>
          {question.help && <p>{text(question.help)}</p>}
          {question.helpArticles.length > 0 && (
            <p>
              {t('assessments.readMore')}{' '}
              {question.helpArticles.map((id, i) => (
                <span key={id}>
                  {i > 0 && ', '}
                  <a href={`#/kb/${id}`}>{id}</a>
                </span>
              ))}
            </p>
          )}
        </details>
      )}
      <QuestionInput
        question={question}
        value={value}
        disabled={disabled}
        describedBy={ids.described}
        labelledBy={ids.title}
        onProblem={setProblem}
        onChange={(v, delay) => {
          setProblem(null);
          onAnswer(v, delay);
        }}
      />
      <p id={ids.described} className="question-problem error-text" role={shownProblem ? 'alert' : undefined}>
        {shownProblem}
      </p>
      <AnswerFiles
        sessionId={sessionId}
        questionId={question.id}
        disabled={disabled}
        {...(question.type === 'evidence' ? { onFilesChange: (shas: string[]) => onAnswer(shas.length > 0 ? shas : null, 0) } : {})}
      />
      <div className="question-note">
        <label htmlFor={`note-${question.id}`} className="field-label">
          {t('assessments.note')}
        </label>
        {noteStatus && <SaveStatus state={noteStatus} onRetry={onRetryNote} quiet />}
        <textarea
          id={`note-${question.id}`}
          rows={2}
          maxLength={ANSWER_NOTE_MAX}
          placeholder={t('assessments.notePlaceholder')}
          disabled={disabled}
          value={noteDraft}
          onChange={(e) => {
            setNoteDraft(e.target.value);
            onNote(e.target.value, TYPING_DEBOUNCE_MS);
          }}
        />
      </div>
      <FieldNotesToggle sessionId={sessionId} questionId={question.id} engagementId={engagementId} />
    </article>
  );
}

/** Rich field notes on the question, loaded only when opened (a section can show many questions). */
function FieldNotesToggle({ sessionId, questionId, engagementId }: { sessionId: string; questionId: string; engagementId: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <details className="question-field-notes" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('assessments.fieldNotes')}</summary>
      {open && <QuestionNotes sessionId={sessionId} questionId={questionId} engagementId={engagementId} />}
    </details>
  );
}

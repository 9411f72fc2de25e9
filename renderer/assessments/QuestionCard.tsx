import { useState, type KeyboardEvent } from 'react';
import type { Question } from '../../core/content/schemas';
import type { AnswerValue } from '../../core/assessment/logic';
import type { StoredAnswer } from '../../core/assessment/types';
import { answerText } from '../../core/report/answer-text';
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
  /** What is stored for the question: shown beside this runner's value after a conflict. */
  stored: StoredAnswer | undefined;
  disabled: boolean;
  status: SaveState | undefined;
  noteStatus: SaveState | undefined;
  onAnswer: (value: AnswerValue, delayMs: number) => void;
  onNote: (note: string, delayMs: number) => void;
  onRetry: () => void;
  onRetryNote: () => void;
  onResolve: (keep: 'mine' | 'theirs') => void;
  onResolveNote: (keep: 'mine' | 'theirs') => void;
};

function isTyping(target: EventTarget): boolean {
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && target.type !== 'radio' && target.type !== 'checkbox';
}

/** One question: its text, "why we ask", the answer input, its save state and problems, a note and files. */
export function QuestionCard({ sessionId, engagementId, question, value, note, stored, disabled, status, noteStatus, onAnswer, onNote, onRetry, onRetryNote, onResolve, onResolveNote }: Props) {
  const { t, text, lang } = useI18n();
  const [problem, setProblem] = useState<string | null>(null);
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
        {status && !isConflict(status) && <SaveStatus state={status} onRetry={onRetry} quiet />}
      </header>
      {status && isConflict(status) && (
        <ConflictChoice state={status} stored={answerText(question, stored?.value, lang)} mine={answerText(question, value, lang)} onResolve={onResolve} />
      )}
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
        {noteStatus && !isConflict(noteStatus) && <SaveStatus state={noteStatus} onRetry={onRetryNote} quiet />}
        <textarea
          id={`note-${question.id}`}
          rows={2}
          maxLength={ANSWER_NOTE_MAX}
          placeholder={t('assessments.notePlaceholder')}
          disabled={disabled}
          value={note}
          onChange={(e) => onNote(e.target.value, TYPING_DEBOUNCE_MS)}
        />
        {noteStatus && isConflict(noteStatus) && <ConflictChoice state={noteStatus} stored={stored?.note ?? ''} mine={note} onResolve={onResolveNote} />}
      </div>
      <FieldNotesToggle sessionId={sessionId} questionId={question.id} engagementId={engagementId} />
    </article>
  );
}

function isConflict(state: SaveState): state is Extract<SaveState, { state: 'error' }> {
  return state.state === 'error' && state.conflict;
}

/** A save refused because the stored value changed elsewhere: both values, and the user's choice. */
function ConflictChoice({ state, stored, mine, onResolve }: { state: Extract<SaveState, { state: 'error' }>; stored: string; mine: string; onResolve: (keep: 'mine' | 'theirs') => void }) {
  const { t, apiText } = useI18n();
  const empty = (s: string): string => (s.trim() === '' ? '—' : s);
  return (
    <div className="conflict-choice" role="alert">
      <p>{apiText(state.problem)}</p>
      <dl>
        <dt>{t('assessments.conflictStored')}</dt>
        <dd data-testid="conflict-stored">{empty(stored)}</dd>
        <dt>{t('assessments.conflictMine')}</dt>
        <dd data-testid="conflict-mine">{empty(mine)}</dd>
      </dl>
      <div className="conflict-actions">
        <button type="button" onClick={() => onResolve('mine')}>
          {t('assessments.keepMine')}
        </button>
        <button type="button" onClick={() => onResolve('theirs')}>
          {t('assessments.useStored')}
        </button>
      </div>
    </div>
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

import { useCallback, useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { AssessmentDetail } from '../../core/assessment/types';
import { evaluateAssessment, type Answers } from '../../core/assessment/engine';
import type { AnswerValue } from '../../core/assessment/logic';
import type { ApiResult } from '../../core/api/result';
import { adjacentQuestion, sectionProgress } from '../../core/assessment/progress';
import { mutate } from '../data/query-client';
import { currentData, useQuery } from '../data/use-query';
import { useI18n } from '../i18n/i18n';
import { PageHeading } from '../app/PageHeading';
import { ErrorView, Loading } from '../app/StateViews';
import { useAutosave, type SaveAck } from '../data/autosave';
import { formatDateTime, formatTime } from '../ui/format';
import { QuestionCard } from './QuestionCard';
import { showValue, UpgradeDialog } from './UpgradeDialog';
import './assessments.css';
import { answerVersion, noteVersion } from '../../core/assessment/answer-version';
import { storedVersions, useChangesFromElsewhere, useSeenStamps } from './changes-elsewhere';
import { answerCopies, noteCopies, sameAnswer, sameNote, unsavedCopies, type AnswerDraft, type NoteDraft, type UnsavedCopy } from './runner-copies';

type Mode = 'question' | 'section';
const MODE_KEY = 'fieldbench.assessments.mode';

function storedMode(): Mode {
  return localStorage.getItem(MODE_KEY) === 'section' ? 'section' : 'question';
}

/** The guided runner `#/assessments/:id`. */
export function RunnerPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const detail = useQuery('assessments.get', { id });
  const d = currentData(detail);
  if (!d) {
    return (
      <section className="page" aria-labelledby="page-title">
        {detail.status === 'error' ? (
          <>
            <PageHeading title={detail.error.code === 'not_found' ? t('assessments.notFoundTitle') : t('common.errorTitle')}>
              {detail.error.code === 'not_found' ? t('assessments.notFoundTitle') : t('common.errorTitle')}
            </PageHeading>
            <ErrorView message={detail.error} onRetry={detail.reload} />
          </>
        ) : (
          <Loading />
        )}
      </section>
    );
  }
  // A new definition version (after an upgrade) starts the runner afresh from the stored answers.
  return <Runner key={`${d.session.id}@${d.session.definitionVersion}`} detail={d} reload={detail.reload} />;
}

/** What the runner's saves report: when the backend acknowledged the write, and the version now stored. */
function acknowledged(result: ApiResult<{ savedAt: string }>, version: string, seen: Map<string, string>, questionId: string): ApiResult<SaveAck> {
  if (!result.ok) return result;
  seen.set(questionId, result.value.savedAt);
  return { ok: true, value: { savedAt: result.value.savedAt, version } };
}

function Runner({ detail, reload }: { detail: AssessmentDetail; reload: () => void }) {
  const { t, tn, text, lang, apiText } = useI18n();
  const { session, definition } = detail;
  const readOnly = session.status === 'completed';
  const [params, setParams] = useSearchParams();
  const [mode, setMode] = useState<Mode>(storedMode);
  // What this device typed that the database never acknowledged (a reload, a closed window), put back once.
  const [restored] = useState(() =>
    readOnly
      ? { answers: new Map<string, UnsavedCopy<AnswerDraft>>(), notes: new Map<string, UnsavedCopy<NoteDraft>>() }
      : { answers: unsavedCopies(answerCopies(session.id), detail.answers, sameAnswer), notes: unsavedCopies(noteCopies(session.id), detail.answers, sameNote) },
  );
  const [answers, setAnswers] = useState<Record<string, AnswerValue>>(() => ({
    ...Object.fromEntries(Object.entries(detail.answers).map(([q, a]) => [q, a.value])),
    ...Object.fromEntries([...restored.answers].map(([q, c]) => [q, c.draft.value])),
  }));
  const [notes, setNotes] = useState<Record<string, string>>(() => ({
    ...Object.fromEntries(Object.entries(detail.answers).map(([q, a]) => [q, a.note])),
    ...Object.fromEntries([...restored.notes].map(([q, c]) => [q, c.draft.note])),
  }));
  const [upgrading, setUpgrading] = useState(false);
  const seen = useSeenStamps(detail);
  // What each answer and note starts from, worked out once per load of the session, not on every keystroke.
  const openedAnswers = useMemo(() => storedVersions(detail, (a) => ({ draft: { value: a?.value ?? null }, version: answerVersion(a?.value) })), [detail]);
  const openedNotes = useMemo(() => storedVersions(detail, (a) => ({ draft: { note: a?.note ?? '' }, version: noteVersion(a?.note) })), [detail]);
  // Each answer and each note saves on its own, keyed by question, with a copy on this device until
  // acknowledged. Each save names the stored version it started from, so an answer changed in
  // another tab or window meanwhile is never overwritten unseen (the backend answers `conflict`).
  const answerSaves = useAutosave<AnswerDraft>({
    copies: answerCopies(session.id),
    opened: openedAnswers,
    save: async (questionId, draft, _changed, version) =>
      acknowledged(await mutate('assessments.answer', { sessionId: session.id, questionId, value: draft.value, ...(version === null ? {} : { baseVersion: version }) }), answerVersion(draft.value), seen.answers, questionId),
  });
  const noteSaves = useAutosave<NoteDraft>({
    copies: noteCopies(session.id),
    opened: openedNotes,
    save: async (questionId, draft, _changed, version) =>
      acknowledged(await mutate('assessments.note', { sessionId: session.id, questionId, note: draft.note, ...(version === null ? {} : { baseVersion: version }) }), noteVersion(draft.note), seen.notes, questionId),
  });
  const [changedElsewhere, setChangedElsewhere] = useState(0);
  useChangesFromElsewhere(detail, seen, { answers, notes, setAnswers, setNotes, answerSaves, noteSaves, onTaken: (n) => setChangedElsewhere((c) => c + n) });
  // A refused save means another tab or window wrote first: load what it wrote, to show both.
  const conflicts = [...Object.values(answerSaves.states), ...Object.values(noteSaves.states)].filter((s) => s.state === 'error' && s.conflict).length;
  useEffect(() => {
    if (conflicts > 0) reload();
  }, [conflicts, reload]);
  const restoredCount = restored.answers.size + restored.notes.size;
  // The restored changes are saved now, as if just typed — on the version they were typed on.
  const { change: changeAnswer, rebase: rebaseAnswer } = answerSaves;
  const { change: changeNote, rebase: rebaseNote } = noteSaves;
  useEffect(() => {
    for (const [questionId, copy] of restored.answers) {
      if (copy.baseVersion !== null) rebaseAnswer(questionId, copy.baseVersion);
      changeAnswer(questionId, copy.draft, 0);
    }
    for (const [questionId, copy] of restored.notes) {
      if (copy.baseVersion !== null) rebaseNote(questionId, copy.baseVersion);
      changeNote(questionId, copy.draft, 0);
    }
  }, [restored, changeAnswer, changeNote, rebaseAnswer, rebaseNote]);

  const result = useMemo(() => evaluateAssessment(definition, answers as Answers), [definition, answers]);
  const progress = useMemo(() => sectionProgress(definition, result, answers as Answers), [definition, result, answers]);
  const visible = result.visibleQuestions;
  const requested = params.get('q');
  const current = requested && visible.includes(requested) ? requested : (visible[0] ?? null);
  const currentSection = definition.sections.find((s) => s.questions.some((q) => q.id === current)) ?? definition.sections[0];

  const goTo = useCallback(
    (questionId: string | null) => {
      if (!questionId) return;
      setParams({ q: questionId }, { replace: true });
      // Focus the question's first control so keyboard users continue where they look.
      requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-question="${questionId}"] input, [data-question="${questionId}"] textarea`)?.focus());
    },
    [setParams],
  );

  const answer = (questionId: string, value: AnswerValue, delayMs: number): void => {
    setAnswers((a) => ({ ...a, [questionId]: value }));
    answerSaves.change(questionId, { value }, delayMs);
  };
  const note = (questionId: string, body: string, delayMs: number): void => {
    setNotes((n) => ({ ...n, [questionId]: body }));
    noteSaves.change(questionId, { note: body }, delayMs);
  };
  /** After a conflict: keep this window's value (saved over the other) or take the stored one. */
  const resolveAnswer = (questionId: string, keep: 'mine' | 'theirs'): void => {
    const stored = detail.answers[questionId]?.value ?? null;
    if (keep === 'mine') {
      answerSaves.rebase(questionId, answerVersion(stored));
      answerSaves.retry(questionId);
    } else {
      setAnswers((a) => ({ ...a, [questionId]: stored }));
      answerSaves.discard(questionId, answerVersion(stored));
    }
  };
  const resolveNote = (questionId: string, keep: 'mine' | 'theirs'): void => {
    const stored = detail.answers[questionId]?.note ?? '';
    if (keep === 'mine') {
      noteSaves.rebase(questionId, noteVersion(stored));
      noteSaves.retry(questionId);
    } else {
      setNotes((n) => ({ ...n, [questionId]: stored }));
      noteSaves.discard(questionId, noteVersion(stored));
    }
  };

  const all = [...Object.values(answerSaves.states), ...Object.values(noteSaves.states)];
  const failed = all.filter((s) => s.state === 'error' && !s.conflict).length;
  const saving = all.some((s) => s.state === 'saving');
  const lastSaved = all.reduce<string | null>((last, s) => (s.state === 'saved' && (!last || s.at > last) ? s.at : last), null);

  useEffect(() => {
    localStorage.setItem(MODE_KEY, mode);
  }, [mode]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.altKey && (event.key === 'ArrowRight' || event.key === 'ArrowLeft')) {
      event.preventDefault();
      const step = event.key === 'ArrowRight' ? 1 : -1;
      if (mode === 'question' && current) goTo(adjacentQuestion(result, current, step));
      else if (currentSection) {
        const sections = progress.map((p) => p.id);
        const next = sections[sections.indexOf(currentSection.id) + step];
        const first = definition.sections.find((s) => s.id === next)?.questions.find((q) => visible.includes(q.id));
        if (first) goTo(first.id);
      }
      return;
    }
    // Enter in a one-line field or on a choice moves on, in the one-question view.
    if (event.key === 'Enter' && mode === 'question' && current && event.target instanceof HTMLInputElement && event.target.type !== 'file') {
      event.preventDefault();
      goTo(adjacentQuestion(result, current, 1));
    }
  }

  const shown = mode === 'question' ? visible.filter((q) => q === current) : (currentSection?.questions.map((q) => q.id).filter((q) => visible.includes(q)) ?? []);
  const position = current ? visible.indexOf(current) + 1 : 0;
  const title = text(definition.title);
  const percent = visible.length === 0 ? 0 : Math.round((result.answeredCount / visible.length) * 100);

  return (
    <div className="page runner" onKeyDown={onKeyDown}>
      <header className="page-header runner-header">
        <p className="eyebrow">{t('assessments.runnerEyebrow', { engagement: detail.engagement.title, customer: detail.engagement.customerName })}</p>
        <PageHeading title={title}>{title}</PageHeading>
        <div className="runner-toolbar">
          <div role="group" aria-label={t('assessments.mode')} className="segmented">
            <button type="button" aria-pressed={mode === 'question'} onClick={() => setMode('question')}>
              {t('assessments.modeQuestion')}
            </button>
            <button type="button" aria-pressed={mode === 'section'} onClick={() => setMode('section')}>
              {t('assessments.modeSection')}
            </button>
          </div>
          <div className="runner-progress">
            <progress max={visible.length} value={result.answeredCount} aria-label={t('assessments.progressLabel')} />
            <span>{t('assessments.progress', { answered: result.answeredCount, total: visible.length })} · {percent}%</span>
          </div>
          <span className="runner-save" aria-live="polite" data-testid="runner-save">
            {conflicts > 0 ? (
              <span className="save-status failed">{tn('assessments.conflicts', conflicts)}</span>
            ) : failed > 0 ? (
              <span className="save-status failed">{tn('assessments.unsaved', failed)}</span>
            ) : saving ? (
              <span className="save-status saving">{t('assessments.saving')}</span>
            ) : lastSaved ? (
              <span className="save-status saved">{t('assessments.allSaved', { time: formatTime(lastSaved, lang) })}</span>
            ) : null}
          </span>
          {readOnly ? (
            <Link to={`/assessments/${session.id}/results`}>{t('assessments.results')}</Link>
          ) : (
            <Link className="button-link primary-button" to={`/assessments/${session.id}/review`}>
              {t('assessments.review')}
            </Link>
          )}
        </div>
        {changedElsewhere > 0 && (
          <p className="notice" role="status" data-testid="runner-changed-elsewhere">
            {tn('assessments.changedElsewhere', changedElsewhere)}
          </p>
        )}
        {restoredCount > 0 && (
          <p className="notice" role="status" data-testid="runner-restored">
            {tn('assessments.restored', restoredCount)}
          </p>
        )}
      </header>

      {readOnly && <p className="notice">{t('assessments.completedNotice', { date: formatDateTime(session.completedAt ?? session.updatedAt, lang) })}</p>}
      {detail.newerVersion !== null && !readOnly && (
        <p className="notice warn newer-banner">
          {t('assessments.newerBanner', { version: detail.newerVersion })}{' '}
          <button type="button" onClick={() => setUpgrading(true)}>
            {t('assessments.showChanges')}
          </button>
        </p>
      )}
      {upgrading && (
        <UpgradeDialog
          sessionId={session.id}
          onClose={() => setUpgrading(false)}
          // The upgrade refreshes the session; its new definition version remounts the runner.
          onMoved={() => setUpgrading(false)}
        />
      )}

      <div className="runner-body">
        <nav className="runner-sections" aria-label={t('assessments.sections')}>
          <ol>
            {progress.map((p) => {
              const section = definition.sections.find((s) => s.id === p.id);
              if (!section) return null;
              const first = section.questions.find((q) => visible.includes(q.id));
              return (
                <li key={p.id}>
                  <button type="button" className="section-link" aria-current={section.id === currentSection?.id ? 'step' : undefined} onClick={() => goTo(first?.id ?? null)}>
                    <span className="section-title">{text(section.title)}</span>
                    <span className="section-count">{t('assessments.sectionProgress', { answered: p.answered, total: p.total })}</span>
                  </button>
                  {p.requiredMissing > 0 && <span className="section-missing">{tn('assessments.sectionMissing', p.requiredMissing)}</span>}
                </li>
              );
            })}
          </ol>
        </nav>

        <div className="runner-questions">
          {mode === 'question' && current && <p className="muted question-position">{t('assessments.questionOf', { index: position, total: visible.length })}</p>}
          {mode === 'section' && currentSection && <h2 className="section-heading">{text(currentSection.title)}</h2>}
          {shown.map((questionId) => {
            const question = definition.sections.flatMap((s) => s.questions).find((q) => q.id === questionId);
            if (!question) return null;
            return (
              <QuestionCard
                key={question.id}
                sessionId={session.id}
                engagementId={session.engagementId}
                question={question}
                value={answers[question.id]}
                note={notes[question.id] ?? ''}
                stored={detail.answers[question.id]}
                onResolve={(keep) => resolveAnswer(question.id, keep)}
                onResolveNote={(keep) => resolveNote(question.id, keep)}
                disabled={readOnly}
                status={answerSaves.states[question.id]}
                noteStatus={noteSaves.states[question.id]}
                onAnswer={(v, delay) => answer(question.id, v, delay)}
                onNote={(n, delay) => note(question.id, n, delay)}
                onRetry={() => answerSaves.retry(question.id)}
                onRetryNote={() => noteSaves.retry(question.id)}
              />
            );
          })}
          {mode === 'question' && current && (
            <div className="runner-nav">
              <button type="button" disabled={position <= 1} onClick={() => goTo(adjacentQuestion(result, current, -1))}>
                ← {t('assessments.previous')}
              </button>
              <button type="button" disabled={position >= visible.length} onClick={() => goTo(adjacentQuestion(result, current, 1))}>
                {t('assessments.next')} →
              </button>
            </div>
          )}
          <p className="muted keys-hint">{t('assessments.keysHint')}</p>
          {detail.setAside.length > 0 && (
            <details className="set-aside">
              <summary>{t('assessments.keptAside')}</summary>
              <ul>
                {detail.setAside.map((s) => (
                  <li key={`${s.questionId}-${s.setAsideAt}`}>
                    <code>{s.questionId}</code> (v{s.fromVersion}): {t('assessments.setAsideReason', { value: showValue(s.value), reason: apiText(s.reason) })}
                    {s.note && <span className="muted"> — {s.note}</span>}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      </div>
    </div>
  );
}

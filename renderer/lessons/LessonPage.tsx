import { useEffect, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useFocusWhenJustCreated } from '../app/created-focus';
import { LESSON_FIELD_MAX, LESSON_SCENARIOS_MAX, LESSON_TITLE_MAX, missingForReady, type Lesson, type LessonFields } from '../../core/notes/types';
import { PageHeading } from '../app/PageHeading';
import { Loading } from '../app/StateViews';
import { RecordLoadFailed } from '../app/RecordStates';
import { useI18n } from '../i18n/i18n';
import { RecordConflictNotice } from '../sync/RecordConflictNotice';
import type { MessageKey } from '../i18n/en';
import { mutate } from '../data/query-client';
import { currentData, useQuery } from '../data/use-query';
import { AttachedFiles } from '../ui/AttachedFiles';
import { TagsInput } from '../notes/TagsInput';
import { ScenarioChecks } from '../ui/ScenarioChecks';
import { IDLE, type SaveState } from '../data/autosave';
import { SaveStatus } from '../ui/SaveStatus';
import { ReviewPanel } from '../review/ReviewPanel';
import './lessons.css';

type TextField = 'context' | 'problem' | 'action' | 'result' | 'recommendation';
const TEXT_FIELDS: TextField[] = ['context', 'problem', 'action', 'result', 'recommendation'];
const REQUIRED = new Set<string>(['title', 'problem', 'action', 'recommendation']);

/** `#/lessons/:id`: a lesson's structured fields, its sources and its status. */
export function LessonPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const lesson = useQuery('lessons.get', { id });
  const back = (
    <Link to="/lessons" className="back-link">
      ← {t('lessons.back')}
    </Link>
  );
  const loaded = currentData(lesson);
  // The form takes the lesson once: a later refetch (after its own save) never resets it.
  // A submitted or merged lesson is locked: the form starts afresh when review changes that.
  if (loaded) return <LessonForm key={`${loaded.id}:${loaded.status === 'submitted' || loaded.status === 'merged'}`} lesson={loaded} back={back} />;
  if (lesson.status === 'error') {
    return <RecordLoadFailed error={lesson.error} back={back} notFoundTitle={t('lessons.notFoundTitle')} notFoundText={t('lessons.notFound', { id })} onRetry={lesson.reload} />;
  }
  return <Loading />;
}

/** Only the editable fields: the call refuses any other key. */
function fieldsOf(lesson: Lesson): LessonFields {
  const { title, context, problem, action, result, recommendation, scenarios, tags } = lesson;
  return { title, context, problem, action, result, recommendation, scenarios, tags };
}

function LessonForm({ lesson: initial, back }: { lesson: Lesson; back: ReactNode }) {
  const { t, lang, apiText, colon } = useI18n();
  const [lesson, setLesson] = useState(initial);
  const [fields, setFields] = useState<LessonFields>(() => fieldsOf(initial));
  const [save, setSave] = useState<SaveState>(IDLE);
  const [issues, setIssues] = useState<Record<string, string>>({});
  const locked = lesson.status === 'submitted' || lesson.status === 'merged';
  const heading = fields.title.trim() || t('lessons.untitled');
  const dirty = save.state === 'unsaved' || save.state === 'error';
  // A lesson just codified from notes has its context filled in: the cursor goes to what is not.
  const firstEmpty = TEXT_FIELDS.find((name) => initial[name].trim() === '');
  useFocusWhenJustCreated(firstEmpty === undefined ? null : `lesson-${firstEmpty}`);

  // Leaving with unsaved edits asks first (the browser's own prompt).
  useEffect(() => {
    if (!dirty) return;
    const onUnload = (e: BeforeUnloadEvent): void => e.preventDefault();
    window.addEventListener('beforeunload', onUnload);
    return () => window.removeEventListener('beforeunload', onUnload);
  }, [dirty]);

  function edit(patch: Partial<LessonFields>): void {
    setFields((f) => ({ ...f, ...patch }));
    setSave({ state: 'unsaved' });
  }

  async function submit(status: 'draft' | 'ready'): Promise<void> {
    if (locked) return;
    setSave({ state: 'saving' });
    const result = await mutate('lessons.save', { id: lesson.id, ...fields, status, baseUpdatedAt: lesson.updatedAt });
    if (result.ok) {
      setLesson(result.value);
      setFields(fieldsOf(result.value));
      setIssues({});
      setSave({ state: 'saved', at: result.value.updatedAt });
      return;
    }
    setIssues(Object.fromEntries((result.error.issues ?? []).map((i) => [i.path, apiText(i)])));
    setSave({ state: 'error', problem: result.error, conflict: result.error.code === 'conflict' });
  }

  function onFormKeyDown(event: KeyboardEvent<HTMLFormElement>): void {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      void submit(lesson.status === 'ready' ? 'ready' : 'draft');
    }
  }

  const missing = missingForReady(fields);
  const missingNames = missing.map((f) => t(`lessons.field.${f}` as MessageKey)).join(lang === 'zh' ? '、' : ', ');

  function fieldError(name: string): string | undefined {
    return issues[name] !== undefined ? `${t(`lessons.field.${name}` as MessageKey)}${colon}${issues[name]}` : undefined;
  }

  return (
    <article className="page lesson-page" aria-labelledby="page-title">
      {back}
      <header className="page-header lesson-header">
        <div>
          <p className="eyebrow">
            {lesson.engagementId ? (
              <>
                {t('lessons.engagement')}{colon}<Link to={`/engagements/${lesson.engagementId}`}>{lesson.engagementTitle ?? lesson.engagementId}</Link>
              </>
            ) : (
              t('lessons.noEngagement')
            )}
          </p>
          <PageHeading title={heading}>{heading}</PageHeading>
        </div>
        <p className={`lesson-status lesson-status-${lesson.status}`}>
          <span className="visually-hidden">{t('lessons.status')}{colon}</span>
          {t(`lessons.status.${lesson.status}`)}
        </p>
      </header>
      <RecordConflictNotice dataset="lessons" row={lesson.id} />
      {locked && <p className="lesson-locked">{t(lesson.status === 'merged' ? 'lessons.locked.merged' : 'lessons.locked.submitted')}</p>}

      <form
        className="lesson-form"
        noValidate
        onKeyDown={onFormKeyDown}
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void submit(lesson.status === 'ready' ? 'ready' : 'draft');
        }}
      >
        <fieldset disabled={locked} className="lesson-fields">
          <div className="lesson-field">
            <label htmlFor="lesson-title">
              {t('lessons.field.title')} <RequiredMark />
            </label>
            <input
              id="lesson-title"
              type="text"
              value={fields.title}
              maxLength={LESSON_TITLE_MAX}
              onChange={(e) => edit({ title: e.target.value })}
              aria-invalid={issues.title !== undefined}
              aria-describedby={issues.title ? 'lesson-title-error' : undefined}
            />
            {issues.title && (
              <p id="lesson-title-error" className="error-text">
                {fieldError('title')}
              </p>
            )}
          </div>
          {TEXT_FIELDS.map((name) => (
            <div className="lesson-field" key={name}>
              <label htmlFor={`lesson-${name}`}>
                {t(`lessons.field.${name}`)} {REQUIRED.has(name) && <RequiredMark />}
              </label>
              <p id={`lesson-${name}-hint`} className="muted lesson-hint">
                {t(`lessons.hint.${name}`)}
              </p>
              <textarea
                id={`lesson-${name}`}
                value={fields[name]}
                rows={name === 'context' ? 5 : 4}
                maxLength={LESSON_FIELD_MAX}
                onChange={(e) => edit({ [name]: e.target.value })}
                aria-invalid={issues[name] !== undefined}
                aria-describedby={`lesson-${name}-hint${issues[name] ? ` lesson-${name}-error` : ''}`}
              />
              {issues[name] && (
                <p id={`lesson-${name}-error`} className="error-text">
                  {fieldError(name)}
                </p>
              )}
            </div>
          ))}
          <ScenarioChecks
            legend={t('lessons.scenarios')}
            selected={fields.scenarios}
            max={LESSON_SCENARIOS_MAX}
            unavailable={t('lessons.scenariosFailed')}
            onChange={(scenarios) => edit({ scenarios })}
          />
          <TagsInput label={t('lessons.tags')} tags={fields.tags} onChange={(tags) => edit({ tags })} />
        </fieldset>

        <AttachedFiles owner={{ ownerTable: 'lessons', ownerId: lesson.id }} label={t('lessons.files')} hint={t('lessons.filesHint')} disabled={locked} />

        <section className="lesson-sources" aria-labelledby="lesson-sources-title">
          <h2 id="lesson-sources-title">{t('lessons.sources')}</h2>
          {lesson.sourceNotes.length === 0 ? (
            <p className="muted">{t('lessons.noSources')}</p>
          ) : (
            <ul>
              {lesson.sourceNotes.map((n) => {
                const title = n.title.trim() || t('notes.untitled');
                return <li key={n.id}>{n.removed ? <span className="muted">{t('lessons.sourceRemoved', { title })}</span> : <Link to={`/notes/${n.id}`}>{title}</Link>}</li>;
              })}
            </ul>
          )}
        </section>

        {!locked && (
          <div className="lesson-actions">
            <SaveStatus state={save} className="lesson-save-line" onRetry={() => void submit(lesson.status === 'ready' ? 'ready' : 'draft')} />
            {lesson.status !== 'ready' && missing.length > 0 && <p className="muted">{t('lessons.missing', { fields: missingNames })}</p>}
            <div className="lesson-buttons">
              {lesson.status === 'ready' ? (
                <>
                  <button type="button" onClick={() => void submit('draft')} disabled={save.state === 'saving'}>
                    {t('lessons.backToDraft')}
                  </button>
                  <button type="submit" className="primary-button" disabled={save.state === 'saving'}>
                    {t('lessons.saveReady')}
                  </button>
                </>
              ) : (
                <>
                  <button type="submit" disabled={save.state === 'saving'}>
                    {t('lessons.save')}
                  </button>
                  <button type="button" className="primary-button" onClick={() => void submit('ready')} disabled={save.state === 'saving'}>
                    {t('lessons.markReady')}
                  </button>
                </>
              )}
            </div>
            <p className="muted lesson-shortcut">{t('lessons.shortcut')}</p>
          </div>
        )}
      </form>
      <ReviewPanel kind="lesson" sourceId={lesson.id} canSubmit={lesson.status === 'ready' && save.state !== 'saving'} needsReady={lesson.status !== 'ready' && !locked} />
    </article>
  );
}

function RequiredMark() {
  const { t } = useI18n();
  return (
    <span className="lesson-required" title={t('lessons.required')}>
      *<span className="visually-hidden">{t('lessons.required')}</span>
    </span>
  );
}

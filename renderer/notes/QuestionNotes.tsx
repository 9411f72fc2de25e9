import { ErrorView, Loading } from '../app/StateViews';
import { useI18n } from '../i18n/i18n';
import { useQuery } from '../data/use-query';
import { NoteRow, useCreateNote } from './EngagementNotes';
import './notes.css';

/**
 * The notes on one assessment question, for the assessment runner to embed: the list and
 * "Add a note", which opens the new note's page (its context line links back to the question).
 */
export function QuestionNotes({ sessionId, questionId, engagementId }: { sessionId: string; questionId: string; engagementId: string }) {
  const { t } = useI18n();
  const notes = useQuery('notes.list', { sessionId, questionId });
  const { create, busy, error } = useCreateNote();
  const headingId = `question-notes-${questionId}`;
  return (
    <section className="question-notes" aria-labelledby={headingId}>
      <div className="notes-panel-head">
        <h3 id={headingId}>{t('notes.questionTitle')}</h3>
        <button type="button" onClick={() => void create({ engagementId, sessionId, questionId })} disabled={busy}>
          {busy ? t('notes.creating') : t('notes.questionNew')}
        </button>
      </div>
      {error && (
        <p className="note-error" role="alert">
          {error}
        </p>
      )}
      {notes.status === 'error' ? (
        <ErrorView message={notes.error} onRetry={notes.reload} />
      ) : notes.data === null ? (
        <Loading />
      ) : notes.data.length === 0 ? (
        <p className="muted">{t('notes.questionEmpty')}</p>
      ) : (
        <ul className="note-list">
          {notes.data.map((note) => (
            <NoteRow key={note.id} note={note} />
          ))}
        </ul>
      )}
    </section>
  );
}

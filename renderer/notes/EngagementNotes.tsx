import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { CODIFY_NOTES_MAX, type NoteSummary } from '../../core/notes/types';
import { JUST_CREATED } from '../app/created-focus';
import { ErrorView, Loading } from '../app/StateViews';
import { useI18n } from '../i18n/i18n';
import { mutate } from '../data/query-client';
import { useQuery } from '../data/use-query';
import { formatDateTime } from '../ui/format';
import './notes.css';
import '../lessons/lessons.css';

/** Opens a new note at once (it is saved empty, then autosaved as it is written). */
export function useCreateNote(): { create: (where: { engagementId?: string; sessionId?: string; questionId?: string }) => Promise<void>; busy: boolean; error: string | null } {
  const { t, apiText } = useI18n();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function create(where: { engagementId?: string; sessionId?: string; questionId?: string }): Promise<void> {
    setBusy(true);
    setError(null);
    const result = await mutate('notes.create', { ...where, title: '' });
    setBusy(false);
    if (result.ok) navigate(`/notes/${result.value.id}`, { state: JUST_CREATED });
    else setError(t('notes.createFailed', { message: apiText(result.error) }));
  }
  return { create, busy, error };
}

/** One note in a list: title link, excerpt, tags, time. */
export function NoteRow({ note, selectable }: { note: NoteSummary; selectable?: { checked: boolean; onToggle: () => void } }) {
  const { t, lang } = useI18n();
  const title = note.title.trim() || t('notes.untitled');
  return (
    <li className="note-row">
      {selectable && (
        <input type="checkbox" className="note-select" checked={selectable.checked} onChange={selectable.onToggle} aria-label={t('notes.select', { title })} />
      )}
      <div className="note-row-main">
        <Link to={`/notes/${note.id}`} className="note-row-title">
          {title}
        </Link>
        {note.excerpt && <p className="note-row-excerpt">{note.excerpt}</p>}
        <p className="note-row-meta muted">
          {t('notes.updated', { time: formatDateTime(note.updatedAt, lang) })}
          {note.tags.map((tag) => (
            <span key={tag} className="chip note-tag">
              {tag}
            </span>
          ))}
        </p>
      </div>
    </li>
  );
}

/** The engagement page's notes panel: its notes, New note, and "Codify as lesson" for the ones selected. */
export function EngagementNotes({ engagementId }: { engagementId: string }) {
  const { t, tn, lang, apiText } = useI18n();
  const navigate = useNavigate();
  const notes = useQuery('notes.list', { engagementId });
  const lessons = useQuery('lessons.list', { engagementId });
  const [selected, setSelected] = useState<string[]>([]);
  const [codifying, setCodifying] = useState(false);
  const [codifyError, setCodifyError] = useState<string | null>(null);
  const { create, busy, error } = useCreateNote();

  function toggle(id: string): void {
    setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));
  }

  async function codify(): Promise<void> {
    setCodifying(true);
    setCodifyError(null);
    const result = await mutate('lessons.codify', { noteIds: selected, lang });
    setCodifying(false);
    if (result.ok) navigate(`/lessons/${result.value.id}`, { state: JUST_CREATED });
    else setCodifyError(t('notes.codifyFailed', { message: apiText(result.error) }));
  }

  const live = notes.data ?? [];
  const tooMany = selected.length > CODIFY_NOTES_MAX;
  return (
    <section className="panel notes-panel" aria-labelledby="engagement-notes-title">
      <div className="notes-panel-head">
        <h2 id="engagement-notes-title">{t('notes.panelTitle')}</h2>
        <div className="notes-panel-actions">
          <button type="button" onClick={() => void codify()} disabled={selected.length === 0 || tooMany || codifying} aria-describedby="codify-hint">
            {codifying ? t('notes.codifying') : t('notes.codify')}
          </button>
          <button type="button" className="primary-button" onClick={() => void create({ engagementId })} disabled={busy}>
            {busy ? t('notes.creating') : t('notes.new')}
          </button>
        </div>
      </div>
      <p id="codify-hint" className="muted notes-hint" aria-live="polite">
        {selected.length === 0 ? t('notes.codifyHint') : tn('notes.selected', selected.length)}
      </p>
      {(error ?? codifyError) && (
        <p className="note-error" role="alert">
          {error ?? codifyError}
        </p>
      )}
      {notes.status === 'error' ? (
        <ErrorView message={notes.error} onRetry={notes.reload} />
      ) : notes.data === null ? (
        <Loading />
      ) : live.length === 0 ? (
        <p className="panel-empty">{t('notes.empty')}</p>
      ) : (
        <ul className="note-list">
          {live.map((note) => (
            <NoteRow key={note.id} note={note} selectable={{ checked: selected.includes(note.id), onToggle: () => toggle(note.id) }} />
          ))}
        </ul>
      )}
      {lessons.data && lessons.data.length > 0 && (
        <div className="notes-lessons">
          <h3>{t('notes.lessons')}</h3>
          <ul>
            {lessons.data.map((lesson) => (
              <li key={lesson.id}>
                <Link to={`/lessons/${lesson.id}`}>{lesson.title.trim() || t('lessons.untitled')}</Link> <span className={`lesson-status lesson-status-${lesson.status}`}>{t(`lessons.status.${lesson.status}`)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <p className="notes-all-lessons">
        <Link to="/lessons">{t('notes.allLessons')}</Link>
      </p>
    </section>
  );
}

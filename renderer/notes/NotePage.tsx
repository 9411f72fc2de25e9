import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { Note } from '../../core/notes/types';
import { PageHeading } from '../app/PageHeading';
import { Dialog } from '../app/Dialog';
import { Loading } from '../app/StateViews';
import { RecordLoadFailed } from '../app/RecordStates';
import { RichTextEditor } from '../editor/RichTextEditor';
import { useI18n } from '../i18n/i18n';
import { mutate } from '../data/query-client';
import { currentData, useQuery } from '../data/use-query';
import { formatDateTime, formatTime } from './format';
import { dropLocalCopy, readLocalCopy, useNoteAutosave, type LocalCopy, type NoteSaveStatus } from './note-autosave';
import { TagsInput } from './TagsInput';
import './notes.css';

/** `#/notes/:id`: one note — title, tags, the rich text — saved as you type. */
export function NotePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const note = useQuery('notes.get', { id });
  // Bumped to load the stored version again (after a conflict), which remounts the editor.
  const [loadCount, setLoadCount] = useState(0);

  const loaded = currentData(note);
  // The editor takes the note once: the refetch its own autosave causes never resets it. Only
  // "load the stored version" (after a conflict) remounts it, once the stored version is here.
  if (loaded) return <NoteView key={`${loaded.id}:${loadCount}`} note={loaded} onReload={() => void note.reload().then(() => setLoadCount((n) => n + 1))} />;
  if (note.status === 'error') {
    return <RecordLoadFailed error={note.error} notFoundTitle={t('notes.notFoundTitle')} notFoundText={t('notes.notFound', { id })} onRetry={note.reload} />;
  }
  return <Loading />;
}

function NoteView({ note, onReload }: { note: Note; onReload: () => void }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [localCopy, setLocalCopy] = useState<LocalCopy | null>(() => {
    const copy = readLocalCopy(note.id);
    return copy && (copy.bodyJson !== note.bodyJson || copy.title !== note.title || copy.tags.join('\n') !== note.tags.join('\n')) ? copy : null;
  });
  const [shown, setShown] = useState({ title: note.title, tags: note.tags, bodyJson: note.bodyJson, editorKey: 0 });
  const [editorError, setEditorError] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const { status, change, retry } = useNoteAutosave(note);
  const heading = shown.title.trim() || t('notes.untitled');

  function restoreCopy(copy: LocalCopy): void {
    setShown({ title: copy.title, tags: copy.tags, bodyJson: copy.bodyJson, editorKey: shown.editorKey + 1 });
    change({ title: copy.title, tags: copy.tags, bodyJson: copy.bodyJson }, 0);
    setLocalCopy(null);
  }

  async function remove(): Promise<void> {
    const result = await mutate('notes.remove', { id: note.id });
    if (!result.ok) {
      setConfirmDelete(false);
      setDeleteError(t('notes.deleteFailed', { message: result.error.message }));
      return;
    }
    dropLocalCopy(note.id);
    navigate(note.engagementId ? `/engagements/${note.engagementId}` : '/lessons');
  }

  return (
    <article className="page note-page" aria-labelledby="page-title">
      {note.engagementId && (
        <Link to={`/engagements/${note.engagementId}`} className="back-link">
          ← {t('notes.back')}
        </Link>
      )}
      <header className="page-header note-header">
        <div>
          <p className="eyebrow note-context">
            {note.engagementId ? (
              <>
                {t('notes.context')} <Link to={`/engagements/${note.engagementId}`}>{t('notes.contextEngagement', { title: note.engagementTitle ?? note.engagementId })}</Link>
                {note.sessionId && (
                  <>
                    {' · '}
                    <Link to={`/assessments/${note.sessionId}`}>{t('notes.contextAssessment')}</Link>
                  </>
                )}
                {note.sessionId && note.questionId && (
                  <>
                    {' · '}
                    <Link to={`/assessments/${note.sessionId}?q=${encodeURIComponent(note.questionId)}`}>{t('notes.contextQuestion', { id: note.questionId })}</Link>
                  </>
                )}
              </>
            ) : (
              t('notes.contextNone')
            )}
          </p>
          <PageHeading title={heading}>{heading}</PageHeading>
        </div>
        <div className="note-header-side">
          <SaveLine status={status} onRetry={retry} onReload={onReload} updatedAt={note.updatedAt} />
          <button type="button" className="danger-button" onClick={() => setConfirmDelete(true)}>
            {t('notes.delete')}
          </button>
        </div>
      </header>

      {localCopy && (
        <div className="note-banner" role="status">
          <span>{t('notes.draftFound', { time: formatDateTime(localCopy.keptAt, lang) })}</span>
          <button type="button" onClick={() => restoreCopy(localCopy)}>
            {t('notes.draftRestore')}
          </button>
          <button
            type="button"
            onClick={() => {
              dropLocalCopy(note.id);
              setLocalCopy(null);
            }}
          >
            {t('notes.draftDiscard')}
          </button>
        </div>
      )}
      {(deleteError ?? editorError) && (
        <p className="note-error" role="alert">
          {deleteError ?? editorError}
        </p>
      )}

      <div className="note-fields">
        <div className="note-title-field">
          <label htmlFor="note-title">{t('notes.titleLabel')}</label>
          <input
            id="note-title"
            type="text"
            value={shown.title}
            maxLength={200}
            placeholder={t('notes.titlePlaceholder')}
            onChange={(e) => {
              setShown((s) => ({ ...s, title: e.target.value }));
              change({ title: e.target.value });
            }}
          />
        </div>
        <TagsInput
          label={t('notes.tags')}
          tags={shown.tags}
          onChange={(tags) => {
            setShown((s) => ({ ...s, tags }));
            change({ tags }, 0);
          }}
        />
      </div>

      <RichTextEditor
        key={shown.editorKey}
        initialJson={shown.bodyJson}
        label={t('notes.bodyLabel')}
        placeholder={t('notes.bodyPlaceholder')}
        attachTo={{ ownerTable: 'field_notes', ownerId: note.id }}
        onError={setEditorError}
        onChange={(bodyJson) => change({ bodyJson })}
      />

      {confirmDelete && (
        <Dialog labelledBy="delete-note-title" onClose={() => setConfirmDelete(false)}>
          <h2 id="delete-note-title">{t('notes.deleteTitle')}</h2>
          <p>{t('notes.deleteBody', { title: heading })}</p>
          <div className="dialog-actions note-dialog-actions">
            <button type="button" onClick={() => setConfirmDelete(false)}>
              {t('notes.cancel')}
            </button>
            <button type="button" className="danger-button" onClick={() => void remove()}>
              {t('notes.deleteConfirm')}
            </button>
          </div>
        </Dialog>
      )}
    </article>
  );
}

/** "Saving…", "Saved 10:42" or why it was not saved, with Retry (or, after a conflict, loading the stored version). */
function SaveLine({ status, onRetry, onReload, updatedAt }: { status: NoteSaveStatus; onRetry: () => void; onReload: () => void; updatedAt: string }) {
  const { t, lang } = useI18n();
  if (status.state === 'error') {
    return (
      <div className="note-save note-save-error" role="alert">
        <p>{status.conflict ? t('notes.conflict') : t('notes.notSaved', { message: status.message })}</p>
        <p className="muted">{t('notes.keptLocally')}</p>
        {status.conflict ? (
          <button type="button" onClick={onReload}>
            {t('notes.reload')}
          </button>
        ) : (
          <button type="button" onClick={onRetry}>
            {t('notes.retry')}
          </button>
        )}
      </div>
    );
  }
  const text =
    status.state === 'saving'
      ? t('notes.saving')
      : status.state === 'saved'
        ? t('notes.saved', { time: formatTime(status.at, lang) })
        : t('notes.updated', { time: formatDateTime(updatedAt, lang) });
  return (
    <p className="note-save muted" role="status" aria-live="polite">
      {text}
    </p>
  );
}

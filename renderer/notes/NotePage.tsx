import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { Note } from '../../core/notes/types';
import { useFocusWhenJustCreated } from '../app/created-focus';
import { PageHeading } from '../app/PageHeading';
import { Dialog, DialogActions } from '../ui/Dialog';
import { Loading } from '../app/StateViews';
import { RecordLoadFailed } from '../app/RecordStates';
import { RichTextEditor } from '../editor/RichTextEditor';
import { useI18n } from '../i18n/i18n';
import { mutate } from '../data/query-client';
import { currentData, useQuery } from '../data/use-query';
import { formatDateTime } from '../ui/format';
import { dropLocalCopy, IDLE, readLocalCopy, useAutosave, type LocalCopy } from '../data/autosave';
import { SaveStatus } from '../ui/SaveStatus';
import { NOTE_COPIES, noteAutosave, type NoteDraft } from './note-autosave';
import { TagsInput } from './TagsInput';
import './notes.css';
import { ReviewPanel } from '../review/ReviewPanel';
import { RecordConflictNotice } from '../sync/RecordConflictNotice';

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
  const { t, lang, apiText } = useI18n();
  const navigate = useNavigate();
  const [localCopy, setLocalCopy] = useState<LocalCopy<NoteDraft> | null>(() => {
    const copy = readLocalCopy(NOTE_COPIES, note.id);
    return copy && (copy.bodyJson !== note.bodyJson || copy.title !== note.title || copy.tags.join('\n') !== note.tags.join('\n')) ? copy : null;
  });
  const [shown, setShown] = useState({ title: note.title, tags: note.tags, bodyJson: note.bodyJson, editorKey: 0 });
  const [editorError, setEditorError] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const { states, change: changeDraft, retry } = useAutosave(noteAutosave(note));
  const status = states[note.id] ?? IDLE;
  const change = (patch: Partial<NoteDraft>, delayMs?: number): void => changeDraft(note.id, patch, delayMs);
  const heading = shown.title.trim() || t('notes.untitled');
  useFocusWhenJustCreated('note-title');

  function restoreCopy(copy: LocalCopy<NoteDraft>): void {
    setShown({ title: copy.title, tags: copy.tags, bodyJson: copy.bodyJson, editorKey: shown.editorKey + 1 });
    change({ title: copy.title, tags: copy.tags, bodyJson: copy.bodyJson }, 0);
    setLocalCopy(null);
  }

  async function remove(): Promise<void> {
    const result = await mutate('notes.remove', { id: note.id });
    if (!result.ok) {
      setConfirmDelete(false);
      setDeleteError(t('notes.deleteFailed', { message: apiText(result.error) }));
      return;
    }
    dropLocalCopy(NOTE_COPIES, note.id);
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
          <SaveStatus
            state={status}
            className="note-save"
            idle={t('notes.updated', { time: formatDateTime(note.updatedAt, lang) })}
            keptLocally={t('notes.keptLocally')}
            conflict={{ message: t('notes.conflict'), reloadLabel: t('notes.reload'), onReload }}
            onRetry={() => retry(note.id)}
          />
          <button type="button" className="danger-button" onClick={() => setConfirmDelete(true)}>
            {t('notes.delete')}
          </button>
        </div>
      </header>
      <RecordConflictNotice dataset="field_notes" row={note.id} />

      {localCopy && (
        <div className="note-banner" role="status">
          <span>{t('notes.draftFound', { time: formatDateTime(localCopy.keptAt, lang) })}</span>
          <button type="button" onClick={() => restoreCopy(localCopy)}>
            {t('notes.draftRestore')}
          </button>
          <button
            type="button"
            onClick={() => {
              dropLocalCopy(NOTE_COPIES, note.id);
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

      <ReviewPanel kind="note" sourceId={note.id} canSubmit={status.state !== 'saving'} />

      {confirmDelete && (
        <Dialog labelledBy="delete-note-title" onClose={() => setConfirmDelete(false)}>
          <h2 id="delete-note-title">{t('notes.deleteTitle')}</h2>
          <p>{t('notes.deleteBody', { title: heading })}</p>
          <DialogActions cancelLabel={t('notes.cancel')} onCancel={() => setConfirmDelete(false)} actionLabel={t('notes.deleteConfirm')} danger onConfirm={() => void remove()} />
        </Dialog>
      )}
    </article>
  );
}

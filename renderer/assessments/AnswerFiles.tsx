import { useState } from 'react';
import type { AttachmentInfo } from '../../core/api/calls/attachments';
import { attachFile } from '../lib/attachments';
import { StoredImage } from '../lib/StoredImage';
import { afterMutation, fetchQuery, mutate } from '../data/query-client';
import { useQuery } from '../data/use-query';
import { useI18n } from '../i18n/i18n';

/** The owner id of a question's photos and files: one record per session and question. */
export function answerOwnerId(sessionId: string, questionId: string): string {
  return `${sessionId}:${questionId}`;
}

function Thumb({ file, onRemove, disabled }: { file: AttachmentInfo; onRemove: () => void; disabled: boolean }) {
  const { t } = useI18n();
  return (
    <li className="answer-file">
      {file.isImage ? (
        <StoredImage sha256={file.sha256} alt={file.name} fallback={<span className="thumb-placeholder" aria-hidden="true" />} />
      ) : (
        <span className="file-icon" aria-hidden="true">
          ▤
        </span>
      )}
      <span className="file-name">{file.name}</span>
      {!disabled && (
        <button type="button" className="link-button" aria-label={t('assessments.removeFile', { name: file.name })} onClick={onRemove}>
          ×
        </button>
      )}
    </li>
  );
}

/**
 * Photos and files on one question (attachments owned by `<sessionId>:<questionId>`). For an
 * evidence question the answer is the list of attached files, reported through `onFilesChange`.
 */
export function AnswerFiles({
  sessionId,
  questionId,
  disabled,
  onFilesChange,
}: {
  sessionId: string;
  questionId: string;
  disabled: boolean;
  onFilesChange?: (sha256s: string[]) => void;
}) {
  const { t, apiText } = useI18n();
  const owner = { ownerTable: 'assessment_answers', ownerId: answerOwnerId(sessionId, questionId) } as const;
  const files = useQuery('attachments.list', owner);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const refreshed = async (): Promise<void> => {
    const list = await fetchQuery('attachments.list', owner);
    if (!list.ok) throw new Error(apiText(list.error));
    onFilesChange?.(list.value.map((f) => f.sha256));
  };

  const add = async (picked: FileList | null): Promise<void> => {
    if (!picked || picked.length === 0) return;
    setBusy(true);
    setProblem(null);
    try {
      for (const file of [...picked]) await attachFile(owner, file);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
    // attachFile (lib/attachments.ts) calls the backend itself: what it changed is refreshed here.
    afterMutation('attachments.add');
    try {
      await refreshed();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
    setBusy(false);
  };

  const remove = async (linkId: string): Promise<void> => {
    setProblem(null);
    const removed = await mutate('attachments.remove', { linkId });
    if (!removed.ok) {
      setProblem(apiText(removed.error));
      return;
    }
    try {
      await refreshed();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };

  const list = files.data ?? [];
  return (
    <div className="answer-files">
      <span className="field-label" id={`files-${questionId}`}>
        {t('assessments.files')}
      </span>
      {list.length > 0 ? (
        <ul className="answer-file-list" aria-labelledby={`files-${questionId}`}>
          {list.map((f) => (
            <Thumb key={f.linkId} file={f} disabled={disabled} onRemove={() => void remove(f.linkId)} />
          ))}
        </ul>
      ) : (
        files.status === 'ready' && <span className="muted">{t('assessments.noFiles')}</span>
      )}
      {files.status === 'error' && <p className="error-text">{apiText(files.error)}</p>}
      {!disabled && (
        <div className="file-actions">
          <label className="file-button">
            {t('assessments.addFile')}
            <input type="file" multiple className="visually-hidden" disabled={busy} onChange={(e) => void add(e.target.files).then(() => (e.target.value = ''))} />
          </label>
          <label className="file-button">
            {t('assessments.takePhoto')}
            <input type="file" accept="image/*" capture="environment" className="visually-hidden" disabled={busy} onChange={(e) => void add(e.target.files).then(() => (e.target.value = ''))} />
          </label>
          {busy && <span className="muted">{t('assessments.attaching')}</span>}
        </div>
      )}
      {problem && (
        <p className="error-text" role="alert">
          {t('assessments.attachFailed', { message: problem })}
        </p>
      )}
    </div>
  );
}

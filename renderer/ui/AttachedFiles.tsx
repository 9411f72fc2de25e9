import { useId, useState, type ReactNode } from 'react';
import type { AttachmentInfo } from '../../core/api/calls/attachments';
import type { AttachmentOwner } from '../../core/api/limits';
import { attachFile } from '../lib/attachments';
import { StoredImage } from '../lib/StoredImage';
import { afterMutation, fetchQuery, mutate } from '../data/query-client';
import { useQuery } from '../data/use-query';
import { useI18n } from '../i18n/i18n';
import './attached-files.css';

/** One file in a list of attachments: a thumbnail of a picture (else an icon), its name, and what may be done with it. */
export function FileItem({ sha256, name, isImage, detail, children }: { sha256: string; name: string; isImage: boolean; detail?: string; children?: ReactNode }) {
  return (
    <li className="attached-file">
      {isImage ? (
        <StoredImage sha256={sha256} alt={name} fallback={<span className="thumb-placeholder" aria-hidden="true" />} />
      ) : (
        <span className="file-icon" aria-hidden="true">
          ▤
        </span>
      )}
      <span className="file-name">{name}</span>
      {detail !== undefined && <span className="muted">{detail}</span>}
      {children}
    </li>
  );
}

function Thumb({ file, onRemove, disabled }: { file: AttachmentInfo; onRemove: () => void; disabled: boolean }) {
  const { t } = useI18n();
  return (
    <FileItem sha256={file.sha256} name={file.name} isImage={file.isImage}>
      {!disabled && (
        <button type="button" className="link-button" aria-label={t('files.remove', { name: file.name })} onClick={onRemove}>
          ×
        </button>
      )}
    </FileItem>
  );
}

/**
 * The photos and files attached to one record (an assessment answer, a lesson): thumbnails of the
 * pictures, the names of other files, adding (a file or the camera) and removing while not
 * `disabled`. `onFilesChange` hears the list after each change.
 */
export function AttachedFiles({
  owner,
  label,
  hint,
  disabled,
  onFilesChange,
}: {
  owner: { ownerTable: AttachmentOwner; ownerId: string };
  label: string;
  hint?: string;
  disabled: boolean;
  onFilesChange?: (sha256s: string[]) => void;
}) {
  const { t, apiText } = useI18n();
  const labelId = useId();
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
    <div className="attached-files">
      <span className="attached-files-label" id={labelId}>
        {label}
      </span>
      {hint !== undefined && <p className="muted attached-files-hint">{hint}</p>}
      {list.length > 0 ? (
        <ul className="attached-file-list" aria-labelledby={labelId}>
          {list.map((f) => (
            <Thumb key={f.linkId} file={f} disabled={disabled} onRemove={() => void remove(f.linkId)} />
          ))}
        </ul>
      ) : (
        files.status === 'ready' && <span className="muted">{t('files.none')}</span>
      )}
      {files.status === 'error' && <p className="error-text">{apiText(files.error)}</p>}
      {!disabled && (
        <div className="file-actions">
          <label className="file-button">
            {t('files.add')}
            <input type="file" multiple className="visually-hidden" disabled={busy} onChange={(e) => void add(e.target.files).then(() => (e.target.value = ''))} />
          </label>
          <label className="file-button">
            {t('files.takePhoto')}
            <input type="file" accept="image/*" capture="environment" className="visually-hidden" disabled={busy} onChange={(e) => void add(e.target.files).then(() => (e.target.value = ''))} />
          </label>
          {busy && <span className="muted">{t('files.attaching')}</span>}
        </div>
      )}
      {problem && (
        <p className="error-text" role="alert">
          {t('files.attachFailed', { message: problem })}
        </p>
      )}
    </div>
  );
}

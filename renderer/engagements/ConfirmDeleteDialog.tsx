import { Dialog } from '../app/Dialog';
import { useI18n } from '../i18n/i18n';

/** Asks before a customer or an engagement is deleted: Cancel (or Escape) keeps it, Delete runs onConfirm. */
export function ConfirmDeleteDialog({ titleId, title, body, onCancel, onConfirm }: { titleId: string; title: string; body: string; onCancel: () => void; onConfirm: () => void }) {
  const { t } = useI18n();
  return (
    <Dialog labelledBy={titleId} onClose={onCancel}>
      <h2 id={titleId}>{title}</h2>
      <p>{body}</p>
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>
          {t('engagements.cancel')}
        </button>
        <button type="button" className="danger-button" onClick={onConfirm}>
          {t('engagements.deleteConfirm')}
        </button>
      </div>
    </Dialog>
  );
}

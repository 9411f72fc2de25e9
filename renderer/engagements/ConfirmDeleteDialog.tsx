import { Dialog, DialogActions } from '../ui/Dialog';
import { useI18n } from '../i18n/i18n';

/** Asks before a customer or an engagement is deleted: Cancel (or Escape) keeps it, Delete runs onConfirm. */
export function ConfirmDeleteDialog({ titleId, title, body, onCancel, onConfirm }: { titleId: string; title: string; body: string; onCancel: () => void; onConfirm: () => void }) {
  const { t } = useI18n();
  return (
    <Dialog labelledBy={titleId} onClose={onCancel}>
      <h2 id={titleId}>{title}</h2>
      <p>{body}</p>
      <DialogActions cancelLabel={t('engagements.cancel')} onCancel={onCancel} actionLabel={t('engagements.deleteConfirm')} danger onConfirm={onConfirm} />
    </Dialog>
  );
}

import type { BackupInfo } from '../../core/api/types';
import { useI18n } from '../i18n/i18n';
import { Dialog, DialogActions } from '../ui/Dialog';
import { formatDateTime } from '../ui/format';
import { AlertNotice } from '../ui/AlertNotice';

/**
 * Asks before a restore, saying what happens to the data on the device now, and on a device that
 * syncs, that what it sent since comes back (the digest check returns it): a restore does not
 * undo a synced change.
 */
export function RestoreDialog({
  backup,
  syncing,
  busy,
  error,
  onCancel,
  onConfirm,
}: {
  backup: BackupInfo;
  syncing: boolean;
  busy: boolean;
  error: string | null;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const { t, lang } = useI18n();
  const time = formatDateTime(backup.createdAt, lang);
  return (
    <Dialog labelledBy="restore-title" onClose={onCancel}>
      <h2 id="restore-title">{t('backups.confirmTitle', { time })}</h2>
      <p>{t('backups.confirmBody', { time })}</p>
      {syncing && <p>{t('backups.confirmSynced')}</p>}
      <p className="backups-holds">{t('backups.holds', backup.counts)}</p>
      <AlertNotice message={error} />
      <DialogActions cancelLabel={t('backups.cancel')} onCancel={onCancel} actionLabel={t('backups.confirm')} busyLabel={t('backups.restoring')} busy={busy} danger onConfirm={onConfirm} />
    </Dialog>
  );
}

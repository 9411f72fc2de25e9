import type { BackupInfo } from '../../core/api/types';
import { useI18n } from '../i18n/i18n';
import { formatDateTime, formatFileSize } from '../ui/format';

/** The backups, newest first, each with what it holds so the user can tell them apart; a restore button on each. */
export function BackupTable({ backups, onRestore, disabled }: { backups: readonly BackupInfo[]; onRestore: (backup: BackupInfo) => void; disabled: boolean }) {
  const { t, lang } = useI18n();
  return (
    <table className="data-table backups-table">
      <thead>
        <tr>
          <th scope="col">{t('backups.col.when')}</th>
          <th scope="col">{t('backups.col.reason')}</th>
          <th scope="col">{t('backups.col.holds')}</th>
          <th scope="col">{t('backups.col.size')}</th>
          <td />
        </tr>
      </thead>
      <tbody>
        {backups.map((b) => {
          const when = formatDateTime(b.createdAt, lang);
          return (
            <tr key={b.id}>
              <th scope="row">{when}</th>
              <td>{t(`backups.reason.${b.reason}`)}</td>
              <td className="backups-holds">{t('backups.holds', b.counts)}</td>
              <td>{formatFileSize(b.size)}</td>
              <td>
                <button type="button" className="link-button" disabled={disabled} aria-label={t('backups.restoreNamed', { time: when })} onClick={() => onRestore(b)}>
                  {t('backups.restore')}
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

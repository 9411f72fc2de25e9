import { useEffect, useState } from 'react';
import './settings.css';
import type { BackupInfo } from '../../core/api/types';
import { useAppliedTheme } from '../app/theme';
import { mutate } from '../data/query-client';
import { useQuery } from '../data/use-query';
import { useI18n } from '../i18n/i18n';
import { formatDateTime } from '../ui/format';
import { BackupTable } from './BackupTable';
import { RestoreDialog } from './RestoreDialog';
import { AlertNotice } from '../ui/AlertNotice';

/**
 * Shown instead of the app when the backend is in recovery mode: the database is damaged, or it is
 * missing beside the user's files. Says what happened in plain words and offers, first, the newest
 * backup in one click; then any other backup; then rescuing what can still be read. Nothing
 * happens until the user chooses.
 */
export function RecoveryScreen() {
  const { t, lang, apiText } = useI18n();
  useAppliedTheme('system');
  const status = useQuery('recovery.status', {});
  const [busy, setBusy] = useState<'restore' | 'rescue' | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<BackupInfo | null>(null);

  useEffect(() => {
    document.title = t('recovery.title');
  }, [t]);

  async function restore(backup: BackupInfo): Promise<void> {
    setBusy('restore');
    setFailure(null);
    const result = await mutate('recovery.restoreBackup', { id: backup.id });
    if (!result.ok) {
      setBusy(null);
      setFailure(t('backups.failed', { message: apiText(result.error) }));
      return;
    }
    setOutcome(t('recovery.restored', { time: formatDateTime(backup.createdAt, lang) }));
    window.location.reload();
  }

  async function rescue(): Promise<void> {
    setBusy('rescue');
    setFailure(null);
    const result = await mutate('recovery.rescue', {});
    if (!result.ok) {
      setBusy(null);
      setFailure(t('backups.failed', { message: apiText(result.error) }));
      return;
    }
    const rescued = result.value.tables.reduce((sum, table) => sum + table.rescued, 0);
    setOutcome(t('recovery.rescued', { rescued, file: result.value.damagedKeptAs }));
    window.location.reload();
  }

  const data = status.data;
  const newest = data?.backups[0];
  const others = data?.backups.slice(1) ?? [];
  return (
    <main className="unavailable recovery">
      <div className="unavailable-notice recovery-notice" role="alert" aria-labelledby="recovery-title">
        <h1 id="recovery-title">{t('recovery.title')}</h1>
        {data?.problem && <p className="unavailable-reason">{apiText(data.problem)}</p>}
        {status.status === 'error' && <p className="unavailable-reason">{t('recovery.loadFailed', { message: apiText(status.error) })}</p>}
        <p>{t('recovery.nothingChanged')}</p>
      </div>
      {data && (
        <div className="recovery-choices">
          <section aria-labelledby="recovery-newest">
            {newest ? (
              <>
                <h2 id="recovery-newest">{t('recovery.newest', { time: formatDateTime(newest.createdAt, lang) })}</h2>
                <p className="backups-holds">{t('backups.holds', newest.counts)}</p>
                <button type="button" className="primary-button" disabled={busy !== null} onClick={() => void restore(newest)}>
                  {busy === 'restore' ? t('backups.restoring') : t('recovery.restoreNewest')}
                </button>
              </>
            ) : (
              <p id="recovery-newest">{t('recovery.noBackups')}</p>
            )}
          </section>
          {others.length > 0 && (
            <section aria-labelledby="recovery-others">
              <h2 id="recovery-others">{t('recovery.otherBackups')}</h2>
              <BackupTable backups={others} disabled={busy !== null} onRestore={setConfirming} />
            </section>
          )}
          <section aria-labelledby="recovery-rescue">
            <h2 id="recovery-rescue">{t('recovery.rescueTitle')}</h2>
            <p>{t('recovery.rescueBody')}</p>
            <button type="button" disabled={busy !== null} onClick={() => void rescue()}>
              {busy === 'rescue' ? t('recovery.rescuing') : t('recovery.rescue')}
            </button>
          </section>
          <p className="muted">{t('recovery.folder', { folder: data.dataDir })}</p>
          <p role="status">{outcome}</p>
          <AlertNotice message={failure} />
        </div>
      )}
      {confirming && <RestoreDialog backup={confirming} syncing={false /* a damaged database cannot say whether it syncs */} busy={busy === 'restore'} error={failure} onCancel={() => setConfirming(null)} onConfirm={() => void restore(confirming)} />}
    </main>
  );
}

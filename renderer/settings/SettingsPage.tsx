import { useState } from 'react';
import type { ApiError } from '../../core/api/result';
import type { BackupInfo } from '../../core/api/types';
import { PageHeading } from '../app/PageHeading';
import { mutate } from '../data/query-client';
import { useQuery } from '../data/use-query';
import { useI18n } from '../i18n/i18n';
import { formatDateTime } from '../ui/format';
import { BackupTable } from './BackupTable';
import { OrganisationSection } from './OrganisationSection';
import { RestoreDialog } from './RestoreDialog';

/** Settings on this device: who sends the documents, where the data is, and its backups (list, back up now, restore). */
export function SettingsPage() {
  const { t, lang, apiText } = useI18n();
  const info = useQuery('app.info', {});
  const backups = useQuery('backups.list', {});
  const sync = useQuery('sync.status', {});
  const [creating, setCreating] = useState(false);
  // What the last "Back up now" did, worded at render so it follows a change of language.
  const [status, setStatus] = useState<{ createdAt: string } | { error: ApiError } | null>(null);
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);
  const [restoreBusy, setRestoreBusy] = useState(false);
  const [restoreError, setRestoreError] = useState<string | null>(null);

  async function backUpNow(): Promise<void> {
    setCreating(true);
    setStatus(null);
    const result = await mutate('backups.create', {});
    setCreating(false);
    setStatus(result.ok ? { createdAt: result.value.createdAt } : { error: result.error });
  }

  async function restore(backup: BackupInfo): Promise<void> {
    setRestoreBusy(true);
    setRestoreError(null);
    const result = await mutate('backups.restore', { id: backup.id });
    if (result.ok) {
      // Every record may have changed: start the app afresh on the restored data.
      window.location.reload();
      return;
    }
    setRestoreBusy(false);
    setRestoreError(t('backups.failed', { message: apiText(result.error) }));
  }

  return (
    <section className="page settings-page" aria-labelledby="page-title">
      <header className="page-header">
        <PageHeading title={t('settings.title')}>{t('settings.title')}</PageHeading>
      </header>
      <OrganisationSection />
      <section aria-labelledby="data-folder-title" className="settings-section">
        <h2 id="data-folder-title">{t('settings.dataFolder')}</h2>
        <p className="muted">{t('settings.dataFolderHelp')}</p>
        {info.data && <code className="data-folder">{info.data.dataDir}</code>}
      </section>
      <section aria-labelledby="backups-title" className="settings-section">
        <h2 id="backups-title">{t('backups.title')}</h2>
        <p className="muted">{t('backups.intro')}</p>
        <p className="settings-actions">
          <button type="button" className="primary-button" onClick={() => void backUpNow()} disabled={creating}>
            {creating ? t('backups.creating') : t('backups.create')}
          </button>
          <span role="status" className="settings-status">
            {status === null ? null : 'createdAt' in status ? t('backups.created', { time: formatDateTime(status.createdAt, lang) }) : t('backups.failed', { message: apiText(status.error) })}
          </span>
        </p>
        {backups.status === 'error' && (
          <p className="notice warn" role="alert">
            {t('backups.loadFailed', { message: apiText(backups.error) })}
          </p>
        )}
        {backups.data && backups.data.length === 0 && <p>{t('backups.empty')}</p>}
        {backups.data && backups.data.length > 0 && (
          <BackupTable
            backups={backups.data}
            disabled={restoreBusy}
            onRestore={(b) => {
              setRestoreError(null);
              setRestoring(b);
            }}
          />
        )}
      </section>
      {restoring && <RestoreDialog backup={restoring} syncing={(sync.data?.account ?? null) !== null} busy={restoreBusy} error={restoreError} onCancel={() => setRestoring(null)} onConfirm={() => void restore(restoring)} />}
    </section>
  );
}

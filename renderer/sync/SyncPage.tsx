import { useState, type FormEvent } from 'react';
import type { SyncRunSummary, SyncStatus } from '../../core/sync/status';
import { PageHeading } from '../app/PageHeading';
import { ErrorView, Loading } from '../app/StateViews';
import { mutate } from '../data/query-client';
import { useQuery } from '../data/use-query';
import { toFieldErrors, type FieldErrors } from '../engagements/form-issues';
import { useI18n, type Translate } from '../i18n/i18n';
import { Dialog, DialogActions } from '../ui/Dialog';
import { Field, inputProps } from '../ui/Field';
import { formatCount, formatDateTime, formatFileSize } from '../ui/format';
import { ConflictList } from './ConflictList';
import { RunHistory } from './RunHistory';
import { useSyncProgress } from './progress';
import './sync.css';
import { AlertNotice } from '../ui/AlertNotice';
import { recordName } from './record-words';

/** `#/sync`: connect this device, sync now, see progress, history and conflicts. */
export function SyncPage() {
  const { t, apiText } = useI18n();
  const status = useQuery('sync.status', {});
  return (
    <section className="page sync-page" aria-labelledby="page-title">
      <header className="page-header">
        <PageHeading title={t('sync.title')}>{t('sync.title')}</PageHeading>
      </header>
      <p className="muted sync-intro">{t('sync.intro')}</p>
      {status.status === 'error' && <ErrorView message={t('sync.loadFailed', { message: apiText(status.error) })} onRetry={status.reload} />}
      {status.data === null && status.status !== 'error' && <Loading />}
      {status.data && (status.data.account === null ? <EnrolForm /> : <Connected status={status.data} />)}
    </section>
  );
}

function EnrolForm() {
  const i18n = useI18n();
  const { t, apiText } = i18n;
  const [serverUrl, setServerUrl] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [deviceName, setDeviceName] = useState('');
  const info = useQuery('app.info', {});
  const defaultName = defaultDeviceName(t, info.data?.computerName);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    setErrors({});
    const result = await mutate('sync.enrol', { serverUrl: serverUrl.trim(), username: username.trim(), password, deviceName: deviceName.trim() || defaultName });
    setBusy(false);
    if (result.ok) {
      setPassword('');
      return;
    }
    const fieldErrors = toFieldErrors(result.error, i18n);
    if (fieldErrors === null) setFailure(apiText(result.error));
    else setErrors(fieldErrors);
  }

  return (
    <section aria-labelledby="enrol-title" className="sync-section">
      <h2 id="enrol-title">{t('sync.enrolTitle')}</h2>
      <p className="muted">{t('sync.enrolIntro')}</p>
      <form className="sync-enrol" onSubmit={(e) => void submit(e)} noValidate>
        <Field path="serverUrl" label={t('sync.serverUrl')} errors={errors} hint={t('sync.serverUrlHelp')}>
          <input {...inputProps('serverUrl', errors)} type="url" required autoComplete="url" value={serverUrl} onChange={(e) => setServerUrl(e.target.value)} />
        </Field>
        <Field path="username" label={t('sync.username')} errors={errors}>
          <input {...inputProps('username', errors)} required autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} />
        </Field>
        <Field path="password" label={t('sync.password')} errors={errors}>
          <input {...inputProps('password', errors)} type="password" required autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </Field>
        <Field path="deviceName" label={t('sync.deviceName')} errors={errors}>
          <input {...inputProps('deviceName', errors)} value={deviceName} placeholder={defaultName} onChange={(e) => setDeviceName(e.target.value)} />
        </Field>
        <AlertNotice message={failure} />
        <p>
          <button type="submit" className="primary-button" disabled={busy}>
            {busy ? t('sync.enrolling') : t('sync.enrol')}
          </button>
        </p>
      </form>
    </section>
  );
}

/** What a device is called when the user names it nothing: the app on this machine's platform, in the UI language. */
/**
 * What the device is called unless the user names it: the computer's name, which tells an
 * administrator's device list one laptop from another; the platform while that is not known.
 */
function defaultDeviceName(t: Translate, computerName: string | undefined): string {
  if (computerName) return computerName;
  const platform = typeof navigator === 'undefined' ? '' : navigator.platform;
  return platform ? t('sync.defaultDeviceName', { platform }) : 'Fieldbench';
}

function Connected({ status }: { status: SyncStatus }) {
  const { t, tn, lang, apiText } = useI18n();
  const progress = useSyncProgress();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [disconnecting, setDisconnecting] = useState(false);
  const account = status.account;
  if (account === null) return null;
  const running = status.running || busy;

  /** `recorded`: a failed sync run is already shown from the history (the last run's error), not twice. */
  async function act(run: () => Promise<{ ok: true } | { ok: false; error: Parameters<typeof apiText>[0] }>, recorded = false): Promise<void> {
    setBusy(true);
    setFailure(null);
    const result = await run();
    setBusy(false);
    if (!result.ok && !recorded) setFailure(t('sync.failedAction', { message: apiText(result.error) }));
  }

  const last = status.lastRun;
  const waitingRun: SyncRunSummary | null = last?.status === 'needs_confirmation' ? last : null;
  return (
    <>
      <section aria-labelledby="account-title" className="sync-section">
        <h2 id="account-title" className="visually-hidden">
          {t('sync.enrolTitle')}
        </h2>
        <p>{t('sync.account', { name: account.displayName, role: t(`sync.role.${account.role}`), server: account.serverUrl })}</p>
        <p className="muted">
          {account.deviceName === null
            ? t('sync.device', { id: account.deviceId, date: formatDateTime(account.enrolledAt, lang) })
            : t('sync.deviceNamed', { name: account.deviceName, id: account.deviceId, date: formatDateTime(account.enrolledAt, lang) })}
        </p>
        <p className="muted">{account.teams.length === 0 ? t('sync.noTeams') : t('sync.teams', { teams: account.teams.map((team) => team.name).join(', ') })}</p>
        <div className="sync-actions">
          <button type="button" className="primary-button" disabled={running} onClick={() => void act(() => mutate('sync.now', {}), true)}>
            {running ? t('sync.running') : t('sync.now')}
          </button>
          <label className="sync-auto">
            <input type="checkbox" checked={status.auto} onChange={(e) => void act(() => mutate('sync.setAuto', { auto: e.target.checked }))} /> {t('sync.auto')}
          </label>
        </div>
        <ul className="sync-facts">
          {status.outbox > 0 && <li>{tn('sync.outbox', status.outbox)}</li>}
          {status.filesToSend > 0 && <li>{tn('sync.filesToSend', status.filesToSend)}</li>}
          {status.outbox === 0 && status.filesToSend === 0 && <li>{t('sync.allSent')}</li>}
          {status.waiting > 0 && <li>{tn('sync.waiting', status.waiting)}</li>}
          <li>{status.lastSuccessAt ? t('sync.lastSuccess', { time: formatDateTime(status.lastSuccessAt, lang) }) : t(running ? 'sync.firstRunning' : 'sync.never')}</li>
        </ul>
        <p role="status" aria-live="polite" className="sync-progress">
          {progress && (running || progress.phase === 'failed' || progress.phase === 'waiting')
            ? t(progress.toSend > 0 ? 'sync.progress' : 'sync.progressDown', {
                phase: t(`sync.phase.${progress.phase}`),
                sent: formatCount(progress.sent, lang),
                toSend: formatCount(progress.toSend, lang),
                // Out of how many, once the server's first answer has told.
                received:
                  progress.toReceive === null
                    ? formatCount(progress.received, lang)
                    : t('sync.countOf', { done: formatCount(progress.received, lang), total: formatCount(progress.toReceive, lang) }),
                up: formatFileSize(progress.bytesUp),
                down: formatFileSize(progress.bytesDown),
              })
            : ''}
        </p>
        {progress && running && progress.toSend + (progress.toReceive ?? 0) > 0 && (
          <progress className="sync-progress-bar" aria-label={t('sync.progressLabel')} max={progress.toSend + (progress.toReceive ?? 0)} value={progress.sent + progress.received} />
        )}
        {last?.status === 'failed' && last.error && (
          <p className="notice warn" role="alert">
            {t('sync.failed', { message: apiText(last.error) })}
          </p>
        )}
        <AlertNotice message={failure} />
      </section>
      {waitingRun?.preview && (
        <section aria-labelledby="confirm-title" className="sync-section sync-confirm">
          <h2 id="confirm-title">{t('sync.confirmTitle')}</h2>
          <p>{t('sync.confirmBody', { deletes: waitingRun.preview.deletes, overwrites: waitingRun.preview.overwrites, creates: waitingRun.preview.creates })}</p>
          <ul className="sync-preview">
            {waitingRun.preview.examples.map((e) => (
              <li key={`${e.dataset}/${e.row}`}>
                {recordName(t, lang, e.dataset, e.label)} — {t(`sync.preview.${e.kind}`)}
              </li>
            ))}
          </ul>
          <button type="button" className="primary-button" disabled={running} onClick={() => void act(() => mutate('sync.confirm', { runId: waitingRun.id }), true)}>
            {t('sync.confirm')}
          </button>
        </section>
      )}
      <ConflictList />
      <RunHistory />
      <p>
        <button type="button" className="link-button" onClick={() => setDisconnecting(true)} disabled={running}>
          {t('sync.disconnect')}
        </button>
      </p>
      {disconnecting && (
        <Dialog labelledBy="disconnect-title" onClose={() => setDisconnecting(false)}>
          <h2 id="disconnect-title">{t('sync.disconnectTitle')}</h2>
          <p>{t('sync.disconnectBody', { count: status.outbox })}</p>
          <DialogActions
            cancelLabel={t('sync.cancel')}
            onCancel={() => setDisconnecting(false)}
            actionLabel={t('sync.disconnectConfirm')}
            busyLabel={t('sync.disconnectConfirm')}
            busy={busy}
            danger
            onConfirm={() => void act(() => mutate('sync.disconnect', {})).then(() => setDisconnecting(false))}
          />
        </Dialog>
      )}
    </>
  );
}

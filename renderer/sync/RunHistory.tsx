import { Fragment, useState } from 'react';
import { listed } from '../../core/i18n';
import type { SyncRunSummary } from '../../core/sync/status';
import { mutate } from '../data/query-client';
import { useQuery } from '../data/use-query';
import { ErrorView, Loading } from '../app/StateViews';
import { useI18n } from '../i18n/i18n';
import { Dialog, DialogActions } from '../ui/Dialog';
import { formatCount, formatDateTime, formatFileSize } from '../ui/format';
import { useSyncProgress } from './progress';
import { fieldName, recordName } from './record-words';

/** The sync history: one row per run, its records on demand, and rollback of a run that changed something here. */
export function RunHistory() {
  const { t, tn, lang, apiText } = useI18n();
  const runs = useQuery('sync.history', { limit: 50 });
  const [open, setOpen] = useState<number | null>(null);
  const [rollingBack, setRollingBack] = useState<SyncRunSummary | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  async function rollback(run: SyncRunSummary): Promise<void> {
    setBusy(true);
    const result = await mutate('sync.rollback', { runId: run.id });
    setBusy(false);
    setRollingBack(null);
    setMessage(result.ok ? tn('sync.rolledBack', result.value.reverted) : t('sync.failedAction', { message: apiText(result.error) }));
  }

  const list = runs.data ?? [];
  // The running run's row is written when it ends; until then its figures come from the live progress.
  const progress = useSyncProgress();
  const live = (run: SyncRunSummary): Pick<SyncRunSummary, 'sent' | 'received' | 'bytesUp' | 'bytesDown'> =>
    run.status === 'running' && progress?.runId === run.id ? progress : run;
  return (
    <section aria-labelledby="history-title" className="sync-section">
      <h2 id="history-title">{t('sync.historyTitle')}</h2>
      <p role="status" className="settings-status">
        {message}
      </p>
      {runs.status === 'error' && <ErrorView message={apiText(runs.error)} onRetry={runs.reload} />}
      {runs.data === null && runs.status !== 'error' && <Loading />}
      {runs.data === null ? null : list.length === 0 ? (
        <p className="muted">{t('sync.historyEmpty')}</p>
      ) : (
        <table className="sync-history">
          <thead>
            <tr>
              <th scope="col">{t('sync.col.when')}</th>
              <th scope="col">{t('sync.col.how')}</th>
              <th scope="col">{t('sync.col.result')}</th>
              <th scope="col" className="num">
                {t('sync.col.sent')}
              </th>
              <th scope="col" className="num">
                {t('sync.col.received')}
              </th>
              <th scope="col" className="num">
                {t('sync.col.applied')}
              </th>
              <th scope="col" className="num">
                {t('sync.col.bytes')}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t('sync.details')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((run) => (
              <Fragment key={run.id}>
                <tr>
                  <td className="sync-when">{formatDateTime(run.startedAt, lang)}</td>
                  <td className="sync-when">{t(`sync.trigger.${run.trigger}`)}</td>
                  <td>
                    {t(`sync.status.${run.status}`)}
                    {run.status === 'failed' && run.error && <span className="muted"> — {apiText(run.error)}</span>}
                  </td>
                  <td className="num">{formatCount(live(run).sent, lang)}</td>
                  <td className="num">{formatCount(live(run).received, lang)}</td>
                  <td className="num">
                    {run.status === 'running' ? '…' : formatCount(run.applied, lang)}
                    {run.refused > 0 && ` (${t('sync.item.refused')} ${formatCount(run.refused, lang)})`}
                    {run.conflicts > 0 && ` (${t('sync.item.conflict')} ${formatCount(run.conflicts, lang)})`}
                  </td>
                  <td className="num">
                    ↑ {formatFileSize(live(run).bytesUp)} ↓ {formatFileSize(live(run).bytesDown)}
                  </td>
                  <td className="sync-row-actions">
                    <button type="button" className="link-button" aria-expanded={open === run.id} onClick={() => setOpen(open === run.id ? null : run.id)}>
                      {open === run.id ? t('sync.hideDetails') : t('sync.details')}
                    </button>
                    {run.applied > 0 && run.status === 'done' && (
                      <button type="button" className="link-button" onClick={() => setRollingBack(run)}>
                        {t('sync.rollback')}
                      </button>
                    )}
                  </td>
                </tr>
                {open === run.id && (
                  <tr className="sync-items-row">
                    <td colSpan={8}>
                      <RunItems runId={run.id} />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
      {rollingBack && (
        <Dialog labelledBy="rollback-title" onClose={() => setRollingBack(null)}>
          <h2 id="rollback-title">{t('sync.rollbackTitle', { time: formatDateTime(rollingBack.startedAt, lang) })}</h2>
          <p>{t('sync.rollbackBody')}</p>
          <DialogActions
            cancelLabel={t('sync.cancel')}
            onCancel={() => setRollingBack(null)}
            actionLabel={t('sync.rollback')}
            busyLabel={t('sync.rollback')}
            busy={busy}
            danger
            onConfirm={() => void rollback(rollingBack)}
          />
        </Dialog>
      )}
    </section>
  );
}

function RunItems({ runId }: { runId: number }) {
  const { t, lang, apiText } = useI18n();
  const items = useQuery('sync.runItems', { runId });
  if (items.status === 'error') return <ErrorView message={apiText(items.error)} onRetry={items.reload} />;
  if (items.data === null) return <Loading />;
  if (items.data.length === 0) return <p className="muted">{t('sync.itemsEmpty')}</p>;
  return (
    <ul className="sync-items">
      {items.data.map((item) => (
        <li key={item.seq} className={`sync-item sync-item-${item.status}`}>
          <span className="sync-item-dir">{t(`sync.item.${item.direction}`)}</span> {recordName(t, lang, item.dataset, item.label)} — {t(`sync.item.${item.status}`)}
          {item.fields && item.fields.length > 0 && <span className="muted"> ({t('sync.item.conflictFields', { fields: listed(item.fields.map((f) => fieldName(lang, f)))[lang] })})</span>}
          {item.detail && <span className="muted"> ({apiText(item.detail)})</span>}
        </li>
      ))}
    </ul>
  );
}

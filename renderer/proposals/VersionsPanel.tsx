import { useState, type FormEvent } from 'react';
import type { CompareSide, ProposalComparison, ProposalDetail } from '../../core/proposals/types';
import { VERSION_NAME_MAX } from '../../core/api/limits';
import { Dialog, DialogActions } from '../ui/Dialog';
import { ErrorView, Loading } from '../app/StateViews';
import { useI18n } from '../i18n/i18n';
import { fetchQuery, mutate } from '../data/query-client';
import { useQuery } from '../data/use-query';
import { formatDateTime } from '../ui/format';

/**
 * Named versions of a proposal: save one (after the pending edits are saved), list them, compare
 * any two or one with the current proposal, restore one after a confirmation.
 */
export function VersionsPanel({
  proposalId,
  flush,
  onCompared,
  onRestored,
}: {
  proposalId: string;
  /** Saves pending edits first, so a version holds what is on screen. */
  flush: () => Promise<boolean>;
  onCompared: (comparison: ProposalComparison) => void;
  onRestored: (proposal: ProposalDetail, name: string) => void;
}) {
  const { t, lang, apiText } = useI18n();
  const versions = useQuery('proposals.versions', { id: proposalId });
  const [name, setName] = useState('');
  const [busy, setBusy] = useState<'save' | 'compare' | 'restore' | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('current');
  const [restoring, setRestoring] = useState<{ id: string; name: string } | null>(null);
  const list = versions.data ?? [];
  const fromValue = from === '' ? (list[0]?.id ?? 'current') : from;

  async function saveVersion(event: FormEvent): Promise<void> {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed === '') return;
    setBusy('save');
    setMessage(null);
    if (!(await flush())) {
      setBusy(null);
      setMessage({ kind: 'error', text: t('proposals.actionFailed', { message: t('proposals.keptLocally') }) });
      return;
    }
    const result = await mutate('proposals.saveVersion', { id: proposalId, name: trimmed });
    setBusy(null);
    if (!result.ok) {
      setMessage({ kind: 'error', text: t('proposals.actionFailed', { message: apiText(result.error) }) });
      return;
    }
    setName('');
    setMessage({ kind: 'ok', text: t('proposals.versionSaved', { name: result.value.name }) });
  }

  async function compare(): Promise<void> {
    setBusy('compare');
    setMessage(null);
    await flush();
    const result = await fetchQuery('proposals.compare', { proposalId, from: fromValue, to });
    setBusy(null);
    if (result.ok) onCompared(result.value);
    else setMessage({ kind: 'error', text: t('proposals.actionFailed', { message: apiText(result.error) }) });
  }

  async function restore(version: { id: string; name: string }): Promise<void> {
    setBusy('restore');
    setMessage(null);
    await flush();
    const result = await mutate('proposals.restore', { versionId: version.id });
    setBusy(null);
    setRestoring(null);
    if (result.ok) onRestored(result.value, version.name);
    else setMessage({ kind: 'error', text: t('proposals.actionFailed', { message: apiText(result.error) }) });
  }

  const options = [
    { value: 'current', label: t('proposals.current') },
    ...list.map((v) => ({ value: v.id, label: `${v.name} (${formatDateTime(v.createdAt, lang)})` })),
  ];

  return (
    <section className="panel versions-panel" aria-labelledby="versions-title">
      <h2 id="versions-title">{t('proposals.versions')}</h2>
      <form className="version-save" onSubmit={(e) => void saveVersion(e)}>
        <label htmlFor="version-name">{t('proposals.versionName')}</label>
        <div className="inline-fields">
          <input id="version-name" type="text" value={name} maxLength={VERSION_NAME_MAX} onChange={(e) => setName(e.target.value)} />
          <button type="submit" disabled={busy !== null || name.trim() === ''}>
            {busy === 'save' ? t('proposals.savingVersion') : t('proposals.saveVersion')}
          </button>
        </div>
      </form>
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind === 'error' ? 'error-text' : 'muted'}>
          {message.text}
        </p>
      )}
      {versions.status === 'error' ? (
        <ErrorView message={versions.error} onRetry={versions.reload} />
      ) : versions.data === null ? (
        <Loading />
      ) : list.length === 0 ? (
        <p className="panel-empty">{t('proposals.noVersions')}</p>
      ) : (
        <>
          <ul className="version-list">
            {list.map((v) => (
              <li key={v.id}>
                <span className="version-name">{v.name}</span>
                <span className="muted">
                  {formatDateTime(v.createdAt, lang)}
                  {v.automatic && ` · ${t('proposals.versionAutomatic')}`}
                </span>
                <button type="button" className="link-button" disabled={busy !== null} onClick={() => setRestoring({ id: v.id, name: v.name })}>
                  {t('proposals.restore')}
                  <span className="visually-hidden"> {v.name}</span>
                </button>
              </li>
            ))}
          </ul>
          <div className="compare-pick">
            <label htmlFor="compare-from">{t('proposals.compareFrom')}</label>
            <select id="compare-from" value={fromValue} onChange={(e) => setFrom(e.target.value)}>
              {options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
            <label htmlFor="compare-to">{t('proposals.compareTo')}</label>
            <select id="compare-to" value={to} onChange={(e) => setTo(e.target.value)}>
              {options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
            <button type="button" disabled={busy !== null} onClick={() => void compare()}>
              {busy === 'compare' ? t('proposals.comparing') : t('proposals.compare')}
            </button>
          </div>
        </>
      )}
      {restoring && (
        <Dialog labelledBy="restore-title" onClose={() => setRestoring(null)}>
          <h2 id="restore-title">{t('proposals.restoreTitle', { name: restoring.name })}</h2>
          <p>{t('proposals.restoreBody', { name: restoring.name })}</p>
          <DialogActions cancelLabel={t('proposals.cancel')} onCancel={() => setRestoring(null)} actionLabel={t('proposals.restoreConfirm')} busy={busy === 'restore'} onConfirm={() => void restore(restoring)} />
        </Dialog>
      )}
    </section>
  );
}

/** The name of one side of a comparison: "Current proposal" or the version's name. */
export function useSideName(): (side: CompareSide) => string {
  const { t } = useI18n();
  return (side) => (side.kind === 'current' ? t('proposals.current') : side.name);
}

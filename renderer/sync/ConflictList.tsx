import { useState } from 'react';
import type { SyncConflict } from '../../core/sync/status';
import { mutate } from '../data/query-client';
import { useQuery } from '../data/use-query';
import { ErrorView, Loading } from '../app/StateViews';
import { useI18n } from '../i18n/i18n';
import { fieldName, recordName } from './record-words';
import { formatDateTime } from '../ui/format';
import { AlertNotice } from '../ui/AlertNotice';

/**
 * Fields changed here and on another device before either saw the other's change: both values
 * side by side (rich text as its words), the one in use marked, and a choice of which to keep.
 */
export function ConflictList() {
  const { t, apiText } = useI18n();
  const conflicts = useQuery('sync.conflicts', {});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState<number | null>(null);

  async function keep(conflict: SyncConflict, side: 'local' | 'remote'): Promise<void> {
    setBusy(conflict.id);
    setFailure(null);
    const result = await mutate('sync.resolveConflict', { id: conflict.id, keep: side });
    setBusy(null);
    if (!result.ok) setFailure(t('sync.failedAction', { message: apiText(result.error) }));
  }

  const list = conflicts.data ?? [];
  // Nothing is said about conflicts until they are known: "No conflicts" while loading would be a guess.
  const known = conflicts.data !== null;
  return (
    <section aria-labelledby="conflicts-title" className="sync-section">
      <h2 id="conflicts-title">
        {t('sync.conflictsTitle')} {list.length > 0 && <span className="count-badge">{list.length}</span>}
      </h2>
      {conflicts.status === 'error' && <ErrorView message={apiText(conflicts.error)} onRetry={conflicts.reload} />}
      {!known && conflicts.status !== 'error' && <Loading />}
      {known && list.length === 0 ? (
        <p className="muted">{t('sync.conflictsEmpty')}</p>
      ) : known ? (
        <>
          <p className="muted">{t('sync.conflictsIntro')}</p>
          <ul className="conflict-list">
            {list.map((c) => (
              <ConflictItem key={c.id} conflict={c} busy={busy === c.id} onKeep={(side) => void keep(c, side)} />
            ))}
          </ul>
        </>
      ) : null}
      <AlertNotice message={failure} />
    </section>
  );
}

function ConflictItem({ conflict, busy, onKeep }: { conflict: SyncConflict; busy: boolean; onKeep: (side: 'local' | 'remote') => void }) {
  const { t, lang } = useI18n();
  const headingId = `conflict-${conflict.id}`;
  const { other } = conflict;
  // Named once the server has said who made the other change.
  const otherDevice = other === null ? t('sync.otherDevice') : other.mine ? t('sync.otherDeviceMine', { device: other.device }) : t('sync.otherDeviceOf', { device: other.device, user: other.user });
  return (
    <li className="conflict" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('sync.conflictHeading', { record: recordName(t, lang, conflict.dataset, conflict.label), field: fieldName(lang, conflict.column) })}</h3>
      <p className="muted">{formatDateTime(conflict.detectedAt, lang)}</p>
      <div className="conflict-sides">
        {(['local', 'remote'] as const).map((side) => (
          <div key={side} className={`conflict-side${conflict.kept === side ? ' in-use' : ''}`}>
            <p className="conflict-side-title">
              {side === 'local' ? t('sync.thisDevice') : otherDevice}
              {conflict.kept === side && <span className="conflict-in-use"> · {t('sync.inUse')}</span>}
            </p>
            <p className="conflict-value">{side === 'local' ? conflict.localText : conflict.remoteText}</p>
            <button type="button" disabled={busy} onClick={() => onKeep(side)}>
              {side === 'local' ? t('sync.keepLocal') : t('sync.keepRemote')}
            </button>
          </div>
        ))}
      </div>
    </li>
  );
}

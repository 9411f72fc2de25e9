import { Link } from 'react-router';
import type { ApiMessage } from '../../core/api/message';
import { useQuery } from '../data/use-query';
import { useI18n } from '../i18n/i18n';
import { formatCount, formatDateTime } from '../ui/format';
import { useSyncProgress } from './progress';

/**
 * The status bar's sync state, honest about what it knows: working locally (not connected),
 * syncing (with counts), stopped (and why), changes and files waiting to be sent, a sync waiting for
 * confirmation, conflicts, or when it last synced. Each links to the Sync section.
 *
 * A stopped sync is named in a few words (the status bar is one line), with when it last
 * succeeded: how old what this device holds is. The whole reason is the link's tooltip and is on
 * the Sync section.
 */
export function SyncIndicator() {
  const { t, tn, lang, apiText } = useI18n();
  const status = useQuery('sync.status', {});
  const progress = useSyncProgress();
  const s = status.data;
  if (s === null) return null;
  const parts: { text: string; warn: boolean }[] = [];
  let title: string | undefined;
  if (s.account === null) parts.push({ text: t('status.syncLocal'), warn: false });
  else if (s.running) {
    // Each way out of how many, once known (what to receive: from the server's first answer).
    const outOf = (done: number, total: number | null): string => (total === null || total === 0 ? formatCount(done, lang) : `${formatCount(done, lang)}/${formatCount(total, lang)}`);
    parts.push({ text: progress ? `${t('status.syncing')} ↑${outOf(progress.sent, progress.toSend)} ↓${outOf(progress.received, progress.toReceive)}` : t('status.syncing'), warn: false });
  } else {
    const last = s.lastRun;
    if (last?.status === 'failed' && last.error) {
      const reason = t(stopReason(last.error));
      parts.push({ text: s.lastSuccessAt ? t('status.syncFailedSince', { reason, time: formatDateTime(s.lastSuccessAt, lang) }) : t('status.syncFailed', { reason }), warn: true });
      title = apiText(last.error);
    } else if (last?.status === 'needs_confirmation') parts.push({ text: t('status.syncConfirm'), warn: true });
    else parts.push({ text: s.lastSuccessAt ? t('status.syncOk', { time: formatDateTime(s.lastSuccessAt, lang) }) : t('status.syncNever'), warn: false });
    if (s.outbox > 0) parts.push({ text: tn('status.syncWaiting', s.outbox), warn: false });
    if (s.filesToSend > 0) parts.push({ text: tn('status.syncFilesWaiting', s.filesToSend), warn: false });
  }
  if (s.openConflicts > 0) parts.push({ text: tn('status.syncConflicts', s.openConflicts), warn: true });
  return (
    <Link to="/sync" className="status-sync" aria-live="polite" title={title}>
      {parts.map((p, i) => (
        <span key={i} className={p.warn ? 'status-warning' : undefined}>
          {i > 0 ? ' · ' : ''}
          {p.warn ? '⚠ ' : ''}
          {p.text}
        </span>
      ))}
    </Link>
  );
}

/** Why a sync stopped, in a few words. */
function stopReason(
  error: ApiMessage,
): 'status.syncStop.unreachable' | 'status.syncStop.interrupted' | 'status.syncStop.revoked' | 'status.syncStop.reconnect' | 'status.syncStop.clock' | 'status.syncStop.tooLarge' | 'status.syncStop.unknown' {
  switch (error.key) {
    case 'error.syncUnreachable':
    case 'error.syncUnknownHost':
    case 'error.syncNotHttps':
      return 'status.syncStop.unreachable';
    case 'error.syncInterrupted':
      return 'status.syncStop.interrupted';
    case 'error.syncRevoked':
      return 'status.syncStop.revoked';
    case 'error.syncTokenUnreadable':
      return 'status.syncStop.reconnect';
    case 'error.syncClockDrift':
      return 'status.syncStop.clock';
    case 'error.syncTooLarge':
    case 'error.syncChangeTooLarge':
      return 'status.syncStop.tooLarge';
    default:
      return 'status.syncStop.unknown';
  }
}

import { useState, type FormEvent } from 'react';
import { PROPOSAL_STATUS_MOVES, STATUSES_NEEDING_REASON, type ProposalDetail, type ProposalStatus } from '../../core/proposals/types';
import { STATUS_REASON_MAX } from '../../core/api/limits';
import { Dialog, DialogActions } from '../ui/Dialog';
import { useI18n } from '../i18n/i18n';
import { mutate } from '../data/query-client';
import { formatDateTime } from '../ui/format';

/** A status as a badge, coloured by where the proposal stands. */
export function StatusBadge({ status }: { status: ProposalStatus }) {
  const { t } = useI18n();
  return <span className={`chip proposal-status proposal-status-${status}`}>{t(`proposals.status.${status}`)}</span>;
}

/**
 * The proposal's status and the moves it allows (draft → internal review → sent → won or lost);
 * won and lost ask for the reason, which is kept for win/loss analytics.
 */
export function StatusControl({ proposal, flush, onChanged }: { proposal: ProposalDetail; flush: () => Promise<boolean>; onChanged: (proposal: ProposalDetail) => void }) {
  const { t, lang, apiText, colon } = useI18n();
  const [asking, setAsking] = useState<ProposalStatus | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const moves = PROPOSAL_STATUS_MOVES[proposal.status];

  async function move(status: ProposalStatus, why?: string): Promise<void> {
    setBusy(true);
    setError(null);
    // The edits still waiting are saved first: the version the move keeps must hold them, and a sent proposal takes no more.
    if (!(await flush())) {
      setBusy(false);
      setError(t('proposals.flushFailed'));
      return;
    }
    const result = await mutate('proposals.setStatus', { id: proposal.id, status, ...(why !== undefined ? { reason: why } : {}) });
    setBusy(false);
    if (!result.ok) {
      setError(t('proposals.actionFailed', { message: apiText(result.error) }));
      return;
    }
    setAsking(null);
    setReason('');
    onChanged(result.value);
  }

  function submit(event: FormEvent): void {
    event.preventDefault();
    if (asking === null) return;
    if (reason.trim() === '') {
      setError(t('proposals.reasonNeeded'));
      return;
    }
    void move(asking, reason.trim());
  }

  return (
    <div className="status-control" role="group" aria-label={t('proposals.statusLabel')}>
      <span className="muted">{t('proposals.statusLabel')}{colon}</span> <StatusBadge status={proposal.status} />
      {proposal.statusReason && <span className="muted status-reason">“{proposal.statusReason}”</span>}
      {moves.length === 0 ? (
        <span className="muted">{t('proposals.statusFinal')}</span>
      ) : (
        moves.map((status) => (
          <button
            key={status}
            type="button"
            disabled={busy}
            onClick={() => (STATUSES_NEEDING_REASON.includes(status) ? setAsking(status) : void move(status))}
          >
            {t('proposals.moveTo', { status: t(`proposals.status.${status}`) })}
          </button>
        ))
      )}
      {proposal.history.length > 1 && (
        <details className="status-history">
          <summary>{t('proposals.history')}</summary>
          <ol>
            {proposal.history.map((entry) => (
              <li key={`${entry.at}-${entry.to}`}>
                {t('proposals.historyEntry', { time: formatDateTime(entry.at, lang), status: t(`proposals.status.${entry.to}`) })}
                {entry.reason && <span className="muted"> — “{entry.reason}”</span>}
              </li>
            ))}
          </ol>
        </details>
      )}
      {error && asking === null && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {asking && (
        <Dialog labelledBy="reason-title" onClose={() => setAsking(null)}>
          <form onSubmit={submit}>
            <h2 id="reason-title">{t('proposals.reasonTitle', { status: t(`proposals.status.${asking}`) })}</h2>
            <label htmlFor="status-reason">{t('proposals.reason')}</label>
            <textarea
              id="status-reason"
              rows={3}
              value={reason}
              maxLength={STATUS_REASON_MAX}
              aria-describedby="status-reason-hint"
              aria-invalid={error !== null ? true : undefined}
              onChange={(e) => setReason(e.target.value)}
            />
            <p id="status-reason-hint" className="muted">
              {t('proposals.reasonHint')}
            </p>
            {error && (
              <p className="error-text" role="alert">
                {error}
              </p>
            )}
            <DialogActions cancelLabel={t('proposals.cancel')} onCancel={() => setAsking(null)} actionLabel={t('proposals.reasonConfirm', { status: t(`proposals.status.${asking}`) })} busy={busy} />
          </form>
        </Dialog>
      )}
    </div>
  );
}

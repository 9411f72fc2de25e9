import { useState } from 'react';
import { Link } from 'react-router';
import { mutate } from '../data/query-client';
import { useQuery } from '../data/use-query';
import { useI18n } from '../i18n/i18n';
import { AlertNotice } from '../ui/AlertNotice';
import { Dialog, DialogActions } from '../ui/Dialog';
import './sync.css';

/**
 * Who a customer's records sync to: the user alone, or an account team (core/sync/spaces.ts).
 * Sharing moves the customer and everything under it to the team's space; it is asked for once,
 * with what it means, and is not undone.
 */
export function CustomerSharing({ customerId }: { customerId: string }) {
  const { t, tn, apiText } = useI18n();
  const status = useQuery('sync.status', {});
  const sharing = useQuery('sync.sharing', { customerId });
  const [teamId, setTeamId] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (status.data === null || sharing.data === null) return null;
  const s = sharing.data;
  const chosen = s.teams.find((team) => team.id === teamId) ?? s.teams[0];

  async function share(): Promise<void> {
    setConfirming(false);
    if (!chosen) return;
    const result = await mutate('sync.share', { customerId, teamId: chosen.id });
    if (result.ok) {
      setError(null);
      setDone(tn('sharing.done', result.value.moved));
    } else setError(t('sharing.failed', { message: apiText(result.error) }));
  }

  let body;
  if (s.space === 'team') body = <p>{t('sharing.team', { team: s.team?.name ?? '' })}</p>;
  else if (status.data.account === null) {
    body = (
      <p className="muted">
        <Link to="/sync">{t('sharing.notConnected')}</Link>
      </p>
    );
  } else if (s.teams.length === 0) body = <p className="muted">{t('sharing.noTeams')}</p>;
  else {
    body = (
      <>
        <p className="muted">{t('sharing.private')}</p>
        <div className="sharing-controls">
          <label>
            {t('sharing.teamLabel')}{' '}
            <select value={chosen?.id ?? ''} onChange={(e) => setTeamId(e.target.value)}>
              {s.teams.map((team) => (
                <option key={team.id} value={team.id}>
                  {team.name}
                </option>
              ))}
            </select>
          </label>{' '}
          <button type="button" onClick={() => setConfirming(true)}>
            {t('sharing.share')}
          </button>
        </div>
      </>
    );
  }

  return (
    <section className="panel" aria-labelledby="sharing-title">
      <h2 id="sharing-title">{t('sharing.title')}</h2>
      {body}
      {done !== null && (
        <p role="status" className="notice">
          {done}
        </p>
      )}
      <AlertNotice message={error} />
      {confirming && chosen && (
        <Dialog labelledBy="share-title" onClose={() => setConfirming(false)}>
          <h2 id="share-title">{t('sharing.confirmTitle', { team: chosen.name })}</h2>
          <p>{t('sharing.confirmBody')}</p>
          <DialogActions cancelLabel={t('sync.cancel')} onCancel={() => setConfirming(false)} actionLabel={t('sharing.confirm')} onConfirm={() => void share()} />
        </Dialog>
      )}
    </section>
  );
}

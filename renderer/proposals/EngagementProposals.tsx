import { useState } from 'react';
import { ErrorView, Loading } from '../app/StateViews';
import { useI18n } from '../i18n/i18n';
import { useQuery } from '../data/use-query';
import { NewProposalDialog } from './NewProposalDialog';
import { ProposalTable } from './ProposalTable';
import './proposals.css';

/** The engagement page's proposals panel: its proposals and "New proposal" for this engagement. */
export function EngagementProposals({ engagementId }: { engagementId: string }) {
  const { t } = useI18n();
  const proposals = useQuery('proposals.list', { engagementId });
  const [creating, setCreating] = useState(false);
  return (
    <section className="panel" aria-labelledby="proposals-title">
      <div className="panel-head">
        <h2 id="proposals-title">{t('proposals.title')}</h2>
        <button type="button" className="primary-button" onClick={() => setCreating(true)}>
          {t('proposals.new')}
        </button>
      </div>
      {proposals.status === 'error' ? (
        <ErrorView message={proposals.error} onRetry={proposals.reload} />
      ) : proposals.data === null ? (
        <Loading />
      ) : proposals.data.length === 0 ? (
        <p className="panel-empty">{t('proposals.panelEmpty')}</p>
      ) : (
        <ProposalTable proposals={proposals.data} showEngagement={false} />
      )}
      {creating && <NewProposalDialog engagementId={engagementId} onClose={() => setCreating(false)} />}
    </section>
  );
}

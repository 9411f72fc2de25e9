import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PROPOSAL_STATUSES, type ProposalStatus } from '../../core/proposals/types';
import { PageHeading } from '../app/PageHeading';
import { EmptyState, ErrorView, Loading } from '../app/StateViews';
import { useI18n } from '../i18n/i18n';
import { useQuery } from '../data/use-query';
import { NewProposalDialog } from './NewProposalDialog';
import { ProposalTable } from './ProposalTable';
import '../engagements/engagements.css';
import './proposals.css';

function statusFrom(value: string | null): ProposalStatus | undefined {
  return (PROPOSAL_STATUSES as readonly string[]).includes(value ?? '') ? (value as ProposalStatus) : undefined;
}

/** `#/proposals`: every proposal on this device, filtered by status (kept in the URL), and "New proposal". */
export function ProposalsPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const status = statusFrom(params.get('status'));
  const proposals = useQuery('proposals.list', status ? { status } : {});
  const [creating, setCreating] = useState(false);

  return (
    <section className="page proposals-page" aria-labelledby="page-title">
      <header className="page-header list-header">
        <div>
          <PageHeading title={t('proposals.title')}>{t('proposals.title')}</PageHeading>
          <p className="muted">{t('proposals.intro')}</p>
        </div>
        <div className="list-header-actions">
          <Link to="/templates">{t('proposals.templatesLink')}</Link>
          <button type="button" className="primary-button" onClick={() => setCreating(true)}>
            {t('proposals.new')}
          </button>
        </div>
      </header>
      <div className="list-filters">
        <label htmlFor="proposal-status-filter">{t('proposals.filterStatus')}</label>
        <select
          id="proposal-status-filter"
          value={status ?? ''}
          onChange={(e) => setParams(e.target.value ? { status: e.target.value } : {}, { replace: true })}
        >
          <option value="">{t('proposals.allStatuses')}</option>
          {PROPOSAL_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`proposals.status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      {proposals.status === 'error' ? (
        <ErrorView message={proposals.error} onRetry={proposals.reload} />
      ) : proposals.data === null ? (
        <Loading />
      ) : proposals.data.length === 0 ? (
        status ? (
          <p className="panel-empty">{t('proposals.emptyFiltered')}</p>
        ) : (
          <EmptyState title={t('proposals.empty')}>
            <p>{t('proposals.emptyBody')}</p>
          </EmptyState>
        )
      ) : (
        <ProposalTable proposals={proposals.data} showEngagement />
      )}
      {creating && <NewProposalDialog onClose={() => setCreating(false)} />}
    </section>
  );
}

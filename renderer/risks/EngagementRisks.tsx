import { useState } from 'react';
import type { HeatSelection } from '../charts/HeatMap';
import { ErrorView, Loading } from '../app/StateViews';
import { useQuery } from '../data/use-query';
import { useI18n } from '../i18n/i18n';
import { AddFromChecklistDialog } from './AddFromChecklistDialog';
import { RegisterView } from './RegisterView';
import { RiskDialog } from './RiskDialog';
import './risks.css';

/** One engagement's risk register, compact, for the engagement page. */
export function EngagementRisks({ engagementId }: { engagementId: string }) {
  const { t } = useI18n();
  const engagement = useQuery('engagements.get', { id: engagementId });
  const risks = useQuery('risks.list', { engagementId });
  const [cell, setCell] = useState<HeatSelection>(null);
  const [dialog, setDialog] = useState<'new' | 'checklist' | null>(null);
  const e = engagement.data;
  const options = e ? [{ id: e.id, title: e.title, customerName: e.customer.name, scenarios: e.scenarios }] : [];

  return (
    <section className="engagement-risks" aria-labelledby="engagement-risks-title">
      <div className="risks-header">
        <h2 id="engagement-risks-title">{t('risks.engagementTitle')}</h2>
        <div className="risks-actions">
          <button type="button" onClick={() => setDialog('checklist')} disabled={!e}>
            {t('risks.addFromChecklist')}
          </button>
          <button type="button" onClick={() => setDialog('new')} disabled={!e}>
            {t('risks.new')}
          </button>
        </div>
      </div>
      {risks.status === 'error' ? (
        <ErrorView message={risks.error} onRetry={risks.reload} />
      ) : risks.data === null ? (
        <Loading />
      ) : (
        <RegisterView items={risks.data} engagements={options} cell={cell} onCell={setCell} compact emptyText={t('risks.empty')} />
      )}
      {dialog === 'new' && <RiskDialog item={null} engagements={options} engagementId={engagementId} onClose={() => setDialog(null)} />}
      {dialog === 'checklist' && (
        <AddFromChecklistDialog engagements={options} engagementId={engagementId} onClose={() => setDialog(null)} />
      )}
    </section>
  );
}

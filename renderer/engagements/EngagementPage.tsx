import { useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ENGAGEMENT_STAGES, type Engagement, type EngagementStage } from '../../core/engagements/types';
import { useI18n } from '../i18n/i18n';
import { RecordConflictNotice } from '../sync/RecordConflictNotice';
import { mutate, setQueryResult } from '../data/query-client';
import { currentData, useQuery } from '../data/use-query';
import { useScenarios } from '../data/catalog';
import { PageHeading } from '../app/PageHeading';
import { RecordLoadFailed, RecordLoading } from '../app/RecordStates';
import { kindLabel, stageLabel } from './labels';
import { EngagementRisks } from '../risks/EngagementRisks';
import { EngagementNotes } from '../notes/EngagementNotes';
import { EngagementProposals } from '../proposals/EngagementProposals';
import { EngagementAssessments } from '../assessments/EngagementAssessments';
import { ConfirmDeleteDialog } from './ConfirmDeleteDialog';
import { FormError } from '../ui/Field';
import './engagements.css';

function isStage(value: string): value is EngagementStage {
  return (ENGAGEMENT_STAGES as readonly string[]).includes(value);
}

/** `#/engagements/:id`: the engagement's header (customer, stage, dates, scenarios, team) and the work done in it. */
export function EngagementPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const engagement = useQuery('engagements.get', { id });
  const back = (
    <Link to="/engagements" className="back-link">
      ← {t('engagements.back')}
    </Link>
  );
  const loaded = currentData(engagement);
  if (loaded) return <EngagementView engagement={loaded} back={back} />;
  if (engagement.status === 'error') {
    return <RecordLoadFailed error={engagement.error} back={back} notFoundTitle={t('engagements.notFoundTitle')} notFoundText={t('engagements.notFound', { id })} onRetry={engagement.reload} />;
  }
  return <RecordLoading back={back} />;
}

function EngagementView({ engagement: e, back }: { engagement: Engagement; back: ReactNode }) {
  const { t, text, apiText } = useI18n();
  const navigate = useNavigate();
  const scenarios = useScenarios();
  const [stageStatus, setStageStatus] = useState<{ kind: 'saved' | 'failed'; message: string } | null>(null);
  const [savingStage, setSavingStage] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);

  async function changeStage(stage: EngagementStage): Promise<void> {
    setSavingStage(true);
    setStageStatus(null);
    const result = await mutate('engagements.update', { id: e.id, stage });
    setSavingStage(false);
    if (result.ok) {
      setQueryResult('engagements.get', { id: e.id }, result.value);
      setStageStatus({ kind: 'saved', message: t('engagements.stageSaved', { stage: stageLabel(stage, t) }) });
    } else {
      setStageStatus({ kind: 'failed', message: t('engagements.stageFailed', { message: apiText(result.error) }) });
    }
  }

  async function remove(): Promise<void> {
    const result = await mutate('engagements.remove', { id: e.id });
    if (result.ok) {
      navigate('/engagements');
    } else {
      setConfirmDelete(false);
      setDeleteError(t('engagements.deleteFailed', { message: apiText(result.error) }));
    }
  }

  const dates =
    e.startDate === null && e.endDate === null
      ? t('engagements.noDates')
      : t('engagements.dateRange', { start: e.startDate ?? t('engagements.noDate'), end: e.endDate ?? t('engagements.noDate') });

  return (
    <article className="page engagement-page" aria-labelledby="page-title">
      {back}
      <header className="page-header page-header-actions">
        <div>
          <p className="eyebrow">
            <Link to={`/customers/${e.customer.id}`}>{e.customer.name}</Link>
            {' · '}
            {kindLabel(e.customer.kind, t)}
            {e.customer.region && ` · ${e.customer.region}`}
          </p>
          <PageHeading title={e.title}>{e.title}</PageHeading>
        </div>
        <div className="header-links">
          <Link to={`/engagements/${e.id}/edit`} className="button-link">
            {t('engagements.edit')}
          </Link>
          <button type="button" className="danger-button" onClick={() => setConfirmDelete(true)}>
            {t('engagements.delete')}
          </button>
        </div>
      </header>
      <RecordConflictNotice dataset="engagements" row={e.id} />
      <FormError message={deleteError} />

      <section className="detail-card" aria-label={t('engagements.details')}>
        <dl className="detail-grid">
          <div>
            <dt>
              <label htmlFor="engagement-stage">{t('engagements.field.stage')}</label>
            </dt>
            <dd>
              <select id="engagement-stage" value={e.stage} disabled={savingStage} onChange={(ev) => isStage(ev.target.value) && void changeStage(ev.target.value)}>
                {ENGAGEMENT_STAGES.map((s) => (
                  <option key={s} value={s}>
                    {stageLabel(s, t)}
                  </option>
                ))}
              </select>
              <span className={stageStatus?.kind === 'failed' ? 'stage-status error-text' : 'stage-status muted'} role="status">
                {stageStatus?.message ?? ''}
              </span>
            </dd>
          </div>
          <div>
            <dt>{t('engagements.dates')}</dt>
            <dd>{dates}</dd>
          </div>
          <div className="wide">
            <dt>{t('engagements.field.scenarios')}</dt>
            <dd>
              <ul className="chip-list">
                {e.scenarios.map((id) => {
                  const s = scenarios.find((x) => x.id === id);
                  const name = s ? text(s.name) : id;
                  return (
                    <li key={id}>
                      <Link to={`/kb?scenario=${encodeURIComponent(id)}`} className="chip" title={t('engagements.scenarioLink', { name })}>
                        {name}
                      </Link>
                    </li>
                  );
                })}
              </ul>
            </dd>
          </div>
          <div className="wide">
            <dt>{t('engagements.field.team')}</dt>
            <dd>
              {e.team.length === 0 ? (
                <span className="muted">{t('engagements.noTeam')}</span>
              ) : (
                <ul className="team-list">
                  {e.team.map((m, i) => (
                    <li key={i}>
                      <span className="team-name">{m.name}</span>
                      {m.role && <span className="muted"> · {m.role}</span>}
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
        </dl>
      </section>

      <h2 className="visually-hidden">{t('engagements.work')}</h2>
      <div className="engagement-panels">
        <EngagementAssessments engagementId={e.id} />
        <EngagementRisks engagementId={e.id} />
        <EngagementNotes engagementId={e.id} />
        <EngagementProposals engagementId={e.id} />
      </div>

      {confirmDelete && (
        <ConfirmDeleteDialog
          titleId="delete-engagement-title"
          title={t('engagements.deleteTitle')}
          body={t('engagements.deleteBody', { title: e.title })}
          onCancel={() => setConfirmDelete(false)}
          onConfirm={() => void remove()}
        />
      )}
    </article>
  );
}

import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { AssessmentDetail } from '../../../core/assessment/types';
import { findQuestion, type Recommendation } from '../../../core/assessment/engine';
import { answerText, becauseText } from '../../../core/report/answer-text';
import { hasScores } from '../../../core/report/radar-geometry';
import { PageHeading } from '../../app/PageHeading';
import { EmptyState, ErrorView, Loading } from '../../app/StateViews';
import { RadarChart } from '../../charts/RadarChart';
import { useI18n } from '../../i18n/i18n';
import { useQuery } from '../../data/use-query';
import { formatDateTime } from '../../ui/format';
import { AddRisksDialog } from './AddRisksDialog';
import { ExportDialog } from './ExportDialog';
import { NewProposalDialog } from '../../proposals/NewProposalDialog';
import { useRefTitles } from './ref-titles';
import './results.css';

const KINDS: readonly Recommendation['kind'][] = ['template', 'risk', 'article'];

/** An assessment's scores, readiness, gaps and recommendations, with risk and report actions. */
export function ResultsPage() {
  const { id = '' } = useParams();
  const { t, apiText } = useI18n();
  const detail = useQuery('assessments.get', { id });

  if (detail.status === 'error' && !detail.data) {
    const message = detail.error.code === 'not_found' ? t('results.notFound', { id }) : apiText(detail.error);
    return (
      <div className="page results-page">
        <PageHeading title={t('report.pageTitle')}>{t('report.pageTitle')}</PageHeading>
        <ErrorView message={message} onRetry={detail.error.code === 'not_found' ? undefined : detail.reload} />
      </div>
    );
  }
  if (!detail.data) return <Loading />;
  return <Results detail={detail.data} />;
}

function Results({ detail }: { detail: AssessmentDetail }) {
  const { t, text, lang, apiText } = useI18n();
  const [exporting, setExporting] = useState<'docx' | 'pdf' | null>(null);
  const [addingRisks, setAddingRisks] = useState(false);
  // The recommended template a new proposal is being made from.
  const [proposingFrom, setProposingFrom] = useState<string | null>(null);
  const { session, definition: def, result } = detail;
  const refTitles = useRefTitles(result.recommendations);
  const title = t('results.title', { title: text(def.title) });
  const axes = useMemo(
    () => def.dimensions.map((d) => ({ id: d.id, label: text(d.label), value: result.dimensions.find((s) => s.id === d.id)?.score ?? null })),
    [def, result, text],
  );
  const level = def.readinessLevels.find((l) => l.id === result.readiness);
  const riskRecs = result.recommendations.filter((r) => r.kind === 'risk');
  const refTitle = (ref: string): string => {
    const found = refTitles.titles[ref];
    return found ? text(found) : ref;
  };

  return (
    <div className="page results-page">
      <header className="results-header">
        <PageHeading title={title}>{title}</PageHeading>
        <p className="muted">{t('results.context', { customer: detail.engagement.customerName, engagement: detail.engagement.title })}</p>
        <div className="results-actions" role="group" aria-label={t('results.export')}>
          <button type="button" onClick={() => setExporting('docx')}>
            {t('results.exportDocx')}
          </button>
          <button type="button" onClick={() => setExporting('pdf')}>
            {t('results.exportPdf')}
          </button>
        </div>
      </header>

      {session.status === 'in-progress' ? (
        <p className="notice warn">
          {t('results.inProgress')} <Link to={`/assessments/${session.id}`}>{t('results.continue')}</Link>
        </p>
      ) : (
        session.signoff && <p className="muted">{t('results.completedOn', { date: formatDateTime(session.completedAt ?? session.signoff.signedAt, lang), name: session.signoff.name })}</p>
      )}

      <section className="results-summary" aria-labelledby="results-scores">
        <h2 id="results-scores" className="visually-hidden">
          {t('results.radarTitle')}
        </h2>
        <div className="results-figures">
          <div className="results-overall">
            <span className="results-label">{t('results.overall')}</span>
            <span className="results-number" data-testid="overall-score">
              {result.overall === null ? t('results.notScored') : result.overall}
            </span>
            {result.overall !== null && <span className="muted">{t('results.outOf')}</span>}
          </div>
          <div className="results-readiness">
            <span className="results-label">{t('results.readiness')}</span>
            {level ? (
              <>
                <strong className="readiness-label">{text(level.label)}</strong>
                <p>{text(level.description)}</p>
              </>
            ) : (
              <p className="muted">{t('results.noReadiness')}</p>
            )}
          </div>
        </div>
        <div className="results-radar">
          {hasScores(axes) ? (
            <RadarChart axes={axes} title={t('results.radarTitle')} notScored={t('results.notScored')} columns={[t('results.dimension'), t('results.score')]} />
          ) : (
            <EmptyState title={t('results.noScores')}>
              <p>{t('results.noScoresBody')}</p>
            </EmptyState>
          )}
        </div>
      </section>

      <section aria-labelledby="results-gaps">
        <h2 id="results-gaps">{t('results.gaps')}</h2>
        {result.gaps.length === 0 ? (
          <p className="muted">{t('results.noGaps')}</p>
        ) : (
          <>
            <p className="muted">{t('results.gapsIntro')}</p>
            <ol className="gap-list">
              {result.gaps.map((gap) => {
                const q = findQuestion(def, gap.questionId);
                const dim = def.dimensions.find((d) => d.id === gap.dimension);
                const answer = q ? answerText(q, detail.answers[gap.questionId]?.value ?? null, lang) : '';
                return (
                  <li key={`${gap.questionId}-${gap.dimension}`}>
                    <Link to={`/assessments/${session.id}?q=${encodeURIComponent(gap.questionId)}`}>{q ? text(q.text) : gap.questionId}</Link>
                    <span className="gap-lost">{t('results.gapLost', { points: gap.lost, dimension: dim ? text(dim.label) : gap.dimension })}</span>
                    {answer && <span className="muted">{t('results.gapAnswer', { answer })}</span>}
                  </li>
                );
              })}
            </ol>
          </>
        )}
      </section>

      <section aria-labelledby="results-recs">
        <h2 id="results-recs">{t('results.recommendations')}</h2>
        {refTitles.error && <p className="notice warn">{t('results.titlesFailed', { message: apiText(refTitles.error) })}</p>}
        {result.recommendations.length === 0 && <p className="muted">{t('results.noRecommendations')}</p>}
        {KINDS.map((kind) => {
          const recs = result.recommendations.filter((r) => r.kind === kind);
          if (recs.length === 0) return null;
          return (
            <div key={kind} className="rec-group">
              <div className="rec-group-head">
                <h3>{t(`results.kind.${kind}`)}</h3>
                {kind === 'risk' && (
                  <button type="button" onClick={() => setAddingRisks(true)}>
                    {t('results.addRisks')}
                  </button>
                )}
              </div>
              <ul className="rec-list">
                {recs.map((rec) => {
                  const reason = def.recommendations.find((d) => d.id === rec.id)?.reason;
                  return (
                    <li key={rec.id}>
                      {kind === 'article' ? <Link to={`/kb/${rec.ref}`}>{refTitle(rec.ref)}</Link> : <strong>{refTitle(rec.ref)}</strong>}
                      {kind === 'template' && (
                        <button type="button" className="rec-action" onClick={() => setProposingFrom(rec.ref)}>
                          {t('results.newProposalFrom')}
                        </button>
                      )}
                      {reason && <p>{text(reason)}</p>}
                      {rec.triggeredBy.length > 0 && <p className="muted rec-because">{t('results.because', { answers: becauseText(def, rec.triggeredBy, lang) })}</p>}
                    </li>
                  );
                })}
              </ul>
            </div>
          );
        })}
      </section>

      {addingRisks && <AddRisksDialog detail={detail} recommendations={riskRecs} titleOf={refTitle} onClose={() => setAddingRisks(false)} />}
      {exporting && <ExportDialog sessionId={session.id} format={exporting} onClose={() => setExporting(null)} />}
      {proposingFrom !== null && <NewProposalDialog engagementId={session.engagementId} sessionId={session.id} templateId={proposingFrom} onClose={() => setProposingFrom(null)} />}
    </div>
  );
}

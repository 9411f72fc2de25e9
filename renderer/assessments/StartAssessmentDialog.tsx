import { useMemo, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { mutate } from '../data/query-client';
import { useQuery } from '../data/use-query';
import { useI18n } from '../i18n/i18n';
import { Dialog, DialogActions } from '../ui/Dialog';
import { ErrorView, Loading } from '../app/StateViews';

/** Pick an engagement (unless given), then a definition — the engagement's scenarios first, the only one for them chosen already — and start. */
export function StartAssessmentDialog({ engagementId: fixed, onClose }: { engagementId?: string; onClose: () => void }) {
  const { t, tn, text, apiText } = useI18n();
  const navigate = useNavigate();
  const engagements = useQuery('engagements.list', fixed ? null : {});
  const fixedEngagement = useQuery('engagements.get', fixed ? { id: fixed } : null);
  const definitions = useQuery('assessments.definitions', {});
  const [engagementId, setEngagementId] = useState(fixed ?? '');
  const [picked, setPicked] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const scenarios = useMemo(() => {
    if (fixed) return fixedEngagement.data?.scenarios ?? [];
    return engagements.data?.find((e) => e.id === engagementId)?.scenarios ?? [];
  }, [fixed, fixedEngagement.data, engagements.data, engagementId]);
  const defs = definitions.data ?? [];
  const suggested = defs.filter((d) => scenarios.includes(d.scenarioId));
  const others = defs.filter((d) => !scenarios.includes(d.scenarioId));
  // The one definition made for the engagement's scenario is chosen until the user picks another.
  const definitionId = picked !== '' ? picked : suggested.length === 1 ? (suggested[0]?.id ?? '') : '';

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!engagementId || !definitionId) return;
    setBusy(true);
    setProblem(null);
    const result = await mutate('assessments.start', { engagementId, definitionId });
    if (result.ok) {
      void navigate(`/assessments/${result.value.session.id}`);
      return;
    }
    setProblem(apiText(result.error));
    setBusy(false);
  };

  const group = (label: string, list: typeof defs) =>
    list.length > 0 && (
      <fieldset className="definition-group">
        <legend>{label}</legend>
        {list.map((d) => (
          <label key={d.id} className="choice definition-choice">
            <input type="radio" name="definition" value={d.id} checked={definitionId === d.id} onChange={() => setPicked(d.id)} />
            <span>
              {text(d.title)} <span className="muted">· {d.questionsAtStart < d.questionCount ? t('assessments.questionRange', { start: d.questionsAtStart, count: d.questionCount }) : tn('assessments.questionCount', d.questionCount)} · {t('assessments.version', { version: d.version })}</span>
            </span>
          </label>
        ))}
      </fieldset>
    );

  return (
    <Dialog labelledBy="start-title" onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} className="start-form">
        <h2 id="start-title">{t('assessments.startTitle')}</h2>
        {!fixed && (
          <>
            <label htmlFor="start-engagement" className="field-label">
              {t('assessments.pickEngagement')}
            </label>
            {engagements.status === 'error' && <ErrorView message={engagements.error} onRetry={engagements.reload} />}
            {engagements.data && engagements.data.length === 0 && <p className="muted">{t('assessments.noEngagements')}</p>}
            {engagements.data && engagements.data.length > 0 && (
              <select id="start-engagement" value={engagementId} onChange={(e) => setEngagementId(e.target.value)} required>
                <option value="">{t('assessments.choose')}</option>
                {engagements.data.map((e) => (
                  <option key={e.id} value={e.id}>
                    {e.title} — {e.customerName}
                  </option>
                ))}
              </select>
            )}
          </>
        )}
        <p className="field-label">{t('assessments.pickDefinition')}</p>
        {definitions.status === 'loading' && <Loading />}
        {definitions.status === 'error' && <ErrorView message={definitions.error} onRetry={definitions.reload} />}
        {definitions.status === 'ready' && defs.length === 0 && <p className="muted">{t('assessments.noDefinitions')}</p>}
        <div className="definition-list">
          {group(t('assessments.suggested'), suggested)}
          {group(suggested.length > 0 ? t('assessments.otherDefinitions') : t('assessments.pickDefinition'), others)}
        </div>
        {problem && (
          <p className="error-text" role="alert">
            {problem}
          </p>
        )}
        <DialogActions
          cancelLabel={t('assessments.cancel')}
          onCancel={onClose}
          actionLabel={t('assessments.startAction')}
          busyLabel={t('assessments.starting')}
          busy={busy}
          disabled={!engagementId || !definitionId}
        />
      </form>
    </Dialog>
  );
}

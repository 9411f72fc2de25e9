import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { LANGS } from '../../core/i18n';
import type { TemplateSummary } from '../../core/api/calls/templates';
import { Dialog, DialogActions } from '../ui/Dialog';
import { Loading } from '../app/StateViews';
import { useI18n } from '../i18n/i18n';
import { mutate, prefetchQuery, setQueryResult } from '../data/query-client';
import { useQuery } from '../data/use-query';
import { formatDateTime } from '../ui/format';
import type { ProposalLocationState } from './ProposalPage';
import { useDocumentLang } from '../settings/use-document-lang';

/** Templates for the engagement's scenarios first, then the others, each group by title. */
export function orderTemplates(templates: readonly TemplateSummary[], scenarios: readonly string[]): { matching: TemplateSummary[]; other: TemplateSummary[] } {
  const matches = (t: TemplateSummary): boolean => t.scenarios.some((s) => scenarios.includes(s));
  return { matching: templates.filter(matches), other: templates.filter((t) => !matches(t)) };
}

/**
 * New proposal: engagement (fixed when opened from an engagement) → one of its completed
 * assessments or none → template → language → generate. The template preselected is the one the
 * chosen assessment recommends (or the one asked for, from a recommendation on the results page),
 * else the first matching the engagement's scenarios. The editor opens with what generation could
 * not fill.
 */
export function NewProposalDialog({
  engagementId: fixedEngagement,
  sessionId: askedSession,
  templateId: askedTemplate,
  onClose,
}: {
  engagementId?: string;
  /** The assessment to start from (the results page it was opened on). */
  sessionId?: string;
  /** The template to start from (a recommendation it was opened from). */
  templateId?: string;
  onClose: () => void;
}) {
  const { t, lang: uiLang, text, apiText } = useI18n();
  const navigate = useNavigate();
  const engagements = useQuery('engagements.list', fixedEngagement ? null : {});
  const [engagementId, setEngagementId] = useState(fixedEngagement ?? '');
  const engagement = useQuery('engagements.get', engagementId ? { id: engagementId } : null);
  const assessments = useQuery('assessments.list', engagementId ? { engagementId, status: 'completed' } : null);
  const templates = useQuery('templates.list', {});
  const [sessionChoice, setSessionChoice] = useState<string | null>(askedSession ?? null);
  const [templateChoice, setTemplateChoice] = useState<string | null>(askedTemplate ?? null);
  const [lang, setLang] = useDocumentLang();
  const [title, setTitle] = useState('');
  const [state, setState] = useState<{ kind: 'idle' | 'busy' } | { kind: 'error'; message: string }>({ kind: 'idle' });

  const completed = engagementId && assessments.data ? assessments.data.filter((a) => a.engagementId === engagementId) : [];
  // The newest completed assessment is the default; "none" is an explicit choice.
  const sessionId = sessionChoice ?? completed[0]?.id ?? '';
  const { matching, other } = orderTemplates(templates.data ?? [], engagement.data?.scenarios ?? []);
  // The POC templates the chosen assessment recommends, in the order it recommends them.
  const session = useQuery('assessments.get', sessionId ? { id: sessionId } : null);
  const available = new Set((templates.data ?? []).map((tpl) => tpl.id));
  const recommended = (session.data?.result.recommendations ?? []).filter((r) => r.kind === 'template' && available.has(r.ref)).map((r) => r.ref);
  const templateId = templateChoice ?? recommended[0] ?? matching[0]?.id ?? other[0]?.id ?? '';

  // This dialog leads to the proposal editor: its code (with Lexical) is fetched while the user
  // chooses, not after Generate.
  useEffect(() => {
    void import('./ProposalPage').catch(() => undefined);
  }, []);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (!engagementId || !templateId) return;
    setState({ kind: 'busy' });
    const result = await mutate('proposals.generate', {
      engagementId,
      templateId,
      lang,
      ...(sessionId ? { sessionId } : {}),
      ...(title.trim() ? { title: title.trim() } : {}),
    });
    if (!result.ok) {
      setState({ kind: 'error', message: t('proposals.generateFailed', { message: apiText(result.error) }) });
      return;
    }
    // The editor opens on the proposal just made, without fetching it again.
    setQueryResult('proposals.get', { id: result.value.proposal.id }, result.value.proposal);
    // Its versions panel asks next; the request goes out while the editor renders.
    prefetchQuery('proposals.versions', { id: result.value.proposal.id });
    const state: ProposalLocationState = { problems: result.value.problems };
    navigate(`/proposals/${result.value.proposal.id}`, { state });
  }

  return (
    <Dialog labelledBy="new-proposal-title" className="new-proposal-dialog" onClose={onClose}>
      <form onSubmit={(e) => void submit(e)}>
        <h2 id="new-proposal-title">{t('proposals.newTitle')}</h2>
        {!fixedEngagement && (
          <div className="prop-field">
            <label htmlFor="new-proposal-engagement">{t('proposals.engagement')}</label>
            {engagements.data === null ? (
              <Loading />
            ) : engagements.data.length === 0 ? (
              <p className="muted">{t('proposals.noEngagements')}</p>
            ) : (
              <select
                id="new-proposal-engagement"
                value={engagementId}
                required
                onChange={(e) => {
                  setEngagementId(e.target.value);
                  setSessionChoice(null);
                  setTemplateChoice(null);
                }}
              >
                <option value="">{t('proposals.chooseEngagement')}</option>
                {engagements.data.map((e) => (
                  <option key={e.id} value={e.id}>
                    {e.title} — {e.customerName}
                  </option>
                ))}
              </select>
            )}
            {engagements.status === 'error' && <p className="error-text">{apiText(engagements.error)}</p>}
          </div>
        )}
        {engagementId && (
          <div className="prop-field">
            <label htmlFor="new-proposal-assessment">{t('proposals.assessment')}</label>
            <select
              id="new-proposal-assessment"
              value={sessionId}
              onChange={(e) => {
                setSessionChoice(e.target.value);
                // Another assessment recommends its own template.
                setTemplateChoice(null);
              }}
            >
              {completed.map((a) => (
                <option key={a.id} value={a.id}>
                  {t('proposals.assessmentOption', { title: text(a.title), date: a.completedAt ? formatDateTime(a.completedAt, uiLang) : '—', overall: a.overall ?? '—' })}
                </option>
              ))}
              <option value="">{t('proposals.noAssessment')}</option>
            </select>
            {assessments.data !== null && completed.length === 0 && <p className="muted">{t('proposals.noCompleted')}</p>}
            {assessments.status === 'error' && <p className="error-text">{apiText(assessments.error)}</p>}
          </div>
        )}
        <div className="prop-field">
          <label htmlFor="new-proposal-template">{t('proposals.template')}</label>
          {templates.data === null ? (
            <Loading />
          ) : templates.data.length === 0 ? (
            <p className="muted">{t('proposals.noTemplates')}</p>
          ) : (
            <select id="new-proposal-template" value={templateId} onChange={(e) => setTemplateChoice(e.target.value)}>
              {matching.length > 0 && (
                <optgroup label={t('proposals.templatesMatching')}>
                  {matching.map((tpl) => (
                    <option key={tpl.id} value={tpl.id}>
                      {text(tpl.title)} (v{tpl.version}){recommended.includes(tpl.id) ? ` · ${t('proposals.recommendedTemplate')}` : ''}
                    </option>
                  ))}
                </optgroup>
              )}
              <optgroup label={t('proposals.templatesOther')}>
                {other.map((tpl) => (
                  <option key={tpl.id} value={tpl.id}>
                    {text(tpl.title)} (v{tpl.version}){recommended.includes(tpl.id) ? ` · ${t('proposals.recommendedTemplate')}` : ''}
                  </option>
                ))}
              </optgroup>
            </select>
          )}
          {templates.status === 'error' && <p className="error-text">{apiText(templates.error)}</p>}
        </div>
        <fieldset className="prop-field export-langs">
          <legend>{t('proposals.language')}</legend>
          {LANGS.map((l) => (
            <label key={l}>
              <input type="radio" name="proposal-lang" value={l} checked={lang === l} onChange={() => setLang(l)} /> {t(`lang.${l}`)}
            </label>
          ))}
        </fieldset>
        <div className="prop-field">
          <label htmlFor="new-proposal-title-input">{t('proposals.titleOptional')}</label>
          <input id="new-proposal-title-input" type="text" value={title} maxLength={300} onChange={(e) => setTitle(e.target.value)} />
        </div>
        {state.kind === 'busy' && (
          <p role="status" className="muted">
            {t('proposals.generating')}
          </p>
        )}
        {state.kind === 'error' && (
          <p role="alert" className="error-text">
            {state.message}
          </p>
        )}
        <DialogActions cancelLabel={t('proposals.cancel')} onCancel={onClose} actionLabel={t('proposals.generate')} busy={state.kind === 'busy'} disabled={!engagementId || !templateId} />
      </form>
    </Dialog>
  );
}

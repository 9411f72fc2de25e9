import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { Recommendation } from '../../../core/assessment/engine';
import type { AssessmentDetail } from '../../../core/assessment/types';
import type { AddFromChecklistResult } from '../../../core/risks/types';
import { Dialog, DialogActions } from '../../ui/Dialog';
import { useI18n } from '../../i18n/i18n';
import { mutate } from '../../data/query-client';
import { useQuery } from '../../data/use-query';

/**
 * Recommended risk items copied into the engagement's register in the UI language: those already
 * in the register are shown ticked and cannot be chosen again; the others are preselected.
 */
export function AddRisksDialog({
  detail,
  recommendations,
  titleOf,
  onClose,
}: {
  detail: AssessmentDetail;
  recommendations: readonly Recommendation[];
  titleOf: (ref: string) => string;
  onClose: () => void;
}) {
  const { t, tn, lang, apiText } = useI18n();
  const [selected, setSelected] = useState<Set<string>>(() => new Set(recommendations.map((r) => r.ref)));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<AddFromChecklistResult | null>(null);
  const register = useQuery('risks.list', { engagementId: detail.engagement.id });
  const inRegister = new Set((register.data ?? []).flatMap((r) => (r.checklistId && r.checklistItemId ? [`${r.checklistId}#${r.checklistItemId}`] : [])));
  const reasonOf = (rec: Recommendation): string => {
    const reason = detail.definition.recommendations.find((d) => d.id === rec.id)?.reason;
    return reason ? reason[lang] : '';
  };

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const items = recommendations
      .filter((r) => selected.has(r.ref) && !inRegister.has(r.ref))
      .map((r) => {
        const [checklistId = '', itemId = ''] = r.ref.split('#');
        const reason = reasonOf(r);
        return { checklistId, itemId, ...(reason ? { reason } : {}) };
      });
    if (items.length === 0) {
      setError(t('results.addRisksNone'));
      return;
    }
    setBusy(true);
    setError(null);
    const result = await mutate('risks.addFromChecklist', { engagementId: detail.engagement.id, items, source: 'assessment', sessionId: detail.session.id, lang });
    setBusy(false);
    if (result.ok) setDone(result.value);
    else setError(apiText(result.error));
  }

  function toggle(ref: string): void {
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(ref)) next.delete(ref);
      else next.add(ref);
      return next;
    });
  }

  return (
    <Dialog labelledBy="add-risks-title" className="results-dialog" onClose={onClose}>
      <h2 id="add-risks-title">{t('results.addRisksTitle')}</h2>
      {done ? (
        <>
          <p role="status" className="notice" data-testid="add-risks-result">
            {tn('results.added', done.added.length)}
            {done.skipped.length > 0 && `, ${tn('results.skipped', done.skipped.length)}`}
          </p>
          {done.skipped.length > 0 && (
            <ul className="muted">
              {done.skipped.map((s) => (
                <li key={`${s.checklistId}#${s.itemId}`}>{apiText(s.message)}</li>
              ))}
            </ul>
          )}
          <div className="dialog-actions">
            <Link to={`/risks?engagement=${encodeURIComponent(detail.engagement.id)}`}>{t('results.openRegister')}</Link>
            <button type="button" onClick={onClose}>
              {t('common.close')}
            </button>
          </div>
        </>
      ) : (
        <form onSubmit={(e) => void submit(e)}>
          <p>{t('results.addRisksIntro', { engagement: detail.engagement.title, language: t(`langName.${lang}`) })}</p>
          <fieldset className="risk-choices">
            <legend className="visually-hidden">{t('results.kind.risk')}</legend>
            {recommendations.map((rec) => (
              <label key={rec.ref} className={inRegister.has(rec.ref) ? 'risk-choice muted' : 'risk-choice'}>
                <input type="checkbox" checked={inRegister.has(rec.ref) || selected.has(rec.ref)} disabled={inRegister.has(rec.ref)} onChange={() => toggle(rec.ref)} />
                <span>
                  <strong>{titleOf(rec.ref)}</strong>
                  <span className="muted"> — {inRegister.has(rec.ref) ? t('results.alreadyInRegister') : reasonOf(rec)}</span>
                </span>
              </label>
            ))}
          </fieldset>
          {error && (
            <p role="alert" className="error-text">
              {error}
            </p>
          )}
          <DialogActions cancelLabel={t('results.cancel')} onCancel={onClose} actionLabel={t('results.addRisksSubmit')} busy={busy} />
        </form>
      )}
    </Dialog>
  );
}

import { useState } from 'react';
import type { AnswerValue } from '../../core/assessment/logic';
import { mutate } from '../data/query-client';
import { useQuery } from '../data/use-query';
import { useI18n } from '../i18n/i18n';
import { Dialog, DialogActions } from '../ui/Dialog';
import { ErrorView, Loading } from '../app/StateViews';

export function showValue(value: AnswerValue): string {
  if (Array.isArray(value)) return value.join(', ');
  return value === null ? '—' : String(value);
}

/** Lists exactly which questions a newer definition version adds, removes and changes, then moves the session. */
export function UpgradeDialog({ sessionId, onClose, onMoved }: { sessionId: string; onClose: () => void; onMoved: () => void }) {
  const { t, text, apiText, colon } = useI18n();
  const preview = useQuery('assessments.previewUpgrade', { sessionId });
  const [moving, setMoving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const p = preview.data;

  const move = async (to: number): Promise<void> => {
    setMoving(true);
    setProblem(null);
    const result = await mutate('assessments.upgrade', { sessionId, toVersion: to });
    if (result.ok) {
      onMoved();
      return;
    }
    setProblem(apiText(result.error));
    setMoving(false);
  };

  return (
    <Dialog labelledBy="upgrade-title" onClose={onClose} className="upgrade-dialog">
      <h2 id="upgrade-title">{p ? t('assessments.upgradeTitle', { to: p.to }) : t('assessments.showChanges')}</h2>
      {preview.status === 'loading' && <Loading />}
      {preview.status === 'error' && <ErrorView message={preview.error} onRetry={preview.reload} />}
      {p && (
        <div className="upgrade-body">
          <p>{t('assessments.upgradeIntro', { from: p.from, to: p.to })}</p>
          {p.diff.added.length + p.diff.removed.length + p.diff.changed.length === 0 && <p className="muted">{t('assessments.noQuestionChanges')}</p>}
          {p.diff.added.length > 0 && (
            <section aria-labelledby="upgrade-added">
              <h3 id="upgrade-added">{t('assessments.added')}</h3>
              <ul>
                {p.diff.added.map((q) => (
                  <li key={q.questionId}>{text(q.text)}</li>
                ))}
              </ul>
            </section>
          )}
          {p.diff.removed.length > 0 && (
            <section aria-labelledby="upgrade-removed">
              <h3 id="upgrade-removed">{t('assessments.removed')}</h3>
              <ul>
                {p.diff.removed.map((q) => (
                  <li key={q.questionId}>{text(q.text)}</li>
                ))}
              </ul>
            </section>
          )}
          {p.diff.changed.length > 0 && (
            <section aria-labelledby="upgrade-changed">
              <h3 id="upgrade-changed">{t('assessments.changed')}</h3>
              <ul>
                {p.diff.changed.map((q) => (
                  <li key={q.questionId}>
                    {text(q.text)} <span className="muted">({t('assessments.changedFields', { fields: q.fields.join(', ') })})</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {p.setAside.length > 0 && (
            <section aria-labelledby="upgrade-aside">
              <h3 id="upgrade-aside">{t('assessments.setAsideTitle')}</h3>
              <ul>
                {p.setAside.map((s) => (
                  <li key={s.questionId}>
                    {text(s.text)}{colon}{t('assessments.setAsideReason', { value: showValue(s.value), reason: apiText(s.reason) })}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {problem && (
            <p className="error-text" role="alert">
              {problem}
            </p>
          )}
        </div>
      )}
      <DialogActions
        cancelLabel={t('assessments.cancel')}
        onCancel={onClose}
        actionLabel={p ? t('assessments.upgradeAction', { to: p.to }) : t('assessments.showChanges')}
        busyLabel={t('assessments.upgrading')}
        busy={moving}
        disabled={!p}
        onConfirm={() => p && void move(p.to)}
      />
    </Dialog>
  );
}

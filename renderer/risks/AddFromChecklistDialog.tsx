import { useId, useState } from 'react';
import type { Lang } from '../../core/i18n';
import type { AddFromChecklistResult, ChecklistSummary } from '../../core/risks/types';
import { Dialog, DialogActions } from '../ui/Dialog';
import { LanguageSelect } from '../ui/LanguageSelect';
import { ErrorView, Loading } from '../app/StateViews';
import { mutate } from '../data/query-client';
import { useQuery } from '../data/use-query';
import { useI18n } from '../i18n/i18n';
import { EngagementOptions } from './EngagementOptions';

type EngagementOption = { id: string; title: string; customerName: string; scenarios: string[] };

/** Checklists meant for one of the scenarios first (by title), then those for every scenario. */
export function orderChecklists(checklists: readonly ChecklistSummary[], scenarios: readonly string[]): ChecklistSummary[] {
  const matches = (c: ChecklistSummary): boolean => c.scenarios.some((s) => scenarios.includes(s));
  return [...checklists.filter(matches), ...checklists.filter((c) => !matches(c))];
}

/**
 * Pick an engagement and a checklist, tick items, add them to the register in one call. Items the
 * engagement already has are shown ticked-off and cannot be chosen again.
 */
export function AddFromChecklistDialog({
  engagements,
  engagementId: fixedEngagement,
  onClose,
}: {
  engagements: readonly EngagementOption[];
  engagementId?: string;
  onClose: () => void;
}) {
  const { t, tn, text, lang: uiLang, apiText } = useI18n();
  const ids = useId();
  const [engagementId, setEngagementId] = useState(fixedEngagement ?? engagements[0]?.id ?? '');
  const engagement = engagements.find((e) => e.id === engagementId);
  const scenarios = engagement?.scenarios ?? [];
  const checklists = useQuery('checklists.list', {});
  const ordered = checklists.data ? orderChecklists(checklists.data, scenarios) : [];
  const [chosenChecklist, setChosenChecklist] = useState<string | null>(null);
  const checklistId = chosenChecklist ?? ordered[0]?.id ?? null;
  const checklist = useQuery('checklists.get', checklistId ? { id: checklistId } : null);
  const existing = useQuery('risks.list', engagementId ? { engagementId } : null);
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const [lang, setLang] = useState<Lang>(uiLang);
  const [result, setResult] = useState<AddFromChecklistResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const already = new Set((existing.data ?? []).filter((r) => r.checklistId === checklistId).map((r) => r.checklistItemId));
  const items = checklist.data && checklist.data.id === checklistId ? checklist.data.items : [];
  const selectable = items.filter((i) => !already.has(i.id));
  const chosen = selectable.filter((i) => ticked.has(i.id));

  function toggle(itemId: string): void {
    setTicked((set) => {
      const next = new Set(set);
      if (next.has(itemId)) next.delete(itemId);
      else next.add(itemId);
      return next;
    });
  }

  async function add(): Promise<void> {
    if (!checklistId || chosen.length === 0) return;
    setBusy(true);
    const answer = await mutate('risks.addFromChecklist', {
      engagementId,
      source: 'checklist',
      lang,
      items: chosen.map((i) => ({ checklistId, itemId: i.id })),
    });
    setBusy(false);
    if (!answer.ok) return setProblem(apiText(answer.error));
    setProblem(null);
    setResult(answer.value);
    setTicked(new Set());
  }

  const titleId = `${ids}-title`;
  return (
    <Dialog labelledBy={titleId} className="risk-dialog add-checklist-dialog" onClose={onClose}>
      <h2 id={titleId}>{t('risks.add.title')}</h2>
      <div className="add-checklist-body">
        {fixedEngagement === undefined && (
          <label className="field">
            <span>{t('risks.add.engagement')}</span>
            <select
              value={engagementId}
              onChange={(e) => {
                setEngagementId(e.target.value);
                setChosenChecklist(null);
                setTicked(new Set());
                setResult(null);
              }}
            >
              <EngagementOptions engagements={engagements} />
            </select>
          </label>
        )}
        {checklists.status === 'error' ? (
          <ErrorView message={checklists.error} onRetry={checklists.reload} />
        ) : !checklists.data ? (
          <Loading />
        ) : ordered.length === 0 ? (
          <p>{t('risks.add.noChecklists')}</p>
        ) : (
          <>
            <div className="field-row">
              <label className="field grow">
                <span>{t('risks.add.checklist')}</span>
                <select
                  value={checklistId ?? ''}
                  onChange={(e) => {
                    setChosenChecklist(e.target.value);
                    setTicked(new Set());
                  }}
                >
                  {ordered.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.scenarios.some((s) => scenarios.includes(s)) ? t('risks.add.forScenario', { title: text(c.title) }) : text(c.title)}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field">
                <span>{t('risks.add.lang')}</span>
                <LanguageSelect value={lang} onChange={setLang} />
              </label>
            </div>
            {checklist.status === 'error' ? (
              <ErrorView message={checklist.error} onRetry={checklist.reload} />
            ) : items.length === 0 ? (
              <Loading />
            ) : (
              <fieldset className="checklist-items">
                <legend>{t('risks.add.items')}</legend>
                <div className="select-buttons">
                  <button type="button" className="link-button" onClick={() => setTicked(new Set(selectable.map((i) => i.id)))}>
                    {t('risks.add.selectAll')}
                  </button>
                  <button type="button" className="link-button" onClick={() => setTicked(new Set())}>
                    {t('risks.add.selectNone')}
                  </button>
                </div>
                <ul>
                  {items.map((item) => {
                    const inRegister = already.has(item.id);
                    return (
                      <li key={item.id}>
                        <label className={inRegister ? 'muted' : undefined}>
                          <input type="checkbox" checked={inRegister || ticked.has(item.id)} disabled={inRegister} onChange={() => toggle(item.id)} />
                          <span className="item-title">{text(item.title)}</span>
                          <span className="item-meta">
                            {t(`risks.category.${item.category}`)} · {item.likelihood} × {item.impact}
                            {inRegister && ` · ${t('risks.add.already')}`}
                          </span>
                        </label>
                      </li>
                    );
                  })}
                </ul>
              </fieldset>
            )}
          </>
        )}
        {problem && (
          <p className="error-text" role="alert">
            {problem}
          </p>
        )}
        {result && (
          <div className="notice" role="status">
            <p>{tn('risks.add.added', result.added.length)}</p>
            {result.skipped.map((s) => (
              <p key={`${s.checklistId}#${s.itemId}`}>{t(`risks.add.skip.${s.reason}`, { ref: `${s.checklistId}#${s.itemId}` })}</p>
            ))}
          </div>
        )}
      </div>
      <DialogActions
        cancelLabel={result ? t('risks.add.done') : t('risks.cancel')}
        onCancel={onClose}
        actionLabel={tn('risks.add.submit', chosen.length)}
        busy={busy}
        disabled={chosen.length === 0 || engagementId === ''}
        onConfirm={() => void add()}
      />
    </Dialog>
  );
}

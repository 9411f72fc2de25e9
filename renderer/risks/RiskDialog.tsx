import { useId, useState, type FormEvent } from 'react';
import type { Localized } from '../../core/i18n';
import { RISK_CATEGORIES, RISK_LEVELS, RISK_STATUSES, type RiskCategory, type RiskItem, type RiskStatus } from '../../core/risks/types';
import { Dialog, DialogActions } from '../ui/Dialog';
import { mutate } from '../data/query-client';
import { useQuery } from '../data/use-query';
import { useI18n } from '../i18n/i18n';
import { EngagementOptions, type EngagementOption } from './EngagementOptions';
import { useUnsavedGuard } from '../ui/unsaved-guard';

type LinkedArticle = { id: string; title: Localized | null };

/**
 * Creates a risk by hand (`item` null) or edits every field of one, including the mitigation's
 * knowledge-base links (found with kb.search). Removing asks for confirmation first.
 */
export function RiskDialog({
  item,
  engagements,
  engagementId,
  onClose,
}: {
  item: RiskItem | null;
  engagements: readonly EngagementOption[];
  /** Preselected (and fixed) engagement for a new risk. */
  engagementId?: string;
  onClose: () => void;
}) {
  const { t, text, lang, apiText, colon } = useI18n();
  const ids = useId();
  const [form, setForm] = useState({
    engagementId: item?.engagementId ?? engagementId ?? '',
    title: item?.title ?? '',
    description: item?.description ?? '',
    category: item?.category ?? ('technical' as RiskCategory),
    likelihood: item?.likelihood ?? 3,
    impact: item?.impact ?? 3,
    owner: item?.owner ?? '',
    dueDate: item?.dueDate ?? '',
    status: item?.status ?? ('open' as RiskStatus),
    mitigation: item?.mitigation ?? '',
  });
  const [articles, setArticles] = useState<LinkedArticle[]>(item?.articleRefs ?? []);
  // What the form opened with: typing that differs from it is guarded against every way out.
  const [opened] = useState(() => JSON.stringify({ form, articles }));
  const [articleQuery, setArticleQuery] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const hits = useQuery('kb.search', articleQuery.trim() === '' ? null : { query: articleQuery, lang, limit: 8, kinds: ['kb'] });

  function set<K extends keyof typeof form>(key: K, value: (typeof form)[K]): void {
    setForm((f) => ({ ...f, [key]: value }));
  }

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (form.title.trim() === '') return setProblem(t('risks.field.titleRequired'));
    if (form.engagementId === '') return setProblem(t('risks.field.engagementRequired'));
    setSaving(true);
    const fields = {
      title: form.title,
      description: form.description,
      category: form.category,
      likelihood: form.likelihood,
      impact: form.impact,
      owner: form.owner,
      status: form.status,
      mitigation: form.mitigation,
      articles: articles.map((a) => a.id),
    };
    const result = item
      ? await mutate('risks.update', { id: item.id, ...fields, dueDate: form.dueDate === '' ? null : form.dueDate })
      : await mutate('risks.create', { engagementId: form.engagementId, ...fields, ...(form.dueDate !== '' && { dueDate: form.dueDate }) });
    setSaving(false);
    if (!result.ok) return setProblem(apiText(result.error));
    onClose();
  }

  async function remove(): Promise<void> {
    if (!item) return;
    const result = await mutate('risks.remove', { id: item.id });
    if (!result.ok) return setProblem(apiText(result.error));
    onClose();
  }

  const guard = useUnsavedGuard(!saving && JSON.stringify({ form, articles }) !== opened);
  const close = (): void => guard.confirmDiscard(onClose);

  const titleId = `${ids}-title`;
  return (
    <>
      {guard.dialog}
      <Dialog labelledBy={titleId} className="risk-dialog" onClose={close}>
        <form onSubmit={(e) => void submit(e)} className="risk-form">
          <h2 id={titleId}>{item ? t('risks.dialog.editTitle') : t('risks.dialog.newTitle')}</h2>
          {!item && engagementId === undefined && (
            <label className="field">
              <span>{t('risks.field.engagement')}</span>
              <select value={form.engagementId} onChange={(e) => set('engagementId', e.target.value)} required>
                <option value="">{t('risks.field.chooseEngagement')}</option>
                <EngagementOptions engagements={engagements} />
              </select>
            </label>
          )}
          <label className="field">
            <span>{t('risks.field.title')}</span>
            <input type="text" value={form.title} maxLength={300} required onChange={(e) => set('title', e.target.value)} />
          </label>
          <label className="field">
            <span>{t('risks.field.description')}</span>
            <textarea value={form.description} maxLength={4000} rows={3} onChange={(e) => set('description', e.target.value)} />
          </label>
          <div className="field-row">
            <label className="field">
              <span>{t('risks.field.category')}</span>
              <select value={form.category} onChange={(e) => set('category', e.target.value as RiskCategory)}>
                {RISK_CATEGORIES.map((c) => (
                  <option key={c} value={c}>
                    {t(`risks.category.${c}`)}
                  </option>
                ))}
              </select>
            </label>
            <LevelSelect label={t('risks.field.likelihood')} value={form.likelihood} onChange={(level) => set('likelihood', level)} />
            <LevelSelect label={t('risks.field.impact')} value={form.impact} onChange={(level) => set('impact', level)} />
            <label className="field">
              <span>{t('risks.field.status')}</span>
              <select value={form.status} onChange={(e) => set('status', e.target.value as RiskStatus)}>
                {RISK_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`risks.status.${s}`)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <div className="field-row">
            <label className="field">
              <span>{t('risks.field.owner')}</span>
              <input type="text" value={form.owner} maxLength={200} onChange={(e) => set('owner', e.target.value)} />
            </label>
            <label className="field">
              <span>{t('risks.field.due')}</span>
              <input type="date" value={form.dueDate} onChange={(e) => set('dueDate', e.target.value)} />
            </label>
          </div>
          <label className="field">
            <span>{t('risks.field.mitigation')}</span>
            <textarea value={form.mitigation} maxLength={4000} rows={3} onChange={(e) => set('mitigation', e.target.value)} />
          </label>
          <fieldset className="field article-picker">
            <legend>{t('risks.field.articles')}</legend>
            {articles.length === 0 ? (
              <p className="muted">{t('risks.field.noArticles')}</p>
            ) : (
              <ul className="risk-articles">
                {articles.map((a) => {
                  const shown = a.title ? text(a.title) : a.id;
                  return (
                    <li key={a.id}>
                      <span className="chip">
                        {shown}
                        <button
                          type="button"
                          className="chip-remove"
                          aria-label={t('risks.field.unlink', { title: shown })}
                          onClick={() => setArticles((list) => list.filter((x) => x.id !== a.id))}
                        >
                          ×
                        </button>
                      </span>
                    </li>
                  );
                })}
              </ul>
            )}
            <label className="visually-hidden" htmlFor={`${ids}-kb`}>
              {t('risks.field.articleSearch')}
            </label>
            <input
              id={`${ids}-kb`}
              type="search"
              value={articleQuery}
              placeholder={t('risks.field.articleSearchPlaceholder')}
              onChange={(e) => setArticleQuery(e.target.value)}
              onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}
            />
            {hits.data && articleQuery.trim() !== '' && (
              <ul className="article-hits" aria-label={t('risks.field.articleSearch')}>
                {hits.data.hits.length === 0 && <li className="muted">{t('risks.field.noArticleHits')}</li>}
                {hits.data.hits
                  .filter((h) => !articles.some((a) => a.id === h.id))
                  .map((h) => {
                    const title = h.title.map((p) => p.text).join('');
                    return (
                      <li key={h.id}>
                        <span>{title}</span>
                        <button
                          type="button"
                          onClick={() => setArticles((list) => [...list, { id: h.id, title: { en: title, zh: title } }])}
                          aria-label={`${t('risks.field.link')}${colon}${title}`}
                        >
                          {t('risks.field.link')}
                        </button>
                      </li>
                    );
                  })}
              </ul>
            )}
          </fieldset>
          {problem && (
            <p className="error-text" role="alert">
              {problem}
            </p>
          )}
          {confirmRemove && item ? (
            <div className="notice warn confirm-remove" role="alert">
              <p>{t('risks.removeConfirm', { title: item.title })}</p>
              <button type="button" className="danger-button" onClick={() => void remove()}>
                {t('risks.removeYes')}
              </button>{' '}
              <button type="button" onClick={() => setConfirmRemove(false)}>
                {t('risks.cancel')}
              </button>
            </div>
          ) : null}
          <DialogActions cancelLabel={t('risks.cancel')} onCancel={close} actionLabel={t('risks.save')} busyLabel={t('risks.saving')} busy={saving}>
            {item && !confirmRemove && (
              <button type="button" className="danger-button remove-risk" onClick={() => setConfirmRemove(true)}>
                {t('risks.remove')}
              </button>
            )}
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
}

/** Likelihood or impact: one of the 1–5 risk levels. */
function LevelSelect({ label, value, onChange }: { label: string; value: number; onChange: (level: number) => void }) {
  return (
    <label className="field">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {RISK_LEVELS.map((l) => (
          <option key={l} value={l}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
}

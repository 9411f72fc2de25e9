import { useState } from 'react';
import type { TemplateDetail, TemplatePackUpdate } from '../../core/api/calls/templates';
import type { TemplateDiff } from '../../core/templates/diff';
import { useI18n } from '../i18n/i18n';
import { currentData, useQuery } from '../data/use-query';
import { mutate } from '../data/query-client';
import { formatDateTime } from '../ui/format';
import { Runs } from '../proposals/CompareView';
import { sideBySide } from '../proposals/compare-view';
import { FIELD_LABELS } from './template-compare';

/**
 * On a template's page: the content pack's newer version of this template, held back because the
 * template was edited here. Compare it with the newest version side by side, take it as a new
 * version (every version stays), or dismiss it.
 */
export function PackUpdateNotice({ id, onTaken, onDismissed }: { id: string; onTaken: (detail: TemplateDetail, packVersion: number) => void; onDismissed: (packVersion: number) => void }) {
  const { t, lang, apiText } = useI18n();
  const query = useQuery('templates.packUpdate', { id, lang });
  const [comparing, setComparing] = useState(false);
  const [busy, setBusy] = useState<'take' | 'dismiss' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const update = currentData(query);

  if (query.status === 'error' && !update) {
    return (
      <p className="notice warn" role="alert">
        {t('templates.packUpdate.loadFailed', { message: apiText(query.error) })}
      </p>
    );
  }
  if (!update) return null;

  async function take(held: TemplatePackUpdate): Promise<void> {
    setBusy('take');
    setError(null);
    const result = await mutate('templates.takePackUpdate', { id, packVersion: held.packVersion });
    setBusy(null);
    if (!result.ok) return setError(t('templates.packUpdate.failed', { message: apiText(result.error) }));
    setComparing(false);
    onTaken(result.value, held.packVersion);
  }

  async function dismiss(held: TemplatePackUpdate): Promise<void> {
    setBusy('dismiss');
    setError(null);
    const result = await mutate('content.dismissUpdate', { kind: 'template', id, packVersion: held.packVersion });
    setBusy(null);
    if (!result.ok) return setError(t('templates.packUpdate.failed', { message: apiText(result.error) }));
    setComparing(false);
    onDismissed(held.packVersion);
  }

  return (
    <section className="notice warn pack-update" aria-labelledby="pack-update-title" data-testid="pack-update">
      <h2 id="pack-update-title">{t('templates.packUpdate.title', { version: update.packVersion })}</h2>
      <p>{t(`templates.packUpdate.${update.reason}`, { date: formatDateTime(update.heldAt, lang) })}</p>
      <p className="muted">{t('templates.packUpdate.takeHint')}</p>
      <div className="pack-update-actions">
        {update.current && (
          <button type="button" aria-expanded={comparing} aria-controls="pack-update-compare" onClick={() => setComparing(!comparing)}>
            {comparing ? t('templates.packUpdate.hideCompare') : t('templates.packUpdate.compare', { version: update.current.version })}
          </button>
        )}
        <button type="button" className="primary-button" disabled={busy !== null} onClick={() => void take(update)}>
          {busy === 'take' ? t('templates.packUpdate.taking') : t('templates.packUpdate.take', { version: update.nextVersion })}
        </button>
        <button type="button" disabled={busy !== null} onClick={() => void dismiss(update)}>
          {t('templates.packUpdate.dismiss')}
        </button>
      </div>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {comparing && (
        <div id="pack-update-compare">
          {update.current && update.diff ? (
            <TemplateCompare diff={update.diff} mine={update.current.version} pack={update.packVersion} />
          ) : (
            <p>{t('templates.compare.nothingToCompare')}</p>
          )}
        </div>
      )}
    </section>
  );
}

/** The user's newest version (left) against the pack's (right): changed sections word by word, then the other changed fields. */
function TemplateCompare({ diff, mine, pack }: { diff: TemplateDiff; mine: number; pack: number }) {
  const { t } = useI18n();
  // A section shows when it changed in the language compared, or says that its other language did.
  const sections = diff.sections.filter((s) => s.change !== 'same' || s.otherLanguageChanged);
  const unchanged = diff.sections.length - sections.length;
  const otherLanguage = t(`langName.${diff.lang === 'en' ? 'zh' : 'en'}`);
  const nothing = sections.length === 0 && diff.fields.length === 0;
  const label = (field: TemplateDiff['fields'][number]): string => {
    const text = t(FIELD_LABELS[field.field], { n: field.n ?? '', section: field.section ?? '' });
    return field.lang ? t('templates.field.inLang', { label: text, language: t(`langName.${field.lang}`) }) : text;
  };
  return (
    <div className="compare-view" data-testid="template-compare">
      <h3>{t('templates.compare.title', { version: mine, pack })}</h3>
      <p className="muted">{t('proposals.compareLegend')}</p>
      {nothing && <p>{t('proposals.compareSame')}</p>}
      {sections.length > 0 && (
      <div className="compare-grid" role="table" aria-label={t('templates.compare.title', { version: mine, pack })}>
        <div className="compare-row compare-head" role="row">
          <div role="columnheader">{t('templates.compare.mine', { version: mine })}</div>
          <div role="columnheader">{t('templates.compare.pack', { version: pack })}</div>
        </div>
        {sections.map((section) => {
          const { left, right } = sideBySide(section.tokens);
          return (
            <div key={section.id} className={`compare-row compare-${section.change}`} role="row" data-testid="compare-section">
              <div role="cell" className="compare-cell">
                <p className="compare-section-title">
                  {section.fromTitle ?? section.toTitle} <span className="chip">{t(`proposals.change.${section.change}`)}</span>
                </p>
                <div className="compare-text">
                  <Runs runs={left} />
                </div>
              </div>
              <div role="cell" className="compare-cell">
                <p className="compare-section-title">{section.toTitle ?? section.fromTitle}</p>
                <div className="compare-text">
                  <Runs runs={right} />
                </div>
                {section.otherLanguageChanged && <p className="muted">{t('templates.compare.otherLanguage', { language: otherLanguage })}</p>}
              </div>
            </div>
          );
        })}
      </div>
      )}
      {unchanged > 0 && <p className="muted">{t('templates.compare.sectionsSame', { count: unchanged })}</p>}
      {diff.fields.length > 0 && (
        <>
          <h4>{t('proposals.compareFields')}</h4>
          <table className="data-table compare-fields">
            <tbody>
              {diff.fields.map((field) => (
                <tr key={field.path}>
                  <th scope="row">{label(field)}</th>
                  <td>{field.from === null ? '' : <del className="diff-removed">{field.from}</del>}</td>
                  <td>{field.to === null ? '' : <ins className="diff-added">{field.to}</ins>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}

import type { ProposalComparison } from '../../core/proposals/types';
import { formatMoney } from '../ui/format';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';
import { changedSections, fieldLabel, sideBySide, type Run } from './compare-view';

/** Marked runs of a side-by-side column: deletions struck through, insertions underlined. */
export function Runs({ runs }: { runs: Run[] }) {
  const { t } = useI18n();
  return (
    <>
      {runs.map((run, i) =>
        run.mark === 'removed' ? (
          <del key={i} className="diff-removed" title={t('proposals.deleted')}>
            {run.text}
          </del>
        ) : run.mark === 'added' ? (
          <ins key={i} className="diff-added" title={t('proposals.inserted')}>
            {run.text}
          </ins>
        ) : (
          <span key={i}>{run.text}</span>
        ),
      )}
    </>
  );
}

/** Two versions side by side: per changed section the old text (deletions marked) and the new (insertions marked), then the other changed fields. */
export function CompareView({ comparison, sideName, onClose }: { comparison: ProposalComparison; sideName: (side: ProposalComparison['from']) => string; onClose: () => void }) {
  const { t } = useI18n();
  const { diff } = comparison;
  const sections = changedSections(diff.sections);
  const totals = diff.totals;
  const totalsChanged = totals.from !== totals.to || totals.currencyFrom !== totals.currencyTo;
  const nothing = sections.length === 0 && diff.fields.length === 0;
  const label = (field: (typeof diff.fields)[number]): string => {
    const local = fieldLabel(field);
    return local ? t(local.key as MessageKey, local.n === undefined ? {} : { n: local.n }) : field.label;
  };
  return (
    <section className="compare-view" aria-labelledby="compare-title">
      <div className="panel-head">
        <h2 id="compare-title">{t('proposals.compareTitle')}</h2>
        <button type="button" onClick={onClose}>
          {t('proposals.compareClose')}
        </button>
      </div>
      <p className="muted">{t('proposals.compareLegend')}</p>
      {totalsChanged && (
        <p className="notice">
          {t('proposals.compareTotals', {
            from: formatMoney(totals.currencyFrom, totals.from),
            to: formatMoney(totals.currencyTo, totals.to),
          })}
        </p>
      )}
      {nothing && <p>{t('proposals.compareSame')}</p>}
      {sections.length > 0 && (
        <div className="compare-grid" role="table" aria-label={t('proposals.compareTitle')}>
          <div className="compare-row compare-head" role="row">
            <div role="columnheader">{sideName(comparison.from)}</div>
            <div role="columnheader">{sideName(comparison.to)}</div>
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
                </div>
              </div>
            );
          })}
        </div>
      )}
      {diff.fields.length > 0 && (
        <>
          <h3>{t('proposals.compareFields')}</h3>
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
    </section>
  );
}

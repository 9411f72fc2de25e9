import { useState } from 'react';
import { CRITERION_FIELD_MAX, MAX_SUCCESS_CRITERIA, type SuccessCriterion } from '../../core/proposals/types';
import { useI18n } from '../i18n/i18n';

const FIELDS = ['metric', 'target', 'measurement'] as const;

/** The success-criteria table: metric, target and how it is measured, one row per criterion. */
export function CriteriaEditor({ initial, onChange }: { initial: SuccessCriterion[]; onChange: (criteria: SuccessCriterion[]) => void }) {
  const { t } = useI18n();
  const [rows, setRows] = useState(initial);

  function update(next: SuccessCriterion[]): void {
    setRows(next);
    onChange(next);
  }

  return (
    <div className="criteria-editor">
      <div className="table-scroll">
        <table className="data-table criteria-table">
          <caption className="visually-hidden">{t('proposals.criteria.caption')}</caption>
          <thead>
            <tr>
              {FIELDS.map((f) => (
                <th key={f} scope="col">
                  {t(`proposals.criteria.${f}`)}
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">{t('proposals.criteria.remove', { n: '' })}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={4} className="muted">
                  {t('proposals.criteria.empty')}
                </td>
              </tr>
            )}
            {rows.map((row, index) => (
              // Criteria have no ids; the position is their identity while editing.
              <tr key={index}>
                {FIELDS.map((f) => (
                  <td key={f}>
                    <textarea
                      rows={2}
                      value={row[f]}
                      maxLength={CRITERION_FIELD_MAX}
                      aria-label={`${t(`proposals.criteria.${f}`)} ${index + 1}`}
                      onChange={(e) => update(rows.map((r, i) => (i === index ? { ...r, [f]: e.target.value } : r)))}
                    />
                  </td>
                ))}
                <td>
                  <button type="button" className="remove-button" aria-label={t('proposals.criteria.remove', { n: index + 1 })} title={t('proposals.criteria.remove', { n: index + 1 })} onClick={() => update(rows.filter((_, i) => i !== index))}>
                    ✕
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button type="button" disabled={rows.length >= MAX_SUCCESS_CRITERIA} onClick={() => update([...rows, { metric: '', target: '', measurement: '' }])}>
        {t('proposals.criteria.add')}
      </button>
    </div>
  );
}

import { useMemo, useState } from 'react';
import { formatMoney } from '../ui/format';
import { COMMON_CURRENCIES, DISCOUNT_KINDS, MAX_PRICING_LINES, PRICING_TEXT_MAX, type DiscountKind, type Pricing, type PricingLine } from '../../core/proposals/types';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';
import { lineAmount } from '../../core/proposals/money';
import {
  newPricingLine,
  pricingCellProblems,
  problemAt,
  taxPercentFromRate,
  taxRateFromPercent,
  totalsIfValid,
  type CellMessage,
  type CellProblem,
  type PricingField,
} from './pricing-edit';

/** Drops an empty per-line discount, which the stored model leaves out. */
function stored(pricing: Pricing): Pricing {
  return {
    ...pricing,
    lines: pricing.lines.map(({ discountPercent, ...line }) => (discountPercent === undefined || discountPercent.trim() === '' ? line : { ...line, discountPercent })),
  };
}

/**
 * The pricing table: lines (item, unit, quantity, unit price, line discount), currency, tax rate,
 * an overall discount as a percent or an amount, and totals computed live by core's pricingTotals.
 * A figure that is not a number is marked at its cell with why, and the pricing is not saved
 * (onChange is not called) until every figure is sound.
 */
export function PricingEditor({ initial, onChange }: { initial: Pricing; onChange: (pricing: Pricing) => void }) {
  const { t, tn } = useI18n();
  const [draft, setDraft] = useState<Pricing>(initial);
  const [taxText, setTaxText] = useState(() => taxPercentFromRate(initial.taxRate));
  const effective = useMemo(() => ({ ...draft, taxRate: taxRateFromPercent(taxText) }), [draft, taxText]);
  const problems = useMemo(() => pricingCellProblems(effective), [effective]);
  const totals = totalsIfValid(effective, problems);
  // Each line's amount from its own figures: a wrong cell blanks its line and the totals, never the other lines.
  const netOf = new Map(effective.lines.map((l) => [l.id, lineAmount(l) ?? undefined]));
  const money = (value: string | undefined): string => (value === undefined ? t('proposals.pricing.notComputed') : formatMoney(draft.currency, value));

  function update(next: Pricing, nextTax = taxText): void {
    setDraft(next);
    setTaxText(nextTax);
    const candidate = { ...next, taxRate: taxRateFromPercent(nextTax) };
    if (pricingCellProblems(candidate).length === 0) onChange(stored(candidate));
  }
  function updateLine(index: number, patch: Partial<PricingLine>): void {
    update({ ...draft, lines: draft.lines.map((line, i) => (i === index ? { ...line, ...patch } : line)) });
  }

  const fieldName: Record<Exclude<PricingField, 'currency' | 'taxRate' | 'discount'>, MessageKey> = {
    item: 'proposals.pricing.item',
    quantity: 'proposals.pricing.quantity',
    unitPrice: 'proposals.pricing.unitPrice',
    discountPercent: 'proposals.pricing.lineDiscount',
  };

  function cell(index: number, field: 'item' | 'unit' | 'quantity' | 'unitPrice' | 'discountPercent', value: string, numeric: boolean) {
    const line = draft.lines[index];
    const problem = field === 'unit' ? undefined : problemAt(problems, index, field);
    const errorId = `pricing-${line?.id ?? index}-${field}-error`;
    const name = field === 'unit' ? t('proposals.pricing.unit') : t(fieldName[field]);
    return (
      <td className={problem ? 'cell-invalid' : undefined}>
        <input
          type="text"
          inputMode={numeric ? 'decimal' : undefined}
          className={field === 'discountPercent' ? 'num-input discount-input' : numeric ? 'num-input' : field === 'item' ? 'item-input' : 'unit-input'}
          value={value}
          maxLength={numeric ? 40 : PRICING_TEXT_MAX}
          aria-label={t('proposals.pricing.cell', { field: name, n: index + 1 })}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? errorId : undefined}
          onChange={(e) => updateLine(index, { [field]: e.target.value })}
        />
        {problem && <CellError id={errorId} problem={problem} />}
      </td>
    );
  }

  const taxProblem = problemAt(problems, null, 'taxRate');
  const discountProblem = problemAt(problems, null, 'discount');
  return (
    <div className="pricing-editor">
      <div className="pricing-settings">
        <div className="prop-field">
          <label htmlFor="pricing-currency">{t('proposals.pricing.currencyLabel')}</label>
          <select id="pricing-currency" value={draft.currency} onChange={(e) => update({ ...draft, currency: e.target.value })}>
            {[...new Set([...COMMON_CURRENCIES, draft.currency])].map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
        <div className="prop-field">
          <label htmlFor="pricing-tax">{t('proposals.pricing.taxRate')}</label>
          <input
            id="pricing-tax"
            type="text"
            inputMode="decimal"
            className="num-input"
            value={taxText}
            maxLength={40}
            aria-invalid={taxProblem ? true : undefined}
            aria-describedby={taxProblem ? 'pricing-tax-error' : undefined}
            onChange={(e) => update(draft, e.target.value)}
          />
          {taxProblem && <CellError id="pricing-tax-error" problem={taxProblem} />}
        </div>
        <fieldset className="prop-field pricing-discount">
          <legend>{t('proposals.pricing.discountKind')}</legend>
          <select
            aria-label={t('proposals.pricing.discountKind')}
            value={draft.discount.kind}
            onChange={(e) => update({ ...draft, discount: { ...draft.discount, kind: e.target.value as DiscountKind } })}
          >
            {DISCOUNT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(kind === 'percent' ? 'proposals.pricing.discountPercent' : 'proposals.pricing.discountAmount')}
              </option>
            ))}
          </select>
          <input
            type="text"
            inputMode="decimal"
            className="num-input"
            value={draft.discount.value}
            maxLength={40}
            aria-label={t('proposals.pricing.discountValue')}
            aria-invalid={discountProblem ? true : undefined}
            aria-describedby={discountProblem ? 'pricing-discount-error' : undefined}
            onChange={(e) => update({ ...draft, discount: { ...draft.discount, value: e.target.value } })}
          />
          {discountProblem && <CellError id="pricing-discount-error" problem={discountProblem} />}
        </fieldset>
      </div>

      <div className="table-scroll">
        <table className="data-table pricing-table">
          <caption className="visually-hidden">{t('proposals.pricing.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('proposals.pricing.item')}</th>
              <th scope="col">{t('proposals.pricing.unit')}</th>
              <th scope="col" className="num">
                {t('proposals.pricing.quantity')}
              </th>
              <th scope="col" className="num">
                {t('proposals.pricing.unitPrice')}
              </th>
              <th scope="col" className="num">
                {t('proposals.pricing.lineDiscount')}
              </th>
              <th scope="col" className="num">
                {t('proposals.pricing.net')}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t('proposals.pricing.removeLine', { n: '' })}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {draft.lines.length === 0 && (
              <tr>
                <td colSpan={7} className="muted">
                  {t('proposals.pricing.noLines')}
                </td>
              </tr>
            )}
            {draft.lines.map((line, index) => (
              <tr key={line.id}>
                {cell(index, 'item', line.item, false)}
                {cell(index, 'unit', line.unit, false)}
                {cell(index, 'quantity', line.quantity, true)}
                {cell(index, 'unitPrice', line.unitPrice, true)}
                {cell(index, 'discountPercent', line.discountPercent ?? '', true)}
                <td className="num" data-testid="pricing-line-net">
                  {money(netOf.get(line.id))}
                </td>
                <td>
                  <button
                    type="button"
                    className="remove-button"
                    aria-label={t('proposals.pricing.removeLine', { n: index + 1 })}
                    title={t('proposals.pricing.removeLine', { n: index + 1 })}
                    onClick={() => update({ ...draft, lines: draft.lines.filter((_, i) => i !== index) })}
                  >
                    ✕
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            {(
              [
                ['proposals.pricing.subtotal', totals?.subtotal, 'subtotal'],
                ['proposals.pricing.discount', totals?.discount, 'discount'],
                ['proposals.pricing.taxable', totals?.taxable, 'taxable'],
                ['proposals.pricing.tax', totals?.tax, 'tax'],
                ['proposals.pricing.total', totals?.total, 'total'],
              ] as const
            ).map(([label, value, id]) => (
              <tr key={id} className={id === 'total' ? 'pricing-total-row' : undefined}>
                <th scope="row" colSpan={5} className="num">
                  {t(label)}
                </th>
                <td className="num" data-testid={`pricing-${id}`}>
                  {id === 'discount' && value !== undefined && value !== '0.00' ? `− ${money(value)}` : money(value)}
                </td>
                <td />
              </tr>
            ))}
          </tfoot>
        </table>
      </div>
      <div className="pricing-actions">
        <button type="button" disabled={draft.lines.length >= MAX_PRICING_LINES} onClick={() => update({ ...draft, lines: [...draft.lines, newPricingLine(draft.lines)] })}>
          {t('proposals.pricing.addLine')}
        </button>
        {problems.length > 0 && (
          <p className="error-text" role="status">
            {tn('proposals.pricing.unsavedHint', problems.length)}
          </p>
        )}
      </div>
    </div>
  );
}

function CellError({ id, problem }: { id: string; problem: CellProblem }) {
  const { t } = useI18n();
  return (
    <span id={id} className="cell-error">
      {cellMessage(t, problem.message)}
    </span>
  );
}

function cellMessage(t: (key: MessageKey, params?: Record<string, string>) => string, message: CellMessage): string {
  const { key, ...params } = message;
  return t(key, params);
}

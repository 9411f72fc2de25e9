import { checkPricing, parseDecimal, pricingTotals, type PricingProblem } from '../../core/proposals/money';
import { readTypedNumber } from '../../core/typed-number';
import type { Pricing, PricingLine, PricingTotals } from '../../core/proposals/types';

/**
 * The pricing table editor's pure part: which cell is wrong and why (as a message key for the UI
 * language; core's checkPricing decides WHAT is wrong), totals only when every figure is sound, and
 * new lines with ids unique in the table.
 */

export type PricingField = PricingProblem['field'];

export type CellMessage =
  | { key: 'proposals.pricing.problem.empty' }
  | { key: 'proposals.pricing.problem.notNumber'; value: string }
  | { key: 'proposals.pricing.problem.decimalComma'; value: string; fixed: string }
  | { key: 'proposals.pricing.problem.tooManyDigits'; value: string }
  | { key: 'proposals.pricing.problem.negative'; value: string }
  | { key: 'proposals.pricing.problem.overPercent'; value: string }
  | { key: 'proposals.pricing.problem.taxOverOne'; value: string }
  | { key: 'proposals.pricing.problem.discountOverSubtotal'; value: string }
  | { key: 'proposals.pricing.problem.itemEmpty' }
  | { key: 'proposals.pricing.problem.currency'; value: string };

export type CellProblem = { line: number | null; field: PricingField; message: CellMessage };

/** The raw text of the field a problem names. */
function rawOf(pricing: Pricing, problem: PricingProblem): string {
  if (problem.line === null) {
    if (problem.field === 'taxRate') return pricing.taxRate;
    if (problem.field === 'currency') return pricing.currency;
    return pricing.discount.value;
  }
  const line = pricing.lines[problem.line];
  if (!line) return '';
  if (problem.field === 'quantity') return line.quantity;
  if (problem.field === 'unitPrice') return line.unitPrice;
  if (problem.field === 'discountPercent') return line.discountPercent ?? '';
  return line.item;
}

function classify(pricing: Pricing, problem: PricingProblem): CellMessage {
  if (problem.field === 'item') return { key: 'proposals.pricing.problem.itemEmpty' };
  const raw = rawOf(pricing, problem).trim();
  const value = raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
  if (problem.field === 'currency') return { key: 'proposals.pricing.problem.currency', value };
  if (raw === '') return { key: 'proposals.pricing.problem.empty' };
  const parsed = parseDecimal(raw);
  if (!parsed.ok) {
    const typed = readTypedNumber(raw);
    if (!typed.ok && typed.reason === 'decimalComma') return { key: 'proposals.pricing.problem.decimalComma', value, fixed: raw.replace(',', '.') };
    if (typed.ok) return { key: 'proposals.pricing.problem.tooManyDigits', value };
    return { key: 'proposals.pricing.problem.notNumber', value };
  }
  if (parsed.value.units < 0n) return { key: 'proposals.pricing.problem.negative', value };
  if (problem.field === 'taxRate') return { key: 'proposals.pricing.problem.taxOverOne', value };
  if (problem.field === 'discount' && pricing.discount.kind === 'amount') return { key: 'proposals.pricing.problem.discountOverSubtotal', value };
  return { key: 'proposals.pricing.problem.overPercent', value };
}

/** Every wrong cell of a pricing with the message to show at it; empty when the pricing can be saved. */
export function pricingCellProblems(pricing: Pricing): CellProblem[] {
  return checkPricing(pricing).map((problem) => ({ line: problem.line, field: problem.field, message: classify(pricing, problem) }));
}

/** The problem shown at one cell, if any. */
export function problemAt(problems: readonly CellProblem[], line: number | null, field: PricingField): CellProblem | undefined {
  return problems.find((p) => p.line === line && p.field === field);
}

/** Totals of a pricing with no problems; null while any figure is wrong (the table shows "—"). */
export function totalsIfValid(pricing: Pricing, problems: readonly CellProblem[]): PricingTotals | null {
  return problems.length === 0 ? pricingTotals(pricing) : null;
}

/** A new empty line, its id unique among the lines. */
export function newPricingLine(lines: readonly PricingLine[]): PricingLine {
  const taken = new Set(lines.map((l) => l.id));
  let n = lines.length + 1;
  while (taken.has(`line-${n}`)) n += 1;
  return { id: `line-${n}`, item: '', unit: '', quantity: '1', unitPrice: '0' };
}

/** A percentage typed as "6" shown for a tax rate stored as the fraction "0.06", and back. */
export function taxPercentFromRate(rate: string): string {
  const parsed = parseDecimal(rate);
  if (!parsed.ok) return rate;
  const { units, scale } = parsed.value;
  // rate × 100 exactly: move the point two places.
  const shifted = scale >= 2 ? { units, scale: scale - 2 } : { units: units * 10n ** BigInt(2 - scale), scale: 0 };
  const digits = (shifted.units < 0n ? -shifted.units : shifted.units).toString().padStart(shifted.scale + 1, '0');
  const whole = shifted.scale === 0 ? digits : digits.slice(0, -shifted.scale);
  const fraction = shifted.scale === 0 ? '' : digits.slice(-shifted.scale).replace(/0+$/, '');
  return `${shifted.units < 0n ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** "6" → "0.06"; text that is not a number is passed through so the check can name it. */
export function taxRateFromPercent(percent: string): string {
  const text = percent.trim();
  const parsed = parseDecimal(text);
  if (!parsed.ok) return text;
  const { units, scale } = parsed.value;
  const s = scale + 2;
  const digits = (units < 0n ? -units : units).toString().padStart(s + 1, '0');
  const fraction = digits.slice(-s).replace(/0+$/, '');
  return `${units < 0n ? '-' : ''}${digits.slice(0, -s)}${fraction ? `.${fraction}` : ''}`;
}

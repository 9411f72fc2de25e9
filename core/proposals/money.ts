import { formatApiMessage, msg, type ApiMessage } from '../api/message';
import { readTypedNumber } from '../typed-number';
import type { Pricing, PricingTotals } from './types';

/**
 * Exact decimal arithmetic for prices. Amounts are decimal strings ("2800.00", "0.06"); here they
 * become a BigInt of units with a scale (value = units / 10^scale), so 0.1 + 0.2 is exactly 0.3 and
 * no total ever drifts by a cent. Rounding is half-up (away from zero on a tie) to 2 places, at line
 * totals and at the end, as an invoice does it.
 */

export type Decimal = { units: bigint; scale: number };

/** Most digits before and after the point accepted in one figure (a POC price never comes close). */
export const MAX_INTEGER_DIGITS = 15;
export const MAX_FRACTION_DIGITS = 6;

const DECIMAL = /^-?\d+(\.\d+)?$/;

export type ParsedDecimal = { ok: true; value: Decimal } | { ok: false; reason: ApiMessage };

/**
 * Reads a decimal string as a person typed it (core/typed-number.ts): thousands grouped with
 * commas or spaces and full-width digits are read; a decimal comma ("12,5") is refused rather
 * than guessed, since guessing wrong changes a price by a factor of a thousand.
 */
export function parseDecimal(raw: string): ParsedDecimal {
  const typed = raw.trim();
  if (typed === '') return { ok: false, reason: msg('pricing.empty') };
  const read = readTypedNumber(typed);
  if (!read.ok) {
    return { ok: false, reason: read.reason === 'decimalComma' ? msg('pricing.decimalComma', { value: clip(typed), fixed: clip(typed.replace(',', '.')) }) : msg('pricing.notNumber', { value: clip(typed) }) };
  }
  const text = read.text;
  if (!DECIMAL.test(text)) return { ok: false, reason: msg('pricing.notNumber', { value: clip(typed) }) };
  const negative = text.startsWith('-');
  const [whole = '', fraction = ''] = (negative ? text.slice(1) : text).split('.');
  if (whole.replace(/^0+(?=\d)/, '').length > MAX_INTEGER_DIGITS) {
    return { ok: false, reason: msg('pricing.tooManyDigits', { value: clip(text), max: MAX_INTEGER_DIGITS }) };
  }
  if (fraction.length > MAX_FRACTION_DIGITS) {
    return { ok: false, reason: msg('pricing.tooManyDecimals', { value: clip(text), max: MAX_FRACTION_DIGITS }) };
  }
  const units = BigInt(whole + fraction);
  return { ok: true, value: { units: negative ? -units : units, scale: fraction.length } };
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** Parses a string known to be valid (checked before); throws with the reason otherwise. */
export function decimal(raw: string): Decimal {
  const parsed = parseDecimal(raw);
  if (!parsed.ok) throw new Error(formatApiMessage(parsed.reason, 'en'));
  return parsed.value;
}

function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

function atScale(d: Decimal, scale: number): bigint {
  return d.units * pow10(scale - d.scale);
}

export function add(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return { units: atScale(a, scale) + atScale(b, scale), scale };
}

export function subtract(a: Decimal, b: Decimal): Decimal {
  return add(a, { units: -b.units, scale: b.scale });
}

export function multiply(a: Decimal, b: Decimal): Decimal {
  return { units: a.units * b.units, scale: a.scale + b.scale };
}

/** a × percent / 100, exactly. */
export function percentOf(a: Decimal, percent: Decimal): Decimal {
  return { units: a.units * percent.units, scale: a.scale + percent.scale + 2 };
}

export function compare(a: Decimal, b: Decimal): -1 | 0 | 1 {
  const scale = Math.max(a.scale, b.scale);
  const x = atScale(a, scale);
  const y = atScale(b, scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function isNegative(a: Decimal): boolean {
  return a.units < 0n;
}

export const ZERO: Decimal = { units: 0n, scale: 0 };

/** Rounds half-up (a tie goes away from zero) to `places` decimals. */
export function round(a: Decimal, places: number): Decimal {
  if (a.scale <= places) return { units: atScale(a, places), scale: places };
  const divisor = pow10(a.scale - places);
  const negative = a.units < 0n;
  const magnitude = negative ? -a.units : a.units;
  let quotient = magnitude / divisor;
  if ((magnitude % divisor) * 2n >= divisor) quotient += 1n;
  return { units: negative ? -quotient : quotient, scale: places };
}

/** The plain decimal string, with exactly `scale` decimals ("1234.50"). */
export function toDecimalString(a: Decimal): string {
  const negative = a.units < 0n;
  const digits = (negative ? -a.units : a.units).toString().padStart(a.scale + 1, '0');
  const whole = a.scale === 0 ? digits : digits.slice(0, -a.scale);
  const fraction = a.scale === 0 ? '' : `.${digits.slice(-a.scale)}`;
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/** An amount rounded to 2 places, as a string: the form every total takes. */
export function money(a: Decimal): string {
  return toDecimalString(round(a, 2));
}

/** A decimal string with thousands grouped for display ("1234567.5" → "1,234,567.5"); the input is not re-rounded. */
export function groupThousands(value: string): string {
  const match = /^(-?)(\d+)(\.\d+)?$/.exec(value);
  if (!match) return value;
  const [, sign = '', whole = '', fraction = ''] = match;
  return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction}`;
}

/** An amount for people: grouped, 2 decimals, with the currency code ("CNY 1,234.50"). */
export function formatMoney(value: string, currency: string): string {
  return `${currency} ${groupThousands(money(decimal(value)))}`;
}

/** A field of the pricing that is wrong, for the editor to point at and the backend to refuse. */
export type PricingProblem = {
  /** Index of the line, or null for a field of the whole pricing. */
  line: number | null;
  field: 'quantity' | 'unitPrice' | 'discountPercent' | 'taxRate' | 'discount' | 'currency' | 'item';
  /** What is wrong with the value, as the cell shows it. */
  problem: ApiMessage;
  /** The same, naming the field and line (for messages that stand alone). */
  message: ApiMessage;
};

const FIELD_NAMES = {
  quantity: 'pricingField.quantity',
  unitPrice: 'pricingField.unitPrice',
  discountPercent: 'pricingField.discountPercent',
  taxRate: 'pricingField.taxRate',
  discount: 'pricingField.discount',
  currency: 'pricingField.currency',
  item: 'pricingField.item',
} as const satisfies Record<PricingProblem['field'], string>;

function pricingProblem(line: number | null, field: PricingProblem['field'], problem: ApiMessage): PricingProblem {
  const name = msg(FIELD_NAMES[field]);
  const message = line === null ? msg('pricing.ofPricing', { field: name, problem }) : msg('pricing.onLine', { field: name, line: line + 1, problem });
  return { line, field, problem, message };
}

/**
 * Everything wrong with a pricing, each message naming the line (counted from 1) and the field:
 * `Unit price on line 3: "12,5x" is not a number`. Empty when pricingTotals can run.
 */
export function checkPricing(pricing: Pricing): PricingProblem[] {
  const problems: PricingProblem[] = [];
  const check = (line: number | null, field: PricingProblem['field'], raw: string, limit?: { max: string; over: 'pricing.taxOverOne' | 'pricing.overPercent' }): Decimal | null => {
    const parsed = parseDecimal(raw);
    const value = clip(raw.trim());
    if (!parsed.ok) {
      problems.push(pricingProblem(line, field, parsed.reason));
      return null;
    }
    if (isNegative(parsed.value)) {
      problems.push(pricingProblem(line, field, msg('pricing.negative', { value })));
      return null;
    }
    if (limit !== undefined && compare(parsed.value, decimal(limit.max)) > 0) {
      problems.push(pricingProblem(line, field, msg(limit.over, { value })));
      return null;
    }
    return parsed.value;
  };
  if (!/^[A-Z]{3}$/.test(pricing.currency)) problems.push(pricingProblem(null, 'currency', msg('pricing.currency', { value: clip(pricing.currency) })));
  check(null, 'taxRate', pricing.taxRate, { max: '1', over: 'pricing.taxOverOne' });
  pricing.lines.forEach((line, index) => {
    if (line.item.trim() === '') problems.push(pricingProblem(index, 'item', msg('pricing.itemEmpty')));
    check(index, 'quantity', line.quantity);
    check(index, 'unitPrice', line.unitPrice);
    if (line.discountPercent !== undefined && line.discountPercent.trim() !== '') {
      check(index, 'discountPercent', line.discountPercent, { max: '100', over: 'pricing.overPercent' });
    }
  });
  const discount = pricing.discount;
  const value = check(null, 'discount', discount.value, discount.kind === 'percent' ? { max: '100', over: 'pricing.overPercent' } : undefined);
  if (value !== null && discount.kind === 'amount' && problems.length === 0) {
    const subtotal = subtotalOf(pricing);
    if (compare(value, subtotal) > 0) {
      problems.push(pricingProblem(null, 'discount', msg('pricing.discountOverSubtotal', { value: clip(discount.value.trim()), subtotal: money(subtotal) })));
    }
  }
  return problems;
}

function lineNet(line: Pricing['lines'][number]): Decimal {
  const gross = multiply(decimal(line.quantity), decimal(line.unitPrice));
  const percent = line.discountPercent !== undefined && line.discountPercent.trim() !== '' ? decimal(line.discountPercent) : ZERO;
  return round(subtract(gross, percentOf(gross, percent)), 2);
}

function subtotalOf(pricing: Pricing): Decimal {
  return pricing.lines.reduce((sum, line) => add(sum, lineNet(line)), round(ZERO, 2));
}

/**
 * The totals of a pricing: each line's net (quantity × unit price less its discount, rounded),
 * the subtotal, the proposal discount (percent of the subtotal, rounded, or an amount), the
 * taxable amount, tax (rounded) and the total. Throws on a figure checkPricing refuses.
 */
export function pricingTotals(pricing: Pricing): PricingTotals {
  const lines = pricing.lines.map((line) => ({ id: line.id, net: lineNet(line) }));
  const subtotal = lines.reduce((sum, line) => add(sum, line.net), round(ZERO, 2));
  const value = decimal(pricing.discount.value);
  let discount = round(pricing.discount.kind === 'percent' ? percentOf(subtotal, value) : value, 2);
  // An amount larger than the subtotal is refused by checkPricing; never let the total go negative.
  if (compare(discount, subtotal) > 0) discount = subtotal;
  const taxable = subtract(subtotal, discount);
  const tax = round(multiply(taxable, decimal(pricing.taxRate)), 2);
  const total = add(taxable, tax);
  return {
    lines: lines.map((line) => ({ id: line.id, net: money(line.net) })),
    subtotal: money(subtotal),
    discount: money(discount),
    taxable: money(taxable),
    tax: money(tax),
    total: money(total),
  };
}

/** A figure as stored: plain digits when it reads as a number ("1,200" → "1200"), else as typed (the check names it). */
function canonicalFigure(raw: string): string {
  const read = readTypedNumber(raw.trim());
  return read.ok ? read.text : raw;
}

/** The pricing with every figure stored as plain digits, however it was typed, so every export shows one format. */
export function canonicalPricing(pricing: Pricing): Pricing {
  return {
    ...pricing,
    taxRate: canonicalFigure(pricing.taxRate),
    discount: { ...pricing.discount, value: canonicalFigure(pricing.discount.value) },
    lines: pricing.lines.map((line) => ({
      ...line,
      quantity: canonicalFigure(line.quantity),
      unitPrice: canonicalFigure(line.unitPrice),
      ...(line.discountPercent !== undefined ? { discountPercent: canonicalFigure(line.discountPercent) } : {}),
    })),
  };
}

/** One line's amount, or null while one of its own figures is wrong (the other lines still show theirs). */
export function lineAmount(line: Pricing['lines'][number]): string | null {
  const figures = [line.quantity, line.unitPrice, ...(line.discountPercent !== undefined && line.discountPercent.trim() !== '' ? [line.discountPercent] : [])];
  if (!figures.every((f) => parseDecimal(f).ok)) return null;
  const percent = line.discountPercent !== undefined && line.discountPercent.trim() !== '' ? decimal(line.discountPercent) : ZERO;
  if (percent.units < 0n || compare(percent, decimal('100')) > 0) return null;
  return money(lineNet(line));
}

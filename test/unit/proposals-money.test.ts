import { describe, expect, it } from 'vitest';
import { formatApiMessage } from '../../core/api/message';
import { add, checkPricing, decimal, formatMoney, groupThousands, money, multiply, parseDecimal, pricingTotals, round, toDecimalString } from '../../core/proposals/money';
import type { Pricing } from '../../core/proposals/types';

function pricing(lines: [quantity: string, unitPrice: string, discountPercent?: string][], extra: Partial<Pricing> = {}): Pricing {
  return {
    currency: 'CNY',
    taxRate: '0.06',
    discount: { kind: 'percent', value: '0' },
    lines: lines.map(([quantity, unitPrice, discountPercent], i) => ({
      id: `l${i + 1}`,
      item: `Item ${i + 1}`,
      unit: 'day',
      quantity,
      unitPrice,
      ...(discountPercent !== undefined ? { discountPercent } : {}),
    })),
    ...extra,
  };
}

/** A small deterministic generator (tests must not depend on Math.random). */
function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

describe('decimal parsing', () => {
  it('reads plain decimals exactly', () => {
    expect(toDecimalString(decimal('2800.00'))).toBe('2800.00');
    expect(toDecimalString(decimal('0.06'))).toBe('0.06');
    expect(toDecimalString(decimal(' -12.5 '))).toBe('-12.5');
  });

  it('refuses what is not a plain number, saying what is wrong', () => {
    const reason = (raw: string) => {
      const parsed = parseDecimal(raw);
      return parsed.ok ? null : formatApiMessage(parsed.reason, 'en');
    };
    // Thousands separators are read; a decimal comma is refused with the fix.
    expect(parseDecimal('1,234.5')).toEqual({ ok: true, value: { units: 12345n, scale: 1 } });
    expect(reason('12,5')).toContain('decimals take a point, e.g. "12.5"');
    expect(reason('12,5x')).toBe('"12,5x" is not a number');
    expect(reason('')).toBe('is empty');
    const chinese = parseDecimal('12,5x');
    expect(chinese.ok ? null : formatApiMessage(chinese.reason, 'zh')).toBe('“12,5x”不是数字');
    expect(parseDecimal('1e5').ok).toBe(false);
    expect(parseDecimal('NaN').ok).toBe(false);
    expect(parseDecimal('1'.repeat(16)).ok).toBe(false);
    expect(parseDecimal('0.1234567').ok).toBe(false);
  });
});

describe('exact arithmetic', () => {
  it('adds 0.1 and 0.2 to exactly 0.30', () => {
    expect(money(add(decimal('0.1'), decimal('0.2')))).toBe('0.30');
  });

  it('rounds half up (away from zero on a tie) to 2 places', () => {
    expect(money(decimal('2.345'))).toBe('2.35');
    expect(money(decimal('2.344999'))).toBe('2.34');
    expect(money(decimal('-2.345'))).toBe('-2.35');
    expect(toDecimalString(round(decimal('0.005'), 2))).toBe('0.01');
    expect(money(multiply(decimal('1.005'), decimal('1')))).toBe('1.01');
  });

  it('property: a thousand amounts sum to exactly the sum of their cents', () => {
    const next = lcg(7);
    let exact = decimal('0');
    let cents = 0;
    for (let i = 0; i < 1000; i++) {
      const c = Math.floor(next() * 100000);
      cents += c;
      exact = add(exact, decimal(`${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`));
    }
    expect(money(exact)).toBe(`${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`);
  });

  it('groups thousands for display', () => {
    expect(groupThousands('1234567.5')).toBe('1,234,567.5');
    expect(groupThousands('-999')).toBe('-999');
    expect(formatMoney('353220', 'CNY')).toBe('CNY 353,220.00');
  });
});

describe('pricingTotals', () => {
  it('computes the bundled ics template: 7 lines, 6 % tax', () => {
    const totals = pricingTotals(
      pricing([
        ['15', '2800.00'],
        ['15', '2200.00'],
        ['40', '2600.00'],
        ['20', '3000.00'],
        ['3', '15000.00'],
        ['3', '20000.00'],
        ['14', '2500.00'],
      ]),
    );
    expect(totals.lines.map((l) => l.net)).toEqual(['42000.00', '33000.00', '104000.00', '60000.00', '45000.00', '60000.00', '35000.00']);
    expect(totals).toMatchObject({ subtotal: '379000.00', discount: '0.00', taxable: '379000.00', tax: '22740.00', total: '401740.00' });
  });

  it('applies a line discount, a percent discount and tax, rounding each step half up', () => {
    // 3 × 33.33 = 99.99, less 10 % = 89.991 → 89.99; 0.5 × 0.05 = 0.025 → 0.03
    const p = pricing([['3', '33.33', '10'], ['0.5', '0.05']], { discount: { kind: 'percent', value: '12.5' }, taxRate: '0.06' });
    const totals = pricingTotals(p);
    expect(totals.lines).toEqual([{ id: 'l1', net: '89.99' }, { id: 'l2', net: '0.03' }]);
    // subtotal 90.02; 12.5 % = 11.2525 → 11.25; taxable 78.77; tax 4.7262 → 4.73
    expect(totals).toMatchObject({ subtotal: '90.02', discount: '11.25', taxable: '78.77', tax: '4.73', total: '83.50' });
  });

  it('applies an amount discount', () => {
    const totals = pricingTotals(pricing([['10', '100']], { discount: { kind: 'amount', value: '150.50' }, taxRate: '0' }));
    expect(totals).toMatchObject({ subtotal: '1000.00', discount: '150.50', taxable: '849.50', tax: '0.00', total: '849.50' });
  });

  it('property: the total is always subtotal − discount + tax, each of them to the cent', () => {
    const next = lcg(42);
    for (let run = 0; run < 200; run++) {
      const lines: [string, string, string?][] = Array.from({ length: 1 + Math.floor(next() * 8) }, () => [
        String(1 + Math.floor(next() * 50)),
        (next() * 5000).toFixed(2),
        next() < 0.3 ? String(Math.floor(next() * 30)) : undefined,
      ]);
      const t = pricingTotals(pricing(lines, { discount: { kind: 'percent', value: (next() * 20).toFixed(1) } }));
      const cents = (s: string): bigint => BigInt(s.replace('.', ''));
      expect(cents(t.subtotal)).toBe(t.lines.reduce((sum, l) => sum + cents(l.net), 0n));
      expect(cents(t.taxable)).toBe(cents(t.subtotal) - cents(t.discount));
      expect(cents(t.total)).toBe(cents(t.taxable) + cents(t.tax));
      for (const value of Object.values(t).filter((v): v is string => typeof v === 'string')) expect(value).toMatch(/^-?\d+\.\d{2}$/);
    }
  });
});

describe('checkPricing', () => {
  it('names the line and field of a price that is not a number', () => {
    const p = pricing([['1', '10'], ['2', '20'], ['3', '12,5x']]);
    const problems = checkPricing(p);
    expect(problems.map((x) => [x.line, x.field, formatApiMessage(x.message, 'en'), formatApiMessage(x.problem, 'en')])).toEqual([
      [2, 'unitPrice', 'Unit price on line 3: "12,5x" is not a number', '"12,5x" is not a number'],
    ]);
    expect(formatApiMessage(problems[0]!.message, 'zh')).toBe('第 3 行的单价：“12,5x”不是数字');
  });

  it('refuses negative figures, rates over 1, discounts over 100 % or over the subtotal', () => {
    const first = (p: Pricing) => {
      const problem = checkPricing(p)[0];
      return problem ? formatApiMessage(problem.message, 'en') : null;
    };
    expect(first(pricing([['-1', '10']]))).toBe('Quantity on line 1: "-1" is negative; use a discount to lower a price');
    expect(first(pricing([['1', '10']], { taxRate: '6' }))).toContain('write the rate as a fraction');
    expect(first(pricing([['1', '10']], { discount: { kind: 'percent', value: '120' } }))).toBe('Discount: "120" is more than 100%');
    expect(first(pricing([['1', '10']], { discount: { kind: 'amount', value: '11' } }))).toBe('Discount: 11 is more than the subtotal 10.00');
    expect(checkPricing(pricing([['1', '10', '101']]))[0]?.field).toBe('discountPercent');
  });

  it('accepts a sound pricing', () => {
    expect(checkPricing(pricing([['1.5', '2800.00', '5']], { discount: { kind: 'amount', value: '100' } }))).toEqual([]);
  });
});

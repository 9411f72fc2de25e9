import { describe, expect, it } from 'vitest';
import { readTypedNumber } from '../../core/typed-number';
import { canonicalPricing, lineAmount } from '../../core/proposals/money';

describe('numbers as people type them', () => {
  it.each([
    ['1200', '1200'],
    ['1,200', '1200'],
    ['1 200', '1200'],
    ['1\u202f200', '1200'],
    ['1,234,567.89', '1234567.89'],
    ['１２００', '1200'],
    ['１，２００．５', '1200.5'],
    ['−5', '-5'],
    [' 3.5 ', '3.5'],
  ])('reads %j as %s', (typed, text) => {
    expect(readTypedNumber(typed)).toEqual({ ok: true, text });
  });

  it('refuses a decimal comma rather than guessing, and what is not a number', () => {
    expect(readTypedNumber('12,5')).toEqual({ ok: false, reason: 'decimalComma' });
    expect(readTypedNumber('1,2345')).toEqual({ ok: false, reason: 'decimalComma' });
    for (const text of ['1,20', '12,5x', 'abc', '1.2.3', '', '1,,200', '１万']) expect(readTypedNumber(text).ok, text).toBe(false);
  });

  it('stores pricing figures as plain digits and computes each line from its own figures', () => {
    const pricing = canonicalPricing({
      currency: 'CNY',
      taxRate: '0.06',
      discount: { kind: 'amount', value: '1,000' },
      lines: [
        { id: 'a', item: 'Build', unit: 'day', quantity: '1 200', unitPrice: '2,950.55' },
        { id: 'b', item: 'Typo', unit: 'day', quantity: '2', unitPrice: '12,5' },
      ],
    });
    expect(pricing.discount.value).toBe('1000');
    expect(pricing.lines[0]).toMatchObject({ quantity: '1200', unitPrice: '2950.55' });
    // A figure that does not read stays as typed, for the check to name it.
    expect(pricing.lines[1]?.unitPrice).toBe('12,5');
    expect(lineAmount(pricing.lines[0]!)).toBe('3540660.00');
    expect(lineAmount(pricing.lines[1]!)).toBeNull();
  });
});

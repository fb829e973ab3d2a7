import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAmountEn, formatAmountFr, formatDecimalAmount, parseDecimalAmount } from './money.js';

describe('money', () => {
  it('parses and formats decimal amounts without ever going through a float', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }), (cents) => {
        expect(parseDecimalAmount(formatDecimalAmount(cents))).toBe(cents);
      }),
    );
    expect(parseDecimalAmount('0.1')).toBe(10);
    expect(parseDecimalAmount('1.005')).toBeNull();
    expect(parseDecimalAmount('1 234,56')).toBeNull();
    expect(formatDecimalAmount(-5)).toBe('-0.05');
  });

  it('writes French amounts with narrow no-break spaces between thousands and a no-break space before €', () => {
    expect(formatAmountFr(123456)).toBe('1\u202f234,56\u00a0€');
    expect(formatAmountFr(123456789012)).toBe('1\u202f234\u202f567\u202f890,12\u00a0€');
    expect(formatAmountFr(-4000, 'GBP')).toBe('-40,00\u00a0GBP');
    expect(formatAmountEn(123456)).toBe('€1,234.56');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 13 }), (cents) => {
        expect(formatAmountFr(cents)).toBe(new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(cents / 100));
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import {
  addMonths,
  formatAmount,
  formatAmounts,
  formatDate,
  formatDateTime,
  formatPercent,
  parseAmountInput,
  parsePercentInput,
  percentInputText,
  todayInParis,
} from './format';

const NNBSP = '\u202f';
const NBSP = '\u00a0';

describe('formatAmount', () => {
  it('writes French amounts with a narrow no-break space between thousands and a no-break space before €', () => {
    expect(formatAmount('fr', '1234.56', 'EUR')).toBe(`1${NNBSP}234,56${NBSP}€`);
    expect(formatAmount('fr', '1234567.5', 'EUR')).toBe(`1${NNBSP}234${NNBSP}567,50${NBSP}€`);
    expect(formatAmount('fr', '-12', 'EUR')).toBe(`-12,00${NBSP}€`);
    expect(formatAmount('fr', '0.1', 'GBP')).toBe(`0,10${NBSP}GBP`);
  });

  it('writes English amounts the English way', () => {
    expect(formatAmount('en', '1234.56', 'EUR')).toBe('€1,234.56');
    expect(formatAmount('en', '99.9', 'USD')).toBe('USD 99.90');
  });

  it('never rounds through floats', () => {
    // 1.005 * 100 is 100.49999999999999 in floating point.
    expect(formatAmount('fr', '1.01', 'EUR')).toBe(`1,01${NBSP}€`);
    expect(formatAmount('fr', '90071992547409.91', 'EUR')).toBe(`90${NNBSP}071${NNBSP}992${NNBSP}547${NNBSP}409,91${NBSP}€`);
    // Beyond 2^53 cents the domain refuses the amount: it is shown as received rather than rounded.
    expect(formatAmount('fr', '999999999999999.99', 'EUR')).toBe('999999999999999.99 EUR');
  });

  it('shows an unreadable amount as received instead of guessing', () => {
    expect(formatAmount('fr', '12,5', 'EUR')).toBe('12,5 EUR');
  });

  it('lists amounts in several currencies', () => {
    expect(
      formatAmounts('fr', [
        { amount: '10', currency: 'EUR' },
        { amount: '5.5', currency: 'CHF' },
      ]),
    ).toBe(`10,00${NBSP}€ + 5,50${NBSP}CHF`);
    expect(formatAmounts('fr', [])).toBe('—');
  });
});

describe('dates', () => {
  it('writes calendar dates as 23/11/2026 in French and 23 Nov 2026 in English', () => {
    expect(formatDate('fr', '2026-11-23')).toBe('23/11/2026');
    expect(formatDate('en', '2026-11-23')).toBe('23 Nov 2026');
    expect(formatDate('fr', null)).toBe('—');
  });

  it('shows instants in Paris time, winter and summer', () => {
    expect(formatDateTime('fr', '2026-11-23T08:05:00.000Z')).toBe('23/11/2026 09:05');
    expect(formatDateTime('fr', '2026-07-14T22:30:00.000Z')).toBe('15/07/2026 00:30');
    expect(formatDateTime('en', '2026-11-23T08:05:00.000Z')).toBe('23 Nov 2026, 09:05');
    expect(formatDateTime('fr', undefined)).toBe('—');
  });
});

describe('parseAmountInput', () => {
  it('reads what a French user types', () => {
    expect(parseAmountInput('fr', '1 234,56')).toBe('1234.56');
    expect(parseAmountInput('fr', `1${NNBSP}234,5 €`)).toBe('1234.50');
    expect(parseAmountInput('fr', '1.234,56')).toBe('1234.56');
    expect(parseAmountInput('fr', '1234.56')).toBe('1234.56');
    expect(parseAmountInput('fr', '500')).toBe('500.00');
  });

  it('reads what an English user types', () => {
    expect(parseAmountInput('en', '1,234.56')).toBe('1234.56');
    expect(parseAmountInput('en', '€ 12')).toBe('12.00');
  });

  it('refuses what is not an amount with at most two decimals', () => {
    expect(parseAmountInput('fr', '')).toBeNull();
    expect(parseAmountInput('fr', 'douze')).toBeNull();
    expect(parseAmountInput('fr', '1,234')).toBeNull();
    expect(parseAmountInput('en', '1.234')).toBeNull();
  });

  it('refuses separators that do not group thousands rather than misread them', () => {
    // French typing in the English interface: not 120000.00.
    expect(parseAmountInput('en', '1 200,00')).toBeNull();
    expect(parseAmountInput('en', '12,5')).toBeNull();
    expect(parseAmountInput('en', '1,234,567.89')).toBe('1234567.89');
    expect(parseAmountInput('fr', '1.2,50')).toBeNull();
    expect(parseAmountInput('fr', '1.234.567,89')).toBe('1234567.89');
  });
});

describe('percent rates', () => {
  it('reads a typed rate into the API percent string with two decimals', () => {
    expect(parsePercentInput('2,15')).toBe('2.15');
    expect(parsePercentInput(' 2.15 % ')).toBe('2.15');
    expect(parsePercentInput('8')).toBe('8.00');
    expect(parsePercentInput('12,5')).toBe('12.50');
    expect(parsePercentInput('007,1')).toBe('7.10');
    expect(parsePercentInput('0')).toBe('0.00');
  });

  it('refuses what is not a rate with at most two decimals', () => {
    expect(parsePercentInput('')).toBeNull();
    expect(parsePercentInput('2,155')).toBeNull();
    expect(parsePercentInput('1000')).toBeNull();
    expect(parsePercentInput('-1')).toBeNull();
    expect(parsePercentInput('deux')).toBeNull();
  });

  it('shows a rate the French or English way', () => {
    expect(formatPercent('fr', '13.15')).toBe(`13,15${NBSP}%`);
    expect(formatPercent('en', '13.15')).toBe('13.15%');
    expect(formatPercent('fr', 'n/a')).toBe('n/a');
    expect(percentInputText('fr', '2.15')).toBe('2,15');
  });
});

describe('todayInParis', () => {
  it('is the calendar date in Paris, already the next day late in the UTC evening', () => {
    expect(todayInParis(new Date('2026-03-31T22:30:00.000Z'))).toBe('2026-04-01');
    expect(todayInParis(new Date('2026-11-23T08:00:00.000Z'))).toBe('2026-11-23');
  });
});

describe('addMonths', () => {
  it('keeps the day, or takes the last day of a shorter month', () => {
    expect(addMonths('2026-04-01', 3)).toBe('2026-07-01');
    expect(addMonths('2026-11-23', 6)).toBe('2027-05-23');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-12-15', 12)).toBe('2027-12-15');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
  });
});

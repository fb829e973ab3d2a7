import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectDecimalSeparator, parseAmount } from '../src/index.js';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

const ok = (cents: number) => ({ ok: true, cents });
const invalid = { ok: false, code: 'invalid_amount' };

describe('parseAmount', () => {
  it.each([
    ['1 234,56', ',', 123_456],
    [`1${NBSP}234,56`, ',', 123_456],
    [`1${NNBSP}234${NNBSP}567,89`, ',', 123_456_789],
    ['1.234,56', ',', 123_456],
    ['1234,56', ',', 123_456],
    ['1234,5', ',', 123_450],
    ['1234', ',', 123_400],
    ['1.234', ',', 123_400],
    ['-12,00', ',', -1_200],
    ['(12,00)', ',', -1_200],
    ['12,00-', ',', -1_200],
    ['−12,00', ',', -1_200],
    ['+12,00', ',', 1_200],
    ['1 234,56 €', ',', 123_456],
    [`1 234,56${NBSP}€`, ',', 123_456],
    ['€ 1 234,56', ',', 123_456],
    ['1234,56 EUR', ',', 123_456],
    ['EUR -1234,56', ',', -123_456],
    ['-1 234,56 €', ',', -123_456],
    ['  42,10  ', ',', 4_210],
    ['1234,500', ',', 123_450],
    ['0,07', ',', 7],
    ['-0,00', ',', 0],
    ['1,234.56', '.', 123_456],
    ['1234.56', '.', 123_456],
    ['1 234.56', '.', 123_456],
    ["1'234.56", '.', 123_456],
    ['-1,234,567.8', '.', -123_456_780],
    ['€1,234.56', '.', 123_456],
    ['1,234', '.', 123_400],
  ] as const)('%j with %s decimals is %i cents', (text, separator, cents) => {
    expect(parseAmount(text, separator)).toEqual(ok(cents));
  });

  it.each([
    ['12,345', ','],
    ['1.234.56', ','],
    ['12 34,56', ','],
    ['1 234.56', ','],
    ['1234.56', ','],
    ['1.234,567', ','],
    ['12,3a', ','],
    ['abc', ','],
    ['', ','],
    ['-', ','],
    ['--12', ','],
    ['(-12,00)', ','],
    ['12,', ','],
    [',50', ','],
    ['1,234.567', '.'],
    ['12.34.56', '.'],
    ['12,3456.00', '.'],
    ['1e5', '.'],
    ['$12.00', '.'],
  ] as const)('%j with %s decimals is invalid', (text, separator) => {
    expect(parseAmount(text, separator)).toEqual(invalid);
  });

  it('refuses amounts beyond ten thousand billion', () => {
    expect(parseAmount('12345678901234,00', ',')).toEqual({ ok: false, code: 'amount_too_large' });
    expect(parseAmount('9999999999999,99', ',')).toEqual(ok(999_999_999_999_999));
  });

  /** Writes cents the way exports do, in one of the supported styles. */
  function format(cents: number, style: number): { text: string; separator: ',' | '.' } {
    const negative = cents < 0;
    const abs = Math.abs(cents);
    const units = String(Math.trunc(abs / 100));
    const fraction = String(abs % 100).padStart(2, '0');
    const group = (separator: string) => units.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
    const styles: readonly [string, ',' | '.'][] = [
      [`${group(' ')},${fraction}`, ','],
      [`${group(NBSP)},${fraction}`, ','],
      [`${group(NNBSP)},${fraction}${NBSP}€`, ','],
      [`${group('.')},${fraction}`, ','],
      [`${units},${fraction}`, ','],
      [`${units},${fraction} EUR`, ','],
      [`${group(',')}.${fraction}`, '.'],
      [`${units}.${fraction}`, '.'],
      [`€${group(',')}.${fraction}`, '.'],
    ];
    const [body, separator] = styles[style % styles.length] as [string, ',' | '.'];
    if (!negative) return { text: body, separator };
    return { text: style % 2 === 0 ? `-${body}` : `(${body})`, separator };
  }

  it('reads back any amount written in any supported style', () => {
    fc.assert(
      fc.property(fc.integer({ min: -999_999_999_999_99, max: 999_999_999_999_99 }), fc.nat(), (cents, style) => {
        const { text, separator } = format(cents, style);
        expect(parseAmount(text, separator)).toEqual(ok(cents));
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom(',' as const, '.' as const), (text, separator) => {
        const result = parseAmount(text, separator);
        if (result.ok) expect(Number.isSafeInteger(result.cents)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('detectDecimalSeparator', () => {
  it('follows the last separator when a value has both', () => {
    expect(detectDecimalSeparator(['1.234,56'], '.')).toBe(',');
    expect(detectDecimalSeparator(['1,234.56'], ',')).toBe('.');
  });

  it('reads one or two digits after a single separator as decimals', () => {
    expect(detectDecimalSeparator(['1234,56', '12,5', '100'], '.')).toBe(',');
    expect(detectDecimalSeparator(['1234.56', '7.5'], ',')).toBe('.');
  });

  it('decides an ambiguous "1.234" by the other values', () => {
    expect(detectDecimalSeparator(['1.234', '56,78'], '.')).toBe(',');
    expect(detectDecimalSeparator(['1,234', '56.78'], ',')).toBe('.');
  });

  it('takes three digits after a lone separator as thousands when nothing else tells', () => {
    expect(detectDecimalSeparator(['1.234', '2.500'], '.')).toBe(',');
    expect(detectDecimalSeparator(['1,234', '12,000'], ',')).toBe('.');
  });

  it('reads repeated separators as thousands', () => {
    expect(detectDecimalSeparator(['1.234.567'], '.')).toBe(',');
    expect(detectDecimalSeparator(['1,234,567'], ',')).toBe('.');
  });

  it('falls back when the amounts have no separator', () => {
    expect(detectDecimalSeparator(['100', '250'], ',')).toBe(',');
    expect(detectDecimalSeparator([], '.')).toBe('.');
  });
});

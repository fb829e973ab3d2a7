/**
 * Amounts as people and accounting tools write them, turned into integer
 * cents without ever going through a float: "1 234,56 €", "1.234,56",
 * "(12,00)", "1,234.56", "-12.00 EUR" … The decimal separator is a property of
 * the file (see detectDecimalSeparator); the other separator then can only
 * group thousands, in groups of exactly three digits.
 */
import type { Cents } from '@amiable/domain';

export type DecimalSeparator = ',' | '.';

export type AmountResult =
  | { readonly ok: true; readonly cents: Cents }
  | { readonly ok: false; readonly code: 'invalid_amount' | 'amount_too_large' };

// 10^13 units is 10^15 cents, below 2^53: every accepted amount is an exact integer.
const MAX_INTEGER_DIGITS = 13;

const SPACES = ' \u00a0\u202f\u2009';
const COMMA_DECIMAL_RE = new RegExp(`^(\\d{1,3}(?:([${SPACES}.'])\\d{3})?(?:\\2\\d{3})*|\\d+)(?:,(\\d+))?$`);
const DOT_DECIMAL_RE = new RegExp(`^(\\d{1,3}(?:([${SPACES},'])\\d{3})?(?:\\2\\d{3})*|\\d+)(?:\\.(\\d+))?$`);
const CURRENCY_PREFIX_RE = /^(?:€|eur\b)\s*/i;
const CURRENCY_SUFFIX_RE = /\s*(?:€|\beur)$/i;

const INVALID: AmountResult = { ok: false, code: 'invalid_amount' };
const TOO_LARGE: AmountResult = { ok: false, code: 'amount_too_large' };

/** Parses a non-empty amount cell. Callers treat an empty cell as "no value" before calling. */
export function parseAmount(text: string, decimalSeparator: DecimalSeparator): AmountResult {
  const cents = parseAmountCents(text, decimalSeparator);
  return typeof cents === 'number' ? { ok: true, cents } : cents === 'amount_too_large' ? TOO_LARGE : INVALID;
}

/** parseAmount without the result object, for the per-row hot path: cents, or the issue code. */
export function parseAmountCents(text: string, decimalSeparator: DecimalSeparator): Cents | 'invalid_amount' | 'amount_too_large' {
  const plain = plainAmountCents(text, decimalSeparator === ',' ? 44 : 46);
  if (plain !== null) return plain;
  const result = parseFormattedAmount(text, decimalSeparator);
  return result.ok ? result.cents : result.code;
}

/** The common case, "-1234,5" or "1234.56" (no grouping, sign or currency), digit by digit; null for anything else. */
function plainAmountCents(text: string, separator: number): Cents | null {
  const length = text.length;
  let i = 0;
  const negative = text.charCodeAt(0) === 45;
  if (negative) i++;
  let units = 0;
  const digitsStart = i;
  for (; i < length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) break;
    units = units * 10 + digit;
  }
  const integerDigits = i - digitsStart;
  if (integerDigits === 0 || integerDigits > MAX_INTEGER_DIGITS) return null;
  let cents = units * 100;
  if (i < length) {
    if (text.charCodeAt(i) !== separator || i + 1 === length || i + 3 < length) return null;
    const tens = text.charCodeAt(i + 1) - 48;
    const ones = i + 2 < length ? text.charCodeAt(i + 2) - 48 : 0;
    if (tens < 0 || tens > 9 || ones < 0 || ones > 9) return null;
    cents += tens * 10 + ones;
  }
  return negative && cents !== 0 ? -cents : cents;
}

function parseFormattedAmount(text: string, decimalSeparator: DecimalSeparator): AmountResult {
  let s = text.trim();
  let negative = false;
  let signs = 0;
  if (s.startsWith('(') && s.endsWith(')')) {
    s = s.slice(1, -1).trim();
    negative = true;
    signs++;
  }
  s = stripCurrency(s);
  const first = s.charCodeAt(0);
  if (first === 45 /* - */ || first === 0x2212 /* − */ || first === 43 /* + */) {
    negative = first !== 43;
    signs++;
    s = stripCurrency(s.slice(1).trimStart());
  }
  if (s.endsWith('-')) {
    negative = true;
    signs++;
    s = stripCurrency(s.slice(0, -1).trimEnd());
  }
  if (signs > 1 || s === '') return INVALID;
  const match = (decimalSeparator === ',' ? COMMA_DECIMAL_RE : DOT_DECIMAL_RE).exec(s);
  if (!match) return INVALID;
  const integerDigits = (match[1] ?? '').replace(/\D/g, '').replace(/^0+(?=\d)/, '');
  const fraction = match[3] ?? '';
  if (fraction.length > 2 && !/^0+$/.test(fraction.slice(2))) return INVALID;
  if (integerDigits.length > MAX_INTEGER_DIGITS) return TOO_LARGE;
  const cents = Number(integerDigits) * 100 + Number(fraction.slice(0, 2).padEnd(2, '0'));
  return { ok: true, cents: negative && cents !== 0 ? -cents : cents };
}

function stripCurrency(value: string): string {
  return value.replace(CURRENCY_PREFIX_RE, '').replace(CURRENCY_SUFFIX_RE, '');
}

/**
 * Canonical decimal text ("-12.3456", "4675", "1e3" is not one) to cents.
 * Used for XML amounts and spreadsheet numbers, whose decimals may exceed the
 * cent: those are rounded half away from zero on the digit string, so
 * 2.345 becomes 2.35 and -2.345 becomes -2.35, exactly as written.
 */
export function decimalTextToCents(text: string): AmountResult {
  const match = /^([+-])?(\d*)(?:\.(\d*))?$/.exec(text.trim());
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) return INVALID;
  const negative = match[1] === '-';
  const integerDigits = (match[2] ?? '').replace(/^0+(?=\d)/, '') || '0';
  const fraction = match[3] ?? '';
  if (integerDigits.length > MAX_INTEGER_DIGITS) return TOO_LARGE;
  let cents = Number(integerDigits) * 100 + Number(fraction.slice(0, 2).padEnd(2, '0'));
  if (fraction.length > 2 && fraction.charCodeAt(2) >= 53 /* '5' */) cents += 1;
  return { ok: true, cents: negative && cents !== 0 ? -cents : cents };
}

/**
 * A spreadsheet number to cents. Excel keeps 15 significant digits, so the
 * value is first written with 15 (which turns 0.30000000000000004, a formula
 * artefact, back into the 0.3 the user sees), then rounded on the digits.
 */
export function numberToCents(value: number): AmountResult {
  if (!Number.isFinite(value)) return INVALID;
  if (Math.abs(value) >= 10 ** MAX_INTEGER_DIGITS) return TOO_LARGE;
  // Below a millionth, toString switches to exponent notation; such a value is zero cents anyway.
  if (Math.abs(value) < 1e-6) return { ok: true, cents: 0 };
  return decimalTextToCents(String(Number(value.toPrecision(15))));
}

/** Writes cents back with the file's decimal separator, for messages that quote a computed amount. */
export function formatCents(cents: Cents, decimalSeparator: DecimalSeparator): string {
  const abs = Math.abs(cents);
  const text = `${Math.trunc(abs / 100)}${decimalSeparator}${String(abs % 100).padStart(2, '0')}`;
  return cents < 0 ? `-${text}` : text;
}

/**
 * Which separator marks the decimals in a file, decided from the amount cells
 * of its first rows:
 * 1. A value with both separators decides by the last one ("1.234,56" → ',').
 * 2. A single separator followed by 1, 2 or 4+ digits is a decimal point
 *    ("12,5", "1234.56"); several of the same separator group thousands
 *    ("1,234,567" → '.').
 * 3. A single separator followed by exactly three digits ("1.234") is
 *    ambiguous. Money rarely has three decimals, so it counts, weakly, for
 *    the other separator being the decimal one.
 * The majority of decisive values wins; if there are none, the weak votes
 * decide; if there are none either, the fallback (',' for ';'- and
 * tab-separated files and spreadsheets, '.' for comma-separated files).
 */
export function detectDecimalSeparator(values: Iterable<string>, fallback: DecimalSeparator): DecimalSeparator {
  let strongComma = 0;
  let strongDot = 0;
  let weakComma = 0;
  let weakDot = 0;
  for (const value of values) {
    const vote = voteOf(value);
    if (vote === 'comma') strongComma++;
    else if (vote === 'dot') strongDot++;
    else if (vote === 'weak-comma') weakComma++;
    else if (vote === 'weak-dot') weakDot++;
  }
  if (strongComma !== strongDot) return strongComma > strongDot ? ',' : '.';
  if (strongComma === 0 && weakComma !== weakDot) return weakComma > weakDot ? ',' : '.';
  return fallback;
}

type Vote = 'comma' | 'dot' | 'weak-comma' | 'weak-dot' | null;

function voteOf(value: string): Vote {
  const s = value.replace(/[^\d.,]/g, '');
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  if (lastComma === -1 && lastDot === -1) return null;
  if (lastComma !== -1 && lastDot !== -1) return lastComma > lastDot ? 'comma' : 'dot';
  const separator = lastComma !== -1 ? ',' : '.';
  const position = lastComma !== -1 ? lastComma : lastDot;
  if (s.indexOf(separator) !== position) return separator === ',' ? 'dot' : 'comma';
  const decimals = s.length - position - 1;
  if (decimals === 3) return separator === ',' ? 'weak-dot' : 'weak-comma';
  if (decimals === 0) return null;
  return separator === ',' ? 'comma' : 'dot';
}

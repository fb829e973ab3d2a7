/**
 * Money is an integer number of cents (minor units) plus an ISO 4217 currency.
 * No float ever touches an amount: parsing and formatting work on digit strings.
 * A JS number holds integers exactly up to 2^53 cents (90 trillion euros), far
 * beyond any receivable; every constructor checks that bound.
 */
export type Cents = number;

export type CurrencyCode = string;

export interface Money {
  readonly cents: Cents;
  readonly currency: CurrencyCode;
}

export const DEFAULT_CURRENCY: CurrencyCode = 'EUR';

const CURRENCY_RE = /^[A-Z]{3}$/;

export function isCurrencyCode(value: string): boolean {
  return CURRENCY_RE.test(value);
}

export function assertCents(value: number): Cents {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`amount in cents must be a safe integer, got ${value}`);
  }
  return value;
}

const DECIMAL_RE = /^(-)?(\d+)(?:\.(\d{1,2}))?$/;

/**
 * Parses a canonical decimal amount ("1200", "1200.5", "-12.34") into cents.
 * Returns null for anything else (thousand separators, commas, 3 decimals…):
 * locale-tolerant parsing of user files lives in the imports package.
 */
export function parseDecimalAmount(text: string): Cents | null {
  const match = DECIMAL_RE.exec(text.trim());
  if (!match) return null;
  const [, sign, units, fraction = ''] = match;
  const cents = Number(units) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) return null;
  return sign ? -cents : cents;
}

/** Formats cents as a canonical decimal string with two decimals: 123456 → "1234.56". */
export function formatDecimalAmount(cents: Cents): string {
  assertCents(cents);
  const negative = cents < 0;
  const abs = Math.abs(cents);
  const units = Math.trunc(abs / 100);
  const fraction = String(abs % 100).padStart(2, '0');
  return `${negative ? '-' : ''}${units}.${fraction}`;
}

const NBSP = '\u00a0';
const NNBSP = '\u202f';

/**
 * French display of an amount: "1 234,56 €" with a narrow no-break space between
 * thousands groups and a no-break space before the currency symbol, as the
 * Imprimerie nationale's typographic rules and Intl 'fr-FR' do.
 */
export function formatAmountFr(cents: Cents, currency: CurrencyCode = DEFAULT_CURRENCY): string {
  const [units = '0', fraction = '00'] = formatDecimalAmount(Math.abs(cents)).split('.');
  const grouped = units.replace(/\B(?=(\d{3})+(?!\d))/g, NNBSP);
  const sign = cents < 0 ? '-' : '';
  const symbol = currency === 'EUR' ? '€' : currency;
  return `${sign}${grouped},${fraction}${NBSP}${symbol}`;
}

/** English display of an amount: "€1,234.56" or "GBP 1,234.56". */
export function formatAmountEn(cents: Cents, currency: CurrencyCode = DEFAULT_CURRENCY): string {
  const [units = '0', fraction = '00'] = formatDecimalAmount(Math.abs(cents)).split('.');
  const grouped = units.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = cents < 0 ? '-' : '';
  return currency === 'EUR' ? `${sign}€${grouped}.${fraction}` : `${sign}${currency} ${grouped}.${fraction}`;
}

export function sumCents(values: Iterable<Cents>): Cents {
  let total = 0;
  for (const value of values) total += value;
  return assertCents(total);
}

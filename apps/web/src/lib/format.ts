/**
 * Display helpers. Amounts arrive as decimal strings ("1234.56") and are turned
 * into integer cents by @amiable/domain before formatting: no float ever
 * touches an amount.
 */
import {
  type Cents,
  PARIS_TIME_ZONE,
  formatAmountEn,
  formatAmountFr,
  formatDateEn,
  formatDateFr,
  formatDecimalAmount,
  isoDate,
  parisDateOf,
  parseDecimalAmount,
} from '@amiable/domain';

export type UiLanguage = 'fr' | 'en';

export const EMPTY = '—';

export function formatCents(language: UiLanguage, cents: Cents, currency: string): string {
  return language === 'fr' ? formatAmountFr(cents, currency) : formatAmountEn(cents, currency);
}

/** "1234.56" + EUR → "1 234,56 €" (fr) or "€1,234.56" (en). An unreadable amount is shown as received. */
export function formatAmount(language: UiLanguage, amount: string, currency: string): string {
  const cents = parseDecimalAmount(amount);
  return cents === null ? `${amount} ${currency}` : formatCents(language, cents, currency);
}

/** Amounts in several currencies, one after the other; "—" when there is none. */
export function formatAmounts(language: UiLanguage, amounts: readonly { amount: string; currency: string }[]): string {
  if (amounts.length === 0) return EMPTY;
  return amounts.map((line) => formatAmount(language, line.amount, line.currency)).join(' + ');
}

/** "2026-11-23" → "23/11/2026" (fr) or "23 Nov 2026" (en); "—" for no date. */
export function formatDate(language: UiLanguage, date: string | null | undefined): string {
  if (!date) return EMPTY;
  return language === 'fr' ? formatDateFr(date) : formatDateEn(date);
}

const dateTimeFormats: Record<UiLanguage, Intl.DateTimeFormat> = {
  fr: new Intl.DateTimeFormat('fr-FR', {
    timeZone: PARIS_TIME_ZONE,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    timeZone: PARIS_TIME_ZONE,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }),
};

/** An instant shown in Paris time: "23/11/2026 09:05" (fr) or "23 Nov 2026, 09:05" (en). */
export function formatDateTime(language: UiLanguage, instant: string | null | undefined): string {
  if (!instant) return EMPTY;
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  return dateTimeFormats[language].format(date);
}

/**
 * Reads an amount typed by a user into the API's decimal string ("1234.56"):
 * "1 234,56", "1.234,5" or "1234.56" in French, "1,234.56" in English. Returns null when
 * the text is not an amount with at most two decimals.
 */
export function parseAmountInput(language: UiLanguage, text: string): string | null {
  let compact = text.replace(/[\s\u00a0\u202f€]/g, '');
  if (compact === '') return null;
  // A separator is read as a thousands separator only where it groups digits by three: "1 200,00" typed in the
  // English interface is refused rather than read as 120000.00, and "1.2,5" in French rather than guessed.
  if (language === 'en') {
    if (compact.includes(',') && !/^-?\d{1,3}(,\d{3})+(\.\d{1,2})?$/.test(compact)) return null;
    compact = compact.replace(/,/g, '');
  } else if (compact.includes(',')) {
    if (compact.includes('.') && !/^-?\d{1,3}(\.\d{3})+,\d{1,2}$/.test(compact)) return null;
    compact = compact.replace(/\./g, '').replace(',', '.');
  }
  const cents = parseDecimalAmount(compact);
  return cents === null ? null : formatDecimalAmount(cents);
}

const PERCENT_RE = /^(\d{1,3})(?:\.(\d{1,2}))?$/;

/**
 * Reads a rate typed by a user ("2,15", "2.15 %", "8") into the API's percent string with
 * two decimals ("2.15", "8.00"), by string manipulation only. Null when it is not a rate
 * with at most three digits before and two after the separator.
 */
export function parsePercentInput(text: string): string | null {
  const compact = text.replace(/[\s\u00a0\u202f%]/g, '').replace(',', '.');
  const match = PERCENT_RE.exec(compact);
  if (!match) return null;
  const [, units = '0', fraction = ''] = match;
  return `${units.replace(/^0+(?=\d)/, '')}.${fraction.padEnd(2, '0')}`;
}

/** "13.15" → "13,15 %" (fr) or "13.15%" (en); a value that is not a percent string is shown as received. */
export function formatPercent(language: UiLanguage, rate: string): string {
  if (!PERCENT_RE.test(rate)) return rate;
  return language === 'fr' ? `${rate.replace('.', ',')}\u00a0%` : `${rate}%`;
}

/** A canonical percent string as a French user would type it again: "2.15" → "2,15". */
export function percentInputText(language: UiLanguage, rate: string): string {
  return language === 'fr' ? rate.replace('.', ',') : rate;
}

/** Today's date in Paris, "YYYY-MM-DD". */
export function todayInParis(now: Date = new Date()): string {
  return parisDateOf(now);
}

/**
 * The same calendar day `months` later ("2026-01-31" + 1 → "2026-02-28": the last day of a shorter
 * month), by string and integer arithmetic only: no Date, so no time zone to shift the day.
 */
export function addMonths(date: string, months: number): string {
  const total = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  for (let day = Number(date.slice(8, 10)); day >= 28; day--) {
    const found = isoDate(year, month, day);
    if (found) return found;
  }
  return isoDate(year, month, Number(date.slice(8, 10))) ?? date;
}

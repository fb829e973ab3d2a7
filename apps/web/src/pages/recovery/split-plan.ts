/**
 * The « Répartir » helper of the payment plan form: N monthly instalments that
 * together make the amount due, in integer cents. The odd cents go on the last
 * instalment so the first ones are round and the total is exact.
 */
import { type Cents, type IsoDate, daysInMonth, formatDecimalAmount, isoDate } from '@amiable/domain';

/** The same day `months` later, on the month's last day when it is shorter (31 January → 28 February). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return isoDate(year, month, Math.min(d, daysInMonth(year, month))) ?? date;
}

/** `count` instalments a month apart from `first`, amounts as the API reads them ("1216.83"). */
export function splitEvenly(totalCents: Cents, count: number, first: IsoDate): { dueDate: IsoDate; amount: string }[] {
  if (count < 1 || totalCents <= 0) return [];
  const share = Math.floor(totalCents / count);
  return Array.from({ length: count }, (_, i) => ({
    dueDate: addMonths(first, i),
    amount: formatDecimalAmount(i === count - 1 ? totalCents - share * (count - 1) : share),
  }));
}

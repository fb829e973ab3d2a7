/**
 * Day-number arithmetic for the generators (days since 1970-01-01, as in the
 * domain's dates module): integers are cheaper to compare and add than
 * "YYYY-MM-DD" strings when simulating a ledger, and have no time zone.
 */
import { fromDayNumber, type IsoDate, isIsoDate, toDayNumber } from '@amiable/domain';

export { fromDayNumber, toDayNumber };

export function assertIsoDate(value: IsoDate, name: string): void {
  if (typeof value !== 'string' || !isIsoDate(value)) throw new RangeError(`${name} must be a YYYY-MM-DD date, got ${String(value)}`);
}

export function assertSeed(seed: number): void {
  if (typeof seed !== 'number' || !Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${String(seed)}`);
}

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekday(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** Companies issue invoices and banks credit payments on working days: move a weekend day back to Friday. */
export function workingDayOnOrBefore(day: number): number {
  const wd = weekday(day);
  return wd === 5 ? day - 1 : wd === 6 ? day - 2 : day;
}

/** Move a weekend day forward to Monday. */
export function workingDayOnOrAfter(day: number): number {
  const wd = weekday(day);
  return wd === 5 ? day + 2 : wd === 6 ? day + 1 : day;
}

export interface YearMonthDay {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function ymdOf(dayNumber: number): YearMonthDay {
  const [year, month, day] = fromDayNumber(dayNumber).split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

export function dayOf(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / 86_400_000);
}

/** The first day of each month whose 1st falls in [from, to]. */
export function firstsOfMonths(from: number, to: number): number[] {
  const days: number[] = [];
  let { year, month } = ymdOf(from);
  for (;;) {
    const first = dayOf(year, month, 1);
    if (first > to) return days;
    if (first >= from) days.push(first);
    month += 1;
    if (month === 13) {
      month = 1;
      year += 1;
    }
  }
}

/** The next day on or after `from` that is the `dayOfMonth`-th of its month (the month's last day when shorter). */
export function nextDayOfMonth(from: number, dayOfMonth: number): number {
  let { year, month } = ymdOf(from);
  for (;;) {
    const lastOfMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const candidate = dayOf(year, month, Math.min(dayOfMonth, lastOfMonth));
    if (candidate >= from) return candidate;
    month += 1;
    if (month === 13) {
      month = 1;
      year += 1;
    }
  }
}

/** "23/11/2026" */
export function frenchDate(dayNumber: number): string {
  const iso = fromDayNumber(dayNumber);
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

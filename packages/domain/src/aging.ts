import { type IsoDate, daysBetween, addDays } from './dates.js';

/**
 * Aging buckets (balance âgée): how long an open invoice has been past its due date.
 * The bounds are the ones French credit managers and accounting tools use.
 */
export const AGING_BUCKETS = ['not-due', '1-30', '31-60', '61-90', '91-180', 'over-180', 'no-due-date'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

/** Days past due on `today`: 0 on the due date itself, 1 the day after. */
export function daysOverdue(dueDate: IsoDate, today: IsoDate): number {
  return Math.max(0, daysBetween(dueDate, today));
}

export function agingBucketOf(dueDate: IsoDate | null, today: IsoDate): AgingBucket {
  if (dueDate === null) return 'no-due-date';
  const days = daysBetween(dueDate, today);
  if (days <= 0) return 'not-due';
  if (days <= 30) return '1-30';
  if (days <= 60) return '31-60';
  if (days <= 90) return '61-90';
  if (days <= 180) return '91-180';
  return 'over-180';
}

/**
 * The due-date interval [from, to] (inclusive, either end open) of the invoices
 * that fall in `bucket` on `today`, so a bucket filter becomes an index range.
 */
export function dueDateRangeOfBucket(
  bucket: Exclude<AgingBucket, 'no-due-date'>,
  today: IsoDate,
): { from: IsoDate | null; to: IsoDate | null } {
  const ago = (days: number) => addDays(today, -days);
  switch (bucket) {
    case 'not-due':
      return { from: today, to: null };
    case '1-30':
      return { from: ago(30), to: ago(1) };
    case '31-60':
      return { from: ago(60), to: ago(31) };
    case '61-90':
      return { from: ago(90), to: ago(61) };
    case '91-180':
      return { from: ago(180), to: ago(91) };
    case 'over-180':
      return { from: null, to: ago(181) };
  }
}

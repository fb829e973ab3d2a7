import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGING_BUCKETS, agingBucketOf, daysOverdue, dueDateRangeOfBucket } from './aging.js';
import { addDays, daysBetween, isIsoDate, parisDateOf } from './dates.js';

describe('calendar dates and aging', () => {
  it('counts days across month ends, leap years and daylight-saving changes', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2); // the night the clocks go forward in Paris
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    // 23:30 UTC on 31 March is already 1 April in Paris (summer time).
    expect(parisDateOf(new Date('2026-03-31T23:30:00Z'))).toBe('2026-04-01');
  });

  it('puts every due date in exactly the bucket whose date range contains it', () => {
    const today = '2026-11-23';
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 400 }), (offset) => {
        const due = addDays(today, -offset);
        const bucket = agingBucketOf(due, today);
        const containing = AGING_BUCKETS.filter((b) => b !== 'no-due-date').filter((b) => {
          const range = dueDateRangeOfBucket(b as Exclude<typeof b, 'no-due-date'>, today);
          return (range.from === null || due >= range.from) && (range.to === null || due <= range.to);
        });
        expect(containing).toEqual([bucket]);
        expect(daysOverdue(due, today)).toBe(Math.max(0, offset));
      }),
    );
    expect(agingBucketOf(null, today)).toBe('no-due-date');
    expect(agingBucketOf(today, today)).toBe('not-due');
    expect(agingBucketOf('2026-11-22', today)).toBe('1-30');
  });
});

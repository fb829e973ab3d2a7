import { addDays } from '@amiable/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayOfWeek, easterSunday, frenchPublicHolidays, isFrenchPublicHoliday } from '../src/index.js';

describe('French public holidays', () => {
  it('puts Easter on the known Sundays', () => {
    expect(['2019', '2024', '2025', '2026', '2027', '2038', '2285'].map((y) => easterSunday(Number(y)))).toEqual([
      '2019-04-21',
      '2024-03-31',
      '2025-04-20',
      '2026-04-05',
      '2027-03-28',
      '2038-04-25',
      '2285-03-22',
    ]);
  });

  it('lists the eleven metropolitan holidays of 2025, the Easter-based ones included', () => {
    expect(frenchPublicHolidays(2025).map((h) => h.date)).toEqual([
      '2025-01-01',
      '2025-04-21',
      '2025-05-01',
      '2025-05-08',
      '2025-05-29',
      '2025-06-09',
      '2025-07-14',
      '2025-08-15',
      '2025-11-01',
      '2025-11-11',
      '2025-12-25',
    ]);
    expect(isFrenchPublicHoliday('2026-05-14')).toBe(true); // Ascension 2026
    expect(isFrenchPublicHoliday('2026-12-26')).toBe(false); // Alsace-Moselle only
  });

  it('always has Easter on a Sunday in March or April, Ascension on a Thursday and Whit Monday on a Monday', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2999 }), (year) => {
        const easter = easterSunday(year);
        expect(dayOfWeek(easter)).toBe(0);
        expect(easter >= `${year}-03-22` && easter <= `${year}-04-25`).toBe(true);
        expect(dayOfWeek(addDays(easter, 39))).toBe(4);
        expect(dayOfWeek(addDays(easter, 50))).toBe(1);
        expect(frenchPublicHolidays(year)).toHaveLength(11);
      }),
    );
  });
});

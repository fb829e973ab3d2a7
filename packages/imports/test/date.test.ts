import { daysInMonth } from '@amiable/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDate } from '../src/index.js';

describe('parseDate', () => {
  it.each([
    ['31/01/2025', '2025-01-31'],
    ['1/2/2025', '2025-02-01'],
    ['29/02/2024', '2024-02-29'],
    ['31.01.2025', '2025-01-31'],
    ['31-01-2025', '2025-01-31'],
    ['31/01/25', '2025-01-31'],
    ['31/01/69', '2069-01-31'],
    ['31/01/70', '1970-01-31'],
    ['01/01/00', '2000-01-01'],
    ['2025-01-31', '2025-01-31'],
    ['2025-01-31T23:30:00', '2025-01-31'],
    ['2025-01-31T23:30:00-05:00', '2025-01-31'],
    ['2025-01-31 00:00:00', '2025-01-31'],
    ['2025-01-31T10:00:00.000Z', '2025-01-31'],
    ['31/01/2025 00:00', '2025-01-31'],
    ['20250131', '2025-01-31'],
    [' 31/01/2025 ', '2025-01-31'],
  ])('%j is %s', (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  it.each([
    ['31/02/2025'],
    ['29/02/2025'],
    ['00/01/2025'],
    ['32/01/2025'],
    ['15/13/2025'],
    ['2025-02-30'],
    ['2025-13-01'],
    ['31/01/202'],
    ['01/31/2025'],
    ['31/01-2025'],
    ['hier'],
    ['45688'],
    [''],
  ])('%j is not a date', (text) => {
    expect(parseDate(text)).toBeNull();
  });

  const calendarDay = fc
    .record({ year: fc.integer({ min: 1900, max: 2999 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
    .filter(({ year, month, day }) => day <= daysInMonth(year, month));
  const pad = (value: number, length = 2) => String(value).padStart(length, '0');

  it('reads back any calendar day in every supported format', () => {
    fc.assert(
      fc.property(calendarDay, fc.integer({ min: 0, max: 5 }), ({ year, month, day }, style) => {
        const iso = `${year}-${pad(month)}-${pad(day)}`;
        const texts = [
          `${pad(day)}/${pad(month)}/${year}`,
          `${day}/${month}/${year}`,
          `${pad(day)}.${pad(month)}.${year}`,
          `${pad(day)}-${pad(month)}-${year}`,
          iso,
          `${iso}T12:34:56`,
        ];
        expect(parseDate(texts[style] as string)).toBe(iso);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads two-digit years in 1970–2069', () => {
    fc.assert(
      fc.property(
        calendarDay.filter(({ year }) => year >= 1970 && year <= 2069),
        ({ year, month, day }) => {
          expect(parseDate(`${pad(day)}/${pad(month)}/${pad(year % 100)}`)).toBe(`${year}-${pad(month)}-${pad(day)}`);
        },
      ),
    );
  });

  it('refuses days past the end of their month', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 5 }),
        (year, month, extra) => {
          const day = daysInMonth(year, month) + extra;
          expect(parseDate(`${pad(day)}/${pad(month)}/${year}`)).toBeNull();
        },
      ),
    );
  });
});

import { addDays, daysBetween } from '@amiable/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ContactLimits, firstCampaignDay, mayContact, mayContactAround, scheduleCampaign } from '../src/index.js';

const limits: ContactLimits = { maxContactsPerWeek: 2, minDaysBetweenContacts: 3, noContactOn: ['saturday', 'sunday', 'holiday'] };

describe('campaign days', () => {
  it('agrees with the planner’s rule when every other contact is in the past', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 800 }),
        fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 5 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 0, max: 6 }),
        (start, back, max, min) => {
          const date = addDays('2026-01-01', start);
          const previous = back.map((d) => addDays(date, -d));
          const rules = { ...limits, maxContactsPerWeek: max, minDaysBetweenContacts: min };
          expect(mayContactAround(date, previous, rules)).toBe(mayContact(date, previous, rules));
        },
      ),
    );
  });

  it('keeps the gap and the weekly limit with contacts booked after the day too', () => {
    // Monday 23 November 2026, a contact booked on Wednesday 25: 23 is 2 days before it.
    expect(mayContactAround('2026-11-23', ['2026-11-25'], limits)).toBe(false);
    expect(mayContactAround('2026-11-23', ['2026-11-26'], limits)).toBe(true);
    const loose: ContactLimits = { maxContactsPerWeek: 2, minDaysBetweenContacts: 1, noContactOn: [] };
    // 24 and 26 booked: any 7 days holding the 23rd and both of them already hold two contacts.
    expect(mayContactAround('2026-11-23', ['2026-11-24', '2026-11-26'], loose)).toBe(false);
    expect(mayContactAround('2026-11-19', ['2026-11-24', '2026-11-26'], loose)).toBe(true);
  });

  it('postpones a debtor contacted yesterday, and skips weekends and public holidays', () => {
    // Contacted Monday 23, gap of 3 days: Thursday 26.
    expect(firstCampaignDay('2026-11-24', ['2026-11-23'], limits)).toBe('2026-11-26');
    // Saturday 28 November → Monday 30; Wednesday 11 November 2026 (Armistice) → Thursday 12.
    expect(firstCampaignDay('2026-11-28', [], limits)).toBe('2026-11-30');
    expect(firstCampaignDay('2026-11-11', [], limits)).toBe('2026-11-12');
    // Christmas Friday 25 December 2026, then the weekend: Monday 28.
    expect(firstCampaignDay('2026-12-25', [], limits)).toBe('2026-12-28');
  });

  it('spreads the messages of one debtor’s cases and never returns a day the rules forbid', () => {
    const days = scheduleCampaign(
      [
        { key: 'case-a1', debtorId: 'a' },
        { key: 'case-a2', debtorId: 'a' },
        { key: 'case-b', debtorId: 'b' },
      ],
      '2026-11-23',
      new Map([['b', ['2026-11-20']]]),
      limits,
    );
    expect(Object.fromEntries(days)).toEqual({ 'case-a1': '2026-11-23', 'case-a2': '2026-11-26', 'case-b': '2026-11-23' });

    fc.assert(
      fc.property(fc.array(fc.integer({ min: -10, max: 20 }), { maxLength: 6 }), fc.integer({ min: 1, max: 4 }), (offsets, cases) => {
        const from = '2026-11-23';
        const booked = offsets.map((d) => addDays(from, d));
        const targets = Array.from({ length: cases }, (_, i) => ({ key: `c${i}`, debtorId: 'd' }));
        const result = [...scheduleCampaign(targets, from, new Map([['d', booked]]), limits).values()];
        const all = [...booked];
        for (const day of result) {
          expect(day).not.toBeNull();
          expect(day && day >= from).toBe(true);
          expect(mayContactAround(day as string, all, limits)).toBe(true);
          all.push(day as string);
        }
        for (const [i, day] of result.entries())
          for (const other of result.slice(i + 1)) expect(Math.abs(daysBetween(day as string, other as string))).toBeGreaterThanOrEqual(3);
      }),
    );
  });
});

/** Properties of the interest engine (fast-check), over dates and amounts of the shipped table. */
import { addDays, daysBetween } from '@amiable/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type LateInterestInput, computeLateInterest, prescriptionOf, rateTable } from '../src/index.js';

const table = rateTable();
const FIRST = '2015-01-01';
const LAST = '2026-06-30'; // the last half-year the shipped table holds
const span = daysBetween(FIRST, LAST);

const date = (from = 0) => fc.integer({ min: from, max: span }).map((n) => addDays(FIRST, n));
const cents = fc.integer({ min: 1, max: 1_000_000_000 });

function run(input: LateInterestInput) {
  const result = computeLateInterest(input, table);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

/** Exact interest in 1/3 650 000 of a cent, summed over the periods (ACT/365). */
const exactOf = (principal: number, periods: readonly { days: number; rateBp: number }[]) =>
  periods.reduce((sum, p) => sum + BigInt(principal) * BigInt(p.rateBp) * BigInt(p.days), 0n);

describe('late interest', () => {
  it('splitting the period at any date gives the same exact total', () => {
    fc.assert(
      fc.property(
        cents,
        fc.integer({ min: 0, max: span - 2 }),
        fc.integer({ min: 1, max: 900 }),
        fc.integer({ min: 0, max: 900 }),
        (amount, offset, length, cut) => {
          const due = addDays(FIRST, offset);
          const until = addDays(due, Math.min(length, daysBetween(due, LAST)));
          const split = addDays(due, Math.min(cut, daysBetween(due, until)));
          const whole = run({ debtor: 'business', principalCents: amount, dueDate: due, until });
          const first = run({ debtor: 'business', principalCents: amount, dueDate: due, until: split });
          // The second part: the same claim, late from the split date on.
          const second = run({ debtor: 'business', principalCents: amount, dueDate: split, until });
          expect(exactOf(amount, first.periods) + exactOf(amount, second.periods)).toBe(exactOf(amount, whole.periods));
          expect(first.daysLate + second.daysLate).toBe(whole.daysLate);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('grows with the days and with the amount', () => {
    fc.assert(
      fc.property(cents, cents, date(), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 }), (a, b, due, d1, d2) => {
        const [small, large] = a <= b ? [a, b] : [b, a];
        const [short, long] = d1 <= d2 ? [d1, d2] : [d2, d1];
        const until = (days: number) => (daysBetween(due, LAST) < days ? LAST : addDays(due, days));
        const at = (amount: number, days: number) =>
          run({ debtor: 'business', principalCents: amount, dueDate: due, until: until(days) }).interestCents;
        expect(at(small, long)).toBeLessThanOrEqual(at(large, long));
        expect(at(large, short)).toBeLessThanOrEqual(at(large, long));
      }),
      { numRuns: 300 },
    );
  });

  const paymentsArb = fc.array(fc.record({ offset: fc.integer({ min: -30, max: 700 }), cents: fc.integer({ min: 1, max: 2_000_000 }) }), {
    maxLength: 6,
  });

  it('imputation never makes anything negative, whichever order, and pays interest before principal by default', () => {
    fc.assert(
      fc.property(
        cents,
        date(),
        paymentsArb,
        fc.constantFrom('interest-first', 'principal-first') as fc.Arbitrary<'interest-first' | 'principal-first'>,
        (amount, due, raw, imputation) => {
          const until = daysBetween(due, LAST) < 700 ? LAST : addDays(due, 700);
          const payments = raw.map((p) => ({ date: addDays(due, p.offset), cents: p.cents })).filter((p) => p.date <= until);
          const r = run({ debtor: 'business', principalCents: amount, dueDate: due, until, payments, imputation });
          for (const value of [
            r.principalDueCents,
            r.interestDueCents,
            r.interestPaidCents,
            r.principalPaidCents,
            r.overpaidCents,
            r.interestCents,
          ])
            expect(value).toBeGreaterThanOrEqual(0);
          const paid = payments.reduce((s, p) => s + p.cents, 0);
          expect(r.interestPaidCents + r.principalPaidCents + r.overpaidCents).toBe(paid);
          expect(r.principalPaidCents + r.principalDueCents).toBe(amount);
          expect(r.interestPaidCents + r.interestDueCents).toBe(r.interestCents);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('paying everything leaves nothing due', () => {
    fc.assert(
      fc.property(cents, date(), fc.integer({ min: 1, max: 600 }), (amount, due, days) => {
        const until = daysBetween(due, LAST) < days ? LAST : addDays(due, days);
        const owed = run({ debtor: 'business', principalCents: amount, dueDate: due, until });
        const settled = run({
          debtor: 'business',
          principalCents: amount,
          dueDate: due,
          until,
          payments: [{ date: until, cents: amount + owed.interestCents }],
        });
        expect(settled.principalDueCents).toBe(0);
        expect(settled.interestDueCents).toBe(0);
        expect(settled.overpaidCents).toBe(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('prescription', () => {
  it('never ends before start + N years, and an interruption within the period never shortens it', () => {
    fc.assert(
      fc.property(
        date(),
        fc.array(fc.integer({ min: 0, max: 3000 }), { maxLength: 5 }),
        fc.constantFrom('business', 'consumer') as fc.Arbitrary<'business' | 'consumer'>,
        (start, offsets, debtor) => {
          const base = prescriptionOf({ debtor, start });
          const withInterruptions = prescriptionOf({ debtor, start, interruptions: offsets.map((n) => addDays(start, n)) });
          expect(withInterruptions.lastDay >= base.lastDay).toBe(true);
          for (const ignored of withInterruptions.ignoredInterruptions) expect(ignored > base.lastDay).toBe(true);
        },
      ),
    );
  });
});

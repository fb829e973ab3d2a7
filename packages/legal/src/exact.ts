/**
 * Exact arithmetic for interest. An amount of interest is a fraction of a cent:
 * cents × basis points × days / (10 000 × days in the year). We add such
 * fractions over a common denominator in bigint and round once, at the end,
 * half-up to the cent (convention of issue 3 and french-law.md §1.6: rounding each
 * period first can differ by a cent — worked example 3).
 */

/** 10 000 (basis points) × 365 × 366: every ACT/365 and ACT/ACT day fraction is a whole multiple of 1/DENOMINATOR cent. */
export const DENOMINATOR = 10_000n * 365n * 366n;

/** Interest, in 1/DENOMINATOR of a cent. */
export type ExactCents = bigint;

/** cents × rateBp × days / (10 000 × yearDays), as ExactCents (yearDays is 365 or 366). */
export function accrual(cents: number, rateBp: number, days: number, yearDays: 365 | 366): ExactCents {
  const perYear = DENOMINATOR / (10_000n * BigInt(yearDays));
  return BigInt(cents) * BigInt(rateBp) * BigInt(days) * perYear;
}

/** Rounds half-up (away from zero for the half) to a whole cent. */
export function roundToCents(value: ExactCents): number {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const cents = (abs * 2n + DENOMINATOR) / (2n * DENOMINATOR);
  return Number(negative ? -cents : cents);
}

export function fromCents(cents: number): ExactCents {
  return BigInt(cents) * DENOMINATOR;
}

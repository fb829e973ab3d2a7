/**
 * Late-payment interest on one claim, day by day, with partial payments.
 *
 * Professionals (C. com. L441-10 II): penalties run from the day after the due date
 * "sans qu'un rappel soit nécessaire", at the contract's rate or, by default, the ECB
 * main refinancing rate of the half-year + 10 points.
 * Consumers (C. civ. 1231-6, 1344-1): legal interest from the formal notice (mise en
 * demeure), at the "autres cas" rate when the creditor is not a private individual
 * (CMF L313-2).
 *
 * Conventions (the law is silent; docs/legal.md):
 * - a late day d runs from start + 1 to the computation date (or the payment clearing
 *   the principal) inclusive, start being the due date or the formal-notice date;
 * - each day takes the rate of its half-year (a period crossing 1 January or 1 July
 *   is split: "le taux applicable pendant le premier semestre", L441-10 II);
 * - ACT/365 by default (divisor 365 in every year), ACT/ACT on request;
 * - exact arithmetic, rounded once at the end, half-up to the cent;
 * - a payment dated p still bears interest on day p and reduces the balance from p + 1;
 * - partial payments go to accrued interest first, then principal (C. civ. 1343-1),
 *   unless principal-first is chosen; the 40 € indemnity takes no part in imputation;
 * - simple interest: no capitalisation (C. civ. 1343-2 needs a clause or a judgment).
 */
import { type Cents, type IsoDate, type Result, addDays, daysBetween, isLeapYear, ok } from '@amiable/domain';
import { type ExactCents, accrual, roundToCents } from './exact.js';
import { type HalfYear, addMonths, halfYearEnd, halfYearOf } from './half-year.js';
import { type LegalError, invalid } from './legal-error.js';
import { MAX_RATE_BP } from './rates/rate-row.js';
import type { RateTable } from './rates/rate-table.js';

export type DebtorKind = 'business' | 'consumer';
/** Who the creditor is decides which legal rate applies to a consumer debt (CMF L313-2). */
export type CreditorKind = 'company' | 'individual';
export type Imputation = 'interest-first' | 'principal-first';
export type DayCount = 'ACT/365' | 'ACT/ACT';
/** Commercial penalties (L441-10 II, from the due date) or legal interest (C. civ. 1231-6, from the formal notice). */
export type InterestRegime = 'penalties' | 'legal-interest';

export interface Payment {
  readonly date: IsoDate;
  readonly cents: Cents;
}

export interface LateInterestInput {
  readonly debtor: DebtorKind;
  /** Default: penalties for a business debtor, legal interest for a consumer. */
  readonly regime?: InterestRegime;
  /** Amount owed incl. tax (TTC: the penalty base in practice, french-law.md §1.6). */
  readonly principalCents: Cents;
  /** Business: penalties run from the day after. */
  readonly dueDate?: IsoDate | null;
  /** Legal interest runs from the day after the formal notice (C. civ. 1344-1), or after a judgment (C. civ. 1231-7). */
  readonly formalNoticeDate?: IsoDate | null;
  /** Computation date (included). */
  readonly until: IsoDate;
  readonly payments?: readonly Payment[];
  /** Business only: the contract's (CGV) penalty rate, instead of ECB + 10 points. */
  readonly contractRateBp?: number | null;
  readonly creditor?: CreditorKind;
  readonly imputation?: Imputation;
  readonly dayCount?: DayCount;
  /**
   * After a judgment ordering payment: the date it was served. Legal interest is
   * raised by 5 points from the expiry of two months after it (CMF L313-3).
   */
  readonly judgmentServedOn?: IsoDate | null;
}

export interface RatePeriod {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly days: number;
  readonly rateBp: number;
  readonly halfYear: HalfYear;
  /** Where the rate comes from, for letters and screens. */
  readonly basis: 'ecb-plus-10' | 'contract' | 'legal-other' | 'legal-individual' | 'legal-plus-5';
}

export type LateInterestWarning =
  /** A contract rate below 3 × the legal rate of a half-year (L441-10 II): flagged, not replaced. */
  | { readonly code: 'CONTRACT_RATE_BELOW_FLOOR'; readonly halfYear: HalfYear; readonly floorBp: number; readonly rateBp: number }
  /** The floor of a half-year could not be checked: the table lacks its legal rate. */
  | { readonly code: 'CONTRACT_RATE_FLOOR_UNCHECKED'; readonly halfYear: HalfYear }
  /** Payments exceed principal and interest: the surplus is the debtor's credit. */
  | { readonly code: 'OVERPAID'; readonly cents: Cents };

export interface LateInterestResult {
  /** Late days counted: start + 1 up to the computation date or the day the principal was cleared. */
  readonly daysLate: number;
  /** All interest accrued, rounded once. */
  readonly interestCents: Cents;
  readonly principalDueCents: Cents;
  readonly interestDueCents: Cents;
  readonly interestPaidCents: Cents;
  readonly principalPaidCents: Cents;
  readonly overpaidCents: Cents;
  readonly periods: readonly RatePeriod[];
  readonly warnings: readonly LateInterestWarning[];
}

export function regimeOf(input: Pick<LateInterestInput, 'debtor' | 'regime'>): InterestRegime {
  return input.regime ?? (input.debtor === 'business' ? 'penalties' : 'legal-interest');
}

function startOf(input: LateInterestInput): IsoDate | null {
  return (regimeOf(input) === 'penalties' ? input.dueDate : input.formalNoticeDate) ?? null;
}

/** Rates above 100 % or below 0 are typing errors. */
function checkInput(input: LateInterestInput): LegalError | null {
  if (!Number.isSafeInteger(input.principalCents) || input.principalCents < 0) return invalid('amount', 'negative_amount');
  if (regimeOf(input) === 'penalties' && input.debtor === 'consumer') return invalid('debtor', 'invalid_choice');
  if (!startOf(input)) return invalid(regimeOf(input) === 'penalties' ? 'due' : 'formalNotice', 'required');
  const rate = input.contractRateBp;
  if (rate !== undefined && rate !== null) {
    if (regimeOf(input) !== 'penalties') return invalid('rate', 'invalid_value');
    if (!Number.isSafeInteger(rate) || rate < 0 || rate > MAX_RATE_BP) return invalid('rate', 'out_of_range');
  }
  for (const [index, payment] of (input.payments ?? []).entries()) {
    if (!Number.isSafeInteger(payment.cents) || payment.cents <= 0) return invalid(`payments[${index}].amount`, 'invalid_amount');
    if (payment.date > input.until) return invalid(`payments[${index}].date`, 'after_until');
  }
  return null;
}

interface RateChoice {
  readonly rateBp: number;
  readonly basis: RatePeriod['basis'];
}

function rateOf(input: LateInterestInput, table: RateTable, halfYear: HalfYear, day: IsoDate): Result<RateChoice, LegalError> {
  const penalties = regimeOf(input) === 'penalties';
  if (penalties && input.contractRateBp !== undefined && input.contractRateBp !== null)
    return ok({ rateBp: input.contractRateBp, basis: 'contract' });
  const row = table.find(halfYear);
  if (!row.ok) return row;
  if (penalties) return ok({ rateBp: row.value.ecbMainRefinancingBp + 1_000, basis: 'ecb-plus-10' }); // L441-10 II: + 10 points
  if (input.judgmentServedOn && day >= majorationStart(input.judgmentServedOn)) {
    const base = input.creditor === 'individual' ? row.value.legalRateIndividualBp : row.value.legalRateOtherBp;
    return ok({ rateBp: base + 500, basis: 'legal-plus-5' }); // CMF L313-3: + 5 points
  }
  return input.creditor === 'individual'
    ? ok({ rateBp: row.value.legalRateIndividualBp, basis: 'legal-individual' })
    : ok({ rateBp: row.value.legalRateOtherBp, basis: 'legal-other' });
}

/** CMF L313-3: "à l'expiration d'un délai de deux mois" after service — the first day after those two months. */
export function majorationStart(servedOn: IsoDate): IsoDate {
  return addDays(addMonths(servedOn, 2), 1);
}

/** Where a new rate period must start inside [from, to]: 1 January, 1 July, and the L313-3 majoration day. */
function nextRateBoundary(from: IsoDate, input: LateInterestInput): IsoDate {
  let boundary = addDays(halfYearEnd(halfYearOf(from)), 1);
  if (input.judgmentServedOn) {
    const raised = majorationStart(input.judgmentServedOn);
    if (raised > from && raised < boundary) boundary = raised;
  }
  return boundary;
}

export function computeLateInterest(input: LateInterestInput, table: RateTable): Result<LateInterestResult, LegalError> {
  const problem = checkInput(input);
  if (problem) return { ok: false, error: problem };
  const start = startOf(input) as IsoDate;
  const payments = [...(input.payments ?? [])].sort((a, b) => a.date.localeCompare(b.date));
  const imputation = input.imputation ?? 'interest-first';
  let principal = input.principalCents;
  let accrued: ExactCents = 0n;
  let interestPaid = 0;
  let principalPaid = 0;
  let overpaid = 0;

  const pay = (cents: number) => {
    const interestDue = roundToCents(accrued) - interestPaid;
    let rest = cents;
    const take = (due: number) => {
      const part = Math.min(rest, Math.max(0, due));
      rest -= part;
      return part;
    };
    if (imputation === 'interest-first') {
      interestPaid += take(interestDue);
      const toPrincipal = take(principal);
      principal -= toPrincipal;
      principalPaid += toPrincipal;
    } else {
      const toPrincipal = take(principal);
      principal -= toPrincipal;
      principalPaid += toPrincipal;
      interestPaid += take(interestDue);
    }
    overpaid += rest;
  };

  // Payments on or before the start day reduce the principal before any interest runs.
  let next = 0;
  while (next < payments.length && (payments[next] as Payment).date <= start) pay((payments[next++] as Payment).cents);

  const periods: RatePeriod[] = [];
  const warnings: LateInterestWarning[] = [];
  const flagged = new Set<HalfYear>();
  let daysLate = 0;
  let day = addDays(start, 1);
  while (day <= input.until && principal > 0) {
    // A segment: same half-year, same rate, same principal (ends at a boundary, a payment day or `until`).
    const boundary = nextRateBoundary(day, input);
    const payment = payments[next];
    let last = addDays(boundary, -1);
    if (payment && payment.date < last) last = payment.date;
    if (input.until < last) last = input.until;
    const halfYear = halfYearOf(day);
    const rate = rateOf(input, table, halfYear, day);
    if (!rate.ok) return rate;
    if (rate.value.basis === 'contract' && !flagged.has(halfYear)) {
      flagged.add(halfYear);
      const row = table.find(halfYear);
      if (!row.ok) warnings.push({ code: 'CONTRACT_RATE_FLOOR_UNCHECKED', halfYear });
      else if (rate.value.rateBp < 3 * row.value.legalRateOtherBp)
        // L441-10 II: a contractual rate may not be below three times the legal rate.
        warnings.push({ code: 'CONTRACT_RATE_BELOW_FLOOR', halfYear, floorBp: 3 * row.value.legalRateOtherBp, rateBp: rate.value.rateBp });
    }
    const days = daysBetween(day, last) + 1;
    accrued += accrueDays(principal, rate.value.rateBp, day, days, input.dayCount ?? 'ACT/365');
    daysLate += days;
    const previous = periods[periods.length - 1];
    if (previous && previous.halfYear === halfYear && previous.rateBp === rate.value.rateBp && previous.to === addDays(day, -1))
      periods[periods.length - 1] = { ...previous, to: last, days: previous.days + days };
    else periods.push({ from: day, to: last, days, rateBp: rate.value.rateBp, halfYear, basis: rate.value.basis });
    while (next < payments.length && (payments[next] as Payment).date === last) pay((payments[next++] as Payment).cents);
    day = addDays(last, 1);
  }
  // Payments after the principal was cleared (or after the last late day) still pay interest, then count as credit.
  while (next < payments.length) pay((payments[next++] as Payment).cents);

  const interest = roundToCents(accrued);
  if (overpaid > 0) warnings.push({ code: 'OVERPAID', cents: overpaid });
  return ok({
    daysLate,
    interestCents: interest,
    principalDueCents: principal,
    interestDueCents: interest - interestPaid,
    interestPaidCents: interestPaid,
    principalPaidCents: principalPaid,
    overpaidCents: overpaid,
    periods,
    warnings,
  });
}

/** Interest of `days` days from `from` (all in one half-year, hence one calendar year). */
function accrueDays(principal: number, rateBp: number, from: IsoDate, days: number, dayCount: DayCount): ExactCents {
  const yearDays = dayCount === 'ACT/ACT' && isLeapYear(Number(from.slice(0, 4))) ? 366 : 365;
  return accrual(principal, rateBp, days, yearDays);
}

import type { HalfYear } from '../half-year.js';

/** The official rates of one half-year, in basis points, with where they come from. */
export interface RateRow {
  readonly halfYear: HalfYear;
  /** ECB main refinancing operations rate in force on 1 January (H1) or 1 July (H2). */
  readonly ecbMainRefinancingBp: number;
  /** Legal interest rate when the creditor is a natural person acting outside their profession (CMF L313-2). */
  readonly legalRateIndividualBp: number;
  /** Legal interest rate in every other case (CMF L313-2). */
  readonly legalRateOtherBp: number;
  readonly sources: { readonly ecb: string; readonly legal: string };
  /** Set when a tenant administrator added or corrected the row: who, when. */
  readonly override?: { readonly by: string; readonly at: string } | undefined;
}

/** Rates are at most 100 % (10 000 bp): anything else is a typing error, not a rate. */
export const MAX_RATE_BP = 10_000;

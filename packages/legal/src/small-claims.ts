/**
 * The simplified procedure for small claims (procédure simplifiée de recouvrement des
 * petites créances), run by a commissaire de justice: CPCE L125-1 (a claim with a
 * contractual cause or from a statutory obligation) and R125-1 ("le montant de la
 * créance en principal et intérêts ne doit pas excéder 5 000 euros": the limit is
 * included). Conservative reading where the text is silent: every amount claimed
 * besides the principal (penalties, the 40 € indemnity) counts with the interest.
 */
import type { Cents } from '@amiable/domain';

/** CPCE R125-1: 5 000 € since 1 January 2020 (décret 2019-1333). */
export const SMALL_CLAIMS_LIMIT_CENTS: Cents = 500_000;

export type ClaimCause = 'contractual' | 'statutory' | 'other';

export interface SmallClaimsInput {
  readonly principalCents: Cents;
  readonly interestCents: Cents;
  readonly cause?: ClaimCause;
}

export interface SmallClaimsEligibility {
  readonly eligible: boolean;
  readonly totalCents: Cents;
  readonly limitCents: Cents;
  readonly reason: 'within-limit' | 'over-limit' | 'cause-not-eligible';
}

export function smallClaimsEligibility(input: SmallClaimsInput): SmallClaimsEligibility {
  const totalCents = input.principalCents + input.interestCents;
  const base = { totalCents, limitCents: SMALL_CLAIMS_LIMIT_CENTS };
  if ((input.cause ?? 'contractual') === 'other') return { ...base, eligible: false, reason: 'cause-not-eligible' };
  return totalCents <= SMALL_CLAIMS_LIMIT_CENTS
    ? { ...base, eligible: true, reason: 'within-limit' }
    : { ...base, eligible: false, reason: 'over-limit' };
}

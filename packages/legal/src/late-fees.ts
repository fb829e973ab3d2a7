/**
 * The calculator's answer for one claim: interest (computeLateInterest), the 40 €
 * indemnity (recoveryIndemnity) and the articles the figures rest on.
 */
import { type Cents, type Result, ok } from '@amiable/domain';
import { type LateInterestInput, type LateInterestResult, computeLateInterest, regimeOf } from './late-interest.js';
import type { LegalError } from './legal-error.js';
import type { RateTable } from './rates/rate-table.js';
import { recoveryIndemnity } from './recovery-indemnity.js';

export interface LateFees extends LateInterestResult {
  readonly indemnityCents: Cents;
  readonly articles: readonly string[];
}

export function computeLateFees(
  input: LateInterestInput & { readonly collectiveProceedingsSince?: string | null },
  table: RateTable,
): Result<LateFees, LegalError> {
  const interest = computeLateInterest(input, table);
  if (!interest.ok) return interest;
  const dueDate = input.dueDate ?? null;
  const paidByDue = dueDate ? (input.payments ?? []).filter((p) => p.date <= dueDate).reduce((sum, p) => sum + p.cents, 0) : 0;
  const indemnity = recoveryIndemnity({
    debtor: input.debtor,
    dueDate,
    until: input.until,
    unpaidAfterDueCents: input.principalCents - paidByDue,
    collectiveProceedingsSince: input.collectiveProceedingsSince ?? null,
  });
  const articles =
    regimeOf(input) === 'penalties'
      ? ['C. com. L441-10 II', ...(indemnity.cents > 0 ? ['C. com. D441-5'] : [])]
      : ['C. civ. 1231-6', 'C. civ. 1344-1', 'CMF L313-2', ...(input.judgmentServedOn ? ['CMF L313-3'] : [])];
  // Principal-first imputation is the parties' agreement, not a rule of law: no article to cite.
  if ((input.payments ?? []).length > 0 && (input.imputation ?? 'interest-first') === 'interest-first') articles.push('C. civ. 1343-1');
  return ok({ ...interest.value, indemnityCents: indemnity.cents, articles });
}

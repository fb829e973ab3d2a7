/**
 * The fixed recovery indemnity (indemnité forfaitaire pour frais de recouvrement).
 * C. com. L441-10 II: every professional paying late owes it "de plein droit"; D441-5:
 * 40 €. Due per invoice paid late or still unpaid after its due date — also when part
 * was paid on time (DGCCRF note 2012-164; CJEU C-585/20). Never from a consumer. Not
 * while safeguard, reorganisation or liquidation proceedings forbid paying the claim
 * at its due date (L441-10 II). Costs above 40 € may be claimed on justification: they
 * are not computed here.
 */
import type { Cents, IsoDate } from '@amiable/domain';
import type { DebtorKind } from './late-interest.js';

/** C. com. D441-5: 40 € per late invoice. */
export const RECOVERY_INDEMNITY_CENTS: Cents = 4_000;

export interface IndemnityInput {
  readonly debtor: DebtorKind;
  readonly dueDate: IsoDate | null;
  /** Computation date. */
  readonly until: IsoDate;
  /** Amount still unpaid on the due date evening (after payments dated on or before it). */
  readonly unpaidAfterDueCents: Cents;
  /** Collective proceedings opened against the debtor before the due date forbid paying it (C. com. L622-7). */
  readonly collectiveProceedingsSince?: IsoDate | null;
}

export type IndemnityReason = 'late' | 'consumer' | 'not-late' | 'no-due-date' | 'collective-proceedings';

export function recoveryIndemnity(input: IndemnityInput): { readonly cents: Cents; readonly reason: IndemnityReason } {
  if (input.debtor === 'consumer') return { cents: 0, reason: 'consumer' };
  if (!input.dueDate) return { cents: 0, reason: 'no-due-date' };
  if (input.until <= input.dueDate || input.unpaidAfterDueCents <= 0) return { cents: 0, reason: 'not-late' };
  if (input.collectiveProceedingsSince && input.collectiveProceedingsSince <= input.dueDate)
    return { cents: 0, reason: 'collective-proceedings' };
  return { cents: RECOVERY_INDEMNITY_CENTS, reason: 'late' };
}

/**
 * A tenant administrator adds a half-year the shipped rates table lacks (2026-H2
 * until its arrêté is confirmed) or corrects one. The change is logged with the
 * previous and new values; computations of the tenant use it from then on.
 */
import { type Result, invalid, issue, ok } from '@amiable/domain';
import { MAX_RATE_BP, type RateRow, isHalfYear } from '@amiable/legal';
import type { UseCaseContext } from '../actor.js';
import type { LedgerStore } from '../ports.js';
import { recordActivity } from '../record-activity.js';

export interface HalfYearRatesInput {
  readonly halfYear: string;
  readonly ecbMainRefinancingBp: number;
  readonly legalRateIndividualBp: number;
  readonly legalRateOtherBp: number;
  readonly source: string;
}

export async function setHalfYearRates(input: HalfYearRatesInput, ctx: UseCaseContext, store: LedgerStore): Promise<Result<RateRow>> {
  const issues = [];
  if (!isHalfYear(input.halfYear)) issues.push(issue('halfYear', 'invalid_format', { expected: 'YYYY-H1 | YYYY-H2' }));
  for (const field of ['ecbMainRefinancingBp', 'legalRateIndividualBp', 'legalRateOtherBp'] as const) {
    const value = input[field];
    if (!Number.isSafeInteger(value) || value < 0 || value > MAX_RATE_BP) issues.push(issue(field, 'out_of_range', { min: 0, max: 100 }));
  }
  const source = input.source.trim();
  if (source.length < 3) issues.push(issue('source', 'required'));
  else if (source.length > 500) issues.push(issue('source', 'too_long', { max: 500 }));
  if (issues.length > 0) return invalid(issues);

  const now = ctx.clock.now();
  const before = await store.rates.get(input.halfYear);
  const row: RateRow = {
    halfYear: input.halfYear,
    ecbMainRefinancingBp: input.ecbMainRefinancingBp,
    legalRateIndividualBp: input.legalRateIndividualBp,
    legalRateOtherBp: input.legalRateOtherBp,
    sources: { ecb: source, legal: source },
    override: { by: ctx.actor.label, at: now.toISOString() },
  };
  await store.rates.upsert(row);
  const values = (r: RateRow | null) =>
    r && {
      ecbBp: r.ecbMainRefinancingBp,
      legalIndividualBp: r.legalRateIndividualBp,
      legalOtherBp: r.legalRateOtherBp,
      source: r.sources.legal,
    };
  await recordActivity(
    store,
    ctx,
    {
      debtorId: null,
      action: 'rates.half-year-set',
      subjectType: 'rates',
      subjectId: null,
      details: { halfYear: input.halfYear, before: values(before), after: values(row) },
    },
    now,
  );
  return ok(row);
}

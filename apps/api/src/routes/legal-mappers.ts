import type { RatePeriod, RateRow } from '@amiable/legal';
import { formatRatePercent } from '@amiable/legal';

/** C. com. L441-10 II: a contract rate may not be below 3 × the legal rate ("autres cas"). */
export function rateRowDto(row: RateRow) {
  return {
    halfYear: row.halfYear,
    ecbRate: formatRatePercent(row.ecbMainRefinancingBp),
    b2bDefaultRate: formatRatePercent(row.ecbMainRefinancingBp + 1_000),
    legalRateIndividual: formatRatePercent(row.legalRateIndividualBp),
    legalRateOther: formatRatePercent(row.legalRateOtherBp),
    contractRateFloor: formatRatePercent(3 * row.legalRateOtherBp),
    sources: { ecb: row.sources.ecb, legal: row.sources.legal },
    origin: row.override ? ('tenant' as const) : ('shipped' as const),
    updatedBy: row.override?.by ?? null,
    updatedAt: row.override?.at ?? null,
  };
}

export function periodDto(p: RatePeriod) {
  return { from: p.from, to: p.to, days: p.days, ratePercent: formatRatePercent(p.rateBp), halfYear: p.halfYear, basis: p.basis };
}

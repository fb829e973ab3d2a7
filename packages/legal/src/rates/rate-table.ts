/**
 * The rates a computation uses: the shipped table, with the tenant's own rows
 * (added or corrected half-years) taking precedence. A half-year in neither is
 * an error naming it — never a guess from a neighbouring half-year.
 */
import { type Result, ok } from '@amiable/domain';
import type { HalfYear } from '../half-year.js';
import { type LegalError, rateMissing } from '../legal-error.js';
import type { RateRow } from './rate-row.js';
import { SHIPPED_RATES } from './shipped-rates.js';

export interface RateTable {
  /** Every known half-year, oldest first (shipped rows replaced by overrides). */
  readonly rows: readonly RateRow[];
  find(halfYear: HalfYear): Result<RateRow, LegalError>;
}

export function rateTable(overrides: readonly RateRow[] = [], shipped: readonly RateRow[] = SHIPPED_RATES): RateTable {
  const byHalfYear = new Map<HalfYear, RateRow>();
  for (const row of shipped) byHalfYear.set(row.halfYear, row);
  for (const row of overrides) byHalfYear.set(row.halfYear, row);
  const rows = [...byHalfYear.values()].sort((a, b) => a.halfYear.localeCompare(b.halfYear));
  return {
    rows,
    find(halfYear) {
      const row = byHalfYear.get(halfYear);
      return row ? ok(row) : rateMissing(halfYear);
    },
  };
}

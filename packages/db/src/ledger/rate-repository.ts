import type { LedgerStore } from '@amiable/ledger';
import type { RateRow } from '@amiable/legal';
import { sql } from '../sql.js';
import type { Queryable, Tx } from '../tenant-transaction.js';

interface RateOverrideRow {
  half_year: string;
  ecb_mro_bp: number;
  legal_individual_bp: number;
  legal_other_bp: number;
  source: string;
  updated_by_label: string;
  updated_at: Date;
}

function rateOf(row: RateOverrideRow): RateRow {
  return {
    halfYear: row.half_year,
    ecbMainRefinancingBp: row.ecb_mro_bp,
    legalRateIndividualBp: row.legal_individual_bp,
    legalRateOtherBp: row.legal_other_bp,
    sources: { ecb: row.source, legal: row.source },
    override: { by: row.updated_by_label, at: row.updated_at.toISOString() },
  };
}

/** The tenant's own rows of the rates table, oldest half-year first. */
export async function listRateOverrides(db: Queryable): Promise<RateRow[]> {
  return (await db.query<RateOverrideRow>(sql`SELECT * FROM amiable.rate_override ORDER BY half_year`)).map(rateOf);
}

export function rateRepository(tx: Tx): LedgerStore['rates'] {
  return {
    async get(halfYear) {
      const row = await tx.maybeOne<RateOverrideRow>(sql`SELECT * FROM amiable.rate_override WHERE half_year = ${halfYear}`);
      return row ? rateOf(row) : null;
    },
    async upsert(row) {
      await tx.execute(sql`INSERT INTO amiable.rate_override
          (tenant_id, half_year, ecb_mro_bp, legal_individual_bp, legal_other_bp, source, updated_by_label, updated_at)
        VALUES (${tx.tenantId}, ${row.halfYear}, ${row.ecbMainRefinancingBp}, ${row.legalRateIndividualBp}, ${row.legalRateOtherBp},
          ${row.sources.legal}, ${row.override?.by ?? ''}, ${row.override?.at ?? new Date(0).toISOString()})
        ON CONFLICT (tenant_id, half_year) DO UPDATE SET ecb_mro_bp = EXCLUDED.ecb_mro_bp,
          legal_individual_bp = EXCLUDED.legal_individual_bp, legal_other_bp = EXCLUDED.legal_other_bp,
          source = EXCLUDED.source, updated_by_label = EXCLUDED.updated_by_label, updated_at = EXCLUDED.updated_at`);
    },
  };
}

import type { IdGenerator } from '@amiable/domain';
import { DEFAULT_SCENARIOS, type ScenarioStep, type Templates, orderedSteps } from '@amiable/recovery';
import { sql } from '../sql.js';
import type { Queryable, Tx } from '../tenant-transaction.js';

/**
 * A step as stored: its message templates and, optionally, the letter it sends — the
 * letter type of a letter step, or the letter an e-mail step sends as its HTML
 * version with the PDF attached (docs/letters.md).
 */
export type StoredStep = ScenarioStep & { readonly templates?: Templates; readonly letter?: string | null };

export interface ScenarioRecord {
  readonly id: string;
  readonly key: string | null;
  readonly name: string;
  readonly description: string | null;
  readonly isDefault: boolean;
  readonly steps: readonly StoredStep[];
  readonly updatedAt: Date;
}

interface ScenarioRow {
  id: string;
  key: string | null;
  name: string;
  description: string | null;
  is_default: boolean;
  steps: StoredStep[];
  updated_at: Date;
}

const scenarioOf = (r: ScenarioRow): ScenarioRecord => ({
  id: r.id,
  key: r.key,
  name: r.name,
  description: r.description,
  isDefault: r.is_default,
  steps: r.steps,
  updatedAt: r.updated_at,
});

/** The three French scenarios, installed once per tenant (concurrent callers: one wins, the others find them). */
export async function ensureDefaultScenarios(tx: Tx, now: Date, ids: IdGenerator): Promise<void> {
  const existing = await tx.maybeOne<{ n: number }>(sql`SELECT count(*)::int AS n FROM amiable.scenario`);
  if (existing && existing.n > 0) return;
  for (const s of DEFAULT_SCENARIOS) {
    await tx.execute(sql`INSERT INTO amiable.scenario (tenant_id, id, key, name, description, steps, is_default, created_at, updated_at)
      VALUES (${tx.tenantId}, ${ids.newId()}, ${s.key}, ${s.name}, ${s.description}, ${JSON.stringify(s.steps)}::jsonb, ${s.isDefault}, ${now}, ${now})
      ON CONFLICT DO NOTHING`);
  }
}

export async function listScenarios(db: Queryable): Promise<ScenarioRecord[]> {
  return (
    await db.query<ScenarioRow>(
      sql`SELECT id, key, name, description, is_default, steps, updated_at FROM amiable.scenario ORDER BY is_default DESC, name`,
    )
  ).map(scenarioOf);
}

/** Steps in the order invoices go through them. */
export function stepsOf(scenario: Pick<ScenarioRecord, 'steps'>): readonly StoredStep[] {
  return orderedSteps({ steps: scenario.steps }) as readonly StoredStep[];
}

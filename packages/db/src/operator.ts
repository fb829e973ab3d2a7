/** Operator queries (CLI), run with the admin pool: never reachable from the API. */
import type pg from 'pg';
import { sql } from './sql.js';
import { withoutTenant } from './tenant-transaction.js';

export interface TenantListing {
  readonly id: string;
  readonly name: string;
  readonly kind: 'company' | 'agency';
  readonly createdAt: Date;
}

export function listAllTenants(adminPool: pg.Pool): Promise<TenantListing[]> {
  return withoutTenant(adminPool, async (db) =>
    (
      await db.query<{ id: string; name: string; kind: 'company' | 'agency'; created_at: Date }>(
        sql`SELECT * FROM amiable.operator_tenants()`,
      )
    ).map((row) => ({
      id: row.id,
      name: row.name,
      kind: row.kind,
      createdAt: row.created_at,
    })),
  );
}

/**
 * Asks for one planning job per tenant for `date` (the morning cron), keyed by tenant
 * and day: a repeated tick, or several workers ticking, plans each tenant once.
 */
export async function enqueueTenantPlanning(adminPool: pg.Pool, task: string, tenantIds: readonly string[], date: string): Promise<void> {
  for (const tenantId of tenantIds)
    await adminPool.query(
      "SELECT graphile_worker.add_job($1, json_build_object('tenantId', $2::text, 'date', $3::text), job_key => $4, max_attempts => 5)",
      [task, tenantId, date, `plan:${tenantId}:${date}`],
    );
}

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

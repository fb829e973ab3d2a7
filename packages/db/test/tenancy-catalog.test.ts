import { APP_ROLE, findTenancyViolations, inTenant, queryable, sql } from '@amiable/db';
import { createTestDatabase, type TestDatabase } from '@amiable/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

async function violations(): Promise<string[]> {
  const client = await db.admin.connect();
  try {
    return await findTenancyViolations(queryable(client));
  } finally {
    client.release();
  }
}

describe('tenancy catalog', () => {
  it('finds no table of the application schema breaking the tenancy rules', async () => {
    expect(await violations()).toEqual([]);
  });

  it('runs application queries as a role that owns nothing and cannot bypass row-level security', async () => {
    const row = await inTenant(db.app, { tenantId: '00000000-0000-7000-8000-000000000001' }, (tx) =>
      tx.one<{ role: string; superuser: boolean; bypass: boolean }>(sql`
        SELECT current_user AS role, r.rolsuper AS superuser, r.rolbypassrls AS bypass
        FROM pg_roles r WHERE r.rolname = current_user`),
    );
    expect(row).toEqual({ role: APP_ROLE, superuser: false, bypass: false });
  });

  it('catches each kind of violation when a table breaks a rule', async () => {
    const client = await db.admin.connect();
    try {
      await client.query('BEGIN');
      await client.query(`
        CREATE TABLE amiable.bad_no_rls (tenant_id uuid NOT NULL, id uuid NOT NULL, PRIMARY KEY (tenant_id, id));
        CREATE TABLE amiable.bad_unique (tenant_id uuid NOT NULL, id uuid NOT NULL, code text UNIQUE, PRIMARY KEY (tenant_id, id));
        ALTER TABLE amiable.bad_unique ENABLE ROW LEVEL SECURITY;
        CREATE POLICY open ON amiable.bad_unique USING (true);
        CREATE TABLE amiable.bad_fk (tenant_id uuid, id uuid PRIMARY KEY, debtor_id uuid);
        ALTER TABLE amiable.bad_fk ADD UNIQUE (tenant_id, id);
        ALTER TABLE amiable.bad_fk ENABLE ROW LEVEL SECURITY; ALTER TABLE amiable.bad_fk FORCE ROW LEVEL SECURITY;
        CREATE POLICY tenant_isolation ON amiable.bad_fk USING (tenant_id = amiable.current_tenant_id());
        CREATE UNIQUE INDEX bad_debtor_id ON amiable.debtor (id);
        ALTER TABLE amiable.bad_fk ADD FOREIGN KEY (debtor_id) REFERENCES amiable.debtor (id);
        CREATE VIEW amiable.bad_view AS SELECT id FROM amiable.debtor;
      `);
      const found = await findTenancyViolations(queryable(client));
      await client.query('ROLLBACK');
      expect(found).toEqual(
        expect.arrayContaining([
          'table bad_no_rls does not enable row-level security',
          'table bad_no_rls does not force row-level security',
          'table bad_no_rls has no policy',
          'table bad_unique does not force row-level security',
          'table bad_unique: policy open does not filter on current_tenant_id()',
          'table bad_unique: unique index bad_unique_code_key lacks tenant_id',
          'table bad_fk: tenant_id is nullable',
          'table bad_fk: unique index bad_fk_pkey lacks tenant_id',
          'table bad_fk: foreign key bad_fk_debtor_id_fkey to debtor lacks tenant_id',
          'table debtor: unique index bad_debtor_id lacks tenant_id',
          'view bad_view is not security_invoker',
        ]),
      );
    } finally {
      client.release();
    }
  });
});

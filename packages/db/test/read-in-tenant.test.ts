/**
 * The one-round-trip read path: literals that cannot break out of their
 * quotes, the same row-level security as inTenant, and a connection left
 * clean after success or failure.
 */
import { prepared, queryable, readInTenant, sql, sqlLiteral } from '@amiable/db';
import { type TenantFixture, type TestDatabase, createTestDatabase, tenantWithCreditor } from '@amiable/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let db: TestDatabase;
let a: TenantFixture;
let b: TenantFixture;
beforeAll(async () => {
  db = await createTestDatabase();
  a = await tenantWithCreditor(db, { legalName: 'Alpha SAS' });
  b = await tenantWithCreditor(db, { legalName: 'Bravo SAS' });
});
afterAll(async () => {
  await db.drop();
});

describe('readInTenant', () => {
  it('sends any string as a literal that PostgreSQL reads back unchanged', async () => {
    const client = await db.admin.connect();
    try {
      const q = queryable(client);
      await fc.assert(
        fc.asyncProperty(
          fc.string({ unit: 'binary', maxLength: 40 }).map((s) => s.replaceAll(String.fromCharCode(0), '')),
          async (text) => {
            const row = await q.one<{ v: string }>({ text: `SELECT ${sqlLiteral(text)}::text AS v`, values: [] });
            expect(row.v).toBe(text);
          },
        ),
        { numRuns: 200 },
      );
      expect(sqlLiteral("'); DROP TABLE amiable.invoice; --")).toBe("'''); DROP TABLE amiable.invoice; --'");
    } finally {
      client.release();
    }
    expect(() => sqlLiteral({})).toThrow(TypeError);
    expect(() => sqlLiteral(Number.NaN)).toThrow(RangeError);
  });

  it("reads only the tenant's rows, as inTenant does, and leaves no tenant on the connection", async () => {
    const query = prepared(
      sql`SELECT legal_name FROM amiable.creditor WHERE legal_name LIKE ${'%SAS'} ORDER BY legal_name`,
      'test_creditors',
    );
    for (let i = 0; i < 3; i++) {
      expect(await readInTenant(db.app, { tenantId: a.tenantId }, query)).toEqual([{ legal_name: 'Alpha SAS' }]);
      expect(await readInTenant(db.app, { tenantId: b.tenantId }, query)).toEqual([{ legal_name: 'Bravo SAS' }]);
    }
    const leftovers = await Promise.all(
      Array.from({ length: 10 }, async () => {
        const client = await db.app.connect();
        try {
          return (
            await client.query(
              "SELECT coalesce(current_setting('amiable.tenant_id', true), '') AS t, count(*)::int AS n FROM amiable.creditor",
            )
          ).rows[0];
        } finally {
          client.release();
        }
      }),
    );
    expect(leftovers.every((row) => row.t === '' && row.n === 0)).toBe(true);
  });

  it('refuses to write, and recovers the connection after a failed statement', async () => {
    const write = prepared(sql`UPDATE amiable.creditor SET legal_name = ${'X'} RETURNING id`, 'test_write');
    await expect(readInTenant(db.app, { tenantId: a.tenantId }, write)).rejects.toThrow(/read-only transaction/);
    const broken = prepared(sql`SELECT 1 / ${0}::int AS x`, 'test_division');
    await expect(readInTenant(db.app, { tenantId: a.tenantId }, broken)).rejects.toThrow(/division by zero/);
    const ok = prepared(sql`SELECT count(*)::int AS n FROM amiable.creditor`, 'test_count');
    for (let i = 0; i < 12; i++) expect(await readInTenant(db.app, { tenantId: a.tenantId }, ok)).toEqual([{ n: 1 }]);
  });
});

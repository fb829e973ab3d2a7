/**
 * The near-prescription filter runs the prescription rule in SQL
 * (amiable.prescription_last_day); it must agree with the legal engine's
 * prescriptionOf on every start, period and set of interruptions.
 */
import { addDays } from '@amiable/domain';
import { prescriptionOf } from '@amiable/legal';
import { type TestDatabase, createTestDatabase } from '@amiable/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

describe('amiable.prescription_last_day', () => {
  it('agrees with prescriptionOf, 29 February and interruptions after expiry included', async () => {
    const day = (from: string, max: number) => fc.integer({ min: 0, max }).map((n) => addDays(from, n));
    await fc.assert(
      fc.asyncProperty(
        day('2012-01-01', 5000),
        fc.array(fc.integer({ min: -100, max: 4000 }), { maxLength: 5 }),
        fc.constantFrom('business', 'consumer') as fc.Arbitrary<'business' | 'consumer'>,
        async (start, offsets, debtor) => {
          const interruptions = offsets.map((n) => addDays(start, n));
          const expected = prescriptionOf({ debtor, start, interruptions }).lastDay;
          const { rows } = await db.app.query('SELECT amiable.prescription_last_day($1::date, $2, $3::date[])::text AS d', [
            start,
            debtor === 'consumer' ? 2 : 5,
            interruptions,
          ]);
          expect(rows[0].d).toBe(expected);
        },
      ),
      { numRuns: 200 },
    );
    const { rows } = await db.app.query("SELECT amiable.prescription_last_day('2024-02-29', 2, '{}')::text AS d");
    expect(rows[0].d).toBe('2026-02-28');
  });
});

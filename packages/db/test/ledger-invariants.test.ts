/**
 * What the database itself guarantees about the ledger, whatever the code
 * above it does: sums maintained only by triggers, no over-allocation even
 * under concurrency, an append-only activity log, and SQL filters that agree
 * with the domain's definitions of status and aging.
 */
import { AGING_BUCKETS, INVOICE_STATUSES, addDays, agingBucketOf, invoiceStatusOf } from '@amiable/domain';
import { inTenant, ledgerStore, listInvoices, queryable, sql } from '@amiable/db';
import { allocate, createDebtor, createInvoice, openDispute, recordPayment, reverseAllocation, reversePayment } from '@amiable/ledger';
import { type TenantFixture, type TestDatabase, createTestDatabase, tenantWithCreditor } from '@amiable/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let db: TestDatabase;
let fixture: TenantFixture;
let debtorId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  fixture = await tenantWithCreditor(db);
  debtorId = await run(async (store) => {
    const d = await createDebtor({ kind: 'business', name: 'Invariants SAS' }, fixture.ctx, store);
    if (!d.ok) throw new Error('debtor');
    return d.value.id;
  });
});
afterAll(async () => {
  await db.drop();
});

function run<T>(
  fn: (store: ReturnType<typeof ledgerStore>, tx: Parameters<Parameters<typeof inTenant<T>>[2]>[0]) => Promise<T>,
): Promise<T> {
  return inTenant(db.app, { tenantId: fixture.tenantId }, (tx) => fn(ledgerStore(tx), tx));
}

let counter = 0;
async function newInvoice(amountCents: number, dueDate = '2026-10-01'): Promise<string> {
  counter++;
  return run(async (store) => {
    const r = await createInvoice(
      {
        creditorId: fixture.creditor.id,
        debtorId,
        number: `INV-${counter}`,
        issueDate: '2026-09-01',
        dueDate,
        amountInclTaxCents: amountCents,
      },
      fixture.ctx,
      store,
    );
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.value.id;
  });
}

describe('ledger sums', () => {
  it('cannot be written by the application role, only by the allocation triggers', async () => {
    const id = await newInvoice(1000);
    await expect(run((_, tx) => tx.execute(sql`UPDATE amiable.invoice SET settled_cents = 1000 WHERE id = ${id}`))).rejects.toThrow(
      /permission denied/,
    );
    await expect(run((_, tx) => tx.execute(sql`UPDATE amiable.payment SET allocated_cents = 0`))).rejects.toThrow(/permission denied/);
    await expect(run((_, tx) => tx.execute(sql`DELETE FROM amiable.allocation`))).rejects.toThrow(/permission denied|append-only/);
  });

  it('always equal the active allocations, through any sequence of payments, allocations and reversals', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.record({
              kind: fc.constant('pay' as const),
              cents: fc.integer({ min: 1, max: 50_000 }),
              invoice: fc.nat(2),
              part: fc.integer({ min: 1, max: 100 }),
            }),
            fc.record({ kind: fc.constant('reverse-payment' as const), index: fc.nat() }),
            fc.record({ kind: fc.constant('reverse-allocation' as const), index: fc.nat() }),
          ),
          { minLength: 1, maxLength: 12 },
        ),
        async (operations) => {
          const invoices = [await newInvoice(30_000), await newInvoice(12_345), await newInvoice(99)];
          const payments: string[] = [];
          const allocations: string[] = [];
          for (const op of operations) {
            await run(async (store) => {
              if (op.kind === 'pay') {
                const invoice = invoices[op.invoice] ?? '';
                const paid = await recordPayment(
                  { creditorId: fixture.creditor.id, debtorId, amountCents: op.cents, receivedOn: '2026-11-01', method: 'transfer' },
                  fixture.ctx,
                  store,
                );
                if (!paid.ok) return paid;
                payments.push(paid.value.payment.id);
                const current = await store.invoices.get(invoice);
                const amount = Math.min(Math.ceil((op.cents * op.part) / 100), current?.outstandingCents ?? 0);
                if (amount > 0) {
                  const allocated = await allocate({ kind: 'payment', id: paid.value.payment.id }, invoice, amount, fixture.ctx, store);
                  if (allocated.ok) allocations.push(allocated.value.id);
                }
              } else if (op.kind === 'reverse-payment' && payments.length > 0) {
                await reversePayment(payments[op.index % payments.length] ?? '', 'rejet', fixture.ctx, store);
              } else if (op.kind === 'reverse-allocation' && allocations.length > 0) {
                await reverseAllocation(allocations[op.index % allocations.length] ?? '', 'erreur', fixture.ctx, store);
              }
              return null;
            });
          }
          const drift = await run((_, tx) =>
            tx.query(sql`
              SELECT i.id FROM amiable.invoice i
              WHERE i.settled_cents <> coalesce((SELECT sum(a.amount_cents) FROM amiable.allocation a WHERE a.invoice_id = i.id AND a.reversed_at IS NULL), 0)
                 OR i.outstanding_cents < 0
              UNION ALL
              SELECT p.id FROM amiable.payment p
              WHERE p.allocated_cents <> coalesce((SELECT sum(a.amount_cents) FROM amiable.allocation a WHERE a.payment_id = p.id AND a.reversed_at IS NULL), 0)
                 OR p.allocated_cents > p.amount_cents OR (p.reversed_at IS NOT NULL AND p.allocated_cents <> 0)`),
          );
          expect(drift).toEqual([]);
        },
      ),
      { numRuns: 15 },
    );
  });

  it('never settles more than is owed, even when two payments race for the same invoice', async () => {
    const invoice = await newInvoice(10_000);
    const payments = await Promise.all(
      [1, 2].map(() =>
        run(async (store) => {
          const paid = await recordPayment(
            { creditorId: fixture.creditor.id, debtorId, amountCents: 8_000, receivedOn: '2026-11-01', method: 'transfer' },
            fixture.ctx,
            store,
          );
          if (!paid.ok) throw new Error('payment');
          return paid.value.payment.id;
        }),
      ),
    );
    const results = await Promise.all(
      payments.map((payment) => run((store) => allocate({ kind: 'payment', id: payment }, invoice, 8_000, fixture.ctx, store))),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: 'ALLOCATION_EXCEEDS_OUTSTANDING' } });
    const stored = await run((store) => store.invoices.get(invoice));
    expect(stored).toMatchObject({ settledCents: 8_000, outstandingCents: 2_000 });
  });

  it('keeps the activity log append-only, even for the table owner', async () => {
    const client = await db.admin.connect();
    try {
      await expect(queryable(client).execute(sql`UPDATE amiable.activity SET action = 'x.y'`)).rejects.toThrow(/append-only/);
      await expect(queryable(client).execute(sql`DELETE FROM amiable.activity`)).rejects.toThrow(/append-only/);
      await expect(queryable(client).execute(sql`TRUNCATE amiable.activity`)).rejects.toThrow(/append-only/);
    } finally {
      client.release();
    }
  });
});

describe('status and aging in SQL', () => {
  it('agree with the domain definitions for every status and bucket filter', async () => {
    const today = '2026-11-23';
    const cases = fc.sample(
      fc.record({
        dueOffset: fc.integer({ min: -400, max: 60 }),
        noDue: fc.boolean(),
        paidPart: fc.constantFrom(0, 50, 100),
        disputed: fc.boolean(),
      }),
      { numRuns: 60, seed: 42 },
    );
    const expected = new Map<string, { status: string; bucket: string; open: boolean }>();
    for (const c of cases) {
      const due = c.noDue ? null : addDays(today, c.dueOffset);
      counter++;
      const number = `AG-${counter}`;
      await run(async (store) => {
        const created = await createInvoice(
          { creditorId: fixture.creditor.id, debtorId, number, issueDate: '2025-06-01', dueDate: due, amountInclTaxCents: 10_000 },
          fixture.ctx,
          store,
        );
        if (!created.ok) throw new Error(JSON.stringify(created.error));
        if (c.paidPart > 0) {
          const paid = await recordPayment(
            {
              creditorId: fixture.creditor.id,
              debtorId,
              amountCents: c.paidPart * 100,
              receivedOn: '2026-11-01',
              method: 'transfer',
              allocations: [{ invoiceId: created.value.id, amountCents: c.paidPart * 100 }],
            },
            fixture.ctx,
            store,
          );
          if (!paid.ok) throw new Error(JSON.stringify(paid.error));
        }
        if (c.disputed) await openDispute(created.value.id, 'contesté', fixture.ctx, store);
        const outstanding = 10_000 - c.paidPart * 100;
        expected.set(number, {
          status: invoiceStatusOf({ outstandingCents: outstanding, dueDate: due, disputed: c.disputed }, today),
          bucket: agingBucketOf(due, today),
          open: outstanding > 0,
        });
      });
    }
    const listed = async (filter: Parameters<typeof listInvoices>[1]['filter']) =>
      new Set(
        (
          await run((_, tx) =>
            listInvoices(tx, { filter: { ...filter, search: 'AG-' }, sort: 'number', order: 'asc', cursor: null, limit: 500, today }),
          )
        ).items.map((i) => i.number),
      );
    for (const status of INVOICE_STATUSES) {
      const want = [...expected].filter(([, v]) => v.status === status).map(([k]) => k);
      expect([...(await listed({ status }))].sort(), status).toEqual(want.sort());
    }
    for (const bucket of AGING_BUCKETS) {
      const want = [...expected].filter(([, v]) => v.open && v.bucket === bucket).map(([k]) => k);
      expect([...(await listed({ bucket }))].sort(), bucket).toEqual(want.sort());
    }
  });
});

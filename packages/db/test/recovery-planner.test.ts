/**
 * The planner on PostgreSQL: cases are opened, the default scenarios installed,
 * one action per case and day is written with its job in the same transaction,
 * invoices move forward, and planning again — or fifty times at once — creates
 * nothing more.
 */
import { randomUUID } from 'node:crypto';
import { inTenant, ledgerStore, runPlanner, sql } from '@amiable/db';
import { addContact, createCreditor, createDebtor, createInvoice, openDispute } from '@amiable/ledger';
import { type TenantFixture, type TestDatabase, createTestDatabase, tenantWithCreditor } from '@amiable/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let db: TestDatabase;
let fixture: TenantFixture;
const ids = { newId: () => randomUUID() };
const now = new Date('2026-11-23T06:00:00Z');

function run<T>(
  fn: (store: ReturnType<typeof ledgerStore>, tx: Parameters<Parameters<typeof inTenant<T>>[2]>[0]) => Promise<T>,
): Promise<T> {
  return inTenant(db.app, { tenantId: fixture.tenantId }, (tx) => fn(ledgerStore(tx), tx));
}

async function debtorWithInvoices(
  name: string,
  invoices: { number: string; due: string; cents: number }[],
): Promise<{ debtorId: string; invoiceIds: string[] }> {
  return run(async (store) => {
    const d = await createDebtor({ kind: 'business', name }, fixture.ctx, store);
    if (!d.ok) throw new Error(JSON.stringify(d.error));
    await addContact(
      d.value.id,
      { name: 'Compta', email: `compta@${name.toLowerCase().replace(/\W/g, '')}.example`, isPrimary: true },
      fixture.ctx,
      store,
    );
    const invoiceIds: string[] = [];
    for (const i of invoices) {
      const r = await createInvoice(
        {
          creditorId: fixture.creditor.id,
          debtorId: d.value.id,
          number: i.number,
          issueDate: '2026-09-01',
          dueDate: i.due,
          amountInclTaxCents: i.cents,
        },
        fixture.ctx,
        store,
      );
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      invoiceIds.push(r.value.id);
    }
    return { debtorId: d.value.id, invoiceIds };
  });
}

const dispatches = () =>
  run((_, tx) =>
    tx.query<{ step_id: string; occurrence: string; channel: string; status: string; invoices: number; debtor_id: string }>(
      sql`SELECT step_id, occurrence::text AS occurrence, channel, status, cardinality(invoice_ids) AS invoices, debtor_id
          FROM amiable.dispatch ORDER BY occurrence, step_id`,
    ),
  );

beforeAll(async () => {
  db = await createTestDatabase();
  fixture = await tenantWithCreditor(db);
});
afterAll(async () => {
  await db.drop();
});

describe('the recovery planner', () => {
  let a: { debtorId: string; invoiceIds: string[] };

  it('opens a case, installs the default scenarios and plans one consolidated e-mail with its job', async () => {
    // Monday 23 November 2026: F-1 due 20 Nov (reminder-1 at +3 → 23 Nov), F-2 due 27 Nov (courtesy at -5 → 22 Nov).
    a = await debtorWithInvoices('Boulangerie Lefèvre', [
      { number: 'F-1', due: '2026-11-20', cents: 120_000 },
      { number: 'F-2', due: '2026-11-27', cents: 30_000 },
    ]);
    const first = await runPlanner(db.app, fixture.tenantId, '2026-11-23', now, ids);
    expect(first).toMatchObject({ cases: 1, planned: 1, created: 1 });
    expect(await dispatches()).toEqual([
      { step_id: 'reminder-1', occurrence: '2026-11-23', channel: 'email', status: 'planned', invoices: 2, debtor_id: a.debtorId },
    ]);
    const progress = await run((_, tx) =>
      tx.query<{ step_id: string }>(sql`SELECT step_id FROM amiable.invoice_progress ORDER BY step_index DESC`),
    );
    expect(progress.map((p) => p.step_id)).toEqual(['reminder-1', 'courtesy']);
    const state = await run((_, tx) => tx.query<{ state: string }>(sql`SELECT state FROM amiable.recovery_case`));
    expect(state).toEqual([{ state: 'in-progress' }]);
    const jobs = await db.admin.query("SELECT key, run_at FROM graphile_worker.jobs WHERE task_identifier = 'recovery-dispatch'");
    expect(jobs.rows).toHaveLength(1);
    // Due at 09:00 Paris (08:00 UTC in winter), the start of the default sending window.
    expect(new Date(jobs.rows[0].run_at).toISOString()).toBe('2026-11-23T08:00:00.000Z');
  });

  it('creates nothing more when run again the same day, and waits for the rules of contact the next days', async () => {
    expect(await runPlanner(db.app, fixture.tenantId, '2026-11-23', now, ids)).toMatchObject({ created: 0 });
    // 24 and 25 Nov: less than 3 days after the last contact; F-2 reaches nothing new anyway.
    expect(await runPlanner(db.app, fixture.tenantId, '2026-11-24', now, ids)).toMatchObject({ created: 0 });
    // 30 Nov (Monday): F-2 due 27 Nov + 3 → reminder-1.
    expect(await runPlanner(db.app, fixture.tenantId, '2026-11-30', now, ids)).toMatchObject({ created: 1 });
    expect((await dispatches()).map((d) => `${d.occurrence} ${d.step_id} ${d.invoices}`)).toEqual([
      '2026-11-23 reminder-1 2',
      '2026-11-30 reminder-1 1',
    ]);
  });

  it('leaves out a disputed invoice and never moves an invoice back', async () => {
    await run(async (store) => {
      const r = await openDispute(a.invoiceIds[1] as string, 'Livraison incomplète', fixture.ctx, store);
      if (!r.ok) throw new Error(JSON.stringify(r.error));
    });
    // 7 Dec: F-1 reached reminder-2 (+15); F-2 disputed is left out.
    await runPlanner(db.app, fixture.tenantId, '2026-12-07', now, ids);
    const last = (await dispatches()).at(-1);
    expect(last).toMatchObject({ occurrence: '2026-12-07', step_id: 'reminder-2', invoices: 1 });
    await expect(
      run((_, tx) => tx.execute(sql`UPDATE amiable.invoice_progress SET step_index = 0 WHERE invoice_id = ${a.invoiceIds[0] as string}`)),
    ).rejects.toThrow(/never goes back/);
  });

  it('makes one dispatch when fifty transactions plan the same step at once', async () => {
    await debtorWithInvoices('Café du Port', [{ number: 'C-1', due: '2026-12-01', cents: 5_000 }]);
    const runs = await Promise.allSettled(Array.from({ length: 50 }, () => runPlanner(db.app, fixture.tenantId, '2026-12-04', now, ids)));
    const rejected = runs.filter((r) => r.status === 'rejected');
    expect(rejected).toEqual([]);
    const created = runs.reduce((sum, r) => sum + (r.status === 'fulfilled' ? r.value.created : 0), 0);
    const rows = await run((_, tx) =>
      tx.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM amiable.dispatch WHERE occurrence = '2026-12-04'`),
    );
    expect(rows[0]?.n).toBe(1);
    expect(created).toBe(1);
    // One job per dispatch ever created (three before this test, one now), none for the 49 losers.
    const jobs = await db.admin.query("SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = 'recovery-dispatch'");
    expect(jobs.rows[0].n).toBe(4);
  });
  it('opens a case for a creditor new to the debtor, in progress with its first action, under the debtor’s rules of contact', async () => {
    const other = await run(async (store) => {
      const c = await createCreditor({ legalName: 'Négoce du Nord SAS' }, fixture.ctx, store);
      if (!c.ok) throw new Error(JSON.stringify(c.error));
      const r = await createInvoice(
        {
          creditorId: c.value.id,
          debtorId: a.debtorId,
          number: 'N-1',
          issueDate: '2026-11-01',
          dueDate: '2026-12-05',
          amountInclTaxCents: 50_000,
        },
        fixture.ctx,
        store,
      );
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      return c.value.id;
    });
    // 8 Dec: N-1 (due 5 Dec) reached reminder-1, but the debtor was contacted on 7 Dec for the first creditor: it waits.
    expect(await runPlanner(db.app, fixture.tenantId, '2026-12-08', now, ids)).toMatchObject({ created: 0 });
    const opened = () =>
      run((_, tx) =>
        tx.query<{ state: string; transitions: number }>(sql`
          SELECT c.state, (SELECT count(*)::int FROM amiable.case_transition t WHERE t.case_id = c.id) AS transitions
          FROM amiable.recovery_case c WHERE c.debtor_id = ${a.debtorId} AND c.creditor_id = ${other}`),
      );
    expect(await opened()).toEqual([{ state: 'open', transitions: 0 }]);
    // 10 Dec, three days after the last contact: its first action, and the case moves on.
    expect(await runPlanner(db.app, fixture.tenantId, '2026-12-10', now, ids)).toMatchObject({ created: 1 });
    expect((await dispatches()).at(-1)).toMatchObject({
      occurrence: '2026-12-10',
      step_id: 'reminder-1',
      invoices: 1,
      debtor_id: a.debtorId,
    });
    expect(await opened()).toEqual([{ state: 'in-progress', transitions: 1 }]);
  });
});

/**
 * Campaign messages, effectively once, through the real worker and a real SMTP
 * server on loopback: launched on Tuesday 24 November 2026 (fake clock), exactly one
 * e-mail per case, on the day the rules of contact give it (a debtor contacted the
 * day before waits three days; a debtor owing two creditors gets its second message
 * later); a second launch or a repeated job sends nothing more. Then, by hand on
 * days ahead: cancelling stops what was not sent, and what changed since the launch
 * is checked again (paid, promise to pay, a contact planned next to it).
 */
import { randomUUID } from 'node:crypto';
import {
  type CampaignFilter,
  type CommandActor,
  cancelCampaign,
  claimDispatch,
  createCampaign,
  inTenant,
  launchCampaign,
  ledgerStore,
  normalizeFilter,
  recordPromise,
  runPlanner,
  sql,
} from '@amiable/db';
import { addContact, createCreditor, createDebtor, createInvoice, recordPayment } from '@amiable/ledger';
import { FakeClock, type TenantFixture, type TestDatabase, createTestDatabase, tenantWithCreditor } from '@amiable/testing';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mailer, OutgoingMail } from '../src/mailer.js';
import { type RunningWorker, startWorker } from '../src/start-worker.js';
import { sendDispatch } from '../src/tasks/send-dispatch.js';
import { type LoopbackSmtp, startLoopbackSmtp, workerConfig } from './loopback-smtp.js';

let db: TestDatabase;
let fixture: TenantFixture;
let smtp: LoopbackSmtp;
let worker: RunningWorker;
const received: ParsedMail[] = [];
const ids = { newId: () => randomUUID() };
const clock = new FakeClock('2026-11-24T10:00:00+01:00');
const manager: CommandActor = { kind: 'user', id: null, label: 'Claire Martin', channel: 'web', ip: null };
const TEMPLATES = { fr: { subject: 'Campagne : nouvelles coordonnées bancaires', body: 'Bonjour {{debtorName}},\n{{invoiceList}}' } };

function run<T>(fn: (tx: Parameters<Parameters<typeof inTenant<T>>[2]>[0]) => Promise<T>): Promise<T> {
  return inTenant(db.app, { tenantId: fixture.tenantId }, fn);
}

async function debtor(name: string, email: string, invoices: { creditorId?: string; due: string }[], tags: string[] = []) {
  return run(async (tx) => {
    const store = ledgerStore(tx);
    const d = await createDebtor({ kind: 'business', name, tags }, fixture.ctx, store);
    if (!d.ok) throw new Error(JSON.stringify(d.error));
    await addContact(d.value.id, { name: 'Comptabilité', email, isPrimary: true }, fixture.ctx, store);
    const invoiceIds: string[] = [];
    for (const [i, invoice] of invoices.entries()) {
      const r = await createInvoice(
        {
          creditorId: invoice.creditorId ?? fixture.creditor.id,
          debtorId: d.value.id,
          number: `${name.slice(0, 3).toUpperCase()}-${i + 1}`,
          issueDate: '2026-09-01',
          dueDate: invoice.due,
          amountInclTaxCents: 10_000,
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

/** A campaign created and launched as a manager would, at `now`. */
async function launch(name: string, filter: Partial<CampaignFilter>, now: Date) {
  return run(async (tx) => {
    const created = await createCampaign(
      tx,
      { name, channel: 'email', templates: TEMPLATES, filter: normalizeFilter(filter) },
      manager,
      now,
      ids,
    );
    if (!created.ok) throw new Error(JSON.stringify(created));
    const launched = await launchCampaign(tx, created.value.id, manager, now, ids);
    if (!launched.ok) throw new Error(JSON.stringify(launched));
    return launched.value.id;
  });
}

async function messagesOf(campaignId: string) {
  return run((tx) =>
    tx.query<{ id: string; debtor_id: string; occurrence: string; status: string; idempotency_key: string; last_error: string | null }>(sql`
      SELECT id, debtor_id, occurrence::text AS occurrence, status, idempotency_key, last_error FROM amiable.dispatch
      WHERE campaign_id = ${campaignId} ORDER BY occurrence, id`),
  );
}

async function until<T>(fn: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await fn();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const countingMailer = (sent: OutgoingMail[]): Mailer => ({
  async send(mail) {
    sent.push(mail);
    return { rejected: [], response: '250 counted' };
  },
  close() {},
});

beforeAll(async () => {
  db = await createTestDatabase();
  fixture = await tenantWithCreditor(db, { legalName: 'Ateliers Durand SAS', siren: '732829320' });
  smtp = await startLoopbackSmtp(received);
  worker = await startWorker({ config: workerConfig(smtp.url), db, clock, ids });
});

afterAll(async () => {
  await worker?.stop();
  await smtp?.close();
  await db.drop();
});

const campaignMails = (to: string) => received.filter((m) => m.subject === TEMPLATES.fr.subject && JSON.stringify(m.to).includes(to));

describe('a launched campaign', () => {
  it('sends exactly one e-mail per case, each on the day the rules of contact give it, and never twice', async () => {
    const other = await run(async (tx) => {
      const c = await createCreditor({ legalName: 'Menuiserie Bernard SARL' }, fixture.ctx, ledgerStore(tx));
      if (!c.ok) throw new Error(JSON.stringify(c.error));
      return c.value.id;
    });
    // Contacted on Monday 23 by its scenario (reminder at +3 days), sent by the worker.
    const cafe = await debtor('Café du Port', 'cafe@port.example', [{ due: '2026-11-20' }]);
    expect(await runPlanner(db.app, fixture.tenantId, '2026-11-23', new Date('2026-11-23T06:00:00Z'), ids)).toMatchObject({ created: 1 });
    // Owes two creditors: two cases, two messages, three days apart.
    const bakery = await debtor('Boulangerie Lefèvre', 'compta@lefevre.example', [
      { due: '2026-10-01' },
      { creditorId: other, due: '2026-10-15' },
    ]);
    const garage = await debtor('Garage Martin', 'garage@martin.example', [{ due: '2026-11-02' }]);

    const id = await launch('Changement de RIB', {}, clock.now());
    const days = (await messagesOf(id)).map((m) => [m.debtor_id, m.occurrence]);
    expect(days).toEqual(
      expect.arrayContaining([
        [bakery.debtorId, '2026-11-24'],
        [garage.debtorId, '2026-11-24'],
        [cafe.debtorId, '2026-11-26'],
        [bakery.debtorId, '2026-11-27'],
      ]),
    );
    expect(days).toHaveLength(4);

    // The jobs were due at the start of each day's window, in the past of the real clock: the worker sends them all.
    await until(async () => ((await messagesOf(id)).every((m) => m.status === 'sent') ? true : undefined));
    expect(campaignMails('compta@lefevre.example')).toHaveLength(2);
    expect(campaignMails('garage@martin.example')).toHaveLength(1);
    expect(campaignMails('cafe@port.example')).toHaveLength(1);
    const mail = campaignMails('garage@martin.example')[0] as ParsedMail;
    expect(mail.text).toContain('Bonjour Garage Martin');
    expect(mail.text).toContain('Facture GAR-1 du 01/09/2026, échue le 02/11/2026');
    const [garageMessage] = (await messagesOf(id)).filter((m) => m.debtor_id === garage.debtorId);
    expect(mail.messageId).toContain(garageMessage?.idempotency_key.replace(/[^A-Za-z0-9.-]/g, '.'));

    // A repeated job and a second launch send nothing more.
    for (const m of await messagesOf(id))
      await sendDispatch(
        { tenantId: fixture.tenantId, dispatchId: m.id },
        { db, clock, mailer: countingMailer([]), mailDomain: 'x', ids, publicUrl: 'http://127.0.0.1:3000' },
      );
    await expect(run((tx) => launchCampaign(tx, id, manager, clock.now(), ids))).resolves.toMatchObject({
      ok: false,
      code: 'CAMPAIGN_NOT_DRAFT',
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(received.filter((m) => m.subject === TEMPLATES.fr.subject)).toHaveLength(4);
  });
});

describe('by hand, on days ahead (the jobs wait for their window)', () => {
  const monday = new Date('2027-03-01T10:00:00+01:00');

  it('stops the messages not sent yet when the campaign is cancelled', async () => {
    await debtor('Librairie Morel', 'livres@morel.example', [{ due: '2027-01-10' }]);
    const id = await launch('Annulée', { search: 'Morel' }, monday);
    const cancelled = await run((tx) => cancelCampaign(tx, id, monday));
    expect(cancelled).toMatchObject({ ok: true, value: { status: 'cancelled', progress: { cancelled: 1, planned: 0 } } });
    const sent: OutgoingMail[] = [];
    for (const m of await messagesOf(id))
      await sendDispatch(
        { tenantId: fixture.tenantId, dispatchId: m.id },
        { db, clock: new FakeClock(monday), mailer: countingMailer(sent), mailDomain: 'x', ids, publicUrl: 'http://127.0.0.1:3000' },
      );
    expect(sent).toEqual([]);
    expect((await messagesOf(id)).map((m) => m.status)).toEqual(['cancelled']);
  });

  it('checks again at execution: paid since, promise since, or a contact planned next to its day', async () => {
    const paid = await debtor('Pharmacie Roux', 'pharma@roux.example', [{ due: '2027-01-10' }], ['commerce']);
    const promised = await debtor('Fleuriste Lacroix', 'fleurs@lacroix.example', [{ due: '2027-01-10' }], ['commerce']);
    const crowded = await debtor('Imprimerie Noel', 'noel@imprimerie.example', [{ due: '2027-01-10' }], ['commerce']);
    const id = await launch('Relance groupée', { tags: ['commerce'] }, monday);
    const messages = await messagesOf(id);
    const of = (debtorId: string) => messages.find((m) => m.debtor_id === debtorId) as (typeof messages)[number];
    expect([paid, promised, crowded].map((d) => of(d.debtorId).occurrence)).toEqual(['2027-03-01', '2027-03-01', '2027-03-01']);

    await run(async (tx) => {
      const p = await recordPayment(
        {
          creditorId: fixture.creditor.id,
          debtorId: paid.debtorId,
          amountCents: 10_000,
          receivedOn: '2026-11-23',
          method: 'transfer',
          allocations: [{ invoiceId: paid.invoiceIds[0] as string, amountCents: 10_000 }],
        },
        fixture.ctx,
        ledgerStore(tx),
      );
      if (!p.ok) throw new Error(JSON.stringify(p.error));
      const [caseOf] = await tx.query<{ id: string }>(sql`SELECT id FROM amiable.recovery_case WHERE debtor_id = ${promised.debtorId}`);
      const later = new Date(monday.getTime() + 60_000);
      expect(
        await recordPromise(
          tx,
          { caseId: caseOf?.id as string, madeOn: '2027-03-01', until: '2027-03-15', amountCents: null },
          manager,
          later,
          ids,
        ),
      ).toMatchObject({
        ok: true,
      });
      // The planner, which only looks back, contacted the printer on Saturday 27 February after the launch.
      await tx.execute(sql`INSERT INTO amiable.dispatch (tenant_id, id, case_id, debtor_id, scenario_id, step_id, step_index, occurrence, channel,
          invoice_ids, status, idempotency_key, created_at, updated_at)
        SELECT d.tenant_id, ${randomUUID()}, d.case_id, d.debtor_id, (SELECT id FROM amiable.scenario WHERE is_default), 'reminder-1', 1,
          '2027-02-27', 'email', d.invoice_ids, 'sent', ${`test:${randomUUID()}`}, now(), now()
        FROM amiable.dispatch d WHERE d.id = ${of(crowded.debtorId).id}`);
    });

    // What the worker's job does first: nothing is handed to the mailer unless the claim says 'send'.
    const claims: string[] = [];
    for (const d of [paid, promised, crowded]) claims.push((await claimDispatch(db.app, fixture.tenantId, of(d.debtorId).id, monday)).kind);
    expect(claims).toEqual(['skipped', 'skipped', 'postponed']);
    const after = await messagesOf(id);
    const now = (debtorId: string) => after.find((m) => m.debtor_id === debtorId);
    expect(now(paid.debtorId)).toMatchObject({ status: 'skipped', last_error: 'paid, credited or disputed since planning' });
    expect(now(promised.debtorId)).toMatchObject({ status: 'skipped', last_error: 'promise to pay since the launch' });
    // 27 February + 3 days: Tuesday 2 March, with a job due at 09:00 in Paris that day.
    expect(now(crowded.debtorId)).toMatchObject({
      status: 'planned',
      occurrence: '2027-03-02',
      last_error: 'postponed by the rules of contact',
    });
    const job = await db.admin.query<{ run_at: Date }>('SELECT run_at FROM graphile_worker.jobs WHERE key LIKE $1', [
      `%dispatch:${now(crowded.debtorId)?.id}:2027-03-02`,
    ]);
    expect(job.rows.map((r) => r.run_at.toISOString())).toEqual(['2027-03-02T08:00:00.000Z']);
  });
});

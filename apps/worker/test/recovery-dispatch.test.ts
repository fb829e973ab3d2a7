/**
 * Recovery e-mails, effectively once: planned by the planner, sent by the worker
 * to a real SMTP server on loopback (exactly one message, in French, listing the
 * invoices); re-checked at execution (paid since planning → skipped); a worker
 * dying mid-send leaves the action for human review instead of sending it twice;
 * a refusal by the server is retried, a timeout is not.
 */
import { randomUUID } from 'node:crypto';
import { claimDispatch, inTenant, ledgerStore, runPlanner, saveContactPolicy, saveScenario, setDebtorScenario, sql } from '@amiable/db';
import { addContact, createDebtor, createInvoice, recordPayment } from '@amiable/ledger';
import { type TenantFixture, type TestDatabase, createTestDatabase, tenantWithCreditor } from '@amiable/testing';
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
// Time runs from a Monday inside the default sending window (09:00–18:00 Paris): the worker's sends do not depend on
// when the suite runs.
const started = Date.now();
const clock = { now: () => new Date(Date.parse('2026-11-23T10:00:00+01:00') + Date.now() - started) };

function run<T>(
  fn: (store: ReturnType<typeof ledgerStore>, tx: Parameters<Parameters<typeof inTenant<T>>[2]>[0]) => Promise<T>,
): Promise<T> {
  return inTenant(db.app, { tenantId: fixture.tenantId }, (tx) => fn(ledgerStore(tx), tx));
}

async function debtor(name: string, email: string | null, invoices: { number: string; due: string; cents: number }[]) {
  return run(async (store) => {
    const d = await createDebtor({ kind: 'business', name }, fixture.ctx, store);
    if (!d.ok) throw new Error(JSON.stringify(d.error));
    if (email) await addContact(d.value.id, { name: 'Comptabilité', email, isPrimary: true }, fixture.ctx, store);
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

async function dispatchOf(debtorId: string) {
  return run((_, tx) =>
    tx.maybeOne<{ id: string; status: string; attempts: number; last_error: string | null }>(
      sql`SELECT id, status, attempts, last_error FROM amiable.dispatch WHERE debtor_id = ${debtorId} ORDER BY created_at DESC LIMIT 1`,
    ),
  );
}

async function until<T>(fn: () => Promise<T | undefined>, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await fn();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

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

describe('recovery e-mails', () => {
  it('are planned then sent once over SMTP, in French, listing every invoice of the action', async () => {
    const d = await debtor('Boulangerie Lefèvre', 'compta@lefevre.example', [
      { number: 'F-1', due: '2026-11-20', cents: 120_000 },
      { number: 'F-2', due: '2026-11-27', cents: 3_456 },
    ]);
    expect(await runPlanner(db.app, fixture.tenantId, '2026-11-23', new Date(), ids)).toMatchObject({ created: 1 });
    const sent = await until(async () => ((await dispatchOf(d.debtorId))?.status === 'sent' ? true : undefined));
    expect(sent).toBe(true);
    const mails = received.filter((m) => m.to && JSON.stringify(m.to).includes('compta@lefevre.example'));
    expect(mails).toHaveLength(1);
    const mail = mails[0] as ParsedMail;
    expect(mail.subject).toBe('Relance : factures échues Ateliers Durand SAS');
    expect(mail.text).toContain('Facture F-1 du 01/09/2026, échue le 20/11/2026 : 1\u202f200,00\u00a0€');
    expect(mail.text).toContain('Facture F-2 du 01/09/2026, échue le 27/11/2026 : 34,56\u00a0€');
    expect(mail.text).toContain('Montant restant dû : 1\u202f234,56\u00a0€');
    expect(mail.messageId).toContain('@amiable.example.com');
    // Archived with its outcome: the message as it left, and the server's answer on the action.
    const archived = await run((_, tx) =>
      tx.query<{ kind: string; letter_type: string; delivery: string; response: string }>(sql`
        SELECT doc.kind, doc.letter_type, doc.delivery, x.delivery_report->>'response' AS response
        FROM amiable.document doc JOIN amiable.dispatch x ON x.id = doc.dispatch_id WHERE x.debtor_id = ${d.debtorId}`),
    );
    expect(archived).toEqual([{ kind: 'email', letter_type: 'message', delivery: 'sent', response: expect.stringMatching(/^250/) }]);
    // Running the job again (a duplicate delivery of the job) sends nothing more.
    const dispatch = await dispatchOf(d.debtorId);
    await sendDispatch(
      { tenantId: fixture.tenantId, dispatchId: dispatch?.id as string },
      { db, clock, mailer: failingMailer(new Error('must not send')), mailDomain: 'x', ids, publicUrl: 'http://127.0.0.1:3000' },
    );
    expect(received.filter((m) => JSON.stringify(m.to).includes('compta@lefevre.example'))).toHaveLength(1);
  });
});

function failingMailer(error: unknown, sent: OutgoingMail[] = []): Mailer {
  return {
    async send(mail) {
      sent.push(mail);
      throw error;
    },
    close() {},
  };
}

function countingMailer(sent: OutgoingMail[]): Mailer {
  return {
    async send(mail) {
      sent.push(mail);
      return { rejected: [], response: '250 counted' };
    },
    close() {},
  };
}

describe('execution re-checks and failures (the job run by hand: planned for a day whose window is ahead)', () => {
  // Planned for a future day, the job waits for that day's sending window: the test runs the task itself.
  const future = '2027-03-01';

  it('skips an action whose invoices were paid between planning and execution', async () => {
    const d = await debtor('Café du Port', 'cafe@port.example', [{ number: 'C-1', due: '2027-02-26', cents: 5_000 }]);
    await runPlanner(db.app, fixture.tenantId, future, new Date(), ids);
    const planned = await dispatchOf(d.debtorId);
    expect(planned?.status).toBe('planned');
    await run(async (store) => {
      const p = await recordPayment(
        {
          creditorId: fixture.creditor.id,
          debtorId: d.debtorId,
          amountCents: 5_000,
          receivedOn: '2026-11-23',
          method: 'transfer',
          allocations: [{ invoiceId: d.invoiceIds[0] as string, amountCents: 5_000 }],
        },
        fixture.ctx,
        store,
      );
      if (!p.ok) throw new Error(JSON.stringify(p.error));
    });
    const sent: OutgoingMail[] = [];
    await sendDispatch(
      { tenantId: fixture.tenantId, dispatchId: planned?.id as string },
      { db, clock, mailer: countingMailer(sent), mailDomain: 'x', ids, publicUrl: 'http://127.0.0.1:3000' },
    );
    expect(sent).toEqual([]);
    expect((await dispatchOf(d.debtorId))?.status).toBe('skipped');
  });

  it('sends to review, never twice, an action whose worker died while sending', async () => {
    const d = await debtor('Garage Martin', 'garage@martin.example', [{ number: 'G-1', due: '2027-02-26', cents: 7_000 }]);
    await runPlanner(db.app, fixture.tenantId, future, new Date(), ids);
    const planned = await dispatchOf(d.debtorId);
    // The first attempt claims the action, then dies before recording the outcome.
    expect((await claimDispatch(db.app, fixture.tenantId, planned?.id as string, clock.now())).kind).toBe('send');
    const sent: OutgoingMail[] = [];
    await sendDispatch(
      { tenantId: fixture.tenantId, dispatchId: planned?.id as string },
      { db, clock, mailer: countingMailer(sent), mailDomain: 'x', ids, publicUrl: 'http://127.0.0.1:3000' },
    );
    expect(sent).toEqual([]);
    expect(await dispatchOf(d.debtorId)).toMatchObject({ status: 'uncertain', last_error: 'worker stopped while sending' });
  });

  it('sends nothing outside the sending window: the job moves to the next opening on a working day', async () => {
    const d = await debtor('Menuiserie Roux', 'roux@menuiserie.example', [{ number: 'W-1', due: '2027-02-26', cents: 5_000 }]);
    await runPlanner(db.app, fixture.tenantId, future, new Date(), ids);
    const planned = (await dispatchOf(d.debtorId)) as { id: string };
    // Friday 3 January 2031, 20:00 in Paris: after 18:00, and the weekend follows. (Far ahead, so that the running
    // worker, whose clock is in 2026, leaves the moved job alone.)
    const friday = new Date('2031-01-03T20:00:00+01:00');
    expect((await claimDispatch(db.app, fixture.tenantId, planned.id, friday)).kind).toBe('postponed');
    expect(await dispatchOf(d.debtorId)).toMatchObject({
      status: 'planned',
      last_error: 'outside the sending window (09:00–18:00): moved to 2031-01-06',
    });
    const jobs = await db.admin.query('SELECT run_at FROM graphile_worker.jobs WHERE key LIKE $1', [`%dispatch:${planned.id}:2031-01-06`]);
    expect(jobs.rows.map((r: { run_at: Date }) => r.run_at.toISOString())).toEqual(['2031-01-06T08:00:00.000Z']);
    // Monday 6 January, 07:30 in Paris: before the opening, the same day at 09:00.
    expect((await claimDispatch(db.app, fixture.tenantId, planned.id, new Date('2031-01-06T07:30:00+01:00'))).kind).toBe('postponed');
    expect((await dispatchOf(d.debtorId))?.last_error).toBe('outside the sending window (09:00–18:00): moved to 2031-01-06');
    // Monday 6 January, 09:05: it goes.
    expect((await claimDispatch(db.app, fixture.tenantId, planned.id, new Date('2031-01-06T09:05:00+01:00'))).kind).toBe('send');
  });

  it('retries after a refusal by the server, and sends to review after a timeout', async () => {
    const refused = await debtor('Fleuriste Lacroix', 'fleurs@lacroix.example', [{ number: 'L-1', due: '2027-02-26', cents: 9_000 }]);
    await runPlanner(db.app, fixture.tenantId, future, new Date(), ids);
    const first = await dispatchOf(refused.debtorId);
    const refusal = Object.assign(new Error('451 try again later'), { responseCode: 451, command: 'DATA' });
    await expect(
      sendDispatch(
        { tenantId: fixture.tenantId, dispatchId: first?.id as string },
        { db, clock, mailer: failingMailer(refusal), mailDomain: 'x', ids, publicUrl: 'http://127.0.0.1:3000' },
      ),
    ).rejects.toThrow('451');
    expect(await dispatchOf(refused.debtorId)).toMatchObject({ status: 'planned', attempts: 1 });
    const sent: OutgoingMail[] = [];
    await sendDispatch(
      { tenantId: fixture.tenantId, dispatchId: first?.id as string },
      { db, clock, mailer: countingMailer(sent), mailDomain: 'x', ids, publicUrl: 'http://127.0.0.1:3000' },
    );
    expect(sent).toHaveLength(1);
    expect(await dispatchOf(refused.debtorId)).toMatchObject({ status: 'sent', attempts: 2 });

    // Refused on the job's last attempt: to review as failed, not retried for ever nor left planned.
    const lastTry = await debtor('Librairie Morel', 'livres@morel.example', [{ number: 'V-1', due: '2027-02-26', cents: 3_000 }]);
    await runPlanner(db.app, fixture.tenantId, future, new Date(), ids);
    const third = await dispatchOf(lastTry.debtorId);
    await sendDispatch(
      { tenantId: fixture.tenantId, dispatchId: third?.id as string },
      { db, clock, mailer: failingMailer(refusal), mailDomain: 'x', ids, publicUrl: 'http://127.0.0.1:3000' },
      true,
    );
    expect(await dispatchOf(lastTry.debtorId)).toMatchObject({ status: 'failed', last_error: '451 try again later' });

    const timedOut = await debtor('Pharmacie Roux', 'pharma@roux.example', [{ number: 'R-1', due: '2027-02-26', cents: 4_000 }]);
    await runPlanner(db.app, fixture.tenantId, future, new Date(), ids);
    const second = await dispatchOf(timedOut.debtorId);
    const timeout = Object.assign(new Error('Timeout'), { code: 'ETIMEDOUT' });
    await sendDispatch(
      { tenantId: fixture.tenantId, dispatchId: second?.id as string },
      { db, clock, mailer: failingMailer(timeout), mailDomain: 'x', ids, publicUrl: 'http://127.0.0.1:3000' },
    );
    expect(await dispatchOf(timedOut.debtorId)).toMatchObject({ status: 'uncertain', last_error: 'Timeout' });
  });

  it('fails, for a person to fix, an action to a debtor without any e-mail address', async () => {
    const d = await debtor('Sans Courriel SARL', null, [{ number: 'N-1', due: '2027-02-26', cents: 1_000 }]);
    await runPlanner(db.app, fixture.tenantId, future, new Date(), ids);
    const planned = await dispatchOf(d.debtorId);
    await sendDispatch(
      { tenantId: fixture.tenantId, dispatchId: planned?.id as string },
      { db, clock, mailer: countingMailer([]), mailDomain: 'x', ids, publicUrl: 'http://127.0.0.1:3000' },
    );
    expect(await dispatchOf(d.debtorId)).toMatchObject({ status: 'failed', last_error: 'no e-mail address for the debtor' });
  });
});

describe('the morning planner', () => {
  const planJobsDone = () =>
    until(async () => {
      const r = await db.admin.query("SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = 'recovery-plan-tenant'");
      return r.rows[0].n === 0 ? true : undefined;
    });

  it('asks for one planning job per tenant and day, which plans only once a manager switched automatic recovery on', async () => {
    const { planAllTenants } = await import('../src/tasks/plan-recovery.js');
    const d = await debtor('Imprimerie Noel', null, [{ number: 'M-1', due: '2026-11-10', cents: 2_000 }]);
    // Off by default: the job runs and plans nothing.
    expect(await planAllTenants({ db, clock })).toBeGreaterThanOrEqual(1);
    await planJobsDone();
    expect(await dispatchOf(d.debtorId)).toBeNull();

    await run((_, tx) =>
      saveContactPolicy(
        tx,
        {
          maxContactsPerWeek: 2,
          minDaysBetweenContacts: 3,
          noContactOn: ['saturday', 'sunday', 'holiday'],
          windowStart: '09:00',
          windowEnd: '18:00',
          automatic: true,
        },
        new Date(),
      ),
    );
    await planAllTenants({ db, clock });
    // The same tick twice: still one job for the day (job key).
    await planAllTenants({ db, clock });
    expect(await until(async () => ((await dispatchOf(d.debtorId)) ? true : undefined))).toBe(true);
    await planJobsDone();
  });
});

describe('SMS steps', () => {
  it('are sent once through the SMS provider to the contact’s number, never as an e-mail', async () => {
    const { fileSmsSender } = await import('../src/sms.js');
    const { mkdtemp, readdir, readFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const dir = await mkdtemp(path.join(tmpdir(), 'amiable-sms-'));
    try {
      const d = await run(async (store) => {
        const created = await createDebtor({ kind: 'consumer', name: 'Jeanne Petit' }, fixture.ctx, store);
        if (!created.ok) throw new Error(JSON.stringify(created.error));
        await addContact(created.value.id, { name: 'Jeanne Petit', phone: '+33 6 12 34 56 78', isPrimary: true }, fixture.ctx, store);
        const inv = await createInvoice(
          {
            creditorId: fixture.creditor.id,
            debtorId: created.value.id,
            number: 'S-1',
            issueDate: '2026-09-01',
            dueDate: '2027-02-20',
            amountInclTaxCents: 4_500,
          },
          fixture.ctx,
          store,
        );
        if (!inv.ok) throw new Error(JSON.stringify(inv.error));
        return created.value.id;
      });
      // This debtor's own scenario: one SMS at +7.
      const scenarioId = await run(async (_, tx) => {
        const saved = await saveScenario(
          tx,
          null,
          {
            name: 'SMS seul',
            steps: [
              {
                id: 'sms-1',
                offsetDays: 7,
                channel: 'sms',
                templates: { fr: { subject: 'Relance', body: 'Bonjour, la facture {{invoiceList}} reste due : {{totalDue}}.' } },
              },
            ],
          },
          new Date(),
          ids,
        );
        if (!saved.ok) throw new Error(JSON.stringify(saved));
        await setDebtorScenario(tx, d, saved.value.id);
        return saved.value.id;
      });
      expect(scenarioId).toBeTruthy();
      await runPlanner(db.app, fixture.tenantId, '2027-03-01', new Date(), ids);
      const planned = await dispatchOf(d);
      const emails: OutgoingMail[] = [];
      const deps = {
        db,
        clock,
        mailer: countingMailer(emails),
        mailDomain: 'x',
        ids,
        publicUrl: 'http://127.0.0.1:3000',
        sms: fileSmsSender(dir),
      };
      await sendDispatch({ tenantId: fixture.tenantId, dispatchId: planned?.id as string }, deps);
      expect(emails).toEqual([]);
      expect(await dispatchOf(d)).toMatchObject({ status: 'sent' });
      const files = await readdir(dir);
      expect(files).toHaveLength(1);
      const text = await readFile(path.join(dir, files[0] as string), 'utf8');
      expect(text).toContain('To: +33 6 12 34 56 78');
      expect(text).toContain('45,00');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

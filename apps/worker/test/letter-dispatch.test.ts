/**
 * Letters in recovery scenarios, produced by the real worker: a postal reminder is
 * rendered and archived once (to print); an e-mail step that names a letter reaches
 * a real SMTP server on loopback with the PDF attached, from the creditor's name,
 * Reply-To the case's contact; a formal notice by registered letter waits for the
 * registered-letter service and moves the case to "formal notice sent"; a letter
 * that lacks a mandatory mention goes to the review queue instead.
 */
import { createHash, randomUUID } from 'node:crypto';
import {
  assignCase,
  caseDocuments,
  documentContent,
  inTenant,
  parseDeliveryStatus,
  recordDeliveryStatus,
  verifyDocument,
  ledgerStore,
  runPlanner,
  saveScenario,
  setDebtorScenario,
  sql,
} from '@amiable/db';
import { addContact, createDebtor, createInvoice } from '@amiable/ledger';
import { type TenantFixture, type TestDatabase, createTestDatabase, tenantWithCreditor } from '@amiable/testing';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

function run<T>(fn: (tx: Parameters<Parameters<typeof inTenant<T>>[2]>[0]) => Promise<T>): Promise<T> {
  return inTenant(db.app, { tenantId: fixture.tenantId }, fn);
}

async function debtorWithInvoice(name: string, withAddress: boolean, scenarioId: string) {
  return inTenant(db.app, { tenantId: fixture.tenantId }, async (tx) => {
    const store = ledgerStore(tx);
    const d = await createDebtor({ kind: 'business', name }, fixture.ctx, store);
    if (!d.ok) throw new Error(JSON.stringify(d.error));
    await addContact(
      d.value.id,
      { name: 'Comptabilité', email: `compta@${d.value.id.slice(0, 8)}.example`, isPrimary: true },
      fixture.ctx,
      store,
    );
    if (withAddress)
      await tx.execute(sql`UPDATE amiable.debtor SET address_line1 = '3 place de la République', postal_code = '75011', city = 'Paris'
        WHERE id = ${d.value.id}`);
    const inv = await createInvoice(
      {
        creditorId: fixture.creditor.id,
        debtorId: d.value.id,
        number: `L-${name.length}-1`,
        issueDate: '2026-10-05',
        dueDate: '2026-11-04',
        amountInclTaxCents: 245_050,
      },
      fixture.ctx,
      store,
    );
    if (!inv.ok) throw new Error(JSON.stringify(inv.error));
    await setDebtorScenario(tx, d.value.id, scenarioId);
    return d.value.id;
  });
}

const dispatches = (debtorId: string) =>
  run((tx) =>
    tx.query<{ id: string; step_id: string; status: string; last_error: string | null; case_id: string }>(
      sql`SELECT id, step_id, status, last_error, case_id FROM amiable.dispatch WHERE debtor_id = ${debtorId} ORDER BY occurrence`,
    ),
  );

async function until<T>(fn: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await fn();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const stepDone = (debtorId: string, step: string, status: string) =>
  until(async () => (await dispatches(debtorId)).find((d) => d.step_id === step && d.status === status));

let scenarioId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  fixture = await tenantWithCreditor(db, { legalName: 'Atelier Durand SARL', siren: '732829320' });
  scenarioId = await run(async (tx) => {
    await tx.execute(sql`UPDATE amiable.creditor SET address_line1 = '12 rue des Tanneurs', postal_code = '69002', city = 'Lyon',
      email = 'compta@atelier-durand.fr', phone = '04 72 00 00 00', iban = 'FR7630006000011234567890189', bic = 'AGRIFRPP',
      recovery_contact_name = 'Claire Dubois', recovery_contact_email = 'claire.dubois@atelier-durand.fr'`);
    // A logo for the letterhead (an SVG, as the API accepts it).
    const logo = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 10"><rect width="40" height="10" fill="#1c5fb8"/></svg>',
    );
    const logoId = randomUUID();
    await tx.execute(sql`INSERT INTO amiable.stored_file (tenant_id, id, filename, content_type, byte_size, sha256, content, created_at)
      VALUES (${tx.tenantId}, ${logoId}, 'logo.svg', 'image/svg+xml', ${logo.length}, ${createHash('sha256').update(logo).digest()}, ${logo}, now())`);
    await tx.execute(sql`UPDATE amiable.creditor SET logo_file_id = ${logoId}`);
    // The worker dates letters today: the tenant supplies the half-years the shipped table lacks.
    for (const half of ['2026-H2', '2027-H1', '2027-H2'])
      await tx.execute(sql`INSERT INTO amiable.rate_override (tenant_id, half_year, ecb_mro_bp, legal_individual_bp, legal_other_bp, source,
        updated_by_label, updated_at) VALUES (${tx.tenantId}, ${half}, 215, 662, 288, 'test', 'test', now()) ON CONFLICT DO NOTHING`);
    const saved = await saveScenario(
      tx,
      null,
      {
        name: 'Lettres',
        steps: [
          { id: 'letter-1', offsetDays: 5, channel: 'letter', letter: 'reminder' },
          {
            id: 'mail-2',
            offsetDays: 12,
            channel: 'email',
            letter: 'second-reminder',
            templates: { fr: { subject: 'Relance', body: '{{invoiceList}}' } },
          },
          { id: 'formal-notice', offsetDays: 19, channel: 'registered-letter' },
        ],
      },
      new Date(),
      ids,
    );
    if (!saved.ok) throw new Error(JSON.stringify(saved));
    return saved.value.id;
  });
  smtp = await startLoopbackSmtp(received);
  worker = await startWorker({ config: workerConfig(smtp.url), db, clock, ids });
});

afterAll(async () => {
  await worker?.stop();
  await smtp?.close();
  await db.drop();
});

describe('letters in a scenario', () => {
  it('are produced once, e-mailed with the PDF attached, and a formal notice waits for registered sending', async () => {
    const debtorId = await debtorWithInvoice('Boulangerie Martin', true, scenarioId);

    // Monday 9 November: the postal reminder.
    await runPlanner(db.app, fixture.tenantId, '2026-11-09', new Date(), ids);
    const letter = await stepDone(debtorId, 'letter-1', 'done');
    const [doc] = await run((tx) => caseDocuments(tx, letter.case_id));
    expect(doc).toMatchObject({ kind: 'letter', letterType: 'reminder', delivery: 'to-print', templateVersion: 'default:2026-12' });
    const content = await run((tx) => documentContent(tx, doc?.id as string));
    expect(content?.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(
      createHash('sha256')
        .update(content?.bytes as Buffer)
        .digest('hex'),
    ).toBe(doc?.sha256);
    expect((content as unknown as { facts: { logoFileId: string } }).facts.logoFileId).toMatch(/^[0-9a-f-]{36}$/);
    // Rendering the archived facts, claim, text and logo again gives the same bytes.
    expect(await run((tx) => verifyDocument(tx, doc?.id as string))).toEqual({
      storedSha256: doc?.sha256,
      renderedSha256: doc?.sha256,
      identical: true,
    });
    // A duplicate job produces nothing more.
    await sendDispatch(
      { tenantId: fixture.tenantId, dispatchId: letter.id },
      { db, clock, ids, mailer: { send: () => Promise.reject(new Error('no mail')), close() {} }, mailDomain: 'x', publicUrl: 'https://x' },
    );
    expect(await run((tx) => caseDocuments(tx, letter.case_id))).toHaveLength(1);

    // Monday 16 November: the second reminder by e-mail, the letter attached.
    await runPlanner(db.app, fixture.tenantId, '2026-11-16', new Date(), ids);
    await stepDone(debtorId, 'mail-2', 'sent');
    const mail = await until(async () => received.find((m) => m.subject === 'Deuxième relance : factures impayées'));
    expect(mail.from?.value[0]).toEqual({ name: 'Atelier Durand SARL', address: 'relances@amiable.test' });
    expect(mail.replyTo?.value[0]?.address).toBe('claire.dubois@atelier-durand.fr');
    expect(mail.html).toContain('L-18-1');
    expect(mail.html).toContain('https://amiable.example.com/pay/');
    expect(mail.attachments.map((a) => [a.contentType, a.filename?.startsWith('second-reminder-RF')])).toEqual([['application/pdf', true]]);
    expect(mail.attachments[0]?.content.subarray(0, 5).toString()).toBe('%PDF-');
    const afterMail = await run((tx) => caseDocuments(tx, letter.case_id));
    expect(afterMail.map((d) => [d.kind, d.letterType, d.delivery])).toEqual([
      ['letter', 'reminder', 'to-print'],
      ['letter', 'second-reminder', 'attached'],
      ['email', 'second-reminder', 'sent'],
    ]);
    expect(afterMail[1]?.sha256).toBe(
      createHash('sha256')
        .update(mail.attachments[0]?.content as Buffer)
        .digest('hex'),
    );

    // The receiving server bounces it later: the report lands on the action, which goes to review.
    const dsn = [
      'From: MAILER-DAEMON@mx.client.example',
      'Subject: Undelivered Mail Returned to Sender',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
      '',
      '--b',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.client.example',
      '',
      `Final-Recipient: rfc822; ${mail.to && 'value' in mail.to ? mail.to.value[0]?.address : ''}`,
      'Action: failed',
      'Status: 5.1.1',
      'Diagnostic-Code: smtp; 550 5.1.1 <compta@client.example>: Recipient address rejected: User unknown',
      '',
      '--b',
      'Content-Type: text/rfc822-headers',
      '',
      `Message-ID: ${mail.messageId}`,
      'Subject: Deuxième relance : factures impayées',
      '',
      '--b--',
    ].join('\r\n');
    const report = parseDeliveryStatus(dsn);
    expect(report).toMatchObject({ action: 'failed', status: '5.1.1' });
    expect(await recordDeliveryStatus(db, report as NonNullable<typeof report>, clock.now())).toMatchObject({ tenantId: fixture.tenantId });
    expect((await dispatches(debtorId)).find((d) => d.step_id === 'mail-2')).toMatchObject({
      status: 'failed',
      last_error: 'not delivered: 5.1.1 550 5.1.1 <compta@client.example>: Recipient address rejected: User unknown',
    });

    // Monday 23 November: the formal notice by registered letter.
    await runPlanner(db.app, fixture.tenantId, '2026-11-23', new Date(), ids);
    await stepDone(debtorId, 'formal-notice', 'done');
    const all = await run((tx) => caseDocuments(tx, letter.case_id));
    expect(all.at(-1)).toMatchObject({ kind: 'letter', letterType: 'formal-notice', delivery: 'awaiting-registered-sending' });
    const state = await run((tx) =>
      tx.one<{ state: string; reason: string }>(sql`SELECT rc.state, t.reason FROM amiable.recovery_case rc
        JOIN amiable.case_transition t ON t.case_id = rc.id AND t.to_state = 'formal-notice-sent' WHERE rc.id = ${letter.case_id}`),
    );
    expect(state).toEqual({ state: 'formal-notice-sent', reason: 'formal notice produced, awaiting registered sending' });
  });

  it('answers to the agent in charge of the case: Reply-To of the e-mail and the contact named in the letter', async () => {
    // A member of the tenant (identities are written by the auth role; here, by the database's admin).
    const agentId = randomUUID();
    await db.admin.query(
      `INSERT INTO amiable.app_user (id, email, display_name, created_at) VALUES ($1, 'julie.martin@atelier-durand.fr', 'Julie Martin', now())`,
      [agentId],
    );
    await db.admin.query(`INSERT INTO amiable.tenant_member (tenant_id, user_id, role, created_at) VALUES ($1, $2, 'agent', now())`, [
      fixture.tenantId,
      agentId,
    ]);
    const debtorId = await debtorWithInvoice('Fromagerie des Alpes', true, scenarioId);
    await runPlanner(db.app, fixture.tenantId, '2026-11-09', new Date(), ids);
    const letter = await stepDone(debtorId, 'letter-1', 'done');
    const actor = { kind: 'system' as const, id: null, label: 'test', channel: 'cli' as const, ip: null };
    expect(await run((tx) => assignCase(tx, { caseId: letter.case_id, assigneeId: agentId }, actor, new Date(), ids))).toEqual({
      ok: true,
      value: null,
    });

    await runPlanner(db.app, fixture.tenantId, '2026-11-16', new Date(), ids);
    await stepDone(debtorId, 'mail-2', 'sent');
    const to = `compta@${debtorId.slice(0, 8)}.example`;
    const mail = await until(async () => received.find((m) => m.to && !Array.isArray(m.to) && m.to.value[0]?.address === to));
    expect(mail.replyTo?.value[0]?.address).toBe('julie.martin@atelier-durand.fr');
    const [reminder, attached] = await run((tx) => caseDocuments(tx, letter.case_id));
    const contactOf = async (id: string) =>
      ((await run((tx) => documentContent(tx, id))) as unknown as { facts: { input: { contact: { name: string; email: string } } } }).facts
        .input.contact;
    // The postal reminder went out before the case was given to her; the letter attached to the e-mail names her.
    expect((await contactOf(reminder?.id as string)).name).toBe('Claire Dubois');
    expect(await contactOf(attached?.id as string)).toMatchObject({ name: 'Julie Martin', email: 'julie.martin@atelier-durand.fr' });
  });

  it('sends a letter lacking a mandatory mention to the review queue, naming it', async () => {
    const debtorId = await debtorWithInvoice('Sans Adresse', false, scenarioId);
    await runPlanner(db.app, fixture.tenantId, '2026-11-09', new Date(), ids);
    const failed = await stepDone(debtorId, 'letter-1', 'failed');
    expect(failed.last_error).toContain('debtor-identity (debtor.address.line1, debtor.address.postalCode, debtor.address.city)');
    expect(await run((tx) => caseDocuments(tx, failed.case_id))).toEqual([]);
  });
});

/**
 * Letters through the API on a real PostgreSQL: the catalog, versioned texts and
 * their history, a save refused (nothing written) when a mandatory mention is
 * missing, the live check with line and column, identical previews, a letter
 * produced for a case and archived with the SHA-256 of the bytes one downloads
 * (and rendered again to the same bytes from what was archived), and the letters
 * to post. The debtor's payment page: pay-page.test.ts.
 */
import { createHash } from 'node:crypto';
import { documentContent, inTenant, letterTemplateById, verifyDocument } from '@amiable/db';
import { LetterTypeId } from '@amiable/contract';
import { LETTER_TYPES } from '@amiable/letters';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LettersSetup, RATES_2026_H2, startLettersApi } from './letters-setup.js';

let setup: LettersSetup;
let call: LettersSetup['call'];
let tenantId: string;
let creditorId: string;
let debtorId: string;
let caseId: string;
type Fields = Record<'subject' | 'opening' | 'demand' | 'consequences' | 'closing', string>;
let shipped: Fields;

beforeAll(async () => {
  setup = await startLettersApi();
  ({ call, tenantId, creditorId, debtorId, caseId } = setup);
  shipped = (await call('GET', '/api/letter-templates/formal-notice?lang=fr')).body.shipped;
});
afterAll(async () => {
  await setup?.api.close();
});

describe('catalog and texts', () => {
  it('documents each type’s mentions, the paragraphs and the variables in the caller’s language', async () => {
    const fr = (await call('GET', '/api/letters/catalog')).body;
    expect(fr.types.map((t: { type: string }) => t.type)).toHaveLength(8);
    const notice = fr.types.find((t: { type: string }) => t.type === 'formal-notice');
    expect(notice.minDeadlineDays).toBe(8);
    expect(notice.mentions).toContainEqual({ id: 'express-demand', label: expect.stringContaining('demande expresse') });
    expect(fr.fields).toEqual(['subject', 'opening', 'demand', 'consequences', 'closing']);
    expect(fr.variables).toContainEqual({ name: 'deadlineDate', type: 'date', doc: 'Date limite de paiement' });
    const invoices = fr.variables.find((v: { name: string }) => v.name === 'invoices');
    expect(invoices.fields).toContainEqual({ name: 'number', type: 'text', doc: 'Numéro de la facture' });
    const en = (await call('GET', '/api/letters/catalog', undefined, { 'accept-language': 'en' })).body;
    expect(en.variables).toContainEqual({ name: 'deadlineDate', type: 'date', doc: 'Payment deadline' });
  });

  it('saves versions 1 and 2 of the tenant’s text, lists them newest first, and keeps a creditor’s text apart', async () => {
    const first = await call('POST', '/api/letter-templates/formal-notice', { lang: 'fr', fields: shipped });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ version: 1, label: 'tenant:v1', creditorId: null, createdBy: 'owner' });
    const changed = { ...shipped, closing: `${shipped.closing}\n\nPost-scriptum : merci.` };
    const second = await call('POST', '/api/letter-templates/formal-notice', { lang: 'fr', fields: changed });
    expect(second.body).toMatchObject({ version: 2, label: 'tenant:v2' });

    const text = (await call('GET', '/api/letter-templates/formal-notice?lang=fr')).body;
    expect(text.current).toMatchObject({ version: 2, fields: changed });
    expect(text.history.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(text.history[1].fields).toEqual(shipped);
    expect(text.shipped).toEqual(shipped);

    const own = await call('POST', '/api/letter-templates/formal-notice', { lang: 'fr', creditorId, fields: shipped });
    expect(own.body).toMatchObject({ version: 1, label: 'creditor:v1', creditorId });
    const forCreditor = (await call('GET', `/api/letter-templates/formal-notice?lang=fr&creditorId=${creditorId}`)).body;
    expect(forCreditor.current.label).toBe('creditor:v1');
    expect(forCreditor.history).toHaveLength(1);
    expect((await call('GET', '/api/letter-templates/formal-notice?lang=fr')).body.current.label).toBe('tenant:v2');
    // English is another text: still the shipped one.
    expect((await call('GET', '/api/letter-templates/formal-notice?lang=en')).body.current).toMatchObject({ version: 0, id: null });
  });

  it('refuses a formal notice whose demand lacks {{deadlineDate}}, naming the paragraph and the mention, and saves nothing', async () => {
    const demand = 'Nous vous mettons en demeure de régler la somme de {{totalClaimed}}.';
    const refused = await call('POST', '/api/letter-templates/formal-notice', { lang: 'fr', fields: { ...shipped, demand } });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('VALIDATION_FAILED');
    expect(refused.body.issues).toContainEqual({
      field: 'fields.demand',
      code: 'missing_mention',
      message: expect.stringMatching(/^« fields\.demand » : mention obligatoire manquante : demande expresse de payer/),
    });
    expect(refused.body.issues).toContainEqual({
      field: 'fields',
      code: 'missing_mention',
      message: expect.stringContaining('délai de paiement'),
    });
    const history = (await call('GET', '/api/letter-templates/formal-notice?lang=fr')).body.history;
    expect(history.map((v: { version: number }) => v.version)).toEqual([2, 1]);
  });

  it('reports as the editor types an unknown variable with its line and column, and the missing mentions', async () => {
    const demand = 'Nous vous mettons en demeure de régler {{totalClaimed}}\navant le {{dedlineDate}}.';
    const checked = await call('POST', '/api/letter-templates/formal-notice/check', { lang: 'fr', fields: { ...shipped, demand } });
    expect(checked.status).toBe(200);
    expect(checked.body.ok).toBe(false);
    expect(checked.body.templateIssues).toEqual([
      {
        field: 'demand',
        line: 2,
        column: 10,
        code: 'unknown_variable',
        message: 'ligne 2, colonne 10 : variable inconnue « dedlineDate »',
      },
    ]);
    const good = await call('POST', '/api/letter-templates/formal-notice/check', { lang: 'fr', fields: shipped });
    expect(good.body).toMatchObject({ ok: true, templateIssues: [], missing: [] });
    expect(good.body.rendered.subject).toBe('Mise en demeure de payer');
    const missing = await call('POST', '/api/letter-templates/reminder/check', { lang: 'fr', fields: { ...shipped, demand: 'Merci.' } });
    expect(missing.body.missing.map((m: { mention: string }) => m.mention)).toContain('payment-deadline');
  });

  it('names every bad property of a body, in French for a French user', async () => {
    const bad = await call('POST', '/api/letter-templates/formal-notice/check', { lang: 'de', fields: { subject: 'x' } });
    expect(bad.status).toBe(400);
    const fields = bad.body.issues.map((i: { field: string }) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['lang', 'fields.opening', 'fields.closing']));
    expect(bad.body.message).toBe('Certaines données sont invalides.');
    expect(bad.body.issues.find((i: { field: string }) => i.field === 'lang').message).toMatch(/^« lang » : valeur/);
    expect((await call('GET', '/api/letter-templates/lettre-anonyme')).status).toBe(400);
  });

  it('lets only managers and owners save a text', async () => {
    const key = await call('POST', '/api/api-keys', { name: 'Lecture', role: 'viewer' });
    const viewer = { cookie: '', authorization: `Bearer ${key.body.secret}` };
    expect((await call('GET', '/api/letter-templates/reminder', undefined, viewer)).status).toBe(200);
    const refused = await call('POST', '/api/letter-templates/reminder', { lang: 'fr', fields: shipped }, viewer);
    expect(refused.status).toBe(403);
  });
});

describe('preview', () => {
  it('renders the sample case as the same PDF twice, and as the e-mail', async () => {
    const body = { lang: 'fr', fields: shipped, format: 'pdf' };
    const first = await call('POST', '/api/letter-templates/formal-notice/preview', body);
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toBe('application/pdf');
    expect(first.raw.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const second = await call('POST', '/api/letter-templates/formal-notice/preview', body);
    expect(Buffer.compare(first.raw, second.raw)).toBe(0);

    const email = await call('POST', '/api/letter-templates/formal-notice/preview', { ...body, format: 'email' });
    expect(email.body.subject).toBe('Mise en demeure de payer');
    expect(email.body.html).toContain('MISE EN DEMEURE');
    expect(email.body.text).toContain('F-2025-0142');
  });

  it('refuses to preview a text with a missing mention, listing it', async () => {
    const refused = await call('POST', '/api/letter-templates/formal-notice/preview', {
      lang: 'fr',
      fields: { ...shipped, consequences: '' },
      format: 'email',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.issues.map((i: { field: string }) => i.field)).toContain('fields.consequences');
  });
});

describe('letters of a case', () => {
  it('refuses a formal notice while the rates table lacks the half-year (RATE_MISSING), then produces it once added', async () => {
    const refused = await call('POST', `/api/recovery/cases/${caseId}/letters`, { type: 'formal-notice' });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'RATE_MISSING', message: expect.stringContaining('2026-H2') });
    expect((await call('PUT', '/api/legal/rates/2026-H2', RATES_2026_H2)).status).toBe(200);
  });

  it('previews the text on the real case', async () => {
    const preview = await call('POST', '/api/letter-templates/formal-notice/preview', {
      lang: 'fr',
      fields: shipped,
      format: 'email',
      caseId,
    });
    expect(preview.status).toBe(200);
    expect(preview.body.text).toContain('F-2026-0142');
  });

  it('archives the letter with the SHA-256 of the bytes one downloads, and renders it again to the same bytes', async () => {
    const produced = await call('POST', `/api/recovery/cases/${caseId}/letters`, { type: 'formal-notice' });
    expect(produced.status).toBe(201);
    expect(produced.body).toMatchObject({
      caseId,
      kind: 'letter',
      letterType: 'formal-notice',
      lang: 'fr',
      delivery: 'to-print',
      templateVersion: 'creditor:v1',
      filename: 'mise-en-demeure-de-payer-boulangerie-martin-sas-2026-11-23.pdf',
    });
    const documents = (await call('GET', `/api/recovery/cases/${caseId}/documents`)).body;
    expect(documents).toEqual([produced.body]);

    const download = await call('GET', `/api/documents/${produced.body.id}/content`);
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="${produced.body.filename}"; filename*=UTF-8''${produced.body.filename}`,
    );
    expect(createHash('sha256').update(download.raw).digest('hex')).toBe(produced.body.sha256);

    const archive = await inTenant(setup.api.db.app, { tenantId }, async (tx) => {
      const archived = await documentContent(tx, produced.body.id);
      const facts = archived?.facts as { template: object; logoFileId: string | null };
      return {
        facts,
        // The archive names the text's version too, and that version holds the same text.
        version: archived?.templateId ? (await letterTemplateById(tx, archived.templateId))?.fields : null,
        verified: await verifyDocument(tx, produced.body.id),
      };
    });
    expect(archive.version).toEqual(archive.facts.template);
    expect(archive.facts.logoFileId).not.toBeNull();
    expect(archive.verified).toMatchObject({ identical: true, storedSha256: produced.body.sha256 });
  });

  it('lists the missing data mentions of a case and stores nothing', async () => {
    expect((await call('PATCH', `/api/creditors/${creditorId}`, { siren: null })).status).toBe(200);
    const refused = await call('POST', `/api/recovery/cases/${caseId}/letters`, { type: 'reminder' });
    expect(refused.status).toBe(400);
    expect(refused.body.issues).toContainEqual({
      field: 'creditor.siren',
      code: 'missing_mention',
      message: expect.stringContaining('SIREN du créancier'),
    });
    expect((await call('PATCH', `/api/creditors/${creditorId}`, { siren: '732829320' })).status).toBe(200);
    expect((await call('GET', `/api/recovery/cases/${caseId}/documents`)).body).toHaveLength(1);
  });

  it('produces a receipt for the latest payment, with the invoices it settled', async () => {
    const invoices = (await call('GET', `/api/invoices?debtorId=${debtorId}`)).body.items as { id: string; number: string }[];
    const first = invoices.find((i) => i.number === 'F-2026-0142');
    const paid = await call('POST', '/api/payments', {
      creditorId,
      debtorId,
      amount: '1200.00',
      receivedOn: '2026-11-20',
      method: 'transfer',
      allocations: [{ invoiceId: first?.id, amount: '1200.00' }],
    });
    expect(paid.status).toBe(201);
    const receipt = await call('POST', `/api/recovery/cases/${caseId}/letters`, { type: 'payment-receipt' });
    expect(receipt.status).toBe(201);
    expect(receipt.body).toMatchObject({ letterType: 'payment-receipt', templateVersion: 'default:2026-12' });
    // Archived without a claim (a receipt states none), it renders again to the same bytes all the same.
    const verified = await inTenant(setup.api.db.app, { tenantId }, (tx) => verifyDocument(tx, receipt.body.id));
    expect(verified?.identical).toBe(true);
  });

  it('lists the letters to print, and marks one as posted (twice changes nothing)', async () => {
    type Pending = { id: string; letterType: string; delivery: string; debtor: { id: string; name: string }; creditor: { id: string } };
    const pending = (await call('GET', '/api/letters/pending')).body as Pending[];
    expect(pending.map((d) => d.letterType).sort()).toEqual(['formal-notice', 'payment-receipt']);
    const notice = pending.find((d) => d.letterType === 'formal-notice') as Pending;
    expect(notice).toMatchObject({ debtor: { id: debtorId, name: 'Boulangerie Martin SAS' }, creditor: { id: creditorId } });
    expect((await call('GET', '/api/letters/pending?delivery=awaiting-registered-sending')).body).toEqual([]);
    for (let i = 0; i < 2; i++) expect((await call('POST', `/api/documents/${notice.id}/delivery`, { delivery: 'sent' })).status).toBe(204);
    expect((await call('GET', '/api/letters/pending')).body.map((d: Pending) => d.letterType)).toEqual(['payment-receipt']);
    const documents = (await call('GET', `/api/recovery/cases/${caseId}/documents`)).body as Pending[];
    expect(documents.find((d) => d.id === notice.id)?.delivery).toBe('sent');
    expect((await call('POST', `/api/documents/${notice.id}/delivery`, { delivery: 'attached' })).status).toBe(400);
  });
});

// The contract spells the letter types out as a TypeBox union (for its static type): it must list the domain's, no more.
it('accepts exactly the domain’s letter types in the HTTP contract', () => {
  const literals = (LetterTypeId as unknown as { anyOf: { const: string }[] }).anyOf.map((s) => s.const);
  expect(literals).toEqual([...LETTER_TYPES]);
});

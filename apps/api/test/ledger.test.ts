/**
 * The receivables ledger through the API: creditors and debtors with French
 * identifiers checked, invoices, partial payments, overpayments kept as credit,
 * reversals, credit notes, disputes, and the invoice list (filters, sorting,
 * cursor pagination, aging).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, startTestApi } from './harness.js';

let api: TestApi;
let cookie: string;
const origin = 'http://localhost:3000';

async function call(
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  payload?: unknown,
  extra: Record<string, string> = {},
) {
  const response = await api.app.inject({
    method,
    url,
    headers: { cookie, origin, ...extra },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  return { status: response.statusCode, body: response.body ? response.json() : null };
}

let creditorId: string;
let debtorId: string;

beforeAll(async () => {
  api = await startTestApi();
  await api.createTenantWithOwner('Ledger SAS', 'owner@ledger.test');
  cookie = await api.login('owner@ledger.test');
  const creditor = await call('POST', '/api/creditors', {
    legalName: 'Ateliers Durand SAS',
    siren: '732 829 320',
    siret: '73282932000074',
    vatNumber: 'FR44732829320',
    iban: 'FR76 3000 6000 0112 3456 7890 189',
    bic: 'AGRIFRPP',
    address: { line1: '12 rue de la République', line2: null, postalCode: '69002', city: 'Lyon', country: 'FR' },
  });
  expect(creditor.status).toBe(201);
  creditorId = creditor.body.id;
  const debtor = await call('POST', '/api/debtors', {
    kind: 'business',
    name: 'Boulangerie Lefèvre',
    siren: '552 100 554',
    tags: ['Restauration'],
  });
  expect(debtor.status).toBe(201);
  debtorId = debtor.body.id;
});
afterAll(async () => {
  await api.close();
});

describe('creditors and debtors', () => {
  it('normalises and checks French identifiers', async () => {
    const creditor = await call('GET', `/api/creditors/${creditorId}`);
    expect(creditor.body).toMatchObject({
      siren: '732829320',
      siret: '73282932000074',
      vatNumber: 'FR44732829320',
      iban: 'FR7630006000011234567890189',
      bic: 'AGRIFRPP',
    });
  });

  it('says what a creditor still lacks for its letters, before any letter is refused', async () => {
    const bare = await call('POST', '/api/creditors', { legalName: 'Sans Adresse SARL' });
    expect(bare.status).toBe(201);
    expect(bare.body.letterGaps).toEqual(['creditor-identity', 'creditor-siren', 'creditor-contact', 'creditor-bank']);
    const filled = await call('PATCH', `/api/creditors/${bare.body.id}`, {
      siren: '552 100 554',
      address: { line1: '3 place Bellecour', line2: null, postalCode: '69002', city: 'Lyon', country: 'FR' },
      phone: '04 72 00 00 02',
      iban: 'fr76 3000 6000 0112 3456 7890 189',
      bic: 'agrifrpp',
    });
    expect(filled.body).toMatchObject({ siren: '552100554', iban: 'FR7630006000011234567890189', bic: 'AGRIFRPP', letterGaps: [] });
  });

  it('rejects bad identifiers, naming every field, in the caller language', async () => {
    const bad = await call(
      'POST',
      '/api/creditors',
      { legalName: 'Mauvaise SARL', siren: '123456789', iban: 'FR7630006000011234567890180', email: 'pas-un-mail' },
      { 'accept-language': 'en' },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(bad.body.issues).toEqual([
      { field: 'siren', code: 'invalid_siren', message: '"siren": invalid SIREN "123456789" (9 digits, wrong check digit)' },
      { field: 'iban', code: 'invalid_iban', message: '"iban": invalid IBAN "FR7630006000011234567890180" (wrong check digits)' },
      { field: 'email', code: 'invalid_email', message: '"email": invalid e-mail address "pas-un-mail"' },
    ]);
  });

  it('keeps the person debtors deal with, checked, for letters and the Reply-To of e-mails', async () => {
    const bad = await call('PATCH', `/api/creditors/${creditorId}`, {
      recoveryContact: { name: 'Claire Dubois', email: 'claire@', phone: null },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i: { field: string; code: string }) => `${i.field}:${i.code}`)).toEqual([
      'recoveryContact.email:invalid_email',
    ]);
    const ok = await call('PATCH', `/api/creditors/${creditorId}`, {
      recoveryContact: { name: ' Claire Dubois ', email: 'Claire.Dubois@Atelier-Durand.fr', phone: '04 72 00 00 01' },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.recoveryContact).toEqual({ name: 'Claire Dubois', email: 'claire.dubois@atelier-durand.fr', phone: '04 72 00 00 01' });
    const cleared = await call('PATCH', `/api/creditors/${creditorId}`, { recoveryContact: null });
    expect(cleared.body.recoveryContact).toBeNull();
  });

  it('rejects unknown and malformed fields instead of dropping them', async () => {
    const bad = await call('POST', '/api/debtors', { kind: 'robot', name: '', colour: 'blue' });
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i: { field: string; code: string }) => `${i.field}:${i.code}`).sort()).toEqual([
      'colour:unknown_field',
      'kind:invalid_choice',
      'name:too_short',
    ]);
  });

  it('refuses a second debtor with the same SIREN in the tenant', async () => {
    const again = await call('POST', '/api/debtors', { kind: 'business', name: 'Autre nom', siren: '552100554' });
    expect(again.status).toBe(409);
  });
});

describe('invoices, payments and allocations', () => {
  let invoiceA: string;
  let invoiceB: string;

  it('creates invoices and applies a payment oldest first, keeping the overpayment as credit', async () => {
    const a = await call('POST', '/api/invoices', {
      creditorId,
      debtorId,
      number: 'FA-1',
      issueDate: '2026-09-01',
      dueDate: '2026-10-01',
      amountExclTax: '1000.00',
      amountInclTax: '1200.00',
    });
    const b = await call('POST', '/api/invoices', {
      creditorId,
      debtorId,
      number: 'FA-2',
      issueDate: '2026-09-15',
      dueDate: '2026-10-15',
      amountInclTax: '300.00',
    });
    expect([a.status, b.status]).toEqual([201, 201]);
    invoiceA = a.body.id;
    invoiceB = b.body.id;
    expect(a.body).toMatchObject({ status: 'overdue', outstanding: '1200.00', daysOverdue: 53, bucket: '31-60' });

    const payment = await call('POST', '/api/payments', {
      creditorId,
      debtorId,
      amount: '1600.00',
      receivedOn: '2026-11-20',
      method: 'transfer',
      reference: 'VIR 123',
      autoAllocate: true,
    });
    expect(payment.status).toBe(201);
    expect(payment.body).toMatchObject({ amount: '1600.00', allocated: '1500.00', unallocated: '100.00' });
    expect(payment.body.allocations.map((x: { invoiceNumber: string; amount: string }) => [x.invoiceNumber, x.amount])).toEqual([
      ['FA-1', '1200.00'],
      ['FA-2', '300.00'],
    ]);
    expect((await call('GET', `/api/invoices/${invoiceA}`)).body).toMatchObject({
      status: 'paid',
      outstanding: '0.00',
      settled: '1200.00',
    });
    const debtor = await call('GET', `/api/debtors/${debtorId}`);
    expect(debtor.body.balance).toMatchObject({ outstanding: [], credit: [{ currency: 'EUR', amount: '100.00' }] });
  });

  it('reverses a bounced payment: the invoices are open again', async () => {
    const payments = await call('GET', `/api/payments?debtorId=${debtorId}`);
    const id = payments.body.items[0].id;
    const reversed = await call('POST', `/api/payments/${id}/reverse`, { reason: 'Virement rejeté' });
    expect(reversed.body).toMatchObject({ allocated: '0.00', unallocated: '0.00', reversalReason: 'Virement rejeté' });
    expect((await call('GET', `/api/invoices/${invoiceA}`)).body).toMatchObject({ status: 'overdue', outstanding: '1200.00' });
    const again = await call('POST', `/api/payments/${id}/reverse`, { reason: 'encore' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ALREADY_REVERSED');
  });

  it('refuses to settle more than is owed or to spend more than was paid', async () => {
    const payment = await call('POST', '/api/payments', {
      creditorId,
      debtorId,
      amount: '100.00',
      receivedOn: '2026-11-21',
      method: 'cheque',
    });
    const tooMuchForPayment = await call('POST', `/api/payments/${payment.body.id}/allocations`, { invoiceId: invoiceA, amount: '150.00' });
    expect(tooMuchForPayment.status).toBe(409);
    expect(tooMuchForPayment.body.code).toBe('ALLOCATION_EXCEEDS_AVAILABLE');
    const big = await call('POST', '/api/payments', {
      creditorId,
      debtorId,
      amount: '5000.00',
      receivedOn: '2026-11-21',
      method: 'transfer',
    });
    const tooMuchForInvoice = await call('POST', `/api/payments/${big.body.id}/allocations`, { invoiceId: invoiceB, amount: '300.01' });
    expect(tooMuchForInvoice.body).toMatchObject({
      code: 'ALLOCATION_EXCEEDS_OUTSTANDING',
      message: 'Le montant affecté dépasse le reste dû de la facture FA-2 (300.00).',
    });
    const part = await call('POST', `/api/payments/${payment.body.id}/allocations`, { invoiceId: invoiceB, amount: '100.00' });
    expect(part.status).toBe(201);
    expect((await call('GET', `/api/invoices/${invoiceB}`)).body).toMatchObject({ outstanding: '200.00', status: 'overdue' });
  });

  it('applies a credit note and undoes an allocation', async () => {
    const credit = await call('POST', '/api/invoices', {
      creditorId,
      debtorId,
      kind: 'credit-note',
      number: 'AV-1',
      issueDate: '2026-11-01',
      amountInclTax: '50.00',
    });
    const applied = await call('POST', `/api/invoices/${credit.body.id}/allocations`, { invoiceId: invoiceB, amount: '50.00' });
    expect(applied.status).toBe(201);
    expect((await call('GET', `/api/invoices/${invoiceB}`)).body.outstanding).toBe('150.00');
    const allocationId = applied.body.allocations[0].id;
    expect((await call('POST', `/api/allocations/${allocationId}/reverse`, { reason: 'Mauvaise facture' })).status).toBe(204);
    expect((await call('GET', `/api/invoices/${invoiceB}`)).body.outstanding).toBe('200.00');
  });

  it('keeps amounts exact to the cent and never converts currencies', async () => {
    const gbp = await call('POST', '/api/invoices', {
      creditorId,
      debtorId,
      number: 'GB-1',
      issueDate: '2026-10-01',
      dueDate: '2026-10-31',
      currency: 'GBP',
      amountInclTax: '0.30',
    });
    const eurPayment = await call('POST', '/api/payments', {
      creditorId,
      debtorId,
      amount: '0.10',
      receivedOn: '2026-11-22',
      method: 'card',
    });
    const mixed = await call('POST', `/api/payments/${eurPayment.body.id}/allocations`, { invoiceId: gbp.body.id, amount: '0.10' });
    expect(mixed.body.code).toBe('CURRENCY_MISMATCH');
    const aging = await call('GET', '/api/invoices/aging');
    expect(aging.body.totals).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ currency: 'GBP', outstanding: '0.30' }),
        expect.objectContaining({ currency: 'EUR' }),
      ]),
    );
  });

  it('opens and resolves a dispute, which takes the invoice out of "overdue"', async () => {
    const opened = await call('POST', `/api/invoices/${invoiceA}/disputes`, { reason: 'Marchandise livrée endommagée' });
    expect(opened.status).toBe(201);
    expect(opened.body.status).toBe('disputed');
    expect((await call('POST', `/api/invoices/${invoiceA}/disputes`, { reason: 'encore' })).body.code).toBe('DISPUTE_ALREADY_OPEN');
    const overdue = await call('GET', '/api/invoices?status=overdue');
    expect(overdue.body.items.map((i: { number: string }) => i.number)).not.toContain('FA-1');
    const resolved = await call('POST', `/api/invoices/${invoiceA}/disputes/${opened.body.disputes[0].id}/resolve`, {
      resolution: 'Avoir accordé',
    });
    expect(resolved.body.status).toBe('overdue');
  });

  it("logs every change in the debtor's activity log, who and from where", async () => {
    const log = await call('GET', `/api/debtors/${debtorId}/activity?limit=100`);
    const actions = log.body.items.map((a: { action: string }) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'debtor.created',
        'invoice.created',
        'payment.recorded',
        'payment.allocated',
        'payment.reversed',
        'allocation.reversed',
        'credit-note.applied',
        'dispute.opened',
        'dispute.resolved',
      ]),
    );
    const dispute = log.body.items.find((a: { action: string }) => a.action === 'dispute.opened');
    expect(dispute).toMatchObject({
      actor: { kind: 'user', label: 'owner' },
      channel: 'web',
      summary: 'Litige ouvert sur la facture FA-1 : Marchandise livrée endommagée',
    });
  });
});

describe('invoice list', () => {
  beforeAll(async () => {
    const other = await call('POST', '/api/debtors', { kind: 'consumer', name: 'Hélène Dubois' });
    const dates = ['2026-01-10', '2026-05-20', '2026-08-30', '2026-09-25', '2026-10-20', '2026-11-15', '2026-12-20'];
    for (const [index, due] of dates.entries()) {
      await call('POST', '/api/invoices', {
        creditorId,
        debtorId: other.body.id,
        number: `L-${index}`,
        issueDate: '2026-01-01',
        dueDate: due,
        amountInclTax: `${(index + 1) * 100}.00`,
      });
    }
  });

  it('sorts the open invoices most overdue first and pages through them without gaps or repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await call('GET', `/api/invoices?status=open&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.body.items.map((i: { number: string; dueDate: string }) => `${i.dueDate}`));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(10);
  });

  it('filters by aging bucket, debtor kind tag, amount and search', async () => {
    // On 23/11/2026: due 10/01 and 20/05 are over 180 days late, 30/08 is 85 days late.
    const bucket = await call('GET', '/api/invoices?bucket=over-180');
    expect(bucket.body.items.map((i: { number: string }) => i.number)).toEqual(['L-0', 'L-1']);
    const sixtyToNinety = await call('GET', '/api/invoices?bucket=61-90');
    expect(sixtyToNinety.body.items.map((i: { number: string; daysOverdue: number }) => [i.number, i.daysOverdue])).toEqual([['L-2', 85]]);
    const notDue = await call('GET', '/api/invoices?bucket=not-due');
    expect(notDue.body.items.map((i: { number: string }) => i.number)).toEqual(['L-6']);
    const amount = await call('GET', '/api/invoices?minAmount=400&maxAmount=500.00&sort=amount');
    expect(amount.body.items.map((i: { number: string }) => i.number)).toEqual(['L-3', 'L-4']);
    const tag = await call('GET', '/api/invoices?tag=restauration&sort=number');
    expect(tag.body.items.map((i: { number: string }) => i.number)).toEqual(['AV-1', 'FA-1', 'FA-2', 'GB-1']);
    const search = await call('GET', '/api/invoices?search=h%C3%A9l%C3%A8ne&limit=200');
    expect(search.body.items).toHaveLength(7);
  });

  it('sorts by every documented column in both directions', async () => {
    const total = (await call('GET', '/api/invoices?limit=200')).body.items.length;
    expect(total).toBe(11);
    for (const sort of ['dueDate', 'issueDate', 'amount', 'outstanding', 'number', 'debtorName']) {
      for (const order of ['asc', 'desc']) {
        const all: string[] = [];
        let cursor: string | null = null;
        do {
          const page = await call('GET', `/api/invoices?sort=${sort}&order=${order}&limit=4${cursor ? `&cursor=${cursor}` : ''}`);
          expect(page.status, `${sort} ${order}`).toBe(200);
          all.push(...page.body.items.map((i: { id: string }) => i.id));
          cursor = page.body.nextCursor;
        } while (cursor);
        expect(new Set(all).size, `${sort} ${order}`).toBe(all.length);
        expect(all.length, `${sort} ${order}`).toBe(total);
      }
    }
  });

  it('refuses a forged cursor', async () => {
    const response = await call('GET', '/api/invoices?cursor=bm90LWEtY3Vyc29y');
    expect(response.status).toBe(400);
    expect(response.body.issues[0].field).toBe('query.cursor');
  });

  it('exports the filtered list as CSV with formula injection defused', async () => {
    await call('POST', '/api/debtors', { kind: 'business', name: '=HYPERLINK("http://evil")' }).then(async (d) =>
      call('POST', '/api/invoices', {
        creditorId,
        debtorId: d.body.id,
        number: '+CMD',
        issueDate: '2026-01-01',
        dueDate: '2026-02-01',
        amountInclTax: '1.00',
      }),
    );
    const response = await api.app.inject({ method: 'GET', url: '/api/invoices/export.csv?search=CMD', headers: { cookie } });
    expect(response.headers['content-type']).toContain('text/csv');
    const lines = response.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      "N° facture;Type;Créancier;Raison sociale;Date facture;Date d'échéance;Montant TTC;Reste dû;Devise;Statut;Retard (jours)",
    );
    expect(lines[1]).toBe(
      `'+CMD;Facture;Ateliers Durand SAS;"'=HYPERLINK(""http://evil"")";01/01/2026;01/02/2026;1,00;1,00;EUR;En retard;295`,
    );
  });
});

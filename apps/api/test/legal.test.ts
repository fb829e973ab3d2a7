/**
 * The legal engine through the API: the calculators, the rates table and its
 * tenant rows (owner only, logged, isolated between tenants), a debtor's claim and
 * the near-prescription filter of the invoice list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, startTestApi } from './harness.js';

let api: TestApi;
let cookie: string;
let otherCookie: string;
let tenantId: string;
const origin = 'http://localhost:3000';

async function call(method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, extra: Record<string, string> = {}, as = cookie) {
  const response = await api.app.inject({
    method,
    url,
    headers: { cookie: as, origin, ...extra },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  return { status: response.statusCode, body: response.body ? response.json() : null };
}

beforeAll(async () => {
  api = await startTestApi();
  tenantId = (await api.createTenantWithOwner('Légal SAS', 'owner@legal.test')).tenantId;
  cookie = await api.login('owner@legal.test');
  await api.createTenantWithOwner('Autre SAS', 'owner@autre.test');
  otherCookie = await api.login('owner@autre.test');
});
afterAll(async () => {
  await api.close();
});

describe('POST /api/legal/late-fees', () => {
  it('computes B2B penalties across 1 July, split by half-year, with the 40 € indemnity', async () => {
    const r = await call('POST', '/api/legal/late-fees', { debtor: 'business', amount: '1200.00', due: '2025-03-15', until: '2025-09-30' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      daysLate: 199,
      interest: '83.01',
      indemnity: '40.00',
      principalDue: '1200.00',
      interestDue: '83.01',
      overpaid: '0.00',
    });
    expect(r.body.periods).toEqual([
      { from: '2025-03-16', to: '2025-06-30', days: 107, ratePercent: '13.15', halfYear: '2025-H1', basis: 'ecb-plus-10' },
      { from: '2025-07-01', to: '2025-09-30', days: 92, ratePercent: '12.15', halfYear: '2025-H2', basis: 'ecb-plus-10' },
    ]);
    expect(r.body.articles).toContain('C. com. D441-5');
  });

  it('imputes a partial payment on interest first for a consumer (C. civ. 1343-1), no indemnity', async () => {
    const r = await call('POST', '/api/legal/late-fees', {
      debtor: 'consumer',
      amount: '1000.00',
      formalNotice: '2025-06-30',
      until: '2025-10-31',
      payments: [{ date: '2025-10-31', amount: '500.00' }],
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ interest: '9.30', interestDue: '0.00', principalDue: '509.30', indemnity: '0.00' });
  });

  it('flags a contract rate below three times the legal rate, in the caller’s language', async () => {
    const r = await call(
      'POST',
      '/api/legal/late-fees',
      { debtor: 'business', amount: '7300.00', due: '2024-02-01', until: '2024-03-01', rate: '12' },
      { 'accept-language': 'en' },
    );
    expect(r.body.warnings).toEqual([expect.objectContaining({ code: 'CONTRACT_RATE_BELOW_FLOOR', halfYear: '2024-H1' })]);
    expect(r.body.warnings[0].message).toContain('15.21 %');
  });

  it('refuses to guess a missing half-year: 422 RATE_MISSING naming it and saying how to add it', async () => {
    const r = await call('POST', '/api/legal/late-fees', { debtor: 'business', amount: '1000.00', due: '2026-06-15', until: '2026-07-10' });
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('RATE_MISSING');
    expect(r.body.message).toContain('2026-H2');
    expect(r.body.message).toContain('amiable rates set 2026-H2');
  });

  it('names the field of bad input: a payment after the computation date, a malformed amount, an unknown debtor kind', async () => {
    const late = await call('POST', '/api/legal/late-fees', {
      debtor: 'business',
      amount: '100.00',
      due: '2025-01-01',
      until: '2025-02-01',
      payments: [{ date: '2025-03-01', amount: '10.00' }],
    });
    expect(late.status).toBe(400);
    expect(late.body.issues).toEqual([expect.objectContaining({ field: 'payments[0].date', code: 'after_until' })]);
    const amount = await call('POST', '/api/legal/late-fees', {
      debtor: 'business',
      amount: '12,5',
      due: '2025-01-01',
      until: '2025-02-01',
    });
    expect(amount.status).toBe(400);
    expect(JSON.stringify(amount.body)).toContain('amount');
    const kind = await call('POST', '/api/legal/late-fees', { debtor: 'company', amount: '1.00', due: '2025-01-01', until: '2025-02-01' });
    expect(kind.status).toBe(400);
    expect(JSON.stringify(kind.body)).toContain('debtor');
    const missing = await call('POST', '/api/legal/late-fees', { debtor: 'consumer', amount: '1.00', until: '2025-02-01' });
    expect(missing.body.issues).toEqual([expect.objectContaining({ field: 'formalNotice', code: 'required' })]);
  });
});

describe('prescription and small claims', () => {
  it('restarts prescription from a partial payment, and applies the 5 000 € limit included', async () => {
    expect(
      (await call('POST', '/api/legal/prescription', { debtor: 'business', due: '2021-03-31', interruptions: ['2024-06-10'] })).body,
    ).toMatchObject({
      lastDay: '2029-06-10',
      years: 5,
    });
    expect((await call('POST', '/api/legal/small-claims', { principal: '4999.99', interest: '0.01' })).body).toMatchObject({
      eligible: true,
      total: '5000.00',
    });
    expect((await call('POST', '/api/legal/small-claims', { principal: '4990.00', interest: '10.01' })).body.eligible).toBe(false);
  });
});

describe('the rates table', () => {
  it('lists the shipped half-years with their sources; an owner adds 2026-H2, which is logged and then used', async () => {
    const before = await call('GET', '/api/legal/rates');
    expect(before.body.rows.find((r: { halfYear: string }) => r.halfYear === '2025-H1')).toMatchObject({
      ecbRate: '3.15',
      b2bDefaultRate: '13.15',
      legalRateOther: '3.71',
      contractRateFloor: '11.13',
      origin: 'shipped',
    });
    expect(before.body.rows.some((r: { halfYear: string }) => r.halfYear === '2026-H2')).toBe(false);

    const bad = await call('PUT', '/api/legal/rates/2026-H2', {
      ecbRate: '2.15',
      legalRateIndividual: '6.5',
      legalRateOther: '250',
      source: 'Test source',
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.issues)).toContain('legalRateOther');

    const put = await call('PUT', '/api/legal/rates/2026-H2', {
      ecbRate: '2.15',
      legalRateIndividual: '6.50',
      legalRateOther: '2.50',
      source: 'Test: arrêté du 20/06/2026',
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ halfYear: '2026-H2', b2bDefaultRate: '12.15', origin: 'tenant', updatedBy: 'owner' });

    const fees = await call('POST', '/api/legal/late-fees', {
      debtor: 'business',
      amount: '1000.00',
      due: '2026-06-15',
      until: '2026-07-10',
    });
    expect(fees.status).toBe(200);
    expect(fees.body.periods.map((p: { ratePercent: string }) => p.ratePercent)).toEqual(['12.15', '12.15']);

    const logged = await api.db.admin.query(
      "SELECT action, details FROM amiable.activity WHERE tenant_id = $1 AND action = 'rates.half-year-set'",
      [tenantId],
    );
    expect(logged.rows).toEqual([expect.objectContaining({ details: expect.objectContaining({ halfYear: '2026-H2', before: null }) })]);

    // Another tenant still lacks it.
    expect(
      (
        await call(
          'POST',
          '/api/legal/late-fees',
          { debtor: 'business', amount: '1000.00', due: '2026-06-15', until: '2026-07-10' },
          {},
          otherCookie,
        )
      ).status,
    ).toBe(422);
  });
});

describe('a debtor’s claim and the near-prescription filter', () => {
  it('sums principal, penalties and indemnities per open invoice, and finds invoices near prescription', async () => {
    const creditor = await call('POST', '/api/creditors', { legalName: 'Ateliers Durand SAS', siren: '732829320' });
    const debtor = await call('POST', '/api/debtors', { kind: 'business', name: 'Boulangerie Lefèvre', siren: '552100554' });
    const base = { creditorId: creditor.body.id, debtorId: debtor.body.id };
    const recent = await call('POST', '/api/invoices', {
      ...base,
      number: 'F-1',
      issueDate: '2025-02-13',
      dueDate: '2025-03-15',
      amountInclTax: '1200.00',
    });
    const old = await call('POST', '/api/invoices', {
      ...base,
      number: 'F-OLD',
      issueDate: '2021-05-01',
      dueDate: '2021-06-01',
      amountInclTax: '500.00',
    });
    const revived = await call('POST', '/api/invoices', {
      ...base,
      number: 'F-PAID',
      issueDate: '2021-05-01',
      dueDate: '2021-06-01',
      amountInclTax: '800.00',
    });
    expect([recent.status, old.status, revived.status]).toEqual([201, 201, 201]);
    const payment = await call('POST', '/api/payments', { ...base, amount: '100.00', receivedOn: '2024-01-10', method: 'transfer' });
    expect(
      (await call('POST', `/api/payments/${payment.body.id}/allocations`, { invoiceId: revived.body.id, amount: '100.00' })).status,
    ).toBe(201);

    const claim = await call('GET', `/api/debtors/${debtor.body.id}/claim?date=2025-09-30`);
    expect(claim.status).toBe(200);
    const line = (n: string) => claim.body.lines.find((l: { number: string }) => l.number === n);
    expect(line('F-1')).toMatchObject({
      daysLate: 199,
      interest: '83.01',
      indemnity: '40.00',
      principalDue: '1200.00',
      prescriptionLastDay: '2030-03-15',
    });
    expect(line('F-OLD')).toMatchObject({ indemnity: '40.00', prescriptionLastDay: '2026-06-01' });
    // The 100 € paid in 2024 went to the interest accrued since 2021 first (C. civ. 1343-1): the principal is still 800 €.
    expect(line('F-PAID')).toMatchObject({ principalDue: '800.00', prescriptionLastDay: '2029-01-10' });
    expect(Math.round(Number(line('F-PAID').interest) * 100) - Math.round(Number(line('F-PAID').interestDue) * 100)).toBe(10_000);
    expect(claim.body.indemnity).toBe('120.00');
    const sum = ['principalDue', 'interestDue', 'indemnity'].reduce((s, k) => s + Math.round(Number(claim.body[k]) * 100), 0);
    expect(Math.round(Number(claim.body.total) * 100)).toBe(sum);

    const near = await call('GET', '/api/invoices?prescriptionBefore=2026-12-31');
    expect(near.body.items.map((i: { number: string }) => i.number)).toEqual(['F-OLD']);
    expect((await call('GET', '/api/invoices?prescriptionBefore=2026-12-31', undefined, {}, otherCookie)).body.items).toEqual([]);

    // Another tenant's debtor is not found.
    expect((await call('GET', `/api/debtors/${debtor.body.id}/claim`, undefined, {}, otherCookie)).status).toBe(404);
  });
});

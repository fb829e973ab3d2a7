/**
 * The debtor's payment page (/pay/<tenant>/<token>), public: what is due today on
 * the open invoices with the legal engine's penalties, the transfer with its RF
 * reference and EPC QR code, strict headers; the same 404 page for a wrong token,
 * another tenant or a malformed link; nothing due once the case is closed.
 */
import { creditorReference, formatMoney, groupReference } from '@amiable/letters';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from './harness.js';
import { type LettersSetup, RATES_2026_H2, startLettersApi } from './letters-setup.js';

let setup: LettersSetup;
let api: TestApi;
let call: LettersSetup['call'];
let tenantId: string;
let debtorId: string;
let caseId: string;

afterAll(async () => {
  await setup?.api.close();
});

describe('the debtor’s payment page', () => {
  let token: string;
  let reference: string;
  beforeAll(async () => {
    setup = await startLettersApi();
    ({ api, call, tenantId, debtorId, caseId } = setup);
    // Penalties need the rates of 2026-H2; one invoice is paid, so only the other is due.
    expect((await call('PUT', '/api/legal/rates/2026-H2', RATES_2026_H2)).status).toBe(200);
    const invoices = (await call('GET', `/api/invoices?debtorId=${debtorId}`)).body.items as { id: string; number: string }[];
    const paid = await call('POST', '/api/payments', {
      creditorId: setup.creditorId,
      debtorId,
      amount: '1200.00',
      receivedOn: '2026-11-20',
      method: 'transfer',
      allocations: [{ invoiceId: invoices.find((i) => i.number === 'F-2026-0142')?.id, amount: '1200.00' }],
    });
    expect(paid.status).toBe(201);
    const { rows } = await api.db.admin.query<{ payment_token: string; payment_reference: string }>(
      'SELECT payment_token, payment_reference FROM amiable.recovery_case WHERE id = $1',
      [caseId],
    );
    token = rows[0]?.payment_token ?? '';
    reference = creditorReference(rows[0]?.payment_reference ?? '');
  });
  const page = (url: string) => api.app.inject({ method: 'GET', url });

  it('shows, without signing in, the amount due today, the open invoices and the transfer with its RF reference and QR code', async () => {
    // The page claims on the open invoices, as letters do: the paid one's penalties are not asked for here.
    const claim = (await call('GET', `/api/debtors/${debtorId}/claim?date=2026-11-23`)).body;
    const open = claim.lines.find((l: { number: string }) => l.number === 'F-2026-0187');
    const cents = [open.principalDue, open.interestDue, open.indemnity].reduce(
      (sum: number, a: string) => sum + Math.round(Number(a) * 100),
      0,
    );
    const response = await page(`/pay/${tenantId}/${token}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-security-policy']).toMatch(/^default-src 'none'; style-src 'sha256-/);
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['cache-control']).toBe('no-store');
    const html = response.body;
    expect(html).toContain(formatMoney({ cents, currency: 'EUR' }, 'fr'));
    expect(html).toContain('Pénalités de retard');
    expect(html).toContain('F-2026-0187');
    expect(html).not.toContain('F-2026-0142'); // paid
    expect(html).toContain(groupReference(reference));
    expect(html).toContain('FR76 3000 6000 0112 3456 7890 189');
    expect(html).toMatch(/<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 \d+ \d+"/);
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    expect((await page(`/pay/${tenantId}/${token}?lang=en`)).body).toContain('Amount due today');
  });

  it('answers the same 404 page for a wrong token, another tenant’s id or a malformed link', async () => {
    const other = (await api.createTenantWithOwner('Autre SAS', 'owner@autre.test')).tenantId;
    const wrongToken = await page(`/pay/${tenantId}/${'0'.repeat(64)}`);
    const wrongTenant = await page(`/pay/${other}/${token}`);
    const malformed = await page(`/pay/${tenantId}/${token.slice(1)}`);
    for (const response of [wrongToken, wrongTenant, malformed]) {
      expect(response.statusCode).toBe(404);
      expect(response.body).toBe(wrongToken.body);
    }
    expect(wrongToken.body).toContain('Ce lien de paiement n’existe pas');
  });

  it('says nothing is due once the case is closed', async () => {
    const closed = await call('POST', `/api/recovery/cases/${caseId}/transition`, {
      state: 'closed',
      closedReason: 'paid',
      reason: 'Réglé',
    });
    expect(closed.status).toBe(204);
    const response = await page(`/pay/${tenantId}/${token}`);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Rien n’est dû sur ce dossier');
    expect(response.body).not.toContain('F-2026-0187');
  });
});

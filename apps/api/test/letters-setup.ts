/**
 * A tenant ready for letters, on the harness's fake clock (Monday 23 November 2026):
 * a creditor with everything a letter prints (address, SIREN, contact, IBAN and BIC, logo),
 * a business debtor with its address, two overdue invoices and the case the planner
 * opened for them. `call` sends requests as the owner, from the app's origin.
 */
import { expect } from 'vitest';
import { type TestApi, startTestApi } from './harness.js';
import { TINY_PNG, multipart } from './http-helpers.js';

/** A JSON body as the tests read it: whatever JSON.parse gives. */
type Json = ReturnType<typeof JSON.parse>;

export interface LettersSetup {
  readonly api: TestApi;
  readonly tenantId: string;
  readonly creditorId: string;
  readonly debtorId: string;
  readonly caseId: string;
  call(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    payload?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: Json; raw: Buffer; headers: Record<string, unknown>; text: string }>;
}

const ORIGIN = 'http://localhost:3000';
const ADDRESS = { line1: '12 rue des Tanneurs', line2: null, postalCode: '69002', city: 'Lyon', country: 'FR' };

/** The rates table ships without 2026-H2 (not published when it was made): penalties need it added. */
export const RATES_2026_H2 = {
  ecbRate: '2.15',
  legalRateIndividual: '6.67',
  legalRateOther: '2.62',
  source: 'Test : taux repris de 2026-H1',
};

export async function startLettersApi(): Promise<LettersSetup> {
  const api = await startTestApi();
  const tenantId = (await api.createTenantWithOwner('Lettres SAS', 'owner@lettres.test')).tenantId;
  const cookie = await api.login('owner@lettres.test');
  const call: LettersSetup['call'] = async (method, url, payload, headers = {}) => {
    const response = await api.app.inject({
      method,
      url,
      headers: { cookie, origin: ORIGIN, ...headers },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    const json = String(response.headers['content-type'] ?? '').startsWith('application/json') ? response.json() : null;
    return { status: response.statusCode, body: json, raw: response.rawPayload, headers: response.headers, text: response.body };
  };
  const creditor = await call('POST', '/api/creditors', {
    legalName: 'Atelier Durand SARL',
    siren: '732829320',
    address: ADDRESS,
    email: 'compta@atelier-durand.fr',
    phone: '04 72 00 00 00',
    iban: 'FR7630006000011234567890189',
    bic: 'AGRIFRPP',
  });
  expect(creditor.status).toBe(201);
  // Letters print the creditor's logo; the archive keeps it to render them again.
  const logo = multipart({ filename: 'logo.png', contentType: 'image/png', content: TINY_PNG });
  const uploaded = await api.app.inject({
    method: 'PUT',
    url: `/api/creditors/${creditor.body.id}/logo`,
    payload: logo.payload,
    headers: { ...logo.headers, cookie, origin: ORIGIN },
  });
  expect(uploaded.statusCode).toBe(200);
  const debtor = await call('POST', '/api/debtors', {
    kind: 'business',
    name: 'Boulangerie Martin SAS',
    siren: '552100554',
    email: 'compta@boulangerie-martin.fr',
    address: { ...ADDRESS, line1: '3 place de la République', postalCode: '75011', city: 'Paris' },
  });
  expect(debtor.status).toBe(201);
  for (const [number, issueDate, dueDate, amount] of [
    ['F-2026-0142', '2026-08-15', '2026-09-14', '1200.00'],
    ['F-2026-0187', '2026-09-20', '2026-10-20', '2450.50'],
  ] as const) {
    const invoice = await call('POST', '/api/invoices', {
      creditorId: creditor.body.id,
      debtorId: debtor.body.id,
      number,
      issueDate,
      dueDate,
      amountInclTax: amount,
    });
    expect(invoice.status).toBe(201);
  }
  expect((await call('POST', '/api/recovery/plan')).status).toBe(200);
  const caseId = (await call('GET', '/api/recovery/cases')).body[0].id as string;
  return { api, tenantId, creditorId: creditor.body.id, debtorId: debtor.body.id, caseId, call };
}

/** Invites a member into the setup's tenant (as its owner) and returns their user id. */
export async function inviteMember(
  call: LettersSetup['call'],
  email: string,
  displayName: string,
  role: 'agent' | 'viewer',
): Promise<string> {
  const invited = await call('POST', '/api/users', { email, displayName, role });
  expect(invited.status).toBe(201);
  return invited.body.userId as string;
}

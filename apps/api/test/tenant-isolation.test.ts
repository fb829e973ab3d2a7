/**
 * Tenant isolation through every endpoint: a user or an API key of tenant A
 * gets 404 for every debtor, invoice, payment and file of tenant B, sees none
 * of B's data in any list, export or error, and cannot tell B's identifiers
 * from identifiers that exist nowhere. Then the database itself: row-level
 * security inside a tenant transaction, nothing outside one, and no tenant
 * left on a pooled connection after a request.
 */
import { randomUUID } from 'node:crypto';
import { inTenant } from '@amiable/db';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, startTestApi } from './harness.js';
import { APP_ORIGIN, type MultipartFile, TINY_PDF, TINY_PNG, multipart, parseRouteTree } from './http-helpers.js';
import { type TenantFixture, type TenantIds, buildTenantFixture } from './tenant-fixture.js';

let api: TestApi;
let a: TenantFixture;
let b: TenantFixture;
/** What A saw before B existed: aggregates must not move when B's data arrives. */
let aBeforeB: Record<string, string>;

const AGGREGATE_URLS = [
  '/api/invoices/aging',
  '/api/debtors',
  '/api/invoices?limit=200',
  '/api/invoices/export.csv',
  '/api/payments',
  '/api/creditors',
  '/api/recovery/cases',
  '/api/recovery/dispatches',
  '/api/recovery/preview?days=60',
  '/api/recovery/campaigns',
  '/api/recovery/agents',
  '/api/letters/pending',
  '/api/tenant/agency-profile',
];

beforeAll(async () => {
  api = await startTestApi();
  a = await buildTenantFixture(api, 'Alpha', { creditor: '123456782', debtor: '123456790' });
  aBeforeB = {};
  for (const url of AGGREGATE_URLS) aBeforeB[url] = (await as(a, 'cookie', 'GET', url)).body;
  b = await buildTenantFixture(api, 'Bravo', { creditor: '987654324', debtor: '987654332' });
});
afterAll(async () => {
  await api?.close();
});

type Method = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Via = 'cookie' | 'api-key';

function as(
  tenant: TenantFixture,
  via: Via,
  method: Method,
  url: string,
  body?: unknown,
  file?: { file: MultipartFile; fields?: Record<string, string> },
) {
  const headers: Record<string, string> = { origin: APP_ORIGIN };
  if (via === 'cookie') headers.cookie = tenant.cookie;
  else headers.authorization = `Bearer ${tenant.apiKey}`;
  if (file) {
    const form = multipart(file.file, file.fields);
    return api.app.inject({ method, url, headers: { ...headers, ...form.headers }, payload: form.payload });
  }
  return api.app.inject({ method, url, headers, ...(body === undefined ? {} : { payload: body as Record<string, unknown> }) });
}

/** Ids that exist in no tenant, with the same keys as a fixture's. */
function nowhereIds(): TenantIds {
  return Object.fromEntries(Object.keys(b.ids).map((key) => [key, randomUUID()])) as unknown as TenantIds;
}

/** A response as a client can compare two of them: status and body, with the request id and the given ids blanked. */
function comparable(response: LightMyRequestResponse, ids: readonly string[]): { status: number; body: string } {
  let body = response.body.replace(/"requestId":"[^"]*"/g, '"requestId":"…"');
  for (const id of ids) body = body.split(id).join('<id>');
  return { status: response.statusCode, body };
}

function leaked(text: string, tenant: TenantFixture): string[] {
  return tenant.secrets.filter((secret) => text.includes(secret));
}

// Probes of every route that takes an id ----------------------------------------------

interface Probe {
  /** The route as Fastify knows it: "METHOD /api/…/:param". */
  readonly route: string;
  /** The URL with the victim's ids (`v`) and, where a route mixes them, the caller's own (`own`). */
  readonly url: (v: TenantIds, own: TenantIds) => string;
  readonly body?: (v: TenantIds, own: TenantIds) => unknown;
  readonly file?: MultipartFile;
  /** Status with A's manager API key when the route needs more than a manager (default: 404). */
  readonly keyStatus?: number;
}

const PDF_FILE: MultipartFile = { filename: 'piege.pdf', contentType: 'application/pdf', content: TINY_PDF };
const PNG_FILE: MultipartFile = { filename: 'piege.png', contentType: 'image/png', content: TINY_PNG };

const PROBES: readonly Probe[] = [
  { route: 'GET /api/debtors/:id', url: (v) => `/api/debtors/${v.debtorId}` },
  { route: 'PATCH /api/debtors/:id', url: (v) => `/api/debtors/${v.debtorId}`, body: () => ({ name: 'Débiteur piraté' }) },
  { route: 'POST /api/debtors/:id/contacts', url: (v) => `/api/debtors/${v.debtorId}/contacts`, body: () => ({ name: 'Contact pirate' }) },
  {
    route: 'PATCH /api/debtors/:id/contacts/:contactId',
    url: (v) => `/api/debtors/${v.debtorId}/contacts/${v.contactId}`,
    body: () => ({ name: 'Contact piraté' }),
  },
  // The caller's own debtor with the victim's contact.
  {
    route: 'PATCH /api/debtors/:id/contacts/:contactId',
    url: (v, own) => `/api/debtors/${own.debtorId}/contacts/${v.contactId}`,
    body: () => ({ name: 'Contact piraté' }),
  },
  { route: 'DELETE /api/debtors/:id/contacts/:contactId', url: (v) => `/api/debtors/${v.debtorId}/contacts/${v.contactId}` },
  { route: 'DELETE /api/debtors/:id/contacts/:contactId', url: (v, own) => `/api/debtors/${own.debtorId}/contacts/${v.contactId}` },
  { route: 'GET /api/debtors/:id/notes', url: (v) => `/api/debtors/${v.debtorId}/notes` },
  { route: 'POST /api/debtors/:id/notes', url: (v) => `/api/debtors/${v.debtorId}/notes`, body: () => ({ body: 'Note pirate' }) },
  { route: 'GET /api/debtors/:id/activity', url: (v) => `/api/debtors/${v.debtorId}/activity` },
  { route: 'GET /api/debtors/:id/claim', url: (v) => `/api/debtors/${v.debtorId}/claim` },
  { route: 'PUT /api/debtors/:id/scenario', url: (v) => `/api/debtors/${v.debtorId}/scenario`, body: () => ({ scenarioId: null }) },
  {
    route: 'PUT /api/recovery/scenarios/:id',
    url: (v) => `/api/recovery/scenarios/${v.scenarioId}`,
    body: () => ({
      name: 'Scénario piraté',
      steps: [{ id: 'x', offsetDays: 1, channel: 'email', templates: { fr: { subject: 'x', body: 'x' } } }],
    }),
  },
  { route: 'GET /api/recovery/cases/:id', url: (v) => `/api/recovery/cases/${v.caseId}` },
  {
    route: 'PUT /api/recovery/cases/:id/assignee',
    url: (v) => `/api/recovery/cases/${v.caseId}/assignee`,
    body: () => ({ assigneeId: null }),
  },
  {
    route: 'PUT /api/recovery/creditors/:id/default-agent',
    url: (v) => `/api/recovery/creditors/${v.creditorId}/default-agent`,
    body: () => ({ assigneeId: null }),
  },
  {
    route: 'POST /api/recovery/cases/:id/transition',
    url: (v) => `/api/recovery/cases/${v.caseId}/transition`,
    body: () => ({ state: 'disputed', reason: 'pirate' }),
  },
  {
    route: 'POST /api/recovery/cases/:id/promises',
    url: (v) => `/api/recovery/cases/${v.caseId}/promises`,
    body: () => ({ until: '2026-12-31' }),
  },
  {
    route: 'POST /api/recovery/dispatches/:id/outcome',
    url: (v) => `/api/recovery/dispatches/${v.dispatchId}/outcome`,
    body: () => ({ outcome: 'reached' }),
  },
  {
    route: 'POST /api/recovery/dispatches/:id/approval',
    url: (v) => `/api/recovery/dispatches/${v.dispatchId}/approval`,
    body: () => ({ decision: 'approve' }),
  },
  {
    route: 'POST /api/recovery/dispatches/:id/review',
    url: (v) => `/api/recovery/dispatches/${v.dispatchId}/review`,
    body: () => ({ resolution: 'cancel', note: 'pirate' }),
  },
  { route: 'GET /api/recovery/campaigns/:id', url: (v) => `/api/recovery/campaigns/${v.campaignId}` },
  { route: 'GET /api/recovery/campaigns/:id/preview', url: (v) => `/api/recovery/campaigns/${v.campaignId}/preview` },
  {
    route: 'PUT /api/recovery/campaigns/:id',
    url: (v) => `/api/recovery/campaigns/${v.campaignId}`,
    body: () => ({ name: 'Campagne piratée', channel: 'email', templates: { fr: { subject: 'x', body: 'x' } }, filter: {} }),
  },
  { route: 'POST /api/recovery/campaigns/:id/launch', url: (v) => `/api/recovery/campaigns/${v.campaignId}/launch` },
  { route: 'POST /api/recovery/campaigns/:id/cancel', url: (v) => `/api/recovery/campaigns/${v.campaignId}/cancel` },
  { route: 'GET /api/recovery/cases/:id/documents', url: (v) => `/api/recovery/cases/${v.caseId}/documents` },
  {
    route: 'POST /api/recovery/cases/:id/letters',
    url: (v) => `/api/recovery/cases/${v.caseId}/letters`,
    body: () => ({ type: 'courtesy-reminder' }),
  },
  { route: 'GET /api/documents/:id/content', url: (v) => `/api/documents/${v.documentId}/content` },
  { route: 'POST /api/documents/:id/delivery', url: (v) => `/api/documents/${v.documentId}/delivery`, body: () => ({ delivery: 'sent' }) },
  // A creditor's text, named by a query parameter: another tenant's creditor is unknown.
  { route: 'GET /api/letter-templates/:type', url: (v) => `/api/letter-templates/courtesy-reminder?lang=fr&creditorId=${v.creditorId}` },

  { route: 'GET /api/invoices/:id', url: (v) => `/api/invoices/${v.invoiceId}` },
  { route: 'GET /api/invoices/:id', url: (v) => `/api/invoices/${v.creditNoteId}` },
  {
    route: 'PATCH /api/invoices/:id',
    url: (v) => `/api/invoices/${v.invoiceId}`,
    body: () => ({ description: 'Facture piratée', dueDate: '2027-01-01' }),
  },
  { route: 'PUT /api/invoices/:id/document', url: (v) => `/api/invoices/${v.invoiceId}/document`, file: PDF_FILE },
  { route: 'GET /api/invoices/:id/document', url: (v) => `/api/invoices/${v.invoiceId}/document` },
  {
    route: 'POST /api/invoices/:id/disputes',
    url: (v) => `/api/invoices/${v.invoiceId}/disputes`,
    body: () => ({ reason: 'Litige pirate' }),
  },
  {
    route: 'POST /api/invoices/:id/disputes/:disputeId/resolve',
    url: (v) => `/api/invoices/${v.disputedInvoiceId}/disputes/${v.disputeId}/resolve`,
    body: () => ({ resolution: 'Résolu par un pirate' }),
  },
  {
    route: 'POST /api/invoices/:id/disputes/:disputeId/resolve',
    url: (v, own) => `/api/invoices/${own.disputedInvoiceId}/disputes/${v.disputeId}/resolve`,
    body: () => ({ resolution: 'Résolu par un pirate' }),
  },
  {
    route: 'POST /api/invoices/:id/allocations',
    url: (v) => `/api/invoices/${v.creditNoteId}/allocations`,
    body: (v) => ({ invoiceId: v.invoiceId, amount: '1.00' }),
  },
  {
    route: 'POST /api/invoices/:id/allocations',
    url: (v) => `/api/invoices/${v.creditNoteId}/allocations`,
    body: (_v, own) => ({ invoiceId: own.invoiceId, amount: '1.00' }),
  },

  { route: 'GET /api/payments/:id', url: (v) => `/api/payments/${v.paymentId}` },
  {
    route: 'POST /api/payments/:id/allocations',
    url: (v) => `/api/payments/${v.paymentId}/allocations`,
    body: (v) => ({ invoiceId: v.invoiceId, amount: '1.00' }),
  },
  {
    route: 'POST /api/payments/:id/allocations',
    url: (v) => `/api/payments/${v.paymentId}/allocations`,
    body: (_v, own) => ({ invoiceId: own.invoiceId, amount: '1.00' }),
  },
  {
    route: 'POST /api/payments/:id/reverse',
    url: (v) => `/api/payments/${v.paymentId}/reverse`,
    body: () => ({ reason: 'Annulé par un pirate' }),
  },
  {
    route: 'POST /api/allocations/:id/reverse',
    url: (v) => `/api/allocations/${v.paymentAllocationId}/reverse`,
    body: () => ({ reason: 'Annulé par un pirate' }),
  },
  {
    route: 'POST /api/allocations/:id/reverse',
    url: (v) => `/api/allocations/${v.creditNoteAllocationId}/reverse`,
    body: () => ({ reason: 'Annulé par un pirate' }),
  },

  { route: 'GET /api/creditors/:id', url: (v) => `/api/creditors/${v.creditorId}` },
  { route: 'PATCH /api/creditors/:id', url: (v) => `/api/creditors/${v.creditorId}`, body: () => ({ legalName: 'Créancier piraté' }) },
  { route: 'PUT /api/creditors/:id/logo', url: (v) => `/api/creditors/${v.creditorId}/logo`, file: PNG_FILE },
  { route: 'GET /api/creditors/:id/logo', url: (v) => `/api/creditors/${v.creditorId}/logo` },

  { route: 'GET /api/imports/:id', url: (v) => `/api/imports/${v.importId}` },
  { route: 'POST /api/imports/:id/preview', url: (v) => `/api/imports/${v.importId}/preview`, body: () => ({}) },
  {
    route: 'POST /api/imports/:id/preview',
    url: (v) => `/api/imports/${v.importId}/preview`,
    body: (_v, own) => ({ creditorId: own.creditorId }),
  },
  { route: 'POST /api/imports/:id/confirm', url: (v) => `/api/imports/${v.importId}/confirm`, body: () => ({ mode: 'valid-rows-only' }) },
  {
    route: 'POST /api/imports/:id/confirm',
    url: (v) => `/api/imports/${v.importId}/confirm`,
    body: (_v, own) => ({ creditorId: own.creditorId }),
  },

  { route: 'PATCH /api/users/:userId', url: (v) => `/api/users/${v.ownerId}`, body: () => ({ role: 'viewer' }), keyStatus: 403 },
  { route: 'PATCH /api/users/:userId', url: (v) => `/api/users/${v.memberId}`, body: () => ({ role: 'owner' }), keyStatus: 403 },
  { route: 'DELETE /api/users/:userId', url: (v) => `/api/users/${v.memberId}`, keyStatus: 403 },
  { route: 'DELETE /api/users/:userId', url: (v) => `/api/users/${v.ownerId}`, keyStatus: 403 },
  { route: 'DELETE /api/api-keys/:id', url: (v) => `/api/api-keys/${v.apiKeyId}`, keyStatus: 403 },
];

/** GET routes answer HEAD too (Fastify exposes them); each GET probe is also sent as HEAD. */
const HEAD_PROBES: readonly Probe[] = PROBES.filter((p) => p.route.startsWith('GET ')).map((p) => ({
  ...p,
  route: p.route.replace(/^GET /, 'HEAD '),
}));
const ALL_PROBES = [...PROBES, ...HEAD_PROBES];

function send(probe: Probe, caller: TenantFixture, via: Via, victim: TenantIds) {
  const [method = 'GET'] = probe.route.split(' ');
  const url = probe.url(victim, caller.ids);
  if (probe.file) return as(caller, via, method as Method, url, undefined, { file: probe.file });
  return as(caller, via, method as Method, url, probe.body?.(victim, caller.ids));
}

/** Everything B can see of its own data, to check that A's attempts changed nothing. */
async function snapshotOf(tenant: TenantFixture): Promise<Record<string, string>> {
  const v = tenant.ids;
  const urls = [
    `/api/debtors/${v.debtorId}`,
    `/api/debtors/${v.debtorId}/notes`,
    `/api/debtors/${v.debtorId}/activity?limit=200`,
    `/api/invoices/${v.invoiceId}`,
    `/api/invoices/${v.disputedInvoiceId}`,
    `/api/invoices/${v.paidInvoiceId}`,
    `/api/invoices/${v.creditNoteId}`,
    `/api/invoices/${v.invoiceId}/document`,
    `/api/invoices?limit=200`,
    `/api/payments/${v.paymentId}`,
    `/api/payments/${v.paidPaymentId}`,
    `/api/creditors/${v.creditorId}`,
    `/api/creditors/${v.creditorId}/logo`,
    `/api/imports/${v.importId}`,
    `/api/recovery/campaigns/${v.campaignId}`,
    `/api/recovery/cases/${v.caseId}/documents`,
    `/api/documents/${v.documentId}/content`,
    `/api/letter-templates/courtesy-reminder?lang=fr&creditorId=${v.creditorId}`,
    '/api/users',
    '/api/api-keys',
    '/api/tenant',
  ];
  const snapshot: Record<string, string> = {};
  for (const url of urls) {
    const response = await as(tenant, 'cookie', 'GET', url);
    expect({ url, status: response.statusCode }).toEqual({ url, status: 200 });
    snapshot[url] = response.rawPayload.toString('base64');
  }
  return snapshot;
}

describe('routes that take an id', () => {
  it('answer 404 to A (session and API key) for every id of B, exactly as for ids that exist nowhere, and change nothing in B', async () => {
    const before = await snapshotOf(b);
    const nowhere = nowhereIds();
    const blank = [...Object.values(b.ids), ...Object.values(nowhere)];
    const failures: string[] = [];
    for (const probe of ALL_PROBES) {
      for (const via of ['cookie', 'api-key'] as const) {
        const expected = via === 'api-key' && probe.keyStatus ? probe.keyStatus : 404;
        const withB = await send(probe, a, via, b.ids);
        const withNowhere = await send(probe, a, via, nowhere);
        const label = `${probe.route} ${probe.url(b.ids, a.ids)} via ${via}`;
        if (withB.statusCode !== expected) failures.push(`${label}: ${withB.statusCode} ${withB.body}`);
        const leaks = leaked(`${JSON.stringify(withB.headers)}${withB.body}`.replace(probe.url(b.ids, a.ids), ''), b);
        if (leaks.length > 0) failures.push(`${label}: leaks ${leaks.join(', ')}`);
        if (JSON.stringify(comparable(withB, blank)) !== JSON.stringify(comparable(withNowhere, blank))) {
          failures.push(
            `${label}: answers B's id (${withB.statusCode} ${withB.body}) differently from an unknown id (${withNowhere.statusCode} ${withNowhere.body})`,
          );
        }
      }
    }
    expect(failures).toEqual([]);
    expect(await snapshotOf(b)).toEqual(before);
  });

  it('covers every route of the app that has a path parameter (a new route without a probe fails here)', () => {
    const routes = parseRouteTree(api.app.printRoutes({ commonPrefix: false }));
    // The parser must keep up with Fastify's format: known routes are found.
    expect(routes).toContainEqual({ method: 'GET', path: '/api/invoices/:id' });
    expect(routes).toContainEqual({ method: 'POST', path: '/api/invoices/:id/disputes/:disputeId/resolve' });
    expect(routes).toContainEqual({ method: 'POST', path: '/api/auth/password-reset/confirm' });
    const withParameter = routes
      .filter((r) => /[:*]/.test(r.path))
      // Swagger UI's static files: no tenant data behind them.
      .filter((r) => !r.path.startsWith('/api/docs'))
      // A half-year, not an id: each tenant writes its own row (legal.test.ts checks another tenant never sees it).
      .filter((r) => r.path !== '/api/legal/rates/:halfYear')
      // A letter type, not an id: checking and previewing touch no stored text; saving names its creditor in the
      // body (refused with 400 on creditorId below) and reading it in the query (probed above).
      .filter((r) => !/^POST \/api\/letter-templates\/:type/.test(`${r.method} ${r.path}`))
      // The debtor's public payment page: no session, its own tenant and token (letters.test.ts: another tenant's
      // id or a wrong token get the same 404 page).
      .filter((r) => !r.path.startsWith('/pay/'))
      .map((r) => `${r.method} ${r.path}`);
    const probed = new Set(ALL_PROBES.map((p) => p.route));
    expect(withParameter.filter((route) => !probed.has(route)).sort()).toEqual([]);
    // And no probe aims at a route that no longer exists.
    expect([...probed].filter((route) => !withParameter.includes(route)).sort()).toEqual([]);
    expect(withParameter.length).toBeGreaterThanOrEqual(28);
  });

  it('refuse B ids given in a body with 400 naming the field, as for ids that exist nowhere', async () => {
    const nowhere = nowhereIds();
    const blank = [...Object.values(b.ids), ...Object.values(nowhere)];
    const own = a.ids;
    const payment = (creditorId: string, debtorId: string) => ({
      creditorId,
      debtorId,
      amount: '10.00',
      receivedOn: '2026-11-20',
      method: 'transfer',
    });
    const invoice = (creditorId: string, debtorId: string) => ({
      creditorId,
      debtorId,
      number: 'ALPHA-X-001',
      issueDate: '2026-11-01',
      amountInclTax: '10.00',
    });
    const cases: { name: string; method: Method; url: string; body: (v: TenantIds) => unknown; field: string }[] = [
      {
        name: 'payment for B debtor',
        method: 'POST',
        url: '/api/payments',
        body: (v) => payment(own.creditorId, v.debtorId),
        field: 'debtorId',
      },
      {
        name: 'payment for B creditor',
        method: 'POST',
        url: '/api/payments',
        body: (v) => payment(v.creditorId, own.debtorId),
        field: 'creditorId',
      },
      {
        name: 'payment allocated to a B invoice',
        method: 'POST',
        url: '/api/payments',
        body: (v) => ({ ...payment(own.creditorId, own.debtorId), allocations: [{ invoiceId: v.invoiceId, amount: '10.00' }] }),
        field: 'invoiceId',
      },
      {
        name: 'invoice for B debtor',
        method: 'POST',
        url: '/api/invoices',
        body: (v) => invoice(own.creditorId, v.debtorId),
        field: 'debtorId',
      },
      {
        name: 'invoice for B creditor',
        method: 'POST',
        url: '/api/invoices',
        body: (v) => invoice(v.creditorId, own.debtorId),
        field: 'creditorId',
      },
      {
        name: 'A payment to a B invoice',
        method: 'POST',
        url: `/api/payments/${own.paymentId}/allocations`,
        body: (v) => ({ invoiceId: v.invoiceId, amount: '1.00' }),
        field: 'invoiceId',
      },
      {
        name: 'A credit note to a B invoice',
        method: 'POST',
        url: `/api/invoices/${own.creditNoteId}/allocations`,
        body: (v) => ({ invoiceId: v.invoiceId, amount: '1.00' }),
        field: 'invoiceId',
      },
      {
        name: 'campaign aimed at a B creditor',
        method: 'POST',
        url: '/api/recovery/campaigns',
        body: (v) => ({
          name: 'Campagne',
          channel: 'email',
          templates: { fr: { subject: 'x', body: 'x' } },
          filter: { creditorId: v.creditorId },
        }),
        field: 'filter.creditorId',
      },
      {
        name: 'campaign preview for a B creditor',
        method: 'POST',
        url: '/api/recovery/campaigns/preview',
        body: (v) => ({ channel: 'email', templates: { fr: { subject: 'x', body: 'x' } }, filter: { creditorId: v.creditorId } }),
        field: 'filter.creditorId',
      },
      {
        name: 'letter text saved for a B creditor',
        method: 'POST',
        url: '/api/letter-templates/courtesy-reminder',
        body: (v) => ({
          lang: 'fr',
          creditorId: v.creditorId,
          fields: { subject: 'x', opening: 'x', demand: 'x', consequences: '', closing: 'x' },
        }),
        field: 'creditorId',
      },
      {
        name: 'letter preview on a B case',
        method: 'POST',
        url: '/api/letter-templates/courtesy-reminder/preview',
        body: (v) => ({
          lang: 'fr',
          format: 'email',
          caseId: v.caseId,
          fields: { subject: 'x', opening: 'x', demand: '{{totalDue}}', consequences: '', closing: 'x' },
        }),
        field: 'caseId',
      },
      {
        name: 'B case given in bulk',
        method: 'PUT',
        url: '/api/recovery/cases/assignee',
        body: (v) => ({ caseIds: [own.caseId, v.caseId], assigneeId: null }),
        field: 'caseIds[1]',
      },
      {
        name: 'A import confirmed for a B creditor',
        method: 'POST',
        url: `/api/imports/${own.importId}/confirm`,
        body: (v) => ({ creditorId: v.creditorId }),
        field: 'creditorId',
      },
    ];
    const paymentsBefore = (await as(a, 'cookie', 'GET', '/api/payments')).body;
    const invoicesBefore = (await as(a, 'cookie', 'GET', '/api/invoices?limit=200')).body;
    for (const via of ['cookie', 'api-key'] as const) {
      for (const c of cases) {
        const withB = await as(a, via, c.method, c.url, c.body(b.ids));
        const withNowhere = await as(a, via, c.method, c.url, c.body(nowhere));
        expect({ case: c.name, via, status: withB.statusCode, code: withB.json().code }).toEqual({
          case: c.name,
          via,
          status: 400,
          code: 'VALIDATION_FAILED',
        });
        expect(withB.json().issues.map((i: { field: string }) => i.field)).toContain(c.field);
        expect(comparable(withB, blank)).toEqual(comparable(withNowhere, blank));
        expect(leaked(withB.body.split(c.url).join(''), b).filter((s) => !JSON.stringify(c.body(b.ids)).includes(s))).toEqual([]);
      }
      // The file upload names its creditor in a form field.
      const upload = (creditorId: string) =>
        as(a, via, 'POST', '/api/imports', undefined, {
          file: {
            filename: 'autre.csv',
            contentType: 'text/csv',
            content: Buffer.from('N° facture;Date facture;Montant TTC;Raison sociale\nX-1;01/10/2026;10,00;Client X\n'),
          },
          fields: { creditorId },
        });
      const uploadB = await upload(b.ids.creditorId);
      const uploadNowhere = await upload(nowhere.creditorId);
      expect({ via, status: uploadB.statusCode, code: uploadB.json().code }).toEqual({ via, status: 400, code: 'VALIDATION_FAILED' });
      expect(uploadB.json().issues.map((i: { field: string }) => i.field)).toContain('creditorId');
      expect(comparable(uploadB, blank)).toEqual(comparable(uploadNowhere, blank));
    }
    // A previewed against a B creditor: the same "unknown creditor" problem as for an id that exists nowhere.
    const previewB = await as(a, 'cookie', 'POST', `/api/imports/${own.importId}/preview`, { creditorId: b.ids.creditorId });
    const previewNowhere = await as(a, 'cookie', 'POST', `/api/imports/${own.importId}/preview`, { creditorId: nowhere.creditorId });
    expect(previewB.statusCode).toBe(200);
    expect(previewB.json()).toMatchObject({ check: null, problem: { code: 'VALIDATION_FAILED' } });
    expect(comparable(previewB, blank)).toEqual(comparable(previewNowhere, blank));
    // Switching to B's tenant.
    const switchB = await as(a, 'cookie', 'POST', '/api/auth/switch-tenant', { tenantId: b.ids.tenantId });
    const switchNowhere = await as(a, 'cookie', 'POST', '/api/auth/switch-tenant', { tenantId: nowhere.tenantId });
    expect(switchB.statusCode).toBe(404);
    expect(comparable(switchB, blank)).toEqual(comparable(switchNowhere, blank));
    expect(switchB.cookies).toEqual([]);

    // Nothing was written in A either, and A's import is still pending.
    expect((await as(a, 'cookie', 'GET', '/api/payments')).body).toBe(paymentsBefore);
    expect((await as(a, 'cookie', 'GET', '/api/invoices?limit=200')).body).toBe(invoicesBefore);
    expect((await as(a, 'cookie', 'GET', `/api/imports/${own.importId}`)).json()).toMatchObject({
      status: 'pending',
      creditorId: own.creditorId,
    });
  });
});

// Lists, filters, exports -------------------------------------------------------------

const INVOICE_FILTERS = [
  '',
  'status=open',
  'status=due',
  'status=overdue',
  'status=disputed',
  'status=paid',
  'bucket=not-due',
  'bucket=1-30',
  'bucket=31-60',
  'bucket=61-90',
  'bucket=91-180',
  'bucket=over-180',
  'bucket=no-due-date',
  'kind=invoice',
  'kind=credit-note',
  'currency=EUR',
  'sort=amount&order=desc',
  'sort=debtorName',
  'minAmount=0.01',
];

function listUrls(own: TenantIds, label: string): string[] {
  return [
    ...INVOICE_FILTERS.map((q) => `/api/invoices?limit=200${q ? `&${q}` : ''}`),
    `/api/invoices?search=${encodeURIComponent(label)}`,
    '/api/invoices/export.csv',
    '/api/invoices/export.csv?status=open',
    '/api/invoices/aging',
    '/api/debtors',
    '/api/debtors?overdue=true',
    `/api/debtors?search=${encodeURIComponent(label)}`,
    '/api/debtors?sort=outstanding',
    '/api/payments',
    '/api/payments?unallocated=true',
    '/api/creditors',
    '/api/imports',
    '/api/recovery/campaigns',
    '/api/letters/pending',
    '/api/users',
    '/api/api-keys',
    '/api/tenant',
    '/api/tenant/agency-profile',
    '/api/auth/me',
    `/api/debtors/${own.debtorId}`,
    `/api/debtors/${own.debtorId}/activity?limit=200`,
    `/api/debtors/${own.debtorId}/notes`,
    `/api/invoices/${own.invoiceId}`,
    `/api/payments/${own.paymentId}`,
    `/api/imports/${own.importId}`,
  ];
}

describe('lists, exports and filters', () => {
  it("show A none of B's ids, names, numbers or SIRENs (session and API key), while B sees its own", async () => {
    const failures: string[] = [];
    for (const via of ['cookie', 'api-key'] as const) {
      for (const url of listUrls(a.ids, b.label)) {
        // API keys (manager role) do not manage keys.
        const expected = via === 'api-key' && url === '/api/api-keys' ? 403 : 200;
        const response = await as(a, via, 'GET', url);
        if (response.statusCode !== expected) failures.push(`${url} via ${via}: ${response.statusCode} ${response.body}`);
        const leaks = leaked(response.body, b);
        if (leaks.length > 0) failures.push(`${url} via ${via}: leaks ${leaks.join(', ')}`);
      }
    }
    expect(failures).toEqual([]);
    // The same lists as B show B's data: the checks above look where B's data would be.
    for (const url of listUrls(b.ids, b.label).filter((u) => u !== '/api/invoices/aging')) {
      const response = await as(b, 'cookie', 'GET', url);
      expect({ url, status: response.statusCode, seen: leaked(response.body, b).length > 0 }).toEqual({ url, status: 200, seen: true });
    }
    const agingB = (await as(b, 'cookie', 'GET', '/api/invoices/aging')).json() as { lines: { bucket: string }[] };
    expect(new Set(agingB.lines.map((l) => l.bucket))).toEqual(
      new Set(['not-due', '1-30', '31-60', '61-90', '91-180', 'over-180', 'no-due-date']),
    );
  });

  it("keep A's lists, totals and export exactly as they were before B existed", async () => {
    for (const url of AGGREGATE_URLS) {
      expect({ url, body: (await as(a, 'cookie', 'GET', url)).body }).toEqual({ url, body: aBeforeB[url] });
    }
  });

  it('answer filters on B ids with empty results, exactly as for ids that exist nowhere', async () => {
    const nowhere = nowhereIds();
    const blank = [...Object.values(b.ids), ...Object.values(nowhere)];
    const filtered = (v: TenantIds) => [
      `/api/invoices?debtorId=${v.debtorId}`,
      `/api/invoices?creditorId=${v.creditorId}`,
      `/api/invoices?debtorId=${v.debtorId}&creditorId=${v.creditorId}&status=open`,
      `/api/invoices/export.csv?debtorId=${v.debtorId}`,
      `/api/invoices/export.csv?creditorId=${v.creditorId}`,
      `/api/invoices/aging?debtorId=${v.debtorId}`,
      `/api/invoices/aging?creditorId=${v.creditorId}`,
      `/api/debtors?creditorId=${v.creditorId}`,
      `/api/payments?debtorId=${v.debtorId}`,
      `/api/payments?creditorId=${v.creditorId}`,
    ];
    const forB = filtered(b.ids);
    const forNowhere = filtered(nowhere);
    for (const via of ['cookie', 'api-key'] as const) {
      for (const [index, url] of forB.entries()) {
        const withB = await as(a, via, 'GET', url);
        const withNowhere = await as(a, via, 'GET', forNowhere[index] ?? '');
        expect({ url, via, status: withB.statusCode }).toEqual({ url, via, status: 200 });
        if (url.includes('export.csv')) expect(withB.body.trim().split('\n')).toHaveLength(1);
        else if (url.includes('aging')) expect(withB.json()).toMatchObject({ lines: [], totals: [] });
        else expect(withB.json()).toEqual({ items: [], nextCursor: null });
        expect(comparable(withB, blank)).toEqual(comparable(withNowhere, blank));
      }
    }
    // B's own filters do find B's data (the filters work).
    const mine = await as(b, 'cookie', 'GET', `/api/invoices?debtorId=${b.ids.debtorId}`);
    expect(mine.json().items.length).toBeGreaterThan(0);
  });
});

// The database itself -------------------------------------------------------------------

describe('row-level security in the database', () => {
  const tenantTables = async (): Promise<string[]> =>
    (
      await api.db.admin.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.columns WHERE table_schema = 'amiable' AND column_name = 'tenant_id' ORDER BY table_name`,
      )
    ).rows.map((r) => r.table_name);

  it("counts only A's rows inside A's transaction, for every tenant table", async () => {
    const tables = await tenantTables();
    expect(tables).toEqual(
      expect.arrayContaining([
        'invoice',
        'debtor',
        'payment',
        'allocation',
        'stored_file',
        'activity',
        'session',
        'api_key',
        'import_batch',
      ]),
    );
    for (const table of tables) {
      const perTenant = await api.db.admin.query<{ tenant_id: string; n: number }>(
        `SELECT tenant_id::text, count(*)::int AS n FROM amiable.${table} GROUP BY tenant_id`,
      );
      const count = (tenantId: string) => perTenant.rows.find((r) => r.tenant_id === tenantId)?.n ?? 0;
      const seen = await inTenant(api.db.app, { tenantId: a.ids.tenantId }, async (tx) => {
        try {
          return (await tx.client.query<{ n: number }>(`SELECT count(*)::int AS n FROM amiable.${table}`)).rows[0]?.n ?? -1;
        } catch (error) {
          if ((error as { code?: string }).code === '42501') return null; // not granted to the application role at all
          throw error;
        }
      });
      if (seen === null) continue;
      expect({ table, seen }).toEqual({ table, seen: count(a.ids.tenantId) });
    }
    const invoices = await inTenant(
      api.db.app,
      { tenantId: a.ids.tenantId },
      async (tx) =>
        (
          await tx.client.query<{ n: number; others: number }>(
            `SELECT count(*)::int AS n, count(*) FILTER (WHERE tenant_id <> $1)::int AS others FROM amiable.invoice`,
            [a.ids.tenantId],
          )
        ).rows[0],
    );
    const total = (await api.db.admin.query<{ n: number }>('SELECT count(*)::int AS n FROM amiable.invoice')).rows[0]?.n ?? 0;
    expect(invoices?.others).toBe(0);
    expect(invoices?.n).toBeGreaterThan(0);
    expect(invoices?.n).toBeLessThan(total);
    // The tenant row and the people: A's own only.
    const visible = await inTenant(api.db.app, { tenantId: a.ids.tenantId }, async (tx) => ({
      tenants: (await tx.client.query<{ id: string }>('SELECT id::text FROM amiable.tenant')).rows.map((r) => r.id),
      users: (await tx.client.query<{ id: string }>('SELECT id::text FROM amiable.app_user')).rows.map((r) => r.id).sort(),
    }));
    expect(visible.tenants).toEqual([a.ids.tenantId]);
    expect(visible.users).toEqual([a.ids.ownerId, a.ids.memberId].sort());
    // Writing a row for B from A's transaction is refused by the policy's WITH CHECK.
    await expect(
      inTenant(api.db.app, { tenantId: a.ids.tenantId }, (tx) =>
        tx.client.query(
          `INSERT INTO amiable.debtor_note (tenant_id, id, debtor_id, body, author_kind, author_label, created_at) VALUES ($1, $2, $3, 'x', 'user', 'x', now())`,
          [b.ids.tenantId, randomUUID(), b.ids.debtorId],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('shows nothing of any table outside a tenant transaction', async () => {
    const { rows } = await api.db.admin.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'amiable' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(20);
    for (const { table_name: table } of rows) {
      const existing = (await api.db.admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM amiable.${table}`)).rows[0]?.n ?? 0;
      let seen: number | 'denied';
      try {
        seen = (await api.db.app.query<{ n: number }>(`SELECT count(*)::int AS n FROM amiable.${table}`)).rows[0]?.n ?? -1;
      } catch (error) {
        expect({ table, code: (error as { code?: string }).code }).toEqual({ table, code: '42501' });
        seen = 'denied';
      }
      expect({ table, seen: seen === 'denied' ? 0 : seen }).toEqual({ table, seen: 0 });
      if (['invoice', 'debtor', 'payment', 'creditor', 'stored_file', 'activity'].includes(table))
        expect({ table, existing: existing > 0 }).toEqual({ table, existing: true });
    }
    // The job queue is not the application's to read.
    await expect(api.db.app.query('SELECT count(*) FROM graphile_worker._private_jobs')).rejects.toMatchObject({ code: '42501' });
  });

  it('leaves no tenant on pooled connections after 50 interleaved A/B requests, and no request sees the other tenant', async () => {
    const requests: Promise<{ caller: TenantFixture; other: TenantFixture; response: LightMyRequestResponse }>[] = [];
    const sentBodies = new Map<LightMyRequestResponse, string>();
    for (let i = 0; i < 50; i++) {
      const [caller, other] = i % 2 === 0 ? [a, b] : [b, a];
      const via: Via = i % 3 === 0 ? 'api-key' : 'cookie';
      const kind = i % 5;
      const url =
        kind === 0
          ? '/api/invoices?limit=200'
          : kind === 1
            ? `/api/debtors/${caller.ids.debtorId}`
            : kind === 2
              ? `/api/invoices/${other.ids.invoiceId}` // someone else's id: 404
              : kind === 3
                ? `/api/debtors/${caller.ids.debtorId}/activity`
                : '/api/payments';
      const method: Method = kind === 4 && i % 4 === 0 ? 'POST' : 'GET';
      const body =
        method === 'POST'
          ? { creditorId: caller.ids.creditorId, debtorId: other.ids.debtorId, amount: '1.00', receivedOn: '2026-11-20', method: 'cash' }
          : undefined;
      requests.push(
        as(caller, via, method, url, body).then((response) => {
          sentBodies.set(response, JSON.stringify(body ?? null));
          return { caller, other, response };
        }),
      );
    }
    const results = await Promise.all(requests);
    for (const { caller, other, response } of results) {
      expect([200, 400, 404]).toContain(response.statusCode);
      // An id the caller sent may come back in its own error message; nothing else of the other tenant may.
      const sent = `${response.raw.req.url ?? ''} ${sentBodies.get(response) ?? ''}`;
      const leaks = leaked(response.body, other).filter((s) => !sent.includes(s));
      expect({ caller: caller.label, url: response.raw.req.url, leaks }).toEqual({
        caller: caller.label,
        url: response.raw.req.url,
        leaks: [],
      });
    }

    const pool = api.db.app;
    expect(pool.totalCount).toBeGreaterThanOrEqual(2);
    const clients = await Promise.all(Array.from({ length: pool.totalCount }, () => pool.connect()));
    try {
      for (const client of clients) {
        const { rows } = await client.query<{ tenant: string | null; user_id: string | null; role: string }>(
          "SELECT current_setting('amiable.tenant_id', true) AS tenant, current_setting('amiable.user_id', true) AS user_id, current_user AS role",
        );
        expect(rows[0]?.role).toBe('amiable_app');
        expect(['', null]).toContain(rows[0]?.tenant);
        expect(['', null]).toContain(rows[0]?.user_id);
        expect((await client.query<{ n: number }>('SELECT count(*)::int AS n FROM amiable.invoice')).rows[0]?.n).toBe(0);
      }
    } finally {
      for (const client of clients) client.release();
    }
  });
});

// Uniqueness is per tenant --------------------------------------------------------------

describe('uniqueness per tenant (no covert channel)', () => {
  it("lets A use B's debtor SIREN, creditor SIREN and invoice number, with the same answer as for unused values", async () => {
    const shape = (response: LightMyRequestResponse) => ({
      status: response.statusCode,
      keys: Object.keys(response.json()).sort(),
    });
    // Debtors: B's SIREN, an unused SIREN, and A's own (a real conflict inside A).
    const debtorWithB = await as(a, 'cookie', 'POST', '/api/debtors', { kind: 'business', name: 'Homonyme SAS', siren: b.debtorSiren });
    const debtorUnused = await as(a, 'cookie', 'POST', '/api/debtors', { kind: 'business', name: 'Inconnu SAS', siren: '123456808' });
    expect(shape(debtorWithB)).toEqual(shape(debtorUnused));
    expect(debtorWithB.statusCode).toBe(201);
    expect(debtorWithB.json()).toMatchObject({ siren: b.debtorSiren, contacts: [], tags: [] });
    expect(leaked(debtorWithB.body, b).filter((s) => s !== b.debtorSiren)).toEqual([]);
    const debtorDuplicateInA = await as(a, 'cookie', 'POST', '/api/debtors', {
      kind: 'business',
      name: 'Doublon SAS',
      siren: a.debtorSiren,
    });
    expect(debtorDuplicateInA.statusCode).toBe(409);
    // Changing an A debtor to B's SIREN is allowed too.
    const patched = await as(a, 'cookie', 'PATCH', `/api/debtors/${(debtorUnused.json() as { id: string }).id}`, {
      siren: b.creditorSiren,
    });
    expect(patched.statusCode).toBe(200);

    const creditorWithB = await as(a, 'api-key', 'POST', '/api/creditors', { legalName: 'Homonyme Créancier', siren: b.creditorSiren });
    const creditorUnused = await as(a, 'api-key', 'POST', '/api/creditors', { legalName: 'Inconnu Créancier', siren: '123456816' });
    expect(shape(creditorWithB)).toEqual(shape(creditorUnused));
    expect(creditorWithB.statusCode).toBe(201);
    expect((await as(a, 'cookie', 'POST', '/api/creditors', { legalName: 'Doublon', siren: a.creditorSiren })).statusCode).toBe(409);

    // Invoice numbers: B's number for A's creditor and debtor, against an unused number.
    const invoice = (number: string) => ({
      creditorId: a.ids.creditorId,
      debtorId: a.ids.debtorId,
      number,
      issueDate: '2026-11-01',
      amountInclTax: '10.00',
    });
    const invoiceWithB = await as(a, 'cookie', 'POST', '/api/invoices', invoice(b.invoiceNumber));
    const invoiceUnused = await as(a, 'cookie', 'POST', '/api/invoices', invoice('ALPHA-NEUF-001'));
    expect(shape(invoiceWithB)).toEqual(shape(invoiceUnused));
    expect(invoiceWithB.statusCode).toBe(201);
    expect(invoiceWithB.json()).toMatchObject({
      number: b.invoiceNumber,
      creditor: { id: a.ids.creditorId },
      debtor: { id: a.ids.debtorId },
    });
    expect((await as(a, 'cookie', 'POST', '/api/invoices', invoice(a.invoiceNumber))).statusCode).toBe(409);

    // B is untouched: its debtor and creditor keep their SIRENs, and B still sees one debtor with its SIREN.
    expect((await as(b, 'cookie', 'GET', `/api/debtors?search=${b.debtorSiren}`)).json().items.map((d: { id: string }) => d.id)).toEqual([
      b.ids.debtorId,
    ]);
    expect((await as(b, 'cookie', 'GET', `/api/creditors/${b.ids.creditorId}`)).json().siren).toBe(b.creditorSiren);
  });
});

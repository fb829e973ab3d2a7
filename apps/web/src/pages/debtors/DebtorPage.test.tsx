// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { App } from '../../App';
import type { Activity, Debtor, DebtorSummary } from '../../api/types';
import { TEST_ME, installDomStubs, mockFetch, renderApp } from '../../test/dom';

beforeAll(installDomStubs);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const ID = '00000000-0000-4000-8000-0000000000d1';

const SUMMARY: DebtorSummary = {
  id: ID,
  kind: 'business',
  name: 'Boulangerie Petit',
  siren: '732829320',
  city: 'Lyon',
  tags: ['boulangerie'],
  outstanding: [{ currency: 'EUR', amount: '1734.56' }],
  overdue: [{ currency: 'EUR', amount: '1234.56' }],
  openInvoiceCount: 2,
  oldestDueDate: '2026-10-15',
  maxDaysOverdue: 39,
};

const DEBTOR: Debtor = {
  id: ID,
  kind: 'business',
  name: 'Boulangerie Petit',
  siren: '732829320',
  siret: null,
  vatNumber: null,
  email: 'compta@boulangerie-petit.fr',
  phone: '04 78 00 00 00',
  address: { line1: '3 rue de la Paix', line2: null, postalCode: '69002', city: 'Lyon', country: 'FR' },
  preferredLocale: 'fr',
  tags: ['boulangerie'],
  accountCodes: [],
  contacts: [
    {
      id: '00000000-0000-4000-8000-0000000000e1',
      name: 'Paul Petit',
      jobTitle: 'Gérant',
      email: null,
      phone: null,
      address: { line1: null, line2: null, postalCode: null, city: null, country: null },
      preferredLocale: 'fr',
      isPrimary: true,
    },
  ],
  balance: {
    outstanding: [{ currency: 'EUR', amount: '1734.56' }],
    overdue: [{ currency: 'EUR', amount: '1234.56' }],
    credit: [],
    aging: [
      { bucket: 'not-due', currency: 'EUR', count: 1, amount: '500.00' },
      { bucket: '31-60', currency: 'EUR', count: 1, amount: '1234.56' },
    ],
  },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

const ACTIVITY: Activity = {
  id: '00000000-0000-4000-8000-0000000000a9',
  occurredAt: '2026-11-23T08:05:00.000Z',
  actor: { kind: 'user', label: 'Claire Martin' },
  channel: 'web',
  ip: null,
  action: 'debtor.updated',
  summary: 'Coordonnées modifiées',
  details: {},
};

function routes() {
  return mockFetch({
    'GET /api/auth/me': { body: TEST_ME },
    'GET /api/debtors': { body: { items: [SUMMARY], nextCursor: null } },
    [`GET /api/debtors/${ID}`]: { body: DEBTOR },
    [`PATCH /api/debtors/${ID}`]: {
      status: 400,
      body: {
        code: 'VALIDATION_FAILED',
        message: 'Certaines données sont invalides.',
        issues: [
          { field: 'siren', code: 'invalid_siren', message: 'SIREN invalide « 123 » (9 chiffres, clé de contrôle incorrecte)' },
          { field: 'address.postalCode', code: 'invalid_format', message: 'format invalide « 6900 »' },
        ],
        requestId: 'r-1',
      },
    },
    [`GET /api/debtors/${ID}/notes`]: { body: { items: [], nextCursor: null } },
    [`GET /api/debtors/${ID}/activity`]: (call) => ({
      body: call.search.get('cursor')
        ? { items: [{ ...ACTIVITY, id: '00000000-0000-4000-8000-0000000000aa', summary: 'Facture F-1 importée' }], nextCursor: null }
        : { items: [ACTIVITY], nextCursor: 'next' },
    }),
    'GET /api/payments': { body: { items: [], nextCursor: null } },
    'GET /api/recovery/scenarios': { body: [] },
    'GET /api/invoices': { body: { items: [], nextCursor: null } },
    [`GET /api/debtors/${ID}/claim`]: (call) => ({
      body: {
        date: call.search.get('date'),
        debtorKind: 'business',
        currency: 'EUR',
        principalDue: '1234.56',
        interestDue: '16.30',
        indemnity: '40.00',
        total: '1290.86',
        smallClaimsEligible: true,
        note: null,
        lines: [],
        articles: ['C. com. L441-10 II'],
      },
    }),
  });
}

describe('debtors', () => {
  it('lists debtors and opens the debtor page', async () => {
    const server = routes();
    vi.stubGlobal('fetch', server.fetch);
    const { location } = renderApp(<App />, { path: '/debtors?overdue=true' });
    const row = await screen.findByTestId('debtor-row');
    expect(within(row).getByText('1 734,56 €')).toBeTruthy();
    expect(within(row).getByText('15/10/2026')).toBeTruthy();
    expect(within(row).getByText('Pro')).toBeTruthy();
    expect(server.calls.find((call) => call.path === '/api/debtors')?.search.get('overdue')).toBe('true');

    fireEvent.click(row);
    expect((await screen.findByTestId('debtor-name')).textContent).toBe('Boulangerie Petit');
    expect(location.history.at(-1)).toBe(`/debtors/${ID}`);
  });

  it('shows balance, aging, contacts and the activity log in Paris time with "load more"', async () => {
    vi.stubGlobal('fetch', routes().fetch);
    renderApp(<App />, { path: `/debtors/${ID}` });
    await screen.findByTestId('debtor-name');
    expect(within(screen.getByTestId('debtor-balance-overdue')).getByText('1 234,56 €')).toBeTruthy();
    expect(within(screen.getByTestId('aging-bucket-31-60')).getByText('1 facture')).toBeTruthy();
    expect(within(screen.getByTestId('debtor-contacts')).getByText('Paul Petit')).toBeTruthy();
    // A manager may give the debtor its own recovery scenario.
    expect(screen.getByTestId('debtor-scenario')).toBeTruthy();
    const claim = await screen.findByTestId('claim-result');
    expect(within(claim).getByTestId('claim-total').textContent).toBe('1\u202f290,86\u00a0€');

    const log = await screen.findByTestId('activity-log');
    expect(within(log).getByText('23/11/2026 09:05')).toBeTruthy();
    expect(within(log).getByText('Coordonnées modifiées')).toBeTruthy();
    expect(within(log).getByText('Application web')).toBeTruthy();
    fireEvent.click(screen.getByTestId('activity-load-more'));
    await waitFor(() => expect(within(screen.getByTestId('activity-log')).getByText('Facture F-1 importée')).toBeTruthy());
  });

  it('puts the API field errors next to the fields of the edit form', async () => {
    const server = routes();
    vi.stubGlobal('fetch', server.fetch);
    renderApp(<App />, { path: `/debtors/${ID}` });
    fireEvent.click(await screen.findByTestId('debtor-edit'));
    fireEvent.change(screen.getByTestId('debtor-field-siren'), { target: { value: '123' } });
    fireEvent.change(screen.getByTestId('debtor-field-postalCode'), { target: { value: '6900' } });
    fireEvent.click(screen.getByTestId('debtor-save'));

    expect(await screen.findByText('SIREN invalide « 123 » (9 chiffres, clé de contrôle incorrecte)')).toBeTruthy();
    expect(screen.getByTestId('debtor-field-siren').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('debtor-field-postalCode').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('format invalide « 6900 »')).toBeTruthy();
    expect(screen.getByTestId('form-error').textContent).toContain('Certaines données sont invalides.');

    const patch = server.calls.find((call) => call.method === 'PATCH');
    expect(JSON.parse(String(patch?.body))).toMatchObject({
      siren: '123',
      address: { postalCode: '6900', city: 'Lyon' },
      email: 'compta@boulangerie-petit.fr',
    });
  });
});

// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Invoice, InvoiceSummary } from '../../api/types';
import { AuthGate } from '../../components/Session';
import { TEST_ME, installDomStubs, mockFetch, renderApp } from '../../test/dom';
import { InvoicesPage } from './InvoicesPage';

beforeAll(installDomStubs);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const SUMMARY: InvoiceSummary = {
  id: '00000000-0000-4000-8000-0000000000f1',
  kind: 'invoice',
  number: 'F-2026-0042',
  creditor: { id: '00000000-0000-4000-8000-0000000000c1', name: 'Menuiserie Durand' },
  debtor: { id: '00000000-0000-4000-8000-0000000000d1', name: 'Boulangerie Petit', kind: 'business' },
  issueDate: '2026-09-15',
  dueDate: '2026-10-15',
  currency: 'EUR',
  amountInclTax: '1234.56',
  amountDue: '1234.56',
  outstanding: '734.56',
  status: 'overdue',
  daysOverdue: 39,
  bucket: '31-60',
  hasDocument: true,
};

const DETAIL: Invoice = {
  ...SUMMARY,
  amountExclTax: '1028.80',
  paidOutside: '0.00',
  settled: '500.00',
  orderReference: 'BC-778',
  contractReference: null,
  description: null,
  paymentReference: null,
  paymentTerms: '30 jours fin de mois',
  precedingInvoiceNumber: null,
  source: 'import',
  allocations: [],
  disputes: [],
  createdAt: '2026-09-15T08:00:00.000Z',
  updatedAt: '2026-09-15T08:00:00.000Z',
};

function setup(path: string) {
  const server = mockFetch({
    'GET /api/auth/me': { body: TEST_ME },
    'GET /api/creditors': { body: { items: [], nextCursor: null } },
    'GET /api/invoices': (call) => ({
      body: call.search.get('cursor')
        ? {
            items: [{ ...SUMMARY, id: '00000000-0000-4000-8000-0000000000f2', number: 'F-2026-0043', status: 'disputed' }],
            nextCursor: null,
          }
        : { items: [SUMMARY], nextCursor: 'page-2' },
    }),
    [`GET /api/invoices/${SUMMARY.id}`]: { body: DETAIL },
  });
  vi.stubGlobal('fetch', server.fetch);
  const view = renderApp(
    <AuthGate>
      <InvoicesPage />
    </AuthGate>,
    { path },
  );
  return { server, ...view };
}

const invoiceCalls = (server: ReturnType<typeof mockFetch>) => server.calls.filter((call) => call.path === '/api/invoices');

describe('InvoicesPage', () => {
  it('lists invoices with French amounts, dates and status labels, filtered from the URL', async () => {
    const { server } = setup('/invoices?status=open&bucket=31-60');
    const row = await screen.findByTestId('invoice-row');
    expect(within(row).getByText('F-2026-0042')).toBeTruthy();
    expect(within(row).getByText('1 234,56 €')).toBeTruthy();
    expect(within(row).getByText('734,56 €')).toBeTruthy();
    expect(within(row).getByText('15/10/2026')).toBeTruthy();
    expect(within(row).getByText('En retard')).toBeTruthy();
    expect(within(row).getByText('39')).toBeTruthy();

    const first = invoiceCalls(server)[0];
    expect(first?.search.get('status')).toBe('open');
    expect(first?.search.get('bucket')).toBe('31-60');
    expect((screen.getByTestId('filter-bucket') as HTMLSelectElement).value).toBe('31-60');
    expect(screen.getByTestId('invoice-export').getAttribute('href')).toBe('/api/invoices/export.csv?status=open&bucket=31-60');
  });

  it('asks the server for another sort, and for the next page with the cursor', async () => {
    const { server } = setup('/invoices');
    await screen.findByTestId('invoice-row');

    fireEvent.click(screen.getByTestId('sort-amount'));
    await waitFor(() =>
      expect(invoiceCalls(server).some((call) => call.search.get('sort') === 'amount' && call.search.get('order') === 'asc')).toBe(true),
    );
    await screen.findByTestId('invoice-row');
    fireEvent.click(screen.getByTestId('sort-amount'));
    await waitFor(() =>
      expect(invoiceCalls(server).some((call) => call.search.get('sort') === 'amount' && call.search.get('order') === 'desc')).toBe(true),
    );

    fireEvent.click(await screen.findByRole('button', { name: 'Charger plus' }));
    await waitFor(() => expect(screen.getAllByTestId('invoice-row')).toHaveLength(2));
    expect(invoiceCalls(server).at(-1)?.search.get('cursor')).toBe('page-2');
    expect(within(screen.getAllByTestId('invoice-row')[1] as HTMLElement).getByText('En litige')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Charger plus' })).toBeNull();
  });

  it('opens the invoice drawer with amounts, the PDF link and the dispute form', async () => {
    setup('/invoices');
    fireEvent.click(await screen.findByTestId('invoice-row'));
    const detail = await screen.findByTestId('invoice-detail');
    expect(within(detail).getByTestId('invoice-outstanding').textContent).toBe('734,56\u00a0€');
    expect(within(detail).getByText('500,00 €')).toBeTruthy();
    expect(within(detail).getByText('39 jours de retard')).toBeTruthy();
    expect(within(detail).getByTestId('invoice-document').getAttribute('href')).toBe(`/api/invoices/${SUMMARY.id}/document`);
    expect(within(detail).getByTestId('dispute-open-form')).toBeTruthy();
  });

  it('does not offer the dispute form to a viewer', async () => {
    const server = mockFetch({
      'GET /api/auth/me': { body: { ...TEST_ME, role: 'viewer' } },
      'GET /api/creditors': { body: { items: [], nextCursor: null } },
      'GET /api/invoices': { body: { items: [SUMMARY], nextCursor: null } },
      [`GET /api/invoices/${SUMMARY.id}`]: { body: DETAIL },
    });
    vi.stubGlobal('fetch', server.fetch);
    renderApp(
      <AuthGate>
        <InvoicesPage />
      </AuthGate>,
      { path: `/invoices?invoice=${SUMMARY.id}` },
    );
    const detail = await screen.findByTestId('invoice-detail');
    expect(within(detail).queryByTestId('dispute-open-form')).toBeNull();
  });

  describe('near prescription', () => {
    // Only Date is faked: 22:30 UTC on 31 March is already 1 April in Paris (a UTC "today" would give 30 June).
    beforeEach(() => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date('2026-03-31T22:30:00.000Z'));
    });
    afterEach(() => {
      vi.useRealTimers();
    });

    const choose = (label: string) => {
      const select = screen.getByTestId('filter-prescription') as HTMLSelectElement;
      const option = within(select).getByRole('option', { name: label }) as HTMLOptionElement;
      fireEvent.change(select, { target: { value: option.value } });
    };

    it('sends prescriptionBefore as today in Paris plus the chosen months, and keeps it in the URL', async () => {
      const { server, location } = setup('/invoices?status=open');
      await screen.findByTestId('invoice-row');
      expect(invoiceCalls(server)[0]?.search.has('prescriptionBefore')).toBe(false);

      choose('Dans les 3 mois');
      await waitFor(() => expect(invoiceCalls(server).at(-1)?.search.get('prescriptionBefore')).toBe('2026-07-01'));
      expect(invoiceCalls(server).at(-1)?.search.get('status')).toBe('open');
      expect(location.history?.at(-1)).toBe('/invoices?status=open&prescriptionBefore=2026-07-01');
      expect(screen.getByTestId('invoice-export').getAttribute('href')).toBe(
        '/api/invoices/export.csv?status=open&prescriptionBefore=2026-07-01',
      );

      choose('Dans les 12 mois');
      await waitFor(() => expect(invoiceCalls(server).at(-1)?.search.get('prescriptionBefore')).toBe('2027-04-01'));

      choose('Indifférent');
      await waitFor(() => expect(location.history?.at(-1)).toBe('/invoices?status=open'));
      expect(invoiceCalls(server).at(-1)?.search.has('prescriptionBefore')).toBe(false);
    });

    it('keeps a date from a bookmark that matches no horizon today, and clears it with the other filters', async () => {
      const { server } = setup('/invoices?prescriptionBefore=2026-05-15');
      await screen.findByTestId('invoice-row');
      expect(invoiceCalls(server)[0]?.search.get('prescriptionBefore')).toBe('2026-05-15');
      const select = screen.getByTestId('filter-prescription') as HTMLSelectElement;
      expect(select.value).toBe('2026-05-15');
      expect(select.selectedOptions[0]?.textContent).toBe('Jusqu’au 15/05/2026');

      fireEvent.click(screen.getByTestId('filter-reset'));
      await waitFor(() => expect(select.value).toBe(''));
      expect(invoiceCalls(server).at(-1)?.search.has('prescriptionBefore')).toBe(false);
    });

    it('ignores a prescriptionBefore that is not a date', async () => {
      const { server } = setup('/invoices?prescriptionBefore=2026-02-30');
      await screen.findByTestId('invoice-row');
      expect(invoiceCalls(server)[0]?.search.has('prescriptionBefore')).toBe(false);
    });
  });
});

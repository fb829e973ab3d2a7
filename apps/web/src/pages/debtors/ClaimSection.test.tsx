// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DebtorClaim } from '../../api/types';
import { type MockReply, type RouteHandler, installDomStubs, mockFetch, renderApp } from '../../test/dom';
import { ClaimSection, prescriptionState } from './ClaimSection';

beforeAll(installDomStubs);
beforeEach(() => {
  // Only Date is faked: 22:30 UTC on 22 November is already 23 November in Paris.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-22T23:30:00.000Z'));
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const NNBSP = '\u202f';
const NBSP = '\u00a0';
const ID = '00000000-0000-4000-8000-0000000000d1';
const PATH = `/api/debtors/${ID}/claim`;

const line = (overrides: Partial<DebtorClaim['lines'][number]>): DebtorClaim['lines'][number] => ({
  invoiceId: '00000000-0000-4000-8000-0000000000f1',
  number: 'F-2026-0042',
  dueDate: '2026-10-15',
  currency: 'EUR',
  daysLate: 39,
  principalDue: '1234.56',
  interest: '16.30',
  interestDue: '16.30',
  indemnity: '40.00',
  prescriptionLastDay: '2031-10-15',
  periods: [{ from: '2026-10-16', to: '2026-11-23', days: 39, ratePercent: '12.15', halfYear: '2026-H2', basis: 'ecb-plus-10' }],
  warnings: [],
  ...overrides,
});

const BUSINESS: DebtorClaim = {
  date: '2026-11-23',
  debtorKind: 'business',
  currency: 'EUR',
  principalDue: '2734.56',
  interestDue: '216.30',
  indemnity: '120.00',
  total: '3070.86',
  smallClaimsEligible: true,
  note: null,
  lines: [
    line({}),
    line({
      invoiceId: '00000000-0000-4000-8000-0000000000f2',
      number: 'F-2021-0007',
      dueDate: '2021-11-10',
      daysLate: 1839,
      principalDue: '1000.00',
      interestDue: '180.00',
      prescriptionLastDay: '2026-11-10',
    }),
    line({
      invoiceId: '00000000-0000-4000-8000-0000000000f3',
      number: 'F-2022-0003',
      dueDate: '2022-03-01',
      daysLate: 1727,
      principalDue: '500.00',
      interestDue: '20.00',
      prescriptionLastDay: '2027-03-01',
      warnings: [{ code: 'CONTRACT_RATE_FLOOR_UNCHECKED', message: 'Le plancher du taux contractuel n’a pas pu être vérifié.' }],
    }),
  ],
  articles: ['C. com. L441-10 II', 'C. com. D441-5', 'C. com. L110-4'],
};

const CONSUMER: DebtorClaim = {
  ...BUSINESS,
  debtorKind: 'consumer',
  principalDue: '1234.56',
  interestDue: '0.00',
  indemnity: '0.00',
  total: '1234.56',
  note: 'consumer-without-formal-notice',
  lines: [line({ daysLate: 0, interest: '0.00', interestDue: '0.00', indemnity: '0.00', prescriptionLastDay: '2028-10-15' })],
  articles: ['C. civ. 1231-6', 'C. civ. 1344-1', 'CMF L313-2', 'C. conso. L218-2'],
};

function setup(claim: RouteHandler | MockReply, language: 'fr' | 'en' = 'fr') {
  const server = mockFetch({ [`GET ${PATH}`]: claim });
  vi.stubGlobal('fetch', server.fetch);
  const view = renderApp(<ClaimSection debtorId={ID} />, { path: `/debtors/${ID}`, language });
  return { server, ...view };
}

const claimCalls = (server: ReturnType<typeof mockFetch>) => server.calls.filter((call) => call.path === PATH);

describe('ClaimSection', () => {
  it('shows the totals and the lines French-style, computed today in Paris, with the prescription flagged', async () => {
    const { server } = setup((call) => ({ body: { ...BUSINESS, date: call.search.get('date') } }));
    const result = await screen.findByTestId('claim-result');

    expect((screen.getByTestId('claim-date') as HTMLInputElement).value).toBe('2026-11-23');
    expect(claimCalls(server)[0]?.search.get('date')).toBe('2026-11-23');
    expect(within(result).getByText('Pénalités de retard')).toBeTruthy();
    expect(screen.getByTestId('claim-principal').textContent).toBe(`2${NNBSP}734,56${NBSP}€`);
    expect(screen.getByTestId('claim-interest').textContent).toBe(`216,30${NBSP}€`);
    expect(screen.getByTestId('claim-indemnity').textContent).toBe(`120,00${NBSP}€`);
    expect(screen.getByTestId('claim-total').textContent).toBe(`3${NNBSP}070,86${NBSP}€`);
    expect(screen.getByTestId('claim-small-claims').getAttribute('data-eligible')).toBe('true');
    expect(within(screen.getByTestId('claim-small-claims')).getByText('Possible')).toBeTruthy();
    expect(screen.queryByTestId('claim-note')).toBeNull();

    const rows = within(result).getAllByTestId('claim-line');
    expect(rows).toHaveLength(3);
    const cells = within(rows[0] as HTMLElement)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(cells).toEqual(['F-2026-0042', '15/10/2026', '39', `1${NNBSP}234,56${NBSP}€`, `16,30${NBSP}€`, `40,00${NBSP}€`, '15/10/2031']);
    // Passed, within six months, later.
    const states = within(result)
      .getAllByTestId('claim-prescription')
      .map((cell) => cell.getAttribute('data-state'));
    expect(states).toEqual(['later', 'passed', 'soon']);
    const passed = within(rows[1] as HTMLElement).getByTestId('claim-prescription');
    expect(passed.textContent).toBe('10/11/2026Prescrite');
    const soon = within(rows[2] as HTMLElement).getByText('01/03/2027');
    expect(soon.closest('.mantine-Badge-root')).toBeTruthy();
    expect(
      within(rows[0] as HTMLElement)
        .getByText('15/10/2031')
        .closest('.mantine-Badge-root'),
    ).toBeNull();

    expect(within(screen.getByTestId('claim-warnings')).getByText('Le plancher du taux contractuel n’a pas pu être vérifié.')).toBeTruthy();
    expect(screen.getByTestId('claim-articles').textContent).toBe(`Textes${NBSP}: C. com. L441-10 II · C. com. D441-5 · C. com. L110-4`);
    expect(screen.getByTestId('claim-imputation-help').textContent).toContain('C. civ. 1343-1');
  });

  it('computes again at another date, and asks nothing while the date is empty', async () => {
    const { server } = setup((call) => ({ body: { ...BUSINESS, date: call.search.get('date') } }));
    await screen.findByTestId('claim-result');

    fireEvent.change(screen.getByTestId('claim-date'), { target: { value: '' } });
    expect(await screen.findByText('Date obligatoire')).toBeTruthy();
    expect(screen.queryByTestId('claim-result')).toBeNull();

    fireEvent.change(screen.getByTestId('claim-date'), { target: { value: '2027-06-30' } });
    await waitFor(() => expect(screen.getByTestId('claim-result').getAttribute('data-date')).toBe('2027-06-30'));
    expect(claimCalls(server).map((call) => call.search.get('date'))).toEqual(['2026-11-23', '2027-06-30']);
    // On 30 June 2027 the invoice of line 3 (last day 1 March 2027) is time-barred too.
    const states = screen.getAllByTestId('claim-prescription').map((cell) => cell.getAttribute('data-state'));
    expect(states).toEqual(['later', 'passed', 'passed']);
  });

  it('for a consumer without formal notice, speaks of legal interest, explains why there is none and shows no indemnity', async () => {
    setup({ body: CONSUMER });
    const result = await screen.findByTestId('claim-result');
    expect(within(result).getByText('Intérêts au taux légal')).toBeTruthy();
    expect(screen.getByTestId('claim-interest').textContent).toBe(`0,00${NBSP}€`);
    expect(screen.queryByTestId('claim-indemnity')).toBeNull();
    expect(screen.getByTestId('claim-note').textContent).toBe(
      `Débiteur consommateur${NBSP}: les intérêts au taux légal ne courent qu’à compter d’une mise en demeure, qui n’est pas encore enregistrée.`,
    );
    expect(within(result).getByRole('columnheader', { name: 'Intérêts dus' })).toBeTruthy();
    expect(within(result).getByTestId('claim-line').textContent).toContain('—');
  });

  it('speaks English', async () => {
    setup({ body: { ...CONSUMER, smallClaimsEligible: false } }, 'en');
    await screen.findByTestId('claim-result');
    expect(screen.getByText('What can be claimed')).toBeTruthy();
    expect(screen.getByText('Interest at the legal rate')).toBeTruthy();
    expect(screen.getByTestId('claim-total').textContent).toBe('€1,234.56');
    expect(screen.getByTestId('claim-note').textContent).toContain('only runs from a formal notice');
    expect(within(screen.getByTestId('claim-small-claims')).getByText('Not available')).toBeTruthy();
  });

  it('shows the RATE_MISSING message of the API and the way to the rates table', async () => {
    const message =
      'Le taux du semestre 2026-H2 manque dans la table des taux. Ajoutez-le dans Paramètres › Taux légaux ou avec « amiable rates set 2026-H2 ».';
    const { location } = setup({ status: 422, body: { code: 'RATE_MISSING', message, requestId: 'r-42' } });
    expect(await screen.findByText(message)).toBeTruthy();
    expect(screen.queryByTestId('claim-result')).toBeNull();
    fireEvent.click(screen.getByTestId('claim-open-rates'));
    expect(location.history?.at(-1)).toBe('/settings/rates');
  });

  it('gives no way to the rates table for another error', async () => {
    setup({ status: 404, body: { code: 'NOT_FOUND', message: 'Débiteur introuvable.', requestId: 'r-43' } });
    expect(await screen.findByText('Débiteur introuvable.')).toBeTruthy();
    expect(screen.queryByTestId('claim-open-rates')).toBeNull();
  });
});

describe('prescriptionState', () => {
  it('flags a last day already passed, or within six months of the computation date', () => {
    expect(prescriptionState(null, '2026-11-23')).toBe('none');
    expect(prescriptionState('2026-11-22', '2026-11-23')).toBe('passed');
    expect(prescriptionState('2026-11-23', '2026-11-23')).toBe('soon');
    expect(prescriptionState('2027-05-23', '2026-11-23')).toBe('soon');
    expect(prescriptionState('2027-05-24', '2026-11-23')).toBe('later');
    expect(prescriptionState('2027-02-28', '2026-08-31')).toBe('soon');
    expect(prescriptionState('2027-03-01', '2026-08-31')).toBe('later');
  });
});

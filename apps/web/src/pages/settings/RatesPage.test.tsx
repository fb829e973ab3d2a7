// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RateRow, RateTableResponse } from '../../api/types';
import { AuthGate } from '../../components/Session';
import { TEST_ME, installDomStubs, mockFetch, renderApp } from '../../test/dom';
import { RatesPage } from './RatesPage';

beforeAll(installDomStubs);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const NBSP = '\u00a0';

const SHIPPED: RateRow = {
  halfYear: '2026-H1',
  ecbRate: '2.15',
  b2bDefaultRate: '12.15',
  legalRateIndividual: '6.67',
  legalRateOther: '2.62',
  contractRateFloor: '7.86',
  sources: { ecb: 'ecb.europa.eu (MRO 2.15 % au 01/01/2026)', legal: 'arrêté du 22/12/2025' },
  origin: 'shipped',
  updatedBy: null,
  updatedAt: null,
};
const OLDER: RateRow = {
  ...SHIPPED,
  halfYear: '2025-H2',
  legalRateIndividual: '6.65',
  legalRateOther: '2.76',
  contractRateFloor: '8.28',
  sources: { ecb: 'ecb.europa.eu 2025', legal: 'arrêté du 23/06/2025' },
};
const ADDED: RateRow = {
  halfYear: '2026-H2',
  ecbRate: '2.00',
  b2bDefaultRate: '12.00',
  legalRateIndividual: '6.50',
  legalRateOther: '2.50',
  contractRateFloor: '7.50',
  sources: { ecb: 'Arrêté du 26 juin 2026', legal: 'Arrêté du 26 juin 2026' },
  origin: 'tenant',
  updatedBy: 'Claire Martin',
  updatedAt: '2026-07-01T08:05:00.000Z',
};

const table = (rows: RateRow[]): RateTableResponse => ({ version: '2026-02', rows });

function renderPage(role: 'owner' | 'manager' | 'viewer', routes: Parameters<typeof mockFetch>[0]) {
  const server = mockFetch({
    'GET /api/auth/me': { body: { ...TEST_ME, role } },
    ...routes,
  });
  vi.stubGlobal('fetch', server.fetch);
  renderApp(
    <AuthGate>
      <RatesPage />
    </AuthGate>,
    { path: '/settings/rates' },
  );
  return server;
}

describe('RatesPage', () => {
  it('shows the rates, most recent first, with their origin and sources, read-only for a viewer', async () => {
    renderPage('viewer', { 'GET /api/legal/rates': { body: table([OLDER, SHIPPED]) } });

    const rows = await screen.findAllByTestId('rate-row');
    expect(rows.map((row) => row.getAttribute('data-half-year'))).toEqual(['2026-H1', '2025-H2']);
    const cells = within(rows[0] as HTMLElement)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(cells.slice(0, 7)).toEqual([
      '2026-H1',
      `2,15${NBSP}%`,
      `12,15${NBSP}%`,
      `6,67${NBSP}%`,
      `2,62${NBSP}%`,
      `7,86${NBSP}%`,
      'Livré',
    ]);
    expect(screen.getByTestId('rates-version').textContent).toContain('version 2026-02');
    expect(screen.getByTestId('rates-missing-half-year').textContent).toContain('2026-H2');

    // Sources open on demand.
    expect(screen.queryByTestId('rate-sources')).toBeNull();
    const toggle = screen.getByLabelText('Sources du semestre 2026-H1');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByTestId('rate-sources').textContent).toContain('arrêté du 22/12/2025');

    expect(screen.getByTestId('rates-read-only')).toBeTruthy();
    expect(screen.queryByTestId('rate-form')).toBeNull();
    expect(screen.queryByTestId('rate-correct')).toBeNull();
  });

  it('hides the form from a manager too: only the owner manages rates', async () => {
    renderPage('manager', { 'GET /api/legal/rates': { body: table([SHIPPED]) } });
    await screen.findAllByTestId('rate-row');
    expect(screen.queryByTestId('rate-form')).toBeNull();
  });

  it('lets the owner add a half-year with rates typed the French way, then refreshes the table', async () => {
    let rows = [SHIPPED];
    const server = renderPage('owner', {
      'GET /api/legal/rates': () => ({ body: table(rows) }),
      'PUT /api/legal/rates/2026-H2': () => {
        rows = [SHIPPED, ADDED];
        return { body: ADDED };
      },
    });
    await screen.findAllByTestId('rate-row');

    fireEvent.change(screen.getByTestId('rate-form-halfYear'), { target: { value: '2026-h2' } });
    fireEvent.change(screen.getByTestId('rate-form-ecbRate'), { target: { value: '2' } });
    fireEvent.change(screen.getByTestId('rate-form-legalRateIndividual'), { target: { value: '6,5' } });
    fireEvent.change(screen.getByTestId('rate-form-legalRateOther'), { target: { value: '2,50 %' } });
    fireEvent.change(screen.getByTestId('rate-form-source'), { target: { value: '  Arrêté du 26 juin 2026  ' } });
    fireEvent.click(screen.getByTestId('rate-form-submit'));

    await waitFor(() => expect(screen.getAllByTestId('rate-row')).toHaveLength(2));
    const put = server.calls.find((call) => call.method === 'PUT');
    expect(put?.path).toBe('/api/legal/rates/2026-H2');
    expect(JSON.parse(String(put?.body))).toEqual({
      ecbRate: '2.00',
      legalRateIndividual: '6.50',
      legalRateOther: '2.50',
      source: 'Arrêté du 26 juin 2026',
    });
    expect(server.calls.filter((call) => call.method === 'GET' && call.path === '/api/legal/rates')).toHaveLength(2);
    const added = screen.getAllByTestId('rate-row')[0] as HTMLElement;
    expect(added.getAttribute('data-origin')).toBe('tenant');
    expect(within(added).getByTestId('rate-updated').textContent).toBe('Claire Martin, le 01/07/2026 10:05');
    // The form is empty again.
    expect((screen.getByTestId('rate-form-halfYear') as HTMLInputElement).value).toBe('');
  });

  it('fills the form from a row to correct it, and names the fields it refuses', async () => {
    const server = renderPage('owner', { 'GET /api/legal/rates': { body: table([SHIPPED]) } });
    await screen.findAllByTestId('rate-row');

    fireEvent.click(screen.getByLabelText('Corriger le semestre 2026-H1'));
    expect((screen.getByTestId('rate-form-halfYear') as HTMLInputElement).value).toBe('2026-H1');
    expect((screen.getByTestId('rate-form-legalRateIndividual') as HTMLInputElement).value).toBe('6,67');

    fireEvent.change(screen.getByTestId('rate-form-ecbRate'), { target: { value: 'deux' } });
    fireEvent.click(screen.getByTestId('rate-form-submit'));
    expect(screen.getByText('« Taux BCE (%) » : taux invalide (exemple : 2,15)')).toBeTruthy();
    expect(screen.getByText('« Source » : indiquez la source (3 caractères au moins)')).toBeTruthy();
    expect(server.calls.some((call) => call.method === 'PUT')).toBe(false);
  });

  it('shows the API refusal of a save', async () => {
    renderPage('owner', {
      'GET /api/legal/rates': { body: table([SHIPPED]) },
      'PUT /api/legal/rates/2026-H2': {
        status: 403,
        body: { code: 'AUTH_FORBIDDEN', message: 'Votre rôle ne permet pas cette action.', requestId: 'r-7' },
      },
    });
    await screen.findAllByTestId('rate-row');
    fireEvent.change(screen.getByTestId('rate-form-halfYear'), { target: { value: '2026-H2' } });
    fireEvent.change(screen.getByTestId('rate-form-ecbRate'), { target: { value: '2,15' } });
    fireEvent.change(screen.getByTestId('rate-form-legalRateIndividual'), { target: { value: '6,67' } });
    fireEvent.change(screen.getByTestId('rate-form-legalRateOther'), { target: { value: '2,62' } });
    fireEvent.change(screen.getByTestId('rate-form-source'), { target: { value: 'BCE' } });
    fireEvent.click(screen.getByTestId('rate-form-submit'));
    expect((await screen.findByTestId('form-error')).textContent).toContain('Votre rôle ne permet pas cette action.');
  });
});

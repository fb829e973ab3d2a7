// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AgencyProfileDto, Role } from '../../api/types';
import { AuthGate } from '../../components/Session';
import { TEST_ME, installDomStubs, mockFetch, renderApp } from '../../test/dom';
import { CASE_DETAIL, CASE_ID } from '../../test/recovery-fixtures';
import { CasePage } from '../recovery/CasePage';
import { AgencyProfilePage } from './AgencyProfilePage';

beforeAll(installDomStubs);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const PROFILE: AgencyProfileDto = {
  name: 'Recouvrement Rhône SAS',
  siren: '123456782',
  address: { line1: '8 quai Saint-Antoine', line2: null, postalCode: '69002', city: 'Lyon', country: 'FR' },
  email: null,
  phone: null,
  iban: 'FR7630006000011234567890189',
  bic: 'AGRIFRPP',
  updatedAt: '2026-11-23T09:00:00.000Z',
  updatedBy: 'Claire Martin',
};

function renderPage(role: Role, routes: Parameters<typeof mockFetch>[0]) {
  const server = mockFetch({ 'GET /api/auth/me': { body: { ...TEST_ME, role } }, ...routes });
  vi.stubGlobal('fetch', server.fetch);
  renderApp(
    <AuthGate>
      <AgencyProfilePage />
    </AuthGate>,
    { path: '/settings/agency' },
  );
  return server;
}

const value = (testId: string) => (screen.getByTestId(testId) as HTMLInputElement).value;

describe('AgencyProfilePage', () => {
  it('lets the owner save the identity, showing the API’s refusal by the field', async () => {
    let attempt = 0;
    const server = renderPage('owner', {
      'GET /api/tenant/agency-profile': { body: null },
      'PUT /api/tenant/agency-profile': () =>
        ++attempt === 1
          ? {
              status: 400,
              body: {
                code: 'VALIDATION_FAILED',
                message: 'Certaines données sont invalides.',
                requestId: 'r1',
                issues: [{ field: 'siren', code: 'invalid_siren', message: 'SIREN invalide « 123456789 »' }],
              },
            }
          : { status: 200, body: PROFILE },
    });
    expect(await screen.findByTestId('agency-none')).toBeTruthy();
    const type = (field: string, text: string) => fireEvent.change(screen.getByTestId(`agency-${field}`), { target: { value: text } });
    type('name', PROFILE.name);
    type('siren', '123456789');
    type('address.line1', PROFILE.address.line1);
    type('address.postalCode', '69002');
    type('address.city', 'Lyon');
    fireEvent.click(screen.getByTestId('agency-submit'));
    expect(await screen.findByText('SIREN invalide « 123456789 »')).toBeTruthy();
    expect(JSON.parse(String(server.calls.find((c) => c.method === 'PUT')?.body))).toEqual({
      name: PROFILE.name,
      siren: '123456789',
      address: { line1: PROFILE.address.line1, line2: null, postalCode: '69002', city: 'Lyon' },
      email: null,
      phone: null,
      iban: null,
      bic: null,
    });
    type('siren', '123 456 782');
    fireEvent.click(screen.getByTestId('agency-submit'));
    expect(await screen.findByTestId('agency-saved')).toBeTruthy();
    await waitFor(() => expect(value('agency-siren')).toBe('123456782'));
  });

  it('shows the identity read-only to the others', async () => {
    renderPage('agent', { 'GET /api/tenant/agency-profile': { body: PROFILE } });
    expect(await screen.findByTestId('agency-read-only')).toBeTruthy();
    await waitFor(() => expect(value('agency-name')).toBe(PROFILE.name));
    expect(screen.queryByTestId('agency-submit')).toBeNull();
  });
});

describe('the agency letter on a case', () => {
  async function menuItems(profile: AgencyProfileDto | null) {
    const server = mockFetch({
      'GET /api/auth/me': { body: { ...TEST_ME, role: 'agent' } },
      [`GET /api/recovery/cases/${CASE_ID}`]: { body: CASE_DETAIL },
      [`GET /api/recovery/cases/${CASE_ID}/documents`]: { body: [] },
      'GET /api/tenant/agency-profile': { body: profile },
    });
    vi.stubGlobal('fetch', server.fetch);
    renderApp(
      <AuthGate>
        <CasePage id={CASE_ID} />
      </AuthGate>,
      { path: `/recovery/cases/${CASE_ID}` },
    );
    await waitFor(() => expect(server.calls.some((c) => c.path.endsWith('/agency-profile'))).toBe(true));
    fireEvent.click(await screen.findByTestId('produce-letter'));
    await screen.findByTestId('produce-letter-reminder');
  }

  it('is offered once the tenant has an agency identity, and not before', async () => {
    await menuItems(PROFILE);
    expect(await screen.findByTestId('produce-letter-agency-letter')).toBeTruthy();
    cleanup();
    await menuItems(null);
    expect(screen.queryByTestId('produce-letter-agency-letter')).toBeNull();
  });
});

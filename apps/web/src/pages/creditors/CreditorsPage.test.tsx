// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { App } from '../../App';
import type { Creditor, Role } from '../../api/types';
import { type MockReply, type RouteHandler, TEST_ME, installDomStubs, mockFetch, renderApp } from '../../test/dom';

beforeAll(installDomStubs);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const DURAND: Creditor = {
  id: '00000000-0000-4000-8000-0000000000b1',
  legalName: 'Ateliers Durand SAS',
  tradeName: null,
  legalForm: 'SAS',
  siren: '732829320',
  siret: null,
  vatNumber: null,
  address: { line1: '12 rue de la République', line2: null, postalCode: '69002', city: 'Lyon', country: 'FR' },
  iban: 'FR7630006000011234567890189',
  bic: 'AGRIFRPP',
  email: 'compta@durand.fr',
  phone: null,
  hasLogo: true,
  letterLegalMentions: 'SAS au capital de 50 000 €',
  recoveryContact: { name: 'Service recouvrement', email: 'recouvrement@durand.fr', phone: null },
  letterGaps: [],
  createdAt: '2026-11-01T09:00:00.000Z',
  updatedAt: '2026-11-20T09:00:00.000Z',
};
const BARE: Creditor = {
  ...DURAND,
  id: '00000000-0000-4000-8000-0000000000b2',
  legalName: 'Durand Services SARL',
  siren: null,
  iban: null,
  bic: null,
  hasLogo: false,
  recoveryContact: null,
  letterGaps: ['creditor-siren', 'creditor-bank'],
};

const KARIM = { id: '00000000-0000-4000-8000-0000000000c1', name: 'Karim Benali', email: 'karim@amiable.test', role: 'agent' as const };
const SOPHIE = {
  id: '00000000-0000-4000-8000-0000000000c2',
  name: 'Sophie Girard',
  email: 'sophie@amiable.test',
  role: 'manager' as const,
};

function renderAt(path: string, role: Role, routes: Record<string, RouteHandler | MockReply> = {}) {
  const server = mockFetch({
    'GET /api/auth/me': { body: { ...TEST_ME, role } },
    'GET /api/creditors': { body: { items: [DURAND, BARE], nextCursor: null } },
    [`GET /api/creditors/${DURAND.id}`]: { body: DURAND },
    'GET /api/recovery/agents': { body: [KARIM, SOPHIE] },
    'GET /api/recovery/default-agents': {
      body: [
        { creditorId: DURAND.id, assigneeId: KARIM.id, assigneeName: KARIM.name },
        { creditorId: BARE.id, assigneeId: null, assigneeName: null },
      ],
    },
    ...routes,
  });
  vi.stubGlobal('fetch', server.fetch);
  return { server, ...renderApp(<App />, { path }) };
}

const sent = (server: ReturnType<typeof mockFetch>, method: string, path: string) =>
  server.calls.filter((call) => call.method === method && call.path === path);
const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

describe('CreditorsPage', () => {
  it('lists the creditors with what each still lacks for its letters', async () => {
    renderAt('/settings/creditors', 'viewer');
    const rows = await screen.findAllByTestId('creditor-row');
    expect(rows.map((r) => within(r).getByTestId('creditor-row-readiness').textContent)).toEqual([
      'Complet',
      'À compléter\u00a0: SIREN, IBAN et BIC',
    ]);
    expect(within(rows[0] as HTMLElement).getAllByRole('cell')[3]?.textContent).toBe('Service recouvrement');
    await waitFor(() =>
      expect(rows.map((r) => within(r).getByTestId('creditor-row-default-agent').textContent)).toEqual(['Karim Benali', '—']),
    );
    expect(screen.queryByTestId('creditor-add')).toBeNull();
    expect(screen.getByTestId('nav-creditors').getAttribute('aria-current')).toBe('page');
  });

  it('creates a creditor: the API’s refusal shows by its field, then the new creditor opens, ready for its logo', async () => {
    let attempt = 0;
    const created = { ...BARE, id: '00000000-0000-4000-8000-0000000000b3', legalName: 'Menuiserie Roux', siren: '552100554' };
    const { server, location } = renderAt('/settings/creditors', 'manager', {
      'POST /api/creditors': () =>
        ++attempt === 1
          ? {
              status: 400,
              body: {
                code: 'VALIDATION_FAILED',
                message: 'Certaines données sont invalides.',
                requestId: 'r1',
                issues: [{ field: 'iban', code: 'invalid_iban', message: '« iban » : IBAN invalide' }],
              },
            }
          : { status: 201, body: created },
      [`GET /api/creditors/${created.id}`]: { body: created },
    });
    fireEvent.click(await screen.findByTestId('creditor-add'));
    await screen.findByTestId('creditor-form');
    expect(location.history.at(-1)).toBe('/settings/creditors/new');
    // The form of a new creditor reads no creditor.
    expect(server.calls.filter((call) => call.path.startsWith('/api/creditors/'))).toEqual([]);
    expect((screen.getByTestId('creditor-address.country') as HTMLInputElement).value).toBe('FR');
    type('creditor-legalName', ' Menuiserie Roux ');
    type('creditor-siren', '552 100 554');
    type('creditor-address.line1', '4 rue des Tanneurs');
    type('creditor-address.postalCode', '69004');
    type('creditor-address.city', 'Lyon');
    type('creditor-iban', 'fr76 3000 6000 0112 3456 7890 18');
    type('creditor-bic', 'agrifrpp');
    fireEvent.click(screen.getByTestId('creditor-submit'));
    await waitFor(() => expect(screen.getByTestId('creditor-iban').getAttribute('aria-invalid')).toBe('true'));
    expect(JSON.parse(String(sent(server, 'POST', '/api/creditors')[0]?.body))).toEqual({
      legalName: 'Menuiserie Roux',
      tradeName: null,
      legalForm: null,
      siren: '552 100 554',
      siret: null,
      vatNumber: null,
      address: { line1: '4 rue des Tanneurs', line2: null, postalCode: '69004', city: 'Lyon', country: 'FR' },
      email: null,
      phone: null,
      iban: 'fr76 3000 6000 0112 3456 7890 18',
      bic: 'agrifrpp',
      letterLegalMentions: null,
      recoveryContact: null,
    });

    type('creditor-iban', 'FR7630006000011234567890189');
    fireEvent.click(screen.getByTestId('creditor-submit'));
    await waitFor(() => expect(location.history.at(-1)).toBe(`/settings/creditors/${created.id}?created`));
    expect(await screen.findByTestId('creditor-created')).toBeTruthy();
    expect(screen.getByTestId('creditor-title').textContent).toBe('Menuiserie Roux');
    expect(screen.getByTestId('creditor-logo-none')).toBeTruthy();
  });

  it('changes a creditor, keeps a contact typed without a name for the API to refuse, and uploads its logo', async () => {
    const { server } = renderAt(`/settings/creditors/${DURAND.id}`, 'manager', {
      [`PATCH /api/creditors/${DURAND.id}`]: (call) => {
        const body = JSON.parse(String(call.body));
        return body.recoveryContact?.name === ''
          ? {
              status: 400,
              body: {
                code: 'VALIDATION_FAILED',
                message: 'Certaines données sont invalides.',
                requestId: 'r2',
                issues: [{ field: 'recoveryContact.name', code: 'too_short', message: '« recoveryContact.name » : trop court' }],
              },
            }
          : { body: { ...DURAND, ...body, updatedAt: '2026-11-23T10:00:00.000Z' } };
      },
      [`PUT /api/creditors/${DURAND.id}/logo`]: { body: { ...DURAND, updatedAt: '2026-11-23T11:00:00.000Z' } },
    });
    await screen.findByTestId('creditor-form');
    expect(screen.getByTestId('creditor-logo-image').getAttribute('src')).toBe(
      `/api/creditors/${DURAND.id}/logo?v=2026-11-20T09%3A00%3A00.000Z`,
    );
    type('creditor-recoveryContact.name', '');
    fireEvent.click(screen.getByTestId('creditor-submit'));
    await waitFor(() => expect(screen.getByTestId('creditor-recoveryContact.name').getAttribute('aria-invalid')).toBe('true'));

    type('creditor-recoveryContact.name', 'Julie Martin');
    type('creditor-letterLegalMentions', '');
    fireEvent.click(screen.getByTestId('creditor-submit'));
    expect(await screen.findByTestId('creditor-saved')).toBeTruthy();
    const body = JSON.parse(String(sent(server, 'PATCH', `/api/creditors/${DURAND.id}`).at(-1)?.body));
    expect(body).toMatchObject({
      letterLegalMentions: null,
      recoveryContact: { name: 'Julie Martin', email: 'recouvrement@durand.fr', phone: null },
    });

    const logo = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'logo.png', { type: 'image/png' });
    // Mantine's FileInput keeps its <input type="file"> hidden beside the button that shows the name.
    const fileInput = screen.getByTestId('creditor-logo').querySelector('input[type="file"]');
    if (!fileInput) throw new Error('no file input');
    fireEvent.change(fileInput, { target: { files: [logo] } });
    await waitFor(() => expect(screen.getByTestId('creditor-logo-upload').hasAttribute('disabled')).toBe(false));
    fireEvent.click(screen.getByTestId('creditor-logo-upload'));
    expect(await screen.findByTestId('creditor-logo-uploaded')).toBeTruthy();
    const form = sent(server, 'PUT', `/api/creditors/${DURAND.id}/logo`)[0]?.body;
    expect(form).toBeInstanceOf(FormData);
    expect(((form as FormData).get('file') as File).name).toBe('logo.png');
    await waitFor(() => expect(screen.getByTestId('creditor-logo-image').getAttribute('src')).toContain('v=2026-11-23T11'));
  });

  it('shows a creditor read-only to a viewer', async () => {
    renderAt(`/settings/creditors/${DURAND.id}`, 'viewer');
    await screen.findByTestId('creditor-form');
    expect(screen.getByTestId('creditor-read-only')).toBeTruthy();
    expect(screen.queryByTestId('creditor-submit')).toBeNull();
    expect(screen.queryByTestId('creditor-logo-upload')).toBeNull();
    expect(screen.getByTestId('creditor-legalName').hasAttribute('readonly')).toBe(true);
  });

  it('gives the creditor’s new cases to a member, and says so; a refusal shows by the field', async () => {
    let attempt = 0;
    const { server } = renderAt(`/settings/creditors/${DURAND.id}`, 'manager', {
      [`PUT /api/recovery/creditors/${DURAND.id}/default-agent`]: (call) => {
        const { assigneeId } = JSON.parse(String(call.body));
        return ++attempt === 1
          ? {
              status: 400,
              body: {
                code: 'VALIDATION_FAILED',
                message: 'Certaines données sont invalides.',
                requestId: 'r3',
                issues: [{ field: 'assigneeId', code: 'not_an_agent', message: '« assigneeId » : n’est pas un membre actif' }],
              },
            }
          : { body: { creditorId: DURAND.id, assigneeId, assigneeName: assigneeId ? SOPHIE.name : null } };
      },
    });
    const select = (await screen.findByTestId('creditor-default-agent-select')) as HTMLSelectElement;
    await waitFor(() => expect(select.value).toBe(KARIM.id));
    fireEvent.change(select, { target: { value: SOPHIE.id } });
    await waitFor(() => expect(select.getAttribute('aria-invalid')).toBe('true'));
    fireEvent.change(select, { target: { value: SOPHIE.id } });
    expect(await screen.findByText('Les nouveaux dossiers de ce créancier seront confiés à Sophie Girard.')).toBeTruthy();
    fireEvent.change(select, { target: { value: '' } });
    expect(await screen.findByText('Les nouveaux dossiers de ce créancier s’ouvriront sans chargé de relance.')).toBeTruthy();
    expect(sent(server, 'PUT', `/api/recovery/creditors/${DURAND.id}/default-agent`).map((c) => JSON.parse(String(c.body)))).toEqual([
      { assigneeId: SOPHIE.id },
      { assigneeId: SOPHIE.id },
      { assigneeId: null },
    ]);
  });

  it('shows a viewer who follows the creditor’s new cases, without a choice', async () => {
    renderAt(`/settings/creditors/${DURAND.id}`, 'viewer');
    expect((await screen.findByTestId('creditor-default-agent-name')).textContent).toBe('Karim Benali');
    expect(screen.queryByTestId('creditor-default-agent-select')).toBeNull();
  });
});

// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { App } from '../../App';
import type { Role } from '../../api/types';
import { type MockReply, type RouteHandler, TEST_ME, installDomStubs, mockFetch, renderApp } from '../../test/dom';
import { CASE, CASE_DETAIL, CASE_ID, DEBTOR_ID } from '../../test/recovery-fixtures';

beforeAll(installDomStubs);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const NNBSP = '\u202f';
const NBSP = '\u00a0';
const OTHER = {
  ...CASE,
  id: '00000000-0000-4000-8000-0000000000c2',
  debtor: { id: '00000000-0000-4000-8000-0000000000d2', name: 'Garage Martin', kind: 'business' as const },
  state: 'formal-notice-sent' as const,
  openInvoices: 1,
  outstanding: '80.00',
  lastAction: null,
  assignee: { id: '00000000-0000-4000-8000-0000000000a1', name: 'Julie Martin' },
};
const JULIE = { id: '00000000-0000-4000-8000-0000000000a1', name: 'Julie Martin', email: 'julie@example.fr', role: 'agent' };

function renderAt(path: string, role: Role, routes: Record<string, RouteHandler | MockReply> = {}) {
  const server = mockFetch({
    'GET /api/auth/me': { body: { ...TEST_ME, role } },
    'GET /api/recovery/cases': (call) => {
      const state = call.search.get('state');
      const assignee = call.search.get('assignee');
      return {
        body: [CASE, OTHER]
          .filter((c) => !state || c.state === state)
          .filter((c) => !assignee || (assignee === 'none' ? c.assignee === null : c.assignee?.id === assignee)),
      };
    },
    'GET /api/recovery/agents': { body: [JULIE] },
    [`GET /api/recovery/cases/${CASE_ID}`]: { body: CASE_DETAIL },
    ...routes,
  });
  vi.stubGlobal('fetch', server.fetch);
  return { server, ...renderApp(<App />, { path }) };
}

const posted = (server: ReturnType<typeof mockFetch>, path: string) =>
  server.calls.filter((call) => call.method === 'POST' && call.path === path).map((call) => JSON.parse(String(call.body)));

describe('CasesPage', () => {
  it('lists the cases with their French state, filters them by state and opens one', async () => {
    const { server, location } = renderAt('/recovery/cases', 'viewer');
    const rows = await screen.findAllByTestId('case-row');
    expect(rows.map((row) => row.getAttribute('data-state'))).toEqual(['promise-to-pay', 'formal-notice-sent']);
    const cells = within(rows[0] as HTMLElement)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(cells).toEqual([
      'Café du Port',
      'Ateliers Durand SAS',
      'Promesse de paiement',
      '2',
      `1${NNBSP}234,56${NBSP}€`,
      '—',
      'call📞Appel23/11/2026Fait',
    ]);
    expect(within(rows[1] as HTMLElement).getByTestId('case-row-assignee').textContent).toBe('Julie Martin');
    expect(within(rows[1] as HTMLElement).getByText('Mise en demeure envoyée')).toBeTruthy();
    expect(screen.getByTestId('nav-cases').getAttribute('aria-current')).toBe('page');
    expect(screen.getByTestId('nav-recovery').getAttribute('aria-current')).toBeNull();

    fireEvent.change(screen.getByTestId('case-filter-state'), { target: { value: 'formal-notice-sent' } });
    await waitFor(() => expect(screen.getAllByTestId('case-row')).toHaveLength(1));
    expect(location.history.at(-1)).toBe('/recovery/cases?state=formal-notice-sent');
    expect(
      server.calls
        .filter((call) => call.path === '/api/recovery/cases')
        .at(-1)
        ?.search.get('state'),
    ).toBe('formal-notice-sent');

    fireEvent.change(screen.getByTestId('case-filter-state'), { target: { value: '' } });
    fireEvent.click((await screen.findAllByTestId('case-row'))[0] as HTMLElement);
    expect(await screen.findByTestId('case-timeline')).toBeTruthy();
    expect(location.history.at(-1)).toBe(`/recovery/cases/${CASE_ID}`);
  });

  it('filters the cases by agent in charge, or those nobody is, keeping the state filter in the URL', async () => {
    const { server, location } = renderAt('/recovery/cases?state=formal-notice-sent', 'viewer');
    await waitFor(() => expect(screen.getAllByTestId('case-row')).toHaveLength(1));
    await waitFor(() => expect(screen.getByTestId('case-filter-assignee').querySelectorAll('option')).toHaveLength(4));
    fireEvent.change(screen.getByTestId('case-filter-assignee'), { target: { value: JULIE.id } });
    await waitFor(() => expect(location.history.at(-1)).toBe(`/recovery/cases?state=formal-notice-sent&assignee=${JULIE.id}`));
    await waitFor(() => expect(server.calls.at(-1)?.search.get('assignee')).toBe(JULIE.id));
    expect(screen.getAllByTestId('case-row').map((row) => row.getAttribute('data-case-id'))).toEqual([OTHER.id]);

    fireEvent.change(screen.getByTestId('case-filter-state'), { target: { value: '' } });
    fireEvent.change(screen.getByTestId('case-filter-assignee'), { target: { value: 'none' } });
    await waitFor(() => expect(location.history.at(-1)).toBe('/recovery/cases?assignee=none'));
    await waitFor(() => expect(screen.getAllByTestId('case-row').map((row) => row.getAttribute('data-case-id'))).toEqual([CASE_ID]));
  });

  it('filters on the signed-in member’s own cases (« Mes dossiers »)', async () => {
    const { location } = renderAt('/recovery/cases', 'agent');
    await screen.findAllByTestId('case-row');
    const options = () => [...screen.getByTestId('case-filter-assignee').querySelectorAll('option')].map((o) => o.textContent);
    await waitFor(() => expect(options()).toEqual(['Tous', 'Mes dossiers', 'Non attribués', 'Julie Martin']));
    fireEvent.change(screen.getByTestId('case-filter-assignee'), { target: { value: TEST_ME.user.id } });
    await waitFor(() => expect(location.history.at(-1)).toBe(`/recovery/cases?assignee=${TEST_ME.user.id}`));
    expect(await screen.findByTestId('case-table-empty')).toBeTruthy();
    // An agent may not distribute cases: no boxes to tick.
    expect(screen.queryByTestId('case-select-all')).toBeNull();
  });

  it('lets a manager tick cases and give them to a member in one step', async () => {
    const put: unknown[] = [];
    const { server, location } = renderAt('/recovery/cases', 'manager', {
      'PUT /api/recovery/cases/assignee': (call) => {
        put.push(JSON.parse(String(call.body)));
        return { body: { changed: 2 } };
      },
    });
    const rows = await screen.findAllByTestId('case-row');
    expect(screen.queryByTestId('case-assign-bar')).toBeNull();
    // Ticking a row does not open the case.
    fireEvent.click(within(rows[1] as HTMLElement).getByTestId('case-select'));
    expect(screen.getByTestId('case-assign-count').textContent).toBe('1 dossier sélectionné');
    expect(location.history.at(-1)).toBe('/recovery/cases');
    fireEvent.click(screen.getByTestId('case-select-all'));
    expect(screen.getByTestId('case-assign-count').textContent).toBe('2 dossiers sélectionnés');
    await waitFor(() => expect(screen.getByTestId('case-assign-select').querySelectorAll('option')).toHaveLength(3));
    // Nothing is chosen at first, so a click cannot take the cases back by mistake.
    expect(screen.getByTestId('case-assign-submit').hasAttribute('disabled')).toBe(true);
    fireEvent.change(screen.getByTestId('case-assign-select'), { target: { value: JULIE.id } });
    const listed = server.calls.filter((call) => call.path === '/api/recovery/cases').length;
    fireEvent.click(screen.getByTestId('case-assign-submit'));
    await waitFor(() => expect(put).toEqual([{ caseIds: [CASE_ID, OTHER.id], assigneeId: JULIE.id }]));
    expect(await screen.findByText('2 dossiers confiés à Julie Martin.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByTestId('case-assign-bar')).toBeNull());
    // The list is read again, to show the new agent.
    await waitFor(() => expect(server.calls.filter((call) => call.path === '/api/recovery/cases').length).toBeGreaterThan(listed));
  });

  it('shows the refusal of a bulk assignment next to the member chosen, and keeps the selection', async () => {
    renderAt('/recovery/cases', 'owner', {
      'PUT /api/recovery/cases/assignee': {
        status: 400,
        body: {
          code: 'VALIDATION_FAILED',
          message: 'Données invalides',
          issues: [{ field: 'assigneeId', code: 'not_an_agent', message: '« assigneeId » : n’est pas un membre actif' }],
        },
      },
    });
    await screen.findAllByTestId('case-row');
    fireEvent.click(screen.getByTestId('case-select-all'));
    await waitFor(() => expect(screen.getByTestId('case-assign-select').querySelectorAll('option')).toHaveLength(3));
    fireEvent.change(screen.getByTestId('case-assign-select'), { target: { value: JULIE.id } });
    fireEvent.click(screen.getByTestId('case-assign-submit'));
    await waitFor(() => expect(screen.getByTestId('case-assign-select').getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByTestId('case-assign-count').textContent).toBe('2 dossiers sélectionnés');
  });

  it('shows the case’s timeline, next actions, and no forms to a viewer', async () => {
    renderAt(`/recovery/cases/${CASE_ID}`, 'viewer');
    const timeline = await screen.findByTestId('case-timeline');
    expect(screen.getByTestId('case-debtor').textContent).toBe('Café du Port');
    expect(within(screen.getByTestId('case-debtor')).getByRole('link').getAttribute('href')).toBe(`/debtors/${DEBTOR_ID}`);
    expect(screen.getByTestId('case-outstanding').textContent).toBe(`1${NNBSP}234,56${NBSP}€`);

    // Testing Library reads no-break spaces as plain ones.
    const entries = within(timeline).getAllByTestId('timeline-entry');
    expect(entries.map((entry) => entry.getAttribute('data-kind'))).toEqual(['transition', 'dispatch', 'transition', 'promise']);
    const opened = entries[0] as HTMLElement;
    expect(within(opened).getByText('Ouverture : En cours')).toBeTruthy();
    // The planner's reason is stored in English (the audit trail) and shown in the reader's language.
    expect(within(opened).getByText('Motif : première action de relance planifiée')).toBeTruthy();
    const changed = entries[2] as HTMLElement;
    expect(within(changed).getByText('En cours → Promesse de paiement')).toBeTruthy();
    expect(within(changed).getByText('Par Claire Martin, le 23/11/2026 10:10')).toBeTruthy();
    expect(within(entries[1] as HTMLElement).getByText('Appel « call »')).toBeTruthy();
    expect(within(entries[1] as HTMLElement).getByTestId('dispatch-status').textContent).toBe('Fait');
    expect(within(entries[1] as HTMLElement).getByText('Virement annoncé')).toBeTruthy();
    expect(within(entries[3] as HTMLElement).getByText('Promesse de paiement jusqu’au 10/12/2026')).toBeTruthy();
    expect(within(entries[3] as HTMLElement).getByText('Montant promis : 500,00 €')).toBeTruthy();

    const next = screen.getAllByTestId('case-next-actions-row');
    expect(
      within(next[0] as HTMLElement)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['11/12/2026', 'formal-notice', '📮Lettre recommandée', 'À valider', 'CAF-1, CAF-2']);
    expect(screen.queryByTestId('promise-form')).toBeNull();
    expect(screen.queryByTestId('transition-form')).toBeNull();
  });

  it('lets an agent record a promise, but not change the state', async () => {
    const { server } = renderAt(`/recovery/cases/${CASE_ID}`, 'agent', {
      [`POST /api/recovery/cases/${CASE_ID}/promises`]: { status: 204 },
    });
    const form = await screen.findByTestId('promise-form');
    expect(screen.queryByTestId('transition-form')).toBeNull();
    fireEvent.click(within(form).getByTestId('promise-submit'));
    await waitFor(() => expect(within(form).getByTestId('promise-until').getAttribute('aria-invalid')).toBe('true'));

    fireEvent.change(within(form).getByTestId('promise-until'), { target: { value: '2026-12-20' } });
    fireEvent.change(within(form).getByTestId('promise-amount'), { target: { value: '250' } });
    fireEvent.click(within(form).getByTestId('promise-submit'));
    await waitFor(() =>
      expect(posted(server, `/api/recovery/cases/${CASE_ID}/promises`)).toEqual([{ until: '2026-12-20', amount: '250.00' }]),
    );
  });

  it('lets a manager close a case with its reason and how it ended', async () => {
    const { server } = renderAt(`/recovery/cases/${CASE_ID}`, 'manager', {
      [`POST /api/recovery/cases/${CASE_ID}/transition`]: { status: 204 },
    });
    const form = await screen.findByTestId('transition-form');
    const options = within(screen.getByTestId('transition-state'))
      .getAllByRole('option')
      .map((option) => option.getAttribute('value'));
    expect(options).not.toContain('promise-to-pay');

    fireEvent.change(within(form).getByTestId('transition-state'), { target: { value: 'closed' } });
    fireEvent.click(within(form).getByTestId('transition-submit'));
    await waitFor(() => expect(within(form).getByTestId('transition-reason').getAttribute('aria-invalid')).toBe('true'));
    expect(within(form).getByTestId('transition-closed-reason').getAttribute('aria-invalid')).toBe('true');
    expect(posted(server, `/api/recovery/cases/${CASE_ID}/transition`)).toEqual([]);

    fireEvent.change(within(form).getByTestId('transition-closed-reason'), { target: { value: 'paid' } });
    fireEvent.change(within(form).getByTestId('transition-reason'), { target: { value: 'Virement reçu le 10/12' } });
    fireEvent.click(within(form).getByTestId('transition-submit'));
    await waitFor(() =>
      expect(posted(server, `/api/recovery/cases/${CASE_ID}/transition`)).toEqual([
        { state: 'closed', reason: 'Virement reçu le 10/12', closedReason: 'paid' },
      ]),
    );
  });

  it('speaks English', async () => {
    const server = mockFetch({
      'GET /api/auth/me': { body: TEST_ME },
      'GET /api/recovery/cases': { body: [CASE] },
    });
    vi.stubGlobal('fetch', server.fetch);
    renderApp(<App />, { path: '/recovery/cases', language: 'en' });
    const row = await screen.findByTestId('case-row');
    expect(within(row).getByText('Promise to pay')).toBeTruthy();
    expect(within(row).getByText('€1,234.56')).toBeTruthy();
    expect(screen.getByTestId('nav-scenarios').textContent).toBe('Scenarios');
  });
});

// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Role } from '../../api/types';
import { AuthGate } from '../../components/Session';
import { type MockReply, type RouteHandler, TEST_ME, installDomStubs, mockFetch, renderApp } from '../../test/dom';
import { CASE, DEBTOR_ID, PREVIEW, dispatch } from '../../test/recovery-fixtures';
import { RecoveryPage } from './RecoveryPage';

beforeAll(installDomStubs);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const NNBSP = '\u202f';
const NBSP = '\u00a0';

function renderPage(role: Role, path: string, routes: Record<string, RouteHandler | MockReply>) {
  const server = mockFetch({ 'GET /api/auth/me': { body: { ...TEST_ME, role } }, ...routes });
  vi.stubGlobal('fetch', server.fetch);
  const view = renderApp(
    <AuthGate>
      <RecoveryPage />
    </AuthGate>,
    { path },
  );
  return { server, ...view };
}

const posted = (server: ReturnType<typeof mockFetch>, path: string) =>
  server.calls.filter((call) => call.method === 'POST' && call.path === path).map((call) => JSON.parse(String(call.body)));

const CALL = dispatch({});
const TASK = dispatch({
  id: '00000000-0000-4000-8000-0000000000e2',
  debtor: { id: '00000000-0000-4000-8000-0000000000d2', name: 'Garage Martin' },
  stepId: 'check-payment',
  channel: 'task',
  invoiceNumbers: ['GAR-1'],
  outstanding: '80.00',
  priority: 10,
});

describe('RecoveryPage — worklist', () => {
  it('narrows the worklist to the member’s own cases, or to those nobody follows, and shows who follows each', async () => {
    const MINE = { ...CALL, assignee: { id: TEST_ME.user.id, name: 'Claire Martin' } };
    const { server, location } = renderPage('agent', '/recovery', {
      'GET /api/recovery/dispatches': (call) => {
        const assignee = call.search.get('assignee');
        return { body: assignee === TEST_ME.user.id ? [MINE] : assignee === 'none' ? [TASK] : [MINE, TASK] };
      },
    });
    const all = await screen.findAllByTestId('worklist-item');
    expect(all.map((item) => within(item).getByTestId('dispatch-assignee').textContent)).toEqual(['Claire Martin', '—']);

    fireEvent.click(screen.getByText('Mes dossiers'));
    await waitFor(() => expect(location.history.at(-1)).toBe('/recovery?who=mine'));
    await waitFor(() => expect(screen.getAllByTestId('worklist-item').map((i) => i.getAttribute('data-dispatch-id'))).toEqual([CALL.id]));
    expect(server.calls.at(-1)?.search.get('assignee')).toBe(TEST_ME.user.id);

    fireEvent.click(screen.getByText('Dossiers non attribués'));
    await waitFor(() => expect(screen.getAllByTestId('worklist-item').map((i) => i.getAttribute('data-dispatch-id'))).toEqual([TASK.id]));
    expect(server.calls.at(-1)?.search.get('assignee')).toBe('none');
    expect(location.history.at(-1)).toBe('/recovery?who=none');

    fireEvent.click(screen.getByText('Toutes'));
    await waitFor(() => expect(screen.getAllByTestId('worklist-item')).toHaveLength(2));
    expect(location.history.at(-1)).toBe('/recovery');
  });

  it('lists today’s calls by priority with their script, and logs a promise to pay with its date and amount', async () => {
    let handled = false;
    const { server } = renderPage('agent', '/recovery', {
      // Sent out of order: the page keeps the priority order.
      'GET /api/recovery/dispatches': () => ({ body: handled ? [TASK] : [TASK, CALL] }),
      [`POST /api/recovery/dispatches/${CALL.id}/outcome`]: () => {
        handled = true;
        return { status: 204 };
      },
    });

    const items = await screen.findAllByTestId('worklist-item');
    expect(server.calls.find((call) => call.path === '/api/recovery/dispatches')?.search.get('view')).toBe('worklist');
    expect(items.map((item) => item.getAttribute('data-dispatch-id'))).toEqual([CALL.id, TASK.id]);
    const first = items[0] as HTMLElement;
    expect(within(first).getByTestId('dispatch-rank').textContent).toBe('Priorité 1');
    expect(within(first).getByTestId('dispatch-debtor').textContent).toBe('Café du Port');
    expect(within(first).getByTestId('dispatch-debtor').getAttribute('href')).toBe(`/debtors/${DEBTOR_ID}`);
    expect(within(first).getByTestId('dispatch-creditor').textContent).toBe('Ateliers Durand SAS');
    expect(within(first).getByTestId('dispatch-outstanding').textContent).toBe(`1${NNBSP}234,56${NBSP}€`);
    expect(within(first).getByText('Appel')).toBeTruthy();

    const script = within(first).getByTestId('call-script');
    expect(within(script).getByTestId('call-script-invoices').textContent).toBe(`Factures concernées${NBSP}: CAF-1, CAF-2`);
    expect(within(script).getByTestId('call-script-total').textContent).toBe(`Montant total restant dû${NBSP}: 1${NNBSP}234,56${NBSP}€`);
    expect(within(script).getByTestId('call-script-debtor-link').getAttribute('href')).toBe(`/debtors/${DEBTOR_ID}`);
    expect(within(script).getByText(/de la part de Ateliers Durand SAS/)).toBeTruthy();

    const form = within(first).getByTestId('outcome-form');
    // Nothing chosen yet: the outcome is asked for, nothing is sent.
    fireEvent.click(within(form).getByTestId('outcome-submit'));
    expect(await within(form).findByText('Obligatoire')).toBeTruthy();
    expect(within(form).queryByTestId('outcome-promise-until')).toBeNull();

    fireEvent.change(within(form).getByTestId('outcome-select'), { target: { value: 'promise' } });
    fireEvent.click(within(form).getByTestId('outcome-submit'));
    await waitFor(() => expect(within(form).getByTestId('outcome-promise-until').getAttribute('aria-invalid')).toBe('true'));
    expect(posted(server, `/api/recovery/dispatches/${CALL.id}/outcome`)).toEqual([]);

    fireEvent.change(within(form).getByTestId('outcome-promise-until'), { target: { value: '2026-12-10' } });
    fireEvent.change(within(form).getByTestId('outcome-promise-amount'), { target: { value: '1 000,50' } });
    fireEvent.change(within(form).getByTestId('outcome-note'), { target: { value: ' Virement annoncé ' } });
    fireEvent.click(within(form).getByTestId('outcome-submit'));

    await waitFor(() => expect(screen.getAllByTestId('worklist-item')).toHaveLength(1));
    expect(posted(server, `/api/recovery/dispatches/${CALL.id}/outcome`)).toEqual([
      { outcome: 'promise', note: 'Virement annoncé', promiseUntil: '2026-12-10', promiseAmount: '1000.50' },
    ]);
    expect(await screen.findByText('Résultat de l’appel enregistré.')).toBeTruthy();
  });

  it('asks the reason of a dispute, and explains a 409 as an action already handled', async () => {
    const { server } = renderPage('agent', '/recovery', {
      'GET /api/recovery/dispatches': { body: [CALL] },
      [`POST /api/recovery/dispatches/${CALL.id}/outcome`]: {
        status: 409,
        body: { code: 'CONFLICT', message: 'Cet élément existe déjà.', requestId: 'r-409' },
      },
    });
    const form = await screen.findByTestId('outcome-form');
    fireEvent.change(within(form).getByTestId('outcome-select'), { target: { value: 'dispute' } });
    fireEvent.click(within(form).getByTestId('outcome-submit'));
    await waitFor(() => expect(within(form).getByTestId('outcome-dispute-reason').getAttribute('aria-invalid')).toBe('true'));

    fireEvent.change(within(form).getByTestId('outcome-dispute-reason'), { target: { value: 'Livraison incomplète' } });
    fireEvent.click(within(form).getByTestId('outcome-submit'));
    expect((await screen.findByTestId('conflict-error')).textContent).toContain('déjà été traitée');
    expect(posted(server, `/api/recovery/dispatches/${CALL.id}/outcome`)).toEqual([
      { outcome: 'dispute', disputeReason: 'Livraison incomplète' },
    ]);
    // The list is read again after the refusal.
    await waitFor(() => expect(server.calls.filter((call) => call.path === '/api/recovery/dispatches')).toHaveLength(2));
  });

  it('shows the list without the outcome form to a viewer', async () => {
    renderPage('viewer', '/recovery', { 'GET /api/recovery/dispatches': { body: [CALL] } });
    await screen.findByTestId('worklist-item');
    expect(screen.getByTestId('call-script')).toBeTruthy();
    expect(screen.queryByTestId('outcome-form')).toBeNull();
  });
});

describe('RecoveryPage — approvals', () => {
  const NOTICE = dispatch({
    id: '00000000-0000-4000-8000-0000000000e3',
    stepId: 'formal-notice',
    channel: 'registered-letter',
    status: 'awaiting-approval',
  });

  it('approves an action with the manager’s note', async () => {
    let decided = false;
    const { server } = renderPage('manager', '/recovery?tab=approvals', {
      'GET /api/recovery/dispatches': (call) => ({ body: call.search.get('view') === 'approvals' && !decided ? [NOTICE] : [] }),
      [`POST /api/recovery/dispatches/${NOTICE.id}/approval`]: () => {
        decided = true;
        return { status: 204 };
      },
    });
    const item = await screen.findByTestId('approvals-item');
    expect(within(item).getByText('Lettre recommandée')).toBeTruthy();
    expect(within(item).getByTestId('dispatch-status').textContent).toBe('À valider');
    fireEvent.change(within(item).getByTestId('approval-note'), { target: { value: 'OK pour la mise en demeure' } });
    fireEvent.click(within(item).getByTestId('approval-approve'));

    await screen.findByTestId('approvals-empty');
    expect(posted(server, `/api/recovery/dispatches/${NOTICE.id}/approval`)).toEqual([
      { decision: 'approve', note: 'OK pour la mise en demeure' },
    ]);
  });

  it('rejects without a note, sending no empty note', async () => {
    const { server } = renderPage('owner', '/recovery?tab=approvals', {
      'GET /api/recovery/dispatches': { body: [NOTICE] },
      [`POST /api/recovery/dispatches/${NOTICE.id}/approval`]: { status: 204 },
    });
    fireEvent.click(await screen.findByTestId('approval-reject'));
    await waitFor(() => expect(posted(server, `/api/recovery/dispatches/${NOTICE.id}/approval`)).toEqual([{ decision: 'reject' }]));
  });

  it('shows the approvals read-only to a viewer', async () => {
    renderPage('viewer', '/recovery?tab=approvals', { 'GET /api/recovery/dispatches': { body: [NOTICE] } });
    await screen.findByTestId('approvals-item');
    expect(screen.getByText('Seuls les gestionnaires peuvent valider ou refuser ces envois.')).toBeTruthy();
    expect(screen.queryByTestId('approval-approve')).toBeNull();
    expect(screen.queryByTestId('approval-reject')).toBeNull();
    expect(screen.queryByTestId('approval-note')).toBeNull();
  });
});

describe('RecoveryPage — review', () => {
  const UNCERTAIN = dispatch({
    id: '00000000-0000-4000-8000-0000000000e4',
    stepId: 'reminder-1',
    channel: 'email',
    status: 'uncertain',
    lastError: 'timeout',
    attempts: 2,
  });

  it('shows the last error and requires a note before any resolution', async () => {
    const { server } = renderPage('manager', '/recovery?tab=review', {
      'GET /api/recovery/dispatches': { body: [UNCERTAIN] },
      [`POST /api/recovery/dispatches/${UNCERTAIN.id}/review`]: { status: 204 },
    });
    const item = await screen.findByTestId('review-item');
    expect(server.calls.find((call) => call.path === '/api/recovery/dispatches')?.search.get('view')).toBe('review');
    expect(within(item).getByTestId('review-last-error').textContent).toBe(`Dernière erreur${NBSP}: timeout`);
    expect(within(item).getByTestId('dispatch-status').textContent).toBe('Incertain');

    fireEvent.click(within(item).getByTestId('review-send-again'));
    expect(await within(item).findByText('Expliquez votre décision dans la note.')).toBeTruthy();
    expect(posted(server, `/api/recovery/dispatches/${UNCERTAIN.id}/review`)).toEqual([]);

    fireEvent.change(within(item).getByTestId('review-note'), { target: { value: 'Le serveur de mail ne l’a pas reçu' } });
    fireEvent.click(within(item).getByTestId('review-send-again'));
    await waitFor(() =>
      expect(posted(server, `/api/recovery/dispatches/${UNCERTAIN.id}/review`)).toEqual([
        { resolution: 'send-again', note: 'Le serveur de mail ne l’a pas reçu' },
      ]),
    );
  });

  it('gives an agent no resolution buttons', async () => {
    renderPage('agent', '/recovery?tab=review', { 'GET /api/recovery/dispatches': { body: [UNCERTAIN] } });
    await screen.findByTestId('review-item');
    expect(screen.queryByTestId('review-was-sent')).toBeNull();
  });
});

describe('RecoveryPage — coming actions', () => {
  it('shows the preview with debtor links, changes the period, and runs the planner for a manager', async () => {
    const { server } = renderPage('manager', '/recovery', {
      'GET /api/recovery/dispatches': { body: [] },
      'GET /api/recovery/preview': (call) => ({ body: { ...PREVIEW, days: Number(call.search.get('days')) } }),
      'GET /api/recovery/cases': { body: [CASE] },
      'POST /api/recovery/plan': { body: { date: '2026-11-23', cases: 3, planned: 4, created: 2 } },
    });
    await screen.findByTestId('worklist-empty');
    fireEvent.click(screen.getByTestId('recovery-tab-preview'));

    const rows = await screen.findAllByTestId('preview-table-row');
    expect(server.calls.find((call) => call.path === '/api/recovery/preview')?.search.get('days')).toBe('14');
    expect(rows.map((row) => row.getAttribute('data-date'))).toEqual(['2026-11-23', '2026-11-26']);
    const cells = within(rows[1] as HTMLElement)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(cells).toEqual(['26/11/2026', 'Fiche débiteur', 'formal-notice', '📮Lettre recommandée', 'À valider', 'GAR-1']);
    // A debtor with a case is named; the link leads to its page.
    const links = screen.getAllByTestId('planned-debtor-link');
    await waitFor(() => expect(links[0]?.textContent).toBe('Café du Port'));
    expect(links[0]?.getAttribute('href')).toBe(`/debtors/${DEBTOR_ID}`);
    expect(screen.getByText(`Du 23/11/2026, sur 14 jours`)).toBeTruthy();

    fireEvent.click(screen.getByLabelText('30 jours'));
    await waitFor(() =>
      expect(server.calls.filter((call) => call.path === '/api/recovery/preview').map((call) => call.search.get('days'))).toEqual([
        '14',
        '30',
      ]),
    );

    fireEvent.click(screen.getByTestId('plan-run'));
    const result = await screen.findByTestId('plan-result');
    expect(server.calls.filter((call) => call.method === 'POST' && call.path === '/api/recovery/plan')).toHaveLength(1);
    expect(within(result).getByText('Planification du 23/11/2026')).toBeTruthy();
    expect(screen.getByTestId('plan-cases').textContent).toBe('3');
    expect(screen.getByTestId('plan-planned').textContent).toBe('4');
    expect(screen.getByTestId('plan-created').textContent).toBe('2');
  });

  it('offers no planner button to an agent', async () => {
    renderPage('agent', '/recovery?tab=preview', {
      'GET /api/recovery/preview': { body: PREVIEW },
      'GET /api/recovery/cases': { body: [] },
    });
    await screen.findAllByTestId('preview-table-row');
    expect(screen.queryByTestId('plan-run')).toBeNull();
  });
});

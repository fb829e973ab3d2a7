// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { App } from '../../../App';
import type { CampaignDto, CampaignInput, CampaignPreview, Role } from '../../../api/types';
import { type MockReply, type RouteHandler, TEST_ME, installDomStubs, mockFetch, renderApp } from '../../../test/dom';
import { CASE_ID, CREDITOR, DEBTOR_ID, dispatch } from '../../../test/recovery-fixtures';

beforeAll(installDomStubs);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const ID = '00000000-0000-4000-8000-0000000000f7';
const SENDING_ID = '00000000-0000-4000-8000-0000000000f8';
const PROGRESS = { total: 0, planned: 0, sending: 0, sent: 0, skipped: 0, uncertain: 0, failed: 0, cancelled: 0, nextDate: null };
const DRAFT: CampaignDto = {
  id: ID,
  name: 'Changement de RIB',
  channel: 'email',
  templates: { fr: { subject: 'Nouveau RIB', body: 'Bonjour {{debtorName}}' } },
  filter: {
    creditorId: null,
    debtorKind: null,
    tags: ['boulangerie'],
    search: null,
    minOutstanding: null,
    minDaysOverdue: null,
    caseStates: ['open', 'in-progress', 'formal-notice-sent'],
    overdueOnly: true,
  },
  status: 'draft',
  createdBy: 'Claire Martin',
  createdAt: '2026-11-24T09:00:00.000Z',
  updatedAt: '2026-11-24T09:00:00.000Z',
  launchedBy: null,
  launchedAt: null,
  cancelledAt: null,
  excluded: null,
  progress: PROGRESS,
};
const SENDING: CampaignDto = {
  ...DRAFT,
  id: SENDING_ID,
  name: 'Relance de fin d’année',
  status: 'sending',
  launchedBy: 'Claire Martin',
  launchedAt: '2026-11-24T09:05:00.000Z',
  excluded: { noRecipient: 1, unschedulable: 0 },
  progress: { ...PROGRESS, total: 4, planned: 1, sent: 2, skipped: 1, nextDate: '2026-11-26' },
};
const PREVIEW: CampaignPreview = {
  firstDay: '2026-11-24',
  cases: 2,
  debtors: 2,
  outstanding: [{ currency: 'EUR', amount: '3000.00' }],
  days: [
    { date: '2026-11-24', cases: 1 },
    { date: '2026-11-26', cases: 1 },
  ],
  items: [
    {
      caseId: CASE_ID,
      debtor: { id: DEBTOR_ID, name: 'Boulangerie Lefèvre' },
      creditor: CREDITOR,
      date: '2026-11-24',
      invoiceCount: 2,
      outstanding: [{ currency: 'EUR', amount: '2000.00' }],
      recipient: 'compta@lefevre.example',
    },
    {
      caseId: null,
      debtor: { id: '00000000-0000-4000-8000-0000000000d2', name: 'Café du Port' },
      creditor: CREDITOR,
      date: '2026-11-26',
      invoiceCount: 1,
      outstanding: [{ currency: 'EUR', amount: '1000.00' }],
      recipient: 'cafe@port.example',
    },
  ],
  noRecipient: { count: 1, debtors: [{ id: '00000000-0000-4000-8000-0000000000d3', name: 'Sans Adresse SARL' }] },
  unschedulable: 0,
  samples: [
    {
      debtorName: 'Boulangerie Lefèvre',
      recipient: 'compta@lefevre.example',
      locale: 'fr',
      date: '2026-11-24',
      subject: 'Factures en attente de règlement — Ateliers Durand SAS',
      body: 'Bonjour,\n- Facture BOU-1…',
    },
  ],
};

function renderAt(path: string, role: Role, routes: Record<string, RouteHandler | MockReply> = {}) {
  const server = mockFetch({
    'GET /api/auth/me': { body: { ...TEST_ME, role } },
    'GET /api/creditors': { body: { items: [], nextCursor: null } },
    'GET /api/recovery/campaigns': { body: [SENDING, DRAFT] },
    [`GET /api/recovery/campaigns/${ID}`]: { body: DRAFT },
    [`GET /api/recovery/campaigns/${SENDING_ID}`]: { body: SENDING },
    'GET /api/recovery/dispatches': (call) => ({
      body:
        call.search.get('campaignId') === SENDING_ID
          ? [
              dispatch({
                channel: 'email',
                stepId: 'campaign',
                scenarioId: null,
                campaign: { id: SENDING_ID, name: SENDING.name },
                status: 'sent',
              }),
            ]
          : [],
    }),
    ...routes,
  });
  vi.stubGlobal('fetch', server.fetch);
  return { server, ...renderApp(<App />, { path }) };
}

const sent = (server: ReturnType<typeof mockFetch>, method: string, path: string) =>
  server.calls
    .filter((call) => call.method === method && call.path === path)
    .map((call) => (call.body ? JSON.parse(String(call.body)) : null));
const change = (element: HTMLElement, value: string) => fireEvent.change(element, { target: { value } });

describe('Campagnes', () => {
  it('lists the campaigns with their progress, and shows a launched one’s messages to a viewer, without actions', async () => {
    const { location } = renderAt('/recovery/campaigns', 'viewer');
    const rows = await screen.findAllByTestId('campaign-row');
    expect(rows.map((row) => row.getAttribute('data-status'))).toEqual(['sending', 'draft']);
    expect(within(rows[0] as HTMLElement).getByTestId('campaign-status').textContent).toBe('En cours d’envoi');
    expect(within(rows[0] as HTMLElement).getByTestId('campaign-progress').textContent).toBe('3 sur 4');
    expect(within(rows[1] as HTMLElement).queryByTestId('campaign-progress')).toBeNull();
    expect(screen.queryByTestId('campaign-new')).toBeNull();
    expect(screen.getByTestId('nav-campaigns').getAttribute('aria-current')).toBe('page');

    fireEvent.click(rows[0] as HTMLElement);
    expect(await screen.findByTestId('campaign-progress-section')).toBeTruthy();
    expect(location.history.at(-1)).toBe(`/recovery/campaigns/${SENDING_ID}`);
    expect(screen.getByTestId('campaign-count-sent').textContent).toBe('2');
    expect(screen.getByTestId('campaign-excluded').textContent).toContain('1 sans adresse');
    const [message] = await screen.findAllByTestId('campaign-message');
    expect(within(message as HTMLElement).getByText('Café du Port')).toBeTruthy();
    expect(within(message as HTMLElement).getByTestId('dispatch-status').textContent).toBe('Envoyé');
    expect(screen.queryByTestId('campaign-cancel')).toBeNull();
  });

  it('lets a manager write a campaign, preview who gets it and when, save it, then launch it after confirming', async () => {
    let created: CampaignInput | null = null;
    const { server, location } = renderAt('/recovery/campaigns', 'manager', {
      'POST /api/recovery/campaigns/preview': { body: PREVIEW },
      'POST /api/recovery/campaigns': (call) => {
        created = JSON.parse(String(call.body)) as CampaignInput;
        return { status: 201, body: { ...DRAFT, name: created.name } };
      },
      [`GET /api/recovery/campaigns/${ID}/preview`]: { body: PREVIEW },
      [`POST /api/recovery/campaigns/${ID}/launch`]: { body: { ...SENDING, id: ID } },
    });
    fireEvent.click(await screen.findByTestId('campaign-new'));
    const editor = await screen.findByTestId('campaign-editor');
    expect(location.history.at(-1)).toBe('/recovery/campaigns/new');
    // A French message to start from, with the placeholders documented next to it.
    expect((within(editor).getByTestId('step-template-fr-body') as HTMLTextAreaElement).value).toContain('{{invoiceList}}');
    expect(within(editor).getByTestId('placeholder-help').textContent).toContain('{{totalDue}}');

    change(within(editor).getByTestId('campaign-name'), 'Changement de RIB');
    change(within(editor).getByTestId('campaign-filter-min-outstanding'), '1 500,50');
    change(within(editor).getByTestId('campaign-filter-min-days'), '30');
    fireEvent.click(within(editor).getByTestId('campaign-preview-run'));
    const preview = await screen.findByTestId('campaign-preview');
    expect(sent(server, 'POST', '/api/recovery/campaigns/preview')[0]).toMatchObject({
      channel: 'email',
      filter: {
        minOutstanding: '1500.50',
        minDaysOverdue: 30,
        overdueOnly: true,
        caseStates: ['open', 'in-progress', 'formal-notice-sent'],
      },
    });
    expect(within(preview).getByTestId('campaign-preview-count').textContent).toBe('2 messages pour 2 débiteur(s)');
    expect(
      within(preview)
        .getAllByTestId('campaign-preview-item')
        .map((row) => row.getAttribute('data-date')),
    ).toEqual(['2026-11-24', '2026-11-26']);
    expect(within(preview).getByTestId('campaign-preview-no-recipient').textContent).toContain('Sans Adresse SARL');
    expect(within(preview).getByTestId('campaign-sample-subject').textContent).toBe(
      'Factures en attente de règlement — Ateliers Durand SAS',
    );
    expect(screen.queryByTestId('campaign-preview-stale')).toBeNull();
    change(within(editor).getByTestId('campaign-name'), 'Changement de RIB 2026');
    expect(await screen.findByTestId('campaign-preview-stale')).toBeTruthy();

    fireEvent.click(within(editor).getByTestId('campaign-save'));
    await waitFor(() => expect(location.history.at(-1)).toBe(`/recovery/campaigns/${ID}`));
    expect(created).toMatchObject({ name: 'Changement de RIB 2026', channel: 'email', templates: { fr: { subject: expect.any(String) } } });
    expect(created && 'en' in (created as CampaignInput).templates).toBe(false);

    fireEvent.click(await screen.findByTestId('campaign-launch'));
    const dialog = await screen.findByTestId('campaign-launch-dialog');
    expect(await within(dialog).findByTestId('campaign-preview-count')).toBeTruthy();
    fireEvent.click(within(dialog).getByTestId('campaign-launch-confirm'));
    await waitFor(() => expect(sent(server, 'POST', `/api/recovery/campaigns/${ID}/launch`)).toHaveLength(1));
  });

  it('puts the API’s refusals next to their fields, and refuses an unreadable amount before sending', async () => {
    const { server } = renderAt(`/recovery/campaigns/${ID}`, 'manager', {
      [`PUT /api/recovery/campaigns/${ID}`]: {
        status: 400,
        body: {
          code: 'VALIDATION_FAILED',
          message: 'Certaines données sont invalides.',
          issues: [
            { field: 'name', code: 'too_short', message: 'trop court (au moins 1 caractères)' },
            { field: 'templates.fr.subject', code: 'invalid_choice', message: 'valeur non reconnue «\u00a0{{numero}}\u00a0»' },
          ],
          requestId: 'r-1',
        },
      },
    });
    const editor = await screen.findByTestId('campaign-editor');
    change(within(editor).getByTestId('campaign-filter-min-outstanding'), 'beaucoup');
    fireEvent.click(within(editor).getByTestId('campaign-save'));
    await waitFor(() => expect(within(editor).getByTestId('campaign-filter-min-outstanding').getAttribute('aria-invalid')).toBe('true'));
    expect(sent(server, 'PUT', `/api/recovery/campaigns/${ID}`)).toEqual([]);

    change(within(editor).getByTestId('campaign-filter-min-outstanding'), '');
    fireEvent.click(within(editor).getByTestId('campaign-save'));
    await waitFor(() => expect(within(editor).getByTestId('campaign-name').getAttribute('aria-invalid')).toBe('true'));
    expect(within(editor).getByTestId('step-template-fr-subject').getAttribute('aria-invalid')).toBe('true');
    expect(editor.textContent).toContain('Objetvaleur non reconnue «\u00a0{{numero}}\u00a0»');
    expect(sent(server, 'PUT', `/api/recovery/campaigns/${ID}`)[0]).toMatchObject({
      name: 'Changement de RIB',
      filter: { tags: ['boulangerie'] },
    });
  });

  it('cancels a sending campaign after confirming', async () => {
    let current: CampaignDto = SENDING;
    const { server } = renderAt(`/recovery/campaigns/${SENDING_ID}`, 'manager', {
      [`GET /api/recovery/campaigns/${SENDING_ID}`]: () => ({ body: current }),
      [`POST /api/recovery/campaigns/${SENDING_ID}/cancel`]: () => {
        current = { ...SENDING, status: 'cancelled', cancelledAt: '2026-11-24T10:00:00.000Z' };
        return { body: current };
      },
    });
    fireEvent.click(await screen.findByTestId('campaign-cancel'));
    fireEvent.click(await screen.findByTestId('campaign-cancel-confirm'));
    await waitFor(() => expect(sent(server, 'POST', `/api/recovery/campaigns/${SENDING_ID}/cancel`)).toHaveLength(1));
    await waitFor(() => expect(screen.getByTestId('campaign-title').parentElement?.textContent).toContain('Annulée'));
  });

  it('speaks English', async () => {
    const server = mockFetch({ 'GET /api/auth/me': { body: TEST_ME }, 'GET /api/recovery/campaigns': { body: [SENDING] } });
    vi.stubGlobal('fetch', server.fetch);
    renderApp(<App />, { path: '/recovery/campaigns', language: 'en' });
    const row = await screen.findByTestId('campaign-row');
    expect(within(row).getByTestId('campaign-status').textContent).toBe('Sending');
    expect(within(row).getByTestId('campaign-progress').textContent).toBe('3 of 4');
    expect(screen.getByTestId('nav-campaigns').textContent).toBe('Campaigns');
  });
});

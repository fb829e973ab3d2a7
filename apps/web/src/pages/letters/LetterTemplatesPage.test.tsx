// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LetterCatalog, LetterTemplateDto, LetterTemplateFields, Role, TemplateCheckResult } from '../../api/types';
import { AuthGate } from '../../components/Session';
import { type MockReply, type RouteHandler, TEST_ME, installDomStubs, mockFetch, renderApp } from '../../test/dom';
import { LetterTemplatesPage } from './LetterTemplatesPage';

beforeAll(installDomStubs);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const SHIPPED: LetterTemplateFields = {
  subject: 'Mise en demeure de payer',
  opening: 'Madame, Monsieur,',
  demand: 'Nous vous mettons en demeure de régler {{totalClaimed}} au plus tard le {{deadlineDate}}.',
  consequences: '{{penaltiesNotice}}',
  closing: 'Salutations.',
};
const V1 = { ...SHIPPED, closing: 'Bien à vous.' };

const CATALOG: LetterCatalog = {
  types: [
    {
      type: 'formal-notice',
      minDeadlineDays: 8,
      mentions: [{ id: 'payment-deadline', label: 'délai de paiement (dans le texte : {{deadlineDate}})' }],
    },
  ],
  fields: ['subject', 'opening', 'demand', 'consequences', 'closing'],
  variables: [
    { name: 'deadlineDate', type: 'date', doc: 'Date limite de paiement' },
    { name: 'invoices', type: 'list', doc: 'Les factures', fields: [{ name: 'number', type: 'text', doc: 'Numéro de la facture' }] },
  ],
};

const TEMPLATE: LetterTemplateDto = {
  type: 'formal-notice',
  lang: 'fr',
  creditorId: null,
  current: {
    id: '00000000-0000-4000-8000-000000000071',
    creditorId: null,
    version: 1,
    label: 'tenant:v1',
    fields: V1,
    createdBy: 'Claire Martin',
    createdAt: '2026-11-20T09:00:00.000Z',
  },
  history: [
    {
      id: '00000000-0000-4000-8000-000000000071',
      creditorId: null,
      version: 1,
      label: 'tenant:v1',
      fields: V1,
      createdBy: 'Claire Martin',
      createdAt: '2026-11-20T09:00:00.000Z',
    },
  ],
  shipped: SHIPPED,
};

const OK: TemplateCheckResult = { ok: true, templateIssues: [], missing: [], rendered: SHIPPED };
const MISSING: TemplateCheckResult = {
  ok: false,
  templateIssues: [],
  missing: [{ mention: 'payment-deadline', label: 'délai de paiement (au moins 8 jours)', lacking: ['{{deadlineDate}}'] }],
  rendered: null,
};

function renderEditor(role: Role, routes: Record<string, RouteHandler | MockReply> = {}) {
  const server = mockFetch({
    'GET /api/auth/me': { body: { ...TEST_ME, role } },
    'GET /api/letters/catalog': { body: CATALOG },
    'GET /api/letter-templates/formal-notice': { body: TEMPLATE },
    'GET /api/creditors': { body: { items: [], nextCursor: null } },
    'GET /api/recovery/cases': { body: [] },
    'POST /api/letter-templates/formal-notice/check': (call) => {
      const body = JSON.parse(String(call.body)) as { fields: LetterTemplateFields };
      return { body: body.fields.demand.includes('{{deadlineDate}}') ? OK : MISSING };
    },
    'POST /api/letter-templates/formal-notice/preview': {
      body: { subject: 'Mise en demeure de payer', html: '<p>Bonjour</p>', text: 'Bonjour' },
    },
    ...routes,
  });
  vi.stubGlobal('fetch', server.fetch);
  renderApp(
    <AuthGate>
      <LetterTemplatesPage />
    </AuthGate>,
    { path: '/settings/letters' },
  );
  return server;
}

describe('LetterTemplatesPage', () => {
  it('shows the missing mention the check returns while typing, and keeps save disabled', async () => {
    const server = renderEditor('manager');
    const demand = (await screen.findByTestId('letter-field-demand')) as HTMLTextAreaElement;
    expect(demand.value).toBe(V1.demand);
    expect(screen.getByTestId('letter-source').textContent).toBe('En vigueur\u00a0: Texte du compte, version 1.');
    // Unchanged text: nothing to save.
    await screen.findByTestId('letter-check-ok');
    expect((screen.getByTestId('letter-save') as HTMLButtonElement).disabled).toBe(true);

    fireEvent.change(demand, { target: { value: 'Nous vous mettons en demeure de régler {{totalClaimed}}.' } });
    const missing = await screen.findByTestId('letter-check-missing');
    expect(missing.getAttribute('data-mention')).toBe('payment-deadline');
    expect(missing.textContent).toContain('délai de paiement (au moins 8 jours)');
    expect(missing.textContent).toContain('À faire figurer\u00a0: {{deadlineDate}}');
    expect((screen.getByTestId('letter-save') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('letter-status').textContent).toBe('Corrigez les problèmes signalés pour pouvoir enregistrer.');
    const checks = server.calls.filter((c) => c.path === '/api/letter-templates/formal-notice/check');
    expect(JSON.parse(String(checks.at(-1)?.body))).toMatchObject({
      lang: 'fr',
      fields: { demand: 'Nous vous mettons en demeure de régler {{totalClaimed}}.' },
    });

    // Clicking a variable puts it at the cursor; the check passes and save is enabled.
    const before = demand.value.indexOf('.');
    demand.setSelectionRange(before, before);
    fireEvent.select(demand);
    fireEvent.click(screen.getByRole('button', { name: 'Insérer {{deadlineDate}}' }));
    expect(demand.value).toBe('Nous vous mettons en demeure de régler {{totalClaimed}}{{deadlineDate}}.');
    await screen.findByTestId('letter-check-ok');
    await waitFor(() => expect((screen.getByTestId('letter-save') as HTMLButtonElement).disabled).toBe(false));
  });

  it('saves the text as a new version, and restores an older one as another', async () => {
    const saved: unknown[] = [];
    const older = { ...TEMPLATE.current, id: '00000000-0000-4000-8000-000000000070', version: 0, label: 'tenant:v0', fields: SHIPPED };
    renderEditor('manager', {
      'GET /api/letter-templates/formal-notice': { body: { ...TEMPLATE, history: [TEMPLATE.current, older] } },
      'POST /api/letter-templates/formal-notice': (call) => {
        saved.push(JSON.parse(String(call.body)));
        return { status: 201, body: { ...TEMPLATE.current, version: 1 + saved.length, label: `tenant:v${1 + saved.length}` } };
      },
    });
    fireEvent.click(await screen.findByTestId('letter-reset'));
    expect((screen.getByTestId('letter-field-closing') as HTMLTextAreaElement).value).toBe(SHIPPED.closing);
    await waitFor(() => expect((screen.getByTestId('letter-save') as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByTestId('letter-save'));
    expect((await screen.findByTestId('letter-saved')).textContent).toBe('Version 2 enregistrée.');
    expect(saved).toEqual([{ lang: 'fr', creditorId: null, fields: SHIPPED }]);

    const history = screen.getAllByTestId('letter-version');
    expect(history.map((row) => row.getAttribute('data-version'))).toEqual(['1', '0']);
    expect(within(history[0] as HTMLElement).getByText('Claire Martin, 20/11/2026 10:00')).toBeTruthy();
    expect(within(history[0] as HTMLElement).queryByTestId('letter-version-restore')).toBeNull();
    fireEvent.click(within(history[0] as HTMLElement).getByTestId('letter-version-view'));
    expect((await screen.findByTestId('letter-version-text')).textContent).toContain('Bien à vous.');
    fireEvent.click(within(history[1] as HTMLElement).getByTestId('letter-version-restore'));
    await waitFor(() => expect(saved).toHaveLength(2));
    expect(saved[1]).toEqual({ lang: 'fr', creditorId: null, fields: SHIPPED });
    expect((await screen.findByTestId('letter-saved')).textContent).toBe('Version 3 enregistrée.');
  });

  it('shows the text read-only to an agent: no save, no insertion', async () => {
    renderEditor('agent');
    const demand = (await screen.findByTestId('letter-field-demand')) as HTMLTextAreaElement;
    expect(demand.readOnly).toBe(true);
    expect(screen.getByTestId('letters-read-only')).toBeTruthy();
    expect(screen.queryByTestId('letter-save')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Insérer {{deadlineDate}}' })).toBeNull();
    expect(screen.getAllByTestId('letter-variable').length).toBeGreaterThan(0);
    expect(await screen.findByTestId('letter-preview-subject')).toBeTruthy();
  });
});

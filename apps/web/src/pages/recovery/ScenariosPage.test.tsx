// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Role, ScenarioDto, ScenarioInput } from '../../api/types';
import { AuthGate } from '../../components/Session';
import { type MockReply, type RouteHandler, TEST_ME, installDomStubs, mockFetch, renderApp } from '../../test/dom';
import { OTHER_SCENARIO, SCENARIO, SCENARIO_ID } from '../../test/recovery-fixtures';
import { ScenariosPage } from './ScenariosPage';

beforeAll(installDomStubs);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const POLICY = {
  maxContactsPerWeek: 2,
  minDaysBetweenContacts: 3,
  noContactOn: ['sunday', 'holiday'],
  windowStart: '08:30',
  windowEnd: '19:00',
};
const RULES = {
  rules: [
    { name: 'Particuliers', scenarioId: OTHER_SCENARIO.id, debtorKind: 'consumer', minOutstanding: null, maxOutstanding: null, tag: null },
    { name: 'Gros encours', scenarioId: SCENARIO_ID, debtorKind: null, minOutstanding: '10000.00', minOldestDaysOverdue: 30 },
  ],
};

function renderPage(role: Role, routes: Record<string, RouteHandler | MockReply> = {}) {
  const server = mockFetch({
    'GET /api/auth/me': { body: { ...TEST_ME, role } },
    'GET /api/recovery/scenarios': { body: [SCENARIO, OTHER_SCENARIO] },
    'GET /api/recovery/segments': { body: RULES },
    'GET /api/recovery/contact-policy': { body: POLICY },
    ...routes,
  });
  vi.stubGlobal('fetch', server.fetch);
  renderApp(
    <AuthGate>
      <ScenariosPage />
    </AuthGate>,
    { path: '/recovery/scenarios' },
  );
  return server;
}

const sent = (server: ReturnType<typeof mockFetch>, method: string, path: string) =>
  server.calls.filter((call) => call.method === method && call.path === path).map((call) => JSON.parse(String(call.body)));
const change = (element: HTMLElement, value: string) => fireEvent.change(element, { target: { value } });
const timelineIds = () => screen.getAllByTestId('step-timeline-item').map((item) => item.getAttribute('data-step-id'));

describe('ScenariosPage — scenario editor', () => {
  it('shows the steps by day, puts the API’s placeholder error next to its field, then sends the edited steps', async () => {
    let attempt = 0;
    const server = renderPage('manager', {
      [`PUT /api/recovery/scenarios/${SCENARIO_ID}`]: (call) => {
        attempt += 1;
        if (attempt === 1)
          return {
            status: 400,
            body: {
              code: 'VALIDATION_FAILED',
              message: 'Certaines données sont invalides.',
              issues: [
                {
                  field: 'steps[1].templates.fr.subject',
                  code: 'invalid_choice',
                  message: 'valeur non autorisée «\u00a0{{numero}}\u00a0» (valeurs possibles\u00a0: {{debtorName}}, {{creditorName}})',
                },
              ],
              requestId: 'r-1',
            },
          };
        const body = JSON.parse(String(call.body)) as ScenarioInput;
        return { body: { ...SCENARIO, ...body, updatedAt: '2026-11-23T10:00:00.000Z' } satisfies ScenarioDto };
      },
    });

    const rows = await screen.findAllByTestId('scenario-row');
    expect(within(rows[0] as HTMLElement).getByTestId('scenario-default-badge')).toBeTruthy();
    expect(within(rows[0] as HTMLElement).getByText('3 étapes')).toBeTruthy();
    fireEvent.click(within(rows[0] as HTMLElement).getByTestId('scenario-open'));

    // Ordered by offset, whatever the order received.
    await screen.findByTestId('scenario-editor');
    expect(timelineIds()).toEqual(['pre-reminder', 'reminder-1', 'formal-notice']);
    expect(screen.getAllByTestId('step-offset').map((badge) => badge.textContent)).toEqual(['J-5', 'J+3', 'J+35']);
    expect(screen.getByTestId('placeholder-help').textContent).toContain('{{debtorName}}');
    expect(screen.getByTestId('placeholder-help').textContent).toContain('{{penaltiesNotice}}');

    // Edit the J+3 step with an unknown placeholder.
    fireEvent.click(screen.getAllByTestId('step-timeline-item')[1] as HTMLElement);
    expect((screen.getByTestId('step-id') as HTMLInputElement).value).toBe('reminder-1');
    change(screen.getByTestId('step-template-fr-subject'), 'Relance {{numero}}');
    fireEvent.click(screen.getByTestId('scenario-save'));

    expect(
      await screen.findByText('valeur non autorisée « {{numero}} » (valeurs possibles : {{debtorName}}, {{creditorName}})'),
    ).toBeTruthy();
    expect(screen.getByTestId('step-template-fr-subject').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('form-error').textContent).toBe('Certaines données sont invalides.');
    expect(screen.getAllByTestId('step-timeline-item')[1]?.getAttribute('data-error')).toBe('true');
    const [first] = sent(server, 'PUT', `/api/recovery/scenarios/${SCENARIO_ID}`);
    expect(first.steps.map((step: { id: string }) => step.id)).toEqual(['pre-reminder', 'reminder-1', 'formal-notice']);
    expect(first.steps[1].templates.fr.subject).toBe('Relance {{numero}}');

    // Fix it, move it, add a call step and remove nothing else.
    change(screen.getByTestId('step-template-fr-subject'), 'Relance {{invoiceList}}');
    change(screen.getByTestId('step-offset-days'), '7');
    fireEvent.click(screen.getByTestId('step-add'));
    expect(screen.getByTestId('step-id')).toHaveProperty('value', 'step-4');
    change(screen.getByTestId('step-id'), 'late-call');
    change(screen.getByTestId('step-offset-days'), '45');
    change(screen.getByTestId('step-channel'), 'call');
    fireEvent.click(screen.getByTestId('step-requires-approval'));
    fireEvent.click(screen.getByTestId('step-kind-consumer'));
    change(screen.getByTestId('step-min-outstanding'), '1 500,00');
    change(screen.getByTestId('step-template-fr-subject'), 'Appel');
    change(screen.getByTestId('step-template-fr-body'), 'Appeler {{debtorName}}');
    expect(timelineIds()).toEqual(['pre-reminder', 'reminder-1', 'formal-notice', 'late-call']);
    change(screen.getByTestId('scenario-description'), '');
    fireEvent.click(screen.getByTestId('scenario-save'));

    expect(await screen.findByText('Scénario « Professionnels » enregistré.')).toBeTruthy();
    const second = sent(server, 'PUT', `/api/recovery/scenarios/${SCENARIO_ID}`)[1];
    expect(second).toEqual({
      name: 'Professionnels',
      description: null,
      isDefault: true,
      steps: [
        {
          id: 'pre-reminder',
          offsetDays: -5,
          channel: 'email',
          requiresApproval: false,
          letter: null,
          minOutstanding: null,
          debtorKinds: [],
          templates: { fr: { subject: 'Échéance proche', body: 'Bonjour, votre facture arrive à échéance.' } },
        },
        {
          id: 'reminder-1',
          offsetDays: 7,
          channel: 'email',
          requiresApproval: false,
          letter: null,
          minOutstanding: null,
          debtorKinds: [],
          templates: { fr: { subject: 'Relance {{invoiceList}}', body: 'Bonjour {{debtorName}}' } },
        },
        {
          id: 'formal-notice',
          offsetDays: 35,
          channel: 'registered-letter',
          requiresApproval: true,
          letter: null,
          minOutstanding: '100.00',
          debtorKinds: ['business'],
          templates: {
            fr: { subject: 'Mise en demeure', body: '{{penaltiesNotice}}' },
            en: { subject: 'Formal notice', body: '{{penaltiesNotice}}' },
          },
        },
        {
          id: 'late-call',
          offsetDays: 45,
          channel: 'call',
          requiresApproval: true,
          letter: null,
          minOutstanding: '1500.00',
          debtorKinds: ['consumer'],
          templates: { fr: { subject: 'Appel', body: 'Appeler {{debtorName}}' } },
        },
      ],
    });
  });

  it('refuses an offset that is not a whole number before sending, and creates a new scenario with POST', async () => {
    const server = renderPage('owner', {
      'POST /api/recovery/scenarios': (call) => ({
        body: { ...OTHER_SCENARIO, ...JSON.parse(String(call.body)), id: '00000000-0000-4000-8000-0000000000a9' },
      }),
    });
    fireEvent.click(await screen.findByTestId('scenario-new'));
    await screen.findByTestId('scenario-editor');
    change(screen.getByTestId('scenario-name'), 'Export');
    change(screen.getByTestId('step-offset-days'), '3,5');
    fireEvent.click(screen.getByTestId('scenario-save'));
    expect(await screen.findByText('Nombre entier de jours attendu')).toBeTruthy();
    expect(sent(server, 'POST', '/api/recovery/scenarios')).toEqual([]);

    change(screen.getByTestId('step-offset-days'), '10');
    change(screen.getByTestId('step-template-en-subject'), 'Reminder');
    change(screen.getByTestId('step-template-en-body'), 'Dear {{debtorName}}');
    fireEvent.click(screen.getByTestId('scenario-save'));
    await waitFor(() => expect(sent(server, 'POST', '/api/recovery/scenarios')).toHaveLength(1));
    expect(sent(server, 'POST', '/api/recovery/scenarios')[0]).toMatchObject({
      name: 'Export',
      isDefault: false,
      steps: [{ id: 'step-1', offsetDays: 10, channel: 'email', templates: { en: { subject: 'Reminder', body: 'Dear {{debtorName}}' } } }],
    });
  });

  it('is read-only for an agent: fields disabled, no save, add or remove', async () => {
    renderPage('agent');
    fireEvent.click((await screen.findAllByTestId('scenario-open'))[0] as HTMLElement);
    await screen.findByTestId('scenario-editor');
    expect(screen.getByTestId('scenarios-read-only')).toBeTruthy();
    expect(screen.queryByTestId('scenario-new')).toBeNull();
    expect(screen.queryByTestId('scenario-save')).toBeNull();
    expect(screen.queryByTestId('step-add')).toBeNull();
    expect(screen.queryByTestId('step-remove')).toBeNull();
    expect(screen.getByTestId('scenario-name').matches(':disabled')).toBe(true);
    expect(screen.getByTestId('step-template-fr-body').matches(':disabled')).toBe(true);
    // Inside a disabled <fieldset>: the browser refuses any input. The timeline still opens each step.
    fireEvent.click(screen.getAllByTestId('step-timeline-item')[2] as HTMLElement);
    expect(screen.getByTestId('step-id')).toHaveProperty('value', 'formal-notice');
    await screen.findAllByTestId('segment-rule');
    expect(screen.queryByTestId('segment-save')).toBeNull();
    expect(screen.queryByTestId('contact-policy-save')).toBeNull();
    expect(screen.getByTestId('contact-policy-maxContactsPerWeek').matches(':disabled')).toBe(true);
  });
});

describe('ScenariosPage — segments and rules of contact', () => {
  it('reorders, adds and saves the segment rules, with the API’s field errors on the right rule', async () => {
    let attempt = 0;
    const server = renderPage('manager', {
      'PUT /api/recovery/segments': (call) => {
        attempt += 1;
        return attempt === 1
          ? {
              status: 400,
              body: {
                code: 'VALIDATION_FAILED',
                message: 'Certaines données sont invalides.',
                issues: [{ field: 'rules.2.name', code: 'too_short', message: 'trop court' }],
                requestId: 'r-2',
              },
            }
          : { body: JSON.parse(String(call.body)) };
      },
    });
    const rules = await screen.findAllByTestId('segment-rule');
    expect(rules).toHaveLength(2);
    expect(screen.getByTestId('segment-field-minOutstanding-1')).toHaveProperty('value', '10000,00');
    fireEvent.click(screen.getByTestId('segment-down-0'));
    expect(screen.getByTestId('segment-field-name-0')).toHaveProperty('value', 'Gros encours');
    fireEvent.click(screen.getByTestId('segment-add'));
    change(screen.getByTestId('segment-field-tag-2'), 'export');
    fireEvent.click(screen.getByTestId('segment-save'));

    await waitFor(() => expect(screen.getByTestId('segment-field-name-2').getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('trop court')).toBeTruthy();

    change(screen.getByTestId('segment-field-name-2'), 'Export');
    change(screen.getByTestId('segment-field-scenarioId-2'), OTHER_SCENARIO.id);
    fireEvent.click(screen.getByTestId('segment-save'));
    expect(await screen.findByText('Segments enregistrés.')).toBeTruthy();
    expect(sent(server, 'PUT', '/api/recovery/segments')[1]).toEqual({
      rules: [
        {
          name: 'Gros encours',
          scenarioId: SCENARIO_ID,
          debtorKind: null,
          minOutstanding: '10000.00',
          maxOutstanding: null,
          minOldestDaysOverdue: 30,
          tag: null,
          minAverageDaysLate: null,
        },
        {
          name: 'Particuliers',
          scenarioId: OTHER_SCENARIO.id,
          debtorKind: 'consumer',
          minOutstanding: null,
          maxOutstanding: null,
          minOldestDaysOverdue: null,
          tag: null,
          minAverageDaysLate: null,
        },
        {
          name: 'Export',
          scenarioId: OTHER_SCENARIO.id,
          debtorKind: null,
          minOutstanding: null,
          maxOutstanding: null,
          minOldestDaysOverdue: null,
          tag: 'export',
          minAverageDaysLate: null,
        },
      ],
    });
  });

  it('saves the rules of contact and shows the API’s refusal of the time window', async () => {
    const server = renderPage('manager', {
      'PUT /api/recovery/contact-policy': {
        status: 400,
        body: {
          code: 'VALIDATION_FAILED',
          message: 'Certaines données sont invalides.',
          issues: [{ field: 'windowEnd', code: 'out_of_range', message: 'doit être après 20:00' }],
          requestId: 'r-3',
        },
      },
    });
    const form = await screen.findByTestId('contact-policy-form');
    expect(screen.getByTestId('contact-policy-day-sunday')).toHaveProperty('checked', true);
    expect(screen.getByTestId('contact-policy-day-saturday')).toHaveProperty('checked', false);
    change(screen.getByTestId('contact-policy-maxContactsPerWeek'), '3');
    fireEvent.click(screen.getByTestId('contact-policy-day-saturday'));
    change(screen.getByTestId('contact-policy-windowStart'), '20:00');
    // Switched off until a manager switches it on.
    expect(screen.getByTestId('contact-policy-automatic')).toHaveProperty('checked', false);
    fireEvent.click(screen.getByTestId('contact-policy-automatic'));
    fireEvent.click(within(form).getByTestId('contact-policy-save'));

    expect(await screen.findByText('doit être après 20:00')).toBeTruthy();
    expect(sent(server, 'PUT', '/api/recovery/contact-policy')).toEqual([
      {
        maxContactsPerWeek: 3,
        minDaysBetweenContacts: 3,
        noContactOn: ['saturday', 'sunday', 'holiday'],
        windowStart: '20:00',
        windowEnd: '19:00',
        automatic: true,
      },
    ]);
  });
});

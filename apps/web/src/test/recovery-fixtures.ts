/** Recovery API answers shared by the recovery screens' tests. */
import type { CaseDetail, CaseSummary, DispatchDto, Preview, ScenarioDto } from '../api/types';

export const CASE_ID = '00000000-0000-4000-8000-0000000000c1';
export const DEBTOR_ID = '00000000-0000-4000-8000-0000000000d1';
export const CREDITOR = { id: '00000000-0000-4000-8000-0000000000b1', name: 'Ateliers Durand SAS' };
export const SCENARIO_ID = '00000000-0000-4000-8000-0000000000a1';

export const dispatch = (overrides: Partial<DispatchDto>): DispatchDto => ({
  id: '00000000-0000-4000-8000-0000000000e1',
  caseId: CASE_ID,
  debtor: { id: DEBTOR_ID, name: 'Café du Port' },
  creditor: CREDITOR,
  scenarioId: SCENARIO_ID,
  campaign: null,
  stepId: 'call',
  channel: 'call',
  occurrence: '2026-11-23',
  status: 'planned',
  invoiceNumbers: ['CAF-1', 'CAF-2'],
  outstanding: '1234.56',
  recipient: '04 78 00 00 00',
  attempts: 0,
  lastError: null,
  outcome: null,
  priority: 100,
  updatedAt: '2026-11-23T06:00:00.000Z',
  assignee: null,
  ...overrides,
});

export const CASE: CaseSummary = {
  id: CASE_ID,
  debtor: { id: DEBTOR_ID, name: 'Café du Port', kind: 'business' },
  creditor: CREDITOR,
  state: 'promise-to-pay',
  closedReason: null,
  openInvoices: 2,
  outstanding: '1234.56',
  lastAction: { stepId: 'call', channel: 'call', occurrence: '2026-11-23', status: 'done' },
  assignee: null,
  openedAt: '2026-11-23T06:00:00.000Z',
  updatedAt: '2026-11-23T09:10:00.000Z',
};

export const CASE_DETAIL: CaseDetail = {
  ...CASE,
  transitions: [
    {
      fromState: null,
      toState: 'in-progress',
      reason: 'first recovery action planned',
      actor: 'planificateur',
      occurredAt: '2026-11-23T06:00:00.000Z',
    },
    {
      fromState: 'in-progress',
      toState: 'promise-to-pay',
      reason: 'Virement annoncé',
      actor: 'Claire Martin',
      occurredAt: '2026-11-23T09:10:00.000Z',
    },
  ],
  dispatches: [dispatch({ status: 'done', outcome: { outcome: 'promise', note: 'Virement annoncé', by: 'Claire Martin' } })],
  promises: [{ id: '00000000-0000-4000-8000-0000000000f1', madeOn: '2026-11-23', until: '2026-12-10', amount: '500.00', status: 'open' }],
  nextActions: [
    {
      date: '2026-12-11',
      caseId: CASE_ID,
      debtorId: DEBTOR_ID,
      stepId: 'formal-notice',
      channel: 'registered-letter',
      requiresApproval: true,
      invoiceNumbers: ['CAF-1', 'CAF-2'],
    },
  ],
};

export const PREVIEW: Preview = {
  from: '2026-11-23',
  days: 14,
  actions: [
    {
      date: '2026-11-23',
      caseId: CASE_ID,
      debtorId: DEBTOR_ID,
      stepId: 'call',
      channel: 'call',
      requiresApproval: false,
      invoiceNumbers: ['CAF-1'],
    },
    {
      date: '2026-11-26',
      caseId: '00000000-0000-4000-8000-0000000000c2',
      debtorId: '00000000-0000-4000-8000-0000000000d2',
      stepId: 'formal-notice',
      channel: 'registered-letter',
      requiresApproval: true,
      invoiceNumbers: ['GAR-1'],
    },
  ],
};

export const SCENARIO: ScenarioDto = {
  id: SCENARIO_ID,
  key: 'professionals',
  name: 'Professionnels',
  description: 'Relances pour les clients professionnels',
  isDefault: true,
  steps: [
    {
      id: 'reminder-1',
      offsetDays: 3,
      channel: 'email',
      requiresApproval: false,
      minOutstanding: null,
      debtorKinds: [],
      templates: { fr: { subject: 'Facture impayée', body: 'Bonjour {{debtorName}}' } },
    },
    {
      id: 'pre-reminder',
      offsetDays: -5,
      channel: 'email',
      requiresApproval: false,
      minOutstanding: null,
      debtorKinds: [],
      templates: { fr: { subject: 'Échéance proche', body: 'Bonjour, votre facture arrive à échéance.' } },
    },
    {
      id: 'formal-notice',
      offsetDays: 35,
      channel: 'registered-letter',
      requiresApproval: true,
      minOutstanding: '100.00',
      debtorKinds: ['business'],
      templates: {
        fr: { subject: 'Mise en demeure', body: '{{penaltiesNotice}}' },
        en: { subject: 'Formal notice', body: '{{penaltiesNotice}}' },
      },
    },
  ],
  updatedAt: '2026-11-01T08:00:00.000Z',
};

export const OTHER_SCENARIO: ScenarioDto = {
  ...SCENARIO,
  id: '00000000-0000-4000-8000-0000000000a2',
  key: 'consumers',
  name: 'Consommateurs',
  description: null,
  isDefault: false,
};

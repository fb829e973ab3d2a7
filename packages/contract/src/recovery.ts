/**
 * Recovery over HTTP: scenarios and their steps, segment rules, rules of contact,
 * cases (dossiers) with their timeline, the actions (dispatches) — worklist,
 * approvals, review — and the preview of what the planner will do.
 */
import { type Static, Type } from 'typebox';
import { Amount, Instant, IsoDateString, Nullable, Uuid } from './common.js';
import { LetterTypeId } from './letters.js';

export const Channel = Type.Union(
  [
    Type.Literal('email'),
    Type.Literal('letter'),
    Type.Literal('registered-letter'),
    Type.Literal('sms'),
    Type.Literal('call'),
    Type.Literal('task'),
  ],
  { description: 'email; letter (PDF to print and post); registered-letter; sms; call (a task for an agent); task (internal)' },
);
const MessageTemplate = Type.Object({
  subject: Type.String({ minLength: 1, maxLength: 300 }),
  body: Type.String({ minLength: 1, maxLength: 20_000 }),
});
/** A message per language; placeholders {{debtorName}}, {{creditorName}}, {{invoiceList}}, {{totalDue}}, {{oldestDueDate}}, {{penaltiesNotice}}, {{signature}}. */
export const MessageTemplates = Type.Object(
  { fr: Type.Optional(MessageTemplate), en: Type.Optional(MessageTemplate) },
  { additionalProperties: false },
);

/** The letter a step sends (docs/letters.md). */
export const StepLetter = LetterTypeId;

export const ScenarioStepDto = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,59}$', description: 'Stable step identifier, e.g. reminder-1' }),
    offsetDays: Type.Integer({ minimum: -365, maximum: 3650, description: 'Days from the due date (negative = before it)' }),
    channel: Channel,
    requiresApproval: Type.Optional(Type.Boolean()),
    // For a letter or registered letter, its type (default: formal notice by registered letter, reminder by post); for
    // an e-mail, the letter sent as HTML with its PDF attached instead of the step's templates.
    letter: Type.Optional(Nullable(StepLetter)),
    minOutstanding: Type.Optional(Nullable(Amount)),
    debtorKinds: Type.Optional(Type.Array(Type.Union([Type.Literal('business'), Type.Literal('consumer')]), { maxItems: 2 })),
    templates: MessageTemplates,
  },
  { additionalProperties: false },
);
export type ScenarioStepDto = Static<typeof ScenarioStepDto>;

export const ScenarioDto = Type.Object({
  id: Uuid,
  key: Nullable(Type.String()),
  name: Type.String(),
  description: Nullable(Type.String()),
  isDefault: Type.Boolean(),
  steps: Type.Array(ScenarioStepDto),
  updatedAt: Instant,
});
export type ScenarioDto = Static<typeof ScenarioDto>;

export const ScenarioInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 120 }),
    description: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    isDefault: Type.Optional(Type.Boolean()),
    steps: Type.Array(ScenarioStepDto, { minItems: 1, maxItems: 30 }),
  },
  { additionalProperties: false },
);
export type ScenarioInput = Static<typeof ScenarioInput>;

export const SegmentRuleDto = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 120 }),
    scenarioId: Uuid,
    debtorKind: Type.Optional(Nullable(Type.Union([Type.Literal('business'), Type.Literal('consumer')]))),
    minOutstanding: Type.Optional(Nullable(Amount)),
    maxOutstanding: Type.Optional(Nullable(Amount)),
    minOldestDaysOverdue: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 36500 }))),
    tag: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
    minAverageDaysLate: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 36500 }))),
  },
  { additionalProperties: false },
);
export type SegmentRuleDto = Static<typeof SegmentRuleDto>;
export const SegmentRules = Type.Object({ rules: Type.Array(SegmentRuleDto, { maxItems: 100 }) }, { additionalProperties: false });
export type SegmentRules = Static<typeof SegmentRules>;

export const ContactPolicyDto = Type.Object(
  {
    maxContactsPerWeek: Type.Integer({ minimum: 1, maximum: 7 }),
    minDaysBetweenContacts: Type.Integer({ minimum: 0, maximum: 365 }),
    noContactOn: Type.Array(Type.Union([Type.Literal('saturday'), Type.Literal('sunday'), Type.Literal('holiday')]), { maxItems: 3 }),
    windowStart: Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'Europe/Paris, HH:MM' }),
    windowEnd: Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'Europe/Paris, HH:MM' }),
    automatic: Type.Optional(
      Type.Boolean({
        description: 'Automatic recovery switched on: the morning planner plans and sends (off until a manager switches it on)',
      }),
    ),
  },
  { additionalProperties: false },
);
export type ContactPolicyDto = Static<typeof ContactPolicyDto>;

export const CaseState = Type.Union([
  Type.Literal('open'),
  Type.Literal('in-progress'),
  Type.Literal('promise-to-pay'),
  Type.Literal('payment-plan'),
  Type.Literal('disputed'),
  Type.Literal('formal-notice-sent'),
  Type.Literal('ready-for-litigation'),
  Type.Literal('closed'),
]);
export const ClosedReason = Type.Union([Type.Literal('paid'), Type.Literal('written-off'), Type.Literal('transferred')]);

export const DispatchStatus = Type.Union([
  Type.Literal('awaiting-approval'),
  Type.Literal('planned'),
  Type.Literal('sending'),
  Type.Literal('sent'),
  Type.Literal('done'),
  Type.Literal('skipped'),
  Type.Literal('uncertain'),
  Type.Literal('failed'),
  Type.Literal('cancelled'),
]);

export const DispatchDto = Type.Object({
  id: Uuid,
  caseId: Uuid,
  debtor: Type.Object({ id: Uuid, name: Type.String() }),
  creditor: Type.Object({ id: Uuid, name: Type.String() }),
  /** The scenario of a step's action; null for a campaign's message (then `campaign` is set). */
  scenarioId: Nullable(Uuid),
  campaign: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
  stepId: Type.String({ description: 'The step id, or "campaign"' }),
  channel: Channel,
  occurrence: IsoDateString,
  status: DispatchStatus,
  invoiceNumbers: Type.Array(Type.String()),
  outstanding: Amount,
  recipient: Nullable(Type.String()),
  attempts: Type.Integer(),
  lastError: Nullable(Type.String()),
  outcome: Nullable(Type.Unknown()),
  priority: Type.Integer({ description: 'Higher first: outstanding × days overdue' }),
  updatedAt: Instant,
  /** The member in charge of the action's case, or null. */
  assignee: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
});
export type DispatchDto = Static<typeof DispatchDto>;

export const DispatchQuery = Type.Object(
  {
    status: Type.Optional(DispatchStatus),
    channel: Type.Optional(Channel),
    caseId: Type.Optional(Uuid),
    campaignId: Type.Optional(Uuid),
    assignee: Type.Optional(Type.Union([Uuid, Type.Literal('none')], { description: 'A member’s cases, or none: nobody’s' })),
    view: Type.Optional(
      Type.Union([Type.Literal('worklist'), Type.Literal('approvals'), Type.Literal('review')], {
        description: 'worklist: calls and tasks due; approvals: awaiting a manager; review: uncertain or failed',
      }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  },
  { additionalProperties: false },
);

export const CallOutcome = Type.Object(
  {
    outcome: Type.Union([
      Type.Literal('reached'),
      Type.Literal('no-answer'),
      Type.Literal('wrong-number'),
      Type.Literal('promise'),
      Type.Literal('dispute'),
      Type.Literal('payment-plan'),
      Type.Literal('paid-already'),
    ]),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
    promiseUntil: Type.Optional(IsoDateString),
    promiseAmount: Type.Optional(Amount),
    disputeReason: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type CallOutcome = Static<typeof CallOutcome>;

export const ReviewResolution = Type.Object(
  {
    resolution: Type.Union([Type.Literal('was-sent'), Type.Literal('send-again'), Type.Literal('cancel')], {
      description: 'was-sent: the provider confirms it left; send-again: it did not, send it; cancel: do not send',
    }),
    note: Type.String({ minLength: 1, maxLength: 2000 }),
  },
  { additionalProperties: false },
);

export const ApprovalDecision = Type.Object(
  { decision: Type.Union([Type.Literal('approve'), Type.Literal('reject')]), note: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);

export const CaseSummary = Type.Object({
  id: Uuid,
  debtor: Type.Object({ id: Uuid, name: Type.String(), kind: Type.Union([Type.Literal('business'), Type.Literal('consumer')]) }),
  creditor: Type.Object({ id: Uuid, name: Type.String() }),
  state: CaseState,
  closedReason: Nullable(ClosedReason),
  openInvoices: Type.Integer(),
  outstanding: Amount,
  lastAction: Nullable(Type.Object({ stepId: Type.String(), channel: Channel, occurrence: IsoDateString, status: DispatchStatus })),
  /** The member in charge: Reply-To of the case's e-mails and the contact named in its letters. */
  assignee: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
  openedAt: Instant,
  updatedAt: Instant,
});
export type CaseSummary = Static<typeof CaseSummary>;

/** Give a case to a member (owner, manager or agent) of the tenant, or take it back with null. */
export const CaseAssigneeInput = Type.Object({ assigneeId: Nullable(Uuid) }, { additionalProperties: false });
export type CaseAssigneeInput = Static<typeof CaseAssigneeInput>;

/** Give many cases to one member at once (a manager distributing a portfolio), or take them back with null. */
export const CasesAssigneeInput = Type.Object(
  { caseIds: Type.Array(Uuid, { minItems: 1, maxItems: 500 }), assigneeId: Nullable(Uuid) },
  { additionalProperties: false },
);
export type CasesAssigneeInput = Static<typeof CasesAssigneeInput>;
export const CasesAssigneeResult = Type.Object({ changed: Type.Integer({ minimum: 0 }) });
export type CasesAssigneeResult = Static<typeof CasesAssigneeResult>;

export const CaseAgent = Type.Object({
  id: Uuid,
  name: Type.String(),
  email: Type.String(),
  role: Type.Union([Type.Literal('owner'), Type.Literal('manager'), Type.Literal('agent')]),
});
export type CaseAgent = Static<typeof CaseAgent>;

/** Who follows a creditor's new cases: the cases the planner or a campaign opens for it are born assigned to them. */
export const CreditorDefaultAgent = Type.Object({
  creditorId: Uuid,
  assigneeId: Nullable(Uuid),
  assigneeName: Nullable(Type.String()),
});
export type CreditorDefaultAgent = Static<typeof CreditorDefaultAgent>;

export const CaseTransitionDto = Type.Object({
  fromState: Nullable(Type.String()),
  toState: Type.String(),
  reason: Type.String(),
  actor: Type.String(),
  occurredAt: Instant,
});

export const PromiseDto = Type.Object({
  id: Uuid,
  madeOn: IsoDateString,
  until: IsoDateString,
  amount: Nullable(Amount),
  status: Type.String(),
});

export const PlannedActionDto = Type.Object({
  date: IsoDateString,
  caseId: Uuid,
  debtorId: Uuid,
  stepId: Type.String(),
  channel: Channel,
  requiresApproval: Type.Boolean(),
  invoiceNumbers: Type.Array(Type.String()),
});
export type PlannedActionDto = Static<typeof PlannedActionDto>;

export const CaseDetail = Type.Intersect([
  CaseSummary,
  Type.Object({
    transitions: Type.Array(CaseTransitionDto),
    dispatches: Type.Array(DispatchDto),
    promises: Type.Array(PromiseDto),
    nextActions: Type.Array(PlannedActionDto),
  }),
]);
export type CaseDetail = Static<typeof CaseDetail>;

export const CaseQuery = Type.Object(
  {
    state: Type.Optional(CaseState),
    debtorId: Type.Optional(Uuid),
    /** A member's id: the cases they are in charge of; "none": the cases nobody is. */
    assignee: Type.Optional(Type.Union([Uuid, Type.Literal('none')])),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  },
  { additionalProperties: false },
);

export const CaseTransitionInput = Type.Object(
  { state: CaseState, reason: Type.String({ minLength: 1, maxLength: 2000 }), closedReason: Type.Optional(ClosedReason) },
  { additionalProperties: false },
);

export const PromiseInput = Type.Object(
  { until: IsoDateString, amount: Type.Optional(Amount), note: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);

export const PreviewQuery = Type.Object(
  { days: Type.Optional(Type.Integer({ minimum: 1, maximum: 90, default: 14 })), caseId: Type.Optional(Uuid) },
  { additionalProperties: false },
);
export const Preview = Type.Object({ from: IsoDateString, days: Type.Integer(), actions: Type.Array(PlannedActionDto) });
export type Preview = Static<typeof Preview>;

export const PlanRun = Type.Object({ date: IsoDateString, cases: Type.Integer(), planned: Type.Integer(), created: Type.Integer() });

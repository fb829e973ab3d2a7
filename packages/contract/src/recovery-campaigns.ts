/**
 * Bulk campaigns over HTTP: one template sent to the cases a filter selects, under
 * the rules of contact — the campaign, its preview (counts, days, rendered samples)
 * and its progress (its messages by status).
 */
import { type Static, Type } from 'typebox';
import { Amount, AmountByCurrency, Instant, IsoDateString, Locale, Nullable, Uuid } from './common.js';
import { MessageTemplates } from './recovery.js';

export const CampaignChannel = Type.Union([Type.Literal('email'), Type.Literal('sms')]);
export const CampaignStatus = Type.Union(
  [Type.Literal('draft'), Type.Literal('sending'), Type.Literal('done'), Type.Literal('cancelled')],
  { description: 'draft → sending (launched) → done when every message was handled; cancelled' },
);
export const CampaignCaseState = Type.Union([
  Type.Literal('open'),
  Type.Literal('in-progress'),
  Type.Literal('promise-to-pay'),
  Type.Literal('formal-notice-sent'),
]);

export const CampaignFilter = Type.Object(
  {
    creditorId: Type.Optional(Nullable(Uuid)),
    debtorKind: Type.Optional(Nullable(Type.Union([Type.Literal('business'), Type.Literal('consumer')]))),
    tags: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 10, description: 'The debtor has every one of these tags' }),
    ),
    search: Type.Optional(Nullable(Type.String({ maxLength: 200, description: 'Name, city or e-mail contains, or SIREN equals' }))),
    /** The case owes at least this much in one of its currencies (amounts are never converted). */
    minOutstanding: Type.Optional(Nullable(Amount)),
    minDaysOverdue: Type.Optional(
      Nullable(Type.Integer({ minimum: 0, maximum: 36500, description: 'Its oldest invoice at least this many days overdue' })),
    ),
    caseStates: Type.Optional(
      Type.Array(CampaignCaseState, {
        maxItems: 4,
        description: 'States of the case (a pair without a case counts as open); default: open, in-progress, formal-notice-sent',
      }),
    ),
    overdueOnly: Type.Optional(
      Type.Boolean({ description: 'true (default): the message lists overdue invoices only; false: every open invoice with a due date' }),
    ),
  },
  { additionalProperties: false },
);
export type CampaignFilter = Static<typeof CampaignFilter>;

export const CampaignInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 120 }),
    channel: CampaignChannel,
    templates: MessageTemplates,
    filter: CampaignFilter,
  },
  { additionalProperties: false },
);
export type CampaignInput = Static<typeof CampaignInput>;

export const CampaignProgress = Type.Object({
  total: Type.Integer({ description: 'Messages created at launch' }),
  planned: Type.Integer(),
  sending: Type.Integer(),
  sent: Type.Integer(),
  skipped: Type.Integer({ description: 'Nothing owed any more, case taken over or promise to pay since the launch' }),
  uncertain: Type.Integer({ description: 'In the review queue: may or may not have left' }),
  failed: Type.Integer({ description: 'In the review queue' }),
  cancelled: Type.Integer(),
  nextDate: Nullable(IsoDateString),
});

export const CampaignDto = Type.Object({
  id: Uuid,
  name: Type.String(),
  channel: CampaignChannel,
  templates: MessageTemplates,
  filter: Type.Object({
    creditorId: Nullable(Uuid),
    debtorKind: Nullable(Type.Union([Type.Literal('business'), Type.Literal('consumer')])),
    tags: Type.Array(Type.String()),
    search: Nullable(Type.String()),
    minOutstanding: Nullable(Amount),
    minDaysOverdue: Nullable(Type.Integer()),
    caseStates: Type.Array(CampaignCaseState),
    overdueOnly: Type.Boolean(),
  }),
  status: CampaignStatus,
  createdBy: Type.String(),
  createdAt: Instant,
  updatedAt: Instant,
  launchedBy: Nullable(Type.String()),
  launchedAt: Nullable(Instant),
  cancelledAt: Nullable(Instant),
  /** Left out at launch: no address for the channel, or no day the rules of contact allow within a year. */
  excluded: Nullable(Type.Object({ noRecipient: Type.Integer(), unschedulable: Type.Integer() })),
  progress: CampaignProgress,
});
export type CampaignDto = Static<typeof CampaignDto>;

export const CampaignQuery = Type.Object(
  { status: Type.Optional(CampaignStatus), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })) },
  { additionalProperties: false },
);

const Party = Type.Object({ id: Uuid, name: Type.String() });

export const CampaignPreview = Type.Object({
  /** Today while the sending window is open, else the next day. */
  firstDay: IsoDateString,
  cases: Type.Integer({ description: 'Messages the launch would create: one per case (debtor × creditor)' }),
  debtors: Type.Integer(),
  outstanding: Type.Array(AmountByCurrency),
  days: Type.Array(Type.Object({ date: IsoDateString, cases: Type.Integer() }), { description: 'Messages per day' }),
  items: Type.Array(
    Type.Object({
      caseId: Nullable(Uuid),
      debtor: Party,
      creditor: Party,
      date: IsoDateString,
      invoiceCount: Type.Integer(),
      outstanding: Type.Array(AmountByCurrency),
      recipient: Type.String(),
    }),
    { description: 'The first 100 cases, with the day the rules of contact give each' },
  ),
  noRecipient: Type.Object({ count: Type.Integer(), debtors: Type.Array(Party, { description: 'The first 20' }) }),
  unschedulable: Type.Integer(),
  samples: Type.Array(
    Type.Object({
      debtorName: Type.String(),
      recipient: Type.String(),
      locale: Locale,
      date: IsoDateString,
      subject: Type.String(),
      body: Type.String(),
    }),
    { description: 'The first messages, rendered as the debtors will read them' },
  ),
});
export type CampaignPreview = Static<typeof CampaignPreview>;

/** What the preview of a campaign not saved yet needs: the campaign without its name. */
export const CampaignPreviewInput = Type.Object(
  { channel: CampaignChannel, templates: MessageTemplates, filter: CampaignFilter },
  { additionalProperties: false },
);
export type CampaignPreviewInput = Static<typeof CampaignPreviewInput>;

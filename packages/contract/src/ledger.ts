import { type Static, Type } from 'typebox';
import {
  Address,
  Amount,
  AmountByCurrency,
  CountryCode,
  Currency,
  Cursor,
  Instant,
  IsoDateString,
  Limit,
  Locale,
  Nullable,
  Uuid,
} from './common.js';

const Siren = Type.String({ description: 'SIREN, 9 digits (spaces allowed on input)', maxLength: 20 });
const Siret = Type.String({ description: 'SIRET, 14 digits (spaces allowed on input)', maxLength: 30 });
const Email = Type.String({ maxLength: 254 });
const Phone = Type.String({ maxLength: 40 });

// Creditors ---------------------------------------------------------------------

/** The person debtors deal with for a creditor: named in letters, Reply-To of e-mails. */
export const RecoveryContact = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    email: Nullable(Email),
    phone: Nullable(Phone),
  },
  { additionalProperties: false },
);

export const Creditor = Type.Object({
  id: Uuid,
  legalName: Type.String(),
  tradeName: Nullable(Type.String()),
  legalForm: Nullable(Type.String()),
  siren: Nullable(Type.String()),
  siret: Nullable(Type.String()),
  vatNumber: Nullable(Type.String()),
  address: Address,
  iban: Nullable(Type.String()),
  bic: Nullable(Type.String()),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  hasLogo: Type.Boolean(),
  letterLegalMentions: Nullable(Type.String()),
  recoveryContact: Nullable(RecoveryContact),
  letterGaps: Type.Array(
    Type.Union([
      Type.Literal('creditor-identity'),
      Type.Literal('creditor-siren'),
      Type.Literal('creditor-contact'),
      Type.Literal('creditor-bank'),
    ]),
    { description: 'What every letter of this creditor would lack: name and address, SIREN, e-mail or phone, IBAN with BIC' },
  ),
  createdAt: Instant,
  updatedAt: Instant,
});
export type Creditor = Static<typeof Creditor>;

export const CreditorInput = Type.Object(
  {
    legalName: Type.String({ minLength: 1, maxLength: 200 }),
    tradeName: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    legalForm: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    siren: Type.Optional(Nullable(Siren)),
    siret: Type.Optional(Nullable(Siret)),
    vatNumber: Type.Optional(Nullable(Type.String({ maxLength: 30 }))),
    address: Type.Optional(Address),
    iban: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
    bic: Type.Optional(Nullable(Type.String({ maxLength: 15 }))),
    email: Type.Optional(Nullable(Email)),
    phone: Type.Optional(Nullable(Phone)),
    letterLegalMentions: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    recoveryContact: Type.Optional(Nullable(RecoveryContact)),
  },
  { additionalProperties: false },
);
export type CreditorInput = Static<typeof CreditorInput>;
export const CreditorPatch = Type.Partial(CreditorInput, { additionalProperties: false });
export type CreditorPatch = Static<typeof CreditorPatch>;

// Debtors -----------------------------------------------------------------------

export const DebtorKind = Type.Union([Type.Literal('business'), Type.Literal('consumer')]);

export const Contact = Type.Object({
  id: Uuid,
  name: Type.String(),
  jobTitle: Nullable(Type.String()),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  address: Address,
  preferredLocale: Locale,
  isPrimary: Type.Boolean(),
});
export type Contact = Static<typeof Contact>;

export const ContactInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    jobTitle: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    email: Type.Optional(Nullable(Email)),
    phone: Type.Optional(Nullable(Phone)),
    address: Type.Optional(Address),
    preferredLocale: Type.Optional(Locale),
    isPrimary: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ContactInput = Static<typeof ContactInput>;
export const ContactPatch = Type.Partial(ContactInput, { additionalProperties: false });

export const AgingBucket = Type.Union([
  Type.Literal('not-due'),
  Type.Literal('1-30'),
  Type.Literal('31-60'),
  Type.Literal('61-90'),
  Type.Literal('91-180'),
  Type.Literal('over-180'),
  Type.Literal('no-due-date'),
]);
export type AgingBucket = Static<typeof AgingBucket>;

export const AgingLine = Type.Object({ bucket: AgingBucket, currency: Currency, count: Type.Integer(), amount: Amount });
export type AgingLine = Static<typeof AgingLine>;

export const DebtorSummary = Type.Object({
  id: Uuid,
  kind: DebtorKind,
  name: Type.String(),
  siren: Nullable(Type.String()),
  city: Nullable(Type.String()),
  tags: Type.Array(Type.String()),
  outstanding: Type.Array(AmountByCurrency, { description: 'Open balance per currency' }),
  overdue: Type.Array(AmountByCurrency, { description: 'Past-due part of the open balance per currency' }),
  openInvoiceCount: Type.Integer(),
  oldestDueDate: Nullable(IsoDateString),
  maxDaysOverdue: Type.Integer(),
});
export type DebtorSummary = Static<typeof DebtorSummary>;

export const Debtor = Type.Object({
  id: Uuid,
  kind: DebtorKind,
  name: Type.String(),
  siren: Nullable(Type.String()),
  siret: Nullable(Type.String()),
  vatNumber: Nullable(Type.String()),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  address: Address,
  preferredLocale: Locale,
  tags: Type.Array(Type.String()),
  accountCodes: Type.Array(Type.Object({ creditorId: Uuid, accountCode: Type.String() })),
  contacts: Type.Array(Contact),
  scenarioId: Type.Optional(
    Nullable(Type.String({ format: 'uuid', description: 'The recovery scenario chosen for this debtor; null: by the segment rules' })),
  ),
  balance: Type.Object({
    outstanding: Type.Array(AmountByCurrency),
    overdue: Type.Array(AmountByCurrency),
    credit: Type.Array(AmountByCurrency, { description: 'Unallocated payments and unused credit notes' }),
    aging: Type.Array(AgingLine),
  }),
  createdAt: Instant,
  updatedAt: Instant,
});
export type Debtor = Static<typeof Debtor>;

export const DebtorInput = Type.Object(
  {
    kind: DebtorKind,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    siren: Type.Optional(Nullable(Siren)),
    siret: Type.Optional(Nullable(Siret)),
    vatNumber: Type.Optional(Nullable(Type.String({ maxLength: 30 }))),
    email: Type.Optional(Nullable(Email)),
    phone: Type.Optional(Nullable(Phone)),
    address: Type.Optional(Address),
    preferredLocale: Type.Optional(Locale),
    tags: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 30 })),
  },
  { additionalProperties: false },
);
export type DebtorInput = Static<typeof DebtorInput>;
export const DebtorPatch = Type.Partial(DebtorInput, { additionalProperties: false });
export type DebtorPatch = Static<typeof DebtorPatch>;

export const DebtorListQuery = Type.Object(
  {
    search: Type.Optional(Type.String({ maxLength: 200, description: 'Name, SIREN, e-mail or city contains' })),
    kind: Type.Optional(DebtorKind),
    tag: Type.Optional(Type.String({ maxLength: 40 })),
    creditorId: Type.Optional(Uuid),
    overdue: Type.Optional(Type.Boolean({ description: 'Only debtors with past-due invoices' })),
    sort: Type.Optional(
      Type.Union([Type.Literal('name'), Type.Literal('outstanding'), Type.Literal('oldestDueDate')], { default: 'name' }),
    ),
    order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
    cursor: Type.Optional(Cursor),
    limit: Type.Optional(Limit),
  },
  { additionalProperties: false },
);
export type DebtorListQuery = Static<typeof DebtorListQuery>;

export const Note = Type.Object({ id: Uuid, body: Type.String(), author: Type.String(), createdAt: Instant });
export type Note = Static<typeof Note>;
export const NoteInput = Type.Object({ body: Type.String({ minLength: 1, maxLength: 10000 }) }, { additionalProperties: false });

export const Activity = Type.Object({
  id: Uuid,
  occurredAt: Instant,
  actor: Type.Object({
    kind: Type.Union([
      Type.Literal('user'),
      Type.Literal('api-key'),
      Type.Literal('import'),
      Type.Literal('engine'),
      Type.Literal('system'),
    ]),
    label: Type.String(),
  }),
  channel: Type.Union([Type.Literal('web'), Type.Literal('api'), Type.Literal('cli'), Type.Literal('worker')]),
  ip: Nullable(Type.String()),
  action: Type.String({ description: 'e.g. invoice.created, invoice.updated, payment.recorded, dispute.opened' }),
  summary: Type.String({ description: "One line in the caller's language" }),
  details: Type.Record(Type.String(), Type.Unknown()),
});
export type Activity = Static<typeof Activity>;
export const ActivityQuery = Type.Object({ cursor: Type.Optional(Cursor), limit: Type.Optional(Limit) }, { additionalProperties: false });

// Invoices ------------------------------------------------------------------------

export const DocumentKind = Type.Union([Type.Literal('invoice'), Type.Literal('credit-note')]);
export const InvoiceStatus = Type.Union([Type.Literal('due'), Type.Literal('overdue'), Type.Literal('disputed'), Type.Literal('paid')]);
export type InvoiceStatus = Static<typeof InvoiceStatus>;

export const InvoiceSummary = Type.Object({
  id: Uuid,
  kind: DocumentKind,
  number: Type.String(),
  creditor: Type.Object({ id: Uuid, name: Type.String() }),
  debtor: Type.Object({ id: Uuid, name: Type.String(), kind: DebtorKind }),
  issueDate: IsoDateString,
  dueDate: Nullable(IsoDateString),
  currency: Currency,
  amountInclTax: Amount,
  amountDue: Amount,
  outstanding: Amount,
  status: InvoiceStatus,
  daysOverdue: Type.Integer(),
  bucket: AgingBucket,
  hasDocument: Type.Boolean(),
});
export type InvoiceSummary = Static<typeof InvoiceSummary>;

export const Allocation = Type.Object({
  id: Uuid,
  invoiceId: Uuid,
  invoiceNumber: Type.String(),
  source: Type.Union([
    Type.Object({ kind: Type.Literal('payment'), paymentId: Uuid, receivedOn: IsoDateString, reference: Nullable(Type.String()) }),
    Type.Object({ kind: Type.Literal('credit-note'), creditNoteId: Uuid, number: Type.String() }),
  ]),
  amount: Amount,
  createdAt: Instant,
  reversedAt: Nullable(Instant),
});
export type Allocation = Static<typeof Allocation>;

export const Dispute = Type.Object({
  id: Uuid,
  reason: Type.String(),
  openedAt: Instant,
  openedBy: Type.String(),
  resolvedAt: Nullable(Instant),
  resolvedBy: Nullable(Type.String()),
  resolution: Nullable(Type.String()),
});
export type Dispute = Static<typeof Dispute>;

export const Invoice = Type.Intersect([
  InvoiceSummary,
  Type.Object({
    amountExclTax: Nullable(Amount),
    paidOutside: Amount,
    settled: Amount,
    orderReference: Nullable(Type.String()),
    contractReference: Nullable(Type.String()),
    description: Nullable(Type.String()),
    paymentReference: Nullable(Type.String()),
    paymentTerms: Nullable(Type.String()),
    precedingInvoiceNumber: Nullable(Type.String()),
    source: Type.Union([Type.Literal('manual'), Type.Literal('import'), Type.Literal('api'), Type.Literal('demo')]),
    allocations: Type.Array(Allocation),
    disputes: Type.Array(Dispute),
    createdAt: Instant,
    updatedAt: Instant,
  }),
]);
export type Invoice = Static<typeof Invoice>;

export const InvoiceInput = Type.Object(
  {
    creditorId: Uuid,
    debtorId: Uuid,
    kind: Type.Optional(DocumentKind),
    number: Type.String({ minLength: 1, maxLength: 100 }),
    issueDate: IsoDateString,
    dueDate: Type.Optional(Nullable(IsoDateString)),
    currency: Type.Optional(Currency),
    amountExclTax: Type.Optional(Nullable(Amount)),
    amountInclTax: Amount,
    amountDue: Type.Optional(Amount),
    orderReference: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    contractReference: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    description: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    paymentReference: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    paymentTerms: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
  },
  { additionalProperties: false },
);
export type InvoiceInput = Static<typeof InvoiceInput>;

export const InvoicePatch = Type.Object(
  {
    dueDate: Type.Optional(Nullable(IsoDateString)),
    orderReference: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    contractReference: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    description: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    paymentReference: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    paymentTerms: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
  },
  { additionalProperties: false },
);
export type InvoicePatch = Static<typeof InvoicePatch>;

export const InvoiceListQuery = Type.Object(
  {
    status: Type.Optional(
      Type.Union([Type.Literal('open'), Type.Literal('due'), Type.Literal('overdue'), Type.Literal('disputed'), Type.Literal('paid')], {
        description: 'open = not fully paid (due, overdue or disputed)',
      }),
    ),
    bucket: Type.Optional(AgingBucket),
    kind: Type.Optional(DocumentKind),
    debtorId: Type.Optional(Uuid),
    creditorId: Type.Optional(Uuid),
    tag: Type.Optional(Type.String({ maxLength: 40, description: "Debtor's tag" })),
    currency: Type.Optional(Currency),
    minAmount: Type.Optional(Amount),
    maxAmount: Type.Optional(Amount),
    search: Type.Optional(Type.String({ maxLength: 200, description: 'Invoice number or debtor name contains' })),
    prescriptionBefore: Type.Optional(
      Type.String({
        pattern: '^\\d{4}-\\d{2}-\\d{2}$',
        description:
          'Open invoices whose last day to act (prescription: 5 years, 2 against a consumer, restarted by payments and acknowledgments) is on or before this date',
      }),
    ),
    sort: Type.Optional(
      Type.Union(
        [
          Type.Literal('dueDate'),
          Type.Literal('issueDate'),
          Type.Literal('amount'),
          Type.Literal('outstanding'),
          Type.Literal('number'),
          Type.Literal('debtorName'),
        ],
        { default: 'dueDate', description: 'dueDate ascending = most overdue first' },
      ),
    ),
    order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
    cursor: Type.Optional(Cursor),
    limit: Type.Optional(Limit),
  },
  { additionalProperties: false },
);
export type InvoiceListQuery = Static<typeof InvoiceListQuery>;

export const AgingReport = Type.Object({
  today: IsoDateString,
  lines: Type.Array(AgingLine),
  totals: Type.Array(Type.Object({ currency: Currency, count: Type.Integer(), outstanding: Amount, overdue: Amount })),
});
export type AgingReport = Static<typeof AgingReport>;
export const AgingQuery = Type.Object({ creditorId: Type.Optional(Uuid), debtorId: Type.Optional(Uuid) }, { additionalProperties: false });

export const DisputeInput = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false });
export const ResolveDisputeInput = Type.Object(
  { resolution: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);
export const DisputeParams = Type.Object({ id: Uuid, disputeId: Uuid });

// Payments -------------------------------------------------------------------------

export const PaymentMethod = Type.Union([
  Type.Literal('transfer'),
  Type.Literal('direct-debit'),
  Type.Literal('card'),
  Type.Literal('cheque'),
  Type.Literal('cash'),
  Type.Literal('other'),
]);

export const Payment = Type.Object({
  id: Uuid,
  creditor: Type.Object({ id: Uuid, name: Type.String() }),
  debtor: Type.Object({ id: Uuid, name: Type.String() }),
  amount: Amount,
  currency: Currency,
  allocated: Amount,
  unallocated: Amount,
  receivedOn: IsoDateString,
  method: PaymentMethod,
  reference: Nullable(Type.String()),
  note: Nullable(Type.String()),
  reversedAt: Nullable(Instant),
  reversalReason: Nullable(Type.String()),
  allocations: Type.Array(Allocation),
  createdAt: Instant,
});
export type Payment = Static<typeof Payment>;

export const AllocationInput = Type.Object({ invoiceId: Uuid, amount: Amount }, { additionalProperties: false });

export const PaymentInput = Type.Object(
  {
    creditorId: Uuid,
    debtorId: Uuid,
    amount: Amount,
    currency: Type.Optional(Currency),
    receivedOn: IsoDateString,
    method: PaymentMethod,
    reference: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    allocations: Type.Optional(Type.Array(AllocationInput, { maxItems: 500 })),
    autoAllocate: Type.Optional(
      Type.Boolean({ description: 'Apply to the oldest open invoices first (ignored when allocations are given)' }),
    ),
  },
  { additionalProperties: false },
);
export type PaymentInput = Static<typeof PaymentInput>;

export const PaymentListQuery = Type.Object(
  {
    debtorId: Type.Optional(Uuid),
    creditorId: Type.Optional(Uuid),
    unallocated: Type.Optional(Type.Boolean({ description: 'Only payments with an unallocated part' })),
    cursor: Type.Optional(Cursor),
    limit: Type.Optional(Limit),
  },
  { additionalProperties: false },
);
export const ReverseInput = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false });

export const Tenant = Type.Object({
  id: Uuid,
  name: Type.String(),
  kind: Type.Union([Type.Literal('company'), Type.Literal('agency')]),
  defaultLocale: Locale,
});
export const TenantPatch = Type.Object(
  { name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), defaultLocale: Type.Optional(Locale) },
  { additionalProperties: false },
);
export { CountryCode };

/**
 * Letters over HTTP: the catalog of letter types (mandatory mentions, editable
 * paragraphs, variables), the tenant's versioned texts with their check and
 * preview, the archive of documents produced for a case, and the letters waiting
 * to be posted.
 */
import { type Static, Type } from 'typebox';
import { CountryCode, Instant, Locale, Nullable, Uuid } from './common.js';

/** The domain's LETTER_TYPES, spelt out for TypeBox's static type; a test compares the two. */
export const LetterTypeId = Type.Union(
  [
    Type.Literal('courtesy-reminder'),
    Type.Literal('reminder'),
    Type.Literal('second-reminder'),
    Type.Literal('call-script'),
    Type.Literal('formal-notice'),
    Type.Literal('payment-plan'),
    Type.Literal('payment-receipt'),
    Type.Literal('agency-letter'),
  ],
  { description: 'Letter type' },
);
export type LetterTypeId = Static<typeof LetterTypeId>;

export const TEMPLATE_FIELD_IDS = ['subject', 'opening', 'demand', 'consequences', 'closing'] as const;
export type TemplateFieldId = (typeof TEMPLATE_FIELD_IDS)[number];

const Paragraph = Type.String({ maxLength: 20_000, description: 'Template text; blank lines separate paragraphs' });
export const LetterTemplateFields = Type.Object(
  { subject: Paragraph, opening: Paragraph, demand: Paragraph, consequences: Paragraph, closing: Paragraph },
  { additionalProperties: false },
);
export type LetterTemplateFields = Static<typeof LetterTemplateFields>;

// Catalog -------------------------------------------------------------------------

const VariableType = Type.Union(
  [
    Type.Literal('text'),
    Type.Literal('money'),
    Type.Literal('date'),
    Type.Literal('number'),
    Type.Literal('boolean'),
    Type.Literal('list'),
    Type.Literal('record'),
  ],
  { description: 'How the value prints: money and dates are formatted in the letter’s language' },
);
const VariableDocBase = Type.Object({
  name: Type.String({ description: 'As written in a template: {{name}}' }),
  type: VariableType,
  doc: Type.String({ description: "What it holds, in the caller's language" }),
});
export const LetterVariableDoc = Type.Object({
  ...VariableDocBase.properties,
  fields: Type.Optional(Type.Array(VariableDocBase, { description: 'The names inside {{#each}} for a list, or after a dot for a record' })),
});
export type LetterVariableDoc = Static<typeof LetterVariableDoc>;

export const MentionDto = Type.Object({
  id: Type.String({ description: 'Stable mention id (creditor-identity, payment-deadline…)' }),
  label: Type.String({ description: "What the letter must show, in the caller's language" }),
});
export type MentionDto = Static<typeof MentionDto>;

export const LetterCatalog = Type.Object({
  types: Type.Array(
    Type.Object({
      type: LetterTypeId,
      mentions: Type.Array(MentionDto),
      minDeadlineDays: Type.Integer({ description: 'The least payment deadline this type may give' }),
    }),
  ),
  fields: Type.Array(Type.String(), { description: 'The editable paragraphs, in the order the letter shows them' }),
  variables: Type.Array(LetterVariableDoc),
});
export type LetterCatalog = Static<typeof LetterCatalog>;

// Templates -----------------------------------------------------------------------

export const LetterTypeParams = Type.Object({ type: LetterTypeId });

export const LetterTemplateQuery = Type.Object(
  {
    lang: Type.Optional(Locale),
    creditorId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type LetterTemplateQuery = Static<typeof LetterTemplateQuery>;

export const LetterTemplateVersion = Type.Object({
  id: Nullable(Uuid),
  creditorId: Nullable(Uuid),
  version: Type.Integer({ description: '0 for the shipped default text' }),
  label: Type.String({ description: 'Names the text in the archive: tenant:v3, creditor:v2, default:2026-12' }),
  fields: LetterTemplateFields,
  createdBy: Nullable(Type.String()),
  createdAt: Nullable(Instant),
});
export type LetterTemplateVersion = Static<typeof LetterTemplateVersion>;

export const LetterTemplateDto = Type.Object({
  type: LetterTypeId,
  lang: Locale,
  creditorId: Nullable(Uuid),
  current: Type.Object(
    { ...LetterTemplateVersion.properties },
    { description: 'The text letters of this type use now: the creditor’s, else the tenant’s, else the shipped one' },
  ),
  history: Type.Array(LetterTemplateVersion, { description: 'Saved versions of this exact text (tenant or creditor), newest first' }),
  shipped: LetterTemplateFields,
});
export type LetterTemplateDto = Static<typeof LetterTemplateDto>;

export const TemplateCheckInput = Type.Object({ lang: Locale, fields: LetterTemplateFields }, { additionalProperties: false });
export type TemplateCheckInput = Static<typeof TemplateCheckInput>;

export const TemplateIssueDto = Type.Object({
  field: Type.Union([
    Type.Literal('subject'),
    Type.Literal('opening'),
    Type.Literal('demand'),
    Type.Literal('consequences'),
    Type.Literal('closing'),
  ]),
  line: Type.Integer(),
  column: Type.Integer(),
  code: Type.String({ description: 'syntax, unknown_variable, unknown_filter, unclosed_block…' }),
  message: Type.String(),
});
export type TemplateIssueDto = Static<typeof TemplateIssueDto>;

export const MissingMentionDto = Type.Object({
  mention: Type.String(),
  label: Type.String(),
  lacking: Type.Array(Type.String(), { description: 'The data or template variables that would satisfy it' }),
});
export type MissingMentionDto = Static<typeof MissingMentionDto>;

export const TemplateCheckResult = Type.Object({
  ok: Type.Boolean(),
  templateIssues: Type.Array(TemplateIssueDto),
  missing: Type.Array(MissingMentionDto),
  rendered: Nullable(LetterTemplateFields),
});
export type TemplateCheckResult = Static<typeof TemplateCheckResult>;

export const TemplateSaveInput = Type.Object(
  { lang: Locale, creditorId: Type.Optional(Nullable(Uuid)), fields: LetterTemplateFields },
  { additionalProperties: false },
);
export type TemplateSaveInput = Static<typeof TemplateSaveInput>;

export const TemplatePreviewInput = Type.Object(
  {
    lang: Locale,
    fields: LetterTemplateFields,
    format: Type.Union([Type.Literal('pdf'), Type.Literal('email')]),
    caseId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type TemplatePreviewInput = Static<typeof TemplatePreviewInput>;

export const EmailPreview = Type.Object({ subject: Type.String(), html: Type.String(), text: Type.String() });
export type EmailPreview = Static<typeof EmailPreview>;

// Documents -----------------------------------------------------------------------

export const DocumentDelivery = Type.Union(
  [Type.Literal('to-print'), Type.Literal('awaiting-registered-sending'), Type.Literal('attached'), Type.Literal('sent')],
  { description: 'to-print: the creditor prints and posts it; awaiting-registered-sending; attached to an e-mail; sent' },
);
export type DocumentDelivery = Static<typeof DocumentDelivery>;

export const DocumentDto = Type.Object({
  id: Uuid,
  caseId: Uuid,
  dispatchId: Nullable(Uuid),
  kind: Type.Union([Type.Literal('letter'), Type.Literal('email')]),
  letterType: Type.String(),
  lang: Locale,
  filename: Type.String(),
  byteSize: Type.Integer(),
  sha256: Type.String({ description: 'SHA-256 of the bytes, hexadecimal' }),
  templateVersion: Type.String(),
  delivery: DocumentDelivery,
  createdAt: Instant,
});
export type DocumentDto = Static<typeof DocumentDto>;

/** Rows are checked by the API (named "installments[2].dueDate"), so the schema only bounds their size. */
export const InstallmentInput = Type.Object(
  {
    dueDate: Type.Optional(
      Type.String({ maxLength: 40, description: 'YYYY-MM-DD; strictly after the previous row, not before the letter' }),
    ),
    amount: Type.Optional(Type.String({ maxLength: 40, description: 'Decimal amount ("450.00")' })),
  },
  { additionalProperties: false },
);
export type InstallmentInput = Static<typeof InstallmentInput>;

export const ProduceLetterInput = Type.Object(
  {
    type: LetterTypeId,
    lang: Type.Optional(Locale),
    paymentId: Type.Optional(Uuid),
    installments: Type.Optional(
      Type.Array(InstallmentInput, {
        maxItems: 60,
        description: 'payment-plan only: 1–60 instalments whose total covers at least the principal due of the case',
      }),
    ),
  },
  { additionalProperties: false },
);
export type ProduceLetterInput = Static<typeof ProduceLetterInput>;

export const PendingLettersQuery = Type.Object(
  { delivery: Type.Optional(Type.Union([Type.Literal('to-print'), Type.Literal('awaiting-registered-sending')], { default: 'to-print' })) },
  { additionalProperties: false },
);
export type PendingLettersQuery = Static<typeof PendingLettersQuery>;

export const PendingLetterDto = Type.Object({
  ...DocumentDto.properties,
  debtor: Type.Object({ id: Uuid, name: Type.String() }),
  creditor: Type.Object({ id: Uuid, name: Type.String() }),
});
export type PendingLetterDto = Static<typeof PendingLetterDto>;

export const DeliveryInput = Type.Object({ delivery: Type.Literal('sent') }, { additionalProperties: false });
export type DeliveryInput = Static<typeof DeliveryInput>;

// Agency identity -----------------------------------------------------------------

const AgencyAddress = Type.Object(
  {
    line1: Type.String({ minLength: 1, maxLength: 200 }),
    line2: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    postalCode: Type.String({ minLength: 1, maxLength: 20 }),
    city: Type.String({ minLength: 1, maxLength: 100 }),
    country: Type.Optional(CountryCode),
  },
  { additionalProperties: false },
);

export const AgencyProfileInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 140, description: 'The agency’s legal name, as its letters print it' }),
    siren: Type.String({ maxLength: 20, description: '9 digits (spaces allowed), checked with its key' }),
    address: AgencyAddress,
    email: Type.Optional(Nullable(Type.String({ maxLength: 254 }))),
    phone: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
    iban: Type.Optional(Nullable(Type.String({ maxLength: 50, description: 'Where debtors pay the agency; with its BIC' }))),
    bic: Type.Optional(Nullable(Type.String({ maxLength: 11 }))),
  },
  { additionalProperties: false },
);
export type AgencyProfileInput = Static<typeof AgencyProfileInput>;

export const AgencyProfileDto = Type.Object({
  name: Type.String(),
  siren: Type.String(),
  address: Type.Object({
    line1: Type.String(),
    line2: Nullable(Type.String()),
    postalCode: Type.String(),
    city: Type.String(),
    country: Type.String(),
  }),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  iban: Nullable(Type.String()),
  bic: Nullable(Type.String()),
  updatedAt: Instant,
  updatedBy: Type.String(),
});
export type AgencyProfileDto = Static<typeof AgencyProfileDto>;

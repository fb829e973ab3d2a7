/**
 * The legal engine over HTTP: the rates table (shipped rows and the tenant's own),
 * the calculators (late fees, prescription, small claims) and a debtor's claim.
 * Rates cross as percent strings with two decimals ("13.15"), amounts as Amount.
 */
import { type Static, Type } from 'typebox';
import { Amount, Instant, IsoDateString, Nullable } from './common.js';

export const HalfYearString = Type.String({
  pattern: '^\\d{4}-H[12]$',
  description: 'Half-year, YYYY-H1 or YYYY-H2',
  examples: ['2026-H2'],
});
export const RatePercent = Type.String({
  pattern: '^\\d{1,3}(\\.\\d{1,2})?$',
  description: 'Rate in percent per year, at most two decimals, as a string',
  examples: ['13.15'],
});
export const DebtorKindParam = Type.Union([Type.Literal('business'), Type.Literal('consumer')], {
  description: 'Professional or consumer debtor',
});
export const CreditorKindParam = Type.Union([Type.Literal('company'), Type.Literal('individual')], {
  description: 'Creditor: a company or professional (default), or a private individual (chooses the legal rate, CMF L313-2)',
});
export const ImputationParam = Type.Union([Type.Literal('interest-first'), Type.Literal('principal-first')], {
  description: 'Partial payments go to interest first (C. civ. 1343-1, default) or to principal first',
});

export const RateRow = Type.Object({
  halfYear: HalfYearString,
  ecbRate: RatePercent,
  b2bDefaultRate: RatePercent,
  legalRateIndividual: RatePercent,
  legalRateOther: RatePercent,
  contractRateFloor: RatePercent,
  sources: Type.Object({ ecb: Type.String(), legal: Type.String() }),
  origin: Type.Union([Type.Literal('shipped'), Type.Literal('tenant')]),
  updatedBy: Nullable(Type.String()),
  updatedAt: Nullable(Instant),
});
export type RateRow = Static<typeof RateRow>;

export const RateTableResponse = Type.Object({ version: Type.String(), rows: Type.Array(RateRow) });
export type RateTableResponse = Static<typeof RateTableResponse>;

export const RateInput = Type.Object(
  {
    ecbRate: RatePercent,
    legalRateIndividual: RatePercent,
    legalRateOther: RatePercent,
    source: Type.String({ minLength: 3, maxLength: 500, description: 'Where the values come from (arrêté, ECB page…)' }),
  },
  { additionalProperties: false },
);
export type RateInput = Static<typeof RateInput>;

export const LatePaymentInput = Type.Object({ date: IsoDateString, amount: Amount }, { additionalProperties: false });

export const LateFeesBody = Type.Object(
  {
    debtor: DebtorKindParam,
    amount: Amount,
    due: Type.Optional(IsoDateString),
    formalNotice: Type.Optional(IsoDateString),
    until: IsoDateString,
    rate: Type.Optional(RatePercent),
    creditor: Type.Optional(CreditorKindParam),
    payments: Type.Optional(Type.Array(LatePaymentInput, { maxItems: 500 })),
    imputation: Type.Optional(ImputationParam),
  },
  { additionalProperties: false },
);
export type LateFeesBody = Static<typeof LateFeesBody>;

export const RatePeriod = Type.Object({
  from: IsoDateString,
  to: IsoDateString,
  days: Type.Integer(),
  ratePercent: RatePercent,
  halfYear: HalfYearString,
  basis: Type.Union([
    Type.Literal('ecb-plus-10'),
    Type.Literal('contract'),
    Type.Literal('legal-other'),
    Type.Literal('legal-individual'),
    Type.Literal('legal-plus-5'),
  ]),
});

export const LegalWarning = Type.Object({ code: Type.String(), message: Type.String(), halfYear: Type.Optional(HalfYearString) });

export const LateFeesResult = Type.Object({
  daysLate: Type.Integer(),
  interest: Amount,
  indemnity: Amount,
  principalDue: Amount,
  interestDue: Amount,
  overpaid: Amount,
  periods: Type.Array(RatePeriod),
  warnings: Type.Array(LegalWarning),
  articles: Type.Array(Type.String()),
});
export type LateFeesResult = Static<typeof LateFeesResult>;

export const PrescriptionBody = Type.Object(
  { debtor: DebtorKindParam, due: IsoDateString, interruptions: Type.Optional(Type.Array(IsoDateString, { maxItems: 200 })) },
  { additionalProperties: false },
);
export const PrescriptionResult = Type.Object({
  lastDay: IsoDateString,
  years: Type.Integer(),
  runsFrom: IsoDateString,
  article: Type.String(),
  ignoredInterruptions: Type.Array(IsoDateString),
});
export type PrescriptionResult = Static<typeof PrescriptionResult>;

export const SmallClaimsBody = Type.Object(
  {
    principal: Amount,
    interest: Amount,
    cause: Type.Optional(Type.Union([Type.Literal('contractual'), Type.Literal('statutory'), Type.Literal('other')])),
  },
  { additionalProperties: false },
);
export const SmallClaimsResult = Type.Object({
  eligible: Type.Boolean(),
  total: Amount,
  limit: Amount,
  reason: Type.String(),
  article: Type.String(),
});
export type SmallClaimsResult = Static<typeof SmallClaimsResult>;

export const ClaimQuery = Type.Object({ date: Type.Optional(IsoDateString) }, { additionalProperties: false });

export const ClaimLine = Type.Object({
  invoiceId: Type.String({ format: 'uuid' }),
  number: Type.String(),
  dueDate: Nullable(IsoDateString),
  currency: Type.String(),
  daysLate: Type.Integer(),
  principalDue: Amount,
  interest: Amount,
  interestDue: Amount,
  indemnity: Amount,
  prescriptionLastDay: Nullable(IsoDateString),
  periods: Type.Array(RatePeriod),
  warnings: Type.Array(LegalWarning),
});

export const DebtorClaim = Type.Object({
  date: IsoDateString,
  debtorKind: DebtorKindParam,
  currency: Type.String(),
  principalDue: Amount,
  interestDue: Amount,
  indemnity: Amount,
  total: Amount,
  smallClaimsEligible: Type.Boolean(),
  note: Nullable(Type.String()),
  lines: Type.Array(ClaimLine),
  articles: Type.Array(Type.String()),
});
export type DebtorClaim = Static<typeof DebtorClaim>;

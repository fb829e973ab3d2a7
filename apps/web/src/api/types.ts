/**
 * Every shape that crosses the API comes from @amiable/contract. Types the
 * contract exports only as schemas are derived here with Static<>, never
 * written by hand.
 */
import type {
  Accepted,
  Activity,
  Creditor,
  DebtorSummary,
  ImportBatch,
  InvoiceSummary,
  Note,
  Page,
  Payment,
  AgingQuery as AgingQuerySchema,
  ActivityQuery as ActivityQuerySchema,
  PaymentListQuery as PaymentListQuerySchema,
  ImportListQuery as ImportListQuerySchema,
  SwitchTenantBody as SwitchTenantBodySchema,
  PasswordResetRequestBody as PasswordResetRequestBodySchema,
  PasswordResetConfirmBody as PasswordResetConfirmBodySchema,
  NoteInput as NoteInputSchema,
  ContactPatch as ContactPatchSchema,
  DisputeInput as DisputeInputSchema,
  ResolveDisputeInput as ResolveDisputeInputSchema,
  ImportPreviewBody as ImportPreviewBodySchema,
  ImportConfirmBody as ImportConfirmBodySchema,
  ImportMode as ImportModeSchema,
  ImportStatus as ImportStatusSchema,
  ColumnMapping as ColumnMappingSchema,
  DebtorKind as DebtorKindSchema,
  DebtorKindParam as DebtorKindParamSchema,
  CreditorKindParam as CreditorKindParamSchema,
  ImputationParam as ImputationParamSchema,
  RatePeriod as RatePeriodSchema,
  LegalWarning as LegalWarningSchema,
  PrescriptionBody as PrescriptionBodySchema,
  SmallClaimsBody as SmallClaimsBodySchema,
  ClaimLine as ClaimLineSchema,
  Channel as ChannelSchema,
  CaseState as CaseStateSchema,
  ClosedReason as ClosedReasonSchema,
  DispatchStatus as DispatchStatusSchema,
  DispatchQuery as DispatchQuerySchema,
  CaseQuery as CaseQuerySchema,
  CaseTransitionDto as CaseTransitionDtoSchema,
  CaseTransitionInput as CaseTransitionInputSchema,
  PromiseDto as PromiseDtoSchema,
  PromiseInput as PromiseInputSchema,
  ApprovalDecision as ApprovalDecisionSchema,
  ReviewResolution as ReviewResolutionSchema,
  PlanRun as PlanRunSchema,
  CallOutcome as CallOutcomeBody,
  CampaignStatus as CampaignStatusSchema,
  CampaignChannel as CampaignChannelSchema,
  CampaignCaseState as CampaignCaseStateSchema,
  CampaignQuery as CampaignQuerySchema,
} from '@amiable/contract';
import type { Static, TSchema } from 'typebox';

export type {
  AgingBucket,
  AgingLine,
  AgingReport,
  AmountByCurrency,
  Contact,
  ContactInput,
  Creditor,
  CreditorInput,
  Debtor,
  DebtorListQuery,
  DebtorPatch,
  DebtorSummary,
  Dispute,
  ErrorBody,
  FieldIssue,
  ImportBatch,
  ImportPreview,
  Invoice,
  InvoiceListQuery,
  InvoiceStatus,
  InvoiceSummary,
  LoginBody,
  Me,
  Note,
  Payment,
  RejectedRow,
  Role,
  Activity,
  Allocation,
  RateRow,
  RateTableResponse,
  RateInput,
  LateFeesBody,
  LateFeesResult,
  PrescriptionResult,
  SmallClaimsResult,
  DebtorClaim,
  ScenarioStepDto,
  ScenarioDto,
  ScenarioInput,
  SegmentRuleDto,
  SegmentRules,
  ContactPolicyDto,
  DispatchDto,
  CallOutcome,
  CaseSummary,
  CaseDetail,
  CaseAgent,
  CreditorDefaultAgent,
  CaseAssigneeInput,
  CasesAssigneeInput,
  CasesAssigneeResult,
  PlannedActionDto,
  Preview,
  CampaignDto,
  CampaignFilter,
  CampaignInput,
  CampaignPreview,
  CampaignPreviewInput,
  AgencyProfileDto,
  AgencyProfileInput,
} from '@amiable/contract';

/** `{ items, nextCursor }` for a given item schema. */
export type PageOf<S extends TSchema> = Static<ReturnType<typeof Page<S>>>;

export type InvoicePage = PageOf<typeof InvoiceSummary>;
export type DebtorPage = PageOf<typeof DebtorSummary>;
export type CreditorPage = PageOf<typeof Creditor>;
export type NotePage = PageOf<typeof Note>;
export type ActivityPage = PageOf<typeof Activity>;
export type PaymentPage = PageOf<typeof Payment>;
export type ImportBatchPage = PageOf<typeof ImportBatch>;

export type AgingQuery = Static<typeof AgingQuerySchema>;
export type ActivityQuery = Static<typeof ActivityQuerySchema>;
export type PaymentListQuery = Static<typeof PaymentListQuerySchema>;
export type ImportListQuery = Static<typeof ImportListQuerySchema>;
export type AcceptedResponse = Static<typeof Accepted>;
export type SwitchTenantBody = Static<typeof SwitchTenantBodySchema>;
export type PasswordResetRequestBody = Static<typeof PasswordResetRequestBodySchema>;
export type PasswordResetConfirmBody = Static<typeof PasswordResetConfirmBodySchema>;
export type NoteInput = Static<typeof NoteInputSchema>;
export type ContactPatch = Static<typeof ContactPatchSchema>;
export type DisputeInput = Static<typeof DisputeInputSchema>;
export type ResolveDisputeInput = Static<typeof ResolveDisputeInputSchema>;
export type ImportPreviewBody = Static<typeof ImportPreviewBodySchema>;
export type ImportConfirmBody = Static<typeof ImportConfirmBodySchema>;
export type ImportMode = Static<typeof ImportModeSchema>;
export type ImportStatus = Static<typeof ImportStatusSchema>;
export type ColumnMapping = Static<typeof ColumnMappingSchema>;
export type DebtorKind = Static<typeof DebtorKindSchema>;

// Legal engine: rates table and calculators.
export type LegalDebtorKind = Static<typeof DebtorKindParamSchema>;
export type LegalCreditorKind = Static<typeof CreditorKindParamSchema>;
export type Imputation = Static<typeof ImputationParamSchema>;
export type RatePeriod = Static<typeof RatePeriodSchema>;
export type RateBasis = RatePeriod['basis'];
export type LegalWarning = Static<typeof LegalWarningSchema>;
export type PrescriptionBody = Static<typeof PrescriptionBodySchema>;
export type SmallClaimsBody = Static<typeof SmallClaimsBodySchema>;
export type ClaimCause = NonNullable<SmallClaimsBody['cause']>;

// A debtor's claim: what may be claimed on a date, per open invoice and summed.
export type ClaimLine = Static<typeof ClaimLineSchema>;

// Recovery: scenarios, cases (dossiers), actions (dispatches) and the planner.
export type Channel = Static<typeof ChannelSchema>;
export type CaseState = Static<typeof CaseStateSchema>;
export type ClosedReason = Static<typeof ClosedReasonSchema>;
export type DispatchStatus = Static<typeof DispatchStatusSchema>;
export type DispatchQuery = Static<typeof DispatchQuerySchema>;
export type DispatchView = NonNullable<DispatchQuery['view']>;
export type CaseQuery = Static<typeof CaseQuerySchema>;
export type CaseTransition = Static<typeof CaseTransitionDtoSchema>;
export type CaseTransitionInput = Static<typeof CaseTransitionInputSchema>;
export type CasePromise = Static<typeof PromiseDtoSchema>;
export type PromiseInput = Static<typeof PromiseInputSchema>;
export type ApprovalDecision = Static<typeof ApprovalDecisionSchema>;
export type ReviewResolution = Static<typeof ReviewResolutionSchema>;
export type PlanRun = Static<typeof PlanRunSchema>;
export type OutcomeKind = CallOutcomeBody['outcome'];

// Bulk campaigns: one template to the cases a filter selects, under the rules of contact.
export type CampaignStatus = Static<typeof CampaignStatusSchema>;
export type CampaignChannel = Static<typeof CampaignChannelSchema>;
export type CampaignCaseState = Static<typeof CampaignCaseStateSchema>;
export type CampaignQuery = Static<typeof CampaignQuerySchema>;

// Letters: the catalog, versioned texts with their check and preview, the archive of documents.
export type {
  DocumentDelivery,
  DocumentDto,
  EmailPreview,
  LetterCatalog,
  LetterTemplateDto,
  LetterTemplateFields,
  LetterTemplateVersion,
  LetterTypeId,
  LetterVariableDoc,
  MentionDto,
  MissingMentionDto,
  PendingLetterDto,
  ProduceLetterInput,
  TemplateCheckInput,
  TemplateCheckResult,
  TemplateFieldId,
  TemplateIssueDto,
  TemplatePreviewInput,
  TemplateSaveInput,
} from '@amiable/contract';

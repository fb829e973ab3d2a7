/**
 * Stable error codes. Clients match on them; the API maps each to one HTTP
 * status (apps/api/src/http-errors.ts) and the i18n package gives each a French
 * and an English message. Renaming one is a breaking change.
 */
export const ERROR_CODES = {
  /** One or more input fields are invalid; `issues` lists each. Fix the input, then retry. */
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  /** The resource does not exist in the caller's tenant (or belongs to another: the answer is the same). */
  NOT_FOUND: 'NOT_FOUND',
  /** No valid session or API key was presented. */
  AUTH_REQUIRED: 'AUTH_REQUIRED',
  /** E-mail or password is wrong; deliberately does not say which, nor whether the account exists. */
  AUTH_INVALID_CREDENTIALS: 'AUTH_INVALID_CREDENTIALS',
  /** Too many failed attempts for this account or address; retry after `retryAfterSeconds`. */
  AUTH_RATE_LIMITED: 'AUTH_RATE_LIMITED',
  /** The caller's role does not allow this action. */
  AUTH_FORBIDDEN: 'AUTH_FORBIDDEN',
  /** The password-reset or invitation link is unknown, used or expired. Ask for a new one. */
  AUTH_RESET_TOKEN_INVALID: 'AUTH_RESET_TOKEN_INVALID',
  /** The cross-site request check failed (missing or foreign Origin on a cookie-authenticated write). */
  AUTH_CSRF: 'AUTH_CSRF',
  /** A record with the same business key already exists (e.g. invoice number for this creditor). */
  CONFLICT: 'CONFLICT',
  /** The owner of a tenant cannot remove or demote themselves when they are the last owner. */
  LAST_OWNER: 'LAST_OWNER',
  /** A file had bad rows and the import was all-or-nothing: nothing was written. `issues` lists every bad row. */
  IMPORT_REJECTED: 'IMPORT_REJECTED',
  /** The file is neither CSV, XLSX, Factur-X/ZUGFeRD PDF, CII nor UBL. */
  IMPORT_UNSUPPORTED_FORMAT: 'IMPORT_UNSUPPORTED_FORMAT',
  /** The file has no data rows. */
  IMPORT_EMPTY_FILE: 'IMPORT_EMPTY_FILE',
  /** A required column is not mapped (invoice number, dates, amount, debtor). */
  IMPORT_MAPPING_INCOMPLETE: 'IMPORT_MAPPING_INCOMPLETE',
  /** The tenant has several creditors and none was chosen or recognised from the file. */
  IMPORT_CREDITOR_REQUIRED: 'IMPORT_CREDITOR_REQUIRED',
  /** The import is still running or was already confirmed. */
  IMPORT_NOT_PENDING: 'IMPORT_NOT_PENDING',
  /** The upload is larger than the configured limit. */
  FILE_TOO_LARGE: 'FILE_TOO_LARGE',
  /** The uploaded file's content does not match an allowed type (checked on its bytes, not its name). */
  FILE_TYPE_NOT_ALLOWED: 'FILE_TYPE_NOT_ALLOWED',
  /** Allocating this amount would settle more than the invoice's outstanding balance. */
  ALLOCATION_EXCEEDS_OUTSTANDING: 'ALLOCATION_EXCEEDS_OUTSTANDING',
  /** Allocating this amount would use more than the payment's (or credit note's) unallocated amount. */
  ALLOCATION_EXCEEDS_AVAILABLE: 'ALLOCATION_EXCEEDS_AVAILABLE',
  /** Payment and invoice are in different currencies; Amiable never converts silently. */
  CURRENCY_MISMATCH: 'CURRENCY_MISMATCH',
  /** The payment, credit note and invoice must belong to the same debtor and creditor. */
  ALLOCATION_PARTIES_MISMATCH: 'ALLOCATION_PARTIES_MISMATCH',
  /** The payment or allocation was already reversed. */
  ALREADY_REVERSED: 'ALREADY_REVERSED',
  /** The invoice already has an open dispute. */
  DISPUTE_ALREADY_OPEN: 'DISPUTE_ALREADY_OPEN',
  /** The creditor still has invoices or payments and cannot be deleted. */
  CREDITOR_IN_USE: 'CREDITOR_IN_USE',
  /** The campaign was already launched or cancelled: it can no longer be changed or launched. */
  CAMPAIGN_NOT_DRAFT: 'CAMPAIGN_NOT_DRAFT',
  /** No case matches the campaign's filter (or none has an address for its channel): nothing was launched. */
  CAMPAIGN_EMPTY: 'CAMPAIGN_EMPTY',
  /** An agency letter needs the tenant's agency identity (Paramètres › Agence de recouvrement); an owner saves it. */
  AGENCY_PROFILE_MISSING: 'AGENCY_PROFILE_MISSING',
  /** Only a tenant of kind "agency" writes on its clients' behalf: a company has no agency identity. */
  TENANT_NOT_AGENCY: 'TENANT_NOT_AGENCY',
  /** The service is starting or shutting down. Retry shortly. */
  /** The rates table lacks a half-year the computation needs (params.halfYear); an owner can add it. */
  RATE_MISSING: 'RATE_MISSING',
  UNAVAILABLE: 'UNAVAILABLE',
  /** Unexpected failure; the request changed nothing. The log has the details under `requestId`. */
  INTERNAL: 'INTERNAL',
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

/** What is wrong with one field. Messages live in the i18n package. */
export const FIELD_ISSUE_CODES = [
  'required',
  'invalid_format',
  'invalid_date',
  'invalid_amount',
  'negative_amount',
  'amount_too_large',
  'invalid_currency',
  'invalid_siren',
  'invalid_siret',
  'siret_siren_mismatch',
  'invalid_vat',
  'invalid_iban',
  'invalid_bic',
  'invalid_email',
  'invalid_phone',
  'invalid_choice',
  'too_long',
  'too_short',
  'out_of_range',
  'due_before_issue',
  'amount_excl_above_incl',
  'outstanding_above_total',
  'duplicate_in_file',
  'unknown_column',
  'unknown_field',
  'creditor_mismatch',
  'below_settled',
  'weak_password',
  'invalid_value',
  'locked_by_payments',
  'not_an_agent',
  'unknown_case',
  'after_until',
  'invalid_iso_date',
  'duplicate_value',
  'invalid_template',
  'missing_mention',
  'not_after_previous',
  'before_letter_date',
  'plan_below_due',
] as const;
export type FieldIssueCode = (typeof FIELD_ISSUE_CODES)[number];

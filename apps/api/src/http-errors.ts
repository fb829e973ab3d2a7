/**
 * The only place where error codes become HTTP statuses. Use cases return codes;
 * this table decides what a client sees.
 */
import type { AppError, ErrorCode, FieldIssue } from '@amiable/domain';
import { type Locale, errorMessage, issueMessage } from '@amiable/i18n';
import type { FastifyReply } from 'fastify';

export const STATUS_OF: Readonly<Record<ErrorCode, number>> = {
  VALIDATION_FAILED: 400,
  NOT_FOUND: 404,
  AUTH_REQUIRED: 401,
  AUTH_INVALID_CREDENTIALS: 401,
  AUTH_RATE_LIMITED: 429,
  AUTH_FORBIDDEN: 403,
  AUTH_RESET_TOKEN_INVALID: 400,
  AUTH_CSRF: 403,
  CONFLICT: 409,
  LAST_OWNER: 409,
  IMPORT_REJECTED: 422,
  IMPORT_UNSUPPORTED_FORMAT: 415,
  IMPORT_EMPTY_FILE: 422,
  IMPORT_MAPPING_INCOMPLETE: 422,
  IMPORT_CREDITOR_REQUIRED: 422,
  IMPORT_NOT_PENDING: 409,
  FILE_TOO_LARGE: 413,
  FILE_TYPE_NOT_ALLOWED: 415,
  ALLOCATION_EXCEEDS_OUTSTANDING: 409,
  ALLOCATION_EXCEEDS_AVAILABLE: 409,
  CURRENCY_MISMATCH: 409,
  ALLOCATION_PARTIES_MISMATCH: 409,
  ALREADY_REVERSED: 409,
  DISPUTE_ALREADY_OPEN: 409,
  CREDITOR_IN_USE: 409,
  RATE_MISSING: 422,
  AGENCY_PROFILE_MISSING: 422,
  TENANT_NOT_AGENCY: 409,
  CAMPAIGN_NOT_DRAFT: 409,
  CAMPAIGN_EMPTY: 422,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

export interface ErrorBodyOut {
  code: string;
  message: string;
  issues?: { field: string; code: string; message: string; line?: number }[];
  requestId: string;
}

export function errorBody(error: AppError, locale: Locale, requestId: string): ErrorBodyOut {
  const body: ErrorBodyOut = { code: error.code, message: errorMessage(locale, error.code, { ...error.params, requestId }), requestId };
  if (error.issues && error.issues.length > 0) {
    body.issues = error.issues.map((issue: FieldIssue) => ({
      field: issue.field,
      code: issue.code,
      message: issueMessage(locale, issue),
      ...(issue.line !== undefined ? { line: issue.line } : {}),
    }));
  }
  return body;
}

/** Thrown inside route handlers to leave through the error handler with a stable code. */
export class HttpProblem extends Error {
  constructor(readonly problem: AppError) {
    super(problem.code);
  }
}

export function fail(error: AppError): never {
  throw new HttpProblem(error);
}

export function sendError(reply: FastifyReply, error: AppError, locale: Locale): FastifyReply {
  const status = STATUS_OF[error.code] ?? 500;
  if (error.code === 'AUTH_RATE_LIMITED' && error.params?.retryAfterSeconds)
    reply.header('retry-after', String(error.params.retryAfterSeconds));
  return reply.status(status).send(errorBody(error, locale, reply.request.id));
}

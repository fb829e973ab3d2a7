import type { ErrorCode, FieldIssueCode } from './error-codes.js';

/** A problem with one input field: `field` names it as the user knows it (API property, CSV column, CLI flag). */
export interface FieldIssue {
  readonly field: string;
  readonly code: FieldIssueCode;
  readonly params?: Readonly<Record<string, string | number>>;
  /** 1-based line of a file, when the field comes from a file row. */
  readonly line?: number;
}

/**
 * An expected failure, as a value. `code` is stable (clients and tests match on
 * it); the message is produced at the edge, in the user's language, from the
 * code and its params.
 */
export interface AppError {
  readonly code: ErrorCode;
  readonly params?: Readonly<Record<string, string | number>>;
  readonly issues?: readonly FieldIssue[];
}

export type Result<T, E = AppError> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function err(
  code: ErrorCode,
  params?: AppError['params'],
  issues?: readonly FieldIssue[],
): { readonly ok: false; readonly error: AppError } {
  const error: AppError = { code, ...(params ? { params } : {}), ...(issues ? { issues } : {}) };
  return { ok: false, error };
}

export function invalid(issues: readonly FieldIssue[]): { readonly ok: false; readonly error: AppError } {
  return err('VALIDATION_FAILED', undefined, issues);
}

export function issue(field: string, code: FieldIssueCode, params?: FieldIssue['params']): FieldIssue {
  return params ? { field, code, params } : { field, code };
}

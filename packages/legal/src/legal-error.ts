/**
 * What the engine refuses to compute, as the product's error values (stable codes,
 * messages made at the edge in the user's language):
 * - RATE_MISSING (params.halfYear): the rates table lacks a half-year the computation needs;
 * - VALIDATION_FAILED: an input out of its domain, the issue naming the field
 *   ("amount", "payments[2].date"…), as the CLI flags and API properties are named.
 */
import { type AppError, type FieldIssueCode, err, invalid as invalidIssues, issue } from '@amiable/domain';

export type LegalError = AppError;

export function rateMissing(halfYear: string): { readonly ok: false; readonly error: AppError } {
  return err('RATE_MISSING', { halfYear });
}

export function invalid(field: string, code: FieldIssueCode): AppError {
  return invalidIssues([issue(field, code)]).error;
}

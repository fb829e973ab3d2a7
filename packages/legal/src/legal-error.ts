/**
 * What the engine refuses to compute, as values with stable codes. Messages are
 * made at the edge (API, CLI, web) in the user's language from code and params.
 */
export type LegalErrorCode =
  /** The rates table lacks a half-year the computation needs (params.halfYear). */
  | 'RATE_MISSING'
  /** An input is out of its domain (params.field names it: "payments[2].date", "until"…). */
  | 'LEGAL_INPUT_INVALID';

export interface LegalError {
  readonly code: LegalErrorCode;
  readonly params: Readonly<Record<string, string>>;
}

export function legalError(code: LegalErrorCode, params: Record<string, string>): LegalError {
  return { code, params };
}

export function invalid(field: string, reason: string): LegalError {
  return legalError('LEGAL_INPUT_INVALID', { field, reason });
}

/** The rate form as plain data, and its translation into the PUT body (rates parsed as strings, never floats). */
import type { RateInput, RateRow } from '../../api/types';
import { type UiLanguage, parsePercentInput, percentInputText } from '../../lib/format';

export interface RateFormValues {
  readonly halfYear: string;
  readonly ecbRate: string;
  readonly legalRateIndividual: string;
  readonly legalRateOther: string;
  readonly source: string;
}

export type RateField = keyof RateFormValues;
export const RATE_FIELDS: readonly RateField[] = ['halfYear', 'ecbRate', 'legalRateIndividual', 'legalRateOther', 'source'];
export type RateProblem = 'invalidHalfYear' | 'invalidRate' | 'sourceTooShort';

export const EMPTY_RATE_FORM: RateFormValues = { halfYear: '', ecbRate: '', legalRateIndividual: '', legalRateOther: '', source: '' };

/** A row to correct: its rates as the user would type them; the source of the correction is asked again. */
export function rateFormOf(row: RateRow, language: UiLanguage): RateFormValues {
  return {
    halfYear: row.halfYear,
    ecbRate: percentInputText(language, row.ecbRate),
    legalRateIndividual: percentInputText(language, row.legalRateIndividual),
    legalRateOther: percentInputText(language, row.legalRateOther),
    source: '',
  };
}

const HALF_YEAR_RE = /^\d{4}-H[12]$/;

export function rateBody(
  values: RateFormValues,
): { halfYear: string; body: RateInput } | { problems: Partial<Record<RateField, RateProblem>> } {
  const problems: Partial<Record<RateField, RateProblem>> = {};
  const halfYear = values.halfYear.trim().toUpperCase();
  if (!HALF_YEAR_RE.test(halfYear)) problems.halfYear = 'invalidHalfYear';
  const ecbRate = parsePercentInput(values.ecbRate);
  const legalRateIndividual = parsePercentInput(values.legalRateIndividual);
  const legalRateOther = parsePercentInput(values.legalRateOther);
  if (ecbRate === null) problems.ecbRate = 'invalidRate';
  if (legalRateIndividual === null) problems.legalRateIndividual = 'invalidRate';
  if (legalRateOther === null) problems.legalRateOther = 'invalidRate';
  const source = values.source.trim();
  if (source.length < 3) problems.source = 'sourceTooShort';
  if (ecbRate === null || legalRateIndividual === null || legalRateOther === null || Object.keys(problems).length > 0) return { problems };
  return { halfYear, body: { ecbRate, legalRateIndividual, legalRateOther, source } };
}

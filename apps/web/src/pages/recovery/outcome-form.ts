import { isIsoDate } from '@amiable/domain';
import type { CallOutcome, OutcomeKind } from '../../api/types';

export const OUTCOMES: readonly OutcomeKind[] = [
  'reached',
  'no-answer',
  'wrong-number',
  'promise',
  'dispute',
  'payment-plan',
  'paid-already',
];

export interface OutcomeValues {
  readonly outcome: OutcomeKind | '';
  readonly note: string;
  readonly promiseUntil: string;
  readonly promiseAmount: string;
  readonly disputeReason: string;
}

export const EMPTY_OUTCOME: OutcomeValues = { outcome: '', note: '', promiseUntil: '', promiseAmount: '', disputeReason: '' };

export type OutcomeField = 'outcome' | 'promiseUntil' | 'promiseAmount' | 'disputeReason';
export type OutcomeProblem = 'required' | 'invalidAmount';

/**
 * The body of POST /recovery/dispatches/{id}/outcome, or what is missing. The promise fields go only with
 * a promise and the reason only with a dispute; `parseAmount` reads an amount typed in the UI language.
 */
export function outcomeBody(
  values: OutcomeValues,
  parseAmount: (text: string) => string | null,
): { body: CallOutcome } | { problems: Partial<Record<OutcomeField, OutcomeProblem>> } {
  const problems: Partial<Record<OutcomeField, OutcomeProblem>> = {};
  if (values.outcome === '') return { problems: { outcome: 'required' } };
  const body: CallOutcome = { outcome: values.outcome };
  const note = values.note.trim();
  if (note) body.note = note;
  if (values.outcome === 'promise') {
    if (isIsoDate(values.promiseUntil)) body.promiseUntil = values.promiseUntil;
    else problems.promiseUntil = 'required';
    if (values.promiseAmount.trim()) {
      const amount = parseAmount(values.promiseAmount);
      if (amount === null) problems.promiseAmount = 'invalidAmount';
      else body.promiseAmount = amount;
    }
  }
  if (values.outcome === 'dispute') {
    const reason = values.disputeReason.trim();
    if (reason) body.disputeReason = reason;
    else problems.disputeReason = 'required';
  }
  return Object.keys(problems).length > 0 ? { problems } : { body };
}

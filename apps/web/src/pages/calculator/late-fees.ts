/**
 * The late-fees form as plain data, and its translation into the API body. Amounts and
 * rates are turned into the API's canonical strings ("1200.00", "12.15") by the string
 * parsers of lib/format: no float touches them.
 */
import type { Imputation, LateFeesBody, LegalCreditorKind, LegalDebtorKind } from '../../api/types';
import { parsePercentInput } from '../../lib/format';

export interface PaymentLine {
  /** Stable React key: rows can be removed from the middle. */
  readonly key: number;
  readonly date: string;
  readonly amount: string;
}

export interface LateFeesValues {
  readonly debtor: LegalDebtorKind;
  readonly amount: string;
  readonly due: string;
  readonly formalNotice: string;
  readonly until: string;
  readonly rate: string;
  readonly creditor: LegalCreditorKind;
  readonly imputation: Imputation;
  readonly payments: readonly PaymentLine[];
}

export type InputProblem = 'invalidAmount' | 'invalidRate' | 'requiredDate';

/** Problems found before sending, by API field path ("amount", "payments.1.date"). */
export type InputProblems = Readonly<Record<string, InputProblem>>;

export const DEBTOR_KINDS: readonly LegalDebtorKind[] = ['business', 'consumer'];
export const CREDITOR_KINDS: readonly LegalCreditorKind[] = ['company', 'individual'];
export const IMPUTATIONS: readonly Imputation[] = ['interest-first', 'principal-first'];

export function initialLateFees(today: string): LateFeesValues {
  return {
    debtor: 'business',
    amount: '',
    due: '',
    formalNotice: '',
    until: today,
    rate: '',
    creditor: 'company',
    imputation: 'interest-first',
    payments: [],
  };
}

const ISO_DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
export const isDate = (text: string) => ISO_DATE_RE.test(text);

export type ParseAmount = (text: string) => string | null;

/** The body to send, or the problems to show next to the inputs. */
export function lateFeesBody(values: LateFeesValues, parseAmount: ParseAmount): { body: LateFeesBody } | { problems: InputProblems } {
  const problems: Record<string, InputProblem> = {};
  const amount = parseAmount(values.amount);
  if (amount === null) problems.amount = 'invalidAmount';
  const business = values.debtor === 'business';
  const start = business ? values.due : values.formalNotice;
  if (!isDate(start)) problems[business ? 'due' : 'formalNotice'] = 'requiredDate';
  if (!isDate(values.until)) problems.until = 'requiredDate';
  const rate = business && values.rate.trim() !== '' ? parsePercentInput(values.rate) : undefined;
  if (rate === null) problems.rate = 'invalidRate';
  const payments = values.payments.map((line, index) => {
    const paid = parseAmount(line.amount);
    if (!isDate(line.date)) problems[`payments.${index}.date`] = 'requiredDate';
    if (paid === null) problems[`payments.${index}.amount`] = 'invalidAmount';
    return { date: line.date, amount: paid ?? '' };
  });
  if (Object.keys(problems).length > 0 || amount === null || rate === null) return { problems };

  const body: LateFeesBody = { debtor: values.debtor, amount, until: values.until, imputation: values.imputation };
  if (business) {
    body.due = values.due;
    if (rate !== undefined) body.rate = rate;
  } else {
    body.formalNotice = values.formalNotice;
    body.creditor = values.creditor;
  }
  if (payments.length > 0) body.payments = payments;
  return { body };
}

/**
 * The instalments a payment plan produced from a case states, as the caller
 * typed them: each row's date and amount checked with the row named
 * ("installments[2].dueDate") so the form shows the error next to it. Whether
 * the plan covers the principal due is the letters package's mention check, not
 * this file's: one rule, wherever a plan letter is rendered.
 */
import { type FieldIssue, type IsoDate, JsonReader, formatAmountEn, formatAmountFr } from '@amiable/domain';
import type { Locale } from '@amiable/i18n';
import type { LetterInput, MissingMention } from '@amiable/letters';

export const MAX_INSTALLMENTS = 60;

type Installments = NonNullable<LetterInput['installments']>;

export interface InstallmentRow {
  readonly dueDate?: string | undefined;
  readonly amount?: string | undefined;
}

/** The rows in cents, or every problem: dates strictly increasing and none before the letter's date. */
export function readInstallments(
  rows: readonly InstallmentRow[] | undefined,
  letterDate: IsoDate,
): { ok: true; value: Installments } | { ok: false; issues: readonly FieldIssue[] } {
  const r = new JsonReader();
  if (!rows || rows.length === 0) return { ok: false, issues: [{ field: 'installments', code: 'required' }] };
  if (rows.length > MAX_INSTALLMENTS)
    return { ok: false, issues: [{ field: 'installments', code: 'too_long', params: { max: MAX_INSTALLMENTS } }] };
  const plan: { dueDate: IsoDate; amountCents: number }[] = [];
  let previous: IsoDate | null = null;
  rows.forEach((row, i) => {
    const field = `installments[${i}]`;
    const dueDate = r.date(row.dueDate, `${field}.dueDate`);
    const amountCents = r.amount(row.amount, `${field}.amount`);
    if (dueDate !== null && dueDate < letterDate) r.fail(`${field}.dueDate`, 'before_letter_date', { value: dueDate, date: letterDate });
    else if (dueDate !== null && previous !== null && dueDate <= previous)
      r.fail(`${field}.dueDate`, 'not_after_previous', { value: dueDate, previous });
    if (dueDate !== null) previous = dueDate;
    if (dueDate !== null && amountCents !== null) plan.push({ dueDate, amountCents });
  });
  return r.issues.length > 0 ? { ok: false, issues: r.issues } : { ok: true, value: plan };
}

/**
 * The mention check's refusal of a plan that does not cover the principal, said
 * with both figures in the caller's language on the field the form shows it by;
 * the other issues of the check as check-issues states them.
 */
export function planShortfall(
  missing: readonly MissingMention[],
  input: LetterInput,
  locale: Locale,
): { readonly rest: readonly MissingMention[]; readonly issues: readonly FieldIssue[] } {
  const plan = missing.find((m) => m.mention === 'installments');
  if (!plan || !input.installments?.length) return { rest: missing, issues: [] };
  const money = locale === 'fr' ? formatAmountFr : formatAmountEn;
  const total = input.installments.reduce((s, i) => s + i.amountCents, 0);
  const due = input.invoices.reduce((s, i) => s + i.outstandingCents, 0);
  return {
    rest: missing.filter((m) => m !== plan),
    issues: [{ field: 'installments', code: 'plan_below_due', params: { total: money(total), due: money(due) } }],
  };
}

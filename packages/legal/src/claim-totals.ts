/**
 * What a creditor may claim from a debtor on a date, invoice by invoice and summed:
 * outstanding principal, late-payment penalties or legal interest, and fixed recovery
 * indemnities. The figures letters and screens show. Each invoice is computed by
 * computeLateInterest and recoveryIndemnity; see their headers for the rules.
 */
import { type Cents, type IsoDate, type Result, ok } from '@amiable/domain';
import {
  type CreditorKind,
  type DebtorKind,
  type Imputation,
  type LateInterestWarning,
  type Payment,
  type RatePeriod,
  computeLateInterest,
} from './late-interest.js';
import type { LegalError } from './legal-error.js';
import type { RateTable } from './rates/rate-table.js';
import { recoveryIndemnity } from './recovery-indemnity.js';

export interface ClaimInvoice {
  readonly id: string;
  readonly number: string;
  /** Amount due incl. tax (after credit notes applied at issue), in cents. */
  readonly amountDueCents: Cents;
  readonly dueDate: IsoDate | null;
  /** Payments (and credit-note allocations) with their dates. */
  readonly payments: readonly Payment[];
}

export interface ClaimInput {
  readonly debtor: DebtorKind;
  readonly creditor?: CreditorKind;
  readonly until: IsoDate;
  readonly invoices: readonly ClaimInvoice[];
  /** Consumer debtors: legal interest runs from the formal notice; without one, none yet. */
  readonly formalNoticeDate?: IsoDate | null;
  readonly contractRateBp?: number | null;
  readonly imputation?: Imputation;
  readonly collectiveProceedingsSince?: IsoDate | null;
}

export interface ClaimLine {
  readonly invoiceId: string;
  readonly number: string;
  readonly dueDate: IsoDate | null;
  readonly daysLate: number;
  readonly principalDueCents: Cents;
  readonly interestCents: Cents;
  readonly interestDueCents: Cents;
  readonly indemnityCents: Cents;
  readonly periods: readonly RatePeriod[];
  readonly warnings: readonly LateInterestWarning[];
}

export interface ClaimTotals {
  readonly until: IsoDate;
  readonly lines: readonly ClaimLine[];
  readonly principalDueCents: Cents;
  readonly interestDueCents: Cents;
  readonly indemnityCents: Cents;
  /** Principal + interest + indemnities still due. */
  readonly totalCents: Cents;
  /** Why there is no interest yet, when that is the case. */
  readonly note: 'consumer-without-formal-notice' | null;
}

export function claimTotals(input: ClaimInput, table: RateTable): Result<ClaimTotals, LegalError> {
  const lines: ClaimLine[] = [];
  const consumerWithoutNotice = input.debtor === 'consumer' && !input.formalNoticeDate;
  for (const invoice of input.invoices) {
    const paidByDue = invoice.dueDate
      ? invoice.payments.filter((p) => p.date <= (invoice.dueDate as IsoDate)).reduce((s, p) => s + p.cents, 0)
      : 0;
    const indemnity = recoveryIndemnity({
      debtor: input.debtor,
      dueDate: invoice.dueDate,
      until: input.until,
      unpaidAfterDueCents: invoice.amountDueCents - paidByDue,
      collectiveProceedingsSince: input.collectiveProceedingsSince ?? null,
    });
    const applicable = input.debtor === 'business' ? invoice.dueDate !== null : !consumerWithoutNotice;
    const payments = invoice.payments.filter((p) => p.date <= input.until);
    if (!applicable) {
      const paid = payments.reduce((s, p) => s + p.cents, 0);
      lines.push(
        lineOf(
          invoice,
          {
            daysLate: 0,
            principalDueCents: Math.max(0, invoice.amountDueCents - paid),
            interestCents: 0,
            interestDueCents: 0,
            periods: [],
            warnings: [],
          },
          indemnity.cents,
        ),
      );
      continue;
    }
    const computed = computeLateInterest(
      {
        debtor: input.debtor,
        principalCents: invoice.amountDueCents,
        dueDate: invoice.dueDate,
        formalNoticeDate: input.formalNoticeDate ?? null,
        until: input.until,
        payments,
        contractRateBp: input.debtor === 'business' ? (input.contractRateBp ?? null) : null,
        creditor: input.creditor ?? 'company',
        imputation: input.imputation ?? 'interest-first',
      },
      table,
    );
    if (!computed.ok) return computed;
    lines.push(lineOf(invoice, computed.value, indemnity.cents));
  }
  const sum = (pick: (line: ClaimLine) => number) => lines.reduce((s, line) => s + pick(line), 0);
  const principalDueCents = sum((l) => l.principalDueCents);
  const interestDueCents = sum((l) => l.interestDueCents);
  const indemnityCents = sum((l) => l.indemnityCents);
  return ok({
    until: input.until,
    lines,
    principalDueCents,
    interestDueCents,
    indemnityCents,
    totalCents: principalDueCents + interestDueCents + indemnityCents,
    note: consumerWithoutNotice ? 'consumer-without-formal-notice' : null,
  });
}

function lineOf(
  invoice: ClaimInvoice,
  computed: Pick<ClaimLine, 'daysLate' | 'principalDueCents' | 'interestCents' | 'interestDueCents' | 'periods' | 'warnings'>,
  indemnityCents: Cents,
): ClaimLine {
  return { invoiceId: invoice.id, number: invoice.number, dueDate: invoice.dueDate, indemnityCents, ...computed };
}

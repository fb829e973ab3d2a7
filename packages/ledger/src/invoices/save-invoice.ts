import {
  type Cents,
  type DocumentKind,
  type FieldIssue,
  type IsoDate,
  type Result,
  err,
  invalid,
  isCurrencyCode,
  isIsoDate,
  issue,
  ok,
} from '@amiable/domain';
import type { UseCaseContext } from '../actor.js';
import { recordActivity } from '../record-activity.js';
import { changes, cleanText } from '../normalize.js';
import type { LedgerStore } from '../ports.js';
import type { InvoiceSource, LedgerInvoice } from '../records.js';

export interface NewInvoiceInput {
  readonly creditorId: string;
  readonly debtorId: string;
  readonly kind?: DocumentKind | undefined;
  readonly number: string;
  readonly issueDate: IsoDate;
  readonly dueDate?: IsoDate | null | undefined;
  readonly currency?: string | undefined;
  readonly amountExclTaxCents?: Cents | null | undefined;
  readonly amountInclTaxCents: Cents;
  /** Defaults to the amount including tax (nothing prepaid). */
  readonly amountDueCents?: Cents | undefined;
  readonly orderReference?: string | null | undefined;
  readonly contractReference?: string | null | undefined;
  readonly description?: string | null | undefined;
  readonly paymentReference?: string | null | undefined;
  readonly paymentTerms?: string | null | undefined;
  readonly source?: InvoiceSource | undefined;
}

function checkAmounts(excl: Cents | null, incl: Cents, due: Cents, issues: FieldIssue[]): void {
  if (incl < 0) issues.push(issue('amountInclTax', 'negative_amount', { value: incl / 100 }));
  if (due < 0) issues.push(issue('amountDue', 'negative_amount', { value: due / 100 }));
  if (excl !== null && excl < 0) issues.push(issue('amountExclTax', 'negative_amount', { value: excl / 100 }));
  if (excl !== null && excl > incl) issues.push(issue('amountExclTax', 'amount_excl_above_incl', { excl: excl / 100, incl: incl / 100 }));
}

export async function createInvoice(input: NewInvoiceInput, ctx: UseCaseContext, store: LedgerStore): Promise<Result<LedgerInvoice>> {
  const issues: FieldIssue[] = [];
  const creditor = await store.creditors.get(input.creditorId);
  if (!creditor) issues.push(issue('creditorId', 'invalid_value', { value: input.creditorId }));
  const debtor = await store.debtors.get(input.debtorId);
  if (!debtor) issues.push(issue('debtorId', 'invalid_value', { value: input.debtorId }));
  const number = cleanText(input.number);
  if (!number) issues.push(issue('number', 'required'));
  if (!isIsoDate(input.issueDate)) issues.push(issue('issueDate', 'invalid_date', { value: input.issueDate }));
  const dueDate = input.dueDate ?? null;
  if (dueDate !== null && !isIsoDate(dueDate)) issues.push(issue('dueDate', 'invalid_date', { value: dueDate }));
  if (dueDate !== null && isIsoDate(dueDate) && isIsoDate(input.issueDate) && dueDate < input.issueDate) {
    issues.push(issue('dueDate', 'due_before_issue', { due: dueDate, issue: input.issueDate }));
  }
  const currency = (input.currency ?? 'EUR').toUpperCase();
  if (!isCurrencyCode(currency)) issues.push(issue('currency', 'invalid_currency', { value: currency }));
  const amountDue = input.amountDueCents ?? input.amountInclTaxCents;
  checkAmounts(input.amountExclTaxCents ?? null, input.amountInclTaxCents, amountDue, issues);
  if (issues.length > 0) return invalid(issues);

  const now = ctx.clock.now();
  const invoice: LedgerInvoice = {
    id: ctx.ids.newId(),
    creditorId: input.creditorId,
    debtorId: input.debtorId,
    kind: input.kind ?? 'invoice',
    number: number ?? '',
    issueDate: input.issueDate,
    dueDate,
    currency,
    amountExclTaxCents: input.amountExclTaxCents ?? null,
    amountInclTaxCents: input.amountInclTaxCents,
    amountDueCents: amountDue,
    paidOutsideCents: 0,
    settledCents: 0,
    outstandingCents: amountDue,
    orderReference: cleanText(input.orderReference),
    contractReference: cleanText(input.contractReference),
    description: cleanText(input.description),
    paymentReference: cleanText(input.paymentReference),
    paymentTerms: cleanText(input.paymentTerms),
    precedingInvoiceNumber: null,
    documentFileId: null,
    source: input.source ?? 'manual',
    importId: null,
    createdAt: now,
    updatedAt: now,
  };
  if ((await store.invoices.insert(invoice)) === 'duplicate-number') return err('CONFLICT', { field: 'number' });
  await recordActivity(
    store,
    ctx,
    {
      debtorId: invoice.debtorId,
      action: invoice.kind === 'invoice' ? 'invoice.created' : 'credit-note.created',
      subjectType: 'invoice',
      subjectId: invoice.id,
      details: { number: invoice.number, amountDueCents: invoice.amountDueCents, currency, dueDate },
    },
    now,
  );
  return ok(invoice);
}

export interface InvoicePatchInput {
  readonly dueDate?: IsoDate | null | undefined;
  readonly orderReference?: string | null | undefined;
  readonly contractReference?: string | null | undefined;
  readonly description?: string | null | undefined;
  readonly paymentReference?: string | null | undefined;
  readonly paymentTerms?: string | null | undefined;
}

/**
 * Corrects what can be corrected by hand: the due date and the references.
 * Amounts change only through a new document (credit note) or a re-import,
 * so the ledger keeps a trail of why a balance moved.
 */
export async function updateInvoice(
  id: string,
  input: InvoicePatchInput,
  ctx: UseCaseContext,
  store: LedgerStore,
): Promise<Result<LedgerInvoice>> {
  const current = await store.invoices.getForUpdate(id);
  if (!current) return err('NOT_FOUND');
  const dueDate = 'dueDate' in input ? (input.dueDate ?? null) : current.dueDate;
  if (dueDate !== null && !isIsoDate(dueDate)) return invalid([issue('dueDate', 'invalid_date', { value: dueDate })]);
  if (dueDate !== null && dueDate < current.issueDate)
    return invalid([issue('dueDate', 'due_before_issue', { due: dueDate, issue: current.issueDate })]);
  const pickText = (key: Exclude<keyof InvoicePatchInput, 'dueDate'>) => (key in input ? cleanText(input[key]) : current[key]);
  const now = ctx.clock.now();
  const next: LedgerInvoice = {
    ...current,
    dueDate,
    orderReference: pickText('orderReference'),
    contractReference: pickText('contractReference'),
    description: pickText('description'),
    paymentReference: pickText('paymentReference'),
    paymentTerms: pickText('paymentTerms'),
    updatedAt: now,
  };
  const diff = changes(current, next, [
    'dueDate',
    'orderReference',
    'contractReference',
    'description',
    'paymentReference',
    'paymentTerms',
  ]);
  if (Object.keys(diff).length === 0) return ok(current);
  await store.invoices.update(next);
  await recordActivity(
    store,
    ctx,
    {
      debtorId: current.debtorId,
      action: 'invoice.updated',
      subjectType: 'invoice',
      subjectId: id,
      details: { number: current.number, changes: diff },
    },
    now,
  );
  return ok(next);
}

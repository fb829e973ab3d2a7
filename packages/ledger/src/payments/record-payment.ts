import {
  type Cents,
  type FieldIssue,
  type IsoDate,
  type Result,
  err,
  invalid,
  isCurrencyCode,
  isIsoDate,
  issue,
  ok,
  parisDateOf,
} from '@amiable/domain';
import type { UseCaseContext } from '../actor.js';
import { recordActivity } from '../record-activity.js';
import { cleanText } from '../normalize.js';
import type { LedgerStore } from '../ports.js';
import type { AllocationRecord, PaymentMethod, PaymentRecord } from '../records.js';
import { allocate, planOldestFirst } from './allocate.js';

export interface RecordPaymentInput {
  readonly creditorId: string;
  readonly debtorId: string;
  readonly amountCents: Cents;
  readonly currency?: string | undefined;
  readonly receivedOn: IsoDate;
  readonly method: PaymentMethod;
  readonly reference?: string | null | undefined;
  readonly note?: string | null | undefined;
  /** Explicit imputation; when absent and autoAllocate is set, oldest open invoices first. */
  readonly allocations?: readonly { readonly invoiceId: string; readonly amountCents: Cents }[] | undefined;
  readonly autoAllocate?: boolean | undefined;
  readonly source?: PaymentRecord['source'] | undefined;
}

/**
 * Records money received from a debtor and applies it. What is not applied
 * stays as the debtor's credit (an overpayment is never lost). All or nothing:
 * one refused allocation cancels the whole recording.
 */
export async function recordPayment(
  input: RecordPaymentInput,
  ctx: UseCaseContext,
  store: LedgerStore,
): Promise<Result<{ payment: PaymentRecord; allocations: AllocationRecord[] }>> {
  const issues: FieldIssue[] = [];
  if (!(await store.creditors.get(input.creditorId))) issues.push(issue('creditorId', 'invalid_value', { value: input.creditorId }));
  if (!(await store.debtors.get(input.debtorId))) issues.push(issue('debtorId', 'invalid_value', { value: input.debtorId }));
  if (!Number.isSafeInteger(input.amountCents) || input.amountCents <= 0)
    issues.push(issue('amount', 'out_of_range', { value: input.amountCents / 100 }));
  const currency = (input.currency ?? 'EUR').toUpperCase();
  if (!isCurrencyCode(currency)) issues.push(issue('currency', 'invalid_currency', { value: currency }));
  const now = ctx.clock.now();
  if (!isIsoDate(input.receivedOn)) issues.push(issue('receivedOn', 'invalid_date', { value: input.receivedOn }));
  else if (input.receivedOn > parisDateOf(now)) issues.push(issue('receivedOn', 'out_of_range', { value: input.receivedOn }));
  const requested = input.allocations ?? [];
  const total = requested.reduce((sum, a) => sum + a.amountCents, 0);
  if (total > input.amountCents) issues.push(issue('allocations', 'out_of_range', { value: total / 100 }));
  if (issues.length > 0) return invalid(issues);

  const payment: PaymentRecord = {
    id: ctx.ids.newId(),
    creditorId: input.creditorId,
    debtorId: input.debtorId,
    amountCents: input.amountCents,
    currency,
    receivedOn: input.receivedOn,
    method: input.method,
    reference: cleanText(input.reference),
    note: cleanText(input.note),
    allocatedCents: 0,
    reversedAt: null,
    reversalReason: null,
    source: input.source ?? 'manual',
    createdAt: now,
  };
  await store.payments.insert(payment);
  await recordActivity(
    store,
    ctx,
    {
      debtorId: payment.debtorId,
      action: 'payment.recorded',
      subjectType: 'payment',
      subjectId: payment.id,
      details: {
        amountCents: payment.amountCents,
        currency,
        receivedOn: payment.receivedOn,
        method: payment.method,
        reference: payment.reference,
      },
    },
    now,
  );

  const plan =
    requested.length > 0
      ? requested
      : input.autoAllocate
        ? planOldestFirst(await store.invoices.openInvoicesOldestFirst(payment.creditorId, payment.debtorId, currency), payment.amountCents)
        : [];
  const allocations: AllocationRecord[] = [];
  for (const part of plan) {
    const result = await allocate({ kind: 'payment', id: payment.id }, part.invoiceId, part.amountCents, ctx, store);
    if (!result.ok) return result;
    allocations.push(result.value);
  }
  const allocated = allocations.reduce((sum, a) => sum + a.amountCents, 0);
  return ok({ payment: { ...payment, allocatedCents: allocated }, allocations });
}

/** A payment that did not happen after all (bounced transfer, rejected direct debit): its allocations are undone with it. */
export async function reversePayment(
  paymentId: string,
  reason: string,
  ctx: UseCaseContext,
  store: LedgerStore,
): Promise<Result<PaymentRecord>> {
  const payment = await store.payments.getForUpdate(paymentId);
  if (!payment) return err('NOT_FOUND');
  if (payment.reversedAt) return err('ALREADY_REVERSED');
  const text = cleanText(reason);
  if (!text) return invalid([issue('reason', 'required')]);
  const now = ctx.clock.now();
  await store.payments.markReversed(paymentId, now, text);
  await recordActivity(
    store,
    ctx,
    {
      debtorId: payment.debtorId,
      action: 'payment.reversed',
      subjectType: 'payment',
      subjectId: paymentId,
      details: { amountCents: payment.amountCents, currency: payment.currency, reason: text },
    },
    now,
  );
  return ok({ ...payment, reversedAt: now, reversalReason: text, allocatedCents: 0 });
}

/** Undoes one allocation (applied to the wrong invoice): the invoice is open again and the amount back in the payment's credit. */
export async function reverseAllocation(
  allocationId: string,
  reason: string,
  ctx: UseCaseContext,
  store: LedgerStore,
): Promise<Result<AllocationRecord>> {
  const allocation = await store.payments.getAllocation(allocationId);
  if (!allocation) return err('NOT_FOUND');
  if (allocation.reversedAt) return err('ALREADY_REVERSED');
  const invoice = await store.invoices.getForUpdate(allocation.invoiceId);
  if (!invoice) return err('NOT_FOUND');
  const text = cleanText(reason);
  if (!text) return invalid([issue('reason', 'required')]);
  const now = ctx.clock.now();
  await store.payments.reverseAllocation(allocationId, now, text);
  await recordActivity(
    store,
    ctx,
    {
      debtorId: invoice.debtorId,
      action: 'allocation.reversed',
      subjectType: 'invoice',
      subjectId: invoice.id,
      details: { number: invoice.number, amountCents: allocation.amountCents, currency: invoice.currency, reason: text },
    },
    now,
  );
  return ok({ ...allocation, reversedAt: now });
}

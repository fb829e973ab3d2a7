import { type Cents, type Result, err, formatDecimalAmount, invalid, issue, ok } from '@amiable/domain';
import type { UseCaseContext } from '../actor.js';
import { recordActivity } from '../record-activity.js';
import type { LedgerStore } from '../ports.js';
import type { AllocationRecord, LedgerInvoice } from '../records.js';

export type AllocationSource = { readonly kind: 'payment'; readonly id: string } | { readonly kind: 'credit-note'; readonly id: string };

/**
 * Applies part of a payment (or of a credit note) to an invoice. Both rows are
 * locked first, so two concurrent allocations cannot settle more than is owed
 * or spend more than was paid (ASVS 2.3.4); the database checks the same
 * invariants again as constraints.
 */
export async function allocate(
  source: AllocationSource,
  invoiceId: string,
  amountCents: Cents,
  ctx: UseCaseContext,
  store: LedgerStore,
): Promise<Result<AllocationRecord>> {
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0)
    return invalid([issue('amount', 'out_of_range', { value: formatDecimalAmount(amountCents) })]);
  let parties: { creditorId: string; debtorId: string; currency: string; available: Cents; label: string };
  if (source.kind === 'payment') {
    const payment = await store.payments.getForUpdate(source.id);
    if (!payment) return err('NOT_FOUND');
    if (payment.reversedAt) return err('ALREADY_REVERSED');
    parties = { ...payment, available: payment.amountCents - payment.allocatedCents, label: payment.reference ?? payment.receivedOn };
  } else {
    const credit = await store.invoices.getForUpdate(source.id);
    if (credit?.kind !== 'credit-note') return err('NOT_FOUND');
    parties = { ...credit, available: credit.outstandingCents, label: credit.number };
  }
  const invoice: LedgerInvoice | null = await store.invoices.getForUpdate(invoiceId);
  if (invoice?.kind !== 'invoice') return invalid([issue('invoiceId', 'invalid_value', { value: invoiceId })]);
  if (invoice.currency !== parties.currency) return err('CURRENCY_MISMATCH', { from: parties.currency, to: invoice.currency });
  if (invoice.creditorId !== parties.creditorId || invoice.debtorId !== parties.debtorId) return err('ALLOCATION_PARTIES_MISMATCH');
  if (amountCents > invoice.outstandingCents) {
    return err('ALLOCATION_EXCEEDS_OUTSTANDING', { number: invoice.number, outstanding: formatDecimalAmount(invoice.outstandingCents) });
  }
  if (amountCents > parties.available) return err('ALLOCATION_EXCEEDS_AVAILABLE', { available: formatDecimalAmount(parties.available) });

  const now = ctx.clock.now();
  const allocation: AllocationRecord = {
    id: ctx.ids.newId(),
    invoiceId,
    paymentId: source.kind === 'payment' ? source.id : null,
    creditNoteId: source.kind === 'credit-note' ? source.id : null,
    amountCents,
    createdAt: now,
    createdBy: ctx.actor.label,
    reversedAt: null,
  };
  await store.payments.insertAllocation(allocation);
  await recordActivity(
    store,
    ctx,
    {
      debtorId: invoice.debtorId,
      action: source.kind === 'payment' ? 'payment.allocated' : 'credit-note.applied',
      subjectType: 'invoice',
      subjectId: invoiceId,
      details: {
        number: invoice.number,
        amountCents,
        currency: invoice.currency,
        source: parties.label,
        settled: amountCents === invoice.outstandingCents,
      },
    },
    now,
  );
  return ok(allocation);
}

/** Oldest due date first (then oldest issue date): the usual imputation when the debtor did not say which invoice they paid. */
export function planOldestFirst(invoices: readonly LedgerInvoice[], amountCents: Cents): { invoiceId: string; amountCents: Cents }[] {
  const plan: { invoiceId: string; amountCents: Cents }[] = [];
  let left = amountCents;
  const ordered = [...invoices].sort(
    (a, b) =>
      (a.dueDate ?? a.issueDate).localeCompare(b.dueDate ?? b.issueDate) ||
      a.issueDate.localeCompare(b.issueDate) ||
      a.number.localeCompare(b.number),
  );
  for (const invoice of ordered) {
    if (left <= 0) break;
    const part = Math.min(left, invoice.outstandingCents);
    if (part > 0) {
      plan.push({ invoiceId: invoice.id, amountCents: part });
      left -= part;
    }
  }
  return plan;
}

import { type Result, err, invalid, issue, ok } from '@amiable/domain';
import type { UseCaseContext } from '../actor.js';
import { recordActivity } from '../record-activity.js';
import { cleanText } from '../normalize.js';
import type { LedgerStore } from '../ports.js';
import type { DisputeRecord } from '../records.js';

/** The debtor contests an invoice: it leaves the reminders' scope until the dispute is resolved. */
export async function openDispute(
  invoiceId: string,
  reason: string,
  ctx: UseCaseContext,
  store: LedgerStore,
): Promise<Result<DisputeRecord>> {
  const invoice = await store.invoices.getForUpdate(invoiceId);
  if (invoice?.kind !== 'invoice') return err('NOT_FOUND');
  const text = cleanText(reason);
  if (!text) return invalid([issue('reason', 'required')]);
  if (await store.invoices.getOpenDispute(invoiceId)) return err('DISPUTE_ALREADY_OPEN');
  const now = ctx.clock.now();
  const dispute: DisputeRecord = {
    id: ctx.ids.newId(),
    invoiceId,
    reason: text,
    openedAt: now,
    openedBy: ctx.actor.label,
    resolvedAt: null,
    resolvedBy: null,
    resolution: null,
  };
  await store.invoices.insertDispute(dispute);
  await recordActivity(
    store,
    ctx,
    {
      debtorId: invoice.debtorId,
      action: 'dispute.opened',
      subjectType: 'invoice',
      subjectId: invoiceId,
      details: { number: invoice.number, reason: text },
    },
    now,
  );
  return ok(dispute);
}

export async function resolveDispute(
  invoiceId: string,
  disputeId: string,
  resolution: string,
  ctx: UseCaseContext,
  store: LedgerStore,
): Promise<Result<DisputeRecord>> {
  const invoice = await store.invoices.getForUpdate(invoiceId);
  if (!invoice) return err('NOT_FOUND');
  const dispute = await store.invoices.getDispute(invoiceId, disputeId);
  if (!dispute) return err('NOT_FOUND');
  if (dispute.resolvedAt) return err('CONFLICT');
  const text = cleanText(resolution);
  if (!text) return invalid([issue('resolution', 'required')]);
  const now = ctx.clock.now();
  await store.invoices.resolveDispute(disputeId, now, ctx.actor.label, text);
  await recordActivity(
    store,
    ctx,
    {
      debtorId: invoice.debtorId,
      action: 'dispute.resolved',
      subjectType: 'invoice',
      subjectId: invoiceId,
      details: { number: invoice.number, resolution: text },
    },
    now,
  );
  return ok({ ...dispute, resolvedAt: now, resolvedBy: ctx.actor.label, resolution: text });
}

import type { IsoDate } from '@amiable/domain';
import type { ClaimInvoice } from '@amiable/legal';
import { sql } from '../sql.js';
import type { Queryable } from '../tenant-transaction.js';

export interface DebtorClaimData {
  readonly debtorKind: 'business' | 'consumer';
  readonly collectiveProceedingsSince: IsoDate | null;
  readonly invoices: readonly (ClaimInvoice & { readonly interruptions: readonly IsoDate[] })[];
}

/**
 * The acts of the debtor that interrupt prescription (C. civ. 2240) for invoice `i`:
 * the dates of the payments allocated to it (a credit note is the creditor's act, not
 * the debtor's) and its recorded acknowledgments. As text[] (YYYY-MM-DD).
 */
export const prescriptionInterruptions = sql`ARRAY(
  SELECT p.received_on::text FROM amiable.allocation a
    JOIN amiable.payment p ON p.tenant_id = a.tenant_id AND p.id = a.payment_id
    WHERE a.tenant_id = i.tenant_id AND a.invoice_id = i.id AND a.reversed_at IS NULL
  UNION
  SELECT k.acknowledged_on::text FROM amiable.acknowledgment k WHERE k.tenant_id = i.tenant_id AND k.invoice_id = i.id
  ORDER BY 1)`;

/**
 * What the legal engine needs to compute a debtor's claim in one currency: the open
 * invoices, each with its dated payments (payments by their date of receipt, credit
 * notes by their issue date; reversed allocations left out) and acknowledgments.
 * Amounts "paid outside" Amiable carry no date: they reduce the base from the start.
 */
export async function debtorClaimData(db: Queryable, debtorId: string, currency: string): Promise<DebtorClaimData | null> {
  const debtor = await db.maybeOne<{ kind: 'business' | 'consumer'; since: string | null }>(
    sql`SELECT kind, collective_proceedings_since::text AS since FROM amiable.debtor WHERE id = ${debtorId}`,
  );
  if (!debtor) return null;
  const rows = await db.query<{
    id: string;
    number: string;
    due_date: string | null;
    base: string;
    payments: { date: string; cents: number }[];
    interruptions: string[];
  }>(sql`
    SELECT i.id, i.number, i.due_date::text AS due_date, (i.amount_due_cents - i.paid_outside_cents)::text AS base,
      coalesce((SELECT jsonb_agg(jsonb_build_object('date', coalesce(p.received_on, cn.issue_date)::text, 'cents', a.amount_cents)
                                 ORDER BY coalesce(p.received_on, cn.issue_date))
                FROM amiable.allocation a
                LEFT JOIN amiable.payment p ON p.tenant_id = a.tenant_id AND p.id = a.payment_id
                LEFT JOIN amiable.invoice cn ON cn.tenant_id = a.tenant_id AND cn.id = a.credit_note_id
                WHERE a.tenant_id = i.tenant_id AND a.invoice_id = i.id AND a.reversed_at IS NULL), '[]'::jsonb) AS payments,
      ${prescriptionInterruptions} AS interruptions
    FROM amiable.invoice i
    WHERE i.debtor_id = ${debtorId} AND i.kind = 'invoice' AND i.currency = ${currency} AND i.outstanding_cents > 0
    ORDER BY i.due_date NULLS LAST, i.number, i.id`);
  return {
    debtorKind: debtor.kind,
    collectiveProceedingsSince: debtor.since,
    invoices: rows.map((row) => ({
      id: row.id,
      number: row.number,
      dueDate: row.due_date,
      amountDueCents: Number(row.base),
      payments: row.payments.map((p) => ({ date: p.date, cents: Number(p.cents) })),
      interruptions: row.interruptions,
    })),
  };
}

/** Records the debtor's acknowledgment of an invoice (C. civ. 2240); null when the invoice is not the tenant's. */
export async function insertAcknowledgment(
  db: Queryable & { readonly tenantId: string },
  input: { id: string; invoiceId: string; date: IsoDate; note: string | null; createdBy: string; createdAt: Date },
): Promise<void> {
  await db.execute(sql`INSERT INTO amiable.acknowledgment (tenant_id, id, invoice_id, acknowledged_on, note, created_by, created_at)
    VALUES (${db.tenantId}, ${input.id}, ${input.invoiceId}, ${input.date}, ${input.note}, ${input.createdBy}, ${input.createdAt})`);
}

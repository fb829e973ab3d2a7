import type { DisputeRecord, LedgerInvoice } from '@amiable/ledger';
import type { IsoDate } from '@amiable/domain';
import { disputeOf } from '../ledger/invoice-repository.js';
import { type InvoiceRow, invoiceOf } from '../ledger/invoice-repository.js';
import { sql } from '../sql.js';
import type { Queryable } from '../tenant-transaction.js';
import { INVOICE_LIST_COLUMNS, type InvoiceListItem, invoiceListItem } from './invoice-queries.js';

export interface AllocationView {
  readonly id: string;
  readonly invoiceId: string;
  readonly invoiceNumber: string;
  readonly source:
    | { readonly kind: 'payment'; readonly paymentId: string; readonly receivedOn: IsoDate; readonly reference: string | null }
    | { readonly kind: 'credit-note'; readonly creditNoteId: string; readonly number: string };
  readonly amountCents: number;
  readonly createdAt: Date;
  readonly reversedAt: Date | null;
}

export interface InvoiceDetail {
  readonly summary: InvoiceListItem;
  readonly invoice: LedgerInvoice;
  readonly allocations: AllocationView[];
  readonly disputes: DisputeRecord[];
}

interface AllocationViewRow {
  id: string;
  invoice_id: string;
  invoice_number: string;
  payment_id: string | null;
  received_on: string | null;
  reference: string | null;
  credit_note_id: string | null;
  credit_note_number: string | null;
  amount_cents: number;
  created_at: Date;
  reversed_at: Date | null;
}

export function allocationViewOf(row: AllocationViewRow): AllocationView {
  return {
    id: row.id,
    invoiceId: row.invoice_id,
    invoiceNumber: row.invoice_number,
    source:
      row.payment_id !== null
        ? { kind: 'payment', paymentId: row.payment_id, receivedOn: row.received_on ?? '', reference: row.reference }
        : { kind: 'credit-note', creditNoteId: row.credit_note_id ?? '', number: row.credit_note_number ?? '' },
    amountCents: row.amount_cents,
    createdAt: row.created_at,
    reversedAt: row.reversed_at,
  };
}

export const ALLOCATION_VIEW_SELECT = sql`SELECT a.id, a.invoice_id, inv.number AS invoice_number, a.payment_id, p.received_on, p.reference,
    a.credit_note_id, cn.number AS credit_note_number, a.amount_cents, a.created_at, a.reversed_at
  FROM amiable.allocation a
  JOIN amiable.invoice inv ON inv.tenant_id = a.tenant_id AND inv.id = a.invoice_id
  LEFT JOIN amiable.payment p ON p.tenant_id = a.tenant_id AND p.id = a.payment_id
  LEFT JOIN amiable.invoice cn ON cn.tenant_id = a.tenant_id AND cn.id = a.credit_note_id`;

export async function getInvoiceDetail(db: Queryable, id: string, today: IsoDate): Promise<InvoiceDetail | null> {
  const row = await db.maybeOne<InvoiceRow & Parameters<typeof invoiceListItem>[0]>(sql`
    SELECT i.*, ${INVOICE_LIST_COLUMNS}
    FROM amiable.invoice i
    JOIN amiable.debtor d ON d.tenant_id = i.tenant_id AND d.id = i.debtor_id
    JOIN amiable.creditor c ON c.tenant_id = i.tenant_id AND c.id = i.creditor_id
    WHERE i.id = ${id}`);
  if (!row) return null;
  const allocations = await db.query<AllocationViewRow>(
    sql`${ALLOCATION_VIEW_SELECT} WHERE a.invoice_id = ${id} OR a.credit_note_id = ${id} ORDER BY a.created_at, a.id`,
  );
  const disputes = await db.query<Parameters<typeof disputeOf>[0]>(
    sql`SELECT * FROM amiable.dispute WHERE invoice_id = ${id} ORDER BY opened_at DESC`,
  );
  return {
    summary: invoiceListItem(row, today),
    invoice: invoiceOf(row),
    allocations: allocations.map(allocationViewOf),
    disputes: disputes.map(disputeOf),
  };
}

export async function getInvoiceDocument(
  db: Queryable,
  invoiceId: string,
): Promise<{ filename: string; contentType: string; content: Buffer } | null> {
  return db.maybeOne<{ filename: string; contentType: string; content: Buffer }>(sql`
    SELECT f.filename, f.content_type AS "contentType", f.content
    FROM amiable.invoice i JOIN amiable.stored_file f ON f.tenant_id = i.tenant_id AND f.id = i.document_file_id
    WHERE i.id = ${invoiceId}`);
}

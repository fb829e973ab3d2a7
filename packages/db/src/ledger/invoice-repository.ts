import type { DisputeRecord, LedgerInvoice, LedgerStore } from '@amiable/ledger';
import { sql } from '../sql.js';
import type { Tx } from '../tenant-transaction.js';
import { isUniqueViolation } from './rows.js';

export interface InvoiceRow {
  id: string;
  creditor_id: string;
  debtor_id: string;
  kind: 'invoice' | 'credit-note';
  number: string;
  issue_date: string;
  due_date: string | null;
  currency: string;
  amount_excl_tax_cents: number | null;
  amount_incl_tax_cents: number;
  amount_due_cents: number;
  paid_outside_cents: number;
  settled_cents: number;
  outstanding_cents: number;
  order_reference: string | null;
  contract_reference: string | null;
  description: string | null;
  payment_reference: string | null;
  payment_terms: string | null;
  preceding_invoice_number: string | null;
  document_file_id: string | null;
  source: LedgerInvoice['source'];
  import_id: string | null;
  created_at: Date;
  updated_at: Date;
}

export function invoiceOf(row: InvoiceRow): LedgerInvoice {
  return {
    id: row.id,
    creditorId: row.creditor_id,
    debtorId: row.debtor_id,
    kind: row.kind,
    number: row.number,
    issueDate: row.issue_date,
    dueDate: row.due_date,
    currency: row.currency,
    amountExclTaxCents: row.amount_excl_tax_cents,
    amountInclTaxCents: row.amount_incl_tax_cents,
    amountDueCents: row.amount_due_cents,
    paidOutsideCents: row.paid_outside_cents,
    settledCents: row.settled_cents,
    outstandingCents: row.outstanding_cents,
    orderReference: row.order_reference,
    contractReference: row.contract_reference,
    description: row.description,
    paymentReference: row.payment_reference,
    paymentTerms: row.payment_terms,
    precedingInvoiceNumber: row.preceding_invoice_number,
    documentFileId: row.document_file_id,
    source: row.source,
    importId: row.import_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface DisputeRow {
  id: string;
  invoice_id: string;
  reason: string;
  opened_at: Date;
  opened_by: string;
  resolved_at: Date | null;
  resolved_by: string | null;
  resolution: string | null;
}

export function disputeOf(row: DisputeRow): DisputeRecord {
  return {
    id: row.id,
    invoiceId: row.invoice_id,
    reason: row.reason,
    openedAt: row.opened_at,
    openedBy: row.opened_by,
    resolvedAt: row.resolved_at,
    resolvedBy: row.resolved_by,
    resolution: row.resolution,
  };
}

export function invoiceRepository(tx: Tx): LedgerStore['invoices'] {
  return {
    async get(id) {
      const row = await tx.maybeOne<InvoiceRow>(sql`SELECT * FROM amiable.invoice WHERE id = ${id}`);
      return row ? invoiceOf(row) : null;
    },
    async getForUpdate(id) {
      const row = await tx.maybeOne<InvoiceRow>(sql`SELECT * FROM amiable.invoice WHERE id = ${id} FOR UPDATE`);
      return row ? invoiceOf(row) : null;
    },
    async insert(i) {
      try {
        await tx.execute(sql`SAVEPOINT invoice_insert`);
        await tx.execute(sql`INSERT INTO amiable.invoice (tenant_id, id, creditor_id, debtor_id, kind, number, issue_date, due_date, currency,
            amount_excl_tax_cents, amount_incl_tax_cents, amount_due_cents, paid_outside_cents, order_reference, contract_reference, description,
            payment_reference, payment_terms, preceding_invoice_number, document_file_id, source, import_id, created_at, updated_at)
          VALUES (${tx.tenantId}, ${i.id}, ${i.creditorId}, ${i.debtorId}, ${i.kind}, ${i.number}, ${i.issueDate}, ${i.dueDate}, ${i.currency},
            ${i.amountExclTaxCents}, ${i.amountInclTaxCents}, ${i.amountDueCents}, ${i.paidOutsideCents}, ${i.orderReference}, ${i.contractReference},
            ${i.description}, ${i.paymentReference}, ${i.paymentTerms}, ${i.precedingInvoiceNumber}, ${i.documentFileId}, ${i.source}, ${i.importId},
            ${i.createdAt}, ${i.updatedAt})`);
        await tx.execute(sql`RELEASE SAVEPOINT invoice_insert`);
        return 'inserted';
      } catch (error) {
        if (!isUniqueViolation(error, 'invoice_tenant_id_creditor_id_kind_number_key')) throw error;
        await tx.execute(sql`ROLLBACK TO SAVEPOINT invoice_insert`);
        return 'duplicate-number';
      }
    },
    async update(i) {
      await tx.execute(sql`UPDATE amiable.invoice SET due_date = ${i.dueDate}, order_reference = ${i.orderReference},
          contract_reference = ${i.contractReference}, description = ${i.description}, payment_reference = ${i.paymentReference},
          payment_terms = ${i.paymentTerms}, document_file_id = ${i.documentFileId}, updated_at = ${i.updatedAt}
        WHERE id = ${i.id}`);
    },
    async openInvoicesOldestFirst(creditorId, debtorId, currency) {
      return (
        await tx.query<InvoiceRow>(sql`SELECT * FROM amiable.invoice
          WHERE creditor_id = ${creditorId} AND debtor_id = ${debtorId} AND currency = ${currency} AND kind = 'invoice' AND outstanding_cents > 0
          ORDER BY coalesce(due_date, issue_date), issue_date, number
          FOR UPDATE`)
      ).map(invoiceOf);
    },
    async getOpenDispute(invoiceId) {
      const row = await tx.maybeOne<DisputeRow>(sql`SELECT * FROM amiable.dispute WHERE invoice_id = ${invoiceId} AND resolved_at IS NULL`);
      return row ? disputeOf(row) : null;
    },
    async getDispute(invoiceId, disputeId) {
      const row = await tx.maybeOne<DisputeRow>(sql`SELECT * FROM amiable.dispute WHERE invoice_id = ${invoiceId} AND id = ${disputeId}`);
      return row ? disputeOf(row) : null;
    },
    async insertDispute(d) {
      await tx.execute(sql`INSERT INTO amiable.dispute (tenant_id, id, invoice_id, reason, opened_at, opened_by)
        VALUES (${tx.tenantId}, ${d.id}, ${d.invoiceId}, ${d.reason}, ${d.openedAt}, ${d.openedBy})`);
    },
    async resolveDispute(disputeId, resolvedAt, resolvedBy, resolution) {
      await tx.execute(sql`UPDATE amiable.dispute SET resolved_at = ${resolvedAt}, resolved_by = ${resolvedBy}, resolution = ${resolution}
        WHERE id = ${disputeId} AND resolved_at IS NULL`);
    },
  };
}

import type { AllocationRecord, LedgerStore, PaymentRecord } from '@amiable/ledger';
import { sql } from '../sql.js';
import type { Tx } from '../tenant-transaction.js';

export interface PaymentRow {
  id: string;
  creditor_id: string;
  debtor_id: string;
  amount_cents: number;
  currency: string;
  received_on: string;
  method: PaymentRecord['method'];
  reference: string | null;
  note: string | null;
  allocated_cents: number;
  reversed_at: Date | null;
  reversal_reason: string | null;
  source: PaymentRecord['source'];
  created_at: Date;
}

export function paymentOf(row: PaymentRow): PaymentRecord {
  return {
    id: row.id,
    creditorId: row.creditor_id,
    debtorId: row.debtor_id,
    amountCents: row.amount_cents,
    currency: row.currency,
    receivedOn: row.received_on,
    method: row.method,
    reference: row.reference,
    note: row.note,
    allocatedCents: row.allocated_cents,
    reversedAt: row.reversed_at,
    reversalReason: row.reversal_reason,
    source: row.source,
    createdAt: row.created_at,
  };
}

interface AllocationRow {
  id: string;
  invoice_id: string;
  payment_id: string | null;
  credit_note_id: string | null;
  amount_cents: number;
  created_at: Date;
  created_by: string;
  reversed_at: Date | null;
}

function allocationOf(row: AllocationRow): AllocationRecord {
  return {
    id: row.id,
    invoiceId: row.invoice_id,
    paymentId: row.payment_id,
    creditNoteId: row.credit_note_id,
    amountCents: row.amount_cents,
    createdAt: row.created_at,
    createdBy: row.created_by,
    reversedAt: row.reversed_at,
  };
}

export function paymentRepository(tx: Tx): LedgerStore['payments'] {
  return {
    async get(id) {
      const row = await tx.maybeOne<PaymentRow>(sql`SELECT * FROM amiable.payment WHERE id = ${id}`);
      return row ? paymentOf(row) : null;
    },
    async getForUpdate(id) {
      const row = await tx.maybeOne<PaymentRow>(sql`SELECT * FROM amiable.payment WHERE id = ${id} FOR UPDATE`);
      return row ? paymentOf(row) : null;
    },
    async insert(p) {
      await tx.execute(sql`INSERT INTO amiable.payment (tenant_id, id, creditor_id, debtor_id, amount_cents, currency, received_on, method,
          reference, note, source, created_at)
        VALUES (${tx.tenantId}, ${p.id}, ${p.creditorId}, ${p.debtorId}, ${p.amountCents}, ${p.currency}, ${p.receivedOn}, ${p.method},
          ${p.reference}, ${p.note}, ${p.source}, ${p.createdAt})`);
    },
    async markReversed(id, at, reason) {
      await tx.execute(sql`UPDATE amiable.payment SET reversed_at = ${at}, reversal_reason = ${reason} WHERE id = ${id}`);
    },
    async insertAllocation(a) {
      await tx.execute(sql`INSERT INTO amiable.allocation (tenant_id, id, invoice_id, payment_id, credit_note_id, amount_cents, created_at, created_by)
        VALUES (${tx.tenantId}, ${a.id}, ${a.invoiceId}, ${a.paymentId}, ${a.creditNoteId}, ${a.amountCents}, ${a.createdAt}, ${a.createdBy})`);
    },
    async getAllocation(id) {
      const row = await tx.maybeOne<AllocationRow>(sql`SELECT * FROM amiable.allocation WHERE id = ${id} FOR UPDATE`);
      return row ? allocationOf(row) : null;
    },
    async reverseAllocation(id, at, reason) {
      await tx.execute(
        sql`UPDATE amiable.allocation SET reversed_at = ${at}, reversal_reason = ${reason} WHERE id = ${id} AND reversed_at IS NULL`,
      );
    },
  };
}

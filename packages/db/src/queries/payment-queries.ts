import type { PaymentRecord } from '@amiable/ledger';
import { type PaymentRow, paymentOf } from '../ledger/payment-repository.js';
import { type SqlQuery, empty, join, sql } from '../sql.js';
import type { Queryable } from '../tenant-transaction.js';
import { type Cursor, type Page, afterCursor, pageOf } from './cursor.js';
import { ALLOCATION_VIEW_SELECT, type AllocationView, allocationViewOf } from './invoice-detail.js';

export interface PaymentView {
  readonly payment: PaymentRecord;
  readonly creditorName: string;
  readonly debtorName: string;
  readonly allocations: AllocationView[];
}

type PaymentViewRow = PaymentRow & { creditor_name: string; debtor_name: string };

async function withAllocations(db: Queryable, rows: PaymentViewRow[]): Promise<PaymentView[]> {
  if (rows.length === 0) return [];
  const allocations = (
    await db.query<Parameters<typeof allocationViewOf>[0] & { payment_id: string }>(
      sql`${ALLOCATION_VIEW_SELECT} WHERE a.payment_id = ANY (${rows.map((r) => r.id)}::uuid[]) ORDER BY a.created_at, a.id`,
    )
  ).map((row) => ({ paymentId: row.payment_id, view: allocationViewOf(row) }));
  return rows.map((row) => ({
    payment: paymentOf(row),
    creditorName: row.creditor_name,
    debtorName: row.debtor_name,
    allocations: allocations.filter((a) => a.paymentId === row.id).map((a) => a.view),
  }));
}

const PAYMENT_SELECT = sql`SELECT p.*, c.legal_name AS creditor_name, d.name AS debtor_name
  FROM amiable.payment p
  JOIN amiable.creditor c ON c.tenant_id = p.tenant_id AND c.id = p.creditor_id
  JOIN amiable.debtor d ON d.tenant_id = p.tenant_id AND d.id = p.debtor_id`;

export async function listPayments(
  db: Queryable,
  input: {
    debtorId?: string | undefined;
    creditorId?: string | undefined;
    unallocated?: boolean | undefined;
    cursor: Cursor | null;
    limit: number;
  },
): Promise<Page<PaymentView>> {
  const where: SqlQuery[] = [];
  if (input.debtorId) where.push(sql`p.debtor_id = ${input.debtorId}`);
  if (input.creditorId) where.push(sql`p.creditor_id = ${input.creditorId}`);
  if (input.unallocated) where.push(sql`p.reversed_at IS NULL AND p.allocated_cents < p.amount_cents`);
  if (input.cursor) where.push(afterCursor(sql`p.received_on`, sql`p.id`, 'desc', input.cursor, false));
  const rows = await db.query<PaymentViewRow>(sql`${PAYMENT_SELECT}
    ${where.length > 0 ? sql`WHERE ${join(where, ' AND ')}` : empty}
    ORDER BY p.received_on DESC, p.id DESC LIMIT ${input.limit + 1}`);
  const page = pageOf(
    rows,
    input.limit,
    (row) => row,
    (row) => ({ value: row.received_on, id: row.id }),
  );
  return { items: await withAllocations(db, page.items), nextCursor: page.nextCursor };
}

export async function getPaymentView(db: Queryable, id: string): Promise<PaymentView | null> {
  const rows = await db.query<PaymentViewRow>(sql`${PAYMENT_SELECT} WHERE p.id = ${id}`);
  return (await withAllocations(db, rows))[0] ?? null;
}

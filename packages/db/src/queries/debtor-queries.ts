import type { Cents, IsoDate } from '@amiable/domain';
import { daysOverdue } from '@amiable/domain';
import type { ContactRecord, DebtorRecord } from '@amiable/ledger';
import { type ContactRow, type DebtorRow, contactOf, debtorOf } from '../ledger/debtor-repository.js';
import { type SqlQuery, empty, join, raw, sql } from '../sql.js';
import type { Queryable } from '../tenant-transaction.js';
import { type Cursor, type Page, afterCursor, likePattern, pageOf } from './cursor.js';
import { type AgingLine, agingReport } from './invoice-queries.js';

export interface MoneyByCurrency {
  readonly currency: string;
  readonly cents: Cents;
}

export interface DebtorListItem {
  readonly id: string;
  readonly kind: 'business' | 'consumer';
  readonly name: string;
  readonly siren: string | null;
  readonly city: string | null;
  readonly tags: readonly string[];
  readonly outstanding: MoneyByCurrency[];
  readonly overdue: MoneyByCurrency[];
  readonly openInvoiceCount: number;
  readonly oldestDueDate: IsoDate | null;
  readonly maxDaysOverdue: number;
}

export interface DebtorFilter {
  readonly search?: string | undefined;
  readonly kind?: 'business' | 'consumer' | undefined;
  readonly tag?: string | undefined;
  readonly creditorId?: string | undefined;
  readonly overdue?: boolean | undefined;
}

export type DebtorSort = 'name' | 'outstanding' | 'oldestDueDate';

interface DebtorListRow {
  id: string;
  kind: 'business' | 'consumer';
  name: string;
  siren: string | null;
  city: string | null;
  tags: string[];
  outstanding: { currency: string; cents: number }[] | null;
  overdue: { currency: string; cents: number }[] | null;
  open_count: number;
  oldest_due: string | null;
  total_outstanding: number;
  sort_value: string | number | null;
}

/**
 * Debtors with their open balance. The balances are aggregated from the open
 * invoices (restricted to one creditor when asked), never stored on the debtor.
 */
export async function listDebtors(
  db: Queryable,
  input: { filter: DebtorFilter; sort: DebtorSort; order: 'asc' | 'desc'; cursor: Cursor | null; limit: number; today: IsoDate },
): Promise<Page<DebtorListItem>> {
  const { filter, today } = input;
  const invoiceScope = filter.creditorId ? sql`AND i.creditor_id = ${filter.creditorId}` : empty;
  const where: SqlQuery[] = [];
  if (filter.kind) where.push(sql`d.kind = ${filter.kind}`);
  if (filter.tag) where.push(sql`d.tags @> ARRAY[${filter.tag.trim().toLowerCase()}]::text[]`);
  if (filter.search?.trim()) {
    const pattern = likePattern(filter.search.trim());
    const digits = filter.search.replace(/\s/g, '');
    where.push(sql`(d.name ILIKE ${pattern} OR d.city ILIKE ${pattern} OR d.email ILIKE ${pattern} OR d.siren = ${digits})`);
  }
  if (filter.creditorId) {
    where.push(sql`EXISTS (SELECT 1 FROM amiable.invoice i WHERE i.debtor_id = d.id AND i.creditor_id = ${filter.creditorId})`);
  }
  if (filter.overdue) where.push(sql`b.oldest_due < ${today}::date`);
  const sortColumn = raw(
    input.sort === 'name' ? 'd.name' : input.sort === 'outstanding' ? 'coalesce(b.total_outstanding, 0)' : 'b.oldest_due',
  );
  const nullable = input.sort === 'oldestDueDate';
  if (input.cursor) where.push(afterCursor(sql`${sortColumn}`, sql`d.id`, input.order, input.cursor, nullable));
  const direction = raw(input.order === 'desc' ? 'DESC' : 'ASC');
  const rows = await db.query<DebtorListRow>(sql`
    SELECT d.id, d.kind, d.name, d.siren, d.city, d.tags, b.outstanding, b.overdue, coalesce(b.open_count, 0)::int AS open_count,
           b.oldest_due, coalesce(b.total_outstanding, 0)::bigint AS total_outstanding, ${sortColumn} AS sort_value
    FROM amiable.debtor d
    LEFT JOIN LATERAL (
      SELECT jsonb_agg(jsonb_build_object('currency', currency, 'cents', open_cents) ORDER BY currency) AS outstanding,
             jsonb_agg(jsonb_build_object('currency', currency, 'cents', overdue_cents) ORDER BY currency) FILTER (WHERE overdue_cents > 0) AS overdue,
             sum(n) AS open_count, min(oldest) AS oldest_due, sum(open_cents) AS total_outstanding
      FROM (
        SELECT i.currency, sum(i.outstanding_cents) AS open_cents,
               coalesce(sum(i.outstanding_cents) FILTER (WHERE i.due_date < ${today}::date), 0) AS overdue_cents,
               count(*) AS n, min(i.due_date) AS oldest
        FROM amiable.invoice i
        WHERE i.debtor_id = d.id AND i.kind = 'invoice' AND i.outstanding_cents > 0 ${invoiceScope}
        GROUP BY i.currency
      ) per_currency
    ) b ON true
    ${where.length > 0 ? sql`WHERE ${join(where, ' AND ')}` : empty}
    ORDER BY ${sortColumn} ${direction}, d.id ${direction}
    LIMIT ${input.limit + 1}`);
  return pageOf(
    rows,
    input.limit,
    (row) => ({
      id: row.id,
      kind: row.kind,
      name: row.name,
      siren: row.siren,
      city: row.city,
      tags: row.tags,
      outstanding: row.outstanding ?? [],
      overdue: row.overdue ?? [],
      openInvoiceCount: row.open_count,
      oldestDueDate: row.oldest_due,
      maxDaysOverdue: row.oldest_due ? daysOverdue(row.oldest_due, today) : 0,
    }),
    (row) => ({ value: row.sort_value, id: row.id }),
  );
}

export interface DebtorDetail {
  readonly debtor: DebtorRecord;
  readonly contacts: ContactRecord[];
  readonly accountCodes: { creditorId: string; accountCode: string }[];
  readonly outstanding: MoneyByCurrency[];
  readonly overdue: MoneyByCurrency[];
  /** Unallocated payments plus unused credit notes. */
  readonly credit: MoneyByCurrency[];
  readonly aging: AgingLine[];
}

export async function getDebtorDetail(db: Queryable, id: string, today: IsoDate): Promise<DebtorDetail | null> {
  const row = await db.maybeOne<DebtorRow>(sql`SELECT * FROM amiable.debtor WHERE id = ${id}`);
  if (!row) return null;
  const contacts = await db.query<ContactRow>(sql`SELECT * FROM amiable.contact WHERE debtor_id = ${id} ORDER BY is_primary DESC, name`);
  const accounts = await db.query<{ creditorId: string; accountCode: string }>(
    sql`SELECT creditor_id AS "creditorId", account_code AS "accountCode" FROM amiable.debtor_account WHERE debtor_id = ${id} ORDER BY account_code`,
  );
  const balances = await db.query<{ currency: string; outstanding: number; overdue: number }>(sql`
    SELECT currency, sum(outstanding_cents)::bigint AS outstanding,
           coalesce(sum(outstanding_cents) FILTER (WHERE due_date < ${today}::date), 0)::bigint AS overdue
    FROM amiable.invoice WHERE debtor_id = ${id} AND kind = 'invoice' AND outstanding_cents > 0
    GROUP BY currency ORDER BY currency`);
  const credit = await db.query<{ currency: string; cents: number }>(sql`
    SELECT currency, sum(cents)::bigint AS cents FROM (
      SELECT currency, amount_cents - allocated_cents AS cents FROM amiable.payment WHERE debtor_id = ${id} AND reversed_at IS NULL
      UNION ALL
      SELECT currency, outstanding_cents FROM amiable.invoice WHERE debtor_id = ${id} AND kind = 'credit-note'
    ) c WHERE cents > 0 GROUP BY currency ORDER BY currency`);
  return {
    debtor: debtorOf(row),
    contacts: contacts.map(contactOf),
    accountCodes: accounts,
    outstanding: balances.map((b) => ({ currency: b.currency, cents: b.outstanding })),
    overdue: balances.filter((b) => b.overdue > 0).map((b) => ({ currency: b.currency, cents: b.overdue })),
    credit,
    aging: await agingReport(db, { today, debtorId: id }),
  };
}

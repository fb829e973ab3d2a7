import {
  AGING_BUCKETS,
  type AgingBucket,
  type Cents,
  type IsoDate,
  agingBucketOf,
  daysOverdue,
  dueDateRangeOfBucket,
  invoiceStatusOf,
} from '@amiable/domain';
import type { InvoiceStatus } from '@amiable/domain';
import { prescriptionInterruptions } from './claim-queries.js';
import { type SqlQuery, empty, join, prepared, raw, sql } from '../sql.js';
import type pg from 'pg';
import { readInTenant } from '../read-in-tenant.js';
import type { Queryable, TenantContext } from '../tenant-transaction.js';
import { type Cursor, type Page, afterCursor, likePattern, pageOf } from './cursor.js';

export interface InvoiceFilter {
  readonly status?: 'open' | InvoiceStatus | undefined;
  readonly bucket?: AgingBucket | undefined;
  readonly kind?: 'invoice' | 'credit-note' | undefined;
  readonly debtorId?: string | undefined;
  readonly creditorId?: string | undefined;
  readonly tag?: string | undefined;
  readonly currency?: string | undefined;
  readonly minAmountCents?: Cents | undefined;
  readonly maxAmountCents?: Cents | undefined;
  readonly search?: string | undefined;
  /** Open invoices whose last day to act (prescription) is on or before this date. */
  readonly prescriptionBefore?: IsoDate | undefined;
}

export type InvoiceSort = 'dueDate' | 'issueDate' | 'amount' | 'outstanding' | 'number' | 'debtorName';

export interface InvoiceListItem {
  readonly id: string;
  readonly kind: 'invoice' | 'credit-note';
  readonly number: string;
  readonly creditor: { readonly id: string; readonly name: string };
  readonly debtor: { readonly id: string; readonly name: string; readonly kind: 'business' | 'consumer' };
  readonly issueDate: IsoDate;
  readonly dueDate: IsoDate | null;
  readonly currency: string;
  readonly amountInclTaxCents: Cents;
  readonly amountDueCents: Cents;
  readonly outstandingCents: Cents;
  readonly status: InvoiceStatus;
  readonly daysOverdue: number;
  readonly bucket: AgingBucket;
  readonly hasDocument: boolean;
}

const SORT_COLUMNS: Readonly<Record<InvoiceSort, { column: string; nullable: boolean; text: boolean }>> = {
  dueDate: { column: 'i.due_date', nullable: true, text: true },
  issueDate: { column: 'i.issue_date', nullable: false, text: true },
  amount: { column: 'i.amount_incl_tax_cents', nullable: false, text: false },
  outstanding: { column: 'i.outstanding_cents', nullable: false, text: false },
  number: { column: 'i.number', nullable: false, text: true },
  debtorName: { column: 'd.name', nullable: false, text: true },
};

const OPEN_DISPUTE = sql`EXISTS (SELECT 1 FROM amiable.dispute x WHERE x.invoice_id = i.id AND x.resolved_at IS NULL)`;

export function invoiceConditions(filter: InvoiceFilter, today: IsoDate): SqlQuery[] {
  const where: SqlQuery[] = [];
  const status = filter.status ?? (filter.bucket ? 'open' : undefined);
  if (status === 'open') where.push(sql`i.outstanding_cents > 0`);
  if (status === 'paid') where.push(sql`i.outstanding_cents <= 0`);
  if (status === 'disputed') where.push(sql`i.outstanding_cents > 0 AND ${OPEN_DISPUTE}`);
  if (status === 'overdue') where.push(sql`i.outstanding_cents > 0 AND i.due_date < ${today}::date AND NOT ${OPEN_DISPUTE}`);
  if (status === 'due')
    where.push(sql`i.outstanding_cents > 0 AND (i.due_date >= ${today}::date OR i.due_date IS NULL) AND NOT ${OPEN_DISPUTE}`);
  if (filter.bucket === 'no-due-date') where.push(sql`i.due_date IS NULL`);
  else if (filter.bucket) {
    const range = dueDateRangeOfBucket(filter.bucket, today);
    if (range.from) where.push(sql`i.due_date >= ${range.from}::date`);
    if (range.to) where.push(sql`i.due_date <= ${range.to}::date`);
  }
  // Aging and "open" lists concern invoices; credit notes appear when asked for.
  const kind = filter.kind ?? (status && status !== 'paid' ? 'invoice' : filter.bucket ? 'invoice' : undefined);
  // A literal, not a parameter: only then can a prepared (generic) plan prove the partial
  // index invoice_open_by_due (… WHERE outstanding_cents > 0 AND kind = 'invoice') usable.
  if (kind) where.push(kind === 'credit-note' ? sql`i.kind = 'credit-note'` : sql`i.kind = 'invoice'`);
  if (filter.debtorId) where.push(sql`i.debtor_id = ${filter.debtorId}`);
  if (filter.creditorId) where.push(sql`i.creditor_id = ${filter.creditorId}`);
  if (filter.tag) where.push(sql`d.tags @> ARRAY[${filter.tag.trim().toLowerCase()}]::text[]`);
  if (filter.currency) where.push(sql`i.currency = ${filter.currency}`);
  if (filter.minAmountCents !== undefined) where.push(sql`i.amount_incl_tax_cents >= ${filter.minAmountCents}`);
  if (filter.maxAmountCents !== undefined) where.push(sql`i.amount_incl_tax_cents <= ${filter.maxAmountCents}`);
  if (filter.prescriptionBefore) {
    // C. com. L110-4 / C. conso. L218-2: 5 years, 2 against a consumer; see amiable.prescription_last_day.
    where.push(sql`i.outstanding_cents > 0 AND i.due_date IS NOT NULL AND amiable.prescription_last_day(i.due_date,
      CASE d.kind WHEN 'consumer' THEN 2 ELSE 5 END, ${prescriptionInterruptions}::date[]) <= ${filter.prescriptionBefore}::date`);
  }
  if (filter.search?.trim()) {
    const pattern = likePattern(filter.search.trim());
    where.push(sql`(i.number ILIKE ${pattern} OR d.name ILIKE ${pattern})`);
  }
  return where;
}

interface ListRow {
  id: string;
  kind: 'invoice' | 'credit-note';
  number: string;
  creditor_id: string;
  creditor_name: string;
  debtor_id: string;
  debtor_name: string;
  debtor_kind: 'business' | 'consumer';
  issue_date: string;
  due_date: string | null;
  currency: string;
  amount_incl_tax_cents: number;
  amount_due_cents: number;
  outstanding_cents: number;
  disputed: boolean;
  has_document: boolean;
  sort_value: string | number | null;
}

export function invoiceListItem(row: Omit<ListRow, 'sort_value'>, today: IsoDate): InvoiceListItem {
  const status = invoiceStatusOf({ outstandingCents: row.outstanding_cents, dueDate: row.due_date, disputed: row.disputed }, today);
  const open = row.outstanding_cents > 0 && row.kind === 'invoice';
  return {
    id: row.id,
    kind: row.kind,
    number: row.number,
    creditor: { id: row.creditor_id, name: row.creditor_name },
    debtor: { id: row.debtor_id, name: row.debtor_name, kind: row.debtor_kind },
    issueDate: row.issue_date,
    dueDate: row.due_date,
    currency: row.currency,
    amountInclTaxCents: row.amount_incl_tax_cents,
    amountDueCents: row.amount_due_cents,
    outstandingCents: row.outstanding_cents,
    status,
    daysOverdue: open && row.due_date ? daysOverdue(row.due_date, today) : 0,
    bucket: agingBucketOf(row.due_date, today),
    hasDocument: row.has_document,
  };
}

const LIST_COLUMNS = sql`i.id, i.kind, i.number, i.creditor_id, c.legal_name AS creditor_name, i.debtor_id, d.name AS debtor_name,
  d.kind AS debtor_kind, i.issue_date, i.due_date, i.currency, i.amount_incl_tax_cents, i.amount_due_cents, i.outstanding_cents,
  i.document_file_id IS NOT NULL AS has_document`;

export const INVOICE_LIST_COLUMNS = sql`${LIST_COLUMNS}, ${OPEN_DISPUTE} AS disputed`;

export interface InvoiceListInput {
  readonly filter: InvoiceFilter;
  readonly sort: InvoiceSort;
  readonly order: 'asc' | 'desc';
  readonly cursor: Cursor | null;
  readonly limit: number;
  readonly today: IsoDate;
}

function invoicePageQuery(input: InvoiceListInput): SqlQuery {
  const sort = SORT_COLUMNS[input.sort];
  const column = raw(sort.column);
  const direction = raw(input.order === 'desc' ? 'DESC' : 'ASC');
  const where = invoiceConditions(input.filter, input.today);
  if (input.cursor) where.push(afterCursor(sql`${column}`, sql`i.id`, input.order, input.cursor, sort.nullable));
  if (!Number.isSafeInteger(input.limit) || input.limit < 1) throw new RangeError(`invalid page size ${input.limit}`);
  // The open-dispute flag is computed on the page only, after the LIMIT, and as a scalar
  // subquery: PostgreSQL may answer an EXISTS by hashing the whole subquery result, and it
  // did, scanning all the tenant's open disputes (row-level security checked on each) on
  // every request — 10 ms at 4,000 disputes. A scalar subquery is one index probe per row
  // of the page. The outer ORDER BY keeps the page's order explicit.
  return prepared(
    sql`
    SELECT page.*,
      coalesce((SELECT true FROM amiable.dispute x WHERE x.invoice_id = page.id AND x.resolved_at IS NULL LIMIT 1), false) AS disputed
    FROM (
      SELECT ${LIST_COLUMNS}, ${column} AS sort_value
      FROM amiable.invoice i
      JOIN amiable.debtor d ON d.tenant_id = i.tenant_id AND d.id = i.debtor_id
      JOIN amiable.creditor c ON c.tenant_id = i.tenant_id AND c.id = i.creditor_id
      ${where.length > 0 ? sql`WHERE ${join(where, ' AND ')}` : empty}
      ORDER BY ${column} ${direction}, i.id ${direction}
      LIMIT ${raw(String(input.limit + 1))}
    ) page
    ORDER BY page.sort_value ${direction}, page.id ${direction}`,
    // Prepared: planning (row-level security, three tables, the partial index) cost as
    // much database time as running the query. The page size is a literal for the same
    // reason as the kind: a generic plan with LIMIT $n guesses the page size.
    'amiable_list_invoices',
  );
}

function invoicePageOf(rows: ListRow[], input: InvoiceListInput): Page<InvoiceListItem> {
  return pageOf(
    rows,
    input.limit,
    (row) => invoiceListItem(row, input.today),
    (row) => ({ value: row.sort_value, id: row.id }),
  );
}

/** A page of invoices, inside the caller's transaction. */
export async function listInvoices(db: Queryable, input: InvoiceListInput): Promise<Page<InvoiceListItem>> {
  return invoicePageOf(await db.query<ListRow>(invoicePageQuery(input)), input);
}

/** The same page in one round trip of its own (the API's hot path: see read-in-tenant.ts). */
export async function listInvoicesOfTenant(pool: pg.Pool, context: TenantContext, input: InvoiceListInput): Promise<Page<InvoiceListItem>> {
  return invoicePageOf(await readInTenant<ListRow>(pool, context, invoicePageQuery(input)), input);
}

/** Streams every matching invoice (CSV export) in batches, in due-date order. */
export async function* allInvoices(
  db: Queryable,
  filter: InvoiceFilter,
  today: IsoDate,
  batchSize = 2000,
): AsyncGenerator<InvoiceListItem> {
  let cursor: Cursor | null = null;
  for (;;) {
    const page: Page<InvoiceListItem> = await listInvoices(db, { filter, sort: 'dueDate', order: 'asc', cursor, limit: batchSize, today });
    yield* page.items;
    if (!page.nextCursor) return;
    const last = page.items[page.items.length - 1];
    if (!last) return;
    cursor = { value: last.dueDate, id: last.id };
  }
}

export interface AgingLine {
  readonly bucket: AgingBucket;
  readonly currency: string;
  readonly count: number;
  readonly amountCents: Cents;
}

/** The aged balance (balance âgée) of open invoices on `today`, per bucket and currency. */
export async function agingReport(
  db: Queryable,
  input: { today: IsoDate; creditorId?: string | undefined; debtorId?: string | undefined },
): Promise<AgingLine[]> {
  const where: SqlQuery[] = [sql`i.kind = 'invoice'`, sql`i.outstanding_cents > 0`];
  if (input.creditorId) where.push(sql`i.creditor_id = ${input.creditorId}`);
  if (input.debtorId) where.push(sql`i.debtor_id = ${input.debtorId}`);
  const t = input.today;
  const rows = await db.query<{ bucket: AgingBucket; currency: string; count: number; amount: number }>(sql`
    SELECT CASE
             WHEN i.due_date IS NULL THEN 'no-due-date'
             WHEN i.due_date >= ${t}::date THEN 'not-due'
             WHEN i.due_date >= ${t}::date - 30 THEN '1-30'
             WHEN i.due_date >= ${t}::date - 60 THEN '31-60'
             WHEN i.due_date >= ${t}::date - 90 THEN '61-90'
             WHEN i.due_date >= ${t}::date - 180 THEN '91-180'
             ELSE 'over-180' END AS bucket,
           i.currency, count(*)::int AS count, sum(i.outstanding_cents)::bigint AS amount
    FROM amiable.invoice i
    WHERE ${join(where, ' AND ')}
    GROUP BY 1, 2`);
  const order = new Map(AGING_BUCKETS.map((bucket, index) => [bucket, index]));
  return rows
    .map((row) => ({ bucket: row.bucket, currency: row.currency, count: row.count, amountCents: row.amount }))
    .sort((a, b) => a.currency.localeCompare(b.currency) || (order.get(a.bucket) ?? 0) - (order.get(b.bucket) ?? 0));
}

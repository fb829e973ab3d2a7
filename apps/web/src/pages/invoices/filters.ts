/**
 * The invoice list's filters live in the URL (/invoices?status=overdue&bucket=1-30),
 * so a bucket card, a bookmark or the back button lead to the same list.
 */
import { AGING_BUCKETS, isIsoDate } from '@amiable/domain';
import type { InvoiceFilters } from '../../api/invoices';
import type { AgingBucket, InvoiceListQuery } from '../../api/types';

export type InvoiceStatusFilter = NonNullable<InvoiceListQuery['status']>;
export type InvoiceSort = NonNullable<InvoiceListQuery['sort']>;
export type SortOrder = NonNullable<InvoiceListQuery['order']>;

export const STATUS_FILTERS: readonly InvoiceStatusFilter[] = ['open', 'due', 'overdue', 'disputed', 'paid'];
export const INVOICE_SORTS: readonly InvoiceSort[] = ['dueDate', 'issueDate', 'amount', 'outstanding', 'number', 'debtorName'];
/** The API's default order: due date ascending, the most overdue first. */
export const DEFAULT_SORT: InvoiceSort = 'dueDate';
export const DEFAULT_ORDER: SortOrder = 'asc';
export const PAGE_SIZE = 50;

function pick<T extends string>(allowed: readonly T[], value: string | null): T | undefined {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

function text(value: string | null): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

const AMOUNT_RE = /^-?\d{1,15}(\.\d{1,2})?$/;
const amount = (value: string | null) => (value !== null && AMOUNT_RE.test(value) ? value : undefined);
const date = (value: string | null) => (value !== null && isIsoDate(value) ? value : undefined);

/** "Near prescription": the last day to act falls within this many months of today (in Paris). */
export const PRESCRIPTION_HORIZONS = [3, 6, 12] as const;

/** Reads the filters from the query string, dropping anything the API would refuse. */
export function filtersFromSearch(params: URLSearchParams): InvoiceFilters {
  const filters: InvoiceFilters = {
    status: pick(STATUS_FILTERS, params.get('status')),
    bucket: pick<AgingBucket>(AGING_BUCKETS, params.get('bucket')),
    creditorId: text(params.get('creditorId')),
    debtorId: text(params.get('debtorId')),
    tag: text(params.get('tag')),
    currency: text(params.get('currency')),
    minAmount: amount(params.get('minAmount')),
    maxAmount: amount(params.get('maxAmount')),
    search: text(params.get('search')),
    prescriptionBefore: date(params.get('prescriptionBefore')),
    sort: pick(INVOICE_SORTS, params.get('sort')),
    order: pick<SortOrder>(['asc', 'desc'], params.get('order')),
  };
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined)) as InvoiceFilters;
}

export const FILTER_KEYS = [
  'status',
  'bucket',
  'creditorId',
  'debtorId',
  'tag',
  'currency',
  'minAmount',
  'maxAmount',
  'search',
  'prescriptionBefore',
  'sort',
  'order',
] as const;

/** Writes `changes` into the query string, keeping unrelated parameters (such as the open invoice). */
export function applyFilterChanges(params: URLSearchParams, changes: Partial<Record<(typeof FILTER_KEYS)[number], string | undefined>>) {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined || value === '') next.delete(key);
    else next.set(key, value);
  }
  return next;
}

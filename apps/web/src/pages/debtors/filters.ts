import type { DebtorFilters } from '../../api/debtors';
import type { DebtorKind, DebtorListQuery } from '../../api/types';

export type DebtorSort = NonNullable<DebtorListQuery['sort']>;
export type SortOrder = NonNullable<DebtorListQuery['order']>;
export const DEBTOR_SORTS: readonly DebtorSort[] = ['name', 'outstanding', 'oldestDueDate'];
export const DEBTOR_KINDS: readonly DebtorKind[] = ['business', 'consumer'];
export const DEFAULT_SORT: DebtorSort = 'name';
export const PAGE_SIZE = 50;

function pick<T extends string>(allowed: readonly T[], value: string | null): T | undefined {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** /debtors?search=…&kind=business&tag=…&overdue=true&sort=outstanding&order=desc */
export function debtorFiltersFromSearch(params: URLSearchParams): DebtorFilters {
  const filters: DebtorFilters = {
    search: params.get('search')?.trim() || undefined,
    kind: pick(DEBTOR_KINDS, params.get('kind')),
    tag: params.get('tag')?.trim() || undefined,
    creditorId: params.get('creditorId')?.trim() || undefined,
    overdue: params.get('overdue') === 'true' ? true : undefined,
    sort: pick(DEBTOR_SORTS, params.get('sort')),
    order: pick<SortOrder>(['asc', 'desc'], params.get('order')),
  };
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined)) as DebtorFilters;
}

export function applyDebtorChanges(params: URLSearchParams, changes: Record<string, string | undefined>) {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined || value === '') next.delete(key);
    else next.set(key, value);
  }
  return next;
}

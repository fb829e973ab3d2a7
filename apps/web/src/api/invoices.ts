import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest, apiUrl } from './client';
import type { AgingQuery, AgingReport, DisputeInput, Invoice, InvoiceListQuery, InvoicePage, ResolveDisputeInput } from './types';

export type InvoiceFilters = Omit<InvoiceListQuery, 'cursor'>;

export const listInvoices = (query: InvoiceListQuery, signal?: AbortSignal) =>
  apiRequest<InvoicePage>('GET', '/invoices', { query, signal });
export const getAging = (query: AgingQuery, signal?: AbortSignal) => apiRequest<AgingReport>('GET', '/invoices/aging', { query, signal });
export const getInvoice = (id: string, signal?: AbortSignal) =>
  apiRequest<Invoice>('GET', `/invoices/${encodeURIComponent(id)}`, { signal });
export const openDispute = (id: string, body: DisputeInput) =>
  apiRequest<Invoice>('POST', `/invoices/${encodeURIComponent(id)}/disputes`, { json: body });
export const resolveDispute = (id: string, disputeId: string, body: ResolveDisputeInput) =>
  apiRequest<Invoice>('POST', `/invoices/${encodeURIComponent(id)}/disputes/${encodeURIComponent(disputeId)}/resolve`, { json: body });

/** A plain link: the browser downloads the file with the session cookie. */
export function invoicesExportUrl(filters: InvoiceFilters): string {
  const { limit: _limit, ...rest } = filters;
  return apiUrl('/invoices/export.csv', rest);
}

export const invoiceDocumentUrl = (id: string) => apiUrl(`/invoices/${encodeURIComponent(id)}/document`);

export const invoiceKeys = {
  all: ['invoices'] as const,
  list: (filters: InvoiceFilters) => ['invoices', 'list', filters] as const,
  detail: (id: string) => ['invoices', 'detail', id] as const,
  aging: (query: AgingQuery) => ['invoices', 'aging', query] as const,
};

export function useInvoices(filters: InvoiceFilters) {
  return useInfiniteQuery({
    queryKey: invoiceKeys.list(filters),
    queryFn: ({ pageParam, signal }) => listInvoices({ ...filters, cursor: pageParam ?? undefined }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useAging(query: AgingQuery) {
  return useQuery({ queryKey: invoiceKeys.aging(query), queryFn: ({ signal }) => getAging(query, signal) });
}

export function useInvoice(id: string | null) {
  return useQuery({
    queryKey: invoiceKeys.detail(id ?? ''),
    queryFn: ({ signal }) => getInvoice(id ?? '', signal),
    enabled: id !== null,
  });
}

/** After a dispute change: the detail comes back in the response; lists, aging and the debtor's page are stale. */
function useInvoiceUpdated() {
  const client = useQueryClient();
  return (invoice: Invoice) => {
    client.setQueryData(invoiceKeys.detail(invoice.id), invoice);
    void client.invalidateQueries({ queryKey: ['invoices', 'list'] });
    void client.invalidateQueries({ queryKey: ['invoices', 'aging'] });
    void client.invalidateQueries({ queryKey: ['debtors'] });
  };
}

export function useOpenDispute(invoiceId: string) {
  const updated = useInvoiceUpdated();
  return useMutation({ mutationFn: (body: DisputeInput) => openDispute(invoiceId, body), onSuccess: updated });
}

export function useResolveDispute(invoiceId: string) {
  const updated = useInvoiceUpdated();
  return useMutation({
    mutationFn: ({ disputeId, resolution }: { disputeId: string; resolution: string }) =>
      resolveDispute(invoiceId, disputeId, { resolution }),
    onSuccess: updated,
  });
}

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from './client';
import type {
  ActivityPage,
  Contact,
  ContactInput,
  ContactPatch,
  Debtor,
  DebtorListQuery,
  DebtorPage,
  DebtorPatch,
  Note,
  NoteInput,
  NotePage,
  PaymentPage,
} from './types';

export type DebtorFilters = Omit<DebtorListQuery, 'cursor'>;

const debtorPath = (id: string) => `/debtors/${encodeURIComponent(id)}`;

export const listDebtors = (query: DebtorListQuery, signal?: AbortSignal) => apiRequest<DebtorPage>('GET', '/debtors', { query, signal });
export const getDebtor = (id: string, signal?: AbortSignal) => apiRequest<Debtor>('GET', debtorPath(id), { signal });
export const patchDebtor = (id: string, body: DebtorPatch) => apiRequest<Debtor>('PATCH', debtorPath(id), { json: body });
export const addContact = (id: string, body: ContactInput) => apiRequest<Contact>('POST', `${debtorPath(id)}/contacts`, { json: body });
export const patchContact = (id: string, contactId: string, body: ContactPatch) =>
  apiRequest<Contact>('PATCH', `${debtorPath(id)}/contacts/${encodeURIComponent(contactId)}`, { json: body });
export const listNotes = (id: string, cursor: string | null, signal?: AbortSignal) =>
  apiRequest<NotePage>('GET', `${debtorPath(id)}/notes`, { query: { cursor }, signal });
export const addNote = (id: string, body: NoteInput) => apiRequest<Note>('POST', `${debtorPath(id)}/notes`, { json: body });
export const listActivity = (id: string, cursor: string | null, signal?: AbortSignal) =>
  apiRequest<ActivityPage>('GET', `${debtorPath(id)}/activity`, { query: { cursor, limit: 50 }, signal });
export const listPayments = (debtorId: string, cursor: string | null, signal?: AbortSignal) =>
  apiRequest<PaymentPage>('GET', '/payments', { query: { debtorId, cursor }, signal });

export const debtorKeys = {
  all: ['debtors'] as const,
  list: (filters: DebtorFilters) => ['debtors', 'list', filters] as const,
  detail: (id: string) => ['debtors', 'detail', id] as const,
  notes: (id: string) => ['debtors', 'notes', id] as const,
  activity: (id: string) => ['debtors', 'activity', id] as const,
  payments: (id: string) => ['debtors', 'payments', id] as const,
  /** What may be claimed (legal engine), one entry per computation date; under 'debtors' so ledger changes refresh it. */
  claim: (id: string) => ['debtors', 'claim', id] as const,
  claims: ['debtors', 'claim'] as const,
};

const nextCursor = (last: { nextCursor: string | null }) => last.nextCursor ?? undefined;

export function useDebtors(filters: DebtorFilters) {
  return useInfiniteQuery({
    queryKey: debtorKeys.list(filters),
    queryFn: ({ pageParam, signal }) => listDebtors({ ...filters, cursor: pageParam ?? undefined }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: nextCursor,
  });
}

export function useDebtor(id: string) {
  return useQuery({ queryKey: debtorKeys.detail(id), queryFn: ({ signal }) => getDebtor(id, signal) });
}

export function useDebtorNotes(id: string) {
  return useInfiniteQuery({
    queryKey: debtorKeys.notes(id),
    queryFn: ({ pageParam, signal }) => listNotes(id, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: nextCursor,
  });
}

export function useDebtorActivity(id: string) {
  return useInfiniteQuery({
    queryKey: debtorKeys.activity(id),
    queryFn: ({ pageParam, signal }) => listActivity(id, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: nextCursor,
  });
}

export function useDebtorPayments(id: string) {
  return useInfiniteQuery({
    queryKey: debtorKeys.payments(id),
    queryFn: ({ pageParam, signal }) => listPayments(id, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: nextCursor,
  });
}

/** Any change to a debtor shows in its page, its activity log and the lists. */
function useDebtorChanged(id: string) {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: debtorKeys.detail(id) });
    void client.invalidateQueries({ queryKey: debtorKeys.activity(id) });
    void client.invalidateQueries({ queryKey: ['debtors', 'list'] });
  };
}

export function usePatchDebtor(id: string) {
  const client = useQueryClient();
  const changed = useDebtorChanged(id);
  return useMutation({
    mutationFn: (body: DebtorPatch) => patchDebtor(id, body),
    onSuccess: (debtor) => {
      client.setQueryData(debtorKeys.detail(id), debtor);
      changed();
      // A change of kind (business or consumer) changes penalties, indemnities and prescription.
      void client.invalidateQueries({ queryKey: debtorKeys.claim(id) });
      void client.invalidateQueries({ queryKey: ['invoices', 'list'] });
    },
  });
}

export function useAddContact(id: string) {
  const changed = useDebtorChanged(id);
  return useMutation({ mutationFn: (body: ContactInput) => addContact(id, body), onSuccess: changed });
}

export function usePatchContact(id: string) {
  const changed = useDebtorChanged(id);
  return useMutation({
    mutationFn: ({ contactId, body }: { contactId: string; body: ContactPatch }) => patchContact(id, contactId, body),
    onSuccess: changed,
  });
}

export function useAddNote(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NoteInput) => addNote(id, body),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: debtorKeys.notes(id) });
      void client.invalidateQueries({ queryKey: debtorKeys.activity(id) });
    },
  });
}

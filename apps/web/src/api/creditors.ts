import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest, apiUrl } from './client';
import type { Creditor, CreditorInput, CreditorPage } from './types';

const creditorPath = (id: string) => `/creditors/${encodeURIComponent(id)}`;

export const listCreditors = (signal?: AbortSignal) => apiRequest<CreditorPage>('GET', '/creditors', { signal });
export const getCreditor = (id: string, signal?: AbortSignal) => apiRequest<Creditor>('GET', creditorPath(id), { signal });
export const createCreditor = (body: CreditorInput) => apiRequest<Creditor>('POST', '/creditors', { json: body });
export const updateCreditor = (id: string, body: CreditorInput) => apiRequest<Creditor>('PATCH', creditorPath(id), { json: body });
export function uploadCreditorLogo(id: string, file: File): Promise<Creditor> {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiRequest<Creditor>('PUT', `${creditorPath(id)}/logo`, { form });
}
/** The logo as the letters print it; `version` (the creditor's updatedAt) makes a new upload show at once. */
export const creditorLogoUrl = (id: string, version: string) => apiUrl(`${creditorPath(id)}/logo`, { v: version });

export const creditorKeys = {
  all: ['creditors'] as const,
  one: (id: string) => ['creditors', id] as const,
};

export function useCreditors() {
  return useQuery({ queryKey: creditorKeys.all, queryFn: ({ signal }) => listCreditors(signal), staleTime: 60_000 });
}

/** One creditor; `null` (the form of a new one) reads nothing. */
export function useCreditor(id: string | null) {
  return useQuery({ queryKey: creditorKeys.one(id ?? ''), queryFn: ({ signal }) => getCreditor(id ?? '', signal), enabled: id !== null });
}

/** Creating or changing a creditor refreshes every creditor list (import, campaigns, letters). */
function useCreditorSaved() {
  const client = useQueryClient();
  return (creditor: Creditor) => {
    client.setQueryData(creditorKeys.one(creditor.id), creditor);
    void client.invalidateQueries({ queryKey: creditorKeys.all, exact: true });
  };
}

export function useCreateCreditor() {
  const saved = useCreditorSaved();
  return useMutation({ mutationFn: createCreditor, onSuccess: saved });
}

export function useUpdateCreditor(id: string) {
  const saved = useCreditorSaved();
  return useMutation({ mutationFn: (body: CreditorInput) => updateCreditor(id, body), onSuccess: saved });
}

export function useUploadCreditorLogo(id: string) {
  const saved = useCreditorSaved();
  return useMutation({ mutationFn: (file: File) => uploadCreditorLogo(id, file), onSuccess: saved });
}

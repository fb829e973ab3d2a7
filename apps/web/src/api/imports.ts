import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from './client';
import type { ImportBatch, ImportBatchPage, ImportConfirmBody, ImportPreview, ImportPreviewBody, ImportStatus } from './types';

const importPath = (id: string) => `/imports/${encodeURIComponent(id)}`;

export function uploadImport(file: File, creditorId: string | null): Promise<ImportPreview> {
  const form = new FormData();
  if (creditorId) form.append('creditorId', creditorId);
  form.append('file', file, file.name);
  return apiRequest<ImportPreview>('POST', '/imports', { form });
}
export const previewImport = (id: string, body: ImportPreviewBody) =>
  apiRequest<ImportPreview>('POST', `${importPath(id)}/preview`, { json: body });
export const confirmImport = (id: string, body: ImportConfirmBody) =>
  apiRequest<ImportBatch>('POST', `${importPath(id)}/confirm`, { json: body });
export const getImport = (id: string, signal?: AbortSignal) => apiRequest<ImportBatch>('GET', importPath(id), { signal });
export const listImports = (cursor: string | null, signal?: AbortSignal) =>
  apiRequest<ImportBatchPage>('GET', '/imports', { query: { cursor }, signal });

/** The statuses after which the batch no longer changes. */
export const FINISHED_IMPORT_STATUSES: readonly ImportStatus[] = ['completed', 'rejected', 'failed'];
export const isImportFinished = (status: ImportStatus) => FINISHED_IMPORT_STATUSES.includes(status);

export const importKeys = {
  history: ['imports', 'history'] as const,
  batch: (id: string) => ['imports', 'batch', id] as const,
};

export function useUploadImport() {
  return useMutation({ mutationFn: ({ file, creditorId }: { file: File; creditorId: string | null }) => uploadImport(file, creditorId) });
}

export function usePreviewImport() {
  return useMutation({ mutationFn: ({ id, body }: { id: string; body: ImportPreviewBody }) => previewImport(id, body) });
}

export function useConfirmImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ImportConfirmBody }) => confirmImport(id, body),
    onSuccess: (batch) => {
      client.setQueryData(importKeys.batch(batch.id), batch);
      void client.invalidateQueries({ queryKey: importKeys.history });
    },
  });
}

/** Polls the batch every second until it is finished, then refreshes everything the import may have changed. */
export function useImportBatch(id: string | null) {
  const client = useQueryClient();
  return useQuery({
    queryKey: importKeys.batch(id ?? ''),
    enabled: id !== null,
    queryFn: async ({ signal }) => {
      const batch = await getImport(id ?? '', signal);
      if (isImportFinished(batch.status)) {
        void client.invalidateQueries({ queryKey: importKeys.history });
        void client.invalidateQueries({ queryKey: ['invoices'] });
        void client.invalidateQueries({ queryKey: ['debtors'] });
      }
      return batch;
    },
    refetchInterval: (query) => {
      const batch = query.state.data;
      return batch && isImportFinished(batch.status) ? false : 1000;
    },
  });
}

export function useImportHistory() {
  return useInfiniteQuery({
    queryKey: importKeys.history,
    queryFn: ({ pageParam, signal }) => listImports(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

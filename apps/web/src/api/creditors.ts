import { useQuery } from '@tanstack/react-query';
import { apiRequest } from './client';
import type { CreditorPage } from './types';

export const listCreditors = (signal?: AbortSignal) => apiRequest<CreditorPage>('GET', '/creditors', { signal });

export function useCreditors() {
  return useQuery({ queryKey: ['creditors'], queryFn: ({ signal }) => listCreditors(signal), staleTime: 60_000 });
}

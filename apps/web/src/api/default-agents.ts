import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from './client';
import type { CreditorDefaultAgent } from './types';

/** Who follows each creditor's new cases (the planner and campaigns open them assigned to that member). */
export const listDefaultAgents = (signal?: AbortSignal) =>
  apiRequest<CreditorDefaultAgent[]>('GET', '/recovery/default-agents', { signal });
export const setDefaultAgent = (creditorId: string, assigneeId: string | null) =>
  apiRequest<CreditorDefaultAgent>('PUT', `/recovery/creditors/${encodeURIComponent(creditorId)}/default-agent`, { json: { assigneeId } });

const key = ['recovery', 'default-agents'] as const;

export function useDefaultAgents() {
  return useQuery({ queryKey: key, queryFn: ({ signal }) => listDefaultAgents(signal) });
}

export function useSetDefaultAgent(creditorId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (assigneeId: string | null) => setDefaultAgent(creditorId, assigneeId),
    onSuccess: () => void client.invalidateQueries({ queryKey: key }),
  });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from './client';
import { recoveryKeys } from './recovery-keys';
import type { ContactPolicyDto, ScenarioDto, ScenarioInput, SegmentRules } from './types';

export const listScenarios = (signal?: AbortSignal) => apiRequest<ScenarioDto[]>('GET', '/recovery/scenarios', { signal });
export const createScenario = (body: ScenarioInput) => apiRequest<ScenarioDto>('POST', '/recovery/scenarios', { json: body });
export const updateScenario = (id: string, body: ScenarioInput) =>
  apiRequest<ScenarioDto>('PUT', `/recovery/scenarios/${encodeURIComponent(id)}`, { json: body });
export const getSegments = (signal?: AbortSignal) => apiRequest<SegmentRules>('GET', '/recovery/segments', { signal });
export const putSegments = (body: SegmentRules) => apiRequest<SegmentRules>('PUT', '/recovery/segments', { json: body });
export const getContactPolicy = (signal?: AbortSignal) => apiRequest<ContactPolicyDto>('GET', '/recovery/contact-policy', { signal });
export const putContactPolicy = (body: ContactPolicyDto) => apiRequest<ContactPolicyDto>('PUT', '/recovery/contact-policy', { json: body });
/** A debtor's own scenario; null sends it back to the segment rules. */
export const putDebtorScenario = (debtorId: string, scenarioId: string | null) =>
  apiRequest<void>('PUT', `/debtors/${encodeURIComponent(debtorId)}/scenario`, { json: { scenarioId } });

export function useScenarios() {
  return useQuery({ queryKey: recoveryKeys.scenarios, queryFn: ({ signal }) => listScenarios(signal) });
}

export function useSegments() {
  return useQuery({ queryKey: recoveryKeys.segments, queryFn: ({ signal }) => getSegments(signal) });
}

export function useContactPolicy() {
  return useQuery({ queryKey: recoveryKeys.contactPolicy, queryFn: ({ signal }) => getContactPolicy(signal) });
}

/** A settings change alters what the planner will do: the preview and the cases' next actions are stale. */
function useSettingsChanged(key: readonly string[]) {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: key });
    void client.invalidateQueries({ queryKey: recoveryKeys.work });
  };
}

/** POST without an id (new scenario), PUT with one. */
export function useSaveScenario() {
  const changed = useSettingsChanged(recoveryKeys.scenarios);
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: ScenarioInput; sentKeys: readonly string[] }) =>
      id ? updateScenario(id, body) : createScenario(body),
    onSuccess: changed,
  });
}

export function useSaveSegments() {
  const changed = useSettingsChanged(recoveryKeys.segments);
  return useMutation({ mutationFn: putSegments, onSuccess: changed });
}

export function useSaveContactPolicy() {
  const changed = useSettingsChanged(recoveryKeys.contactPolicy);
  return useMutation({ mutationFn: putContactPolicy, onSuccess: changed });
}

export function useSetDebtorScenario(debtorId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (scenarioId: string | null) => putDebtorScenario(debtorId, scenarioId),
    onSuccess: () => void client.invalidateQueries({ queryKey: recoveryKeys.work }),
  });
}

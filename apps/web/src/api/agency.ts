/**
 * The tenant's collection-agency identity: read by everyone (the case page offers the agency letter only when
 * it exists), saved by the owner.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from './client';
import type { AgencyProfileDto, AgencyProfileInput } from './types';

export const agencyKeys = { profile: ['tenant', 'agency-profile'] as const };

export const getAgencyProfile = (signal?: AbortSignal) => apiRequest<AgencyProfileDto | null>('GET', '/tenant/agency-profile', { signal });
export const saveAgencyProfile = (body: AgencyProfileInput) =>
  apiRequest<AgencyProfileDto>('PUT', '/tenant/agency-profile', { json: body });

export function useAgencyProfile() {
  return useQuery({ queryKey: agencyKeys.profile, queryFn: ({ signal }) => getAgencyProfile(signal) });
}

export function useSaveAgencyProfile() {
  const client = useQueryClient();
  return useMutation({ mutationFn: saveAgencyProfile, onSuccess: (saved) => client.setQueryData(agencyKeys.profile, saved) });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from './client';
import { recoveryKeys } from './recovery-keys';
import type { CampaignDto, CampaignInput, CampaignPreview, CampaignPreviewInput, DispatchDto } from './types';

const campaignPath = (id: string) => `/recovery/campaigns/${encodeURIComponent(id)}`;

export const listCampaigns = (signal?: AbortSignal) => apiRequest<CampaignDto[]>('GET', '/recovery/campaigns', { signal });
export const getCampaign = (id: string, signal?: AbortSignal) => apiRequest<CampaignDto>('GET', campaignPath(id), { signal });
export const createCampaign = (body: CampaignInput) => apiRequest<CampaignDto>('POST', '/recovery/campaigns', { json: body });
export const updateCampaign = (id: string, body: CampaignInput) => apiRequest<CampaignDto>('PUT', campaignPath(id), { json: body });
export const previewCampaign = (body: CampaignPreviewInput) =>
  apiRequest<CampaignPreview>('POST', '/recovery/campaigns/preview', { json: body });
export const getCampaignPreview = (id: string, signal?: AbortSignal) =>
  apiRequest<CampaignPreview>('GET', `${campaignPath(id)}/preview`, { signal });
export const launchCampaign = (id: string) => apiRequest<CampaignDto>('POST', `${campaignPath(id)}/launch`);
export const cancelCampaign = (id: string) => apiRequest<CampaignDto>('POST', `${campaignPath(id)}/cancel`);
export const listCampaignMessages = (id: string, signal?: AbortSignal) =>
  apiRequest<DispatchDto[]>('GET', '/recovery/dispatches', { query: { campaignId: id, limit: 500 }, signal });

/** While a campaign sends, its progress is read again every few seconds. */
const REFRESH_MS = 5_000;
const sending = (campaigns: readonly CampaignDto[] | undefined) => (campaigns ?? []).some((c) => c.status === 'sending');

export function useCampaigns() {
  return useQuery({
    queryKey: recoveryKeys.campaigns,
    queryFn: ({ signal }) => listCampaigns(signal),
    refetchInterval: (query) => (sending(query.state.data) ? REFRESH_MS : false),
  });
}

export function useCampaign(id: string) {
  return useQuery({
    queryKey: recoveryKeys.campaign(id),
    queryFn: ({ signal }) => getCampaign(id, signal),
    refetchInterval: (query) => (query.state.data?.status === 'sending' ? REFRESH_MS : false),
  });
}

export function useCampaignMessages(id: string, live: boolean) {
  return useQuery({
    queryKey: recoveryKeys.campaignMessages(id),
    queryFn: ({ signal }) => listCampaignMessages(id, signal),
    refetchInterval: live ? REFRESH_MS : false,
  });
}

/** What launching the saved campaign would do now, read when asked (the confirmation) and never kept: the ledger moves. */
export function useCampaignPreview(id: string, enabled: boolean) {
  return useQuery({
    queryKey: recoveryKeys.campaignPreview(id),
    queryFn: ({ signal }) => getCampaignPreview(id, signal),
    enabled,
    gcTime: 0,
  });
}

/** Nothing is written: a mutation only because it is asked for with a button, on the form's current values. */
export function usePreviewCampaign() {
  return useMutation({ mutationFn: previewCampaign });
}

/** A campaign change moves its messages, the cases and the worklists: all are read again. */
function useCampaignsChanged() {
  const client = useQueryClient();
  return (campaign: CampaignDto) => {
    client.setQueryData(recoveryKeys.campaign(campaign.id), campaign);
    void client.invalidateQueries({ queryKey: recoveryKeys.work });
  };
}

/** POST without an id (a new draft), PUT with one. */
export function useSaveCampaign() {
  const changed = useCampaignsChanged();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: CampaignInput }) => (id ? updateCampaign(id, body) : createCampaign(body)),
    onSuccess: changed,
  });
}

export function useLaunchCampaign(id: string) {
  const changed = useCampaignsChanged();
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => launchCampaign(id),
    onSuccess: changed,
    // 409: launched or cancelled meanwhile (another tab, another manager): show what it is now.
    onError: () => void client.invalidateQueries({ queryKey: recoveryKeys.campaign(id) }),
  });
}

export function useCancelCampaign(id: string) {
  const changed = useCampaignsChanged();
  return useMutation({ mutationFn: () => cancelCampaign(id), onSuccess: changed });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from './client';
import type {
  LateFeesBody,
  LateFeesResult,
  PrescriptionBody,
  PrescriptionResult,
  RateInput,
  RateRow,
  RateTableResponse,
  SmallClaimsBody,
  SmallClaimsResult,
} from './types';

export const getRates = (signal?: AbortSignal) => apiRequest<RateTableResponse>('GET', '/legal/rates', { signal });
export const putRate = (halfYear: string, body: RateInput) =>
  apiRequest<RateRow>('PUT', `/legal/rates/${encodeURIComponent(halfYear)}`, { json: body });
export const computeLateFees = (body: LateFeesBody) => apiRequest<LateFeesResult>('POST', '/legal/late-fees', { json: body });
export const computePrescription = (body: PrescriptionBody) =>
  apiRequest<PrescriptionResult>('POST', '/legal/prescription', { json: body });
export const computeSmallClaims = (body: SmallClaimsBody) => apiRequest<SmallClaimsResult>('POST', '/legal/small-claims', { json: body });

export const legalKeys = {
  rates: ['legal', 'rates'] as const,
};

export function useRates() {
  return useQuery({ queryKey: legalKeys.rates, queryFn: ({ signal }) => getRates(signal) });
}

/** Adding or correcting a half-year refreshes the table. */
export function usePutRate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ halfYear, body }: { halfYear: string; body: RateInput }) => putRate(halfYear, body),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: legalKeys.rates });
    },
  });
}

// The calculators only read: mutations hold their last result and error for the form.
export const useLateFees = () => useMutation({ mutationFn: computeLateFees });
export const usePrescription = () => useMutation({ mutationFn: computePrescription });
export const useSmallClaims = () => useMutation({ mutationFn: computeSmallClaims });

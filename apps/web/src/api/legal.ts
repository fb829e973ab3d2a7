import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from './client';
import { debtorKeys } from './debtors';
import type {
  DebtorClaim,
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
/** What may be claimed from a debtor on `date` (YYYY-MM-DD; the server takes today in Paris without one). */
export const getDebtorClaim = (debtorId: string, date: string | undefined, signal?: AbortSignal) =>
  apiRequest<DebtorClaim>('GET', `/debtors/${encodeURIComponent(debtorId)}/claim`, { query: { date }, signal });

export const legalKeys = {
  rates: ['legal', 'rates'] as const,
  claim: (debtorId: string, date: string) => [...debtorKeys.claim(debtorId), date] as const,
};

export function useRates() {
  return useQuery({ queryKey: legalKeys.rates, queryFn: ({ signal }) => getRates(signal) });
}

/** Adding or correcting a half-year refreshes the table, and the claims computed with it. */
export function usePutRate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ halfYear, body }: { halfYear: string; body: RateInput }) => putRate(halfYear, body),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: legalKeys.rates });
      void client.invalidateQueries({ queryKey: debtorKeys.claims });
    },
  });
}

// The calculators only read: mutations hold their last result and error for the form.
export const useLateFees = () => useMutation({ mutationFn: computeLateFees });
export const usePrescription = () => useMutation({ mutationFn: computePrescription });
export const useSmallClaims = () => useMutation({ mutationFn: computeSmallClaims });

/**
 * A debtor's claim on a date (none is asked while `date` is null). The figures of the previous date
 * stay on screen while another date is computed, never those of another debtor.
 */
export function useDebtorClaim(debtorId: string, date: string | null) {
  return useQuery({
    queryKey: legalKeys.claim(debtorId, date ?? ''),
    queryFn: ({ signal }) => getDebtorClaim(debtorId, date ?? undefined, signal),
    enabled: date !== null,
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[2] === debtorId ? previous : undefined),
  });
}

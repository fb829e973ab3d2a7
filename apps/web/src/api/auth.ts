import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from './client';
import type { AcceptedResponse, LoginBody, Me, PasswordResetConfirmBody, PasswordResetRequestBody, SwitchTenantBody } from './types';

export const getMe = (signal?: AbortSignal) => apiRequest<Me>('GET', '/auth/me', { signal });
export const login = (body: LoginBody) => apiRequest<Me>('POST', '/auth/login', { json: body });
export const logout = () => apiRequest<void>('POST', '/auth/logout');
export const switchTenant = (body: SwitchTenantBody) => apiRequest<Me>('POST', '/auth/switch-tenant', { json: body });
export const requestPasswordReset = (body: PasswordResetRequestBody) =>
  apiRequest<AcceptedResponse>('POST', '/auth/password-reset', { json: body });
export const confirmPasswordReset = (body: PasswordResetConfirmBody) =>
  apiRequest<void>('POST', '/auth/password-reset/confirm', { json: body });

export const meKey = ['me'] as const;

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: ({ signal }) => getMe(signal), retry: false, staleTime: 5 * 60_000 });
}

/** A new session: drop everything cached for the previous one. */
function useStartSession() {
  const client = useQueryClient();
  return (me: Me) => {
    client.removeQueries();
    client.setQueryData(meKey, me);
  };
}

export function useLogin() {
  const start = useStartSession();
  return useMutation({ mutationFn: login, onSuccess: start });
}

export function useSwitchTenant() {
  const start = useStartSession();
  return useMutation({ mutationFn: switchTenant, onSuccess: start });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({ mutationFn: logout, onSettled: () => client.removeQueries() });
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: requestPasswordReset });
}

export function useConfirmPasswordReset() {
  return useMutation({ mutationFn: confirmPasswordReset });
}

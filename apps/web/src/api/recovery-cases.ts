import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from './client';
import { debtorKeys } from './debtors';
import { recoveryKeys } from './recovery-keys';
import type {
  ApprovalDecision,
  CallOutcome,
  CaseAgent,
  CaseAssigneeInput,
  CasesAssigneeInput,
  CasesAssigneeResult,
  CaseDetail,
  CaseQuery,
  CaseSummary,
  CaseTransitionInput,
  DispatchDto,
  DispatchView,
  PlanRun,
  Preview,
  PromiseInput,
  ReviewResolution,
} from './types';

const casePath = (id: string) => `/recovery/cases/${encodeURIComponent(id)}`;
const dispatchPath = (id: string) => `/recovery/dispatches/${encodeURIComponent(id)}`;

export const listCases = (query: CaseQuery, signal?: AbortSignal) => apiRequest<CaseSummary[]>('GET', '/recovery/cases', { query, signal });
export const getCase = (id: string, signal?: AbortSignal) => apiRequest<CaseDetail>('GET', casePath(id), { signal });
export const changeCaseState = (id: string, body: CaseTransitionInput) =>
  apiRequest<void>('POST', `${casePath(id)}/transition`, { json: body });
export const assignCase = (id: string, body: CaseAssigneeInput) => apiRequest<void>('PUT', `${casePath(id)}/assignee`, { json: body });
export const assignCases = (body: CasesAssigneeInput) => apiRequest<CasesAssigneeResult>('PUT', '/recovery/cases/assignee', { json: body });
export const listAgents = (signal?: AbortSignal) => apiRequest<CaseAgent[]>('GET', '/recovery/agents', { signal });
export const addPromise = (id: string, body: PromiseInput) => apiRequest<void>('POST', `${casePath(id)}/promises`, { json: body });
/** One view of the actions; `assignee` narrows it to a member's cases, or 'none' to nobody's. */
export const listDispatches = (view: DispatchView, assignee: string | undefined, signal?: AbortSignal) =>
  apiRequest<DispatchDto[]>('GET', '/recovery/dispatches', { query: { view, ...(assignee ? { assignee } : {}) }, signal });
export const logOutcome = (id: string, body: CallOutcome) => apiRequest<void>('POST', `${dispatchPath(id)}/outcome`, { json: body });
export const decideApproval = (id: string, body: ApprovalDecision) =>
  apiRequest<void>('POST', `${dispatchPath(id)}/approval`, { json: body });
export const resolveReview = (id: string, body: ReviewResolution) => apiRequest<void>('POST', `${dispatchPath(id)}/review`, { json: body });
export const getPreview = (days: number, signal?: AbortSignal) =>
  apiRequest<Preview>('GET', '/recovery/preview', { query: { days }, signal });
export const runPlanner = () => apiRequest<PlanRun>('POST', '/recovery/plan');

export function useCases(query: CaseQuery) {
  return useQuery({ queryKey: recoveryKeys.cases(query), queryFn: ({ signal }) => listCases(query, signal) });
}

export function useCase(id: string) {
  return useQuery({ queryKey: recoveryKeys.case(id), queryFn: ({ signal }) => getCase(id, signal) });
}

export function useAgents() {
  return useQuery({ queryKey: ['recovery', 'agents'], queryFn: ({ signal }) => listAgents(signal) });
}

export function useDispatches(view: DispatchView, assignee?: string) {
  return useQuery({ queryKey: recoveryKeys.dispatches(view, assignee), queryFn: ({ signal }) => listDispatches(view, assignee, signal) });
}

export function usePreview(days: number) {
  return useQuery({ queryKey: recoveryKeys.preview(days), queryFn: ({ signal }) => getPreview(days, signal) });
}

/**
 * After any recovery command (or a 409: someone else got there first), cases, actions and the preview
 * are read again, and the debtors' activity logs show the new entries.
 */
function useWorkChanged() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: recoveryKeys.work });
    void client.invalidateQueries({ queryKey: debtorKeys.all });
  };
}

const refreshOnConflict = (changed: () => void) => (error: Error) => {
  if ('status' in error && error.status === 409) changed();
};

export function useLogOutcome() {
  const changed = useWorkChanged();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: CallOutcome }) => logOutcome(id, body),
    onSuccess: changed,
    onError: refreshOnConflict(changed),
  });
}

export function useDecideApproval() {
  const changed = useWorkChanged();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ApprovalDecision }) => decideApproval(id, body),
    onSuccess: changed,
    onError: refreshOnConflict(changed),
  });
}

export function useResolveReview() {
  const changed = useWorkChanged();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ReviewResolution }) => resolveReview(id, body),
    onSuccess: changed,
    onError: refreshOnConflict(changed),
  });
}

export function useChangeCaseState(id: string) {
  const changed = useWorkChanged();
  return useMutation({ mutationFn: (body: CaseTransitionInput) => changeCaseState(id, body), onSuccess: changed });
}

export function useAssignCase(id: string) {
  const changed = useWorkChanged();
  return useMutation({ mutationFn: (body: CaseAssigneeInput) => assignCase(id, body), onSuccess: changed });
}

/** Many cases to one member (or back to nobody): the case list's selection. */
export function useAssignCases() {
  const changed = useWorkChanged();
  return useMutation({ mutationFn: (body: CasesAssigneeInput) => assignCases(body), onSuccess: changed });
}

export function useAddPromise(id: string) {
  const changed = useWorkChanged();
  return useMutation({ mutationFn: (body: PromiseInput) => addPromise(id, body), onSuccess: changed });
}

export function useRunPlanner() {
  const changed = useWorkChanged();
  return useMutation({ mutationFn: runPlanner, onSuccess: changed });
}

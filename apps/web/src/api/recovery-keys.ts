import type { CaseQuery, DispatchView } from './types';

/**
 * Query keys of the recovery screens. "work" holds what the planner and people change every day
 * (cases, actions, preview); "settings" what managers configure (scenarios, segments, rules of contact).
 */
export const recoveryKeys = {
  work: ['recovery', 'work'] as const,
  cases: (query: CaseQuery) => ['recovery', 'work', 'cases', query] as const,
  case: (id: string) => ['recovery', 'work', 'case', id] as const,
  dispatches: (view: DispatchView, assignee?: string) => ['recovery', 'work', 'dispatches', view, assignee ?? 'all'] as const,
  preview: (days: number) => ['recovery', 'work', 'preview', days] as const,
  campaigns: ['recovery', 'work', 'campaigns'] as const,
  campaign: (id: string) => ['recovery', 'work', 'campaigns', id] as const,
  campaignMessages: (id: string) => ['recovery', 'work', 'campaigns', id, 'messages'] as const,
  campaignPreview: (id: string) => ['recovery', 'work', 'campaigns', id, 'preview'] as const,
  scenarios: ['recovery', 'settings', 'scenarios'] as const,
  segments: ['recovery', 'settings', 'segments'] as const,
  contactPolicy: ['recovery', 'settings', 'contact-policy'] as const,
};

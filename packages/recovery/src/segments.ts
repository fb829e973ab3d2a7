/**
 * Segments assign a scenario to a debtor: the first rule (by position) whose every
 * set criterion matches wins; a debtor's own override comes before any rule; the
 * tenant's default scenario catches the rest.
 */
export interface SegmentRule {
  readonly position: number;
  readonly scenarioId: string;
  readonly debtorKind?: 'business' | 'consumer' | null;
  readonly minOutstandingCents?: number | null;
  readonly maxOutstandingCents?: number | null;
  readonly minOldestDaysOverdue?: number | null;
  readonly tag?: string | null;
  /** Average days late of the payments of the last 12 months. */
  readonly minAverageDaysLate?: number | null;
}

export interface DebtorProfile {
  readonly kind: 'business' | 'consumer';
  readonly outstandingCents: number;
  readonly oldestDaysOverdue: number;
  readonly tags: readonly string[];
  readonly averageDaysLate: number | null;
  readonly scenarioOverride: string | null;
}

function matches(rule: SegmentRule, d: DebtorProfile): boolean {
  if (rule.debtorKind && rule.debtorKind !== d.kind) return false;
  if (rule.minOutstandingCents != null && d.outstandingCents < rule.minOutstandingCents) return false;
  if (rule.maxOutstandingCents != null && d.outstandingCents > rule.maxOutstandingCents) return false;
  if (rule.minOldestDaysOverdue != null && d.oldestDaysOverdue < rule.minOldestDaysOverdue) return false;
  if (rule.tag && !d.tags.includes(rule.tag.toLowerCase())) return false;
  if (rule.minAverageDaysLate != null && (d.averageDaysLate ?? 0) < rule.minAverageDaysLate) return false;
  return true;
}

export function scenarioFor(debtor: DebtorProfile, rules: readonly SegmentRule[], defaultScenarioId: string | null): string | null {
  if (debtor.scenarioOverride) return debtor.scenarioOverride;
  const rule = [...rules].sort((a, b) => a.position - b.position).find((r) => matches(r, debtor));
  return rule?.scenarioId ?? defaultScenarioId;
}

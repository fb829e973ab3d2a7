/**
 * A recovery scenario (scénario de relance): ordered steps, each at an offset in
 * days from the invoice's due date (negative = before it), on one channel.
 */
export const CHANNELS = ['email', 'letter', 'registered-letter', 'sms', 'call', 'task'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Every channel but an internal task reaches the debtor, and counts against the rules of contact (calls too). */
export function isContact(channel: Channel): boolean {
  return channel !== 'task';
}

export interface ScenarioStep {
  readonly id: string;
  readonly offsetDays: number;
  readonly channel: Channel;
  /** A manager approves the action before it leaves (formal notices, litigation review). */
  readonly requiresApproval?: boolean;
  /** Conditions: the step is skipped for a debtor below this outstanding, or of another kind. */
  readonly minOutstandingCents?: number | null;
  readonly debtorKinds?: readonly ('business' | 'consumer')[] | null;
}

export interface Scenario {
  readonly id?: string;
  readonly steps: readonly ScenarioStep[];
}

/** The steps in the order an invoice goes through them: by offset, then as written. */
export function orderedSteps(scenario: Scenario): readonly ScenarioStep[] {
  return scenario.steps
    .map((step, index) => ({ step, index }))
    .sort((a, b) => a.step.offsetDays - b.step.offsetDays || a.index - b.index)
    .map((x) => x.step);
}

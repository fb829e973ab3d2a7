/**
 * The planner's decision for one day, over a snapshot of the tenant's open cases:
 * which actions to create. Pure; the same progression as the simulator
 * (progression.ts), a case standing for the "debtor" of the semantics (a debtor
 * owing several creditors gets one action per creditor: each letter comes from the
 * legal entity owed), the rules of contact counted per debtor across its cases.
 */
import type { IsoDate } from '@amiable/domain';
import type { ContactLimits } from './contact-rules.js';
import { type DebtorProgress, planDebtorDay } from './progression.js';
import type { Channel, ScenarioStep } from './scenario.js';

export interface CaseInvoiceSnapshot {
  readonly id: string;
  readonly outstandingCents: number;
  readonly dueDate: IsoDate;
  /** The step reached in the case's scenario, -1 when none (or when it was reached in another scenario). */
  readonly stepIndex: number;
}

export interface CaseSnapshot {
  readonly caseId: string;
  readonly debtorId: string;
  readonly debtorKind: 'business' | 'consumer';
  readonly scenarioId: string;
  readonly invoices: readonly CaseInvoiceSnapshot[];
  readonly promise: { readonly from: IsoDate; readonly until: IsoDate } | null;
}

export interface PlanningSnapshot {
  readonly date: IsoDate;
  readonly limits: ContactLimits;
  /** Steps of each scenario, in scenario order (orderedSteps). */
  readonly scenarios: ReadonlyMap<string, readonly ScenarioStep[]>;
  readonly cases: readonly CaseSnapshot[];
  /** Days each debtor was (or is today to be) contacted. */
  readonly contacts: ReadonlyMap<string, readonly IsoDate[]>;
}

export interface PlannedDispatch {
  readonly caseId: string;
  readonly debtorId: string;
  readonly scenarioId: string;
  readonly stepId: string;
  readonly stepIndex: number;
  readonly channel: Channel;
  readonly requiresApproval: boolean;
  readonly invoiceIds: readonly string[];
  /** The step each invoice reaches with this action (parallel to invoiceIds). */
  readonly invoiceSteps: readonly { readonly stepIndex: number; readonly stepId: string }[];
}

export function planCases(snapshot: PlanningSnapshot): PlannedDispatch[] {
  const contacts = new Map<string, IsoDate[]>();
  const planned: PlannedDispatch[] = [];
  const cases = [...snapshot.cases].sort((a, b) =>
    a.debtorId < b.debtorId ? -1 : a.debtorId > b.debtorId ? 1 : a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0,
  );
  for (const c of cases) {
    const steps = snapshot.scenarios.get(c.scenarioId);
    if (!steps || steps.length === 0) continue;
    let shared = contacts.get(c.debtorId);
    if (!shared) {
      shared = [...(snapshot.contacts.get(c.debtorId) ?? [])];
      contacts.set(c.debtorId, shared);
    }
    const progress: DebtorProgress = {
      id: c.caseId,
      kind: c.debtorKind,
      invoices: c.invoices.map((i) => ({
        // The id stands for the number: the action lists invoice ids, and the planner need not read numbers.
        number: i.id,
        amountCents: i.outstandingCents,
        dueDate: i.dueDate,
        paidCents: 0,
        closed: null,
        stepIndex: i.stepIndex,
      })),
      contacts: shared,
      promise: c.promise,
    };
    const action = planDebtorDay(progress, snapshot.date, steps, snapshot.limits);
    if (!action) continue;
    const step = steps[action.stepIndex] as ScenarioStep;
    planned.push({
      caseId: c.caseId,
      debtorId: c.debtorId,
      scenarioId: c.scenarioId,
      stepId: step.id,
      stepIndex: action.stepIndex,
      channel: step.channel,
      requiresApproval: step.requiresApproval === true,
      invoiceIds: action.invoices,
      invoiceSteps: action.invoiceStepIndexes.map((index) => ({ stepIndex: index, stepId: (steps[index] as ScenarioStep).id })),
    });
  }
  return planned;
}

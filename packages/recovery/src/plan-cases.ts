/**
 * The planner's decision for one day, over a snapshot of the tenant's open cases:
 * which actions to create. Pure; the same decision as the simulator
 * (progression.ts), a case standing for the "debtor" of the semantics (a debtor
 * owing several creditors gets one action per creditor: each letter comes from the
 * legal entity owed), the rules of contact counted per debtor across its cases.
 */
import type { IsoDate } from '@amiable/domain';
import type { ContactLimits } from './contact-rules.js';
import { type DayInvoice, decideDay } from './progression.js';
import { type Channel, type ScenarioStep, isContact } from './scenario.js';

export interface CaseInvoiceSnapshot extends DayInvoice {
  readonly id: string;
  readonly outstandingCents: number;
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
  /** Best given in (debtorId, caseId) order, the order decisions are taken in: otherwise sorted first. */
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

function compareCases(a: CaseSnapshot, b: CaseSnapshot): number {
  return a.debtorId < b.debtorId ? -1 : a.debtorId > b.debtorId ? 1 : a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0;
}

function inOrder(cases: readonly CaseSnapshot[]): readonly CaseSnapshot[] {
  for (let k = 1; k < cases.length; k++)
    if (compareCases(cases[k - 1] as CaseSnapshot, cases[k] as CaseSnapshot) > 0) return [...cases].sort(compareCases);
  return cases;
}

/** The id stands for the invoice number: the action lists invoice ids, and the planner need not read numbers. */
const idOf = (invoice: CaseInvoiceSnapshot) => invoice.id;

export function planCases(snapshot: PlanningSnapshot): PlannedDispatch[] {
  const planned: PlannedDispatch[] = [];
  // A debtor's cases come one after the other: a contact made by one counts for the next ones.
  let debtorId: string | null = null;
  let contacts: readonly IsoDate[] = [];
  for (const c of inOrder(snapshot.cases)) {
    const steps = snapshot.scenarios.get(c.scenarioId);
    if (!steps || steps.length === 0) continue;
    if (c.debtorId !== debtorId) {
      debtorId = c.debtorId;
      contacts = snapshot.contacts.get(c.debtorId) ?? [];
    }
    let outstandingCents = 0;
    for (const invoice of c.invoices) outstandingCents += Math.max(0, invoice.outstandingCents);
    const decision = decideDay(
      { kind: c.debtorKind, outstandingCents, contacts, promise: c.promise },
      c.invoices,
      idOf,
      snapshot.date,
      steps,
      snapshot.limits,
    );
    if (!decision) continue;
    const step = steps[decision.stepIndex] as ScenarioStep;
    if (isContact(step.channel)) contacts = [...contacts, snapshot.date];
    planned.push({
      caseId: c.caseId,
      debtorId: c.debtorId,
      scenarioId: c.scenarioId,
      stepId: step.id,
      stepIndex: decision.stepIndex,
      channel: step.channel,
      requiresApproval: step.requiresApproval === true,
      invoiceIds: decision.invoices.map(idOf),
      invoiceSteps: decision.reached.map((index) => ({ stepIndex: index, stepId: (steps[index] as ScenarioStep).id })),
    });
  }
  return planned;
}

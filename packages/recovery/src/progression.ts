/**
 * How invoices and debtors move through a scenario, one day at a time — the
 * semantics shared by the planner and the simulator (issue 4):
 * - an open invoice reaches step s on its due date + offset(s); a step before the due
 *   date (negative offset) applies only while the invoice is not yet due;
 * - on a given day, everything due for one debtor goes out as ONE action covering
 *   all those invoices, in the tone (step) of the most advanced of them; each
 *   invoice is then at its own step;
 * - an invoice paid, credited or disputed on or before the day of an action is left
 *   out of it; an action left with no invoice is not sent;
 * - a promise to pay pauses the debtor's actions until the promised date inclusive;
 *   what fell due meanwhile goes out, consolidated, on the first allowed day after it
 *   if still unpaid;
 * - an invoice never goes back to an earlier step; calls count as contacts;
 * - a contact the rules forbid on a day waits for the first day they allow (the
 *   invoices may have reached a further step by then: the action takes it).
 */
import { type IsoDate, toDayNumber } from '@amiable/domain';
import { type ContactLimits, mayContact } from './contact-rules.js';
import { type Channel, type ScenarioStep, isContact } from './scenario.js';

export interface InvoiceProgress {
  readonly number: string;
  readonly amountCents: number;
  readonly dueDate: IsoDate;
  paidCents: number;
  /** Why the invoice left the recovery, and since when. */
  closed: { readonly reason: 'paid' | 'credited' | 'disputed'; readonly on: IsoDate } | null;
  /** Index in the ordered steps of the last step the invoice went through; -1: none yet. */
  stepIndex: number;
}

export interface DebtorProgress {
  readonly id: string;
  readonly kind: 'business' | 'consumer';
  readonly invoices: InvoiceProgress[];
  /** Days the debtor was contacted (every channel but internal tasks). */
  readonly contacts: IsoDate[];
  promise: { readonly from: IsoDate; readonly until: IsoDate } | null;
}

export interface PlannedAction {
  readonly date: IsoDate;
  readonly debtor: string;
  readonly step: string;
  readonly stepIndex: number;
  readonly channel: Channel;
  readonly invoices: readonly string[];
  /** The step each invoice of the action is at after it (parallel to `invoices`). */
  readonly invoiceStepIndexes: readonly number[];
}

function outstandingOf(invoice: InvoiceProgress): number {
  return invoice.closed ? 0 : Math.max(0, invoice.amountCents - invoice.paidCents);
}

function stepApplies(step: ScenarioStep, debtor: DebtorProgress, debtorOutstanding: number): boolean {
  if (step.debtorKinds && step.debtorKinds.length > 0 && !step.debtorKinds.includes(debtor.kind)) return false;
  if (step.minOutstandingCents !== undefined && step.minOutstandingCents !== null && debtorOutstanding < step.minOutstandingCents)
    return false;
  return true;
}

/** The most advanced step an open invoice has reached on `date`, or -1. Day numbers: the planner calls it a million times. */
export function reachedStep(
  invoice: InvoiceProgress,
  date: IsoDate,
  steps: readonly ScenarioStep[],
  applies: (step: ScenarioStep) => boolean,
): number {
  const day = toDayNumber(date);
  const due = toDayNumber(invoice.dueDate);
  const notYetDue = day < due;
  let reached = -1;
  for (let index = 0; index < steps.length; index++) {
    const step = steps[index] as ScenarioStep;
    if (step.offsetDays < 0 !== notYetDue) continue; // pre-due steps only before the due date, the others only after
    if (due + step.offsetDays <= day && applies(step)) reached = index;
  }
  return reached;
}

/** Whether the debtor's actions are paused by a promise on `date`. */
export function pausedByPromise(debtor: DebtorProgress, date: IsoDate): boolean {
  return debtor.promise !== null && debtor.promise.from <= date && date <= debtor.promise.until;
}

/**
 * The debtor's action on `date`, if any, and its effect on the state (the invoices'
 * steps, the contact). `steps` are in scenario order (orderedSteps).
 */
export function planDebtorDay(
  debtor: DebtorProgress,
  date: IsoDate,
  steps: readonly ScenarioStep[],
  limits: ContactLimits,
): PlannedAction | null {
  if (pausedByPromise(debtor, date)) return null;
  // Plain loops: the planner runs this for every open case of a tenant every morning.
  let debtorOutstanding = 0;
  for (const invoice of debtor.invoices) if (!invoice.closed || invoice.closed.on > date) debtorOutstanding += outstandingOf(invoice);
  const applies = (step: ScenarioStep) => stepApplies(step, debtor, debtorOutstanding);
  const pending: { invoice: InvoiceProgress; reached: number }[] = [];
  for (const invoice of debtor.invoices) {
    if (invoice.closed && invoice.closed.on <= date) continue;
    const reached = reachedStep(invoice, date, steps, applies);
    if (reached > invoice.stepIndex) pending.push({ invoice, reached });
  }
  if (pending.length > 1) pending.sort((a, b) => (a.invoice.number < b.invoice.number ? -1 : a.invoice.number > b.invoice.number ? 1 : 0));
  if (pending.length === 0) return null;
  const top = pending.reduce((max, p) => (p.reached > max ? p.reached : max), -1);
  const step = steps[top] as ScenarioStep;
  if (isContact(step.channel) && !mayContact(date, debtor.contacts, limits)) return null; // postponed
  for (const p of pending) p.invoice.stepIndex = p.reached;
  if (isContact(step.channel)) debtor.contacts.push(date);
  return {
    date,
    debtor: debtor.id,
    step: step.id,
    stepIndex: top,
    channel: step.channel,
    invoices: pending.map((p) => p.invoice.number),
    invoiceStepIndexes: pending.map((p) => p.reached),
  };
}

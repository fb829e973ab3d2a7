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
 *
 * `decideDay` is that decision; `planDebtorDay` (the simulator's state) and
 * `planCases` (the planner's snapshot) only feed it and record its effect.
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

/** An invoice as the decision of a day sees it. */
export interface DayInvoice {
  /** Due date as a day number (`toDayNumber`): the planner decides for a million invoices every morning. */
  readonly dueDay: number;
  /** Index in the ordered steps of the last step the invoice went through; -1: none yet. */
  readonly stepIndex: number;
}

/** The debtor (the case, for the planner) as the decision of a day sees it. */
export interface DayDebtor {
  readonly kind: 'business' | 'consumer';
  /** What it still owes on the day, over every invoice still in recovery (steps' `minOutstandingCents`). */
  readonly outstandingCents: number;
  /** Days it was contacted. */
  readonly contacts: readonly IsoDate[];
  readonly promise: { readonly from: IsoDate; readonly until: IsoDate } | null;
}

/** What goes out: one action in the tone of `stepIndex`, covering `invoices`, each reaching `reached[k]`. */
export interface DayDecision<I> {
  readonly stepIndex: number;
  readonly invoices: readonly I[];
  readonly reached: readonly number[];
}

function stepApplies(step: ScenarioStep, kind: DayDebtor['kind'], debtorOutstanding: number): boolean {
  if (step.debtorKinds && step.debtorKinds.length > 0 && !step.debtorKinds.includes(kind)) return false;
  if (step.minOutstandingCents !== undefined && step.minOutstandingCents !== null && debtorOutstanding < step.minOutstandingCents)
    return false;
  return true;
}

/** The most advanced step an open invoice due on `dueDay` has reached on `day`, or -1. Plain loop: called a million times a run. */
function reachedStepOn(dueDay: number, day: number, steps: readonly ScenarioStep[], debtor: DayDebtor): number {
  const notYetDue = day < dueDay;
  let reached = -1;
  for (let index = 0; index < steps.length; index++) {
    const step = steps[index] as ScenarioStep;
    if (step.offsetDays < 0 !== notYetDue) continue; // pre-due steps only before the due date, the others only after
    if (dueDay + step.offsetDays <= day && stepApplies(step, debtor.kind, debtor.outstandingCents)) reached = index;
  }
  return reached;
}

/** Whether the debtor's actions are paused by a promise on `date`. */
export function pausedByPromise(debtor: Pick<DayDebtor, 'promise'>, date: IsoDate): boolean {
  return debtor.promise !== null && debtor.promise.from <= date && date <= debtor.promise.until;
}

/**
 * The debtor's action on `date` over its invoices still in recovery, or null: paused
 * by a promise, nothing newly reached, or a contact the rules forbid today
 * (postponed). Pure: the caller records the effect (steps reached, contact made).
 * `keyOf` orders the invoices of the action. `steps` are in scenario order (orderedSteps).
 */
export function decideDay<I extends DayInvoice>(
  debtor: DayDebtor,
  invoices: readonly I[],
  keyOf: (invoice: I) => string,
  date: IsoDate,
  steps: readonly ScenarioStep[],
  limits: ContactLimits,
): DayDecision<I> | null {
  if (pausedByPromise(debtor, date)) return null;
  const day = toDayNumber(date);
  // Most cases have nothing new on a given day: nothing is allocated until one invoice has.
  let pending: { invoice: I; reached: number }[] | null = null;
  let top = -1;
  for (const invoice of invoices) {
    const reached = reachedStepOn(invoice.dueDay, day, steps, debtor);
    if (reached <= invoice.stepIndex) continue;
    pending ??= [];
    pending.push({ invoice, reached });
    if (reached > top) top = reached;
  }
  if (pending === null) return null;
  const step = steps[top] as ScenarioStep;
  if (isContact(step.channel) && !mayContact(date, debtor.contacts, limits)) return null; // postponed
  if (pending.length > 1)
    pending.sort((a, b) => {
      const ka = keyOf(a.invoice);
      const kb = keyOf(b.invoice);
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
  return { stepIndex: top, invoices: pending.map((p) => p.invoice), reached: pending.map((p) => p.reached) };
}

interface OpenInvoice extends DayInvoice {
  readonly invoice: InvoiceProgress;
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
  // Invoices closed after `date` still count (not their amount): the simulator may be asked about a past day.
  const open: OpenInvoice[] = [];
  let outstandingCents = 0;
  for (const invoice of debtor.invoices) {
    if (invoice.closed && invoice.closed.on <= date) continue;
    if (!invoice.closed) outstandingCents += Math.max(0, invoice.amountCents - invoice.paidCents);
    open.push({ invoice, dueDay: toDayNumber(invoice.dueDate), stepIndex: invoice.stepIndex });
  }
  const decision = decideDay(
    { kind: debtor.kind, outstandingCents, contacts: debtor.contacts, promise: debtor.promise },
    open,
    (o) => o.invoice.number,
    date,
    steps,
    limits,
  );
  if (!decision) return null;
  const step = steps[decision.stepIndex] as ScenarioStep;
  decision.invoices.forEach((o, k) => {
    o.invoice.stepIndex = decision.reached[k] as number;
  });
  if (isContact(step.channel)) debtor.contacts.push(date);
  return {
    date,
    debtor: debtor.id,
    step: step.id,
    stepIndex: decision.stepIndex,
    channel: step.channel,
    invoices: decision.invoices.map((o) => o.invoice.number),
    invoiceStepIndexes: decision.reached,
  };
}

/**
 * Runs a scenario on a portfolio day by day, without a database: what would have
 * been sent, and when. The same progression as the planner (progression.ts).
 * Each day, the events dated that day apply first (a payment, credit or dispute on
 * the day of an action leaves its invoice out of it), then each debtor's action is
 * decided, debtors in id order.
 */
import { type IsoDate, addDays } from '@amiable/domain';
import type { ContactLimits } from './contact-rules.js';
import { type DebtorProgress, type PlannedAction, planDebtorDay } from './progression.js';
import { type Scenario, orderedSteps } from './scenario.js';

export interface PortfolioInvoice {
  readonly number: string;
  readonly amountCents: number;
  readonly issueDate: IsoDate;
  readonly dueDate: IsoDate;
}

export interface PortfolioDebtor {
  readonly id: string;
  readonly kind: 'business' | 'consumer';
  readonly invoices: readonly PortfolioInvoice[];
}

export type PortfolioEvent =
  | { readonly date: IsoDate; readonly type: 'payment' | 'credit'; readonly invoice: string; readonly amountCents: number }
  | { readonly date: IsoDate; readonly type: 'dispute'; readonly invoice: string }
  | { readonly date: IsoDate; readonly type: 'promise'; readonly debtor: string; readonly until: IsoDate };

export interface Portfolio {
  readonly start: IsoDate;
  readonly days: number;
  readonly limits: ContactLimits;
  readonly scenario: Scenario;
  readonly debtors: readonly PortfolioDebtor[];
  readonly events: readonly PortfolioEvent[];
}

export type SimulationNote =
  | { readonly date: IsoDate; readonly type: 'invoice-paid' | 'invoice-credited' | 'invoice-disputed'; readonly invoice: string }
  | { readonly date: IsoDate; readonly type: 'promise-made'; readonly debtor: string; readonly until: IsoDate }
  | { readonly date: IsoDate; readonly type: 'promise-kept' | 'promise-broken'; readonly debtor: string }
  | { readonly date: IsoDate; readonly type: 'unknown-reference'; readonly field: string; readonly value: string };

export interface Simulation {
  readonly actions: readonly PlannedAction[];
  readonly notes: readonly SimulationNote[];
}

export function simulate(portfolio: Portfolio): Simulation {
  const steps = orderedSteps(portfolio.scenario);
  const debtors: DebtorProgress[] = [...portfolio.debtors]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((d) => ({
      id: d.id,
      kind: d.kind,
      invoices: d.invoices.map((i) => ({
        number: i.number,
        amountCents: i.amountCents,
        dueDate: i.dueDate,
        paidCents: 0,
        closed: null,
        stepIndex: -1,
      })),
      contacts: [],
      promise: null,
    }));
  const byDebtor = new Map(debtors.map((d) => [d.id, d]));
  const byInvoice = new Map(debtors.flatMap((d) => d.invoices.map((i) => [i.number, i] as const)));
  const notes: SimulationNote[] = [];
  const events = [...portfolio.events]
    .map((e, index) => ({ e, index }))
    .sort((a, b) => a.e.date.localeCompare(b.e.date) || a.index - b.index);
  const end = addDays(portfolio.start, portfolio.days - 1);
  const actions: PlannedAction[] = [];
  let next = 0;

  const apply = (event: PortfolioEvent, index: number) => {
    if (event.type === 'promise') {
      const debtor = byDebtor.get(event.debtor);
      if (!debtor)
        return notes.push({ date: event.date, type: 'unknown-reference', field: `events[${index}].debtor`, value: event.debtor });
      debtor.promise = { from: event.date, until: event.until };
      return notes.push({ date: event.date, type: 'promise-made', debtor: debtor.id, until: event.until });
    }
    const invoice = byInvoice.get(event.invoice);
    if (!invoice)
      return notes.push({ date: event.date, type: 'unknown-reference', field: `events[${index}].invoice`, value: event.invoice });
    if (invoice.closed) return;
    if (event.type === 'dispute') {
      invoice.closed = { reason: 'disputed', on: event.date };
      return notes.push({ date: event.date, type: 'invoice-disputed', invoice: invoice.number });
    }
    invoice.paidCents += event.amountCents;
    if (invoice.paidCents >= invoice.amountCents) {
      invoice.closed = { reason: event.type === 'credit' ? 'credited' : 'paid', on: event.date };
      notes.push({ date: event.date, type: event.type === 'credit' ? 'invoice-credited' : 'invoice-paid', invoice: invoice.number });
    }
  };

  for (let day = portfolio.start; day <= end; day = addDays(day, 1)) {
    while (next < events.length && (events[next]?.e.date ?? '') <= day) {
      const { e, index } = events[next++] as { e: PortfolioEvent; index: number };
      apply(e, index);
    }
    for (const debtor of debtors) {
      // The day after a promise: kept if nothing open at the promise is still unpaid.
      if (debtor.promise && day === addDays(debtor.promise.until, 1)) {
        const promise = debtor.promise;
        const broken = debtor.invoices.some((i) => i.dueDate <= promise.until && (!i.closed || i.closed.on > promise.until));
        notes.push({ date: day, type: broken ? 'promise-broken' : 'promise-kept', debtor: debtor.id });
      }
      const action = planDebtorDay(debtor, day, steps, portfolio.limits);
      if (action) actions.push(action);
    }
  }
  return { actions, notes };
}

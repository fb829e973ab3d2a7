/**
 * Reads the simulation input (`amiable simulate --input portfolio.json`, issue 4)
 * into a Portfolio, or lists every problem with the path of its field
 * ("debtors[0].invoices[1].dueDate"). Amounts are decimal strings ("1200.00"),
 * dates YYYY-MM-DD; invoice numbers are unique across the file.
 */
import { type FieldIssue, JsonReader } from '@amiable/domain';
import type { NoContactDay } from './contact-rules.js';
import type { Portfolio, PortfolioDebtor, PortfolioEvent, PortfolioInvoice } from './simulate.js';
import { CHANNELS, type Channel, type ScenarioStep } from './scenario.js';

type Json = unknown;

const NO_CONTACT_DAYS: readonly NoContactDay[] = ['saturday', 'sunday', 'holiday'];

export function readPortfolio(json: Json): { ok: true; value: Portfolio } | { ok: false; issues: readonly FieldIssue[] } {
  const r = new JsonReader();
  const root = r.object(json, '(file)');
  if (!root) return { ok: false, issues: r.issues };
  const start = r.date(root.start, 'start');
  const days = r.integer(root.days, 'days', 1, 3660);

  const limitsIn = r.object(root.limits ?? {}, 'limits');
  const noContact = r.array(limitsIn?.noContactOn ?? ['saturday', 'sunday', 'holiday'], 'limits.noContactOn') ?? [];
  const limits = {
    maxContactsPerWeek: r.integer(limitsIn?.maxContactsPerWeek ?? 2, 'limits.maxContactsPerWeek', 1, 7) ?? 2,
    minDaysBetweenContacts: r.integer(limitsIn?.minDaysBetweenContacts ?? 3, 'limits.minDaysBetweenContacts', 0, 365) ?? 3,
    noContactOn: noContact
      .map((d, i) => r.choice(d, `limits.noContactOn[${i}]`, NO_CONTACT_DAYS))
      .filter((d): d is NoContactDay => d !== null),
  };

  const scenarioIn = r.object(root.scenario, 'scenario');
  const stepsIn = scenarioIn ? (r.array(scenarioIn.steps, 'scenario.steps') ?? []) : [];
  if (scenarioIn && stepsIn.length === 0 && Array.isArray(scenarioIn.steps)) r.fail('scenario.steps', 'required');
  const steps: ScenarioStep[] = [];
  stepsIn.forEach((s, i) => {
    const f = `scenario.steps[${i}]`;
    const step = r.object(s, f);
    if (!step) return;
    const id = r.string(step.id, `${f}.id`, 100);
    const offsetDays = r.integer(step.offsetDays, `${f}.offsetDays`, -365, 3650);
    const channel = r.choice<Channel>(step.channel, `${f}.channel`, CHANNELS);
    if (id !== null) r.unique('step', id, `${f}.id`);
    if (id !== null && offsetDays !== null && channel !== null) steps.push({ id, offsetDays, channel });
  });

  const debtors: PortfolioDebtor[] = [];
  (r.array(root.debtors, 'debtors') ?? []).forEach((d, i) => {
    const f = `debtors[${i}]`;
    const debtor = r.object(d, f);
    if (!debtor) return;
    const id = r.string(debtor.id, `${f}.id`, 100);
    if (id !== null) r.unique('debtor', id, `${f}.id`);
    const kind = r.choice(debtor.kind ?? 'business', `${f}.kind`, ['business', 'consumer'] as const);
    const invoices: PortfolioInvoice[] = [];
    (r.array(debtor.invoices, `${f}.invoices`) ?? []).forEach((v, j) => {
      const g = `${f}.invoices[${j}]`;
      const invoice = r.object(v, g);
      if (!invoice) return;
      const number = r.string(invoice.number, `${g}.number`, 100);
      if (number !== null) r.unique('invoice', number, `${g}.number`);
      const amountCents = r.amount(invoice.amount, `${g}.amount`);
      const issueDate = r.date(invoice.issueDate, `${g}.issueDate`);
      const dueDate = r.date(invoice.dueDate, `${g}.dueDate`);
      if (issueDate && dueDate && dueDate < issueDate) r.fail(`${g}.dueDate`, 'due_before_issue', { due: dueDate, issue: issueDate });
      if (number !== null && amountCents !== null && issueDate && dueDate) invoices.push({ number, amountCents, issueDate, dueDate });
    });
    if (id !== null && kind !== null) debtors.push({ id, kind, invoices });
  });

  const events: PortfolioEvent[] = [];
  (r.array(root.events ?? [], 'events') ?? []).forEach((e, i) => {
    const f = `events[${i}]`;
    const event = r.object(e, f);
    if (!event) return;
    const date = r.date(event.date, `${f}.date`);
    const type = r.choice(event.type, `${f}.type`, ['payment', 'credit', 'dispute', 'promise'] as const);
    if (!date || !type) return;
    if (type === 'promise') {
      const debtor = r.string(event.debtor, `${f}.debtor`, 100);
      const until = r.date(event.until, `${f}.until`);
      if (until && until < date) r.fail(`${f}.until`, 'out_of_range', { value: until, min: date });
      if (debtor !== null && until) events.push({ date, type, debtor, until });
      return;
    }
    const invoice = r.string(event.invoice, `${f}.invoice`, 100);
    if (type === 'dispute') {
      if (invoice !== null) events.push({ date, type, invoice });
      return;
    }
    const amountCents = r.amount(event.amount, `${f}.amount`);
    if (invoice !== null && amountCents !== null) events.push({ date, type, invoice, amountCents });
  });

  if (r.issues.length > 0 || start === null || days === null) return { ok: false, issues: r.issues };
  return { ok: true, value: { start, days, limits, scenario: { steps }, debtors, events } };
}

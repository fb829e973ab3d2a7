/**
 * What the planner will do over the next days if nothing else happens (no payment,
 * no dispute): the planner's own decision, day after day, on a copy of the state.
 * Nothing is written; the web app and the API show it as the "next actions".
 */
import { type IsoDate, addDays } from '@amiable/domain';
import { type CaseSnapshot, type PlannedDispatch, type PlanningSnapshot, planCases } from './plan-cases.js';

export interface PreviewedAction extends PlannedDispatch {
  readonly date: IsoDate;
}

export function previewPlans(snapshot: PlanningSnapshot, days: number): PreviewedAction[] {
  const steps = new Map<string, number>();
  const contacts = new Map<string, IsoDate[]>([...snapshot.contacts].map(([debtor, dates]) => [debtor, [...dates]]));
  // Only the cases that had an action since the snapshot need a copy with their invoices' new steps.
  let cases: CaseSnapshot[] = [...snapshot.cases];
  const index = new Map(cases.map((c, k) => [c.caseId, k]));
  const out: PreviewedAction[] = [];
  for (let i = 0; i < days; i++) {
    const date = addDays(snapshot.date, i);
    const planned = planCases({ ...snapshot, date, contacts, cases });
    for (const p of planned) {
      out.push({ ...p, date });
      for (const [k, id] of p.invoiceIds.entries()) steps.set(id, p.invoiceSteps[k]?.stepIndex ?? -1);
      if (p.channel !== 'task') contacts.set(p.debtorId, [...(contacts.get(p.debtorId) ?? []), date]);
    }
    if (planned.length > 0) {
      cases = [...cases];
      for (const p of planned) {
        const k = index.get(p.caseId) as number;
        const c = cases[k] as CaseSnapshot;
        cases[k] = { ...c, invoices: c.invoices.map((inv) => ({ ...inv, stepIndex: steps.get(inv.id) ?? inv.stepIndex })) };
      }
    }
  }
  return out;
}

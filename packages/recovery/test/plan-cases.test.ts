/**
 * The planner's decision (planCases over a snapshot) is the simulator's
 * (planDebtorDay over its state): checked on random portfolios, day after day,
 * and on a debtor owing two creditors, whose cases share the rules of contact.
 */
import { type IsoDate, addDays, toDayNumber } from '@amiable/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CaseSnapshot,
  type ContactLimits,
  type DebtorProgress,
  type PlanningSnapshot,
  type ScenarioStep,
  orderedSteps,
  planCases,
  planDebtorDay,
  previewPlans,
} from '../src/index.js';

const STEPS: readonly ScenarioStep[] = orderedSteps({
  steps: [
    { id: 'courtesy', offsetDays: -4, channel: 'email' },
    { id: 'reminder-1', offsetDays: 3, channel: 'email' },
    { id: 'big-only', offsetDays: 8, channel: 'letter', minOutstandingCents: 50_000 },
    { id: 'call', offsetDays: 12, channel: 'call', debtorKinds: ['business'] },
    { id: 'review', offsetDays: 20, channel: 'task' },
    { id: 'notice', offsetDays: 30, channel: 'registered-letter', requiresApproval: true },
  ],
});
const LIMITS: ContactLimits = { maxContactsPerWeek: 2, minDaysBetweenContacts: 3, noContactOn: ['saturday', 'sunday', 'holiday'] };
const START = '2025-04-28';

const debtorArb = fc.record({
  kind: fc.constantFrom('business' as const, 'consumer' as const),
  invoices: fc.array(fc.record({ cents: fc.integer({ min: 1, max: 80_000 }), due: fc.integer({ min: -40, max: 20 }) }), {
    minLength: 1,
    maxLength: 5,
  }),
  promise: fc.option(fc.record({ from: fc.integer({ min: 0, max: 10 }), days: fc.integer({ min: 0, max: 10 }) }), { nil: null }),
});

describe('planCases', () => {
  it('takes the simulator’s decisions, day after day', () => {
    fc.assert(
      fc.property(fc.array(debtorArb, { minLength: 1, maxLength: 8 }), (portfolio) => {
        const debtors: DebtorProgress[] = portfolio.map((d, k) => ({
          id: `D${k}`,
          kind: d.kind,
          invoices: d.invoices.map((i, n) => ({
            number: `${k}-${n}`,
            amountCents: i.cents,
            dueDate: addDays(START, i.due),
            paidCents: 0,
            closed: null,
            stepIndex: -1,
          })),
          contacts: [],
          promise: d.promise && { from: addDays(START, d.promise.from), until: addDays(START, d.promise.from + d.promise.days) },
        }));
        const contacts = new Map<string, IsoDate[]>();
        const steps = new Map<string, number>();
        for (let day = 0; day < 45; day++) {
          const date = addDays(START, day);
          const cases: CaseSnapshot[] = debtors.map((d) => ({
            caseId: `C-${d.id}`,
            debtorId: d.id,
            debtorKind: d.kind,
            scenarioId: 'S',
            promise: d.promise,
            invoices: d.invoices.map((i) => ({
              id: i.number,
              outstandingCents: i.amountCents,
              dueDay: toDayNumber(i.dueDate),
              stepIndex: steps.get(i.number) ?? -1,
            })),
          }));
          const snapshot: PlanningSnapshot = { date, limits: LIMITS, scenarios: new Map([['S', STEPS]]), cases, contacts };
          const planned = planCases(snapshot);
          const simulated = debtors.flatMap((d) => planDebtorDay(d, date, STEPS, LIMITS) ?? []);
          expect(planned.map((p) => [p.debtorId, p.stepId, p.invoiceIds, p.invoiceSteps.map((s) => s.stepIndex)])).toEqual(
            simulated.map((a) => [a.debtor, a.step, a.invoices, a.invoiceStepIndexes]),
          );
          for (const p of planned) {
            for (const [n, id] of p.invoiceIds.entries()) steps.set(id, p.invoiceSteps[n]?.stepIndex ?? -1);
            if (p.channel !== 'task') contacts.set(p.debtorId, [...(contacts.get(p.debtorId) ?? []), date]);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('counts a contact made for one creditor against the next case of the same debtor, in (debtor, case) order', () => {
    const invoice = (id: string, due: IsoDate) => ({ id, outstandingCents: 10_000, dueDay: toDayNumber(due), stepIndex: -1 });
    const cases: CaseSnapshot[] = [
      { caseId: 'C2', debtorId: 'D1', debtorKind: 'business', scenarioId: 'S', promise: null, invoices: [invoice('I2', '2025-04-25')] },
      { caseId: 'C1', debtorId: 'D1', debtorKind: 'business', scenarioId: 'S', promise: null, invoices: [invoice('I1', '2025-04-25')] },
    ];
    const snapshot: PlanningSnapshot = { date: START, limits: LIMITS, scenarios: new Map([['S', STEPS]]), cases, contacts: new Map() };
    // Given out of order: C1 is decided first and takes the contact; C2 waits for the rules of contact.
    expect(planCases(snapshot).map((p) => `${p.caseId} ${p.stepId} ${p.invoiceIds.join(',')}`)).toEqual(['C1 reminder-1 I1']);
    // Three days later is 1 May, a public holiday: C2's reminder goes the day after.
    expect(previewPlans(snapshot, 6).map((p) => `${p.date} ${p.caseId} ${p.stepId}`)).toEqual([
      '2025-04-28 C1 reminder-1',
      '2025-05-02 C2 reminder-1',
    ]);
  });
});

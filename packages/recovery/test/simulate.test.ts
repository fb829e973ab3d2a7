/**
 * Scenario runs over 90 days with the fake calendar of the simulator, asserting
 * exactly which actions go out each day: weekends, public holidays (1 January),
 * month ends, the Paris daylight-saving change (30 March 2025), consolidation per
 * debtor, promises kept and broken, payments and disputes.
 */
import { describe, expect, it } from 'vitest';
import { type Portfolio, readPortfolio, simulate } from '../src/index.js';

const SCENARIO = {
  steps: [
    { id: 'courtesy', offsetDays: -3, channel: 'email' },
    { id: 'reminder-1', offsetDays: 3, channel: 'email' },
    { id: 'call', offsetDays: 10, channel: 'call' },
    { id: 'formal-notice', offsetDays: 30, channel: 'registered-letter' },
  ],
};
const LIMITS = { maxContactsPerWeek: 2, minDaysBetweenContacts: 3, noContactOn: ['saturday', 'sunday', 'holiday'] };
const inv = (number: string, amount: string, dueDate: string) => ({ number, amount, issueDate: '2024-12-01', dueDate });

function portfolio(json: unknown): Portfolio {
  const read = readPortfolio(json);
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  return read.value;
}

const rows = (p: Portfolio) => simulate(p).actions.map((a) => `${a.date} ${a.debtor} ${a.step} ${a.channel} ${a.invoices.join(',')}`);

describe('simulate', () => {
  it('runs the contract example', () => {
    const result = simulate(
      portfolio({
        start: '2025-01-01',
        days: 90,
        limits: LIMITS,
        scenario: SCENARIO,
        debtors: [{ id: 'D1', kind: 'business', invoices: [inv('F-1', '1200.00', '2024-12-31')] }],
        events: [
          { date: '2025-01-20', type: 'payment', invoice: 'F-1', amount: '1200.00' },
          { date: '2025-01-05', type: 'dispute', invoice: 'F-2' },
          { date: '2025-01-08', type: 'promise', debtor: 'D2', until: '2025-01-31' },
        ],
      }),
    );
    // The courtesy e-mail (28 Dec) is before the start and the invoice is already due: skipped.
    expect(result.actions).toEqual([
      { date: '2025-01-03', debtor: 'D1', step: 'reminder-1', stepIndex: 1, channel: 'email', invoices: ['F-1'], invoiceStepIndexes: [1] },
      { date: '2025-01-10', debtor: 'D1', step: 'call', stepIndex: 2, channel: 'call', invoices: ['F-1'], invoiceStepIndexes: [2] },
    ]);
    // F-2 and D2 do not exist: reported, not fatal.
    expect(result.notes.filter((n) => n.type === 'unknown-reference').map((n) => 'field' in n && n.field)).toEqual([
      'events[1].invoice',
      'events[2].debtor',
    ]);
  });

  it('sends exactly these actions over 90 days', () => {
    const p = portfolio({
      start: '2025-01-01',
      days: 90,
      limits: LIMITS,
      scenario: SCENARIO,
      debtors: [
        { id: 'D1', kind: 'business', invoices: [inv('F-1', '1200.00', '2024-12-31'), inv('F-3', '500.00', '2025-01-06')] },
        { id: 'D2', kind: 'consumer', invoices: [inv('F-2', '800.00', '2025-01-15'), inv('F-4', '300.00', '2025-01-15')] },
        { id: 'D3', kind: 'business', invoices: [inv('F-5', '90.00', '2025-03-27')] },
        { id: 'D4', kind: 'business', invoices: [inv('F-6', '2000.00', '2025-01-31'), inv('F-7', '150.00', '2025-02-28')] },
        { id: 'D5', kind: 'business', invoices: [inv('F-8', '640.00', '2024-12-29')] },
      ],
      events: [
        { date: '2025-01-20', type: 'payment', invoice: 'F-1', amount: '1200.00' },
        { date: '2025-01-05', type: 'dispute', invoice: 'F-2' },
        { date: '2025-01-08', type: 'promise', debtor: 'D2', until: '2025-01-31' },
        { date: '2025-02-15', type: 'payment', invoice: 'F-6', amount: '100.00' },
      ],
    });
    expect(rows(p)).toEqual([
      '2025-01-02 D5 reminder-1 email F-8', // due 29 Dec + 3 = 1 January, a public holiday
      '2025-01-03 D1 reminder-1 email F-1,F-3', // F-1's reminder and F-3's courtesy, one action in the more advanced tone
      '2025-01-08 D5 call call F-8',
      '2025-01-09 D1 reminder-1 email F-3',
      '2025-01-13 D1 call call F-1', // due 10 Jan, one day after the last contact: waits for 3 days and the weekend
      '2025-01-16 D1 call call F-3',
      '2025-01-28 D4 courtesy email F-6',
      '2025-01-28 D5 formal-notice registered-letter F-8',
      // F-1 paid on 20 Jan: no formal notice. D2's F-2 disputed; F-4 paused by the promise to 31 Jan (a Friday).
      '2025-02-03 D2 call call F-4', // after the broken promise, on the first allowed day, at the step reached meanwhile
      '2025-02-03 D4 reminder-1 email F-6', // due Friday 31 January (month end)
      '2025-02-05 D1 formal-notice registered-letter F-3',
      '2025-02-10 D4 call call F-6',
      '2025-02-14 D2 formal-notice registered-letter F-4',
      '2025-02-25 D4 courtesy email F-7', // before 28 February, still partly unpaid F-6 not due for a new step
      '2025-03-03 D4 formal-notice registered-letter F-6,F-7', // F-6's notice (Sunday 2 March) with F-7's reminder
      '2025-03-10 D4 call call F-7',
      '2025-03-24 D3 courtesy email F-5',
      '2025-03-31 D3 reminder-1 email F-5', // Sunday 30 March, the daylight-saving change: next Monday
      '2025-03-31 D4 formal-notice registered-letter F-7',
    ]);
    const notes = simulate(p).notes.map((n) => `${n.date} ${n.type}`);
    expect(notes).toContain('2025-02-01 promise-broken');
    expect(notes).toContain('2025-01-20 invoice-paid');
    expect(notes).toContain('2025-01-05 invoice-disputed');
  });

  it('leaves out an invoice paid on the day of its action, and sends nothing when none is left', () => {
    const base = {
      start: '2025-01-01',
      days: 20,
      limits: LIMITS,
      scenario: SCENARIO,
      debtors: [{ id: 'D1', kind: 'business', invoices: [inv('F-1', '100.00', '2024-12-31'), inv('F-2', '100.00', '2024-12-31')] }],
    };
    expect(rows(portfolio({ ...base, events: [{ date: '2025-01-03', type: 'payment', invoice: 'F-1', amount: '100.00' }] }))[0]).toBe(
      '2025-01-03 D1 reminder-1 email F-2',
    );
    const both = portfolio({
      ...base,
      events: [
        { date: '2025-01-03', type: 'payment', invoice: 'F-1', amount: '100.00' },
        { date: '2025-01-03', type: 'credit', invoice: 'F-2', amount: '100.00' },
      ],
    });
    expect(rows(both)).toEqual([]);
  });

  it('keeps a promise: nothing is sent when everything is paid by the promised date', () => {
    const p = portfolio({
      start: '2025-01-01',
      days: 60,
      limits: LIMITS,
      scenario: SCENARIO,
      debtors: [{ id: 'D1', kind: 'business', invoices: [inv('F-1', '100.00', '2025-01-10')] }],
      events: [
        { date: '2025-01-02', type: 'promise', debtor: 'D1', until: '2025-01-24' },
        { date: '2025-01-24', type: 'payment', invoice: 'F-1', amount: '100.00' },
      ],
    });
    expect(rows(p)).toEqual([]);
    expect(simulate(p).notes.map((n) => `${n.date} ${n.type}`)).toContain('2025-01-25 promise-kept');
  });

  it('never takes an invoice back to an earlier step, whatever the order of the steps in the file', () => {
    const p = portfolio({
      start: '2025-01-01',
      days: 40,
      limits: { maxContactsPerWeek: 1, minDaysBetweenContacts: 7, noContactOn: [] },
      scenario: { steps: [...SCENARIO.steps].reverse() },
      debtors: [{ id: 'D1', kind: 'business', invoices: [inv('F-1', '100.00', '2024-12-20'), inv('F-2', '100.00', '2025-01-02')] }],
    });
    const actions = simulate(p).actions;
    const byInvoice = new Map<string, number[]>();
    for (const a of actions)
      for (const [i, n] of a.invoices.entries()) byInvoice.set(n, [...(byInvoice.get(n) ?? []), a.invoiceStepIndexes[i] as number]);
    for (const steps of byInvoice.values()) expect([...steps].sort((a, b) => a - b)).toEqual(steps);
    // F-1 is already 12 days late at the start (call), F-2 not yet due (courtesy): one action in the call's tone.
    expect(actions[0]).toMatchObject({ date: '2025-01-01', step: 'call', invoices: ['F-1', 'F-2'], invoiceStepIndexes: [2, 0] });
  });
});

describe('readPortfolio', () => {
  it('names every bad field', () => {
    const read = readPortfolio({
      start: '2025-13-01',
      days: 0,
      limits: { maxContactsPerWeek: 'two', noContactOn: ['friday'] },
      scenario: { steps: [{ id: 's', offsetDays: 1.5, channel: 'fax' }] },
      debtors: [
        {
          id: 'D1',
          invoices: [
            { number: 'F-1', amount: '12,50', issueDate: '2025-01-10', dueDate: '2025-01-01' },
            { number: 'F-1', amount: '-3', issueDate: '2025-01-01', dueDate: '2025-01-02' },
          ],
        },
      ],
      events: [{ date: '2025-01-01', type: 'refund', invoice: 'F-1' }],
    });
    expect(read.ok).toBe(false);
    const fields = read.ok ? [] : read.issues.map((i) => `${i.field}:${i.code}`);
    expect(fields).toEqual([
      'start:invalid_iso_date',
      'days:out_of_range',
      'limits.maxContactsPerWeek:invalid_format',
      'limits.noContactOn[0]:invalid_choice',
      'scenario.steps[0].offsetDays:invalid_format',
      'scenario.steps[0].channel:invalid_choice',
      'debtors[0].invoices[0].amount:invalid_amount',
      'debtors[0].invoices[0].dueDate:due_before_issue',
      'debtors[0].invoices[1].number:duplicate_value',
      'debtors[0].invoices[1].amount:negative_amount',
      'events[0].type:invalid_choice',
    ]);
  });
});

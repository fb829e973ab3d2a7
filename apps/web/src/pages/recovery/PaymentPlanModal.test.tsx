// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DocumentDto } from '../../api/types';
import { type MockReply, type RecordedCall, installDomStubs } from '../../test/dom';
import { CASE_ID } from '../../test/recovery-fixtures';
import { renderCasePage } from '../../test/case-page';
import { addMonths, splitEvenly } from './split-plan';

beforeAll(installDomStubs);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const PLAN: DocumentDto = {
  id: '00000000-0000-4000-8000-0000000000f3',
  caseId: CASE_ID,
  dispatchId: null,
  kind: 'letter',
  letterType: 'payment-plan',
  lang: 'fr',
  filename: 'echeancier-cafe-du-port-2026-11-23.pdf',
  byteSize: 40_000,
  sha256: 'bb'.repeat(32),
  templateVersion: 'default:2026-12',
  delivery: 'to-print',
  createdAt: '2026-11-23T09:30:00.000Z',
};

const REFUSAL = {
  status: 400,
  body: {
    code: 'VALIDATION_FAILED',
    message: 'Certaines données sont invalides.',
    requestId: 'r1',
    issues: [
      { field: 'installments[1].dueDate', code: 'not_after_previous', message: 'la date doit être postérieure à l’échéance précédente' },
      { field: 'installments', code: 'plan_below_due', message: 'le total de l’échéancier est inférieur au principal dû' },
    ],
  },
};

function renderCase(produce: (call: RecordedCall) => MockReply) {
  let documents: DocumentDto[] = [];
  return renderCasePage('agent', {
    [`GET /api/recovery/cases/${CASE_ID}/documents`]: () => ({ body: documents }),
    [`POST /api/recovery/cases/${CASE_ID}/letters`]: (call) => {
      const reply = produce(call);
      if (reply.status === 201) documents = [PLAN];
      return reply;
    },
  });
}

const rows = () => screen.getAllByTestId('plan-row');
const amounts = () => screen.getAllByTestId('plan-amount').map((input) => (input as HTMLInputElement).value);
const dates = () => screen.getAllByTestId('plan-due-date').map((input) => (input as HTMLInputElement).value);

describe('PaymentPlanModal', () => {
  it('splits the outstanding into monthly instalments, shows the API’s refusal by the rows, then produces the plan', async () => {
    let attempt = 0;
    const server = renderCase(() => (++attempt === 1 ? REFUSAL : { status: 201, body: PLAN }));
    fireEvent.click(await screen.findByTestId('produce-letter'));
    fireEvent.click(await screen.findByTestId('produce-letter-payment-plan'));
    expect(await screen.findByTestId('plan-form')).toBeTruthy();
    // 1 234,56 € in 5: four round instalments, the odd cent on the last.
    fireEvent.change(screen.getByTestId('plan-count'), { target: { value: '5' } });
    fireEvent.click(screen.getByTestId('plan-split'));
    await waitFor(() => expect(rows()).toHaveLength(5));
    expect(amounts()).toEqual(['246,91', '246,91', '246,91', '246,91', '246,92']);
    const [first] = dates() as [string];
    expect(dates()).toEqual([0, 1, 2, 3, 4].map((i) => addMonths(first, i)));

    // Remove the last row, type a French amount in another, add one back.
    fireEvent.click(screen.getAllByTestId('plan-remove')[4] as HTMLElement);
    fireEvent.change(screen.getAllByTestId('plan-amount')[0] as HTMLElement, { target: { value: '1 000,50' } });
    fireEvent.click(screen.getByTestId('plan-add'));
    expect(rows()).toHaveLength(5);
    expect(dates()[4]).toBe(addMonths(first, 4));
    fireEvent.change(screen.getAllByTestId('plan-amount')[4] as HTMLElement, { target: { value: '10' } });
    expect(screen.getByTestId('plan-total').textContent?.replace(/\s/g, ' ')).toContain('1 751,23 €');

    fireEvent.click(screen.getByTestId('plan-submit'));
    expect((await screen.findByTestId('plan-issue')).textContent).toContain('principal dû');
    expect(within(rows()[1] as HTMLElement).getByText(/échéance précédente/)).toBeTruthy();
    const sent = JSON.parse(String(server.calls.find((c) => c.method === 'POST')?.body));
    expect(sent).toEqual({
      type: 'payment-plan',
      installments: [
        { dueDate: first, amount: '1000.50' },
        { dueDate: addMonths(first, 1), amount: '246.91' },
        { dueDate: addMonths(first, 2), amount: '246.91' },
        { dueDate: addMonths(first, 3), amount: '246.91' },
        { dueDate: addMonths(first, 4), amount: '10.00' },
      ],
    });

    fireEvent.click(screen.getByTestId('plan-submit'));
    expect((await screen.findByTestId('letter-produced')).textContent).toContain('Échéancier');
    await waitFor(() => expect(screen.queryByTestId('plan-form')).toBeNull());
    expect(await screen.findByTestId('case-document')).toBeTruthy();
  });

  it('refuses an unreadable amount before asking the API', async () => {
    const server = renderCase(() => ({ status: 201, body: PLAN }));
    fireEvent.click(await screen.findByTestId('produce-letter'));
    fireEvent.click(await screen.findByTestId('produce-letter-payment-plan'));
    fireEvent.change(await screen.findByTestId('plan-amount'), { target: { value: 'douze' } });
    fireEvent.click(screen.getByTestId('plan-submit'));
    expect(await screen.findByText(/Montant invalide/)).toBeTruthy();
    expect(server.calls.filter((c) => c.method === 'POST')).toEqual([]);
  });
});

describe('splitEvenly', () => {
  it('keeps the total exact and the month-ends valid', () => {
    expect(splitEvenly(100_00, 3, '2027-01-31')).toEqual([
      { dueDate: '2027-01-31', amount: '33.33' },
      { dueDate: '2027-02-28', amount: '33.33' },
      { dueDate: '2027-03-31', amount: '33.34' },
    ]);
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
  });
});

// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LateFeesResult } from '../../api/types';
import { installDomStubs, mockFetch, renderApp } from '../../test/dom';
import { CalculatorPage } from './CalculatorPage';

beforeAll(installDomStubs);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const NNBSP = '\u202f';
const NBSP = '\u00a0';

const RESULT: LateFeesResult = {
  daysLate: 166,
  interest: '61.37',
  indemnity: '40.00',
  principalDue: '899.50',
  interestDue: '0.00',
  overpaid: '0.00',
  periods: [
    { from: '2026-01-16', to: '2026-03-01', days: 45, ratePercent: '12.15', halfYear: '2026-H1', basis: 'ecb-plus-10' },
    { from: '2026-03-02', to: '2026-06-30', days: 121, ratePercent: '12.15', halfYear: '2026-H1', basis: 'ecb-plus-10' },
  ],
  warnings: [
    { code: 'CONTRACT_RATE_FLOOR_UNCHECKED', message: 'Le plancher du taux contractuel n’a pas pu être vérifié.', halfYear: '2026-H1' },
  ],
  articles: ['C. com. L441-10 II', 'C. com. D441-5'],
};

const change = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });
const bodyOf = (calls: ReturnType<typeof mockFetch>['calls'], path: string) =>
  JSON.parse(String(calls.find((call) => call.method === 'POST' && call.path === path)?.body));

describe('CalculatorPage — late fees', () => {
  it('sends amounts typed the French way as canonical strings, with the payments, and shows the result French-style', async () => {
    const server = mockFetch({ 'POST /api/legal/late-fees': { body: RESULT } });
    vi.stubGlobal('fetch', server.fetch);
    renderApp(<CalculatorPage />, { path: '/calculator' });

    // The computation date defaults to today in Paris.
    expect((screen.getByTestId('late-fees-until') as HTMLInputElement).value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    change('late-fees-amount', '1 200,00');
    change('late-fees-due', '2026-01-15');
    change('late-fees-until', '2026-06-30');
    fireEvent.click(screen.getByTestId('late-fees-add-payment'));
    fireEvent.click(screen.getByTestId('late-fees-add-payment'));
    fireEvent.click(screen.getByTestId('late-fees-add-payment'));
    change('late-fees-payment-date-0', '2026-03-01');
    change('late-fees-payment-amount-0', '300');
    change('late-fees-payment-date-1', '2026-02-01');
    change('late-fees-payment-amount-1', '999');
    change('late-fees-payment-date-2', '2026-04-01');
    change('late-fees-payment-amount-2', '0,50');
    // Remove the middle one: the others keep what was typed.
    fireEvent.click(screen.getByLabelText('Retirer le règlement 2'));
    expect(screen.getAllByTestId('late-fees-payment')).toHaveLength(2);
    expect((screen.getByTestId('late-fees-payment-amount-1') as HTMLInputElement).value).toBe('0,50');
    fireEvent.click(screen.getByTestId('late-fees-submit'));

    const result = await screen.findByTestId('late-fees-result');
    expect(bodyOf(server.calls, '/api/legal/late-fees')).toEqual({
      debtor: 'business',
      amount: '1200.00',
      due: '2026-01-15',
      until: '2026-06-30',
      imputation: 'interest-first',
      payments: [
        { date: '2026-03-01', amount: '300.00' },
        { date: '2026-04-01', amount: '0.50' },
      ],
    });

    expect(screen.getByTestId('late-fees-days-late').textContent).toBe('166');
    expect(screen.getByTestId('late-fees-interest').textContent).toBe(`61,37${NBSP}€`);
    expect(screen.getByTestId('late-fees-indemnity').textContent).toBe(`40,00${NBSP}€`);
    expect(screen.getByTestId('late-fees-principal-due').textContent).toBe(`899,50${NBSP}€`);
    expect(screen.getByTestId('late-fees-interest-due').textContent).toBe(`0,00${NBSP}€`);
    expect(screen.queryByTestId('late-fees-overpaid')).toBeNull();

    const rows = within(result).getAllByTestId('late-fees-period-row');
    expect(rows).toHaveLength(2);
    const cells = within(rows[0] as HTMLElement)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(cells).toEqual(['16/01/2026', '01/03/2026', '45', `12,15${NBSP}%`, '2026-H1', 'BCE + 10 points']);
    expect(
      within(screen.getByTestId('late-fees-warnings')).getByText('Le plancher du taux contractuel n’a pas pu être vérifié.'),
    ).toBeTruthy();
    expect(within(screen.getByTestId('late-fees-articles')).getByText('C. com. L441-10 II')).toBeTruthy();
  });

  it('for a consumer, sends the formal-notice date and the creditor, never a contract rate, and shows an overpayment', async () => {
    const server = mockFetch({
      'POST /api/legal/late-fees': {
        body: {
          ...RESULT,
          principalDue: '0.00',
          overpaid: '1234.56',
          periods: [{ from: '2026-02-02', to: '2026-02-10', days: 9, ratePercent: '6.67', halfYear: '2026-H1', basis: 'legal-individual' }],
          warnings: [],
        },
      },
    });
    vi.stubGlobal('fetch', server.fetch);
    renderApp(<CalculatorPage />);

    change('late-fees-rate', '15');
    change('late-fees-debtor', 'consumer');
    expect(screen.queryByTestId('late-fees-rate')).toBeNull();
    expect(screen.queryByTestId('late-fees-due')).toBeNull();
    change('late-fees-amount', '10 000');
    change('late-fees-formal-notice', '2026-02-01');
    change('late-fees-until', '2026-02-10');
    change('late-fees-creditor', 'individual');
    change('late-fees-imputation', 'principal-first');
    fireEvent.click(screen.getByTestId('late-fees-submit'));

    await screen.findByTestId('late-fees-result');
    expect(bodyOf(server.calls, '/api/legal/late-fees')).toEqual({
      debtor: 'consumer',
      amount: '10000.00',
      formalNotice: '2026-02-01',
      until: '2026-02-10',
      creditor: 'individual',
      imputation: 'principal-first',
    });
    expect(screen.getByTestId('late-fees-overpaid').textContent).toBe(`1${NNBSP}234,56${NBSP}€`);
    expect(screen.getByTestId('late-fees-period-row').textContent).toContain('taux légal (créancier particulier)');
    expect(screen.queryByTestId('late-fees-warnings')).toBeNull();
  });

  it('shows the RATE_MISSING message of the API and the way to the rates table', async () => {
    const message =
      'Le taux du semestre 2026-H2 manque dans la table des taux. Ajoutez-le dans Paramètres › Taux légaux ou avec « amiable rates set 2026-H2 ».';
    const server = mockFetch({
      'POST /api/legal/late-fees': { status: 422, body: { code: 'RATE_MISSING', message, requestId: 'r-42' } },
    });
    vi.stubGlobal('fetch', server.fetch);
    const { location } = renderApp(<CalculatorPage />);

    change('late-fees-amount', '500');
    change('late-fees-due', '2026-06-01');
    change('late-fees-until', '2026-09-30');
    fireEvent.click(screen.getByTestId('late-fees-submit'));

    expect(await screen.findByText(message)).toBeTruthy();
    expect(screen.queryByTestId('late-fees-result')).toBeNull();
    fireEvent.click(screen.getByTestId('calculator-open-rates'));
    expect(location.history?.at(-1)).toBe('/settings/rates');
  });

  it('names the field of a bad input, before sending and when the API refuses it', async () => {
    const server = mockFetch({
      'POST /api/legal/late-fees': {
        status: 400,
        body: {
          code: 'VALIDATION_FAILED',
          message: 'La requête contient des erreurs.',
          requestId: 'r-43',
          issues: [{ field: 'payments[0].amount', code: 'negative_amount', message: '« payments[0].amount » : montant négatif' }],
        },
      },
    });
    vi.stubGlobal('fetch', server.fetch);
    renderApp(<CalculatorPage />);

    change('late-fees-amount', 'douze');
    change('late-fees-rate', '12,155');
    fireEvent.click(screen.getByTestId('late-fees-submit'));
    // Testing Library folds no-break spaces into plain ones when matching text.
    expect(screen.getByText('« Montant dû (TTC) » : montant invalide (exemple : 1 234,56)')).toBeTruthy();
    expect(screen.getByText('« Date d’échéance » : date obligatoire')).toBeTruthy();
    expect(screen.getByText('« Taux contractuel (% par an, facultatif) » : taux invalide (exemple : 12,15)')).toBeTruthy();
    expect(server.calls).toHaveLength(0);

    change('late-fees-amount', '100');
    change('late-fees-rate', '');
    change('late-fees-due', '2026-01-01');
    fireEvent.click(screen.getByTestId('late-fees-add-payment'));
    change('late-fees-payment-date-0', '2026-02-01');
    change('late-fees-payment-amount-0', '-5');
    fireEvent.click(screen.getByTestId('late-fees-submit'));

    const amount = screen.getByTestId('late-fees-payment-amount-0');
    await waitFor(() => expect(amount.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('« payments[0].amount » : montant négatif')).toBeTruthy();
    expect(screen.getByTestId('form-error').textContent).toBe('La requête contient des erreurs.');
  });
});

describe('CalculatorPage — prescription and small claims', () => {
  it('sends the due date and interruptions and shows the last day to act', async () => {
    const server = mockFetch({
      'POST /api/legal/prescription': {
        body: {
          lastDay: '2031-03-10',
          years: 5,
          runsFrom: '2026-03-10',
          article: 'C. com. L110-4 ; C. civ. 2224',
          ignoredInterruptions: ['2025-12-01'],
        },
      },
    });
    vi.stubGlobal('fetch', server.fetch);
    renderApp(<CalculatorPage />);
    fireEvent.click(screen.getByTestId('calculator-tab-prescription'));

    change('prescription-due', '2026-01-31');
    fireEvent.click(screen.getByTestId('prescription-add-interruption'));
    fireEvent.click(screen.getByTestId('prescription-add-interruption'));
    change('prescription-interruption-0', '2026-03-10');
    change('prescription-interruption-1', '2025-12-01');
    fireEvent.click(screen.getByTestId('prescription-submit'));

    await screen.findByTestId('prescription-result');
    expect(bodyOf(server.calls, '/api/legal/prescription')).toEqual({
      debtor: 'business',
      due: '2026-01-31',
      interruptions: ['2026-03-10', '2025-12-01'],
    });
    expect(screen.getByTestId('prescription-last-day').textContent).toBe('10/03/2031');
    expect(screen.getByTestId('prescription-years').textContent).toBe('5 ans');
    expect(screen.getByTestId('prescription-article').textContent).toBe('C. com. L110-4 ; C. civ. 2224');
    expect(within(screen.getByTestId('prescription-ignored')).getByText('01/12/2025')).toBeTruthy();
  });

  it('checks the small-claims limit with amounts typed the French way', async () => {
    const server = mockFetch({
      'POST /api/legal/small-claims': {
        body: { eligible: false, total: '5200.50', limit: '5000.00', reason: 'over-limit', article: 'CPCE L125-1, R125-1' },
      },
    });
    vi.stubGlobal('fetch', server.fetch);
    renderApp(<CalculatorPage />);
    fireEvent.click(screen.getByTestId('calculator-tab-small-claims'));

    change('small-claims-principal', '4 000');
    change('small-claims-interest', '1 200,50');
    change('small-claims-cause', 'statutory');
    fireEvent.click(screen.getByTestId('small-claims-submit'));

    const result = await screen.findByTestId('small-claims-result');
    expect(bodyOf(server.calls, '/api/legal/small-claims')).toEqual({ principal: '4000.00', interest: '1200.50', cause: 'statutory' });
    expect(result.getAttribute('data-eligible')).toBe('false');
    expect(within(result).getByText('Non éligible à la procédure simplifiée de recouvrement des petites créances')).toBeTruthy();
    expect(screen.getByTestId('small-claims-total').textContent).toBe(`5${NNBSP}200,50${NBSP}€ pour un plafond de 5${NNBSP}000,00${NBSP}€`);
    expect(within(result).getByText('Le total en principal et intérêts dépasse le plafond.')).toBeTruthy();
    expect(screen.getByTestId('small-claims-article').textContent).toBe('CPCE L125-1, R125-1');
  });

  it('speaks English when the interface does', async () => {
    const server = mockFetch({
      'POST /api/legal/small-claims': {
        body: { eligible: true, total: '1234.56', limit: '5000.00', reason: 'within-limit', article: 'CPCE L125-1, R125-1' },
      },
    });
    vi.stubGlobal('fetch', server.fetch);
    renderApp(<CalculatorPage />, { language: 'en' });
    fireEvent.click(screen.getByTestId('calculator-tab-small-claims'));
    change('small-claims-principal', '1,234.56');
    fireEvent.click(screen.getByTestId('small-claims-submit'));

    await screen.findByTestId('small-claims-result');
    expect(bodyOf(server.calls, '/api/legal/small-claims')).toEqual({ principal: '1234.56', interest: '0.00', cause: 'contractual' });
    expect(screen.getByTestId('small-claims-total').textContent).toBe('€1,234.56 against a limit of €5,000.00');
    expect(screen.getByText('Eligible for the simplified small-claims recovery procedure')).toBeTruthy();
  });
});

// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type MockReply, installDomStubs, mockFetch, renderApp } from '../../test/dom';
import { OTHER_SCENARIO, SCENARIO } from '../../test/recovery-fixtures';
import { DebtorScenarioSelect } from './DebtorScenarioSelect';

beforeAll(installDomStubs);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const ID = '00000000-0000-4000-8000-0000000000d1';
const PATH = `/api/debtors/${ID}/scenario`;

function setup(put: MockReply) {
  const server = mockFetch({ 'GET /api/recovery/scenarios': { body: [SCENARIO, OTHER_SCENARIO] }, [`PUT ${PATH}`]: put });
  vi.stubGlobal('fetch', server.fetch);
  renderApp(<DebtorScenarioSelect debtorId={ID} />, { path: `/debtors/${ID}` });
  const bodies = () =>
    server.calls.filter((call) => call.method === 'PUT' && call.path === PATH).map((call) => JSON.parse(String(call.body)));
  return { server, bodies };
}

describe('DebtorScenarioSelect', () => {
  it('sends null for "Selon les segments" and the id for a scenario', async () => {
    const { bodies } = setup({ status: 204 });
    const select = screen.getByTestId('debtor-scenario') as HTMLSelectElement;
    await waitFor(() => expect(within(select).getAllByRole('option')).toHaveLength(4));
    expect(
      within(select)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Choisir…', 'Selon les segments', 'Professionnels', 'Consommateurs']);

    fireEvent.change(select, { target: { value: 'segments' } });
    await waitFor(() => expect(bodies()).toEqual([{ scenarioId: null }]));
    expect(await screen.findByText('Scénario de relance enregistré.')).toBeTruthy();
    await waitFor(() => expect(select.disabled).toBe(false));
    expect(select.value).toBe('segments');

    fireEvent.change(select, { target: { value: OTHER_SCENARIO.id } });
    await waitFor(() => expect(bodies()).toEqual([{ scenarioId: null }, { scenarioId: OTHER_SCENARIO.id }]));
  });

  it('shows the API’s refusal and goes back to the previous choice', async () => {
    setup({ status: 403, body: { code: 'AUTH_FORBIDDEN', message: 'Action réservée aux gestionnaires.', requestId: 'r-9' } });
    const select = screen.getByTestId('debtor-scenario') as HTMLSelectElement;
    await waitFor(() => expect(select.disabled).toBe(false));
    fireEvent.change(select, { target: { value: SCENARIO.id } });
    expect(await screen.findByText('Action réservée aux gestionnaires.')).toBeTruthy();
    expect(select.value).toBe('');
  });
});

// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CaseAgent, Role } from '../../api/types';
import { type MockReply, type RouteHandler, installDomStubs } from '../../test/dom';
import { CASE_DETAIL, CASE_ID } from '../../test/recovery-fixtures';
import { renderCasePage } from '../../test/case-page';

beforeAll(installDomStubs);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const JULIE: CaseAgent = { id: '00000000-0000-4000-8000-0000000000a1', name: 'Julie Martin', email: 'julie@example.fr', role: 'agent' };

function renderCase(role: Role, routes: Record<string, RouteHandler | MockReply> = {}) {
  return renderCasePage(role, { 'GET /api/recovery/agents': { body: [JULIE] }, ...routes });
}

describe('AssigneeSection', () => {
  it('lets a manager give the case to an agent, sending their id', async () => {
    const server = renderCase('manager', { [`PUT /api/recovery/cases/${CASE_ID}/assignee`]: { status: 204 } });
    const select = (await screen.findByTestId('case-assignee-select')) as HTMLSelectElement;
    await waitFor(() => expect(select.disabled).toBe(false));
    expect([...select.options].map((o) => o.textContent)).toEqual(['Personne', 'Julie Martin — julie@example.fr']);
    fireEvent.change(select, { target: { value: JULIE.id } });
    await waitFor(() => expect(server.calls.some((c) => c.method === 'PUT')).toBe(true));
    const put = server.calls.find((c) => c.method === 'PUT');
    expect(JSON.parse(String(put?.body))).toEqual({ assigneeId: JULIE.id });
    expect(await screen.findByText('Dossier attribué.')).toBeTruthy();
  });

  it('shows the refusal next to the choice', async () => {
    renderCase('manager', {
      [`PUT /api/recovery/cases/${CASE_ID}/assignee`]: {
        status: 400,
        body: {
          code: 'VALIDATION_FAILED',
          message: 'Données invalides.',
          requestId: 't',
          issues: [{ field: 'assigneeId', code: 'not_an_agent', message: '« assigneeId » : n’est pas un membre actif' }],
        },
      },
    });
    const select = (await screen.findByTestId('case-assignee-select')) as HTMLSelectElement;
    await waitFor(() => expect(select.disabled).toBe(false));
    fireEvent.change(select, { target: { value: JULIE.id } });
    expect(await screen.findByText(/n’est pas un membre actif/)).toBeTruthy();
  });

  it('shows a viewer who is in charge, without a choice', async () => {
    renderCase('viewer', {
      [`GET /api/recovery/cases/${CASE_ID}`]: { body: { ...CASE_DETAIL, assignee: { id: JULIE.id, name: JULIE.name } } },
    });
    expect((await screen.findByTestId('case-assignee-name')).textContent).toBe('Julie Martin');
    expect(screen.queryByTestId('case-assignee-select')).toBeNull();
  });
});

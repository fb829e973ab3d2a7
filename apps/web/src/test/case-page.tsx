import { vi } from 'vitest';
import type { Role } from '../api/types';
import { AuthGate } from '../components/Session';
import { CasePage } from '../pages/recovery/CasePage';
import { type MockReply, type RouteHandler, TEST_ME, mockFetch, renderApp } from './dom';
import { CASE_DETAIL, CASE_ID } from './recovery-fixtures';

/**
 * The case page of CASE_DETAIL as a user of `role` sees it, on a mocked API: the case, no documents and no agents
 * unless `routes` say otherwise. Returns the mock, whose calls the test reads.
 */
export function renderCasePage(role: Role, routes: Record<string, RouteHandler | MockReply> = {}) {
  const server = mockFetch({
    'GET /api/auth/me': { body: { ...TEST_ME, role } },
    [`GET /api/recovery/cases/${CASE_ID}`]: { body: CASE_DETAIL },
    [`GET /api/recovery/cases/${CASE_ID}/documents`]: { body: [] },
    'GET /api/recovery/agents': { body: [] },
    ...routes,
  });
  vi.stubGlobal('fetch', server.fetch);
  renderApp(
    <AuthGate>
      <CasePage id={CASE_ID} />
    </AuthGate>,
    { path: `/recovery/cases/${CASE_ID}` },
  );
  return server;
}

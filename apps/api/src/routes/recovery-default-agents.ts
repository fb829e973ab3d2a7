/** Who follows each creditor's new cases (a team giving each client to one person). */
import { CaseAssigneeInput, CreditorDefaultAgent, IdParams } from '@amiable/contract';
import { listCreditorDefaultAgents, setCreditorDefaultAgent } from '@amiable/db';
import { Type } from 'typebox';
import type { App } from '../app-type.js';
import type { ApiDeps } from '../deps.js';
import { fail } from '../http-errors.js';
import { authorize } from '../request-context.js';
import { inCallerTenant } from '../tenant-scope.js';
import { commandActor, failNotAnAgent } from './recovery-cases.js';

export async function recoveryDefaultAgentRoutes(app: App, deps: ApiDeps): Promise<void> {
  const tags = ['Relances'];

  app.get(
    '/recovery/default-agents',
    {
      schema: {
        tags,
        summary: 'Each creditor with the member who follows its new cases (null: they open unassigned)',
        response: { 200: Type.Array(CreditorDefaultAgent) },
      },
    },
    async (request) => {
      const principal = authorize(request, 'ledger:read');
      return inCallerTenant(deps, request, principal, ({ tx }) => listCreditorDefaultAgents(tx));
    },
  );

  app.put(
    '/recovery/creditors/:id/default-agent',
    {
      schema: {
        tags,
        summary:
          'Give a creditor’s new cases to a member (those the planner or a campaign opens from now on), or null (manager); open cases keep theirs',
        params: IdParams,
        body: CaseAssigneeInput,
        response: { 200: CreditorDefaultAgent },
      },
    },
    async (request) => {
      const principal = authorize(request, 'ledger:write');
      const assigneeId = request.body.assigneeId;
      const result = await inCallerTenant(deps, request, principal, ({ tx }) =>
        setCreditorDefaultAgent(
          tx,
          { creditorId: request.params.id, assigneeId },
          commandActor(request, principal),
          deps.clock.now(),
          deps.ids,
        ),
      );
      if (result.ok) return result.value;
      if (result.code === 'NOT_FOUND') return fail({ code: 'NOT_FOUND' });
      return failNotAnAgent(assigneeId);
    },
  );
}

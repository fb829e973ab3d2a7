import {
  ApprovalDecision,
  CallOutcome,
  CaseAgent,
  CaseAssigneeInput,
  CaseDetail,
  CaseQuery,
  CaseSummary,
  CaseTransitionInput,
  CasesAssigneeInput,
  CasesAssigneeResult,
  DispatchDto,
  DispatchQuery,
  IdParams,
  PromiseInput,
  ReviewResolution,
} from '@amiable/contract';
import {
  type CaseView,
  type CommandActor,
  type DispatchView,
  type Tx,
  assignCase,
  assignCases,
  caseTimeline,
  changeCaseState,
  decideApproval,
  listCases,
  listCaseAgents,
  listDispatches,
  invoiceNumbers,
  loadPlanningSnapshot,
  recordCallOutcome,
  recordPromise,
  resolveReview,
} from '@amiable/db';
import { formatDecimalAmount } from '@amiable/domain';
import { previewPlans } from '@amiable/recovery';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { App } from '../app-type.js';
import type { ApiDeps } from '../deps.js';
import { fail } from '../http-errors.js';
import { iso } from '../mappers.js';
import { centsOf } from '../params.js';
import { actorOf, authorize } from '../request-context.js';
import { inCallerTenant } from '../tenant-scope.js';

function dispatchDto(d: DispatchView) {
  return {
    id: d.id,
    caseId: d.caseId,
    debtor: d.debtor,
    creditor: d.creditor,
    scenarioId: d.scenarioId,
    campaign: d.campaign,
    stepId: d.stepId,
    channel: d.channel,
    occurrence: d.occurrence,
    status: d.status,
    invoiceNumbers: [...d.invoiceNumbers],
    outstanding: formatDecimalAmount(d.outstandingCents),
    recipient: d.recipient,
    attempts: d.attempts,
    lastError: d.lastError,
    outcome: d.outcome ?? null,
    priority: d.priority,
    updatedAt: iso(d.updatedAt),
    assignee: d.assignee,
  };
}

function caseDto(c: CaseView) {
  return {
    id: c.id,
    debtor: c.debtor,
    creditor: c.creditor,
    state: c.state as CaseSummary['state'],
    closedReason: c.closedReason as CaseSummary['closedReason'],
    openInvoices: c.openInvoices,
    outstanding: formatDecimalAmount(c.outstandingCents),
    lastAction: c.lastAction as CaseSummary['lastAction'],
    assignee: c.assignee,
    openedAt: iso(c.openedAt),
    updatedAt: iso(c.updatedAt),
  };
}

export function commandActor(request: FastifyRequest, principal: Parameters<typeof actorOf>[1]): CommandActor {
  const a = actorOf(request, principal);
  return { kind: a.kind === 'user' ? 'user' : 'api-key', id: a.id, label: a.label, channel: a.channel === 'web' ? 'web' : 'api', ip: a.ip };
}

/** 400 on `assigneeId`: the member chosen may not follow cases (a viewer, a disabled account, another tenant's). */
export function failNotAnAgent(assigneeId: string | null): never {
  return fail({ code: 'VALIDATION_FAILED', issues: [{ field: 'assigneeId', code: 'not_an_agent', params: { value: assigneeId ?? '' } }] });
}

function failCommand(result: { ok: false; code: 'NOT_FOUND' | 'CONFLICT'; reason?: string }): never {
  return fail(result.code === 'NOT_FOUND' ? { code: 'NOT_FOUND' } : { code: 'CONFLICT', params: { reason: result.reason ?? '' } });
}

export async function recoveryCaseRoutes(app: App, deps: ApiDeps): Promise<void> {
  const tags = ['Relances'];
  const now = () => deps.clock.now();
  /** Runs a recovery command in the caller's tenant, as the caller; a refusal becomes 404 or 409. */
  const command = async (
    request: FastifyRequest,
    principal: Parameters<typeof actorOf>[1],
    fn: (
      tx: Tx,
      actor: CommandActor,
      today: string,
    ) => Promise<{ ok: true } | { ok: false; code: 'NOT_FOUND' | 'CONFLICT'; reason?: string }>,
  ) => {
    const result = await inCallerTenant(deps, request, principal, ({ tx, today }) => fn(tx, commandActor(request, principal), today));
    if (!result.ok) failCommand(result);
  };

  app.get(
    '/recovery/cases',
    {
      schema: {
        tags,
        summary: 'Cases (dossiers): one per debtor and creditor',
        querystring: CaseQuery,
        response: { 200: Type.Array(CaseSummary) },
      },
    },
    async (request) => {
      const principal = authorize(request, 'ledger:read');
      const q = request.query;
      const cases = await inCallerTenant(deps, request, principal, ({ tx }) =>
        listCases(tx, { state: q.state, debtorId: q.debtorId, assignee: q.assignee, limit: q.limit ?? 100 }),
      );
      return cases.map(caseDto);
    },
  );

  app.get(
    '/recovery/cases/:id',
    {
      schema: {
        tags,
        summary: 'A case with its timeline, actions, promises and the next planned actions',
        params: IdParams,
        response: { 200: CaseDetail },
      },
    },
    async (request) => {
      const principal = authorize(request, 'ledger:read');
      const id = request.params.id;
      const found = await inCallerTenant(deps, request, principal, async ({ tx, today }) => {
        const [c] = await listCases(tx, { caseId: id, limit: 1 });
        if (!c) return null;
        const timeline = await caseTimeline(tx, id);
        const dispatches = await listDispatches(tx, { caseId: id, today, limit: 200 });
        await tx.execute({ text: 'SAVEPOINT preview', values: [] });
        const snapshot = await loadPlanningSnapshot(tx, today, now(), deps.ids);
        await tx.execute({ text: 'ROLLBACK TO SAVEPOINT preview', values: [] });
        const next = previewPlans({ ...snapshot, cases: snapshot.cases.filter((s) => s.caseId === id) }, 60).slice(0, 10);
        return {
          c,
          timeline,
          dispatches,
          next,
          numbers: await invoiceNumbers(
            tx,
            next.flatMap((p) => p.invoiceIds),
          ),
        };
      });
      if (!found) fail({ code: 'NOT_FOUND' });
      return {
        ...caseDto(found.c),
        transitions: found.timeline.transitions.map((t) => ({ ...t, occurredAt: iso(t.occurredAt) })),
        dispatches: found.dispatches.map(dispatchDto),
        promises: found.timeline.promises.map((p) => ({
          id: p.id,
          madeOn: p.madeOn,
          until: p.until,
          amount: p.amountCents === null ? null : formatDecimalAmount(p.amountCents),
          status: p.status,
        })),
        nextActions: found.next.map((p) => ({
          date: p.date,
          caseId: p.caseId,
          debtorId: p.debtorId,
          stepId: p.stepId,
          channel: p.channel,
          requiresApproval: p.requiresApproval,
          invoiceNumbers: p.invoiceIds.map((i) => found.numbers.get(i) ?? i),
        })),
      };
    },
  );

  app.post(
    '/recovery/cases/:id/transition',
    {
      schema: {
        tags,
        summary: 'Change a case’s state, with the reason (manager)',
        params: IdParams,
        body: CaseTransitionInput,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const principal = authorize(request, 'ledger:write');
      const b = request.body;
      await command(request, principal, (tx, actor) =>
        changeCaseState(
          tx,
          { caseId: request.params.id, state: b.state, reason: b.reason, closedReason: b.closedReason },
          actor,
          now(),
          deps.ids,
        ),
      );
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/recovery/agents',
    {
      schema: {
        tags,
        summary: 'The members who may be put in charge of a case (owners, managers, agents)',
        response: { 200: Type.Array(CaseAgent) },
      },
    },
    async (request) => {
      const principal = authorize(request, 'ledger:read');
      return inCallerTenant(deps, request, principal, ({ tx }) => listCaseAgents(tx));
    },
  );

  app.put(
    '/recovery/cases/:id/assignee',
    {
      schema: {
        tags,
        summary: 'Put a member in charge of a case (Reply-To of its e-mails, contact in its letters), or null to take it back (manager)',
        params: IdParams,
        body: CaseAssigneeInput,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const principal = authorize(request, 'ledger:write');
      const assigneeId = request.body.assigneeId;
      const result = await inCallerTenant(deps, request, principal, ({ tx }) =>
        assignCase(tx, { caseId: request.params.id, assigneeId }, commandActor(request, principal), now(), deps.ids),
      );
      if (!result.ok && result.reason === 'assignee-not-agent') failNotAnAgent(assigneeId);
      if (!result.ok) failCommand(result);
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/recovery/cases/assignee',
    {
      schema: {
        tags,
        summary: 'Put one member in charge of many cases at once, or null to take them back (manager); all or nothing',
        body: CasesAssigneeInput,
        response: { 200: CasesAssigneeResult },
      },
    },
    async (request) => {
      const principal = authorize(request, 'ledger:write');
      const { caseIds, assigneeId } = request.body;
      const result = await inCallerTenant(deps, request, principal, ({ tx }) =>
        assignCases(tx, { caseIds, assigneeId }, commandActor(request, principal), now(), deps.ids),
      );
      if (result.ok) return result.value;
      if ('missing' in result) {
        const missing = new Set(result.missing);
        fail({
          code: 'VALIDATION_FAILED',
          issues: caseIds.flatMap((id, i) =>
            missing.has(id) ? [{ field: `caseIds[${i}]`, code: 'unknown_case' as const, params: { value: id } }] : [],
          ),
        });
      }
      if (result.reason === 'assignee-not-agent') failNotAnAgent(assigneeId);
      return failCommand(result);
    },
  );

  app.post(
    '/recovery/cases/:id/promises',
    {
      schema: {
        tags,
        summary: 'Record a promise to pay: the case’s actions pause until that date',
        params: IdParams,
        body: PromiseInput,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const principal = authorize(request, 'debtor:work');
      const b = request.body;
      const amountCents = b.amount === undefined ? null : centsOf(b.amount, 'amount');
      await command(request, principal, (tx, actor, today) =>
        recordPromise(tx, { caseId: request.params.id, madeOn: today, until: b.until, amountCents, note: b.note }, actor, now(), deps.ids),
      );
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/recovery/dispatches',
    {
      schema: {
        tags,
        summary: 'Actions: view=worklist (calls and tasks due), approvals, review (uncertain or failed)',
        querystring: DispatchQuery,
        response: { 200: Type.Array(DispatchDto) },
      },
    },
    async (request) => {
      const principal = authorize(request, 'ledger:read');
      const q = request.query;
      const rows = await inCallerTenant(deps, request, principal, ({ tx, today }) =>
        listDispatches(tx, {
          status: q.status,
          channel: q.channel,
          caseId: q.caseId,
          campaignId: q.campaignId,
          assignee: q.assignee,
          view: q.view,
          today,
          limit: q.limit ?? 100,
        }),
      );
      return rows.map(dispatchDto);
    },
  );

  app.post(
    '/recovery/dispatches/:id/outcome',
    {
      schema: {
        tags,
        summary: 'Log a call’s (or task’s) outcome; it decides what follows',
        params: IdParams,
        body: CallOutcome,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const principal = authorize(request, 'debtor:work');
      const b = request.body;
      const promiseAmountCents = b.promiseAmount === undefined ? null : centsOf(b.promiseAmount, 'promiseAmount');
      if (b.outcome === 'promise' && !b.promiseUntil)
        fail({ code: 'VALIDATION_FAILED', issues: [{ field: 'promiseUntil', code: 'required' }] });
      await command(request, principal, (tx, actor, today) =>
        recordCallOutcome(
          tx,
          {
            dispatchId: request.params.id,
            outcome: b.outcome,
            note: b.note,
            promiseUntil: b.promiseUntil,
            promiseAmountCents,
            disputeReason: b.disputeReason,
            today,
          },
          actor,
          now(),
          deps.ids,
        ),
      );
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/recovery/dispatches/:id/approval',
    {
      schema: {
        tags,
        summary: 'Approve or reject an action awaiting a manager',
        params: IdParams,
        body: ApprovalDecision,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const principal = authorize(request, 'ledger:write');
      await command(request, principal, (tx, actor) =>
        decideApproval(
          tx,
          { dispatchId: request.params.id, decision: request.body.decision, note: request.body.note },
          actor,
          now(),
          deps.ids,
        ),
      );
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/recovery/dispatches/:id/review',
    {
      schema: {
        tags,
        summary: 'Settle an uncertain or failed action: it was sent, send it again, or cancel it',
        params: IdParams,
        body: ReviewResolution,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const principal = authorize(request, 'ledger:write');
      await command(request, principal, (tx, actor) =>
        resolveReview(
          tx,
          { dispatchId: request.params.id, resolution: request.body.resolution, note: request.body.note },
          actor,
          now(),
          deps.ids,
        ),
      );
      return reply.code(204).send(null);
    },
  );
}

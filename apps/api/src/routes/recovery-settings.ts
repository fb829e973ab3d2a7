import {
  ContactPolicyDto,
  IdParams,
  PlanRun,
  Preview,
  PreviewQuery,
  ScenarioDto,
  ScenarioInput,
  type ScenarioStepDto,
  SegmentRules,
} from '@amiable/contract';
import {
  type ScenarioRecord,
  type StoredStep,
  contactLimitsOf,
  ensureDefaultScenarios,
  listScenarios,
  listSegmentRules,
  invoiceNumbers,
  loadPlanningSnapshot,
  replaceSegmentRules,
  runPlanner,
  saveContactPolicy,
  saveScenario,
  setDebtorScenario,
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
import { authorize } from '../request-context.js';
import { inCallerTenant } from '../tenant-scope.js';

export function scenarioDto(s: ScenarioRecord) {
  return {
    id: s.id,
    key: s.key,
    name: s.name,
    description: s.description,
    isDefault: s.isDefault,
    steps: s.steps.map((step) => ({
      id: step.id,
      offsetDays: step.offsetDays,
      channel: step.channel,
      requiresApproval: step.requiresApproval === true,
      letter: (step.letter ?? null) as ScenarioStepDto['letter'],
      minOutstanding: step.minOutstandingCents == null ? null : formatDecimalAmount(step.minOutstandingCents),
      debtorKinds: [...(step.debtorKinds ?? [])],
      templates: step.templates ?? {},
    })),
    updatedAt: iso(s.updatedAt),
  };
}

function policyDto(p: Awaited<ReturnType<typeof contactLimitsOf>>) {
  return {
    maxContactsPerWeek: p.maxContactsPerWeek,
    minDaysBetweenContacts: p.minDaysBetweenContacts,
    noContactOn: [...p.noContactOn],
    windowStart: p.windowStart,
    windowEnd: p.windowEnd,
    automatic: p.automatic,
  };
}

function stepsOfInput(input: ScenarioInput): StoredStep[] {
  return input.steps.map((s, i) => ({
    id: s.id,
    offsetDays: s.offsetDays,
    channel: s.channel,
    requiresApproval: s.requiresApproval === true,
    letter: s.letter ?? null,
    minOutstandingCents: s.minOutstanding == null ? null : centsOf(s.minOutstanding, `steps[${i}].minOutstanding`),
    debtorKinds: s.debtorKinds ?? null,
    templates: s.templates,
  }));
}

export async function recoverySettingsRoutes(app: App, deps: ApiDeps): Promise<void> {
  const tags = ['Relances'];
  const today = () => deps.clock.now();

  app.get(
    '/recovery/scenarios',
    {
      schema: {
        tags,
        summary: 'Recovery scenarios (the three French defaults are installed on first use)',
        response: { 200: Type.Array(ScenarioDto) },
      },
    },
    async (request) => {
      const principal = authorize(request, 'ledger:read');
      return inCallerTenant(deps, request, principal, async ({ tx }) => {
        await ensureDefaultScenarios(tx, today(), deps.ids);
        return (await listScenarios(tx)).map(scenarioDto);
      });
    },
  );

  const save = async (request: FastifyRequest, id: string | null, body: ScenarioInput) => {
    const principal = authorize(request, 'ledger:write');
    const result = await inCallerTenant(deps, request, principal, ({ tx }) =>
      saveScenario(tx, id, { ...body, steps: stepsOfInput(body) }, today(), deps.ids),
    );
    if (!result.ok) fail({ code: result.code, ...(result.issues ? { issues: result.issues } : {}) });
    return scenarioDto(result.value);
  };
  app.post(
    '/recovery/scenarios',
    { schema: { tags, summary: 'Create a scenario (manager)', body: ScenarioInput, response: { 200: ScenarioDto } } },
    (request) => save(request, null, request.body),
  );
  app.put(
    '/recovery/scenarios/:id',
    {
      schema: {
        tags,
        summary: 'Change a scenario’s steps, name or default flag (manager)',
        params: IdParams,
        body: ScenarioInput,
        response: { 200: ScenarioDto },
      },
    },
    (request) => save(request, request.params.id, request.body),
  );

  app.get(
    '/recovery/segments',
    { schema: { tags, summary: 'Segment rules, first match wins', response: { 200: SegmentRules } } },
    async (request) => {
      const principal = authorize(request, 'ledger:read');
      const rules = await inCallerTenant(deps, request, principal, ({ tx }) => listSegmentRules(tx));
      return {
        rules: rules.map((r) => ({
          name: r.name,
          scenarioId: r.scenarioId,
          debtorKind: r.debtorKind ?? null,
          minOutstanding: r.minOutstandingCents == null ? null : formatDecimalAmount(r.minOutstandingCents),
          maxOutstanding: r.maxOutstandingCents == null ? null : formatDecimalAmount(r.maxOutstandingCents),
          minOldestDaysOverdue: r.minOldestDaysOverdue ?? null,
          tag: r.tag ?? null,
          minAverageDaysLate: r.minAverageDaysLate ?? null,
        })),
      };
    },
  );
  app.put(
    '/recovery/segments',
    { schema: { tags, summary: 'Replace the segment rules (manager)', body: SegmentRules, response: { 200: SegmentRules } } },
    async (request) => {
      const principal = authorize(request, 'ledger:write');
      const rules = request.body.rules.map((r, i) => ({
        ...r,
        minOutstandingCents: r.minOutstanding == null ? null : centsOf(r.minOutstanding, `rules[${i}].minOutstanding`),
        maxOutstandingCents: r.maxOutstanding == null ? null : centsOf(r.maxOutstanding, `rules[${i}].maxOutstanding`),
      }));
      const result = await inCallerTenant(deps, request, principal, ({ tx }) => replaceSegmentRules(tx, rules, deps.ids));
      if (!result.ok) fail({ code: result.code, ...(result.issues ? { issues: result.issues } : {}) });
      return request.body;
    },
  );

  app.get(
    '/recovery/contact-policy',
    { schema: { tags, summary: 'Rules of contact', response: { 200: ContactPolicyDto } } },
    async (request) => {
      const principal = authorize(request, 'ledger:read');
      return policyDto(await inCallerTenant(deps, request, principal, ({ tx }) => contactLimitsOf(tx)));
    },
  );
  app.put(
    '/recovery/contact-policy',
    { schema: { tags, summary: 'Change the rules of contact (manager)', body: ContactPolicyDto, response: { 200: ContactPolicyDto } } },
    async (request) => {
      const principal = authorize(request, 'ledger:write');
      const saved = await inCallerTenant(deps, request, principal, async ({ tx }) => {
        const result = await saveContactPolicy(tx, request.body, today());
        return result.ok ? { ok: true as const, policy: await contactLimitsOf(tx) } : result;
      });
      if (!saved.ok) fail({ code: saved.code, ...(saved.issues ? { issues: saved.issues } : {}) });
      return policyDto(saved.policy);
    },
  );

  app.put(
    '/debtors/:id/scenario',
    {
      schema: {
        tags,
        summary: 'Give a debtor its own scenario (null: back to the segment rules)',
        params: IdParams,
        body: Type.Object({ scenarioId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]) }, { additionalProperties: false }),
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const principal = authorize(request, 'ledger:write');
      const result = await inCallerTenant(deps, request, principal, ({ tx }) =>
        setDebtorScenario(tx, request.params.id, request.body.scenarioId),
      );
      if (!result.ok) fail({ code: result.code, ...(result.issues ? { issues: result.issues } : {}) });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/recovery/preview',
    {
      schema: {
        tags,
        summary: 'What the planner will send in the next N days if nothing changes (nothing is written)',
        querystring: PreviewQuery,
        response: { 200: Preview },
      },
    },
    async (request) => {
      const principal = authorize(request, 'ledger:read');
      const days = request.query.days ?? 14;
      // The snapshot opens missing cases and installs default scenarios: done in a transaction rolled back, nothing stays.
      const actions = await inCallerTenant(deps, request, principal, async ({ tx, today: date }) => {
        await tx.execute({ text: 'SAVEPOINT preview', values: [] });
        const snapshot = await loadPlanningSnapshot(tx, date, today(), deps.ids);
        await tx.execute({ text: 'ROLLBACK TO SAVEPOINT preview', values: [] });
        const scoped = request.query.caseId
          ? { ...snapshot, cases: snapshot.cases.filter((c) => c.caseId === request.query.caseId) }
          : snapshot;
        const planned = previewPlans(scoped, days);
        return {
          date,
          planned,
          numbers: await invoiceNumbers(
            tx,
            planned.flatMap((p) => p.invoiceIds),
          ),
        };
      });
      return {
        from: actions.date,
        days,
        actions: actions.planned.map((p) => ({
          date: p.date,
          caseId: p.caseId,
          debtorId: p.debtorId,
          stepId: p.stepId,
          channel: p.channel,
          requiresApproval: p.requiresApproval,
          invoiceNumbers: p.invoiceIds.map((id) => actions.numbers.get(id) ?? id),
        })),
      };
    },
  );

  app.post(
    '/recovery/plan',
    { schema: { tags, summary: 'Run the planner now for today (it also runs every morning)', response: { 200: PlanRun } } },
    async (request) => {
      const principal = authorize(request, 'ledger:write');
      const date = (await inCallerTenant(deps, request, principal, async ({ today: d }) => d)) as string;
      const run = await runPlanner(deps.db.app, principal.tenantId, date, today(), deps.ids);
      return { date, ...run };
    },
  );
}

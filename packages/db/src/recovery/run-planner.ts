/**
 * A planner run for one tenant and day, in one transaction: snapshot, decision
 * (the pure planCases of @amiable/recovery), then the new cases, the new actions
 * and their jobs.
 *
 * Effectively-once: a dispatch row is unique per (case, step, day) and per
 * idempotency key; a second planner run (or fifty at once) inserts nothing more
 * (ON CONFLICT DO NOTHING), and only the rows this run inserted move invoices
 * forward and enqueue their job — in the same transaction.
 */
import type { IdGenerator, IsoDate } from '@amiable/domain';
import { type PlannedDispatch, planCases } from '@amiable/recovery';
import type pg from 'pg';
import { sql } from '../sql.js';
import { type Tx, inTenant } from '../tenant-transaction.js';
import { eligibleDefaultAgents } from './creditor-default-agent.js';
import { AUTOMATIC_CHANNELS, type NewCase, RECOVERY_DISPATCH_TASK, contactLimitsOf, loadPlanningSnapshot } from './planning.js';
import { settlePromises } from './recovery-commands.js';

export interface PlannerRun {
  readonly cases: number;
  readonly planned: number;
  readonly created: number;
}

/** Decisions taken again when other planners keep opening the same cases meanwhile, before giving up (the job is retried). */
const ATTEMPTS = 5;

export async function runPlanner(
  pool: pg.Pool,
  tenantId: string,
  date: IsoDate,
  now: Date,
  ids: IdGenerator,
  /** Time spent in each phase, in ms (benchmarks). */
  onPhase?: (phase: string, ms: number) => void,
): Promise<PlannerRun> {
  let last = performance.now();
  const phase = (name: string) => {
    const at = performance.now();
    onPhase?.(name, at - last);
    last = at;
  };
  return inTenant(pool, { tenantId }, async (tx) => {
    // Promises whose date has passed are settled first: a broken one resumes its case today.
    await settlePromises(tx, date, now, ids);
    phase('promises');
    for (let attempt = 1; ; attempt++) {
      const snapshot = await loadPlanningSnapshot(tx, date, now, ids, phase);
      const planned = planCases(snapshot);
      phase('decide');
      if (await openCases(tx, snapshot.newCases, planned, now, ids)) {
        phase('new-cases');
        const created = await saveDispatches(tx, date, planned, now, ids, phase);
        return { cases: snapshot.cases.length, planned: planned.length, created };
      }
      // Another planner opened some of them and committed: decide again, with its cases.
      if (attempt === ATTEMPTS) throw new Error(`planner: cases opened concurrently ${ATTEMPTS} times in a row, giving up`);
    }
  });
}

/** A PostgreSQL array literal of uuids or integers (nothing to quote, so a join rather than a million escapes). */
function arrayOf(values: readonly (string | number)[]): string {
  return `{${values.join(',')}}`;
}

/** A PostgreSQL array literal of uuid lists, each as one comma-separated text (split again by string_to_array). */
function listsOf(lists: readonly (readonly string[])[]): string {
  return `{${lists.map((list) => `"${list.join(',')}"`).join(',')}}`;
}

/**
 * Inserts the cases the snapshot gave an id, straight in the state their first
 * action gives them ('in-progress', with its transition) or 'open': no update of a
 * row just inserted. False, and nothing inserted, when another planner opened one
 * of them meanwhile — its cases and actions are then the ones to plan with.
 */
async function openCases(
  tx: Tx,
  cases: readonly NewCase[],
  planned: readonly PlannedDispatch[],
  now: Date,
  ids: IdGenerator,
): Promise<boolean> {
  if (cases.length === 0) return true;
  const acted = new Set(planned.map((p) => p.caseId));
  const started = cases.filter((c) => acted.has(c.id)).map((c) => c.id);
  await tx.execute(sql`SAVEPOINT open_cases`);
  const opened = await tx.execute(sql`
    INSERT INTO amiable.recovery_case (tenant_id, id, debtor_id, creditor_id, state, assignee_id, opened_at, updated_at)
    SELECT ${tx.tenantId}, r.id, r.debtor_id, r.creditor_id, CASE WHEN r.id = ANY(${arrayOf(started)}::uuid[]) THEN 'in-progress' ELSE 'open' END,
           agent.user_id, ${now}, ${now}
    FROM unnest(${arrayOf(cases.map((c) => c.id))}::uuid[], ${arrayOf(cases.map((c) => c.debtorId))}::uuid[],
                ${arrayOf(cases.map((c) => c.creditorId))}::uuid[]) AS r(id, debtor_id, creditor_id)
    LEFT JOIN ${eligibleDefaultAgents} agent ON agent.creditor_id = r.creditor_id
    ON CONFLICT (tenant_id, debtor_id, creditor_id) WHERE state <> 'closed' DO NOTHING`);
  if (opened < cases.length) {
    await tx.execute(sql`ROLLBACK TO SAVEPOINT open_cases`);
    return false;
  }
  await tx.execute(sql`RELEASE SAVEPOINT open_cases`);
  await recordStarts(tx, started, now, ids);
  return true;
}

/** The transitions of cases moved from 'open' to 'in-progress' by their first action. */
async function recordStarts(tx: Tx, caseIds: readonly string[], now: Date, ids: IdGenerator): Promise<void> {
  if (caseIds.length === 0) return;
  await tx.execute(sql`
    INSERT INTO amiable.case_transition (tenant_id, id, case_id, from_state, to_state, reason, actor_kind, actor_label, occurred_at)
    SELECT ${tx.tenantId}, t.id, t.case_id, 'open', 'in-progress', 'first recovery action planned', 'engine', 'planner', ${now}
    FROM unnest(${arrayOf(caseIds.map(() => ids.newId()))}::uuid[], ${arrayOf(caseIds)}::uuid[]) AS t(id, case_id)`);
}

/**
 * Writes the planned actions of `date`. Returns how many were new. Automatic ones
 * get their job, due at the start of the tenant's sending window (Europe/Paris).
 * Rows go as arrays unnested by PostgreSQL: no JSON to build and parse.
 */
export async function saveDispatches(
  tx: Tx,
  date: IsoDate,
  planned: readonly PlannedDispatch[],
  now: Date,
  ids: IdGenerator,
  phase: (name: string) => void = () => undefined,
): Promise<number> {
  if (planned.length === 0) return 0;
  const dispatchIds = planned.map(() => ids.newId());
  // Step ids and channels repeat: each row gives their position in a short list.
  const names = [...new Set(planned.flatMap((p) => [p.stepId, p.channel]))];
  const position = new Map(names.map((name, k) => [name, k + 1]));
  const inserted = await tx.query<{ id: string }>(sql`
    INSERT INTO amiable.dispatch (tenant_id, id, case_id, debtor_id, scenario_id, step_id, step_index, occurrence, channel, invoice_ids,
                                  status, idempotency_key, created_at, updated_at)
    SELECT ${tx.tenantId}, r.id, r.case_id, r.debtor_id, r.scenario_id, n.names[r.step], r.step_index, ${date}::date, n.names[r.channel],
           string_to_array(r.invoice_ids, ',')::uuid[], CASE WHEN r.approval THEN 'awaiting-approval' ELSE 'planned' END,
           -- The key the provider sees: stable for this case, step and day, whoever planned it.
           r.case_id || ':' || n.names[r.step] || ':' || ${date}, ${now}, ${now}
    FROM unnest(${arrayOf(dispatchIds)}::uuid[], ${arrayOf(planned.map((p) => p.caseId))}::uuid[],
                ${arrayOf(planned.map((p) => p.debtorId))}::uuid[], ${arrayOf(planned.map((p) => p.scenarioId))}::uuid[],
                ${arrayOf(planned.map((p) => position.get(p.stepId) as number))}::int[], ${arrayOf(planned.map((p) => p.stepIndex))}::int[],
                ${arrayOf(planned.map((p) => position.get(p.channel) as number))}::int[],
                ${listsOf(planned.map((p) => p.invoiceIds))}::text[], ${planned.map((p) => p.requiresApproval)}::boolean[])
      AS r(id, case_id, debtor_id, scenario_id, step, step_index, channel, invoice_ids, approval),
      (SELECT ${names}::text[] AS names) n
    ON CONFLICT DO NOTHING
    RETURNING id`);
  phase('dispatches');
  if (inserted.length === 0) return 0;
  const insertedIds = new Set(inserted.map((r) => r.id));
  const saved = planned.flatMap((p, k) => (insertedIds.has(dispatchIds[k] as string) ? [{ ...p, id: dispatchIds[k] as string }] : []));
  // One progress row per invoice of a saved action, as four columns.
  const progress = { invoices: [] as string[], scenarios: [] as string[], indexes: [] as number[], steps: [] as number[] };
  const stepNames: string[] = [];
  for (const p of saved)
    p.invoiceIds.forEach((invoiceId, n) => {
      const reached = p.invoiceSteps[n] as PlannedDispatch['invoiceSteps'][number];
      if (!stepNames.includes(reached.stepId)) stepNames.push(reached.stepId);
      progress.invoices.push(invoiceId);
      progress.scenarios.push(p.scenarioId);
      progress.indexes.push(reached.stepIndex);
      progress.steps.push(stepNames.indexOf(reached.stepId) + 1);
    });
  await tx.execute(sql`
    INSERT INTO amiable.invoice_progress (tenant_id, invoice_id, scenario_id, step_index, step_id, updated_at)
    SELECT ${tx.tenantId}, r.invoice_id, r.scenario_id, r.step_index, n.names[r.step], ${now}
    FROM unnest(${arrayOf(progress.invoices)}::uuid[], ${arrayOf(progress.scenarios)}::uuid[], ${arrayOf(progress.indexes)}::int[],
                ${arrayOf(progress.steps)}::int[])
      AS r(invoice_id, scenario_id, step_index, step),
      (SELECT ${stepNames}::text[] AS names) n
    ON CONFLICT (tenant_id, invoice_id) DO UPDATE SET scenario_id = EXCLUDED.scenario_id, step_index = EXCLUDED.step_index,
      step_id = EXCLUDED.step_id, updated_at = EXCLUDED.updated_at
    WHERE invoice_progress.scenario_id <> EXCLUDED.scenario_id OR invoice_progress.step_index < EXCLUDED.step_index`);
  phase('progress');
  // Cases opened today are already in progress (openCases); the others move on their first action.
  const started = await tx.query<{ id: string }>(sql`
    UPDATE amiable.recovery_case SET state = 'in-progress', updated_at = ${now}
    WHERE id = ANY(${arrayOf([...new Set(saved.map((p) => p.caseId))])}::uuid[]) AND state = 'open' RETURNING id`);
  await recordStarts(
    tx,
    started.map((c) => c.id),
    now,
    ids,
  );
  phase('case-states');
  const toSend = saved.filter((p) => !p.requiresApproval && AUTOMATIC_CHANNELS.has(p.channel)).map((p) => p.id);
  if (toSend.length > 0) {
    const window = await contactLimitsOf(tx);
    await tx.execute(sql`
      SELECT amiable.enqueue_jobs(${RECOVERY_DISPATCH_TASK},
        ARRAY(SELECT jsonb_build_object('dispatchId', d) FROM unnest(${toSend}::uuid[]) WITH ORDINALITY AS u(d, n) ORDER BY n),
        ARRAY(SELECT 'dispatch:' || d FROM unnest(${toSend}::uuid[]) WITH ORDINALITY AS u(d, n) ORDER BY n),
        greatest(${now}::timestamptz, (${date}::date + ${window.windowStart}::time) AT TIME ZONE 'Europe/Paris'), 10)`);
  }
  phase('jobs');
  return inserted.length;
}

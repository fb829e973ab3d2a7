/**
 * A planner run for one tenant and day, in one transaction: snapshot, decision
 * (the pure planCases of @amiable/recovery), then the new actions with their jobs.
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
import { AUTOMATIC_CHANNELS, RECOVERY_DISPATCH_TASK, contactLimitsOf, loadPlanningSnapshot } from './planning.js';
import { settlePromises } from './recovery-commands.js';

export interface PlannerRun {
  readonly cases: number;
  readonly planned: number;
  readonly created: number;
}

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
    const snapshot = await loadPlanningSnapshot(tx, date, now, ids, phase);
    const planned = planCases(snapshot);
    phase('decide');
    const created = await saveDispatches(tx, date, planned, now, ids, phase);
    return { cases: snapshot.cases.length, planned: planned.length, created };
  });
}

/**
 * Writes the planned actions of `date`. Returns how many were new. Automatic ones
 * get their job, due at the start of the tenant's sending window (Europe/Paris).
 * Rows go as a few arrays unnested by PostgreSQL: no JSON to build and parse.
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
  const statuses = planned.map((p) => (p.requiresApproval ? 'awaiting-approval' : 'planned'));
  // The key the provider sees: stable for this case, step and day, whoever planned it.
  const keys = planned.map((p) => `${p.caseId}:${p.stepId}:${date}`);
  const inserted = await tx.query<{ id: string; case_id: string; channel: string; status: string }>(sql`
    INSERT INTO amiable.dispatch (tenant_id, id, case_id, debtor_id, scenario_id, step_id, step_index, occurrence, channel, invoice_ids,
                                  status, idempotency_key, created_at, updated_at)
    SELECT ${tx.tenantId}, r.id, r.case_id, r.debtor_id, r.scenario_id, r.step_id, r.step_index, ${date}::date, r.channel,
           string_to_array(r.invoice_ids, ',')::uuid[], r.status, r.idempotency_key, ${now}, ${now}
    FROM unnest(${dispatchIds}::uuid[], ${planned.map((p) => p.caseId)}::uuid[], ${planned.map((p) => p.debtorId)}::uuid[],
                ${planned.map((p) => p.scenarioId)}::uuid[], ${planned.map((p) => p.stepId)}::text[],
                ${planned.map((p) => p.stepIndex)}::int[], ${planned.map((p) => p.channel)}::text[],
                ${planned.map((p) => p.invoiceIds.join(','))}::text[], ${statuses}::text[], ${keys}::text[])
      AS r(id, case_id, debtor_id, scenario_id, step_id, step_index, channel, invoice_ids, status, idempotency_key)
    ON CONFLICT DO NOTHING
    RETURNING id, case_id, channel, status`);
  phase('dispatches');
  if (inserted.length === 0) return 0;
  const insertedIds = new Set(inserted.map((r) => r.id));
  const progress = { invoice: [] as string[], scenario: [] as string[], index: [] as number[], step: [] as string[] };
  planned.forEach((p, k) => {
    if (!insertedIds.has(dispatchIds[k] as string)) return;
    p.invoiceIds.forEach((invoiceId, n) => {
      const reached = p.invoiceSteps[n] as PlannedDispatch['invoiceSteps'][number];
      progress.invoice.push(invoiceId);
      progress.scenario.push(p.scenarioId);
      progress.index.push(reached.stepIndex);
      progress.step.push(reached.stepId);
    });
  });
  await tx.execute(sql`
    INSERT INTO amiable.invoice_progress (tenant_id, invoice_id, scenario_id, step_index, step_id, updated_at)
    SELECT ${tx.tenantId}, r.invoice_id, r.scenario_id, r.step_index, r.step_id, ${now}
    FROM unnest(${progress.invoice}::uuid[], ${progress.scenario}::uuid[], ${progress.index}::int[], ${progress.step}::text[])
      AS r(invoice_id, scenario_id, step_index, step_id)
    ON CONFLICT (tenant_id, invoice_id) DO UPDATE SET scenario_id = EXCLUDED.scenario_id, step_index = EXCLUDED.step_index,
      step_id = EXCLUDED.step_id, updated_at = EXCLUDED.updated_at
    WHERE invoice_progress.scenario_id <> EXCLUDED.scenario_id OR invoice_progress.step_index < EXCLUDED.step_index`);
  phase('progress');
  const started = await tx.query<{ id: string }>(sql`
    UPDATE amiable.recovery_case SET state = 'in-progress', updated_at = ${now}
    WHERE id = ANY(${[...new Set(inserted.map((r) => r.case_id))]}::uuid[]) AND state = 'open' RETURNING id`);
  if (started.length > 0) {
    await tx.execute(sql`
      INSERT INTO amiable.case_transition (tenant_id, id, case_id, from_state, to_state, reason, actor_kind, actor_label, occurred_at)
      SELECT ${tx.tenantId}, t.id, t.case_id, 'open', 'in-progress', 'first recovery action planned', 'engine', 'planner', ${now}
      FROM unnest(${started.map(() => ids.newId())}::uuid[], ${started.map((c) => c.id)}::uuid[]) AS t(id, case_id)`);
  }
  phase('case-states');
  const toSend = inserted.filter((r) => r.status === 'planned' && AUTOMATIC_CHANNELS.has(r.channel)).map((r) => r.id);
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

/**
 * The planner's storage side: the snapshot of a tenant's open cases on a day, and
 * the writing of the planned actions — set-based, so a million open invoices are
 * read in one pass and the actions written in a few statements.
 *
 * Effectively-once: a dispatch row is unique per (case, step, day) and per
 * idempotency key; a second planner run (or fifty at once) inserts nothing more
 * (ON CONFLICT DO NOTHING), and only the rows this run inserted move invoices
 * forward and enqueue their job — in the same transaction.
 */
import { type IdGenerator, type IsoDate, toDayNumber } from '@amiable/domain';
import {
  type CaseSnapshot,
  type ContactLimits,
  DEFAULT_CONTACT_LIMITS,
  type NoContactDay,
  type PlannedDispatch,
  type PlanningSnapshot,
  type SegmentRule,
  scenarioFor,
} from '@amiable/recovery';
import { sql } from '../sql.js';
import type { Tx } from '../tenant-transaction.js';
import { ensureDefaultScenarios, listScenarios, stepsOf } from './scenarios.js';

/** Numbers of invoices, for showing planned actions (the planner itself works on ids). */
export async function invoiceNumbers(tx: Tx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.query<{ id: string; number: string }>(
    sql`SELECT id, number FROM amiable.invoice WHERE id = ANY(${[...new Set(ids)]}::uuid[])`,
  );
  return new Map(rows.map((r) => [r.id, r.number]));
}

/** Days of past contacts that matter to the rules of contact (7-day window, minimum gap). */
const CONTACT_HISTORY_DAYS = 366;

async function ensureCases(tx: Tx, now: Date, ids: IdGenerator): Promise<void> {
  const missing = await tx.query<{ debtor_id: string; creditor_id: string }>(sql`
    SELECT DISTINCT i.debtor_id, i.creditor_id FROM amiable.invoice i
    WHERE i.kind = 'invoice' AND i.outstanding_cents > 0 AND i.due_date IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM amiable.recovery_case c
                      WHERE c.tenant_id = i.tenant_id AND c.debtor_id = i.debtor_id AND c.creditor_id = i.creditor_id AND c.state <> 'closed')`);
  if (missing.length === 0) return;
  const rows = missing.map((m) => ({ id: ids.newId(), debtor_id: m.debtor_id, creditor_id: m.creditor_id }));
  await tx.execute(sql`INSERT INTO amiable.recovery_case (tenant_id, id, debtor_id, creditor_id, state, opened_at, updated_at)
    SELECT ${tx.tenantId}, r.id, r.debtor_id, r.creditor_id, 'open', ${now}, ${now}
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(id uuid, debtor_id uuid, creditor_id uuid)
    ON CONFLICT (tenant_id, debtor_id, creditor_id) WHERE state <> 'closed' DO NOTHING`);
}

export async function contactLimitsOf(tx: Tx): Promise<ContactLimits & { windowStart: string; windowEnd: string; automatic: boolean }> {
  const row = await tx.maybeOne<{ max: number; min: number; days: NoContactDay[]; ws: string; we: string; automatic: boolean }>(sql`
    SELECT max_contacts_per_week AS max, min_days_between_contacts AS min, no_contact_on AS days,
           to_char(window_start, 'HH24:MI') AS ws, to_char(window_end, 'HH24:MI') AS we, automatic
    FROM amiable.contact_policy`);
  return row
    ? {
        maxContactsPerWeek: row.max,
        minDaysBetweenContacts: row.min,
        noContactOn: row.days,
        windowStart: row.ws,
        windowEnd: row.we,
        automatic: row.automatic,
      }
    : { ...DEFAULT_CONTACT_LIMITS, windowStart: '09:00', windowEnd: '18:00', automatic: false };
}

/** Everything the planner needs to decide `date`'s actions; creates the missing cases and default scenarios first. */
export async function loadPlanningSnapshot(
  tx: Tx,
  date: IsoDate,
  now: Date,
  ids: IdGenerator,
  phase: (name: string) => void = () => undefined,
): Promise<PlanningSnapshot> {
  await ensureDefaultScenarios(tx, now, ids);
  await ensureCases(tx, now, ids);
  phase('cases');
  const scenarios = await listScenarios(tx);
  const defaultScenario = scenarios.find((s) => s.isDefault)?.id ?? null;
  const rules = await tx.query<{
    position: number;
    scenario_id: string;
    debtor_kind: 'business' | 'consumer' | null;
    min_out: string | null;
    max_out: string | null;
    min_days: number | null;
    tag: string | null;
    min_late: number | null;
  }>(sql`
    SELECT position, scenario_id, debtor_kind, min_outstanding_cents::text AS min_out, max_outstanding_cents::text AS max_out,
           min_oldest_days_overdue AS min_days, tag, min_average_days_late AS min_late
    FROM amiable.segment_rule ORDER BY position`);
  const segmentRules: SegmentRule[] = rules.map((r) => ({
    position: r.position,
    scenarioId: r.scenario_id,
    debtorKind: r.debtor_kind,
    minOutstandingCents: r.min_out === null ? null : Number(r.min_out),
    maxOutstandingCents: r.max_out === null ? null : Number(r.max_out),
    minOldestDaysOverdue: r.min_days,
    tag: r.tag,
    minAverageDaysLate: r.min_late,
  }));

  // The debtors of open cases, once each (kind, tags, override), then their open invoices: no per-row repetition.
  const debtorRows = await tx.query<{ id: string; kind: 'business' | 'consumer'; tags: string[]; override: string | null }>(sql`
    SELECT d.id, d.kind, d.tags, d.scenario_id AS override FROM amiable.debtor d
    WHERE EXISTS (SELECT 1 FROM amiable.recovery_case rc WHERE rc.tenant_id = d.tenant_id AND rc.debtor_id = d.id AND rc.state <> 'closed')`);
  const debtorsById = new Map(debtorRows.map((d) => [d.id, d]));
  const invoices = await tx.query<{
    id: string;
    outstanding: string;
    due_date: string;
    case_id: string;
    debtor_id: string;
    progress_scenario: string | null;
    step_index: number | null;
  }>(sql`
    SELECT i.id, i.outstanding_cents::text AS outstanding, i.due_date::text AS due_date, rc.id AS case_id, i.debtor_id,
           p.scenario_id AS progress_scenario, p.step_index
    FROM amiable.invoice i
    JOIN amiable.recovery_case rc ON rc.tenant_id = i.tenant_id AND rc.debtor_id = i.debtor_id AND rc.creditor_id = i.creditor_id
      AND rc.state IN ('open', 'in-progress', 'promise-to-pay', 'formal-notice-sent')
    LEFT JOIN amiable.invoice_progress p ON p.tenant_id = i.tenant_id AND p.invoice_id = i.id
    WHERE i.kind = 'invoice' AND i.outstanding_cents > 0 AND i.due_date IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM amiable.dispute x WHERE x.tenant_id = i.tenant_id AND x.invoice_id = i.id AND x.resolved_at IS NULL)`);
  phase('invoices');

  const lateness = new Map(
    (
      await tx.query<{ debtor_id: string; avg: number }>(sql`
        SELECT i.debtor_id, round(avg(p.received_on - i.due_date))::int AS avg
        FROM amiable.allocation a
        JOIN amiable.payment p ON p.tenant_id = a.tenant_id AND p.id = a.payment_id
        JOIN amiable.invoice i ON i.tenant_id = a.tenant_id AND i.id = a.invoice_id
        WHERE a.reversed_at IS NULL AND p.received_on > ${date}::date - 365 AND i.due_date IS NOT NULL
        GROUP BY i.debtor_id`)
    ).map((r) => [r.debtor_id, r.avg]),
  );
  const contacts = new Map<string, IsoDate[]>();
  for (const c of await tx.query<{ debtor_id: string; day: string }>(sql`
      SELECT DISTINCT debtor_id, occurrence::text AS day FROM amiable.dispatch
      WHERE channel <> 'task' AND status IN ('planned', 'sending', 'sent', 'done', 'uncertain')
        AND occurrence > ${date}::date - ${CONTACT_HISTORY_DAYS}::int AND occurrence <= ${date}::date`))
    contacts.set(c.debtor_id, [...(contacts.get(c.debtor_id) ?? []), c.day]);
  const promises = new Map(
    (
      await tx.query<{ case_id: string; made_on: string; until: string }>(sql`
      SELECT case_id, made_on::text AS made_on, until::text AS until FROM amiable.promise_to_pay WHERE status = 'open'`)
    ).map((p) => [p.case_id, { from: p.made_on, until: p.until }]),
  );

  phase('history');
  const today = toDayNumber(date);
  // Debtor profiles for the segments: outstanding and oldest delay over all its open invoices.
  const profiles = new Map<string, { outstanding: number; oldestDue: IsoDate }>();
  for (const i of invoices) {
    const p = profiles.get(i.debtor_id) ?? { outstanding: 0, oldestDue: i.due_date };
    p.outstanding += Number(i.outstanding);
    if (i.due_date < p.oldestDue) p.oldestDue = i.due_date;
    profiles.set(i.debtor_id, p);
  }
  const cases = new Map<string, CaseSnapshot & { invoices: CaseSnapshot['invoices'][number][] }>();
  for (const i of invoices) {
    let c = cases.get(i.case_id);
    if (!c) {
      const profile = profiles.get(i.debtor_id) as { outstanding: number; oldestDue: IsoDate };
      const debtor = debtorsById.get(i.debtor_id);
      if (!debtor) continue;
      const scenarioId = scenarioFor(
        {
          kind: debtor.kind,
          outstandingCents: profile.outstanding,
          oldestDaysOverdue: Math.max(0, today - toDayNumber(profile.oldestDue)),
          tags: debtor.tags,
          averageDaysLate: lateness.get(i.debtor_id) ?? null,
          scenarioOverride: debtor.override,
        },
        segmentRules,
        defaultScenario,
      );
      if (!scenarioId) continue;
      c = {
        caseId: i.case_id,
        debtorId: i.debtor_id,
        debtorKind: debtor.kind,
        scenarioId,
        invoices: [],
        promise: promises.get(i.case_id) ?? null,
      };
      cases.set(i.case_id, c);
    }
    c.invoices.push({
      id: i.id,
      outstandingCents: Number(i.outstanding),
      dueDate: i.due_date,
      stepIndex: i.progress_scenario === c.scenarioId && i.step_index !== null ? i.step_index : -1,
    });
  }
  // A million driver rows are garbage now: let them go before the planner allocates its own state.
  invoices.length = 0;
  return {
    date,
    limits: await contactLimitsOf(tx),
    scenarios: new Map(scenarios.map((s) => [s.id, stepsOf(s)])),
    cases: [...cases.values()],
    contacts,
  };
}

export const RECOVERY_DISPATCH_TASK = 'recovery-dispatch';

/** Channels a worker sends by itself; the others become work for people (calls, tasks) or wait for letters. */
export const AUTOMATIC_CHANNELS = new Set(['email', 'sms']);

/**
 * Writes the planned actions of `date`. Returns how many were new. Automatic ones
 * get their job, due at the start of the tenant's sending window (Europe/Paris).
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
  const rows = planned.map((p) => {
    const id = ids.newId();
    return {
      id,
      case_id: p.caseId,
      debtor_id: p.debtorId,
      scenario_id: p.scenarioId,
      step_id: p.stepId,
      step_index: p.stepIndex,
      channel: p.channel,
      invoice_ids: p.invoiceIds,
      status: p.requiresApproval ? 'awaiting-approval' : 'planned',
      // The key the provider sees: stable for this case, step and day, whoever planned it.
      idempotency_key: `${p.caseId}:${p.stepId}:${date}`,
    };
  });
  const inserted = await tx.query<{ id: string; case_id: string; channel: string; status: string }>(sql`
    INSERT INTO amiable.dispatch (tenant_id, id, case_id, debtor_id, scenario_id, step_id, step_index, occurrence, channel, invoice_ids,
                                  status, idempotency_key, created_at, updated_at)
    SELECT ${tx.tenantId}, r.id, r.case_id, r.debtor_id, r.scenario_id, r.step_id, r.step_index, ${date}::date, r.channel,
           ARRAY(SELECT jsonb_array_elements_text(r.invoice_ids)::uuid), r.status, r.idempotency_key, ${now}, ${now}
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      AS r(id uuid, case_id uuid, debtor_id uuid, scenario_id uuid, step_id text, step_index int, channel text, invoice_ids jsonb,
           status text, idempotency_key text)
    ON CONFLICT DO NOTHING
    RETURNING id, case_id, channel, status`);
  phase('dispatches');
  if (inserted.length === 0) return 0;
  const insertedIds = new Set(inserted.map((r) => r.id));
  const progress = rows.flatMap((r, index) =>
    insertedIds.has(r.id)
      ? (planned[index] as PlannedDispatch).invoiceIds.map((invoiceId, k) => ({
          invoice_id: invoiceId,
          scenario_id: r.scenario_id,
          step_index: (planned[index] as PlannedDispatch).invoiceSteps[k]?.stepIndex,
          step_id: (planned[index] as PlannedDispatch).invoiceSteps[k]?.stepId,
        }))
      : [],
  );
  await tx.execute(sql`
    INSERT INTO amiable.invoice_progress (tenant_id, invoice_id, scenario_id, step_index, step_id, updated_at)
    SELECT ${tx.tenantId}, r.invoice_id, r.scenario_id, r.step_index, r.step_id, ${now}
    FROM jsonb_to_recordset(${JSON.stringify(progress)}::jsonb) AS r(invoice_id uuid, scenario_id uuid, step_index int, step_id text)
    ON CONFLICT (tenant_id, invoice_id) DO UPDATE SET scenario_id = EXCLUDED.scenario_id, step_index = EXCLUDED.step_index,
      step_id = EXCLUDED.step_id, updated_at = EXCLUDED.updated_at
    WHERE invoice_progress.scenario_id <> EXCLUDED.scenario_id OR invoice_progress.step_index < EXCLUDED.step_index`);
  phase('progress');
  const started = await tx.query<{ id: string }>(sql`
    UPDATE amiable.recovery_case SET state = 'in-progress', updated_at = ${now}
    WHERE id = ANY(${[...new Set(inserted.map((r) => r.case_id))]}::uuid[]) AND state = 'open' RETURNING id`);
  if (started.length > 0) {
    const transitions = started.map((c) => ({ id: ids.newId(), case_id: c.id }));
    await tx.execute(sql`
      INSERT INTO amiable.case_transition (tenant_id, id, case_id, from_state, to_state, reason, actor_kind, actor_label, occurred_at)
      SELECT ${tx.tenantId}, t.id, t.case_id, 'open', 'in-progress', 'first recovery action planned', 'engine', 'planner', ${now}
      FROM jsonb_to_recordset(${JSON.stringify(transitions)}::jsonb) AS t(id uuid, case_id uuid)`);
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

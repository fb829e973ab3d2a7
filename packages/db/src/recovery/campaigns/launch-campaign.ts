/**
 * Launching a campaign, in one transaction: the cases its filter selects now (a
 * pair without a case gets one), one dispatch row per case on the day the rules of
 * contact allow, and the worker's jobs, each due at the start of the sending window
 * of its day. The campaign row is locked first and must be a draft, and a dispatch
 * is unique per (campaign, case) with the idempotency key campaign:<id>:<case>: a
 * second launch, even concurrent, sends nothing twice.
 */
import type { IdGenerator, IsoDate } from '@amiable/domain';
import { sql } from '../../sql.js';
import type { Tx } from '../../tenant-transaction.js';
import { eligibleDefaultAgents } from '../creditor-default-agent.js';
import { RECOVERY_DISPATCH_TASK } from '../planning.js';
import type { CommandActor } from '../recovery-commands.js';
import { type CampaignChannel, type CampaignFilter, type CampaignRecord, getCampaign, normalizeFilter } from './campaign-records.js';
import { type ScheduledCandidate, planCampaign } from './plan-campaign.js';
import type { CampaignResult } from './save-campaign.js';

const pairKey = (debtorId: string, creditorId: string) => `${debtorId}:${creditorId}`;

/** The open case of every scheduled pair, opening the missing ones (as the planner would). */
async function openCases(tx: Tx, scheduled: readonly ScheduledCandidate[], now: Date, ids: IdGenerator): Promise<Map<string, string>> {
  const missing = scheduled
    .filter((c) => c.caseId === null)
    .map((c) => ({ id: ids.newId(), debtor_id: c.debtorId, creditor_id: c.creditorId }));
  if (missing.length > 0)
    await tx.execute(sql`INSERT INTO amiable.recovery_case (tenant_id, id, debtor_id, creditor_id, state, assignee_id, opened_at, updated_at)
      SELECT ${tx.tenantId}, r.id, r.debtor_id, r.creditor_id, 'open', agent.user_id, ${now}, ${now}
      FROM jsonb_to_recordset(${JSON.stringify(missing)}::jsonb) AS r(id uuid, debtor_id uuid, creditor_id uuid)
      LEFT JOIN ${eligibleDefaultAgents} agent ON agent.creditor_id = r.creditor_id
      ON CONFLICT (tenant_id, debtor_id, creditor_id) WHERE state <> 'closed' DO NOTHING`);
  const rows = await tx.query<{ id: string; debtor_id: string; creditor_id: string }>(sql`
    SELECT rc.id, rc.debtor_id, rc.creditor_id FROM amiable.recovery_case rc
    JOIN unnest(${scheduled.map((c) => c.debtorId)}::uuid[], ${scheduled.map((c) => c.creditorId)}::uuid[]) AS p(debtor_id, creditor_id)
      ON rc.debtor_id = p.debtor_id AND rc.creditor_id = p.creditor_id
    WHERE rc.state <> 'closed'`);
  return new Map(rows.map((r) => [pairKey(r.debtor_id, r.creditor_id), r.id]));
}

/** Cases that were only open become in progress, with their transition, as the planner's first action does. */
async function startCases(tx: Tx, caseIds: readonly string[], name: string, actor: CommandActor, now: Date, ids: IdGenerator) {
  const started = await tx.query<{ id: string }>(sql`
    UPDATE amiable.recovery_case SET state = 'in-progress', updated_at = ${now}
    WHERE id = ANY(${[...new Set(caseIds)]}::uuid[]) AND state = 'open' RETURNING id`);
  if (started.length === 0) return;
  const transitions = started.map((c) => ({ id: ids.newId(), case_id: c.id }));
  await tx.execute(sql`
    INSERT INTO amiable.case_transition (tenant_id, id, case_id, from_state, to_state, reason, actor_kind, actor_label, occurred_at)
    SELECT ${tx.tenantId}, t.id, t.case_id, 'open', 'in-progress', ${`campaign "${name}" planned`}, ${actor.kind}, ${actor.label}, ${now}
    FROM jsonb_to_recordset(${JSON.stringify(transitions)}::jsonb) AS t(id uuid, case_id uuid)`);
}

async function enqueueByDay(tx: Tx, inserted: readonly { id: string; day: IsoDate }[], windowStart: string, now: Date) {
  const byDay = new Map<IsoDate, string[]>();
  for (const d of inserted) byDay.set(d.day, [...(byDay.get(d.day) ?? []), d.id]);
  for (const [day, dispatchIds] of byDay)
    await tx.execute(sql`
      SELECT amiable.enqueue_jobs(${RECOVERY_DISPATCH_TASK},
        ARRAY(SELECT jsonb_build_object('dispatchId', d) FROM unnest(${dispatchIds}::uuid[]) WITH ORDINALITY AS u(d, n) ORDER BY n),
        ARRAY(SELECT 'dispatch:' || d FROM unnest(${dispatchIds}::uuid[]) WITH ORDINALITY AS u(d, n) ORDER BY n),
        greatest(${now}::timestamptz, (${day}::date + ${windowStart}::time) AT TIME ZONE 'Europe/Paris'), 10)`);
}

export async function launchCampaign(
  tx: Tx,
  id: string,
  actor: CommandActor,
  now: Date,
  ids: IdGenerator,
): Promise<CampaignResult<CampaignRecord>> {
  const campaign = await tx.maybeOne<{ status: string; name: string; channel: CampaignChannel; filter: Partial<CampaignFilter> }>(
    sql`SELECT status, name, channel, filter FROM amiable.campaign WHERE id = ${id} FOR UPDATE`,
  );
  if (!campaign) return { ok: false, code: 'NOT_FOUND' };
  if (campaign.status !== 'draft') return { ok: false, code: 'CAMPAIGN_NOT_DRAFT' };
  const plan = await planCampaign(tx, { filter: normalizeFilter(campaign.filter), channel: campaign.channel }, now);
  if (plan.scheduled.length === 0) return { ok: false, code: 'CAMPAIGN_EMPTY' };

  const cases = await openCases(tx, plan.scheduled, now, ids);
  const rows = plan.scheduled.flatMap((c) => {
    const caseId = cases.get(pairKey(c.debtorId, c.creditorId));
    // A case closed between the selection and now: nothing to write to.
    return caseId
      ? [
          {
            id: ids.newId(),
            case_id: caseId,
            debtor_id: c.debtorId,
            day: c.day,
            invoice_ids: c.invoiceIds,
            key: `campaign:${id}:${caseId}`,
          },
        ]
      : [];
  });
  const inserted = await tx.query<{ id: string; case_id: string; day: string }>(sql`
    INSERT INTO amiable.dispatch (tenant_id, id, case_id, debtor_id, campaign_id, step_id, step_index, occurrence, channel, invoice_ids,
                                  status, idempotency_key, created_at, updated_at)
    SELECT ${tx.tenantId}, r.id, r.case_id, r.debtor_id, ${id}, 'campaign', 0, r.day, ${campaign.channel},
           ARRAY(SELECT jsonb_array_elements_text(r.invoice_ids)::uuid), 'planned', r.key, ${now}, ${now}
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(id uuid, case_id uuid, debtor_id uuid, day date, invoice_ids jsonb, key text)
    ON CONFLICT DO NOTHING
    RETURNING id, case_id, occurrence::text AS day`);
  await startCases(
    tx,
    inserted.map((d) => d.case_id),
    campaign.name,
    actor,
    now,
    ids,
  );
  await enqueueByDay(tx, inserted, plan.windowStart, now);
  const report = { cases: inserted.length, noRecipient: plan.noRecipient.length, unschedulable: plan.unschedulable.length };
  await tx.execute(sql`UPDATE amiable.campaign SET status = 'sending', launched_at = ${now}, launched_by = ${actor.label},
      launch_report = ${JSON.stringify(report)}::jsonb, updated_at = ${now} WHERE id = ${id}`);
  const launched = await getCampaign(tx, id, now);
  return launched ? { ok: true, value: launched } : { ok: false, code: 'NOT_FOUND' };
}

/**
 * The campaign side of claiming a dispatch (claimDispatch), inside its transaction and
 * with the row locked. What changed since the launch is checked again, as the
 * scenarios' actions are:
 * - the campaign was cancelled: the message is cancelled;
 * - people took the case over (closed, disputed, payment plan, litigation), or the
 *   debtor promised to pay since the launch: skipped, nothing leaves;
 * - the rules of contact no longer allow its day — the planner, which only looks
 *   back, planned a scenario action next to it after the launch: postponed to the
 *   first day they allow, with a job due then (the campaign gives way);
 * - then claimDispatch leaves out the invoices paid, credited or disputed since, and
 *   skips the message when none is left: a campaign about what is owed is not sent
 *   to a debtor who owes nothing any more.
 */
import { type IsoDate, addDays, parisDateOf } from '@amiable/domain';
import { type Templates, firstCampaignDay, mayContactAround } from '@amiable/recovery';
import { sql } from '../../sql.js';
import type { Tx } from '../../tenant-transaction.js';
import { RECOVERY_DISPATCH_TASK, contactLimitsOf } from '../planning.js';
import { CAMPAIGN_CASE_STATES } from './campaign-records.js';
import { debtorContactDays } from './plan-campaign.js';

export type CampaignGate =
  | { readonly kind: 'go'; readonly templates: Templates }
  | { readonly kind: 'skipped' | 'postponed' | 'cancelled' };

export interface CampaignDispatch {
  readonly id: string;
  readonly campaignId: string;
  readonly caseId: string;
  readonly debtorId: string;
  readonly occurrence: IsoDate;
  readonly createdAt: Date;
}

async function close(tx: Tx, id: string, status: 'skipped' | 'cancelled', why: string, now: Date) {
  await tx.execute(sql`UPDATE amiable.dispatch SET status = ${status}, last_error = ${why}, updated_at = ${now} WHERE id = ${id}`);
}

export async function gateCampaignDispatch(tx: Tx, d: CampaignDispatch, now: Date): Promise<CampaignGate> {
  const state = await tx.one<{ campaign: string; templates: Templates; case_state: string; promised: boolean }>(sql`
    SELECT c.status AS campaign, c.templates, rc.state AS case_state,
      EXISTS (SELECT 1 FROM amiable.promise_to_pay p WHERE p.tenant_id = rc.tenant_id AND p.case_id = rc.id AND p.status = 'open'
                AND p.created_at > ${d.createdAt} AND p.until >= ${d.occurrence}::date) AS promised
    FROM amiable.campaign c, amiable.recovery_case rc WHERE c.id = ${d.campaignId} AND rc.id = ${d.caseId}`);
  if (state.campaign === 'cancelled') {
    await close(tx, d.id, 'cancelled', 'campaign cancelled', now);
    return { kind: 'cancelled' };
  }
  if (!(CAMPAIGN_CASE_STATES as readonly string[]).includes(state.case_state)) {
    await close(tx, d.id, 'skipped', `case ${state.case_state} since the launch`, now);
    return { kind: 'skipped' };
  }
  if (state.promised) {
    await close(tx, d.id, 'skipped', 'promise to pay since the launch', now);
    return { kind: 'skipped' };
  }
  const limits = await contactLimitsOf(tx);
  const contacts = (await debtorContactDays(tx, [d.debtorId], d.occurrence, d.id)).get(d.debtorId) ?? [];
  if (mayContactAround(d.occurrence, contacts, limits)) return { kind: 'go', templates: state.templates };
  const today = parisDateOf(now);
  const day = firstCampaignDay(d.occurrence < today ? today : addDays(d.occurrence, 1), contacts, limits);
  if (!day) {
    await close(tx, d.id, 'skipped', 'no day within a year respects the rules of contact', now);
    return { kind: 'skipped' };
  }
  await tx.execute(sql`UPDATE amiable.dispatch SET occurrence = ${day}, last_error = 'postponed by the rules of contact', updated_at = ${now}
    WHERE id = ${d.id}`);
  // A key of its own: the running job (key dispatch:<id>) completes, this one waits for the new day.
  await tx.execute(sql`SELECT amiable.enqueue_job(${RECOVERY_DISPATCH_TASK}, jsonb_build_object('dispatchId', ${d.id}::uuid),
    ${`dispatch:${d.id}:${day}`}, greatest(${now}::timestamptz, (${day}::date + ${limits.windowStart}::time) AT TIME ZONE 'Europe/Paris'), 10)`);
  return { kind: 'postponed' };
}

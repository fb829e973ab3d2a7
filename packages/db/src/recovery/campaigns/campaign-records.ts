/**
 * Campaigns as stored, and their progress read from their dispatch rows. A campaign
 * whose messages have all left (or been skipped, cancelled, sent to review) is done:
 * the reads settle that first, whatever ended the last message — the worker, a
 * person cancelling it, a case closed meanwhile.
 */
import type { Templates } from '@amiable/recovery';
import { sql } from '../../sql.js';
import type { Queryable, Tx } from '../../tenant-transaction.js';

/** The case states a campaign may write to: the ones the planner works. Cases people took over (dispute, payment plan, litigation) never get one. */
export const CAMPAIGN_CASE_STATES = ['open', 'in-progress', 'promise-to-pay', 'formal-notice-sent'] as const;
export type CampaignCaseState = (typeof CAMPAIGN_CASE_STATES)[number];
/** By default a promise to pay pauses the case, as it pauses the scenarios. */
export const DEFAULT_CAMPAIGN_CASE_STATES: readonly CampaignCaseState[] = ['open', 'in-progress', 'formal-notice-sent'];

export interface CampaignFilter {
  readonly creditorId: string | null;
  readonly debtorKind: 'business' | 'consumer' | null;
  /** The debtor has every one of these tags. */
  readonly tags: readonly string[];
  /** Name, city, e-mail contains, or SIREN equals (the debtors list's search). */
  readonly search: string | null;
  /** The case owes at least this much in one of its currencies (amounts are never converted). */
  readonly minOutstandingCents: number | null;
  /** The case's oldest invoice of the message is at least this many days overdue. */
  readonly minDaysOverdue: number | null;
  readonly caseStates: readonly CampaignCaseState[];
  /** The message lists the overdue invoices only (default), or every open invoice with a due date. */
  readonly overdueOnly: boolean;
}

export type CampaignChannel = 'email' | 'sms';
export type CampaignStatus = 'draft' | 'sending' | 'done' | 'cancelled';

export interface CampaignProgress {
  readonly total: number;
  readonly planned: number;
  readonly sending: number;
  readonly sent: number;
  readonly skipped: number;
  readonly uncertain: number;
  readonly failed: number;
  readonly cancelled: number;
  /** The earliest day a message is still planned for. */
  readonly nextDate: string | null;
}

export interface LaunchReport {
  readonly cases: number;
  readonly noRecipient: number;
  readonly unschedulable: number;
}

export interface CampaignRecord {
  readonly id: string;
  readonly name: string;
  readonly channel: CampaignChannel;
  readonly templates: Templates;
  readonly filter: CampaignFilter;
  readonly status: CampaignStatus;
  readonly createdBy: string;
  readonly launchedBy: string | null;
  readonly launchedAt: Date | null;
  readonly launchReport: LaunchReport | null;
  readonly cancelledAt: Date | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly progress: CampaignProgress;
}

/** A saved filter with every default filled (older rows, partial inputs). */
export function normalizeFilter(filter: Partial<CampaignFilter>): CampaignFilter {
  return {
    creditorId: filter.creditorId ?? null,
    debtorKind: filter.debtorKind ?? null,
    tags: [...new Set((filter.tags ?? []).map((t) => t.trim().toLowerCase()).filter((t) => t !== ''))],
    search: filter.search?.trim() || null,
    minOutstandingCents: filter.minOutstandingCents ?? null,
    minDaysOverdue: filter.minDaysOverdue ?? null,
    caseStates: filter.caseStates && filter.caseStates.length > 0 ? [...new Set(filter.caseStates)] : [...DEFAULT_CAMPAIGN_CASE_STATES],
    overdueOnly: filter.overdueOnly ?? true,
  };
}

interface CampaignRow {
  id: string;
  name: string;
  channel: CampaignChannel;
  templates: Templates;
  filter: Partial<CampaignFilter>;
  status: CampaignStatus;
  created_by: string;
  launched_by: string | null;
  launched_at: Date | null;
  launch_report: LaunchReport | null;
  cancelled_at: Date | null;
  created_at: Date;
  updated_at: Date;
  progress: Omit<CampaignProgress, 'nextDate'> & { next_date: string | null };
}

/** Marks done the campaigns with nothing left to send. */
export async function settleCampaigns(tx: Tx, now: Date): Promise<void> {
  await tx.execute(sql`UPDATE amiable.campaign c SET status = 'done', updated_at = ${now}
    WHERE c.status = 'sending' AND NOT EXISTS (SELECT 1 FROM amiable.dispatch x
      WHERE x.tenant_id = c.tenant_id AND x.campaign_id = c.id AND x.status IN ('planned', 'sending'))`);
}

export async function readCampaigns(
  db: Queryable,
  f: { id?: string | undefined; status?: CampaignStatus | undefined; limit: number },
): Promise<CampaignRecord[]> {
  const rows = await db.query<CampaignRow>(sql`
    SELECT c.id, c.name, c.channel, c.templates, c.filter, c.status, c.created_by, c.launched_by, c.launched_at, c.launch_report,
           c.cancelled_at, c.created_at, c.updated_at, p.progress
    FROM amiable.campaign c
    CROSS JOIN LATERAL (
      SELECT jsonb_build_object('total', count(*), 'planned', count(*) FILTER (WHERE x.status = 'planned'),
        'sending', count(*) FILTER (WHERE x.status = 'sending'), 'sent', count(*) FILTER (WHERE x.status = 'sent'),
        'skipped', count(*) FILTER (WHERE x.status = 'skipped'), 'uncertain', count(*) FILTER (WHERE x.status = 'uncertain'),
        'failed', count(*) FILTER (WHERE x.status = 'failed'), 'cancelled', count(*) FILTER (WHERE x.status = 'cancelled'),
        'next_date', min(x.occurrence) FILTER (WHERE x.status = 'planned')) AS progress
      FROM amiable.dispatch x WHERE x.tenant_id = c.tenant_id AND x.campaign_id = c.id) p
    WHERE true ${f.id ? sql`AND c.id = ${f.id}` : sql``} ${f.status ? sql`AND c.status = ${f.status}` : sql``}
    ORDER BY c.created_at DESC, c.id DESC
    LIMIT ${f.limit}`);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    channel: r.channel,
    templates: r.templates,
    filter: normalizeFilter(r.filter),
    status: r.status,
    createdBy: r.created_by,
    launchedBy: r.launched_by,
    launchedAt: r.launched_at,
    launchReport: r.launch_report,
    cancelledAt: r.cancelled_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    progress: {
      total: r.progress.total,
      planned: r.progress.planned,
      sending: r.progress.sending,
      sent: r.progress.sent,
      skipped: r.progress.skipped,
      uncertain: r.progress.uncertain,
      failed: r.progress.failed,
      cancelled: r.progress.cancelled,
      nextDate: r.progress.next_date,
    },
  }));
}

/** The campaigns, newest first, with their progress. */
export async function listCampaigns(
  tx: Tx,
  f: { status?: CampaignStatus | undefined; limit: number },
  now: Date,
): Promise<CampaignRecord[]> {
  await settleCampaigns(tx, now);
  return readCampaigns(tx, f);
}

export async function getCampaign(tx: Tx, id: string, now: Date): Promise<CampaignRecord | null> {
  await settleCampaigns(tx, now);
  return (await readCampaigns(tx, { id, limit: 1 }))[0] ?? null;
}

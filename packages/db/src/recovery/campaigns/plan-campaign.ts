/**
 * What a campaign would do if launched at `now`: the selected cases, the day each
 * message goes out under the rules of contact, and the cases left out. Shared by the
 * preview and the launch, so the preview shows exactly what the launch writes.
 */
import { type IsoDate, PARIS_TIME_ZONE, addDays, parisDateOf } from '@amiable/domain';
import { scheduleCampaign } from '@amiable/recovery';
import { sql } from '../../sql.js';
import type { Queryable, Tx } from '../../tenant-transaction.js';
import { contactLimitsOf } from '../planning.js';
import type { CampaignChannel, CampaignFilter } from './campaign-records.js';
import { type CampaignCandidate, selectCampaignCases } from './select-campaign-cases.js';

export interface ScheduledCandidate extends CampaignCandidate {
  readonly day: IsoDate;
}

export interface CampaignPlan {
  /** The first day a message may leave: today while its sending window is open, else the next day. */
  readonly firstDay: IsoDate;
  /** Start of the sending window (Europe/Paris, HH:MM): each job is due then on its day. */
  readonly windowStart: string;
  readonly scheduled: readonly ScheduledCandidate[];
  /** No e-mail address (or phone number, for SMS) for the debtor. */
  readonly noRecipient: readonly CampaignCandidate[];
  /** The rules of contact allow no day within a year. */
  readonly unschedulable: readonly CampaignCandidate[];
}

const parisTime = new Intl.DateTimeFormat('en-GB', { timeZone: PARIS_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** Statuses of the dispatch rows that are contacts, as the planner counts them. */
const CONTACT_STATUSES = ['planned', 'sending', 'sent', 'done', 'uncertain'];

/** Each debtor's contacts from a year back on, booked days ahead included. */
export async function debtorContactDays(
  db: Queryable,
  debtorIds: readonly string[],
  today: IsoDate,
  exceptDispatchId: string | null = null,
): Promise<Map<string, IsoDate[]>> {
  const contacts = new Map<string, IsoDate[]>();
  if (debtorIds.length === 0) return contacts;
  const rows = await db.query<{ debtor_id: string; day: string }>(sql`
    SELECT DISTINCT debtor_id, occurrence::text AS day FROM amiable.dispatch
    WHERE debtor_id = ANY(${[...new Set(debtorIds)]}::uuid[]) AND channel <> 'task' AND status = ANY(${CONTACT_STATUSES}::text[])
      AND occurrence > ${today}::date - 366 AND id IS DISTINCT FROM ${exceptDispatchId}::uuid`);
  for (const r of rows) contacts.set(r.debtor_id, [...(contacts.get(r.debtor_id) ?? []), r.day]);
  return contacts;
}

export async function planCampaign(
  tx: Tx,
  input: { readonly filter: CampaignFilter; readonly channel: CampaignChannel },
  now: Date,
): Promise<CampaignPlan> {
  const limits = await contactLimitsOf(tx);
  const today = parisDateOf(now);
  // After the window has closed, nothing more leaves today (the window is what the rules of contact promise).
  const firstDay = parisTime.format(now) >= limits.windowEnd ? addDays(today, 1) : today;
  const candidates = await selectCampaignCases(tx, input.filter, input.channel, today);
  const reachable = candidates.filter((c) => c.recipient !== null);
  const contacts = await debtorContactDays(
    tx,
    reachable.map((c) => c.debtorId),
    today,
  );
  const days = scheduleCampaign(
    reachable.map((c) => ({ key: `${c.debtorId}:${c.creditorId}`, debtorId: c.debtorId })),
    firstDay,
    contacts,
    limits,
  );
  const scheduled: ScheduledCandidate[] = [];
  const unschedulable: CampaignCandidate[] = [];
  for (const c of reachable) {
    const day = days.get(`${c.debtorId}:${c.creditorId}`);
    if (day) scheduled.push({ ...c, day });
    else unschedulable.push(c);
  }
  return {
    firstDay,
    windowStart: limits.windowStart,
    scheduled,
    noRecipient: candidates.filter((c) => c.recipient === null),
    unschedulable,
  };
}

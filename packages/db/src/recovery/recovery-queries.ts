/** Reads of the recovery screens: cases, their timeline, actions (worklist, approvals, review). */
import type { IsoDate } from '@amiable/domain';
import { type SqlQuery, join, sql } from '../sql.js';
import type { Queryable } from '../tenant-transaction.js';

export interface DispatchView {
  readonly id: string;
  readonly caseId: string;
  readonly debtor: { readonly id: string; readonly name: string };
  readonly creditor: { readonly id: string; readonly name: string };
  /** The scenario of a step's action, or null for a campaign's message. */
  readonly scenarioId: string | null;
  readonly campaign: { readonly id: string; readonly name: string } | null;
  readonly stepId: string;
  readonly channel: 'email' | 'letter' | 'registered-letter' | 'sms' | 'call' | 'task';
  readonly occurrence: IsoDate;
  readonly status: 'awaiting-approval' | 'planned' | 'sending' | 'sent' | 'done' | 'skipped' | 'uncertain' | 'failed' | 'cancelled';
  readonly invoiceNumbers: readonly string[];
  readonly outstandingCents: number;
  readonly recipient: string | null;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly outcome: unknown;
  readonly priority: number;
  readonly updatedAt: Date;
  /** The member in charge of the action's case. */
  readonly assignee: { readonly id: string; readonly name: string } | null;
}

export type DispatchFilter = {
  readonly status?: DispatchView['status'] | undefined;
  readonly channel?: DispatchView['channel'] | undefined;
  readonly caseId?: string | undefined;
  readonly campaignId?: string | undefined;
  readonly view?: 'worklist' | 'approvals' | 'review' | undefined;
  /** The actions of one member's cases, or 'none' for the cases nobody is in charge of. */
  readonly assignee?: string | undefined;
  readonly today: IsoDate;
  readonly limit: number;
};

export async function listDispatches(db: Queryable, f: DispatchFilter): Promise<DispatchView[]> {
  const where: SqlQuery[] = [];
  if (f.status) where.push(sql`x.status = ${f.status}`);
  if (f.channel) where.push(sql`x.channel = ${f.channel}`);
  if (f.caseId) where.push(sql`x.case_id = ${f.caseId}`);
  if (f.campaignId) where.push(sql`x.campaign_id = ${f.campaignId}`);
  if (f.assignee === 'none') where.push(sql`rc.assignee_id IS NULL`);
  else if (f.assignee) where.push(sql`rc.assignee_id = ${f.assignee}`);
  if (f.view === 'worklist') where.push(sql`x.channel IN ('call', 'task') AND x.status = 'planned' AND x.occurrence <= ${f.today}::date`);
  if (f.view === 'approvals') where.push(sql`x.status = 'awaiting-approval'`);
  if (f.view === 'review') where.push(sql`x.status IN ('uncertain', 'failed')`);
  const rows = await db.query<{
    id: string;
    case_id: string;
    debtor_id: string;
    debtor_name: string;
    creditor_id: string;
    creditor_name: string;
    scenario_id: string | null;
    campaign_id: string | null;
    campaign_name: string | null;
    step_id: string;
    channel: DispatchView['channel'];
    occurrence: string;
    status: DispatchView['status'];
    numbers: string[];
    outstanding: string;
    recipient: string | null;
    attempts: number;
    last_error: string | null;
    outcome: unknown;
    priority: string;
    updated_at: Date;
    assignee_id: string | null;
    assignee_name: string | null;
  }>(sql`
    SELECT x.id, x.case_id, x.debtor_id, d.name AS debtor_name, c.id AS creditor_id, c.legal_name AS creditor_name, x.scenario_id,
           x.campaign_id, cp.name AS campaign_name, x.step_id, x.channel, x.occurrence::text AS occurrence, x.status, inv.numbers, inv.outstanding::text AS outstanding,
           x.recipient, x.attempts, x.last_error, x.outcome, (inv.outstanding * greatest(1, ${f.today}::date - inv.oldest_due))::text AS priority,
           x.updated_at, rc.assignee_id, u.display_name AS assignee_name
    FROM amiable.dispatch x
    JOIN amiable.recovery_case rc ON rc.tenant_id = x.tenant_id AND rc.id = x.case_id
    LEFT JOIN amiable.app_user u ON u.id = rc.assignee_id
    JOIN amiable.debtor d ON d.tenant_id = x.tenant_id AND d.id = x.debtor_id
    JOIN amiable.creditor c ON c.tenant_id = x.tenant_id AND c.id = rc.creditor_id
    LEFT JOIN amiable.campaign cp ON cp.tenant_id = x.tenant_id AND cp.id = x.campaign_id
    CROSS JOIN LATERAL (
      SELECT coalesce(array_agg(i.number ORDER BY i.number), '{}') AS numbers, coalesce(sum(i.outstanding_cents), 0) AS outstanding,
             coalesce(min(i.due_date), ${f.today}::date) AS oldest_due
      FROM amiable.invoice i WHERE i.tenant_id = x.tenant_id AND i.id = ANY(x.invoice_ids)) inv
    ${where.length ? sql`WHERE ${join(where, ' AND ')}` : sql``}
    ORDER BY ${f.view === 'worklist' || f.view === 'approvals' ? sql`(inv.outstanding * greatest(1, ${f.today}::date - inv.oldest_due)) DESC,` : sql``} x.occurrence DESC, x.id
    LIMIT ${f.limit}`);
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    debtor: { id: r.debtor_id, name: r.debtor_name },
    creditor: { id: r.creditor_id, name: r.creditor_name },
    scenarioId: r.scenario_id,
    campaign: r.campaign_id ? { id: r.campaign_id, name: r.campaign_name ?? '' } : null,
    stepId: r.step_id,
    channel: r.channel,
    occurrence: r.occurrence,
    status: r.status,
    invoiceNumbers: r.numbers,
    outstandingCents: Number(r.outstanding),
    recipient: r.recipient,
    attempts: r.attempts,
    lastError: r.last_error,
    outcome: r.outcome,
    priority: Math.min(Number.MAX_SAFE_INTEGER, Math.round(Number(r.priority) / 100)),
    updatedAt: r.updated_at,
    assignee: r.assignee_id ? { id: r.assignee_id, name: r.assignee_name ?? '' } : null,
  }));
}

export interface CaseView {
  readonly id: string;
  readonly debtor: { readonly id: string; readonly name: string; readonly kind: 'business' | 'consumer' };
  readonly creditor: { readonly id: string; readonly name: string };
  readonly state: string;
  readonly closedReason: string | null;
  readonly openInvoices: number;
  readonly outstandingCents: number;
  readonly lastAction: { readonly stepId: string; readonly channel: string; readonly occurrence: IsoDate; readonly status: string } | null;
  readonly assignee: { readonly id: string; readonly name: string } | null;
  readonly openedAt: Date;
  readonly updatedAt: Date;
}

export async function listCases(
  db: Queryable,
  f: {
    state?: string | undefined;
    debtorId?: string | undefined;
    caseId?: string | undefined;
    /** A member's id, or "none" for the cases nobody is in charge of. */
    assignee?: string | undefined;
    limit: number;
  },
): Promise<CaseView[]> {
  const where: SqlQuery[] = [];
  if (f.state) where.push(sql`rc.state = ${f.state}`);
  if (f.assignee === 'none') where.push(sql`rc.assignee_id IS NULL`);
  else if (f.assignee) where.push(sql`rc.assignee_id = ${f.assignee}`);
  if (f.debtorId) where.push(sql`rc.debtor_id = ${f.debtorId}`);
  if (f.caseId) where.push(sql`rc.id = ${f.caseId}`);
  const rows = await db.query<{
    id: string;
    debtor_id: string;
    debtor_name: string;
    kind: 'business' | 'consumer';
    creditor_id: string;
    creditor_name: string;
    state: string;
    closed_reason: string | null;
    open_invoices: number;
    outstanding: string;
    last: { step_id: string; channel: string; occurrence: string; status: string } | null;
    assignee_id: string | null;
    assignee_name: string | null;
    opened_at: Date;
    updated_at: Date;
  }>(sql`
    SELECT rc.id, rc.debtor_id, d.name AS debtor_name, d.kind, rc.creditor_id, c.legal_name AS creditor_name, rc.state, rc.closed_reason,
           inv.n AS open_invoices, inv.outstanding::text AS outstanding,
           (SELECT jsonb_build_object('step_id', x.step_id, 'channel', x.channel, 'occurrence', x.occurrence::text, 'status', x.status)
              FROM amiable.dispatch x WHERE x.tenant_id = rc.tenant_id AND x.case_id = rc.id ORDER BY x.occurrence DESC, x.created_at DESC LIMIT 1) AS last,
           rc.assignee_id, u.display_name AS assignee_name, rc.opened_at, rc.updated_at
    FROM amiable.recovery_case rc
    JOIN amiable.debtor d ON d.tenant_id = rc.tenant_id AND d.id = rc.debtor_id
    JOIN amiable.creditor c ON c.tenant_id = rc.tenant_id AND c.id = rc.creditor_id
    LEFT JOIN amiable.app_user u ON u.id = rc.assignee_id
    CROSS JOIN LATERAL (SELECT count(*)::int AS n, coalesce(sum(i.outstanding_cents), 0) AS outstanding FROM amiable.invoice i
      WHERE i.tenant_id = rc.tenant_id AND i.debtor_id = rc.debtor_id AND i.creditor_id = rc.creditor_id AND i.kind = 'invoice' AND i.outstanding_cents > 0) inv
    ${where.length ? sql`WHERE ${join(where, ' AND ')}` : sql``}
    ORDER BY inv.outstanding DESC, rc.id
    LIMIT ${f.limit}`);
  return rows.map((r) => ({
    id: r.id,
    debtor: { id: r.debtor_id, name: r.debtor_name, kind: r.kind },
    creditor: { id: r.creditor_id, name: r.creditor_name },
    state: r.state,
    closedReason: r.closed_reason,
    openInvoices: r.open_invoices,
    outstandingCents: Number(r.outstanding),
    lastAction: r.last ? { stepId: r.last.step_id, channel: r.last.channel, occurrence: r.last.occurrence, status: r.last.status } : null,
    assignee: r.assignee_id ? { id: r.assignee_id, name: r.assignee_name ?? '' } : null,
    openedAt: r.opened_at,
    updatedAt: r.updated_at,
  }));
}

export async function caseTimeline(db: Queryable, caseId: string) {
  const transitions = await db.query<{
    from_state: string | null;
    to_state: string;
    reason: string;
    actor_label: string;
    occurred_at: Date;
  }>(
    sql`SELECT from_state, to_state, reason, actor_label, occurred_at FROM amiable.case_transition WHERE case_id = ${caseId} ORDER BY occurred_at, id`,
  );
  const promises = await db.query<{ id: string; made_on: string; until: string; amount: string | null; status: string }>(
    sql`SELECT id, made_on::text AS made_on, until::text AS until, amount_cents::text AS amount, status FROM amiable.promise_to_pay WHERE case_id = ${caseId} ORDER BY made_on, id`,
  );
  return {
    transitions: transitions.map((t) => ({
      fromState: t.from_state,
      toState: t.to_state,
      reason: t.reason,
      actor: t.actor_label,
      occurredAt: t.occurred_at,
    })),
    promises: promises.map((p) => ({
      id: p.id,
      madeOn: p.made_on,
      until: p.until,
      amountCents: p.amount === null ? null : Number(p.amount),
      status: p.status,
    })),
  };
}

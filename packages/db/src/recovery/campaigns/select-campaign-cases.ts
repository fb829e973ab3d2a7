/**
 * The cases a campaign's filter selects: one per debtor × creditor owing open,
 * undisputed invoices with a due date (each message comes from the legal entity
 * owed, like the scenarios' actions), with what the message will list and who it
 * reaches. Pairs without a case yet are selected too; the launch opens their case.
 */
import type { IsoDate } from '@amiable/domain';
import { likePattern } from '../../queries/cursor.js';
import { type SqlQuery, join, sql } from '../../sql.js';
import type { Queryable } from '../../tenant-transaction.js';
import type { CampaignChannel, CampaignFilter } from './campaign-records.js';

export interface CampaignCandidate {
  /** The open case, or null when the pair has none yet. */
  readonly caseId: string | null;
  readonly caseState: string;
  readonly debtorId: string;
  readonly debtorName: string;
  readonly debtorKind: 'business' | 'consumer';
  readonly creditorId: string;
  readonly creditorName: string;
  /** The invoices of the message, oldest due first. */
  readonly invoiceIds: readonly string[];
  readonly outstanding: readonly { readonly currency: string; readonly cents: number }[];
  readonly oldestDueDate: IsoDate;
  /** E-mail address or phone number of the contact reached (the one claimDispatch picks), or null. */
  readonly recipient: string | null;
  readonly locale: 'fr' | 'en';
}

interface Row {
  case_id: string | null;
  case_state: string;
  debtor_id: string;
  debtor_name: string;
  debtor_kind: 'business' | 'consumer';
  creditor_id: string;
  creditor_name: string;
  invoice_ids: string[];
  outstanding: { currency: string; cents: number }[];
  oldest_due: string;
  recipient: string | null;
  locale: 'fr' | 'en' | null;
}

export async function selectCampaignCases(
  db: Queryable,
  filter: CampaignFilter,
  channel: CampaignChannel,
  today: IsoDate,
): Promise<CampaignCandidate[]> {
  const invoiceScope: SqlQuery[] = [];
  if (filter.overdueOnly) invoiceScope.push(sql`i.due_date < ${today}::date`);
  if (filter.creditorId) invoiceScope.push(sql`i.creditor_id = ${filter.creditorId}`);
  const debtorScope: SqlQuery[] = [];
  if (filter.debtorKind) debtorScope.push(sql`d.kind = ${filter.debtorKind}`);
  if (filter.tags.length > 0) debtorScope.push(sql`d.tags @> ${filter.tags}::text[]`);
  if (filter.search) {
    const pattern = likePattern(filter.search);
    debtorScope.push(
      sql`(d.name ILIKE ${pattern} OR d.city ILIKE ${pattern} OR d.email ILIKE ${pattern} OR d.siren = ${filter.search.replace(/\s/g, '')})`,
    );
  }
  const pairScope: SqlQuery[] = [sql`coalesce(rc.state, 'open') = ANY(${filter.caseStates}::text[])`];
  if (filter.minOutstandingCents !== null)
    pairScope.push(
      sql`EXISTS (SELECT 1 FROM jsonb_array_elements(p.outstanding) o WHERE (o->>'cents')::bigint >= ${filter.minOutstandingCents})`,
    );
  if (filter.minDaysOverdue !== null) pairScope.push(sql`p.oldest_due <= ${today}::date - ${filter.minDaysOverdue}::int`);
  const sms = channel === 'sms';
  const rows = await db.query<Row>(sql`
    WITH open_invoice AS (
      SELECT i.tenant_id, i.debtor_id, i.creditor_id, i.id, i.number, i.due_date, i.currency, i.outstanding_cents
      FROM amiable.invoice i
      WHERE i.kind = 'invoice' AND i.outstanding_cents > 0 AND i.due_date IS NOT NULL
        ${invoiceScope.length > 0 ? sql`AND ${join(invoiceScope, ' AND ')}` : sql``}
        AND NOT EXISTS (SELECT 1 FROM amiable.dispute x WHERE x.tenant_id = i.tenant_id AND x.invoice_id = i.id AND x.resolved_at IS NULL)
    ), per_currency AS (
      SELECT tenant_id, debtor_id, creditor_id, currency, sum(outstanding_cents) AS cents
      FROM open_invoice GROUP BY tenant_id, debtor_id, creditor_id, currency
    ), pair_invoices AS (
      SELECT tenant_id, debtor_id, creditor_id, array_agg(id ORDER BY due_date, number) AS invoice_ids, min(due_date) AS oldest_due
      FROM open_invoice GROUP BY tenant_id, debtor_id, creditor_id
    ), pair AS (
      SELECT p.*, m.outstanding FROM pair_invoices p
      JOIN (SELECT tenant_id, debtor_id, creditor_id, jsonb_agg(jsonb_build_object('currency', currency, 'cents', cents) ORDER BY currency) AS outstanding
            FROM per_currency GROUP BY tenant_id, debtor_id, creditor_id) m USING (tenant_id, debtor_id, creditor_id)
    )
    SELECT rc.id AS case_id, coalesce(rc.state, 'open') AS case_state, d.id AS debtor_id, d.name AS debtor_name, d.kind AS debtor_kind,
           cr.id AS creditor_id, cr.legal_name AS creditor_name, p.invoice_ids, p.outstanding,
           p.oldest_due::text AS oldest_due, k.address AS recipient, k.preferred_locale AS locale
    FROM pair p
    JOIN amiable.debtor d ON d.tenant_id = p.tenant_id AND d.id = p.debtor_id
    JOIN amiable.creditor cr ON cr.tenant_id = p.tenant_id AND cr.id = p.creditor_id
    LEFT JOIN amiable.recovery_case rc ON rc.tenant_id = p.tenant_id AND rc.debtor_id = p.debtor_id AND rc.creditor_id = p.creditor_id
      AND rc.state <> 'closed'
    LEFT JOIN LATERAL (SELECT CASE WHEN ${sms} THEN phone ELSE email END AS address, preferred_locale FROM amiable.contact k
                       WHERE k.tenant_id = p.tenant_id AND k.debtor_id = p.debtor_id AND (CASE WHEN ${sms} THEN phone ELSE email END) IS NOT NULL
                       ORDER BY k.is_primary DESC, k.created_at LIMIT 1) k ON true
    WHERE ${join([...debtorScope, ...pairScope], ' AND ')}
    ORDER BY d.name, d.id, cr.legal_name, cr.id`);
  return rows.map((r) => ({
    caseId: r.case_id,
    caseState: r.case_state,
    debtorId: r.debtor_id,
    debtorName: r.debtor_name,
    debtorKind: r.debtor_kind,
    creditorId: r.creditor_id,
    creditorName: r.creditor_name,
    invoiceIds: r.invoice_ids,
    outstanding: r.outstanding.map((o) => ({ currency: o.currency, cents: Number(o.cents) })),
    oldestDueDate: r.oldest_due,
    recipient: r.recipient,
    locale: r.locale ?? 'fr',
  }));
}

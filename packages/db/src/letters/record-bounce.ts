/**
 * A delivery status notification (RFC 3464) received after the mail server had
 * accepted a message: the receiving side refused it later ("550 5.1.1 user
 * unknown"), or delayed it. The report is recorded on its dispatch, which the case
 * timeline shows; a failure also turns the dispatch 'failed', which puts it in the
 * review queue for someone to find a better address — never an automatic resend.
 */
import { sql } from '../sql.js';
import type { Database } from '../database.js';
import { inTenant } from '../tenant-transaction.js';

export interface DeliveryStatus {
  /** Local part of the original Message-ID (our dispatch's idempotency key, made safe). */
  readonly messageId: string;
  readonly action: 'failed' | 'delayed' | 'delivered' | 'relayed' | 'expanded';
  readonly status: string | null;
  readonly diagnostic: string | null;
  readonly recipient: string | null;
}

/** Reads the first recipient's report and the original Message-ID from a DSN's raw text. */
export function parseDeliveryStatus(raw: string): DeliveryStatus | null {
  const headerEnd = raw.search(/\r?\n\r?\n/);
  const body = headerEnd >= 0 ? raw.slice(headerEnd) : raw;
  const field = (name: string) =>
    new RegExp(`^${name}:[ \\t]*(.+(?:\\r?\\n[ \\t]+.+)*)`, 'mi').exec(body)?.[1]?.replace(/\s+/g, ' ').trim() ?? null;
  const action = field('Action')?.toLowerCase();
  const original = /^(?:Message-ID|X-Original-Message-ID|Original-Message-ID):\s*<([^@>]+)@[^>]*>/im.exec(body)?.[1];
  if (!original || !action || !['failed', 'delayed', 'delivered', 'relayed', 'expanded'].includes(action)) return null;
  return {
    messageId: original,
    action: action as DeliveryStatus['action'],
    status: field('Status'),
    diagnostic: field('Diagnostic-Code')?.replace(/^smtp;\s*/i, '') ?? null,
    recipient: field('Final-Recipient')?.replace(/^rfc822;\s*/i, '') ?? null,
  };
}

export async function recordDeliveryStatus(
  db: Database,
  report: DeliveryStatus,
  now: Date,
): Promise<{ readonly tenantId: string; readonly dispatchId: string } | null> {
  // The report does not say whose message it was: found across tenants by the operator's role, then updated under the tenant's.
  const found = await db.admin.query<{ tenant_id: string; id: string }>(
    "SELECT tenant_id, id FROM amiable.dispatch WHERE regexp_replace(idempotency_key, '[^A-Za-z0-9.-]', '.', 'g') = $1 LIMIT 1",
    [report.messageId],
  );
  const row = found.rows[0];
  if (!row) return null;
  await inTenant(db.app, { tenantId: row.tenant_id }, async (tx) => {
    const entry = JSON.stringify({ ...report, receivedAt: now.toISOString() });
    const reason = `not delivered: ${[report.status, report.diagnostic].filter(Boolean).join(' ') || 'bounced'}`;
    await tx.execute(sql`UPDATE amiable.dispatch
      SET delivery_report = coalesce(delivery_report, '{}'::jsonb) || jsonb_build_object('bounce', ${entry}::jsonb),
          status = CASE WHEN ${report.action === 'failed'} AND status = 'sent' THEN 'failed' ELSE status END,
          last_error = CASE WHEN ${report.action === 'failed'} THEN ${reason.slice(0, 500)} ELSE last_error END,
          updated_at = ${now}
      WHERE id = ${row.id}`);
  });
  return { tenantId: row.tenant_id, dispatchId: row.id };
}

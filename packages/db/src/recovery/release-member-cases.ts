/**
 * A member made a viewer may no longer act on cases (listCaseAgents), and one who
 * leaves the team cannot either: the cases they follow become unassigned — their
 * e-mails' Reply-To and their letters' contact fall back to the creditor's
 * recovery contact — and the creditors whose new cases they would get lose their
 * default agent. Each case gets its journal line, naming who changed the team and
 * why, so the case page says why nobody follows it.
 */
import type { RoleChange } from '@amiable/auth';
import { sql } from '../sql.js';
import type { Tx } from '../tenant-transaction.js';

export async function releaseCasesOf(
  tx: Tx,
  userId: string,
  reason: 'member-read-only' | 'member-removed',
  change: RoleChange,
): Promise<{ cases: number; creditors: number }> {
  const { by, now } = change;
  const channel = by.kind === 'user' ? 'web' : 'api';
  const details = JSON.stringify({ assigneeId: null, assigneeName: null, reason, previousId: userId });
  const cases = await tx.query<{ id: string }>(sql`
    WITH released AS (
      UPDATE amiable.recovery_case SET assignee_id = NULL, updated_at = ${now} WHERE assignee_id = ${userId} RETURNING id, debtor_id)
    INSERT INTO amiable.activity (tenant_id, id, occurred_at, debtor_id, actor_kind, actor_id, actor_label, channel, ip, action, subject_type, subject_id, details)
    SELECT ${tx.tenantId}, gen_random_uuid(), ${now}, r.debtor_id, ${by.kind}, ${by.id}, ${by.label}, ${channel}, NULL,
           'case.assigned', 'case', r.id, ${details}::jsonb
    FROM released r RETURNING subject_id AS id`);
  const creditors = await tx.query<{ id: string }>(sql`
    WITH released AS (
      UPDATE amiable.creditor SET default_assignee_id = NULL, updated_at = ${now} WHERE default_assignee_id = ${userId} RETURNING id, legal_name)
    INSERT INTO amiable.activity (tenant_id, id, occurred_at, debtor_id, actor_kind, actor_id, actor_label, channel, ip, action, subject_type, subject_id, details)
    SELECT ${tx.tenantId}, gen_random_uuid(), ${now}, NULL, ${by.kind}, ${by.id}, ${by.label}, ${channel}, NULL,
           'creditor.default-agent-set', 'creditor', r.id,
           jsonb_build_object('name', r.legal_name, 'assigneeId', NULL, 'assigneeName', NULL, 'reason', ${reason}::text)
    FROM released r RETURNING subject_id AS id`);
  return { cases: cases.length, creditors: creditors.length };
}

/**
 * The member who follows a creditor's new cases: a team gives each client to one
 * person, and the cases the planner or a campaign opens for that client are born
 * assigned to them (run-planner.ts, launch-campaign.ts). The cases already open
 * keep whoever follows them: moving a portfolio is the bulk assignment's job.
 */
import type { IdGenerator } from '@amiable/domain';
import { type SqlQuery, sql } from '../sql.js';
import type { Tx } from '../tenant-transaction.js';
import { findCaseAgent } from './assign-case.js';
import type { CommandActor, CommandResult } from './recovery-commands.js';

export interface CreditorDefaultAgent {
  readonly creditorId: string;
  readonly assigneeId: string | null;
  readonly assigneeName: string | null;
}

/**
 * Each creditor's default agent while they may still act on cases (enabled, not a viewer), as rows
 * (creditor_id, user_id) to join where cases are opened. A default agent disabled since is skipped: the
 * case opens unassigned and falls back to the creditor's recovery contact, as any unassigned case does.
 */
export const eligibleDefaultAgents: SqlQuery = sql`(
  SELECT c.id AS creditor_id, c.default_assignee_id AS user_id FROM amiable.creditor c
  JOIN amiable.tenant_member m ON m.tenant_id = c.tenant_id AND m.user_id = c.default_assignee_id
  JOIN amiable.app_user u ON u.id = m.user_id
  WHERE m.role <> 'viewer' AND u.disabled_at IS NULL)`;

export async function listCreditorDefaultAgents(tx: Tx): Promise<CreditorDefaultAgent[]> {
  return tx.query<CreditorDefaultAgent>(sql`
    SELECT c.id AS "creditorId", c.default_assignee_id AS "assigneeId", u.display_name AS "assigneeName"
    FROM amiable.creditor c LEFT JOIN amiable.app_user u ON u.id = c.default_assignee_id
    ORDER BY c.legal_name, c.id`);
}

/** Sets (or clears, with null) who follows a creditor's new cases; written to the tenant's activity log. */
export async function setCreditorDefaultAgent(
  tx: Tx,
  input: { readonly creditorId: string; readonly assigneeId: string | null },
  actor: CommandActor,
  now: Date,
  ids: IdGenerator,
): Promise<CommandResult<CreditorDefaultAgent>> {
  const creditor = await tx.maybeOne<{ legal_name: string; default_assignee_id: string | null }>(sql`
    SELECT legal_name, default_assignee_id FROM amiable.creditor WHERE id = ${input.creditorId} FOR UPDATE`);
  if (!creditor) return { ok: false, code: 'NOT_FOUND' };
  let name: string | null = null;
  if (input.assigneeId !== null) {
    const agent = await findCaseAgent(tx, input.assigneeId);
    if (!agent) return { ok: false, code: 'CONFLICT', reason: 'assignee-not-agent' };
    name = agent.name;
  }
  const value = { creditorId: input.creditorId, assigneeId: input.assigneeId, assigneeName: name };
  if (creditor.default_assignee_id === input.assigneeId) return { ok: true, value };
  await tx.execute(
    sql`UPDATE amiable.creditor SET default_assignee_id = ${input.assigneeId}, updated_at = ${now} WHERE id = ${input.creditorId}`,
  );
  const details = JSON.stringify({ name: creditor.legal_name, assigneeId: input.assigneeId, assigneeName: name });
  await tx.execute(sql`INSERT INTO amiable.activity (tenant_id, id, occurred_at, debtor_id, actor_kind, actor_id, actor_label, channel, ip, action, subject_type, subject_id, details)
    VALUES (${tx.tenantId}, ${ids.newId()}, ${now}, NULL, ${actor.kind}, ${actor.id}, ${actor.label}, ${actor.channel}, ${actor.ip},
            'creditor.default-agent-set', 'creditor', ${input.creditorId}, ${details}::jsonb)`);
  return { ok: true, value };
}

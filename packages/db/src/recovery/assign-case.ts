/**
 * Gives a case to a member of its tenant — the agent in charge — or takes it back.
 * That member's address becomes the Reply-To of the case's e-mails and their name
 * the contact printed in its letters (dispatch-execution.ts, case-letter.ts). A
 * viewer cannot be put in charge: they may not act on cases. The change is written
 * to the debtor's activity log, like every other command on a case.
 */
import type { IdGenerator } from '@amiable/domain';
import { sql } from '../sql.js';
import type { Tx } from '../tenant-transaction.js';
import type { CommandActor, CommandResult } from './recovery-commands.js';

export interface CaseAgent {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly role: 'owner' | 'manager' | 'agent';
}

/** The members who may be put in charge of a case: enabled, and not read-only. */
export async function listCaseAgents(tx: Tx): Promise<CaseAgent[]> {
  return tx.query<CaseAgent>(sql`
    SELECT u.id, u.display_name AS name, u.email, m.role
    FROM amiable.tenant_member m JOIN amiable.app_user u ON u.id = m.user_id
    WHERE m.role <> 'viewer' AND u.disabled_at IS NULL
    ORDER BY u.display_name, u.id`);
}

export async function assignCase(
  tx: Tx,
  input: { readonly caseId: string; readonly assigneeId: string | null },
  actor: CommandActor,
  now: Date,
  ids: IdGenerator,
): Promise<CommandResult> {
  const current = await tx.maybeOne<{ debtor_id: string; assignee_id: string | null }>(
    sql`SELECT debtor_id, assignee_id FROM amiable.recovery_case WHERE id = ${input.caseId} FOR UPDATE`,
  );
  if (!current) return { ok: false, code: 'NOT_FOUND' };
  let name: string | null = null;
  if (input.assigneeId !== null) {
    const agent = (await listCaseAgents(tx)).find((a) => a.id === input.assigneeId);
    if (!agent) return { ok: false, code: 'CONFLICT', reason: 'assignee-not-agent' };
    name = agent.name;
  }
  if (current.assignee_id === input.assigneeId) return { ok: true, value: null };
  await tx.execute(sql`UPDATE amiable.recovery_case SET assignee_id = ${input.assigneeId}, updated_at = ${now} WHERE id = ${input.caseId}`);
  await tx.execute(sql`INSERT INTO amiable.activity (tenant_id, id, occurred_at, debtor_id, actor_kind, actor_id, actor_label, channel, ip, action, subject_type, subject_id, details)
    VALUES (${tx.tenantId}, ${ids.newId()}, ${now}, ${current.debtor_id}, ${actor.kind}, ${actor.id}, ${actor.label}, ${actor.channel}, ${actor.ip},
            'case.assigned', 'case', ${input.caseId}, ${JSON.stringify({ assigneeId: input.assigneeId, assigneeName: name })}::jsonb)`);
  return { ok: true, value: null };
}

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

/** The member of that id if they may be put in charge of cases, else null (a viewer, a disabled account, a stranger). */
export async function findCaseAgent(tx: Tx, id: string): Promise<CaseAgent | null> {
  return (await listCaseAgents(tx)).find((a) => a.id === id) ?? null;
}

/**
 * Gives cases to one member, or takes them back (null): a manager distributing a portfolio. All or nothing —
 * an unknown case (or one of another tenant, which row-level security hides) refuses the whole request and
 * names it. Cases already with that member are left alone, without a journal line.
 */
export async function assignCases(
  tx: Tx,
  input: { readonly caseIds: readonly string[]; readonly assigneeId: string | null },
  actor: CommandActor,
  now: Date,
  ids: IdGenerator,
): Promise<CommandResult<{ changed: number }> | { ok: false; code: 'NOT_FOUND'; missing: string[] }> {
  const wanted = [...new Set(input.caseIds)];
  // Locked in id order, so two managers distributing overlapping pages cannot deadlock.
  const found = await tx.query<{ id: string; debtor_id: string; assignee_id: string | null }>(sql`
    SELECT id, debtor_id, assignee_id FROM amiable.recovery_case WHERE id = ANY(${wanted}::uuid[]) ORDER BY id FOR UPDATE`);
  if (found.length < wanted.length) {
    const known = new Set(found.map((c) => c.id));
    return { ok: false, code: 'NOT_FOUND', missing: wanted.filter((id) => !known.has(id)) };
  }
  let name: string | null = null;
  if (input.assigneeId !== null) {
    const agent = await findCaseAgent(tx, input.assigneeId);
    if (!agent) return { ok: false, code: 'CONFLICT', reason: 'assignee-not-agent' };
    name = agent.name;
  }
  const changing = found.filter((c) => c.assignee_id !== input.assigneeId);
  if (changing.length === 0) return { ok: true, value: { changed: 0 } };
  await tx.execute(sql`UPDATE amiable.recovery_case SET assignee_id = ${input.assigneeId}, updated_at = ${now}
    WHERE id = ANY(${changing.map((c) => c.id)}::uuid[])`);
  const details = JSON.stringify({ assigneeId: input.assigneeId, assigneeName: name });
  await tx.execute(sql`INSERT INTO amiable.activity (tenant_id, id, occurred_at, debtor_id, actor_kind, actor_id, actor_label, channel, ip, action, subject_type, subject_id, details)
    SELECT ${tx.tenantId}, a.id, ${now}, a.debtor_id, ${actor.kind}, ${actor.id}, ${actor.label}, ${actor.channel}, ${actor.ip},
           'case.assigned', 'case', a.case_id, ${details}::jsonb
    FROM unnest(${changing.map(() => ids.newId())}::uuid[], ${changing.map((c) => c.debtor_id)}::uuid[], ${changing.map((c) => c.id)}::uuid[])
      AS a(id, debtor_id, case_id)`);
  return { ok: true, value: { changed: changing.length } };
}

/** One case: the case page's selector. */
export async function assignCase(
  tx: Tx,
  input: { readonly caseId: string; readonly assigneeId: string | null },
  actor: CommandActor,
  now: Date,
  ids: IdGenerator,
): Promise<CommandResult> {
  const result = await assignCases(tx, { caseIds: [input.caseId], assigneeId: input.assigneeId }, actor, now, ids);
  if (!result.ok) return result.code === 'NOT_FOUND' ? { ok: false, code: 'NOT_FOUND' } : result;
  return { ok: true, value: null };
}

/**
 * What people do to cases and actions: change a case's state, record a promise to
 * pay, log a call's outcome, approve or reject an action, resolve an uncertain one.
 * Each writes its trace (case transitions, the debtor's activity log) in the same
 * transaction; an action sent again gets its job in that transaction too.
 */
import type { IdGenerator, IsoDate } from '@amiable/domain';
import { sql } from '../sql.js';
import type { Tx } from '../tenant-transaction.js';
import { AUTOMATIC_CHANNELS, RECOVERY_DISPATCH_TASK } from './planning.js';

export interface CommandActor {
  readonly kind: 'user' | 'api-key' | 'engine' | 'system';
  readonly id: string | null;
  readonly label: string;
  readonly channel: 'web' | 'api' | 'cli' | 'worker';
  readonly ip: string | null;
}

export type CommandResult<T = null> = { ok: true; value: T } | { ok: false; code: 'NOT_FOUND' | 'CONFLICT'; reason?: string };

export const CASE_STATES = [
  'open',
  'in-progress',
  'promise-to-pay',
  'payment-plan',
  'disputed',
  'formal-notice-sent',
  'ready-for-litigation',
  'closed',
] as const;
export type CaseState = (typeof CASE_STATES)[number];

async function logActivity(
  tx: Tx,
  debtorId: string,
  action: string,
  subjectId: string,
  details: Record<string, unknown>,
  actor: CommandActor,
  now: Date,
  ids: IdGenerator,
) {
  await tx.execute(sql`INSERT INTO amiable.activity (tenant_id, id, occurred_at, debtor_id, actor_kind, actor_id, actor_label, channel, ip, action, subject_type, subject_id, details)
    VALUES (${tx.tenantId}, ${ids.newId()}, ${now}, ${debtorId}, ${actor.kind}, ${actor.id}, ${actor.label}, ${actor.channel}, ${actor.ip}, ${action}, 'case', ${subjectId}, ${JSON.stringify(details)}::jsonb)`);
}

export async function changeCaseState(
  tx: Tx,
  input: { caseId: string; state: CaseState; reason: string; closedReason?: 'paid' | 'written-off' | 'transferred' | undefined },
  actor: CommandActor,
  now: Date,
  ids: IdGenerator,
): Promise<CommandResult> {
  const current = await tx.maybeOne<{ state: CaseState; debtor_id: string }>(
    sql`SELECT state, debtor_id FROM amiable.recovery_case WHERE id = ${input.caseId} FOR UPDATE`,
  );
  if (!current) return { ok: false, code: 'NOT_FOUND' };
  if (current.state === 'closed') return { ok: false, code: 'CONFLICT', reason: 'case-closed' };
  if ((input.state === 'closed') !== (input.closedReason !== undefined)) return { ok: false, code: 'CONFLICT', reason: 'closed-reason' };
  if (current.state === input.state) return { ok: true, value: null };
  await tx.execute(
    sql`UPDATE amiable.recovery_case SET state = ${input.state}, closed_reason = ${input.closedReason ?? null}, updated_at = ${now} WHERE id = ${input.caseId}`,
  );
  await tx.execute(sql`INSERT INTO amiable.case_transition (tenant_id, id, case_id, from_state, to_state, reason, actor_kind, actor_label, occurred_at)
    VALUES (${tx.tenantId}, ${ids.newId()}, ${input.caseId}, ${current.state}, ${input.state}, ${input.reason}, ${actor.kind}, ${actor.label}, ${now})`);
  if (input.state === 'closed' || input.state === 'disputed' || input.state === 'payment-plan' || input.state === 'ready-for-litigation')
    // Nothing automatic goes out of a case people have taken over.
    await tx.execute(sql`UPDATE amiable.dispatch SET status = 'cancelled', last_error = ${`case ${input.state}`}, updated_at = ${now}
      WHERE case_id = ${input.caseId} AND status IN ('planned', 'awaiting-approval')`);
  await logActivity(
    tx,
    current.debtor_id,
    'case.state-changed',
    input.caseId,
    { from: current.state, to: input.state, reason: input.reason, closedReason: input.closedReason ?? null },
    actor,
    now,
    ids,
  );
  return { ok: true, value: null };
}

/** A promise to pay pauses the case's actions until the promised date inclusive; a newer promise replaces an open one. */
export async function recordPromise(
  tx: Tx,
  input: { caseId: string; madeOn: IsoDate; until: IsoDate; amountCents: number | null; note?: string | undefined },
  actor: CommandActor,
  now: Date,
  ids: IdGenerator,
): Promise<CommandResult<{ id: string }>> {
  if (input.until < input.madeOn) return { ok: false, code: 'CONFLICT', reason: 'until-before-today' };
  const current = await tx.maybeOne<{ state: CaseState; debtor_id: string }>(
    sql`SELECT state, debtor_id FROM amiable.recovery_case WHERE id = ${input.caseId} FOR UPDATE`,
  );
  if (!current) return { ok: false, code: 'NOT_FOUND' };
  if (current.state === 'closed') return { ok: false, code: 'CONFLICT', reason: 'case-closed' };
  await tx.execute(sql`UPDATE amiable.promise_to_pay SET status = 'cancelled' WHERE case_id = ${input.caseId} AND status = 'open'`);
  const id = ids.newId();
  await tx.execute(sql`INSERT INTO amiable.promise_to_pay (tenant_id, id, case_id, made_on, until, amount_cents, status, created_at)
    VALUES (${tx.tenantId}, ${id}, ${input.caseId}, ${input.madeOn}, ${input.until}, ${input.amountCents}, 'open', ${now})`);
  const changed = await changeCaseState(
    tx,
    { caseId: input.caseId, state: 'promise-to-pay', reason: input.note?.trim() || `promise to pay by ${input.until}` },
    actor,
    now,
    ids,
  );
  if (!changed.ok) return changed;
  await logActivity(
    tx,
    current.debtor_id,
    'case.promise-recorded',
    input.caseId,
    { until: input.until, amountCents: input.amountCents },
    actor,
    now,
    ids,
  );
  return { ok: true, value: { id } };
}

/**
 * Settles the promises whose date has passed (the planner's morning run): kept when
 * the case has nothing overdue left, broken otherwise — logged, and the case resumes.
 */
export async function settlePromises(tx: Tx, today: IsoDate, now: Date, ids: IdGenerator): Promise<{ kept: number; broken: number }> {
  const due = await tx.query<{ id: string; case_id: string; debtor_id: string; until: string; open_left: number }>(sql`
    SELECT p.id, p.case_id, rc.debtor_id, p.until::text AS until,
      (SELECT count(*)::int FROM amiable.invoice i WHERE i.tenant_id = rc.tenant_id AND i.debtor_id = rc.debtor_id AND i.creditor_id = rc.creditor_id
         AND i.kind = 'invoice' AND i.outstanding_cents > 0 AND i.due_date <= p.until) AS open_left
    FROM amiable.promise_to_pay p JOIN amiable.recovery_case rc ON rc.tenant_id = p.tenant_id AND rc.id = p.case_id
    WHERE p.status = 'open' AND p.until < ${today}::date FOR UPDATE OF p`);
  const engine: CommandActor = { kind: 'engine', id: null, label: 'planner', channel: 'worker', ip: null };
  let kept = 0;
  for (const p of due) {
    const broken = p.open_left > 0;
    await tx.execute(sql`UPDATE amiable.promise_to_pay SET status = ${broken ? 'broken' : 'kept'} WHERE id = ${p.id}`);
    await changeCaseState(
      tx,
      { caseId: p.case_id, state: 'in-progress', reason: broken ? `promise of ${p.until} broken` : `promise of ${p.until} kept` },
      engine,
      now,
      ids,
    );
    await logActivity(
      tx,
      p.debtor_id,
      broken ? 'case.promise-broken' : 'case.promise-kept',
      p.case_id,
      { until: p.until },
      engine,
      now,
      ids,
    );
    if (!broken) kept++;
  }
  return { kept, broken: due.length - kept };
}

type Outcome = 'reached' | 'no-answer' | 'wrong-number' | 'promise' | 'dispute' | 'payment-plan' | 'paid-already';

/** An agent logs a call (or closes a task); the outcome decides what follows. */
export async function recordCallOutcome(
  tx: Tx,
  input: {
    dispatchId: string;
    outcome: Outcome;
    note?: string | undefined;
    promiseUntil?: IsoDate | undefined;
    promiseAmountCents?: number | null;
    disputeReason?: string | undefined;
    today: IsoDate;
  },
  actor: CommandActor,
  now: Date,
  ids: IdGenerator,
): Promise<CommandResult> {
  const d = await tx.maybeOne<{ case_id: string; debtor_id: string; channel: string; status: string }>(
    sql`SELECT case_id, debtor_id, channel, status FROM amiable.dispatch WHERE id = ${input.dispatchId} FOR UPDATE`,
  );
  if (!d) return { ok: false, code: 'NOT_FOUND' };
  if (d.channel !== 'call' && d.channel !== 'task') return { ok: false, code: 'CONFLICT', reason: 'not-a-call' };
  if (d.status !== 'planned') return { ok: false, code: 'CONFLICT', reason: 'already-done' };
  if (input.outcome === 'promise' && !input.promiseUntil) return { ok: false, code: 'CONFLICT', reason: 'promise-until-required' };
  await tx.execute(sql`UPDATE amiable.dispatch SET status = 'done', outcome = ${JSON.stringify({ outcome: input.outcome, note: input.note ?? null, by: actor.label })}::jsonb, updated_at = ${now}
    WHERE id = ${input.dispatchId}`);
  await logActivity(tx, d.debtor_id, 'case.call-logged', d.case_id, { outcome: input.outcome, note: input.note ?? null }, actor, now, ids);
  if (input.outcome === 'promise')
    return recordPromise(
      tx,
      {
        caseId: d.case_id,
        madeOn: input.today,
        until: input.promiseUntil as IsoDate,
        amountCents: input.promiseAmountCents ?? null,
        note: input.note,
      },
      actor,
      now,
      ids,
    ).then((r) => (r.ok ? { ok: true, value: null } : r));
  if (input.outcome === 'dispute')
    return changeCaseState(
      tx,
      { caseId: d.case_id, state: 'disputed', reason: input.disputeReason?.trim() || input.note?.trim() || 'dispute raised during a call' },
      actor,
      now,
      ids,
    );
  if (input.outcome === 'payment-plan')
    return changeCaseState(
      tx,
      { caseId: d.case_id, state: 'payment-plan', reason: input.note?.trim() || 'asks for a payment plan' },
      actor,
      now,
      ids,
    );
  // reached, no answer, wrong number, paid already (to be checked against the bank): the scenario goes on.
  return { ok: true, value: null };
}

async function enqueueSend(tx: Tx, dispatchId: string, now: Date): Promise<void> {
  await tx.execute(
    sql`SELECT amiable.enqueue_job(${RECOVERY_DISPATCH_TASK}, jsonb_build_object('dispatchId', ${dispatchId}::uuid), ${`dispatch:${dispatchId}`}, ${now}, 10)`,
  );
}

export async function decideApproval(
  tx: Tx,
  input: { dispatchId: string; decision: 'approve' | 'reject'; note?: string | undefined },
  actor: CommandActor,
  now: Date,
  ids: IdGenerator,
): Promise<CommandResult> {
  const d = await tx.maybeOne<{ case_id: string; debtor_id: string; channel: string; status: string; step_id: string }>(
    sql`SELECT case_id, debtor_id, channel, status, step_id FROM amiable.dispatch WHERE id = ${input.dispatchId} FOR UPDATE`,
  );
  if (!d) return { ok: false, code: 'NOT_FOUND' };
  if (d.status !== 'awaiting-approval') return { ok: false, code: 'CONFLICT', reason: 'not-awaiting-approval' };
  const approved = input.decision === 'approve';
  await tx.execute(sql`UPDATE amiable.dispatch SET status = ${approved ? 'planned' : 'cancelled'},
      outcome = ${JSON.stringify({ decision: input.decision, note: input.note ?? null, by: actor.label })}::jsonb, updated_at = ${now} WHERE id = ${input.dispatchId}`);
  if (approved && AUTOMATIC_CHANNELS.has(d.channel)) await enqueueSend(tx, input.dispatchId, now);
  await logActivity(
    tx,
    d.debtor_id,
    approved ? 'case.action-approved' : 'case.action-rejected',
    d.case_id,
    { step: d.step_id, note: input.note ?? null },
    actor,
    now,
    ids,
  );
  return { ok: true, value: null };
}

/** A person settles an uncertain or failed action: it did leave, send it (again), or drop it. */
export async function resolveReview(
  tx: Tx,
  input: { dispatchId: string; resolution: 'was-sent' | 'send-again' | 'cancel'; note: string },
  actor: CommandActor,
  now: Date,
  ids: IdGenerator,
): Promise<CommandResult> {
  const d = await tx.maybeOne<{ case_id: string; debtor_id: string; channel: string; status: string; step_id: string }>(
    sql`SELECT case_id, debtor_id, channel, status, step_id FROM amiable.dispatch WHERE id = ${input.dispatchId} FOR UPDATE`,
  );
  if (!d) return { ok: false, code: 'NOT_FOUND' };
  if (d.status !== 'uncertain' && d.status !== 'failed') return { ok: false, code: 'CONFLICT', reason: 'not-in-review' };
  const status = input.resolution === 'was-sent' ? 'sent' : input.resolution === 'send-again' ? 'planned' : 'cancelled';
  await tx.execute(sql`UPDATE amiable.dispatch SET status = ${status},
      outcome = ${JSON.stringify({ review: input.resolution, note: input.note, by: actor.label })}::jsonb, updated_at = ${now} WHERE id = ${input.dispatchId}`);
  if (status === 'planned' && AUTOMATIC_CHANNELS.has(d.channel)) await enqueueSend(tx, input.dispatchId, now);
  await logActivity(
    tx,
    d.debtor_id,
    'case.action-reviewed',
    d.case_id,
    { step: d.step_id, resolution: input.resolution, note: input.note },
    actor,
    now,
    ids,
  );
  return { ok: true, value: null };
}

/**
 * Executes a planned letter or registered-letter action: renders the PDF from the
 * case's facts at today's date and archives it, in ONE transaction with the
 * dispatch row locked — the document is unique per dispatch, so a retried or
 * concurrent job produces nothing twice. Nothing leaves Amiable here: a letter
 * waits for printing and posting, a registered letter for the electronic
 * registered-letter service (until that exists, issue 4 point 1). Unpaid invoices
 * only: one paid, credited or disputed since planning is left out, and an action
 * with none left is skipped. A letter that cannot be made (a mandatory mention
 * missing — no postal address, no SIREN — or rates missing) fails into the review
 * queue with the reason, for a person to fix the data.
 */
import { type IdGenerator, parisDateOf } from '@amiable/domain';
import { LETTER_TYPES, type LetterType } from '@amiable/letters';
import type pg from 'pg';
import { sql } from '../sql.js';
import { inTenant } from '../tenant-transaction.js';
import { saveDocument } from './documents.js';
import { renderCaseLetter } from './render-case-letter.js';

export const LETTER_CHANNELS = new Set(['letter', 'registered-letter']);

export type LetterOutcome =
  | { readonly kind: 'produced'; readonly documentId: string; readonly letterType: LetterType }
  | { readonly kind: 'already-handled' | 'skipped' }
  | { readonly kind: 'failed'; readonly reason: string };

/** The channel of a dispatch, to route its job: letters are produced here, messages sent by the worker. */
export async function dispatchChannel(pool: pg.Pool, tenantId: string, dispatchId: string): Promise<string | null> {
  return inTenant(pool, { tenantId }, async (tx) => {
    const row = await tx.maybeOne<{ channel: string }>(sql`SELECT channel FROM amiable.dispatch WHERE id = ${dispatchId}`);
    return row?.channel ?? null;
  });
}

/** The letter a step sends: the step's own choice, else a formal notice by registered letter, a reminder by post. */
export function letterTypeOf(channel: string, stepLetter: unknown): LetterType {
  if (typeof stepLetter === 'string' && (LETTER_TYPES as readonly string[]).includes(stepLetter)) return stepLetter as LetterType;
  return channel === 'registered-letter' ? 'formal-notice' : 'reminder';
}

export async function produceDispatchLetter(
  pool: pg.Pool,
  tenantId: string,
  dispatchId: string,
  deps: { now: Date; ids: IdGenerator; publicUrl: string },
): Promise<LetterOutcome> {
  const { now, ids } = deps;
  return inTenant(pool, { tenantId }, async (tx) => {
    const d = await tx.maybeOne<{ status: string; channel: string; case_id: string; invoice_ids: string[]; step_letter: unknown }>(sql`
      SELECT x.status, x.channel, x.case_id, x.invoice_ids,
             (SELECT s->'letter' FROM amiable.scenario sc, jsonb_array_elements(sc.steps) s
               WHERE sc.tenant_id = x.tenant_id AND sc.id = x.scenario_id AND s->>'id' = x.step_id LIMIT 1) #>> '{}' AS step_letter
      FROM amiable.dispatch x WHERE x.id = ${dispatchId} FOR UPDATE`);
    if (d?.status !== 'planned' || !LETTER_CHANNELS.has(d.channel)) return { kind: 'already-handled' };
    const open = await tx.query<{ id: string }>(sql`
      SELECT i.id FROM amiable.invoice i
      WHERE i.id = ANY(${d.invoice_ids}::uuid[]) AND i.outstanding_cents > 0
        AND NOT EXISTS (SELECT 1 FROM amiable.dispute x WHERE x.tenant_id = i.tenant_id AND x.invoice_id = i.id AND x.resolved_at IS NULL)`);
    const fail = async (reason: string): Promise<LetterOutcome> => {
      await tx.execute(sql`UPDATE amiable.dispatch SET status = 'failed', last_error = ${reason}, attempts = attempts + 1, updated_at = ${now}
        WHERE id = ${dispatchId}`);
      return { kind: 'failed', reason };
    };
    if (open.length === 0) {
      await tx.execute(sql`UPDATE amiable.dispatch SET status = 'skipped', last_error = 'paid, credited or disputed since planning',
        updated_at = ${now} WHERE id = ${dispatchId}`);
      return { kind: 'skipped' };
    }
    const letterType = letterTypeOf(d.channel, d.step_letter);
    const rendered = await renderCaseLetter(tx, {
      caseId: d.case_id,
      letterType,
      invoiceIds: open.map((i) => i.id),
      date: parisDateOf(now),
      lang: null,
      sending: d.channel === 'registered-letter' ? 'registered' : 'post',
      publicUrl: deps.publicUrl,
    });
    if (!rendered.ok) return rendered.notFound ? { kind: 'already-handled' } : fail(rendered.reason);
    const { letter, out, template } = rendered;
    const registered = d.channel === 'registered-letter';
    const saved = await saveDocument(
      tx,
      {
        caseId: d.case_id,
        dispatchId,
        kind: 'letter',
        letterType,
        lang: letter.lang,
        filename: `${letterType}-${out.facts.reference}-${letter.input.date}.pdf`,
        contentType: 'application/pdf',
        bytes: out.pdf,
        templateId: template.id,
        templateVersion: template.label,
        facts: rendered.facts,
        delivery: registered ? 'awaiting-registered-sending' : 'to-print',
      },
      now,
      ids,
    );
    await tx.execute(sql`UPDATE amiable.dispatch SET status = 'done', provider_ref = ${saved.id}, invoice_ids = ${open.map((i) => i.id)}::uuid[],
        recipient = ${letter.input.debtor.name}, attempts = attempts + 1, last_error = NULL,
        outcome = ${JSON.stringify({ documentId: saved.id, sha256: out.sha256, delivery: registered ? 'awaiting-registered-sending' : 'to-print' })}::jsonb,
        updated_at = ${now}
      WHERE id = ${dispatchId}`);
    if (letterType === 'formal-notice') {
      const moved = await tx.maybeOne<{ from: string }>(sql`
        UPDATE amiable.recovery_case rc SET state = 'formal-notice-sent', updated_at = ${now}
        FROM (SELECT id, state FROM amiable.recovery_case WHERE id = ${d.case_id} FOR UPDATE) old
        WHERE rc.id = old.id AND old.state IN ('open', 'in-progress')
        RETURNING old.state AS from`);
      if (moved)
        await tx.execute(sql`
          INSERT INTO amiable.case_transition (tenant_id, id, case_id, from_state, to_state, reason, actor_kind, actor_label, occurred_at)
          VALUES (${tx.tenantId}, ${ids.newId()}, ${d.case_id}, ${moved.from}, 'formal-notice-sent',
                  ${registered ? 'formal notice produced, awaiting registered sending' : 'formal notice produced, to print and post'},
                  'engine', 'letters', ${now})`);
    }
    return { kind: 'produced', documentId: saved.id, letterType };
  });
}

/**
 * Executing one dispatch, effectively once. The worker:
 * 1. claims it in a transaction (claimDispatch): only a 'planned' row goes on; the
 *    state is checked again (an invoice paid, credited or disputed since planning
 *    is left out; with none left the action is 'skipped'); the row becomes
 *    'sending' and commits BEFORE anything leaves;
 * 2. hands the message to the provider with the dispatch's idempotency key;
 * 3. records the outcome (finishDispatch): 'sent'; or back to 'planned' when the
 *    provider certainly did not take it (refused, unreachable) so the job retries;
 *    or 'uncertain' when it may have (a timeout after the data was handed over).
 * A worker killed between 1 and 3 leaves the row 'sending': the retried job finds
 * it so and marks it 'uncertain' for a person to check — it is never resent by
 * itself, and never lost.
 * Outside the tenant's sending window (Paris hours, allowed days) nothing leaves: the
 * job moves to the next opening (sending-window.ts).
 * A campaign's message takes its campaign's templates, after the campaign's own
 * re-checks (campaigns/claim-campaign-dispatch.ts); a scenario's takes its step's.
 */
import type { IdGenerator, IsoDate } from '@amiable/domain';
import type { MessageFacts, Templates } from '@amiable/recovery';
import type pg from 'pg';
import { type NewDocument, saveDocument } from '../letters/documents.js';
import { sql } from '../sql.js';
import { inTenant } from '../tenant-transaction.js';
import { gateCampaignDispatch } from './campaigns/claim-campaign-dispatch.js';
import { gateSendingWindow } from './sending-window.js';
import type { StoredStep } from './scenarios.js';

export type Claim =
  | {
      readonly kind: 'send';
      readonly channel: 'email' | 'sms';
      /** E-mail address, or phone number for an SMS. */
      readonly to: string;
      readonly idempotencyKey: string;
      readonly templates: Templates;
      readonly facts: MessageFacts;
      readonly caseId: string;
      /** The invoices still open, which the message covers. */
      readonly invoiceIds: readonly string[];
      /** The letter an e-mail step sends (HTML version, PDF attached), when it names one. */
      readonly letter: string | null;
      /** The sender's name (the creditor) and the Reply-To (the agent in charge of the case, else the creditor's recovery contact). */
      readonly envelope: { readonly fromName: string; readonly replyTo: string | null };
    }
  | { readonly kind: 'already-handled' | 'skipped' | 'uncertain' | 'no-recipient' | 'postponed' };

export async function claimDispatch(pool: pg.Pool, tenantId: string, dispatchId: string, now: Date): Promise<Claim> {
  return inTenant(pool, { tenantId }, async (tx) => {
    const d = await tx.maybeOne<{
      status: string;
      channel: string;
      case_id: string;
      debtor_id: string;
      scenario_id: string | null;
      campaign_id: string | null;
      step_id: string;
      invoice_ids: string[];
      idempotency_key: string;
      occurrence: string;
      created_at: Date;
    }>(sql`
      SELECT status, channel, case_id, debtor_id, scenario_id, campaign_id, step_id, invoice_ids, idempotency_key, occurrence::text AS occurrence,
             created_at
      FROM amiable.dispatch WHERE id = ${dispatchId} FOR UPDATE`);
    if (!d) return { kind: 'already-handled' };
    if (d.status === 'sending') {
      // A previous attempt died while handing the message over: nobody knows whether it left.
      await tx.execute(
        sql`UPDATE amiable.dispatch SET status = 'uncertain', last_error = 'worker stopped while sending', updated_at = ${now} WHERE id = ${dispatchId}`,
      );
      return { kind: 'uncertain' };
    }
    if (d.status !== 'planned') return { kind: 'already-handled' };
    let templates: Templates | null = null;
    if (d.campaign_id) {
      const gate = await gateCampaignDispatch(
        tx,
        {
          id: dispatchId,
          campaignId: d.campaign_id,
          caseId: d.case_id,
          debtorId: d.debtor_id,
          occurrence: d.occurrence,
          createdAt: d.created_at,
        },
        now,
      );
      if (gate.kind !== 'go') return { kind: gate.kind === 'cancelled' ? 'already-handled' : gate.kind };
      templates = gate.templates;
    }
    if ((await gateSendingWindow(tx, dispatchId, now)) === 'postponed') return { kind: 'postponed' };
    const invoices = await tx.query<{
      id: string;
      number: string;
      issue_date: string;
      due_date: string;
      outstanding: string;
      currency: string;
    }>(sql`
      SELECT i.id, i.number, i.issue_date::text AS issue_date, i.due_date::text AS due_date, i.outstanding_cents::text AS outstanding, i.currency
      FROM amiable.invoice i
      WHERE i.id = ANY(${d.invoice_ids}::uuid[]) AND i.outstanding_cents > 0
        AND NOT EXISTS (SELECT 1 FROM amiable.dispute x WHERE x.tenant_id = i.tenant_id AND x.invoice_id = i.id AND x.resolved_at IS NULL)
      ORDER BY i.due_date, i.number`);
    if (invoices.length === 0) {
      await tx.execute(
        sql`UPDATE amiable.dispatch SET status = 'skipped', last_error = 'paid, credited or disputed since planning', updated_at = ${now} WHERE id = ${dispatchId}`,
      );
      return { kind: 'skipped' };
    }
    const sms = d.channel === 'sms';
    // The contact reached: the primary one having an address (e-mail) or a number (SMS), else the oldest such.
    const party = await tx.maybeOne<{
      debtor_name: string;
      kind: 'business' | 'consumer';
      creditor_name: string;
      sender_name: string;
      reply_to: string | null;
      address: string | null;
      locale: 'fr' | 'en' | null;
    }>(sql`
      SELECT d.name AS debtor_name, d.kind, c.legal_name AS creditor_name, coalesce(c.trade_name, c.legal_name) AS sender_name,
             coalesce(u.email, c.recovery_contact_email, c.email) AS reply_to, k.address, k.preferred_locale AS locale
      FROM amiable.recovery_case rc
      JOIN amiable.debtor d ON d.tenant_id = rc.tenant_id AND d.id = rc.debtor_id
      JOIN amiable.creditor c ON c.tenant_id = rc.tenant_id AND c.id = rc.creditor_id
      LEFT JOIN amiable.app_user u ON u.id = rc.assignee_id AND u.disabled_at IS NULL
      LEFT JOIN LATERAL (SELECT CASE WHEN ${sms} THEN phone ELSE email END AS address, preferred_locale FROM amiable.contact k
                         WHERE k.tenant_id = rc.tenant_id AND k.debtor_id = rc.debtor_id AND (CASE WHEN ${sms} THEN phone ELSE email END) IS NOT NULL
                         ORDER BY k.is_primary DESC, k.created_at LIMIT 1) k ON true
      WHERE rc.id = ${d.case_id}`);
    if (!party?.address) {
      const why = sms ? 'no phone number for the debtor' : 'no e-mail address for the debtor';
      await tx.execute(
        sql`UPDATE amiable.dispatch SET status = 'failed', last_error = ${why}, updated_at = ${now} WHERE id = ${dispatchId}`,
      );
      return { kind: 'no-recipient' };
    }
    const scenario = templates
      ? null
      : await tx.maybeOne<{ steps: StoredStep[] }>(sql`SELECT steps FROM amiable.scenario WHERE id = ${d.scenario_id}`);
    const step = scenario?.steps.find((s) => s.id === d.step_id);
    if (!templates && !step) {
      await tx.execute(
        sql`UPDATE amiable.dispatch SET status = 'failed', last_error = 'the step no longer exists in its scenario', updated_at = ${now} WHERE id = ${dispatchId}`,
      );
      return { kind: 'already-handled' };
    }
    await tx.execute(sql`UPDATE amiable.dispatch SET status = 'sending', attempts = attempts + 1, recipient = ${party.address},
        invoice_ids = ${invoices.map((i) => i.id)}::uuid[], updated_at = ${now} WHERE id = ${dispatchId}`);
    return {
      kind: 'send',
      channel: sms ? 'sms' : 'email',
      to: party.address,
      idempotencyKey: d.idempotency_key,
      templates: templates ?? step?.templates ?? {},
      caseId: d.case_id,
      invoiceIds: invoices.map((i) => i.id),
      letter: sms ? null : (step?.letter ?? null),
      envelope: { fromName: party.sender_name, replyTo: party.reply_to },
      facts: {
        locale: party.locale ?? 'fr',
        debtorName: party.debtor_name,
        debtorKind: party.kind,
        creditorName: party.creditor_name,
        invoices: invoices.map((i) => ({
          number: i.number,
          issueDate: i.issue_date as IsoDate,
          dueDate: i.due_date as IsoDate,
          outstandingCents: Number(i.outstanding),
          currency: i.currency,
        })),
      },
    };
  });
}

export type DispatchOutcome =
  | {
      readonly status: 'sent';
      readonly providerRef: string | null;
      /** What the server answered, kept for the case timeline. */
      readonly deliveryReport?: unknown;
      /** The message as it left, archived with the outcome (letters' e-mails are archived before sending). */
      readonly archive?: { readonly document: NewDocument; readonly ids: IdGenerator } | undefined;
    }
  | { readonly status: 'planned' | 'uncertain' | 'failed'; readonly error: string };

export async function finishDispatch(
  pool: pg.Pool,
  tenantId: string,
  dispatchId: string,
  outcome: DispatchOutcome,
  now: Date,
): Promise<void> {
  await inTenant(pool, { tenantId }, async (tx) => {
    if (outcome.status === 'sent') {
      const report = outcome.deliveryReport === undefined ? null : JSON.stringify(outcome.deliveryReport);
      const updated =
        await tx.maybeOne(sql`UPDATE amiable.dispatch SET status = 'sent', provider_ref = ${outcome.providerRef}, last_error = NULL,
          delivery_report = coalesce(${report}::jsonb, delivery_report), updated_at = ${now}
        WHERE id = ${dispatchId} AND status = 'sending' RETURNING id`);
      if (updated && outcome.archive) await saveDocument(tx, outcome.archive.document, now, outcome.archive.ids);
    } else
      await tx.execute(sql`UPDATE amiable.dispatch SET status = ${outcome.status}, last_error = ${outcome.error.slice(0, 500)}, updated_at = ${now}
        WHERE id = ${dispatchId} AND status = 'sending'`);
  });
}

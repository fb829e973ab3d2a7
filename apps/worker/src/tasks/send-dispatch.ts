/**
 * Executes one planned action — a scenario step's or a campaign's — effectively
 * once. A letter or registered letter is produced and archived in one transaction
 * (produce-dispatch-letter.ts in packages/db). An e-mail or SMS: claim (commits
 * 'sending'), hand it to SMTP with the dispatch's idempotency
 * key as Message-ID, record the outcome with the message archived. Whether SMTP took the message decides
 * between a retry and human review.
 */
import {
  type Database,
  LETTER_CHANNELS,
  claimDispatch,
  dispatchChannel,
  finishDispatch,
  type PreparedEmail,
  prepareLetterEmail,
  produceDispatchLetter,
} from '@amiable/db';
import { type Clock, type IdGenerator, parisDateOf } from '@amiable/domain';
import { renderMessage } from '@amiable/recovery';
import type { Mailer } from '../mailer.js';
import type { SmsSender } from '../sms.js';

/**
 * Errors that prove the message was not accepted: an SMTP refusal (4xx/5xx, also at
 * the end of DATA: the server did not take it) or a server that could not be
 * reached at all. A timeout or a connection cut after the data went out proves
 * nothing: uncertain.
 */
function certainlyNotSent(error: unknown): boolean {
  const e = error as { responseCode?: unknown; code?: unknown };
  if (typeof e.responseCode === 'number' && e.responseCode >= 400) return true;
  return e.code === 'ECONNREFUSED' || e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN' || e.code === 'EDNS';
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface SendDispatchDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly mailer: Mailer;
  readonly mailDomain: string;
  /** Where the app is reached: letters carry the case's payment link. */
  readonly publicUrl: string;
  readonly sms?: SmsSender | undefined;
}

export async function sendDispatch(
  payload: { tenantId: string; dispatchId: string },
  deps: SendDispatchDeps,
  /** The job's last attempt: a refusal then goes to review ('failed') instead of another retry. */
  lastAttempt = false,
): Promise<void> {
  const { tenantId, dispatchId } = payload;
  const channel = await dispatchChannel(deps.db.app, tenantId, dispatchId);
  if (channel !== null && LETTER_CHANNELS.has(channel)) {
    await produceDispatchLetter(deps.db.app, tenantId, dispatchId, { now: deps.clock.now(), ids: deps.ids, publicUrl: deps.publicUrl });
    return;
  }
  const claim = await claimDispatch(deps.db.app, tenantId, dispatchId, deps.clock.now());
  if (claim.kind !== 'send') return;
  const finish = (outcome: Parameters<typeof finishDispatch>[3]) =>
    finishDispatch(deps.db.app, tenantId, dispatchId, outcome, deps.clock.now());
  let report: unknown;
  let archive: Extract<Parameters<typeof finishDispatch>[3], { status: 'sent' }>['archive'];
  try {
    if (claim.channel === 'sms') {
      if (!deps.sms) throw Object.assign(new Error('no SMS provider configured'), { code: 'ENOTFOUND' });
      const message = renderMessage(claim.templates, claim.facts);
      // An SMS carries the body alone, trimmed to three messages' worth.
      await deps.sms.send({ to: claim.to, text: message.body.slice(0, 459), idempotencyKey: claim.idempotencyKey });
    } else {
      let mail: { subject: string; text: string; html: string; attachments?: PreparedEmail['attachments'] };
      let envelope: { fromName: string; replyTo: string | null } = claim.envelope;
      if (claim.letter) {
        const letter = await prepareLetterEmail(
          deps.db.app,
          tenantId,
          {
            dispatchId,
            caseId: claim.caseId,
            invoiceIds: claim.invoiceIds,
            letter: claim.letter,
            date: parisDateOf(deps.clock.now()),
            publicUrl: deps.publicUrl,
          },
          deps.clock.now(),
          deps.ids,
        );
        // Nothing left: a letter that cannot be made is for a person to fix, not to retry.
        if (!letter.ok) return await finish({ status: 'failed', error: letter.reason });
        mail = letter.email;
        envelope = letter.email;
      } else {
        const message = renderMessage(claim.templates, claim.facts);
        const html = `<div style="font-family:sans-serif;white-space:pre-wrap;max-width:600px">${escapeHtml(message.body)}</div>`;
        mail = { subject: message.subject, text: message.body, html };
        // Archived with the outcome, in the same transaction: the message as it left.
        archive = {
          ids: deps.ids,
          document: {
            caseId: claim.caseId,
            dispatchId,
            kind: 'email',
            letterType: 'message',
            lang: claim.facts.locale,
            filename: 'message.html',
            contentType: 'text/html; charset=utf-8',
            bytes: new TextEncoder().encode(html),
            templateId: null,
            templateVersion: 'scenario-step',
            facts: { subject: message.subject, text: message.body, facts: claim.facts },
            delivery: 'sent',
          },
        };
      }
      const sent = await deps.mailer.send({
        to: claim.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        fromName: envelope.fromName || undefined,
        replyTo: envelope.replyTo ?? undefined,
        attachments: mail.attachments,
        messageId: `<${claim.idempotencyKey.replace(/[^A-Za-z0-9.-]/g, '.')}@${deps.mailDomain}>`,
      });
      report = { response: sent.response, rejected: sent.rejected };
    }
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    if (certainlyNotSent(error)) {
      if (lastAttempt) return await finish({ status: 'failed', error: text });
      await finish({ status: 'planned', error: text });
      throw error; // graphile-worker retries with backoff
    }
    return await finish({ status: 'uncertain', error: text });
  }
  await finish({ status: 'sent', providerRef: null, deliveryReport: report, archive });
}

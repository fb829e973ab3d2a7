/**
 * Sends one planned e-mail or SMS action — a scenario step's or a campaign's —
 * effectively once (see dispatch-execution.ts in packages/db): claim (commits
 * 'sending'), hand over to SMTP with the dispatch's idempotency key as Message-ID,
 * record the outcome. Whether SMTP took the message
 * decides between a retry and human review.
 */
import { claimDispatch, finishDispatch, type Database } from '@amiable/db';
import type { Clock } from '@amiable/domain';
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

export async function sendDispatch(
  payload: { tenantId: string; dispatchId: string },
  deps: { db: Database; clock: Clock; mailer: Mailer; mailDomain: string; sms?: SmsSender },
  /** The job's last attempt: a refusal then goes to review ('failed') instead of another retry. */
  lastAttempt = false,
): Promise<void> {
  const claim = await claimDispatch(deps.db.app, payload.tenantId, payload.dispatchId, deps.clock.now());
  if (claim.kind !== 'send') return;
  const message = renderMessage(claim.templates, claim.facts);
  try {
    if (claim.channel === 'sms') {
      if (!deps.sms) throw Object.assign(new Error('no SMS provider configured'), { code: 'ENOTFOUND' });
      // An SMS carries the body alone, trimmed to three messages' worth.
      await deps.sms.send({ to: claim.to, text: message.body.slice(0, 459), idempotencyKey: claim.idempotencyKey });
    } else
      await deps.mailer.send({
        to: claim.to,
        subject: message.subject,
        text: message.body,
        html: `<div style="font-family:sans-serif;white-space:pre-wrap">${escapeHtml(message.body)}</div>`,
        messageId: `<${claim.idempotencyKey.replace(/[^A-Za-z0-9.-]/g, '.')}@${deps.mailDomain}>`,
      });
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    if (certainlyNotSent(error)) {
      if (lastAttempt) {
        await finishDispatch(deps.db.app, payload.tenantId, payload.dispatchId, { status: 'failed', error: text }, deps.clock.now());
        return;
      }
      await finishDispatch(deps.db.app, payload.tenantId, payload.dispatchId, { status: 'planned', error: text }, deps.clock.now());
      throw error; // graphile-worker retries with backoff
    }
    await finishDispatch(deps.db.app, payload.tenantId, payload.dispatchId, { status: 'uncertain', error: text }, deps.clock.now());
    return;
  }
  await finishDispatch(deps.db.app, payload.tenantId, payload.dispatchId, { status: 'sent', providerRef: null }, deps.clock.now());
}

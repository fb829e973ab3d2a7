/**
 * An e-mail step that sends a letter: the letter's HTML and text version, its PDF
 * attached, the sender's name (the creditor) and the Reply-To (the agent in charge
 * of the case, else the creditor's recovery contact). Both documents are archived
 * (issue 5 point 6) before the hand-over to SMTP, keyed by the dispatch, so a
 * retried job finds them. A step's plain message is archived with its outcome
 * instead (finishDispatch).
 */
import type { IdGenerator, IsoDate } from '@amiable/domain';
import { LETTER_TYPES, type LetterType, renderLetterEmail } from '@amiable/letters';
import type pg from 'pg';
import { sql } from '../sql.js';
import { type Tx, inTenant } from '../tenant-transaction.js';
import { saveDocument } from './documents.js';
import { renderCaseLetter } from './render-case-letter.js';
import { DEFAULT_TEXTS_VERSION } from './letter-templates.js';

export interface EmailEnvelope {
  readonly fromName: string;
  readonly replyTo: string | null;
}

export interface PreparedEmail extends EmailEnvelope {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly attachments: readonly { readonly filename: string; readonly content: Uint8Array; readonly contentType: string }[];
}

/** Replies go to the agent in charge — unless their account is disabled (they left) — else the creditor's contact. */
async function envelopeOf(tx: Tx, caseId: string): Promise<EmailEnvelope> {
  const row = await tx.maybeOne<{ name: string; reply_to: string | null }>(sql`
    SELECT coalesce(c.trade_name, c.legal_name) AS name, coalesce(u.email, c.recovery_contact_email, c.email) AS reply_to
    FROM amiable.recovery_case rc JOIN amiable.creditor c ON c.tenant_id = rc.tenant_id AND c.id = rc.creditor_id
    LEFT JOIN amiable.app_user u ON u.id = rc.assignee_id AND u.disabled_at IS NULL
    WHERE rc.id = ${caseId}`);
  return { fromName: row?.name ?? '', replyTo: row?.reply_to ?? null };
}

/** A step that sends a letter by e-mail: the letter's HTML version, its PDF attached, both archived. */
export async function prepareLetterEmail(
  pool: pg.Pool,
  tenantId: string,
  m: { dispatchId: string; caseId: string; invoiceIds: readonly string[]; letter: string; date: IsoDate; publicUrl: string },
  now: Date,
  ids: IdGenerator,
): Promise<{ ok: true; email: PreparedEmail } | { ok: false; reason: string }> {
  if (!(LETTER_TYPES as readonly string[]).includes(m.letter)) return { ok: false, reason: `unknown letter type ${m.letter}` };
  const letterType = m.letter as LetterType;
  return inTenant(pool, { tenantId }, async (tx) => {
    const rendered = await renderCaseLetter(tx, {
      caseId: m.caseId,
      letterType,
      invoiceIds: m.invoiceIds,
      date: m.date,
      lang: null,
      sending: 'email',
      publicUrl: m.publicUrl,
    });
    if (!rendered.ok) return { ok: false, reason: rendered.reason };
    const { letter, out, template } = rendered;
    const mail = renderLetterEmail(out.document);
    const filename = `${letterType}-${out.facts.reference}-${m.date}.pdf`;
    const common = { caseId: m.caseId, dispatchId: m.dispatchId, letterType, lang: letter.lang, templateId: template.id };
    await saveDocument(
      tx,
      {
        ...common,
        kind: 'letter',
        filename,
        contentType: 'application/pdf',
        bytes: out.pdf,
        templateVersion: template.label,
        facts: rendered.facts,
        delivery: 'attached',
      },
      now,
      ids,
    );
    await saveDocument(
      tx,
      {
        ...common,
        kind: 'email',
        filename: `${letterType}.html`,
        contentType: 'text/html; charset=utf-8',
        bytes: new TextEncoder().encode(mail.html),
        templateVersion: template.id ? template.label : DEFAULT_TEXTS_VERSION,
        facts: { subject: mail.subject, text: mail.text, attachment: { filename, sha256: out.sha256 } },
        delivery: 'sent',
      },
      now,
      ids,
    );
    const envelope = await envelopeOf(tx, m.caseId);
    return {
      ok: true,
      email: { ...envelope, ...mail, attachments: [{ filename, content: out.pdf, contentType: 'application/pdf' }] },
    };
  });
}

/**
 * Reads the letter screens and the debtor's payment page need beside
 * packages/db/src/letters: who a case is about, a case found by its payment
 * token, the payment a receipt acknowledges, a document's delivery state.
 */
import type { IsoDate } from '@amiable/domain';
import { sql } from '../sql.js';
import type { Queryable } from '../tenant-transaction.js';
import { type LetterInvoiceRow, letterInvoiceOf } from '../letters/case-letter.js';

export interface CaseParties {
  readonly caseId: string;
  readonly state: string;
  readonly debtor: { readonly id: string; readonly name: string };
  readonly creditor: { readonly id: string; readonly name: string };
}

/** The debtor and creditor of each case (cases of other tenants are simply absent). */
export async function caseParties(db: Queryable, caseIds: readonly string[]): Promise<Map<string, CaseParties>> {
  if (caseIds.length === 0) return new Map();
  const rows = await db.query<{
    id: string;
    state: string;
    debtor_id: string;
    debtor_name: string;
    creditor_id: string;
    creditor_name: string;
  }>(
    sql`SELECT rc.id, rc.state, d.id AS debtor_id, d.name AS debtor_name, c.id AS creditor_id,
               coalesce(c.trade_name, c.legal_name) AS creditor_name
        FROM amiable.recovery_case rc
        JOIN amiable.debtor d ON d.tenant_id = rc.tenant_id AND d.id = rc.debtor_id
        JOIN amiable.creditor c ON c.tenant_id = rc.tenant_id AND c.id = rc.creditor_id
        WHERE rc.id = ANY(${[...new Set(caseIds)]}::uuid[])`,
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        caseId: r.id,
        state: r.state,
        debtor: { id: r.debtor_id, name: r.debtor_name },
        creditor: { id: r.creditor_id, name: r.creditor_name },
      },
    ]),
  );
}

/** The case behind a payment page link; the caller's tenant transaction decides which tenant is searched. */
export async function caseByPaymentToken(db: Queryable, token: string): Promise<{ caseId: string; state: string } | null> {
  return db.maybeOne(sql`SELECT id AS "caseId", state FROM amiable.recovery_case WHERE payment_token = ${token}`);
}

export async function creditorExists(db: Queryable, creditorId: string): Promise<boolean> {
  return (await db.maybeOne(sql`SELECT 1 AS found FROM amiable.creditor WHERE id = ${creditorId}`)) !== null;
}

export interface ReceiptFacts {
  readonly paymentId: string;
  readonly date: IsoDate;
  readonly amountCents: number;
  readonly method: 'transfer' | 'direct-debit' | 'card' | 'cheque' | 'cash' | 'other';
  /** The invoices the payment settled, with what remains due on each now. */
  readonly invoices: readonly {
    readonly number: string;
    readonly issueDate: IsoDate;
    readonly dueDate: IsoDate;
    readonly amountCents: number;
    readonly outstandingCents: number;
  }[];
}

/**
 * The payment a receipt acknowledges: the given one, or the case's latest, as long
 * as it is the case's debtor paying its creditor in euros and was not reversed.
 */
export async function receiptFacts(db: Queryable, caseId: string, paymentId: string | null): Promise<ReceiptFacts | null> {
  const payment = await db.maybeOne<{ id: string; received_on: string; amount_cents: string; method: ReceiptFacts['method'] }>(sql`
    SELECT p.id, p.received_on::text AS received_on, p.amount_cents::text AS amount_cents, p.method
    FROM amiable.payment p
    JOIN amiable.recovery_case rc ON rc.tenant_id = p.tenant_id AND rc.debtor_id = p.debtor_id AND rc.creditor_id = p.creditor_id
    WHERE rc.id = ${caseId} AND p.reversed_at IS NULL AND p.currency = 'EUR'
      AND (${paymentId === null} OR p.id = ${paymentId}::uuid)
    ORDER BY p.received_on DESC, p.created_at DESC LIMIT 1`);
  if (!payment) return null;
  const invoices = await db.query<LetterInvoiceRow>(sql`
    SELECT i.number, i.issue_date::text AS issue_date, coalesce(i.due_date, i.issue_date)::text AS due_date,
           i.amount_due_cents::text AS amount, i.outstanding_cents::text AS outstanding
    FROM amiable.invoice i
    WHERE i.id IN (SELECT a.invoice_id FROM amiable.allocation a WHERE a.payment_id = ${payment.id} AND a.reversed_at IS NULL)
    ORDER BY i.due_date, i.number`);
  return {
    paymentId: payment.id,
    date: payment.received_on,
    amountCents: Number(payment.amount_cents),
    method: payment.method,
    invoices: invoices.map(letterInvoiceOf),
  };
}

export async function documentDelivery(
  db: Queryable,
  documentId: string,
): Promise<{ delivery: 'to-print' | 'awaiting-registered-sending' | 'attached' | 'sent' } | null> {
  return db.maybeOne(sql`SELECT delivery FROM amiable.document WHERE id = ${documentId}`);
}

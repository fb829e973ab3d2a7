/**
 * What the debtor's payment page shows (until the debtor portal exists): the
 * creditor, what is due today — the principal outstanding, plus the penalties and
 * indemnities the legal engine computes when it can — the open invoices, and how
 * to pay by transfer with the structured reference and the EPC QR code that
 * brings the payment back to its case.
 */
import { type Tx, caseByPaymentToken, loadCaseLetter } from '@amiable/db';
import type { IsoDate } from '@amiable/domain';
import { type Lang, type LetterInvoice, creditorReference, epcPayload, qrSvg } from '@amiable/letters';

export type PayPage =
  | { readonly kind: 'nothing-due'; readonly creditorName: string }
  | {
      readonly kind: 'due';
      readonly creditorName: string;
      readonly debtorName: string;
      readonly invoices: readonly LetterInvoice[];
      readonly principalCents: number;
      /** Null when the engine cannot compute them today (a half-year missing from the rates table). */
      readonly extras: { readonly interestCents: number; readonly indemnityCents: number; readonly consumer: boolean } | null;
      readonly totalCents: number;
      readonly transfer: {
        readonly beneficiary: string;
        readonly iban: string;
        readonly bic: string | null;
        readonly reference: string;
      } | null;
      /** Inline SVG of the EPC QR code, when the transfer can be prefilled. */
      readonly qr: string | null;
      readonly contact: { readonly name: string; readonly email: string | null; readonly phone: string | null };
    };

/** The page of a case found by its token inside the tenant's transaction; null for no such case. */
export async function loadPayPage(tx: Tx, token: string, today: IsoDate, lang: Lang, publicUrl: string): Promise<PayPage | null> {
  const found = await caseByPaymentToken(tx, token);
  if (!found) return null;
  const letter = await loadCaseLetter(tx, {
    caseId: found.caseId,
    letterType: 'reminder',
    invoiceIds: null,
    date: today,
    lang,
    sending: 'email',
    deadlineDays: 0,
    publicUrl,
  });
  if (!letter) return null;
  const { input } = letter;
  const principalCents = input.invoices.reduce((sum, i) => sum + i.outstandingCents, 0);
  if (found.state === 'closed' || principalCents <= 0) return { kind: 'nothing-due', creditorName: input.creditor.name };
  const extras = letter.claim.ok
    ? {
        interestCents: letter.claim.value.interestDueCents,
        indemnityCents: letter.claim.value.indemnityCents,
        consumer: input.debtor.kind === 'consumer',
      }
    : null;
  const totalCents = principalCents + (extras ? extras.interestCents + extras.indemnityCents : 0);
  const reference = creditorReference(input.reference ?? '');
  const iban = input.creditor.iban;
  const payload = iban
    ? epcPayload({ name: input.creditor.name, iban, bic: input.creditor.bic, amountCents: totalCents, reference })
    : null;
  return {
    kind: 'due',
    creditorName: input.creditor.name,
    debtorName: input.debtor.name,
    invoices: input.invoices,
    principalCents,
    extras,
    totalCents,
    transfer: iban ? { beneficiary: input.creditor.name, iban, bic: input.creditor.bic ?? null, reference } : null,
    qr: payload ? qrSvg(payload) : null,
    contact: { name: input.contact.name, email: input.contact.email ?? null, phone: input.contact.phone ?? null },
  };
}

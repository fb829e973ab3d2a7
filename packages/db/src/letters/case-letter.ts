/**
 * The facts of a letter for a case, read from the ledger: the creditor's letterhead
 * and bank details, the debtor's postal address (its own, else its primary
 * contact's), the invoices with what remains due, the person debtors deal with,
 * and the claim computed by the legal engine with the real payment history at the
 * letter's date. The letters package turns them into a document.
 */
import type { IsoDate } from '@amiable/domain';
import { type ClaimTotals, type LegalError, claimTotals, rateTable } from '@amiable/legal';
import { type Lang, type LetterInput, type LetterInvoice, type LetterType, defaultDeadlineDays } from '@amiable/letters';
import { listRateOverrides } from '../ledger/rate-repository.js';
import { debtorClaimData } from '../queries/claim-queries.js';
import { sql } from '../sql.js';
import { agencyParty, getAgencyProfile } from './agency-profile.js';
import { firstAgencyLetter } from './first-agency-letter.js';
import type { Tx } from '../tenant-transaction.js';

export interface CaseLetter {
  readonly input: LetterInput;
  /** The legal engine's claim, or why it could not be computed (a missing half-year of rates). */
  readonly claim: { readonly ok: true; readonly value: ClaimTotals } | { readonly ok: false; readonly error: LegalError };
  readonly lang: Lang;
  readonly creditorId: string;
  readonly caseId: string;
  /** The creditor's logo for the letterhead (PNG or SVG), when it has one. */
  readonly logo: LetterLogo | null;
}

export interface LetterLogo {
  readonly fileId: string;
  readonly bytes: Uint8Array;
  readonly format: 'png' | 'svg';
}

/** A stored logo, if it is an image Typst prints (PNG or SVG); anything else is left out of the letterhead. */
export async function letterLogo(tx: Tx, fileId: string | null): Promise<LetterLogo | null> {
  if (!fileId) return null;
  const file = await tx.maybeOne<{ content: Buffer; content_type: string }>(
    sql`SELECT content, content_type FROM amiable.stored_file WHERE id = ${fileId}`,
  );
  const format = file?.content_type === 'image/png' ? 'png' : file?.content_type === 'image/svg+xml' ? 'svg' : null;
  return file && format ? { fileId, bytes: file.content, format } : null;
}

/** An invoice row as letters read it (amounts as bigint text), to the letters package's shape. */
export interface LetterInvoiceRow {
  readonly number: string;
  readonly issue_date: string;
  readonly due_date: string;
  readonly amount: string;
  readonly outstanding: string;
}

export function letterInvoiceOf(i: LetterInvoiceRow): LetterInvoice {
  return {
    number: i.number,
    issueDate: i.issue_date,
    dueDate: i.due_date,
    amountCents: Number(i.amount),
    outstandingCents: Number(i.outstanding),
  };
}

export interface CaseLetterRequest {
  readonly caseId: string;
  readonly letterType: LetterType;
  /** The invoices the letter is about (a dispatch's); all open ones of the case when null. */
  readonly invoiceIds: readonly string[] | null;
  readonly date: IsoDate;
  /** The debtor's language when null. */
  readonly lang: Lang | null;
  readonly sending: 'post' | 'registered' | 'email';
  /** Days given to pay; the type's default for this debtor when absent (defaultDeadlineDays). */
  readonly deadlineDays?: number | undefined;
  /** Where the app is reached, for the payment link. */
  readonly publicUrl: string;
}

interface PartyRow {
  case_id: string;
  creditor_id: string;
  debtor_id: string;
  payment_reference: string;
  payment_token: string;
  c_name: string;
  c_siren: string | null;
  c_line1: string | null;
  c_line2: string | null;
  c_postal: string | null;
  c_city: string | null;
  c_country: string;
  c_email: string | null;
  c_phone: string | null;
  c_iban: string | null;
  c_bic: string | null;
  c_mentions: string | null;
  c_logo: string | null;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  d_kind: 'business' | 'consumer';
  d_name: string;
  d_siren: string | null;
  d_line1: string | null;
  d_line2: string | null;
  d_postal: string | null;
  d_city: string | null;
  d_country: string | null;
  d_locale: Lang;
  d_since: string | null;
  notice_date: string | null;
}

export async function loadCaseLetter(tx: Tx, request: CaseLetterRequest): Promise<CaseLetter | null> {
  const p = await tx.maybeOne<PartyRow>(sql`
    SELECT rc.id AS case_id, rc.creditor_id, rc.debtor_id, rc.payment_reference, rc.payment_token,
           coalesce(c.trade_name, c.legal_name) AS c_name, c.siren AS c_siren, c.address_line1 AS c_line1, c.address_line2 AS c_line2,
           c.postal_code AS c_postal, c.city AS c_city, c.country AS c_country, c.email AS c_email, c.phone AS c_phone,
           c.iban AS c_iban, c.bic AS c_bic, c.letter_legal_mentions AS c_mentions, c.logo_file_id AS c_logo,
           -- The agent in charge of the case (migration 0014) is the contact; else the creditor's recovery contact.
           coalesce(u.display_name, c.recovery_contact_name) AS contact_name,
           CASE WHEN u.id IS NOT NULL THEN u.email ELSE c.recovery_contact_email END AS contact_email,
           c.recovery_contact_phone AS contact_phone,
           d.kind AS d_kind, d.name AS d_name, d.siren AS d_siren,
           coalesce(d.address_line1, k.address_line1) AS d_line1,
           CASE WHEN d.address_line1 IS NOT NULL THEN d.address_line2 ELSE k.address_line2 END AS d_line2,
           coalesce(d.postal_code, k.postal_code) AS d_postal, coalesce(d.city, k.city) AS d_city,
           coalesce(CASE WHEN d.address_line1 IS NOT NULL THEN d.country END, k.country, d.country) AS d_country,
           coalesce(k.preferred_locale, d.preferred_locale) AS d_locale,
           d.collective_proceedings_since::text AS d_since,
           (SELECT min(doc.created_at AT TIME ZONE 'Europe/Paris')::date::text FROM amiable.document doc
             WHERE doc.tenant_id = rc.tenant_id AND doc.case_id = rc.id AND doc.letter_type = 'formal-notice' AND doc.kind = 'letter') AS notice_date
    FROM amiable.recovery_case rc
    JOIN amiable.creditor c ON c.tenant_id = rc.tenant_id AND c.id = rc.creditor_id
    JOIN amiable.debtor d ON d.tenant_id = rc.tenant_id AND d.id = rc.debtor_id
    LEFT JOIN amiable.app_user u ON u.id = rc.assignee_id AND u.disabled_at IS NULL
    LEFT JOIN LATERAL (SELECT address_line1, address_line2, postal_code, city, country, preferred_locale FROM amiable.contact k
                       WHERE k.tenant_id = rc.tenant_id AND k.debtor_id = rc.debtor_id AND k.address_line1 IS NOT NULL
                       ORDER BY k.is_primary DESC, k.created_at LIMIT 1) k ON true
    WHERE rc.id = ${request.caseId}`);
  if (!p) return null;
  const invoices = await tx.query<{
    id: string;
    number: string;
    issue_date: string;
    due_date: string;
    amount: string;
    outstanding: string;
  }>(sql`
    SELECT i.id, i.number, i.issue_date::text AS issue_date, i.due_date::text AS due_date, i.amount_due_cents::text AS amount,
           i.outstanding_cents::text AS outstanding
    FROM amiable.invoice i
    WHERE i.debtor_id = ${p.debtor_id} AND i.creditor_id = ${p.creditor_id} AND i.kind = 'invoice' AND i.due_date IS NOT NULL
      AND i.currency = 'EUR' AND i.outstanding_cents > 0
      AND (${request.invoiceIds === null} OR i.id = ANY(${request.invoiceIds ?? []}::uuid[]))
    ORDER BY i.due_date, i.number`);
  const chosen = new Set(invoices.map((i) => i.id));
  const data = await debtorClaimData(tx, p.debtor_id, 'EUR');
  // A consumer's formal notice is the letter itself, or the first one archived on the case (C. civ. 1344-1).
  const formalNoticeDate = request.letterType === 'formal-notice' ? (p.notice_date ?? request.date) : p.notice_date;
  const claim = claimTotals(
    {
      debtor: p.d_kind,
      until: request.date,
      formalNoticeDate,
      collectiveProceedingsSince: p.d_since,
      invoices: (data?.invoices ?? []).filter((i) => chosen.has(i.id)),
    },
    rateTable(await listRateOverrides(tx)),
  );
  const lang = request.lang ?? p.d_locale;
  const address = (line1: string | null, line2: string | null, postal: string | null, city: string | null, country: string | null) => ({
    line1: line1 ?? '',
    line2: line2 ?? undefined,
    postalCode: postal ?? '',
    city: city ?? '',
    country: country ?? 'FR',
  });
  const base: LetterInput = {
    type: request.letterType,
    date: request.date,
    deadlineDays: request.deadlineDays ?? defaultDeadlineDays(request.letterType, p.d_kind),
    creditor: {
      name: p.c_name,
      siren: p.c_siren ?? undefined,
      address: address(p.c_line1, p.c_line2, p.c_postal, p.c_city, p.c_country),
      email: p.c_email ?? undefined,
      phone: p.c_phone ?? undefined,
      iban: p.c_iban ?? undefined,
      bic: p.c_bic ?? undefined,
      legalMentions: p.c_mentions ?? undefined,
    },
    debtor: {
      kind: p.d_kind,
      name: p.d_name,
      siren: p.d_siren ?? undefined,
      address: address(p.d_line1, p.d_line2, p.d_postal, p.d_city, p.d_country),
    },
    invoices: invoices.map(letterInvoiceOf),
    contact: {
      // Without a named person, debtors deal with the creditor's recovery service at its usual address.
      name: p.contact_name ?? (lang === 'fr' ? `Service recouvrement, ${p.c_name}` : `Collections, ${p.c_name}`),
      email: p.contact_email ?? p.c_email ?? undefined,
      phone: p.contact_phone ?? p.c_phone ?? undefined,
    },
    formalNoticeDate: formalNoticeDate ?? undefined,
    reference: p.payment_reference,
    paymentLink: `${request.publicUrl.replace(/\/$/, '')}/pay/${tx.tenantId}/${p.payment_token}`,
    sending: request.sending,
  };
  // An agency letter is written by the tenant's agency (its profile; without one the letter lacks its
  // agency-identity mention and is refused) and recalls the case's first agency letter (CPCE R124-4).
  let input = base;
  if (request.letterType === 'agency-letter') {
    const profile = await getAgencyProfile(tx);
    const first = await firstAgencyLetter(tx, p.case_id);
    input = { ...base, agency: profile ? agencyParty(profile) : undefined, firstLetter: first ?? undefined };
  }
  return { input, claim, lang, creditorId: p.creditor_id, caseId: p.case_id, logo: await letterLogo(tx, p.c_logo) };
}

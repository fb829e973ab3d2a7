/**
 * The facts read from a CII or UBL document, checked and turned into one
 * InvoiceRecord. Each fact remembers the element it came from, so an issue
 * names it (the "column" of an e-invoice). Like table rows, a document with
 * any issue yields no record.
 *
 * Identifiers are taken as the issuer declared them: a SIREN under scheme
 * 0002 is kept even when its check digit fails (the FNFE reference samples
 * themselves use such demonstration numbers), but only French schemes ever
 * fill `siren`/`siret`.
 */
import {
  type DocumentKind,
  type FieldIssueCode,
  isCurrencyCode,
  isIsoDate,
  isValidEmail,
  isValidSiren,
  normalizeDigits,
  normalizeVatNumber,
} from '@amiable/domain';
import { decimalTextToCents } from './amount.js';
import type { DebtorRecord, InvoiceRecord, PostalAddress, RowIssue, SellerRecord } from './types.js';

/** A value and the element it was read from. */
export interface Located {
  readonly value: string | null;
  readonly path: string;
}

export interface LegalId {
  readonly value: string;
  readonly scheme: string | null;
}

export interface PartyDraft {
  readonly name: Located;
  readonly legalIds: readonly LegalId[];
  readonly vatNumber: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly contactName: string | null;
  readonly accountCode: string | null;
  readonly address: PostalAddress | null;
}

export interface EInvoiceDraft {
  readonly number: Located;
  readonly typeCode: Located;
  /** The kind implied by the document itself when its type code is absent (a UBL CreditNote root). */
  readonly defaultKind: DocumentKind;
  /** Dates already converted to ISO by the syntax module (null value with a raw text = unparseable). */
  readonly issueDate: Located & { readonly raw: string | null };
  readonly dueDate: Located & { readonly raw: string | null };
  readonly currency: Located;
  readonly amountExclTax: Located;
  readonly amountInclTax: Located;
  readonly prepaid: Located;
  readonly amountDue: Located;
  readonly buyer: PartyDraft;
  readonly seller: PartyDraft | null;
  readonly orderReference: string | null;
  readonly contractReference: string | null;
  readonly paymentReference: string | null;
  readonly paymentTerms: string | null;
  readonly precedingInvoiceNumber: string | null;
  readonly description: string | null;
}

// UNTDID 1001 codes allowed by EN 16931 (and Factur-X) for invoices and credit notes.
const INVOICE_TYPE_CODES = new Set([
  '71',
  '80',
  '82',
  '84',
  '102',
  '218',
  '219',
  '326',
  '331',
  '380',
  '382',
  '383',
  '384',
  '385',
  '386',
  '387',
  '388',
  '389',
  '390',
  '393',
  '394',
  '395',
  '456',
  '457',
  '527',
  '553',
  '575',
  '623',
  '633',
  '751',
  '780',
  '875',
  '876',
  '877',
  '935',
]);
const CREDIT_NOTE_TYPE_CODES = new Set(['81', '83', '261', '262', '296', '308', '381', '396', '420', '458', '532']);

export function buildEInvoiceRecord(draft: EInvoiceDraft): { record: InvoiceRecord | null; issues: RowIssue[] } {
  const issues: RowIssue[] = [];
  const report = (path: string, code: FieldIssueCode, params?: Record<string, string | number>) => {
    issues.push(params ? { line: 1, column: path, code, params } : { line: 1, column: path, code });
  };

  const number = draft.number.value;
  if (number === null) report(draft.number.path, 'required');

  let kind: DocumentKind = draft.defaultKind;
  const typeCode = draft.typeCode.value;
  if (typeCode !== null) {
    if (CREDIT_NOTE_TYPE_CODES.has(typeCode)) kind = 'credit-note';
    else if (INVOICE_TYPE_CODES.has(typeCode)) kind = 'invoice';
    else report(draft.typeCode.path, 'invalid_choice', { value: typeCode, allowed: '380, 381, 384, 389, 393, 261, 262, 396…' });
  }

  const issueDate = draft.issueDate.value;
  if (draft.issueDate.raw === null) report(draft.issueDate.path, 'required');
  else if (issueDate === null || !isIsoDate(issueDate)) report(draft.issueDate.path, 'invalid_date', { value: draft.issueDate.raw });
  const dueDate = draft.dueDate.value;
  if (draft.dueDate.raw !== null && (dueDate === null || !isIsoDate(dueDate)))
    report(draft.dueDate.path, 'invalid_date', { value: draft.dueDate.raw });
  if (issueDate && dueDate && dueDate < issueDate) report(draft.dueDate.path, 'due_before_issue', { due: dueDate, issue: issueDate });

  const currency = draft.currency.value?.toUpperCase() ?? null;
  if (currency === null) report(draft.currency.path, 'required');
  else if (!isCurrencyCode(currency)) report(draft.currency.path, 'invalid_currency', { value: draft.currency.value ?? '' });

  const amount = (located: Located, required: boolean): number | null => {
    if (located.value === null) {
      if (required) report(located.path, 'required');
      return null;
    }
    const parsed = decimalTextToCents(located.value);
    if (!parsed.ok) {
      report(located.path, parsed.code, { value: located.value });
      return null;
    }
    return parsed.cents;
  };
  const grand = amount(draft.amountInclTax, true);
  const exclTax = amount(draft.amountExclTax, false);
  const prepaid = amount(draft.prepaid, false);
  let due = amount(draft.amountDue, false);
  if (due === null && draft.amountDue.value === null && grand !== null) due = grand - (prepaid ?? 0);

  // A credit can be issued as an invoice with negative totals (EXTENDED profile): it is a credit note for the ledger.
  let sign = 1;
  if (grand !== null && grand < 0) {
    sign = -1;
    kind = 'credit-note';
  }
  const signed = (cents: number | null, located: Located): number | null => {
    if (cents === null) return null;
    const value = cents * sign;
    if (value < 0) report(located.path, 'negative_amount', { value: located.value ?? '' });
    return value;
  };
  const grandCents = signed(grand, draft.amountInclTax);
  const exclCents = signed(exclTax, draft.amountExclTax);
  const dueCents = signed(due, draft.amountDue);

  const debtorName = draft.buyer.name.value;
  if (debtorName === null) report(draft.buyer.name.path, 'required');

  if (
    issues.length > 0 ||
    number === null ||
    issueDate === null ||
    currency === null ||
    grandCents === null ||
    dueCents === null ||
    debtorName === null
  ) {
    return { record: null, issues };
  }
  const { siren, siret } = frenchIds(draft.buyer);
  const debtor: DebtorRecord = {
    kind: 'business',
    name: debtorName,
    siren,
    siret,
    vatNumber: draft.buyer.vatNumber === null ? null : normalizeVatNumber(draft.buyer.vatNumber),
    accountCode: draft.buyer.accountCode,
    // Contact details are optional in e-invoices and cannot be corrected in a signed document: an unusable address is left out rather than refusing the invoice.
    email: draft.buyer.email !== null && isValidEmail(draft.buyer.email) ? draft.buyer.email : null,
    phone: draft.buyer.phone,
    contactName: draft.buyer.contactName,
    address: draft.buyer.address,
  };
  const seller: SellerRecord | null = draft.seller
    ? {
        name: draft.seller.name.value,
        siren: frenchIds(draft.seller).siren,
        vatNumber: draft.seller.vatNumber === null ? null : normalizeVatNumber(draft.seller.vatNumber),
      }
    : null;
  return {
    record: {
      line: 1,
      kind,
      number,
      issueDate,
      dueDate,
      currency,
      amountExclTaxCents: exclCents,
      amountInclTaxCents: grandCents,
      amountDueCents: dueCents,
      outstandingCents: null,
      orderReference: draft.orderReference,
      contractReference: draft.contractReference,
      description: draft.description,
      paymentReference: draft.paymentReference,
      paymentTerms: draft.paymentTerms,
      precedingInvoiceNumber: draft.precedingInvoiceNumber,
      debtor,
      seller,
    },
    issues,
  };
}

/**
 * SIREN and SIRET from the legal identifiers: scheme 0002 is the SIREN (some
 * issuers put the 14-digit SIRET there), 0009 the SIRET. An identifier without
 * scheme counts only for a French party, and only if its check digit holds.
 */
function frenchIds(party: PartyDraft): { siren: string | null; siret: string | null } {
  let siren: string | null = null;
  let siret: string | null = null;
  const french = party.address?.country === 'FR';
  for (const id of party.legalIds) {
    const digits = normalizeDigits(id.value);
    if (!/^\d+$/.test(digits)) continue;
    const declared = id.scheme === '0002' || id.scheme === '0009';
    if (!declared && !(id.scheme === null && french && (digits.length === 9 ? isValidSiren(digits) : isValidSiren(digits.slice(0, 9)))))
      continue;
    if (digits.length === 9 && id.scheme !== '0009') siren ??= digits;
    else if (digits.length === 14) {
      siret ??= digits;
      siren ??= digits.slice(0, 9);
    }
  }
  return { siren, siret };
}

/** Free text from XML loses its indentation: each line trimmed, blank lines dropped; null when nothing is left. */
export function tidyText(value: string | null): string | null {
  if (value === null) return null;
  const lines = value
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '');
  return lines.length > 0 ? lines.join('\n') : null;
}

/** Profile names of a Factur-X / ZUGFeRD guideline identifier, or null for another customisation. */
export function facturxProfileName(
  guidelineId: string | null,
): 'MINIMUM' | 'BASIC WL' | 'BASIC' | 'EN 16931' | 'EXTENDED' | 'XRECHNUNG' | null {
  if (guidelineId === null) return null;
  const id = guidelineId.toLowerCase();
  if (id.includes('factur-x.eu:1p0:minimum')) return 'MINIMUM';
  if (id.includes('factur-x.eu:1p0:basicwl')) return 'BASIC WL';
  if (id.includes('factur-x.eu:1p0:basic')) return 'BASIC';
  if (id.includes('factur-x.eu:1p0:extended')) return 'EXTENDED';
  if (id.includes('xrechnung')) return 'XRECHNUNG';
  if (id.startsWith('urn:cen.eu:en16931:2017')) return 'EN 16931';
  return null;
}

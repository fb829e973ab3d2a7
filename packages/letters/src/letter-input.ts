/**
 * The facts a letter is made from — what `amiable letters render --input letter.json`
 * reads (issue 5's contract, documented in docs/letters.md) and what the app builds
 * from a case. Amounts are decimal strings in the file and cents here.
 */
import {
  type FieldIssue,
  type IsoDate,
  JsonReader,
  LETTER_TYPES,
  type LetterType,
  isValidBic,
  isValidIban,
  isValidSiren,
  normalizeIban,
} from '@amiable/domain';
import type { RateRow } from '@amiable/legal';

export { LETTER_TYPES, type LetterType } from '@amiable/domain';

export interface Address {
  readonly line1: string;
  readonly line2?: string | undefined;
  readonly postalCode: string;
  readonly city: string;
  readonly country: string;
}

export interface Party {
  readonly name: string;
  readonly siren?: string | undefined;
  readonly address: Address;
  readonly email?: string | undefined;
  readonly phone?: string | undefined;
  readonly iban?: string | undefined;
  readonly bic?: string | undefined;
  /** The letterhead's legal footer: legal form, share capital, RCS, VAT number (C. com. R123-237). */
  readonly legalMentions?: string | undefined;
}

export interface LetterInvoice {
  readonly number: string;
  readonly issueDate: IsoDate;
  readonly dueDate: IsoDate;
  readonly amountCents: number;
  readonly outstandingCents: number;
}

export interface LetterInput {
  readonly type: LetterType;
  readonly date: IsoDate;
  readonly deadlineDays: number;
  readonly creditor: Party;
  readonly debtor: Party & { readonly kind: 'business' | 'consumer' };
  readonly invoices: readonly LetterInvoice[];
  readonly contact: { readonly name: string; readonly email?: string | undefined; readonly phone?: string | undefined };
  /** The collection agency writing on the creditor's behalf (agency-letter). */
  readonly agency?: Party | undefined;
  /** An agency's later letters recall its first one (CPCE R124-4). */
  readonly firstLetter?: { readonly reference: string; readonly date: IsoDate } | undefined;
  /** Consumers: legal interest runs from the formal notice (C. civ. 1231-6, 1344-1). */
  readonly formalNoticeDate?: IsoDate | undefined;
  /** The case's payment reference (ISO 11649 body, without "RF" and check digits); derived when absent. */
  readonly reference?: string | undefined;
  readonly paymentLink?: string | undefined;
  readonly sending?: 'post' | 'registered' | 'email' | undefined;
  /** payment-receipt: the payment acknowledged. */
  readonly payment?: { readonly date: IsoDate; readonly amountCents: number; readonly method?: string | undefined } | undefined;
  /** payment-plan: the instalments agreed. */
  readonly installments?: readonly { readonly dueDate: IsoDate; readonly amountCents: number }[] | undefined;
  /** Contractual penalty rate, when the terms set one (C. com. L441-10 II). */
  readonly contractRateBp?: number | undefined;
  /** Half-years the shipped rates table lacks, supplied by the user (same shape as `amiable rates set`). */
  readonly rates?: readonly RateRow[] | undefined;
}

type Json = unknown;

function readAddress(r: JsonReader, value: Json, field: string): Address | null {
  const a = r.object(value, field);
  if (!a) return null;
  const line1 = r.string(a.line1, `${field}.line1`);
  const line2 = r.optionalString(a.line2, `${field}.line2`);
  const postalCode = r.string(a.postalCode, `${field}.postalCode`, 20);
  const city = r.string(a.city, `${field}.city`, 100);
  const country = a.country === undefined ? 'FR' : r.string(a.country, `${field}.country`, 2);
  if (country !== null && !/^[A-Z]{2}$/.test(country)) r.fail(`${field}.country`, 'invalid_format', { value: country });
  if (line1 === null || postalCode === null || city === null || country === null) return null;
  return { line1, line2, postalCode, city, country };
}

function readParty(r: JsonReader, value: Json, field: string, bank: boolean): Party | null {
  const p = r.object(value, field);
  if (!p) return null;
  const name = r.string(p.name, `${field}.name`, 140);
  const siren = r.optionalString(p.siren, `${field}.siren`, 20)?.replace(/\s/g, '');
  if (siren !== undefined && !isValidSiren(siren)) r.fail(`${field}.siren`, 'invalid_siren', { value: siren });
  const address = readAddress(r, p.address, `${field}.address`);
  const email = r.optionalString(p.email, `${field}.email`);
  const phone = r.optionalString(p.phone, `${field}.phone`, 40);
  let iban: string | undefined;
  let bic: string | undefined;
  if (bank) {
    iban = r.optionalString(p.iban, `${field}.iban`, 50);
    if (iban !== undefined) iban = normalizeIban(iban);
    if (iban !== undefined && !isValidIban(iban)) r.fail(`${field}.iban`, 'invalid_iban', { value: iban });
    bic = r.optionalString(p.bic, `${field}.bic`, 11)?.replace(/\s/g, '').toUpperCase();
    if (bic !== undefined && !isValidBic(bic)) r.fail(`${field}.bic`, 'invalid_bic', { value: bic });
  }
  const legalMentions = r.optionalString(p.legalMentions, `${field}.legalMentions`, 2000);
  if (name === null || address === null) return null;
  return { name, siren, address, email, phone, iban, bic, legalMentions };
}

function readRates(r: JsonReader, value: Json): RateRow[] | undefined {
  if (value === undefined) return undefined;
  return (r.array(value, 'rates') ?? []).flatMap((v, i) => {
    const f = `rates[${i}]`;
    const row = r.object(v, f);
    if (!row) return [];
    const halfYear = r.string(row.halfYear, `${f}.halfYear`, 7);
    if (halfYear !== null && !/^\d{4}-H[12]$/.test(halfYear)) r.fail(`${f}.halfYear`, 'invalid_format', { value: halfYear });
    const ecb = r.integer(row.ecbMainRefinancingBp, `${f}.ecbMainRefinancingBp`, -1000, 10_000);
    const individual = r.integer(row.legalRateIndividualBp, `${f}.legalRateIndividualBp`, 0, 10_000);
    const other = r.integer(row.legalRateOtherBp, `${f}.legalRateOtherBp`, 0, 10_000);
    if (halfYear === null || ecb === null || individual === null || other === null) return [];
    return [
      {
        halfYear: halfYear as RateRow['halfYear'],
        ecbMainRefinancingBp: ecb,
        legalRateIndividualBp: individual,
        legalRateOtherBp: other,
        sources: { ecb: 'input file', legal: 'input file' },
        override: { by: 'input file', at: '' },
      },
    ];
  });
}

/** Reads a letter file, or lists every problem with the path of its field. */
export function readLetterInput(json: Json): { ok: true; value: LetterInput } | { ok: false; issues: readonly FieldIssue[] } {
  const r = new JsonReader();
  const root = r.object(json, '(file)');
  if (!root) return { ok: false, issues: r.issues };
  const type = r.choice(root.type, 'type', LETTER_TYPES);
  const date = r.date(root.date, 'date');
  const deadlineDays = root.deadlineDays === undefined ? 8 : r.integer(root.deadlineDays, 'deadlineDays', 0, 365);
  const creditor = readParty(r, root.creditor, 'creditor', true);
  const debtorIn = r.object(root.debtor, 'debtor');
  const kind = debtorIn ? r.choice(debtorIn.kind ?? 'business', 'debtor.kind', ['business', 'consumer'] as const) : null;
  const debtor = debtorIn ? readParty(r, debtorIn, 'debtor', false) : null;
  const invoices: LetterInvoice[] = [];
  (r.array(root.invoices ?? [], 'invoices') ?? []).forEach((v, i) => {
    const f = `invoices[${i}]`;
    const inv = r.object(v, f);
    if (!inv) return;
    const number = r.string(inv.number, `${f}.number`, 100);
    if (number !== null) r.unique('invoice', number, `${f}.number`);
    const issueDate = r.date(inv.issueDate, `${f}.issueDate`);
    const dueDate = r.date(inv.dueDate, `${f}.dueDate`);
    if (issueDate && dueDate && dueDate < issueDate) r.fail(`${f}.dueDate`, 'due_before_issue', { due: dueDate, issue: issueDate });
    const amountCents = r.amount(inv.amount, `${f}.amount`);
    const outstandingCents = inv.outstanding === undefined ? amountCents : r.amount(inv.outstanding, `${f}.outstanding`, true);
    if (amountCents !== null && outstandingCents !== null && outstandingCents > amountCents)
      r.fail(`${f}.outstanding`, 'outstanding_above_total', { value: String(inv.outstanding) });
    if (number !== null && issueDate && dueDate && amountCents !== null && outstandingCents !== null)
      invoices.push({ number, issueDate, dueDate, amountCents, outstandingCents });
  });
  const contactIn = r.object(root.contact, 'contact');
  const contact = contactIn
    ? {
        name: r.string(contactIn.name, 'contact.name', 140),
        email: r.optionalString(contactIn.email, 'contact.email'),
        phone: r.optionalString(contactIn.phone, 'contact.phone', 40),
      }
    : null;
  const agency = root.agency === undefined ? undefined : readParty(r, root.agency, 'agency', true);
  const firstIn = root.firstLetter === undefined ? undefined : r.object(root.firstLetter, 'firstLetter');
  const firstLetter = firstIn
    ? { reference: r.string(firstIn.reference, 'firstLetter.reference', 60), date: r.date(firstIn.date, 'firstLetter.date') }
    : undefined;
  const formalNoticeDate = root.formalNoticeDate === undefined ? undefined : r.date(root.formalNoticeDate, 'formalNoticeDate');
  const reference = r.optionalString(root.reference, 'reference', 21)?.toUpperCase();
  if (reference !== undefined && !/^[A-Z0-9]{1,21}$/.test(reference)) r.fail('reference', 'invalid_format', { value: reference });
  const paymentLink = r.optionalString(root.paymentLink, 'paymentLink', 500);
  if (paymentLink !== undefined && !/^https:\/\/\S+$/.test(paymentLink)) r.fail('paymentLink', 'invalid_format', { value: paymentLink });
  const sending = root.sending === undefined ? undefined : r.choice(root.sending, 'sending', ['post', 'registered', 'email'] as const);
  const paymentIn = root.payment === undefined ? undefined : r.object(root.payment, 'payment');
  const payment = paymentIn
    ? {
        date: r.date(paymentIn.date, 'payment.date'),
        amountCents: r.amount(paymentIn.amount, 'payment.amount'),
        method: r.optionalString(paymentIn.method, 'payment.method', 60),
      }
    : undefined;
  const installments =
    root.installments === undefined
      ? undefined
      : (r.array(root.installments, 'installments') ?? []).map((v, i) => {
          const inst = r.object(v, `installments[${i}]`);
          return {
            dueDate: inst ? r.date(inst.dueDate, `installments[${i}].dueDate`) : null,
            amountCents: inst ? r.amount(inst.amount, `installments[${i}].amount`) : null,
          };
        });
  const contractRateBp = root.contractRateBp === undefined ? undefined : r.integer(root.contractRateBp, 'contractRateBp', 0, 10_000);
  const rates = readRates(r, root.rates);

  if (
    r.issues.length > 0 ||
    !type ||
    !date ||
    deadlineDays === null ||
    !creditor ||
    !debtor ||
    !kind ||
    !contact?.name ||
    agency === null ||
    (firstLetter && (!firstLetter.reference || !firstLetter.date)) ||
    formalNoticeDate === null ||
    sending === null ||
    (payment && (!payment.date || payment.amountCents === null)) ||
    installments?.some((i) => !i.dueDate || i.amountCents === null) ||
    contractRateBp === null
  )
    return { ok: false, issues: r.issues };
  return {
    ok: true,
    value: {
      type,
      date,
      deadlineDays,
      creditor,
      debtor: { ...debtor, kind },
      invoices,
      contact: { name: contact.name, email: contact.email, phone: contact.phone },
      agency,
      firstLetter: firstLetter as LetterInput['firstLetter'],
      formalNoticeDate,
      reference,
      paymentLink,
      sending,
      payment: payment as LetterInput['payment'],
      installments: installments as LetterInput['installments'],
      contractRateBp,
      rates,
    },
  };
}

/**
 * Produces a letter for a case now (a payment receipt, a formal notice by hand…):
 * the case's facts, the text letters of this type use for its creditor, the PDF,
 * then the archive — bytes, SHA-256, text version and the facts — all in the
 * caller's tenant transaction. A letter lacking a mandatory mention is refused
 * with every missing one listed, and nothing is stored.
 */
import { type DocumentSummary, type Tx, currentLetterTemplate, receiptFacts, saveDocument } from '@amiable/db';
import { type AppError, type IdGenerator, type IsoDate, err, invalid, issue } from '@amiable/domain';
import type { Locale } from '@amiable/i18n';
import { type Lang, type LetterInput, type LetterType, renderLetter } from '@amiable/letters';
import { checkIssues } from './check-issues.js';
import { caseLetterSource } from './case-letter-source.js';
import { type InstallmentRow, planShortfall, readInstallments } from './read-installments.js';
import { withAgency } from './with-agency.js';

export interface ProduceLetterRequest {
  readonly caseId: string;
  readonly type: LetterType;
  readonly lang: Lang | null;
  /** payment-receipt: the payment acknowledged; the case's latest when null. */
  readonly paymentId: string | null;
  /** payment-plan: the instalments agreed, as typed (decimal amounts); required for that type only. */
  readonly installments?: readonly InstallmentRow[] | undefined;
  readonly today: IsoDate;
  readonly publicUrl: string;
  /** The caller's language, for the messages of a refusal. */
  readonly locale: Locale;
}

const METHODS: Readonly<Record<string, Readonly<Record<Lang, string>>>> = {
  transfer: { fr: 'virement', en: 'bank transfer' },
  'direct-debit': { fr: 'prélèvement', en: 'direct debit' },
  card: { fr: 'carte bancaire', en: 'card' },
  cheque: { fr: 'chèque', en: 'cheque' },
  cash: { fr: 'espèces', en: 'cash' },
  other: { fr: 'autre moyen', en: 'other means' },
};

/** "mise-en-demeure-de-payer-boulangerie-martin-2026-11-23.pdf": readable, ASCII, distinct per debtor and day. */
export function letterFilename(subject: string, debtor: string, date: IsoDate): string {
  const slug = (text: string) =>
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 50)
      .replace(/-+$/g, '');
  return `${[slug(subject), slug(debtor)].filter(Boolean).join('-') || 'lettre'}-${date}.pdf`;
}

/** A plan states the instalments the caller agreed with the debtor (the case holds none); read before anything is loaded. */
function requestedInstallments(
  request: ProduceLetterRequest,
): { ok: true; value: LetterInput['installments'] } | { ok: false; error: AppError } {
  if (request.type !== 'payment-plan') {
    return request.installments
      ? invalid([issue('installments', 'invalid_value', { value: request.type })])
      : { ok: true, value: undefined };
  }
  const plan = readInstallments(request.installments, request.today);
  return plan.ok ? plan : invalid(plan.issues);
}

/** A receipt is about one payment and the invoices it settled, not the case's open invoices. */
async function withPayment(tx: Tx, request: ProduceLetterRequest, input: LetterInput, lang: Lang): Promise<LetterInput | AppError> {
  if (request.type !== 'payment-receipt') {
    return request.paymentId ? invalid([issue('paymentId', 'invalid_value', { value: request.paymentId })]).error : input;
  }
  const receipt = await receiptFacts(tx, request.caseId, request.paymentId);
  if (!receipt) return request.paymentId ? invalid([issue('paymentId', 'invalid_value', { value: request.paymentId })]).error : input;
  return {
    ...input,
    payment: { date: receipt.date, amountCents: receipt.amountCents, method: METHODS[receipt.method]?.[lang] },
    invoices: receipt.invoices.length > 0 ? receipt.invoices : input.invoices,
  };
}

export async function produceCaseLetter(
  tx: Tx,
  request: ProduceLetterRequest,
  now: Date,
  ids: IdGenerator,
): Promise<{ ok: true; value: DocumentSummary } | { ok: false; error: AppError }> {
  const installments = requestedInstallments(request);
  if (!installments.ok) return installments;
  const source = await caseLetterSource(tx, request);
  if (!source.ok) return source;
  const { caseLetter, lang } = source.value;
  const planned = installments.value ? { ...source.value.input, installments: installments.value } : source.value.input;
  const written = await withAgency(tx, request.caseId, planned);
  if (!written.ok) return written;
  const input = await withPayment(tx, request, written.value, lang);
  if ('code' in input) return { ok: false, error: input };
  // A receipt's figures are the payment's invoices as they stand, not the case's claim on its open invoices.
  const claim = request.type === 'payment-receipt' ? undefined : source.value.claim;
  const template = await currentLetterTemplate(tx, caseLetter.creditorId, request.type, lang);
  const logo = caseLetter.logo ?? undefined;
  const rendered = await renderLetter(input, { lang, template: template.fields, claim, logo });
  if (!rendered.ok) {
    const plan = planShortfall(rendered.missing, input, request.locale);
    const issues = [...plan.issues, ...checkIssues({ ...rendered, missing: plan.rest }, request.locale, 'template')];
    return err('VALIDATION_FAILED', undefined, issues);
  }
  const filename = letterFilename(rendered.fields.subject, input.debtor.name, request.today);
  const saved = await saveDocument(
    tx,
    {
      caseId: request.caseId,
      dispatchId: null,
      kind: 'letter',
      letterType: request.type,
      lang,
      filename,
      contentType: 'application/pdf',
      bytes: rendered.pdf,
      templateId: template.id,
      templateVersion: template.label,
      // Everything the PDF was rendered from, as the planned letters archive it (ArchivedLetterFacts, which
      // verifyDocument renders again to the same bytes); null claim for the types that state none.
      facts: { input, claim: claim ?? null, template: template.fields, lang, logoFileId: caseLetter.logo?.fileId ?? null },
      delivery: 'to-print',
    },
    now,
    ids,
  );
  return {
    ok: true,
    value: {
      id: saved.id,
      caseId: request.caseId,
      dispatchId: null,
      kind: 'letter',
      letterType: request.type,
      lang,
      filename,
      byteSize: rendered.pdf.length,
      sha256: rendered.sha256,
      templateVersion: template.label,
      delivery: 'to-print',
      createdAt: now,
    },
  };
}

/**
 * The variables letter and e-mail templates may use, documented for the template
 * editor, and the data they are filled with. Every value is built here from the
 * letter's facts; a template can print them, test them, and loop over the invoices
 * and instalments — nothing else.
 */
import type { IsoDate } from '@amiable/domain';
import { type Lang, formatDate, formatMoney } from './format.js';
import type { LetterFacts } from './letter-facts.js';
import type { LetterInput } from './letter-input.js';
import { groupReference } from './payment-reference.js';
import type { Doc, TemplateData, TemplateSchema, VariableSpec } from './template/template-schema.js';

const v = (type: 'text' | 'money' | 'date' | 'number' | 'boolean', fr: string, en: string): VariableSpec => ({ type, doc: { fr, en } });

const INVOICE: TemplateSchema = {
  number: v('text', 'Numéro de la facture', 'Invoice number'),
  issueDate: v('date', 'Date d’émission', 'Issue date'),
  dueDate: v('date', 'Date d’échéance', 'Due date'),
  amount: v('money', 'Montant TTC', 'Amount incl. tax'),
  outstanding: v('money', 'Reste dû', 'Outstanding'),
  daysLate: v('number', 'Jours de retard à la date de la lettre', 'Days late at the letter date'),
  penalties: v('money', 'Pénalités ou intérêts de cette facture', 'Penalties or interest of this invoice'),
};

const INSTALMENT: TemplateSchema = {
  dueDate: v('date', 'Date de l’échéance', 'Instalment date'),
  amount: v('money', 'Montant de l’échéance', 'Instalment amount'),
};

const list = (item: TemplateSchema, fr: string, en: string): VariableSpec => ({ type: 'list', item, doc: { fr, en } as Doc });

export const LETTER_VARIABLES: TemplateSchema = {
  creditorName: v('text', 'Raison sociale du créancier', 'Creditor’s name'),
  creditorSiren: v('text', 'SIREN du créancier', 'Creditor’s SIREN'),
  debtorName: v('text', 'Nom du débiteur', 'Debtor’s name'),
  isConsumer: v('boolean', 'Vrai si le débiteur est un particulier', 'True when the debtor is a consumer'),
  agencyName: v('text', 'Société de recouvrement (lettre d’agence)', 'Collection agency (agency letter)'),
  letterDate: v('date', 'Date de la lettre', 'Letter date'),
  deadlineDate: v('date', 'Date limite de paiement', 'Payment deadline'),
  deadlineDays: v('number', 'Délai de paiement en jours', 'Payment deadline in days'),
  reference: v('text', 'Référence de paiement structurée (RF…)', 'Structured payment reference (RF…)'),
  invoices: list(INVOICE, 'Les factures (boucle {{#each invoices}} … {{/each}})', 'The invoices (loop {{#each invoices}} … {{/each}})'),
  invoiceCount: v('number', 'Nombre de factures', 'Number of invoices'),
  invoiceList: v('text', 'Liste des factures, une par ligne', 'List of invoices, one per line'),
  oldestDueDate: v('date', 'Échéance la plus ancienne', 'Oldest due date'),
  totalDue: v('money', 'Principal restant dû', 'Principal outstanding'),
  penalties: v('money', 'Pénalités de retard ou intérêts au taux légal', 'Late-payment penalties or legal interest'),
  indemnities: v('money', 'Indemnités forfaitaires de 40 € (professionnels)', 'Fixed €40 indemnities (businesses)'),
  totalClaimed: v('money', 'Total réclamé (principal + pénalités + indemnités)', 'Total claimed (principal + penalties + indemnities)'),
  penaltiesNotice: v(
    'text',
    'Phrase légale sur les pénalités ou intérêts, adaptée au débiteur',
    'Legal sentence on penalties or interest, fitted to the debtor',
  ),
  paymentLink: v('text', 'Lien de paiement du dossier', 'The case’s payment link'),
  iban: v('text', 'IBAN du créancier', 'Creditor’s IBAN'),
  bic: v('text', 'BIC du créancier', 'Creditor’s BIC'),
  contactName: v('text', 'Interlocuteur', 'Contact person'),
  contactEmail: v('text', 'E-mail de l’interlocuteur', 'Contact e-mail'),
  contactPhone: v('text', 'Téléphone de l’interlocuteur', 'Contact phone'),
  firstLetterReference: v('text', 'Référence de la première lettre (agence)', 'First letter’s reference (agency)'),
  firstLetterDate: v('date', 'Date de la première lettre (agence)', 'First letter’s date (agency)'),
  paymentAmount: v('money', 'Montant du paiement (quittance)', 'Payment amount (receipt)'),
  paymentDate: v('date', 'Date du paiement (quittance)', 'Payment date (receipt)'),
  paymentMethod: v('text', 'Moyen de paiement (quittance)', 'Payment method (receipt)'),
  remainingDue: v('money', 'Reste dû après le paiement (quittance)', 'Remaining after the payment (receipt)'),
  installments: list(INSTALMENT, 'Les échéances du plan (boucle)', 'The plan’s instalments (loop)'),
  installmentCount: v('number', 'Nombre d’échéances', 'Number of instalments'),
  planTotal: v('money', 'Total de l’échéancier', 'Plan total'),
  signature: v('text', 'Signataire (créancier ou agence)', 'Signatory (creditor or agency)'),
};

const PENALTIES_NOTICE = {
  business: {
    fr: 'Conformément à l’article L441-10 du Code de commerce, ces sommes portent de plein droit des pénalités de retard depuis leur échéance, et chaque facture payée en retard donne lieu à une indemnité forfaitaire pour frais de recouvrement de 40 € (article D441-5).',
    en: 'Under article L441-10 of the French Commercial Code, late-payment penalties accrue on these sums from their due date, and each invoice paid late bears a fixed recovery indemnity of €40 (article D441-5).',
  },
  consumer: {
    fr: 'À défaut de paiement, ces sommes porteront intérêts au taux légal à compter de la présente mise en demeure (articles 1231-6 et 1344-1 du Code civil).',
    en: 'Failing payment, these sums will bear interest at the legal rate from this formal notice (articles 1231-6 and 1344-1 of the French Civil Code).',
  },
};

const money = (cents: number) => ({ cents, currency: 'EUR' });

export function letterData(input: LetterInput, facts: LetterFacts, lang: Lang): TemplateData {
  const oldest = input.invoices.map((i) => i.dueDate).sort()[0] as IsoDate | undefined;
  const lines = input.invoices.map((i) =>
    lang === 'fr'
      ? `- Facture ${i.number} du ${formatDate(i.issueDate, 'fr', 'short')}, échue le ${formatDate(i.dueDate, 'fr', 'short')} : ${formatMoney(money(i.outstandingCents), 'fr')}`
      : `- Invoice ${i.number} of ${formatDate(i.issueDate, 'en', 'long')}, due ${formatDate(i.dueDate, 'en', 'long')}: ${formatMoney(money(i.outstandingCents), 'en')}`,
  );
  return {
    creditorName: input.creditor.name,
    creditorSiren: input.creditor.siren ?? null,
    debtorName: input.debtor.name,
    isConsumer: input.debtor.kind === 'consumer',
    agencyName: input.agency?.name ?? null,
    letterDate: input.date,
    deadlineDate: facts.deadlineDate,
    deadlineDays: input.deadlineDays,
    reference: groupReference(facts.reference),
    invoices: input.invoices.map((i) => ({
      number: i.number,
      issueDate: i.issueDate,
      dueDate: i.dueDate,
      amount: money(i.amountCents),
      outstanding: money(i.outstandingCents),
      daysLate: facts.perInvoice.get(i.number)?.daysLate ?? 0,
      penalties: money(facts.perInvoice.get(i.number)?.interestCents ?? 0),
    })),
    invoiceCount: input.invoices.length,
    invoiceList: lines.join('\n'),
    oldestDueDate: oldest ?? null,
    totalDue: money(facts.totalDueCents),
    penalties: money(facts.interestCents),
    indemnities: money(facts.indemnityCents),
    totalClaimed: money(facts.totalClaimedCents),
    penaltiesNotice: PENALTIES_NOTICE[input.debtor.kind][lang],
    paymentLink: input.paymentLink ?? null,
    iban: input.creditor.iban ?? null,
    bic: input.creditor.bic ?? null,
    contactName: input.contact.name,
    contactEmail: input.contact.email ?? null,
    contactPhone: input.contact.phone ?? null,
    firstLetterReference: input.firstLetter?.reference ?? null,
    firstLetterDate: input.firstLetter?.date ?? null,
    paymentAmount: input.payment ? money(input.payment.amountCents) : null,
    paymentDate: input.payment?.date ?? null,
    paymentMethod: input.payment?.method ?? null,
    // A receipt's invoices carry what remains after the payment it acknowledges.
    remainingDue: input.payment ? money(facts.totalDueCents) : null,
    installments: (input.installments ?? []).map((i) => ({ dueDate: i.dueDate, amount: money(i.amountCents) })),
    installmentCount: input.installments?.length ?? 0,
    planTotal: money((input.installments ?? []).reduce((s, i) => s + i.amountCents, 0)),
    signature: input.agency?.name ?? input.creditor.name,
  };
}

/**
 * Fills a step's template with the facts of a case, in the recipient's language:
 * the invoices (number, dates, amount still due), the total, and the legal notice
 * that fits the debtor — penalties and the 40 € indemnity for a professional
 * (C. com. L441-10 II, D441-5), legal interest from a formal notice for a consumer
 * (C. civ. 1231-6), never the 40 € to a consumer.
 */
import { type IsoDate, formatAmountFr, formatDateEn, formatDateFr, formatDecimalAmount } from '@amiable/domain';
import { type StepTemplate, type Templates, fillTemplate } from './templates.js';

export interface MessageInvoice {
  readonly number: string;
  readonly issueDate: IsoDate;
  readonly dueDate: IsoDate;
  readonly outstandingCents: number;
  readonly currency: string;
}

export interface MessageFacts {
  readonly locale: 'fr' | 'en';
  readonly debtorName: string;
  readonly debtorKind: 'business' | 'consumer';
  readonly creditorName: string;
  readonly invoices: readonly MessageInvoice[];
}

const PENALTIES = {
  business: {
    fr: 'Conformément à l’article L441-10 du Code de commerce, ces sommes portent de plein droit des pénalités de retard depuis leur échéance, et chaque facture payée en retard donne lieu à une indemnité forfaitaire pour frais de recouvrement de 40 € (article D441-5).',
    en: 'Under article L441-10 of the French Commercial Code, late-payment penalties accrue on these sums from their due date, and each invoice paid late bears a fixed recovery indemnity of €40 (article D441-5).',
  },
  consumer: {
    fr: 'À défaut de règlement, ces sommes pourront porter intérêts au taux légal à compter de la mise en demeure (article 1231-6 du Code civil).',
    en: 'Failing payment, these sums may bear interest at the legal rate from the formal notice (article 1231-6 of the French Civil Code).',
  },
};

function money(cents: number, currency: string, locale: 'fr' | 'en'): string {
  return locale === 'fr' ? formatAmountFr(cents, currency) : `${formatDecimalAmount(cents)} ${currency === 'EUR' ? '€' : currency}`;
}

export function renderMessage(templates: Templates, facts: MessageFacts): StepTemplate {
  const template = templates[facts.locale] ?? templates.fr ?? templates.en;
  if (!template) throw new Error('a step without any template');
  const date = facts.locale === 'fr' ? formatDateFr : formatDateEn;
  const lines = facts.invoices.map((i) =>
    facts.locale === 'fr'
      ? `- Facture ${i.number} du ${date(i.issueDate)}, échue le ${date(i.dueDate)} : ${money(i.outstandingCents, i.currency, 'fr')}`
      : `- Invoice ${i.number} of ${date(i.issueDate)}, due ${date(i.dueDate)}: ${money(i.outstandingCents, i.currency, 'en')}`,
  );
  const totals = new Map<string, number>();
  for (const i of facts.invoices) totals.set(i.currency, (totals.get(i.currency) ?? 0) + i.outstandingCents);
  const oldest = facts.invoices.map((i) => i.dueDate).sort()[0] ?? '';
  const values = {
    debtorName: facts.debtorName,
    creditorName: facts.creditorName,
    invoiceList: lines.join('\n'),
    totalDue: [...totals].map(([currency, cents]) => money(cents, currency, facts.locale)).join(' + '),
    oldestDueDate: oldest ? date(oldest) : '',
    penaltiesNotice: PENALTIES[facts.debtorKind][facts.locale],
    signature: facts.creditorName,
  };
  return { subject: fillTemplate(template.subject, values), body: fillTemplate(template.body, values) };
}

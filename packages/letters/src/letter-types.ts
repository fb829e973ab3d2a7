/**
 * Each letter type and the facts it must show (issue 5, PRODUCT.md §3 and §5,
 * french-law.md §5–6). A mention is satisfied by the data (creditor identity,
 * invoices…, which the fixed layout prints) or by the editable text (an express
 * demand naming the amount and the deadline, the consequences). Rendering refuses a
 * letter with a mention missing and lists them all.
 */
import type { LetterType } from './letter-input.js';

/** The editable paragraphs of a letter, in the order they appear around the fixed layout. */
export const TEMPLATE_FIELDS = ['subject', 'opening', 'demand', 'consequences', 'closing'] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];
export type LetterTemplate = Readonly<Record<TemplateField, string>>;

export const MENTIONS = [
  'creditor-identity',
  'creditor-siren',
  'creditor-contact',
  'debtor-identity',
  'invoice-references',
  'outstanding-amount',
  'penalties',
  'payment-deadline',
  'payment-methods',
  'express-demand',
  'consequences',
  'contact-person',
  'agency-identity',
  'amount-breakdown',
  'l111-8',
  'payment-details',
  'installments',
] as const;
export type Mention = (typeof MENTIONS)[number];

export const MENTION_LABELS: Readonly<Record<Mention, { readonly fr: string; readonly en: string }>> = {
  'creditor-identity': { fr: 'identité et adresse du créancier', en: 'creditor’s name and address' },
  'creditor-siren': { fr: 'SIREN du créancier', en: 'creditor’s SIREN' },
  'creditor-contact': { fr: 'coordonnées du créancier (e-mail ou téléphone)', en: 'creditor’s contact details (e-mail or phone)' },
  'debtor-identity': { fr: 'identité et adresse du débiteur', en: 'debtor’s name and address' },
  'invoice-references': {
    fr: 'numéro, date d’émission et échéance de chaque facture',
    en: 'number, issue date and due date of each invoice',
  },
  'outstanding-amount': {
    fr: 'montant restant dû (dans le texte : {{totalDue}} ou {{totalClaimed}})',
    en: 'amount outstanding (in the text: {{totalDue}} or {{totalClaimed}})',
  },
  penalties: {
    fr: 'pénalités et indemnités calculées à la date de la lettre, ou intérêts au taux légal pour un particulier (dans le texte : {{penaltiesNotice}} ou {{penalties}})',
    en: 'penalties and indemnities computed at the letter date, or legal interest for a consumer (in the text: {{penaltiesNotice}} or {{penalties}})',
  },
  'payment-deadline': {
    fr: 'délai de paiement (au moins 8 jours pour une mise en demeure ; dans le texte : {{deadlineDate}})',
    en: 'payment deadline (at least 8 days for a formal notice; in the text: {{deadlineDate}})',
  },
  'payment-methods': { fr: 'moyens de paiement (IBAN et BIC, ou lien de paiement)', en: 'payment methods (IBAN and BIC, or payment link)' },
  'express-demand': {
    fr: 'demande expresse de payer (paragraphe « demande » citant le montant et la date limite)',
    en: 'express demand to pay (the "demand" paragraph naming the amount and the deadline)',
  },
  consequences: {
    fr: 'conséquences du défaut de paiement (paragraphe « conséquences » : injonction de payer, autre action en justice)',
    en: 'consequences of non-payment (the "consequences" paragraph: order for payment, other legal action)',
  },
  'contact-person': { fr: 'interlocuteur (nom, et e-mail ou téléphone)', en: 'contact person (name, and e-mail or phone)' },
  'agency-identity': {
    fr: 'identité, adresse et SIREN de la société de recouvrement (CPCE R124-4 1°)',
    en: 'collection agency’s name, address and SIREN (CPCE R124-4 1°)',
  },
  'amount-breakdown': {
    fr: 'principal, intérêts et accessoires chacun séparément, calculés à la date de la lettre (CPCE R124-4 3°)',
    en: 'principal, interest and accessories each shown separately, computed at the letter date (CPCE R124-4 3°)',
  },
  'l111-8': {
    fr: 'reproduction des alinéas 2 et 3 de l’article L111-8 du CPCE (R124-4 5°)',
    en: 'paragraphs 2 and 3 of CPCE L111-8 reproduced (R124-4 5°)',
  },
  'payment-details': {
    fr: 'date et montant du paiement (dans le texte : {{paymentAmount}})',
    en: 'payment date and amount (in the text: {{paymentAmount}})',
  },
  installments: {
    fr: 'échéances du plan (dates et montants) couvrant au moins le principal dû',
    en: 'the plan’s instalments (dates and amounts) covering at least the principal due',
  },
};

const BASE: readonly Mention[] = ['creditor-identity', 'creditor-siren', 'creditor-contact', 'debtor-identity', 'invoice-references'];

export const LETTER_MENTIONS: Readonly<Record<LetterType, readonly Mention[]>> = {
  'courtesy-reminder': [...BASE, 'outstanding-amount', 'payment-methods', 'contact-person'],
  reminder: [...BASE, 'outstanding-amount', 'penalties', 'payment-deadline', 'payment-methods', 'contact-person'],
  'second-reminder': [...BASE, 'outstanding-amount', 'penalties', 'payment-deadline', 'payment-methods', 'contact-person'],
  'call-script': ['creditor-identity', 'debtor-identity', 'invoice-references', 'outstanding-amount', 'contact-person'],
  'formal-notice': [
    ...BASE,
    'outstanding-amount',
    'penalties',
    'payment-deadline',
    'payment-methods',
    'express-demand',
    'consequences',
    'contact-person',
  ],
  'payment-plan': [...BASE, 'outstanding-amount', 'installments', 'contact-person'],
  'payment-receipt': ['creditor-identity', 'creditor-siren', 'debtor-identity', 'invoice-references', 'payment-details', 'contact-person'],
  'agency-letter': [
    'agency-identity',
    'creditor-identity',
    'debtor-identity',
    'invoice-references',
    'outstanding-amount',
    'amount-breakdown',
    'payment-deadline',
    'payment-methods',
    'express-demand',
    'l111-8',
    'contact-person',
  ],
};

/** The least payment deadline each type may give, in days. A formal notice: 8, the custom (french-law.md §6). */
export const MIN_DEADLINE_DAYS: Readonly<Record<LetterType, number>> = {
  'courtesy-reminder': 0,
  reminder: 1,
  'second-reminder': 1,
  'call-script': 0,
  'formal-notice': 8,
  'payment-plan': 0,
  'payment-receipt': 0,
  'agency-letter': 8,
};

/**
 * Days a letter gives to pay when nobody chose: the customary 8 days of a professional's formal notice (and of an
 * agency's letter), 15 for a consumer's — a product choice, not the law (french-law.md §6) — and 10 otherwise.
 */
export function defaultDeadlineDays(type: LetterType, debtorKind: 'business' | 'consumer'): number {
  if (type === 'formal-notice' || type === 'agency-letter') return debtorKind === 'consumer' ? 15 : 8;
  return 10;
}

/** Whether the letter states amounts only the legal engine computes (penalties, the breakdown): then it needs the rates. */
export function statesComputedAmounts(type: LetterType): boolean {
  return LETTER_MENTIONS[type].some((m) => m === 'penalties' || m === 'amount-breakdown');
}

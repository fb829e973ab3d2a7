/**
 * The fixed words of the layout, in both languages, and the locked legal texts no
 * template can change: CPCE L111-8 paragraphs 2 and 3, which an agency's letter must
 * reproduce word for word (R124-4 5°) — in French whatever the letter's language,
 * since only the French text is the law — and the acknowledgment of debt of a
 * payment plan.
 */
import type { Lang } from './format.js';
import type { LetterType } from './letter-input.js';

export const L111_8_PARAGRAPHS_2_3 = [
  'Les frais de recouvrement entrepris sans titre exécutoire restent à la charge du créancier, sauf s’ils concernent un acte dont l’accomplissement est prescrit par la loi au créancier. Toute stipulation contraire est réputée non écrite, sauf disposition législative contraire.',
  'Cependant, le créancier qui justifie du caractère nécessaire des démarches entreprises pour recouvrer sa créance peut demander au juge de l’exécution de laisser tout ou partie des frais ainsi exposés à la charge du débiteur de mauvaise foi.',
] as const;

export interface Labels {
  readonly page: string;
  readonly placeDate: (city: string, date: string) => string;
  readonly headings: Partial<Record<LetterType, string>>;
  readonly reference: string;
  readonly subject: string;
  readonly contact: string;
  readonly firstLetter: string;
  readonly table: readonly string[];
  readonly total: string;
  readonly principal: string;
  readonly penalties: string;
  readonly legalInterest: string;
  readonly indemnities: string;
  readonly totalClaimed: string;
  readonly installmentsHead: readonly string[];
  readonly installmentsTotal: string;
  readonly payment: string;
  readonly transferTo: string;
  readonly quote: string;
  readonly payOnline: string;
  readonly qrCaption: string;
  readonly registered: string;
  readonly siren: string;
  readonly agencyNote: (agency: string, creditor: string) => string;
  readonly l111_8: string;
  readonly acknowledgmentTitle: string;
  readonly acknowledgment: (debtor: string, creditor: string, amount: string) => string;
  readonly signHere: string;
}

export const LABELS: Readonly<Record<Lang, Labels>> = {
  fr: {
    page: 'Page',
    placeDate: (city, date) => `${city}, le ${date}`,
    headings: {
      'formal-notice': 'MISE EN DEMEURE',
      'payment-receipt': 'QUITTANCE',
      'payment-plan': 'ÉCHÉANCIER ET RECONNAISSANCE DE DETTE',
    },
    reference: 'Référence',
    subject: 'Objet',
    contact: 'Affaire suivie par',
    firstLetter: 'Notre premier courrier',
    table: ['Facture', 'Émise le', 'Échéance', 'Montant TTC', 'Reste dû'],
    total: 'Total restant dû',
    principal: 'Principal restant dû',
    penalties: 'Pénalités de retard (C. com. L441-10)',
    legalInterest: 'Intérêts au taux légal (C. civ. 1231-6)',
    indemnities: 'Indemnités forfaitaires de recouvrement (C. com. D441-5)',
    totalClaimed: 'Total réclamé',
    installmentsHead: ['Échéance', 'Date', 'Montant'],
    installmentsTotal: 'Total de l’échéancier',
    payment: 'Modalités de paiement',
    transferTo: 'Virement à',
    quote: 'Référence à indiquer',
    payOnline: 'Payer en ligne',
    qrCaption: 'Scannez avec votre application bancaire',
    registered: 'Lettre recommandée électronique',
    siren: 'SIREN',
    agencyNote: (agency, creditor) =>
      `${agency} exerce une activité de recouvrement amiable de créances pour le compte d’autrui et vous écrit pour le compte de la société ${creditor}.`,
    l111_8: 'Article L111-8 du code des procédures civiles d’exécution, alinéas 2 et 3',
    acknowledgmentTitle: 'Reconnaissance de dette',
    acknowledgment: (debtor, creditor, amount) =>
      `Je soussigné(e), ${debtor}, reconnais devoir à ${creditor} la somme de ${amount} au titre des factures ci-dessus, et m’engage à la régler selon l’échéancier ci-dessus.`,
    signHere: 'Fait à …………………………, le ……………………\nSignature du débiteur, précédée de la mention « Bon pour accord » :',
  },
  en: {
    page: 'Page',
    placeDate: (city, date) => `${city}, ${date}`,
    headings: { 'formal-notice': 'FORMAL NOTICE', 'payment-receipt': 'RECEIPT', 'payment-plan': 'PAYMENT PLAN AND ACKNOWLEDGMENT OF DEBT' },
    reference: 'Reference',
    subject: 'Subject',
    contact: 'Handled by',
    firstLetter: 'Our first letter',
    table: ['Invoice', 'Issued', 'Due', 'Amount incl. tax', 'Outstanding'],
    total: 'Total outstanding',
    principal: 'Principal outstanding',
    penalties: 'Late-payment penalties (C. com. L441-10)',
    legalInterest: 'Interest at the legal rate (C. civ. 1231-6)',
    indemnities: 'Fixed recovery indemnities (C. com. D441-5)',
    totalClaimed: 'Total claimed',
    installmentsHead: ['Instalment', 'Date', 'Amount'],
    installmentsTotal: 'Plan total',
    payment: 'How to pay',
    transferTo: 'Transfer to',
    quote: 'Reference to quote',
    payOnline: 'Pay online',
    qrCaption: 'Scan with your banking app',
    registered: 'Electronic registered letter',
    siren: 'SIREN',
    agencyNote: (agency, creditor) =>
      `${agency} carries on amicable debt collection for others and writes to you on behalf of ${creditor}.`,
    l111_8:
      'Article L111-8 of the French Code of civil enforcement procedures, paragraphs 2 and 3 (reproduced in French, as the law requires)',
    acknowledgmentTitle: 'Acknowledgment of debt',
    acknowledgment: (debtor, creditor, amount) =>
      `I, the undersigned, ${debtor}, acknowledge owing ${creditor} the sum of ${amount} for the invoices above, and undertake to pay it according to the plan above.`,
    signHere: 'Signed at …………………………, on ……………………\nDebtor’s signature, preceded by the words "Agreed":',
  },
};

/**
 * The French default texts of each letter type. The layout around them (letterhead,
 * recipient block, invoice table, amounts, payment block with the QR code, the
 * locked legal blocks) is not editable; these paragraphs are, per tenant and
 * creditor. Blank lines separate paragraphs.
 */
import type { LetterTemplate } from './letter-types.js';
import type { LetterType } from './letter-input.js';

const CONTACT =
  'Votre interlocuteur, {{contactName}}, se tient à votre disposition{{#if contactPhone}} au {{contactPhone}}{{/if}}{{#if contactEmail}} ou à {{contactEmail}}{{/if}}.';
const GREETING = 'Nous vous prions d’agréer, Madame, Monsieur, l’expression de nos salutations distinguées.';

export const DEFAULT_TEMPLATES_FR: Readonly<Record<LetterType, LetterTemplate>> = {
  'courtesy-reminder': {
    subject: 'Rappel : prochaine échéance de vos factures',
    opening:
      'Madame, Monsieur,\n\nSauf erreur de notre part, les factures ci-dessous arrivent prochainement à échéance. Ce simple rappel vous permet d’anticiper leur règlement.',
    demand: 'Le montant à régler s’élève à {{totalDue}}, au plus tard à la date d’échéance indiquée pour chaque facture.',
    consequences: '',
    closing: `Si vous avez déjà procédé au règlement, nous vous remercions et vous prions de ne pas tenir compte de ce courrier.\n\n${CONTACT}\n\n${GREETING}`,
  },
  reminder: {
    subject: 'Relance : factures échues',
    opening:
      'Madame, Monsieur,\n\nSauf erreur ou omission de notre part, nous n’avons pas reçu le règlement des factures ci-dessous, arrivées à échéance.',
    demand: 'Nous vous remercions de bien vouloir régler la somme de {{totalDue}} avant le {{deadlineDate}}.',
    consequences: '{{#unless isConsumer}}{{penaltiesNotice}}{{/unless}}',
    closing: `Si votre règlement s’est croisé avec ce courrier, nous vous prions de ne pas en tenir compte.\n\n${CONTACT}\n\n${GREETING}`,
  },
  'second-reminder': {
    subject: 'Deuxième relance : factures impayées',
    opening: 'Madame, Monsieur,\n\nMalgré notre précédente relance, les factures ci-dessous restent impayées à ce jour.',
    demand: 'Nous vous demandons de régler la somme de {{totalDue}} au plus tard le {{deadlineDate}}.',
    consequences:
      '{{#unless isConsumer}}{{penaltiesNotice}}\n\n{{/unless}}Sans règlement de votre part à cette date, nous serons contraints de vous adresser une mise en demeure.',
    closing: `Si vous rencontrez des difficultés, contactez-nous : un échéancier peut être étudié.\n\n${CONTACT}\n\n${GREETING}`,
  },
  'call-script': {
    subject: 'Script d’appel — {{debtorName}}',
    opening:
      'Bonjour, je suis {{contactName}} de la société {{creditorName}}. Je vous appelle au sujet de {{invoiceCount}} facture(s) restée(s) impayée(s), la plus ancienne échue le {{oldestDueDate}}.',
    demand:
      'Le montant restant dû est de {{totalDue}}{{#unless isConsumer}} ; les pénalités de retard et indemnités s’élèvent à ce jour à {{penalties}} et {{indemnities}}{{/unless}}. Pouvez-vous me confirmer une date de règlement ?',
    consequences:
      'Si le débiteur conteste : noter le motif et les factures concernées. S’il demande un délai : proposer un échéancier et noter les dates et montants. S’il a déjà payé : noter la date et le moyen de paiement.',
    closing: 'Rappeler la référence de paiement {{reference}} à indiquer sur le virement. Remercier et conclure.',
  },
  'formal-notice': {
    subject: 'Mise en demeure de payer',
    opening: 'Madame, Monsieur,\n\nMalgré nos précédentes relances, les factures ci-dessous demeurent impayées à ce jour.',
    demand:
      'Par la présente, nous vous mettons en demeure de nous régler la somme de {{totalClaimed}} au plus tard le {{deadlineDate}}, soit dans un délai de {{deadlineDays}} jours à compter de la date de cette lettre.',
    consequences:
      '{{penaltiesNotice}}\n\nÀ défaut de paiement dans ce délai, nous saisirons la juridiction compétente, notamment par voie d’injonction de payer ou de référé-provision, afin d’obtenir le paiement des sommes dues, sans autre avis.',
    closing: `${CONTACT}\n\n${GREETING}`,
  },
  'payment-plan': {
    subject: 'Échéancier de paiement et reconnaissance de dette',
    opening:
      'Madame, Monsieur,\n\nPour faire suite à notre échange, nous vous confirmons notre accord pour le règlement échelonné de la somme de {{planTotal}}, due au titre des factures ci-dessous, en {{installmentCount}} échéance(s).',
    demand:
      'Vous vous engagez à régler chaque échéance à sa date. En cas de défaut de paiement d’une seule échéance, la totalité du solde restant dû deviendra immédiatement exigible.',
    consequences: '',
    closing: `Merci de nous retourner un exemplaire de cet accord daté et signé, précédé de la mention « Bon pour accord ».\n\n${CONTACT}\n\n${GREETING}`,
  },
  'payment-receipt': {
    subject: 'Quittance de paiement',
    opening:
      'Madame, Monsieur,\n\nNous accusons réception de votre paiement de {{paymentAmount}} reçu le {{paymentDate}}{{#if paymentMethod}} par {{paymentMethod}}{{/if}}, et vous en donnons quittance.',
    demand:
      '{{#if remainingDue}}Après ce paiement, il reste dû la somme de {{remainingDue}}.{{else}}Ce paiement solde les factures ci-dessous.{{/if}}',
    consequences: '',
    closing: `Nous vous remercions de votre règlement.\n\n${CONTACT}\n\n${GREETING}`,
  },
  'agency-letter': {
    subject: 'Recouvrement amiable de créance — {{creditorName}}',
    opening:
      'Madame, Monsieur,\n\nLa société {{creditorName}} nous a confié le recouvrement amiable de la créance détaillée ci-dessous.{{#if firstLetterReference}} Nous vous rappelons notre courrier du {{firstLetterDate}}, référence {{firstLetterReference}}.{{/if}}',
    demand:
      'Nous vous demandons de régler la somme de {{totalClaimed}} au plus tard le {{deadlineDate}}, par virement en indiquant la référence {{reference}}, ou par le lien de paiement ci-dessous.',
    consequences: '',
    closing: `${CONTACT}\n\n${GREETING}`,
  },
};

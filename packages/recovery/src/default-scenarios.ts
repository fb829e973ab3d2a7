/**
 * The three French scenarios every tenant starts with (issue 4): professional
 * debtors, consumers (gentler: no 40 € indemnity, legal-interest wording, longer
 * gaps) and key accounts (a call first). Formal notices wait for a manager's approval.
 */
import type { ScenarioStep } from './scenario.js';
import type { Templates } from './templates.js';

export interface ScenarioDefinition {
  readonly key: string;
  readonly name: string;
  readonly description: string;
  readonly isDefault: boolean;
  /** `letter`: the letter type a letter step prints (packages/letters); the formal notices take the default. */
  readonly steps: readonly (ScenarioStep & { readonly templates: Templates; readonly letter?: string })[];
}

const SIGNED = '\n\n{{signature}}';

const courtesy: Templates = {
  fr: {
    subject: 'Rappel : échéance prochaine de vos factures {{creditorName}}',
    body: `Bonjour,\n\nSauf erreur de notre part, les factures suivantes arrivent à échéance prochainement :\n\n{{invoiceList}}\n\nSi le règlement est déjà en cours, merci de ne pas tenir compte de ce message.${SIGNED}`,
  },
  en: {
    subject: 'Reminder: invoices from {{creditorName}} falling due soon',
    body: `Hello,\n\nThe following invoices fall due soon:\n\n{{invoiceList}}\n\nIf payment is already on its way, please disregard this message.${SIGNED}`,
  },
};

const firstReminder: Templates = {
  fr: {
    subject: 'Relance : factures échues {{creditorName}}',
    body: `Bonjour,\n\nSauf erreur ou omission de notre part, nous n’avons pas reçu le règlement des factures suivantes, échues depuis le {{oldestDueDate}} :\n\n{{invoiceList}}\n\nMontant restant dû : {{totalDue}}.\n\nNous vous remercions de procéder au règlement ou de nous indiquer toute difficulté.${SIGNED}`,
  },
  en: {
    subject: 'Reminder: overdue invoices from {{creditorName}}',
    body: `Hello,\n\nUnless we are mistaken, we have not received payment of the following invoices, due since {{oldestDueDate}}:\n\n{{invoiceList}}\n\nAmount outstanding: {{totalDue}}.\n\nPlease arrange payment or let us know of any difficulty.${SIGNED}`,
  },
};

const secondReminder: Templates = {
  fr: {
    subject: 'Deuxième relance : factures impayées {{creditorName}}',
    body: `Bonjour,\n\nMalgré notre précédent rappel, les factures suivantes restent impayées :\n\n{{invoiceList}}\n\nMontant restant dû : {{totalDue}}.\n\n{{penaltiesNotice}}\n\nNous restons disponibles pour convenir d’un échéancier si nécessaire.${SIGNED}`,
  },
  en: {
    subject: 'Second reminder: unpaid invoices from {{creditorName}}',
    body: `Hello,\n\nDespite our previous reminder, the following invoices remain unpaid:\n\n{{invoiceList}}\n\nAmount outstanding: {{totalDue}}.\n\n{{penaltiesNotice}}\n\nWe remain available to agree a payment plan if needed.${SIGNED}`,
  },
};

const formalNotice: Templates = {
  fr: {
    subject: 'Mise en demeure de payer',
    body: `Madame, Monsieur,\n\nMalgré nos relances, les factures suivantes demeurent impayées :\n\n{{invoiceList}}\n\nNous vous mettons en demeure de régler la somme de {{totalDue}} dans un délai de huit jours à compter de la réception de la présente.\n\n{{penaltiesNotice}}\n\nÀ défaut, nous pourrons engager une procédure de recouvrement judiciaire.${SIGNED}`,
  },
  en: {
    subject: 'Formal notice to pay',
    body: `Dear Sir or Madam,\n\nDespite our reminders, the following invoices remain unpaid:\n\n{{invoiceList}}\n\nWe hereby give you formal notice to pay {{totalDue}} within eight days of receipt of this letter.\n\n{{penaltiesNotice}}\n\nFailing that, we may bring court proceedings.${SIGNED}`,
  },
};

const call = (fr: string, en: string): Templates => ({ fr: { subject: fr, body: fr }, en: { subject: en, body: en } });

export const DEFAULT_SCENARIOS: readonly ScenarioDefinition[] = [
  {
    key: 'professionals',
    name: 'Professionnels',
    description: 'Débiteurs professionnels : pénalités de retard et indemnité forfaitaire de 40 € mentionnées dès la deuxième relance.',
    isDefault: true,
    steps: [
      { id: 'courtesy', offsetDays: -5, channel: 'email', templates: courtesy },
      { id: 'reminder-1', offsetDays: 3, channel: 'email', templates: firstReminder },
      { id: 'reminder-2', offsetDays: 15, channel: 'email', templates: secondReminder },
      {
        id: 'call',
        offsetDays: 22,
        channel: 'call',
        templates: call('Appeler le débiteur au sujet des factures échues', 'Call the debtor about the overdue invoices'),
      },
      { id: 'formal-notice', offsetDays: 35, channel: 'registered-letter', requiresApproval: true, templates: formalNotice },
      {
        id: 'litigation-review',
        offsetDays: 50,
        channel: 'task',
        templates: call('Examiner le dossier pour une procédure judiciaire', 'Review the case for court proceedings'),
      },
    ],
  },
  {
    key: 'consumers',
    name: 'Consommateurs',
    description:
      'Débiteurs particuliers : ton plus doux, délais plus longs, intérêts au taux légal après mise en demeure, jamais d’indemnité de 40 €.',
    isDefault: false,
    steps: [
      { id: 'courtesy', offsetDays: -3, channel: 'email', templates: courtesy },
      { id: 'reminder-1', offsetDays: 7, channel: 'email', templates: firstReminder },
      { id: 'reminder-2', offsetDays: 21, channel: 'letter', letter: 'second-reminder', templates: secondReminder },
      {
        id: 'call',
        offsetDays: 30,
        channel: 'call',
        templates: call('Appeler le débiteur, proposer un échéancier si besoin', 'Call the debtor, offer a payment plan if needed'),
      },
      { id: 'formal-notice', offsetDays: 45, channel: 'registered-letter', requiresApproval: true, templates: formalNotice },
      {
        id: 'review',
        offsetDays: 60,
        channel: 'task',
        templates: call('Examiner le dossier (petites créances, injonction de payer)', 'Review the case (small claims, order for payment)'),
      },
    ],
  },
  {
    key: 'key-accounts',
    name: 'Grands comptes',
    description: 'Clients stratégiques : un appel d’abord, puis un écrit.',
    isDefault: false,
    steps: [
      {
        id: 'call',
        offsetDays: 2,
        channel: 'call',
        templates: call('Appeler le contact comptable du client', 'Call the customer’s accounts contact'),
      },
      { id: 'reminder-1', offsetDays: 7, channel: 'email', templates: firstReminder },
      {
        id: 'call-2',
        offsetDays: 15,
        channel: 'call',
        templates: call('Deuxième appel, avec le responsable du compte', 'Second call, with the account manager'),
      },
      { id: 'formal-notice', offsetDays: 45, channel: 'registered-letter', requiresApproval: true, templates: formalNotice },
      {
        id: 'review',
        offsetDays: 60,
        channel: 'task',
        templates: call('Décider de la suite avec la direction', 'Decide the next steps with management'),
      },
    ],
  },
];

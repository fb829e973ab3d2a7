/** The English default texts of each letter type (see default-templates-fr.ts). */
import type { LetterType } from './letter-input.js';
import type { LetterTemplate } from './letter-types.js';

const CONTACT =
  'Your contact, {{contactName}}, is at your disposal{{#if contactPhone}} on {{contactPhone}}{{/if}}{{#if contactEmail}} or at {{contactEmail}}{{/if}}.';
const GREETING = 'Yours faithfully,';

export const DEFAULT_TEMPLATES_EN: Readonly<Record<LetterType, LetterTemplate>> = {
  'courtesy-reminder': {
    subject: 'Reminder: your invoices fall due soon',
    opening:
      'Dear Sir or Madam,\n\nUnless we are mistaken, the invoices below fall due shortly. This friendly reminder lets you plan their payment.',
    demand: 'The amount to pay is {{totalDue}}, at the latest on the due date shown for each invoice.',
    consequences: '',
    closing: `If you have already paid, thank you, and please disregard this letter.\n\n${CONTACT}\n\n${GREETING}`,
  },
  reminder: {
    subject: 'Reminder: overdue invoices',
    opening: 'Dear Sir or Madam,\n\nUnless we are mistaken, we have not received payment of the invoices below, which are now overdue.',
    demand: 'Please pay {{totalDue}} by {{deadlineDate}}.',
    consequences: '{{#unless isConsumer}}{{penaltiesNotice}}{{/unless}}',
    closing: `If your payment has crossed this letter, please disregard it.\n\n${CONTACT}\n\n${GREETING}`,
  },
  'second-reminder': {
    subject: 'Second reminder: unpaid invoices',
    opening: 'Dear Sir or Madam,\n\nDespite our previous reminder, the invoices below remain unpaid to date.',
    demand: 'We ask you to pay {{totalDue}} by {{deadlineDate}} at the latest.',
    consequences:
      '{{#unless isConsumer}}{{penaltiesNotice}}\n\n{{/unless}}Without payment by that date, we will have to send you a formal notice.',
    closing: `If you are facing difficulties, contact us: a payment plan can be considered.\n\n${CONTACT}\n\n${GREETING}`,
  },
  'call-script': {
    subject: 'Call script — {{debtorName}}',
    opening:
      'Hello, this is {{contactName}} from {{creditorName}}. I am calling about {{invoiceCount}} unpaid invoice(s), the oldest due on {{oldestDueDate}}.',
    demand:
      'The amount outstanding is {{totalDue}}{{#unless isConsumer}}; late-payment penalties and indemnities amount to {{penalties}} and {{indemnities}} to date{{/unless}}. Can you confirm a payment date?',
    consequences:
      'If the debtor disputes: note the reason and the invoices. If they ask for time: offer a payment plan and note dates and amounts. If they have paid already: note the date and the method.',
    closing: 'Give the payment reference {{reference}} to quote on the transfer. Thank them and close.',
  },
  'formal-notice': {
    subject: 'Formal notice to pay',
    opening: 'Dear Sir or Madam,\n\nDespite our previous reminders, the invoices below remain unpaid to date.',
    demand:
      'We hereby give you formal notice to pay us {{totalClaimed}} by {{deadlineDate}} at the latest, that is within {{deadlineDays}} days of the date of this letter.',
    consequences:
      '{{penaltiesNotice}}\n\nFailing payment within this period, we will bring the matter before the competent court, in particular by an order for payment (injonction de payer) or summary proceedings (référé-provision), without further notice.',
    closing: `${CONTACT}\n\n${GREETING}`,
  },
  'payment-plan': {
    subject: 'Payment plan and acknowledgment of debt',
    opening:
      'Dear Sir or Madam,\n\nFollowing our conversation, we confirm our agreement to payment of {{planTotal}}, due for the invoices below, in {{installmentCount}} instalment(s).',
    demand:
      'You undertake to pay each instalment on its date. If a single instalment is missed, the whole remaining balance becomes due immediately.',
    consequences: '',
    closing: `Please return a copy of this agreement, dated and signed, preceded by the words "Agreed".\n\n${CONTACT}\n\n${GREETING}`,
  },
  'payment-receipt': {
    subject: 'Payment receipt',
    opening:
      'Dear Sir or Madam,\n\nWe acknowledge receipt of your payment of {{paymentAmount}} received on {{paymentDate}}{{#if paymentMethod}} by {{paymentMethod}}{{/if}}, and give you receipt for it.',
    demand: '{{#if remainingDue}}After this payment, {{remainingDue}} remains due.{{else}}This payment settles the invoices below.{{/if}}',
    consequences: '',
    closing: `Thank you for your payment.\n\n${CONTACT}\n\n${GREETING}`,
  },
  'agency-letter': {
    subject: 'Amicable debt recovery — {{creditorName}}',
    opening:
      'Dear Sir or Madam,\n\n{{creditorName}} has instructed us to recover amicably the debt detailed below.{{#if firstLetterReference}} We refer to our letter of {{firstLetterDate}}, reference {{firstLetterReference}}.{{/if}}',
    demand:
      'We ask you to pay {{totalClaimed}} by {{deadlineDate}} at the latest, by transfer quoting the reference {{reference}}, or through the payment link below.',
    consequences: '',
    closing: `${CONTACT}\n\n${GREETING}`,
  },
};

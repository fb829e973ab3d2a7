/**
 * A complete fictitious case for each letter type: what the template editor checks
 * and previews a text against before any real case uses it. Every data mention is
 * satisfied, so what the check reports comes from the text.
 */
import { type ComposeResult, composeLetter } from './compose-letter.js';
import type { Lang } from './format.js';
import type { LetterInput, LetterType } from './letter-input.js';
import type { LetterTemplate } from './letter-types.js';

const ADDRESS = { line1: '12 rue des Tanneurs', postalCode: '69002', city: 'Lyon', country: 'FR' };

export function sampleLetterInput(type: LetterType, debtorKind: 'business' | 'consumer' = 'business'): LetterInput {
  const invoices = [
    { number: 'F-2025-0142', issueDate: '2025-05-15', dueDate: '2025-06-14', amountCents: 120_000, outstandingCents: 120_000 },
    { number: 'F-2025-0187', issueDate: '2025-06-20', dueDate: '2025-07-20', amountCents: 245_050, outstandingCents: 145_050 },
  ];
  return {
    type,
    date: type === 'courtesy-reminder' ? '2025-06-10' : '2025-10-01',
    deadlineDays: type === 'formal-notice' || type === 'agency-letter' ? 8 : 10,
    creditor: {
      name: 'Atelier Durand SARL',
      siren: '732829320',
      address: ADDRESS,
      email: 'compta@atelier-durand.fr',
      phone: '04 72 00 00 00',
      iban: 'FR7630006000011234567890189',
      bic: 'AGRIFRPP',
    },
    debtor:
      debtorKind === 'business'
        ? {
            kind: 'business',
            name: 'Boulangerie Martin SAS',
            siren: '552100554',
            address: { line1: '3 place de la République', postalCode: '75011', city: 'Paris', country: 'FR' },
          }
        : {
            kind: 'consumer',
            name: 'M. Julien Lefèvre',
            address: { line1: '8 allée des Tilleuls', postalCode: '33000', city: 'Bordeaux', country: 'FR' },
          },
    invoices: type === 'payment-receipt' ? [{ ...invoices[0], outstandingCents: 0 } as (typeof invoices)[number]] : invoices,
    contact: { name: 'Claire Dubois', email: 'claire.dubois@atelier-durand.fr', phone: '04 72 00 00 01' },
    agency:
      type === 'agency-letter'
        ? {
            name: 'Recouvrement Amiable du Rhône SAS',
            siren: '443061841',
            address: { line1: '45 cours Lafayette', postalCode: '69003', city: 'Lyon', country: 'FR' },
            email: 'contact@rar-recouvrement.fr',
            iban: 'FR1420041010050500013M02606',
            bic: 'PSSTFRPPLYO',
          }
        : undefined,
    paymentLink: 'https://amiable.example/pay/exemple',
    payment: type === 'payment-receipt' ? { date: '2025-09-28', amountCents: 120_000, method: 'virement' } : undefined,
    installments:
      type === 'payment-plan'
        ? [
            { dueDate: '2025-11-05', amountCents: 150_000 },
            { dueDate: '2025-12-05', amountCents: 115_050 },
          ]
        : undefined,
  };
}

/** Checks a text on the sample case of its type, for a professional and for a consumer debtor. */
export async function checkLetterTemplate(type: LetterType, lang: Lang, template: LetterTemplate): Promise<ComposeResult> {
  const business = await composeLetter(sampleLetterInput(type, 'business'), { lang, template });
  if (!business.ok) return business;
  return composeLetter(sampleLetterInput(type, 'consumer'), { lang, template });
}

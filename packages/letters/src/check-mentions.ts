/**
 * Checks that a letter shows every fact its type must show (letter-types.ts), on
 * the data and on the text as actually rendered for this debtor: a mention hidden
 * in an {{#if}} branch that this letter does not take is missing.
 */
import { isValidIban } from '@amiable/domain';
import type { LetterFacts } from './letter-facts.js';
import type { LetterInput } from './letter-input.js';
import { LETTER_MENTIONS, MIN_DEADLINE_DAYS, type Mention, type TemplateField } from './letter-types.js';

export interface MissingMention {
  readonly mention: Mention;
  /** What exactly is lacking: the input fields or template variables to provide. */
  readonly lacking: readonly string[];
}

export interface RenderedText {
  readonly fields: Readonly<Record<TemplateField, string>>;
  readonly printed: ReadonlySet<string>;
}

type Identity = { readonly name: string; readonly address: { readonly line1: string; readonly postalCode: string; readonly city: string } };

const identityGaps = (p: Identity | undefined, field: string): string[] =>
  p
    ? [
        ...(p.name.trim() ? [] : [`${field}.name`]),
        ...(p.address.line1.trim() ? [] : [`${field}.address.line1`]),
        ...(p.address.postalCode.trim() ? [] : [`${field}.address.postalCode`]),
        ...(p.address.city.trim() ? [] : [`${field}.address.city`]),
      ]
    : [field];

const reachable = (p: { readonly email?: string | null; readonly phone?: string | null }) => Boolean(p.email || p.phone);
const bankable = (p: { readonly iban?: string | null; readonly bic?: string | null }) => Boolean(p.iban && isValidIban(p.iban) && p.bic);

/** What a creditor's record lacks for its letters: the mentions that rest on it alone. */
export type CreditorGap = 'creditor-identity' | 'creditor-siren' | 'creditor-contact' | 'creditor-bank';

/**
 * The mentions every letter of this creditor would miss, read from its record before any letter is made (the
 * creditors page): identity (name and address), SIREN and a way to reach it, as the check below demands; and
 * IBAN with BIC, without which a letter carries no transfer details nor QR code, only the payment link.
 */
export function creditorGaps(c: {
  readonly legalName: string;
  readonly siren: string | null;
  readonly address: { readonly line1: string | null; readonly postalCode: string | null; readonly city: string | null };
  readonly email: string | null;
  readonly phone: string | null;
  readonly iban: string | null;
  readonly bic: string | null;
}): CreditorGap[] {
  const party = {
    name: c.legalName,
    address: { line1: c.address.line1 ?? '', postalCode: c.address.postalCode ?? '', city: c.address.city ?? '' },
  };
  return [
    ...(identityGaps(party, 'creditor').length > 0 ? (['creditor-identity'] as const) : []),
    ...(c.siren ? [] : (['creditor-siren'] as const)),
    ...(reachable(c) ? [] : (['creditor-contact'] as const)),
    ...(bankable(c) ? [] : (['creditor-bank'] as const)),
  ];
}

const printedAny = (text: RenderedText, names: readonly string[]): string[] =>
  names.some((n) => text.printed.has(n)) ? [] : [names.map((n) => `{{${n}}}`).join(' | ')];

function gaps(mention: Mention, input: LetterInput, facts: LetterFacts, text: RenderedText): string[] {
  switch (mention) {
    case 'creditor-identity':
      return identityGaps(input.creditor, 'creditor');
    case 'creditor-siren':
      return input.creditor.siren ? [] : ['creditor.siren'];
    case 'creditor-contact':
      return reachable(input.creditor) ? [] : ['creditor.email | creditor.phone'];
    case 'debtor-identity':
      return identityGaps(input.debtor, 'debtor');
    case 'invoice-references':
      return input.invoices.length > 0 ? [] : ['invoices'];
    case 'outstanding-amount':
      return [
        ...(facts.totalDueCents > 0 ? [] : ['invoices[].outstanding']),
        ...printedAny(text, input.type === 'payment-plan' ? ['totalDue', 'totalClaimed', 'planTotal'] : ['totalDue', 'totalClaimed']),
      ];
    case 'penalties': {
      // A consumer owes no penalties, only legal interest once given formal notice (C. civ. 1231-6): reminders say nothing of it.
      if (input.debtor.kind === 'consumer' && input.type !== 'formal-notice') return [];
      const rate = facts.claimProblem
        ? [`rates (${facts.claimProblem.code}${facts.claimProblem.halfYear ? ` ${facts.claimProblem.halfYear}` : ''})`]
        : [];
      return [...rate, ...printedAny(text, ['penaltiesNotice', 'penalties'])];
    }
    case 'payment-deadline':
      return [
        ...(input.deadlineDays >= Math.max(1, MIN_DEADLINE_DAYS[input.type])
          ? []
          : [`deadlineDays ≥ ${Math.max(1, MIN_DEADLINE_DAYS[input.type])}`]),
        ...printedAny(text, ['deadlineDate']),
      ];
    case 'payment-methods': {
      return bankable(input.creditor) || input.paymentLink ? [] : ['creditor.iban + creditor.bic | paymentLink'];
    }
    case 'express-demand':
      return text.fields.demand.trim() === ''
        ? ['demand']
        : ['totalDue', 'totalClaimed'].some((n) => text.printed.has(n)) && text.printed.has('deadlineDate')
          ? []
          : ['demand: {{totalClaimed}} | {{totalDue}} + {{deadlineDate}}'];
    case 'consequences':
      return text.fields.consequences.trim() === '' ? ['consequences'] : [];
    case 'contact-person':
      return input.contact.name.trim() && (input.contact.email || input.contact.phone) ? [] : ['contact.email | contact.phone'];
    case 'agency-identity':
      return input.agency ? [...identityGaps(input.agency, 'agency'), ...(input.agency.siren ? [] : ['agency.siren'])] : ['agency'];
    case 'amount-breakdown':
      return facts.claimProblem ? [`rates (${facts.claimProblem.code} ${facts.claimProblem.halfYear ?? ''})`.trim()] : [];
    case 'l111-8':
      // The layout reproduces the text itself, locked: nothing a template can remove.
      return [];
    case 'payment-details':
      return [...(input.payment ? [] : ['payment']), ...printedAny(text, ['paymentAmount'])];
    case 'installments': {
      const plan = input.installments ?? [];
      if (plan.length === 0) return ['installments'];
      const sum = plan.reduce((s, i) => s + i.amountCents, 0);
      return sum >= facts.totalDueCents ? [] : ['installments[].amount (sum below the principal due)'];
    }
  }
}

export function checkMentions(input: LetterInput, facts: LetterFacts, text: RenderedText): MissingMention[] {
  return LETTER_MENTIONS[input.type]
    .map((mention) => ({ mention, lacking: gaps(mention, input, facts, text) }))
    .filter((m) => m.lacking.length > 0);
}

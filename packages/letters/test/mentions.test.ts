import { describe, expect, it } from 'vitest';
import {
  LETTER_TYPES,
  checkLetterTemplate,
  composeLetter,
  creditorGaps,
  defaultDeadlineDays,
  defaultTemplate,
  readLetterInput,
  statesComputedAmounts,
} from '../src/index.js';
import { sample, sampleJson } from './samples.js';

const SAMPLE_OF: Record<(typeof LETTER_TYPES)[number], string> = {
  'courtesy-reminder': 'courtesy-reminder',
  reminder: 'reminder',
  'second-reminder': 'second-reminder',
  'call-script': 'call-script',
  'formal-notice': 'formal-notice',
  'payment-plan': 'payment-plan',
  'payment-receipt': 'payment-receipt',
  'agency-letter': 'agency-letter',
};

async function missing(input: ReturnType<typeof sample>, template?: Parameters<typeof composeLetter>[1]['template']) {
  const out = await composeLetter(input, { lang: 'fr', template });
  return out.ok ? [] : out.missing.map((m) => `${m.mention}: ${m.lacking.join(', ')}`);
}

describe('mandatory mentions', () => {
  it.each(LETTER_TYPES)('the default %s passes in French and English', async (type) => {
    for (const lang of ['fr', 'en'] as const) {
      const out = await composeLetter(sample(SAMPLE_OF[type]), { lang });
      expect(out.ok ? [] : out).toEqual([]);
    }
  });

  it('lists every missing fact of a formal notice at once', async () => {
    const input = sample('formal-notice', (j) => {
      const creditor = j.creditor as Record<string, unknown>;
      delete creditor.siren;
      delete creditor.iban;
      delete creditor.email;
      delete creditor.phone;
      delete j.paymentLink;
      j.deadlineDays = 5;
      j.contact = { name: 'Claire Dubois' };
    });
    expect(await missing(input)).toEqual([
      'creditor-siren: creditor.siren',
      'creditor-contact: creditor.email | creditor.phone',
      'payment-deadline: deadlineDays ≥ 8',
      'payment-methods: creditor.iban + creditor.bic | paymentLink',
      'contact-person: contact.email | contact.phone',
    ]);
  });

  it('refuses a text without the express demand, the deadline or the consequences', async () => {
    const base = defaultTemplate('formal-notice', 'fr');
    expect(await missing(sample('formal-notice'), { ...base, demand: 'Merci de régler au plus vite.', consequences: '' })).toEqual([
      'outstanding-amount: {{totalDue}} | {{totalClaimed}}',
      'penalties: {{penaltiesNotice}} | {{penalties}}',
      'payment-deadline: {{deadlineDate}}',
      'express-demand: demand: {{totalClaimed}} | {{totalDue}} + {{deadlineDate}}',
      'consequences: consequences',
    ]);
  });

  it('counts a mention only when this letter prints it, not when it hides in another branch', async () => {
    const base = defaultTemplate('formal-notice', 'fr');
    const template = { ...base, consequences: '{{#if isConsumer}}{{penaltiesNotice}}{{/if}} Nous saisirons le tribunal.' };
    expect(await missing(sample('formal-notice'), template)).toEqual(['penalties: {{penaltiesNotice}} | {{penalties}}']);
  });

  it('needs the rates of every half-year the penalties cover, and takes them from the file', async () => {
    const late = sample('formal-notice', (j) => {
      j.date = '2026-11-23';
    });
    expect(await missing(late)).toEqual(['penalties: rates (RATE_MISSING 2026-H2)']);
    const withRates = sample('formal-notice', (j) => {
      j.date = '2026-11-23';
      j.rates = [{ halfYear: '2026-H2', ecbMainRefinancingBp: 215, legalRateIndividualBp: 662, legalRateOtherBp: 288 }];
    });
    expect(await missing(withRates)).toEqual([]);
  });

  it('computes penalties and the 40 € per late invoice for a business, never the 40 € for a consumer', async () => {
    const business = await composeLetter(sample('formal-notice'), { lang: 'fr' });
    const consumer = await composeLetter(sample('formal-notice-consumer'), { lang: 'fr' });
    if (!business.ok || !consumer.ok) throw new Error('compose');
    expect(business.facts.indemnityCents).toBe(3 * 4_000);
    expect(business.facts.interestCents).toBeGreaterThan(0);
    expect(business.facts.totalClaimedCents).toBe(business.facts.totalDueCents + business.facts.interestCents + 12_000);
    expect(consumer.facts.indemnityCents).toBe(0);
    // The letter is the consumer's formal notice: legal interest starts from it, so none yet (C. civ. 1344-1).
    expect(consumer.facts.interestCents).toBe(0);
    expect(consumer.fields.consequences).toContain('intérêts au taux légal à compter de la présente mise en demeure');
  });

  it('requires the agency block of an agency letter, and its SIREN', async () => {
    const json = sampleJson('agency-letter');
    delete (json.agency as Record<string, unknown>).siren;
    const read = readLetterInput(json);
    if (!read.ok) throw new Error('read');
    expect(await missing(read.value)).toEqual(['agency-identity: agency.siren']);
    const without = sample('agency-letter', (j) => {
      delete j.agency;
    });
    expect(await missing(without)).toEqual(['agency-identity: agency']);
  });

  it('names each malformed field of a letter file', () => {
    const json = sampleJson('formal-notice');
    (json.creditor as Record<string, unknown>).siren = '123456789';
    (json.creditor as Record<string, unknown>).iban = 'FR76 0000';
    (json.invoices as Record<string, unknown>[])[1] = {
      number: 'F-2025-0142',
      issueDate: '2025-13-01',
      dueDate: '2025-06-01',
      amount: '12,5',
    };
    json.type = 'letter';
    const read = readLetterInput(json);
    expect(read.ok ? [] : read.issues.map((i) => `${i.field}:${i.code}`)).toEqual([
      'type:invalid_choice',
      'creditor.siren:invalid_siren',
      'creditor.iban:invalid_iban',
      'invoices[1].number:duplicate_value',
      'invoices[1].issueDate:invalid_iso_date',
      'invoices[1].amount:invalid_amount',
    ]);
  });
});

describe('the template editor’s check', () => {
  it('accepts every default text, and names what an edited one lacks for either kind of debtor', async () => {
    for (const type of LETTER_TYPES)
      for (const lang of ['fr', 'en'] as const) expect((await checkLetterTemplate(type, lang, defaultTemplate(type, lang))).ok).toBe(true);
    const edited = {
      ...defaultTemplate('formal-notice', 'fr'),
      consequences: '{{#unless isConsumer}}{{penaltiesNotice}}{{/unless}} Sinon, tribunal.',
    };
    const out = await checkLetterTemplate('formal-notice', 'fr', edited);
    expect(out.ok ? [] : out.missing.map((m) => m.mention)).toEqual(['penalties']);
  });
});

describe('defaults of the app’s letters', () => {
  it('gives 8 days to a professional’s formal notice, 15 to a consumer’s, 10 to a reminder', () => {
    expect(defaultDeadlineDays('formal-notice', 'business')).toBe(8);
    expect(defaultDeadlineDays('formal-notice', 'consumer')).toBe(15);
    expect(defaultDeadlineDays('agency-letter', 'business')).toBe(8);
    expect(defaultDeadlineDays('reminder', 'consumer')).toBe(10);
  });

  it('needs the rates only for the letters that state penalties or the breakdown of the amounts', () => {
    expect(LETTER_TYPES.filter(statesComputedAmounts)).toEqual(['reminder', 'second-reminder', 'formal-notice', 'agency-letter']);
  });
});

describe('what a creditor record lacks for its letters', () => {
  const complete = {
    legalName: 'Atelier Durand SARL',
    siren: '732829320',
    address: { line1: '12 rue de la République', postalCode: '69002', city: 'Lyon' },
    email: null,
    phone: '04 72 00 00 00',
    iban: 'FR7630006000011234567890189',
    bic: 'AGRIFRPP',
  };

  it('is nothing for a complete creditor', () => {
    expect(creditorGaps(complete)).toEqual([]);
  });

  it('names the address, the SIREN, a way to reach it and a valid IBAN with its BIC, as the letters require', () => {
    expect(
      creditorGaps({
        ...complete,
        siren: null,
        address: { line1: null, postalCode: '69002', city: 'Lyon' },
        phone: null,
        iban: 'FR7630006000011234567890188',
      }),
    ).toEqual(['creditor-identity', 'creditor-siren', 'creditor-contact', 'creditor-bank']);
    expect(creditorGaps({ ...complete, bic: null })).toEqual(['creditor-bank']);
  });
});

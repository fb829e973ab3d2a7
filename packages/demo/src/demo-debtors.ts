/**
 * The demo's customers (debtors) and, beside each, the hidden traits that
 * drive its ledger: size (how much it buys), payment behaviour (how late it
 * pays), which creditor it buys from and on what terms. Keeping behaviour per
 * debtor, not per invoice, is what makes the demo read like a real ledger: a
 * slow payer has several overdue invoices, a good one has none.
 *
 * Depends only on the seed (not on `today`), so the demo's customers keep
 * their names from one day to the next.
 */
import type { Cents } from '@amiable/domain';
import { BUSINESS_LINE2, type City, HOME_LINE2, OTHER_CITIES, REGIONAL_CITIES, STREET_NAMES, STREET_TYPES } from './cities.js';
import { SERVICES_CREDITOR_KEY, SUPPLIES_CREDITOR_KEY } from './demo-company.js';
import {
  businessName,
  ENGLISH_FIRST_NAMES,
  ENGLISH_LAST_NAMES,
  FEMALE_FIRST_NAMES,
  type Gender,
  LAST_NAMES,
  MALE_FIRST_NAMES,
  NOTES,
  type Sector,
} from './french-names.js';
import { EMAIL_DOMAINS, emailWord, fictionPhone, frenchVatNumberOf, sirenFromBody, siretOf, slugify } from './identifiers.js';
import { Prng } from './random.js';
import type { DemoAddress, DemoContact, DemoDebtor } from './types.js';

export type Size = 'consumer' | 'micro' | 'small' | 'medium' | 'large';
export type Behaviour = 'prompt' | 'late' | 'slow' | 'very-slow' | 'stopped';
export type PayingMethod = 'transfer' | 'cheque' | 'card';

export interface Relation {
  readonly creditorKey: string;
  readonly termDays: 30 | 45 | 60;
  /** Recurring maintenance contract with the services creditor; null for one-off sales. */
  readonly contract: { readonly period: 'monthly' | 'quarterly' | 'yearly'; readonly amountExclCents: Cents } | null;
  /** Contract invoices are collected by SEPA direct debit on their due date. */
  readonly directDebit: boolean;
}

export interface DebtorProfile {
  readonly debtor: DemoDebtor;
  readonly size: Size;
  readonly sector: Sector | null;
  readonly behaviour: Behaviour;
  /** For 'stopped' debtors: how many days before `today` they stopped paying. */
  readonly stoppedDaysAgo: number | null;
  /** Day of the month on which the debtor pays all its due supplier invoices at once; null if it pays invoice by invoice. */
  readonly paymentRunDay: number | null;
  readonly method: PayingMethod;
  readonly relations: readonly Relation[];
}

const SECTOR_WEIGHTS: readonly (readonly [Sector, number])[] = [
  ['restauration', 14],
  ['BTP', 18],
  ['industrie', 14],
  ['transport', 7],
  ['commerce', 16],
  ['immobilier', 6],
  ['services', 12],
  ['santé', 6],
  ['agriculture', 3],
  ['public', 4],
];

/** Sectors that are also tags in the debtor list filter. */
const SECTOR_TAGS: ReadonlySet<Sector> = new Set<Sector>([
  'restauration',
  'BTP',
  'industrie',
  'transport',
  'commerce',
  'immobilier',
  'santé',
  'public',
]);

function behaviourWeights(kind: 'business' | 'consumer', sector: Sector | null): readonly (readonly [Behaviour, number])[] {
  // Public buyers are legally bound to 30 days but are notoriously slow; consumers default more often.
  if (sector === 'public') {
    return [
      ['late', 40],
      ['slow', 40],
      ['very-slow', 20],
    ];
  }
  if (kind === 'consumer') {
    return [
      ['prompt', 44],
      ['late', 25],
      ['slow', 15],
      ['very-slow', 9],
      ['stopped', 8],
    ];
  }
  return [
    ['prompt', 37],
    ['late', 28],
    ['slow', 20],
    ['very-slow', 10],
    ['stopped', 7],
  ];
}

function legalFormFor(name: string, sector: Sector, size: Size, rng: Prng): string | null {
  if (sector === 'public') return null;
  if (name.startsWith('SCI ')) return 'SCI';
  if (name.startsWith('GAEC ')) return 'GAEC';
  if (name.startsWith('EARL ')) return 'EARL';
  if (size === 'large')
    return rng.weighted([
      ['SAS', 60],
      ['SA', 40],
    ] as const);
  return rng.weighted([
    ['SARL', 35],
    ['SAS', 28],
    ['SASU', 10],
    ['EURL', 10],
    ['SA', size === 'micro' ? 0 : 4],
    ['EI', size === 'micro' ? 20 : 0],
  ] as const);
}

function streetAddress(rng: Prng): string {
  const number = rng.skewedInt(1, 180);
  const suffix = rng.chance(0.06) ? rng.pick([' bis', ' ter']) : '';
  return `${number}${suffix} ${rng.weighted(STREET_TYPES)} ${rng.pick(STREET_NAMES)}`;
}

function address(
  rng: Prng,
  regionalShare: number,
  line2Choices: readonly string[],
  line2Share: number,
): { address: DemoAddress; city: City } {
  const city = rng.pick(rng.chance(regionalShare) ? REGIONAL_CITIES : OTHER_CITIES);
  return {
    city,
    address: {
      line1: streetAddress(rng),
      line2: rng.chance(line2Share) ? rng.pick(line2Choices) : null,
      postalCode: city.postalCode,
      city: city.name,
      country: 'FR',
    },
  };
}

function person(rng: Prng): { first: string; last: string; gender: Gender } {
  const gender: Gender = rng.chance(0.5) ? 'f' : 'm';
  return { first: rng.pick(gender === 'f' ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES), last: rng.pick(LAST_NAMES), gender };
}

const JOB_TITLES = {
  owner: { f: 'Gérante', m: 'Gérant' },
  accountant: { f: 'Comptable', m: 'Comptable' },
  payables: { f: 'Responsable comptabilité fournisseurs', m: 'Responsable comptabilité fournisseurs' },
  purchasing: { f: 'Responsable achats', m: 'Responsable achats' },
  finance: { f: 'Directrice administrative et financière', m: 'Directeur administratif et financier' },
  assistant: { f: 'Assistante de direction', m: 'Assistant de direction' },
  bursar: { f: 'Intendante', m: 'Intendant' },
  publicFinance: { f: 'Responsable du service financier', m: 'Responsable du service financier' },
} as const;
type JobRole = keyof typeof JOB_TITLES;

function contactRoles(size: Size, sector: Sector, rng: Prng): JobRole[] {
  if (sector === 'public') return rng.chance(0.5) ? ['bursar', 'publicFinance'] : ['publicFinance'];
  switch (size) {
    case 'micro':
      return rng.chance(0.7) ? ['owner'] : ['owner', 'accountant'];
    case 'small':
      return rng.pick([['owner'], ['owner', 'accountant'], ['accountant', 'owner', 'assistant']] as JobRole[][]);
    default:
      return rng.pick([
        ['accountant', 'purchasing'],
        ['payables', 'purchasing', 'finance'],
        ['accountant', 'finance', 'purchasing'],
      ] as JobRole[][]);
  }
}

function phoneFor(rng: Prng, city: City, mobileShare: number): string {
  return rng.chance(mobileShare) ? fictionPhone('06', rng.int(0, 9999)) : fictionPhone(city.zone, rng.int(0, 9999));
}

/** Homonyms exist, but in a demo two identical names in the debtor list look like a bug: the town tells them apart. */
function uniqueName(name: string, city: City, names: Set<string>): string {
  let unique = name;
  for (let n = 1; names.has(unique); n++) unique = n === 1 ? `${name} (${city.name})` : `${name} (${city.name} ${n})`;
  names.add(unique);
  return unique;
}

/** Unique per portfolio: SIRENs must not collide between debtors nor with the creditors. */
class SirenRegistry {
  private readonly used = new Set<string>();
  constructor(reserved: readonly string[]) {
    for (const siren of reserved) this.used.add(siren);
  }
  next(rng: Prng, publicBody: boolean): string {
    for (;;) {
      // INSEE numbers public bodies from 1xx/2xx; companies from 3xx upwards.
      const siren = sirenFromBody(publicBody ? rng.int(20_000_000, 29_999_999) : rng.int(30_000_000, 99_999_999));
      if (!this.used.has(siren) && siren !== '356000000') {
        this.used.add(siren);
        return siren;
      }
    }
  }
}

interface Draft {
  readonly kind: 'business' | 'consumer';
  readonly name: string;
  readonly size: Size;
  readonly sector: Sector | null;
  readonly behaviour: Behaviour;
  readonly siren: string | null;
  readonly siret: string | null;
  readonly vatNumber: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly address: DemoAddress;
  readonly preferredLocale: 'fr' | 'en';
  readonly tags: string[];
  readonly contacts: DemoContact[];
}

function businessDraft(rng: Prng, names: Set<string>, sirens: SirenRegistry): Draft {
  const sector = rng.weighted(SECTOR_WEIGHTS);
  const size: Size =
    sector === 'public'
      ? rng.weighted([
          ['small', 40],
          ['medium', 60],
        ] as const)
      : rng.weighted([
          ['micro', 35],
          ['small', 35],
          ['medium', 22],
          ['large', 8],
        ] as const);
  let name = '';
  for (let attempt = 0; attempt < 50 && (name === '' || names.has(name)); attempt++) {
    name = businessName(sector, rng);
  }
  const legalForm = legalFormFor(name, sector, size, rng);
  // Accounting tools often print the legal form after the name ("Garage des Alpes SARL").
  if (legalForm !== null && ['SARL', 'SAS', 'SASU', 'EURL', 'SA'].includes(legalForm) && !name.includes('&') && rng.chance(0.3)) {
    name = `${name} ${legalForm}`;
  }
  const { address: addr, city } = address(rng, 0.7, BUSINESS_LINE2, 0.2);
  name = uniqueName(name, city, names);

  const siren = sirens.next(rng, sector === 'public');
  const slug = slugify(name.replace(/ (SARL|SASU|SAS|EURL|SA)$/, ''));
  const domain = `${slug}.${rng.pick(EMAIL_DOMAINS)}`;
  const contacts = contactRoles(size, sector, rng).map((role, index): DemoContact => {
    const p = person(rng);
    const local = rng.chance(0.7) ? `${emailWord(p.first)}.${emailWord(p.last)}` : `${emailWord(p.first).charAt(0)}.${emailWord(p.last)}`;
    return {
      name: `${p.first} ${p.last}`,
      jobTitle: JOB_TITLES[role][p.gender],
      email: rng.chance(0.88) ? `${local}@${domain}` : null,
      phone: rng.chance(0.8) ? phoneFor(rng, city, role === 'owner' ? 0.6 : 0.1) : null,
      isPrimary: index === 0,
    };
  });
  const tags: string[] = [];
  if (SECTOR_TAGS.has(sector)) tags.push(sector);
  if (size === 'large') tags.push('grand compte');
  const exporter = (sector === 'industrie' || sector === 'agriculture') && rng.chance(0.3);
  if (exporter) tags.push('export');
  if (rng.chance(0.03)) tags.push('sensible');
  return {
    kind: 'business',
    name,
    size,
    sector,
    behaviour: rng.weighted(behaviourWeights('business', sector)),
    siren,
    siret: siretOf(siren, rng.skewedInt(1, 60)),
    vatNumber: sector === 'public' ? null : frenchVatNumberOf(siren),
    email: rng.chance(0.95) ? `${rng.pick(['contact', 'compta', 'comptabilite', 'factures', 'administration'])}@${domain}` : null,
    phone: rng.chance(0.97) ? phoneFor(rng, city, size === 'micro' ? 0.3 : 0) : null,
    address: addr,
    preferredLocale: exporter && rng.chance(0.3) ? 'en' : 'fr',
    tags,
    contacts,
  };
}

function consumerDraft(rng: Prng, names: Set<string>): Draft {
  // A few expatriate customers read their letters in English.
  const english = rng.chance(0.05);
  let first = '';
  let last = '';
  for (let attempt = 0; attempt < 50 && (first === '' || names.has(`${first} ${last}`)); attempt++) {
    if (english) {
      first = rng.pick(ENGLISH_FIRST_NAMES)[0];
      last = rng.pick(ENGLISH_LAST_NAMES);
    } else {
      const p = person(rng);
      first = p.first;
      last = p.last;
    }
  }
  // Home maintenance is a local trade: consumers live around Lyon.
  const { address: addr, city } = address(rng, 0.92, HOME_LINE2, 0.25);
  const name = uniqueName(`${first} ${last}`, city, names);
  const f = emailWord(first);
  const l = emailWord(last);
  const local = rng.pick([`${f}.${l}`, `${f.charAt(0)}.${l}`, `${l}.${f}${rng.int(1, 99)}`, `${f}${l}`]);
  return {
    kind: 'consumer',
    name,
    size: 'consumer',
    sector: null,
    behaviour: rng.weighted(behaviourWeights('consumer', null)),
    siren: null,
    siret: null,
    vatNumber: null,
    email: rng.chance(0.85) ? `${local}@${rng.pick(EMAIL_DOMAINS)}` : null,
    phone: rng.chance(0.95) ? phoneFor(rng, city, 0.85) : null,
    address: addr,
    preferredLocale: english ? 'en' : 'fr',
    tags: rng.chance(0.08) ? ['sensible'] : [],
    contacts: [],
  };
}

function notePool(draft: Draft): readonly string[] {
  const consumer = draft.kind === 'consumer';
  switch (draft.behaviour) {
    case 'prompt':
      return consumer ? NOTES.consumerPrompt : NOTES.prompt;
    case 'late':
      return consumer ? NOTES.consumerLate : NOTES.late;
    case 'stopped':
      return consumer ? NOTES.consumerStopped : NOTES.stopped;
    default:
      return consumer ? NOTES.consumerSlow : NOTES.slow;
  }
}

function notesFor(draft: Draft, paymentRunDay: number | null, rng: Prng): string[] {
  const notes: string[] = [];
  const share = { prompt: 0.1, late: 0.4, slow: 0.55, 'very-slow': 0.6, stopped: 0.9 }[draft.behaviour];
  if (rng.chance(share)) {
    notes.push(rng.pick(notePool(draft)));
  }
  if (paymentRunDay !== null && rng.chance(0.6)) notes.push(`Règlements groupés le ${paymentRunDay} du mois.`);
  if (draft.sector === 'public' && rng.chance(0.7)) notes.push(rng.pick(NOTES.public));
  if (draft.size === 'large' && rng.chance(0.5)) notes.push(rng.pick(NOTES.bigAccount));
  if (draft.tags.includes('sensible')) notes.push(rng.pick(NOTES.sensitive));
  return notes;
}

function contractFor(draft: Draft, rng: Prng): Relation['contract'] {
  if (draft.kind === 'consumer') {
    // Annual boiler servicing: a home-maintenance classic, 10 % VAT on dwellings.
    return rng.chance(0.4) ? { period: 'yearly', amountExclCents: rng.int(120, 260) * 100 } : null;
  }
  if (!rng.chance(0.45)) return null;
  const monthly = { micro: [49, 180], small: [90, 350], medium: [250, 1_200], large: [900, 3_800], consumer: [0, 0] }[draft.size];
  const [low = 0, high = 0] = monthly;
  const euros = rng.int(low, high);
  return rng.chance(0.6) ? { period: 'monthly', amountExclCents: euros * 100 } : { period: 'quarterly', amountExclCents: euros * 300 };
}

function relationsFor(draft: Draft, rng: Prng): Relation[] {
  const term = (): 30 | 45 | 60 => {
    if (draft.kind === 'consumer' || draft.sector === 'public') return 30;
    return rng.weighted([
      [30, 50],
      [45, 35],
      [60, 15],
    ] as const);
  };
  const mix =
    draft.kind === 'consumer'
      ? 'services'
      : rng.weighted([
          ['supplies', draft.sector === 'industrie' || draft.sector === 'BTP' ? 60 : 40],
          ['services', 35],
          ['both', 22],
        ] as const);
  const relations: Relation[] = [];
  if (mix !== 'services') relations.push({ creditorKey: SUPPLIES_CREDITOR_KEY, termDays: term(), contract: null, directDebit: false });
  if (mix !== 'supplies') {
    const contract = contractFor(draft, rng);
    const canDebit = contract !== null && (draft.behaviour === 'prompt' || draft.behaviour === 'late');
    relations.push({
      creditorKey: SERVICES_CREDITOR_KEY,
      termDays: contract ? 30 : term(),
      contract,
      directDebit: canDebit && rng.chance(0.5),
    });
  }
  return relations;
}

/** Customer account codes in each creditor's books, increasing in customer order with gaps, as a ledger grows. */
class AccountCodes {
  private supplies: number;
  private services: number;
  constructor(rng: Prng) {
    this.supplies = rng.int(100, 400);
    this.services = rng.int(20, 200);
  }
  next(creditorKey: string, rng: Prng): string {
    if (creditorKey === SUPPLIES_CREDITOR_KEY) {
      this.supplies += rng.int(1, 6);
      return `C${String(this.supplies).padStart(5, '0')}`;
    }
    this.services += rng.int(1, 4);
    return `DS${String(this.services).padStart(4, '0')}`;
  }
}

export function buildDebtorProfiles(seed: number, reservedSirens: readonly string[]): DebtorProfile[] {
  const rng = Prng.of('amiable-demo', seed, 'debtors');
  const count = rng.int(292, 308);
  const names = new Set<string>();
  const sirens = new SirenRegistry(reservedSirens);
  const codes = new AccountCodes(rng);
  const profiles: DebtorProfile[] = [];
  for (let i = 0; i < count; i++) {
    const draft = rng.chance(0.15) ? consumerDraft(rng, names) : businessDraft(rng, names, sirens);
    const paymentRunDay = draft.kind === 'business' && rng.chance(0.35) ? rng.pick([5, 10, 15, 25]) : null;
    const relations = relationsFor(draft, rng);
    const accountCodes: Record<string, string> = {};
    for (const relation of relations) accountCodes[relation.creditorKey] = codes.next(relation.creditorKey, rng);
    const method: PayingMethod =
      draft.kind === 'consumer'
        ? rng.weighted([
            ['card', 35],
            ['cheque', 25],
            ['transfer', 40],
          ] as const)
        : rng.weighted([
            ['transfer', 80],
            ['cheque', 18],
            ['card', 2],
          ] as const);
    const { size, sector, behaviour, ...rest } = draft;
    profiles.push({
      debtor: { key: `debtor-${String(i + 1).padStart(3, '0')}`, ...rest, notes: notesFor(draft, paymentRunDay, rng), accountCodes },
      size,
      sector,
      behaviour,
      stoppedDaysAgo: behaviour === 'stopped' ? rng.int(90, 400) : null,
      paymentRunDay,
      method,
      relations,
    });
  }
  return profiles;
}

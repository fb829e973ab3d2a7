/**
 * The sales ledger of the two creditors over the ~14 months before `today`:
 * recurring maintenance-contract invoices, one-off sales and interventions,
 * and a few credit notes. Numbers follow each creditor's own scheme and run
 * in date order, restarting every year, as French invoicing rules require
 * (a continuous chronological sequence per series).
 */
import type { Cents } from '@amiable/domain';
import { divFloor, inclTaxOf, VAT_INTERMEDIATE, VAT_REDUCED, VAT_STANDARD } from './amounts.js';
import { firstsOfMonths, frenchDate, workingDayOnOrAfter, workingDayOnOrBefore, ymdOf } from './calendar.js';
import { SUPPLIES_CREDITOR_KEY } from './demo-company.js';
import type { DebtorProfile, Relation, Size } from './demo-debtors.js';
import { FRENCH_MONTHS } from './french-names.js';
import type { Prng } from './random.js';

/** How far back the ledger goes: about 14 months. */
export const HISTORY_DAYS = 425;

export interface LedgerDocument {
  key: string;
  number: string;
  readonly kind: 'invoice' | 'credit-note';
  readonly profile: DebtorProfile;
  readonly relation: Relation;
  readonly issueDay: number;
  readonly dueDay: number;
  readonly exclCents: Cents;
  readonly inclCents: Cents;
  readonly vatBasisPoints: number;
  readonly description: string;
  readonly orderReference: string | null;
  /** Contract instalments collected by direct debit. */
  readonly directDebit: boolean;
  /** Creation order, the tie-break when two documents share an issue date. */
  readonly seq: number;
}

const SUPPLY_LINES: readonly string[] = [
  'Fourniture de visserie inox',
  'Boulonnerie acier classe 8.8',
  'Consommables de soudure',
  'Outillage à main et coffrets',
  'EPI – gants et lunettes de protection',
  'Joints toriques et raccords hydrauliques',
  'Abrasifs et disques à tronçonner',
  'Chaînes et élingues de levage',
  'Lubrifiants et graisses industriels',
  'Roulements et paliers',
  'Courroies de transmission',
  'Chevilles et fixations pour béton',
  'Quincaillerie de bâtiment',
  'Forets et fraises carbure',
];

const INTERVENTIONS: readonly string[] = [
  'Dépannage chaudière',
  'Remplacement pompe de relevage',
  'Entretien annuel VMC',
  'Vérification des extincteurs',
  'Dépannage climatisation',
  'Désembouage du circuit de chauffage',
  'Mise en conformité du tableau électrique',
  'Réparation porte sectionnelle',
  'Contrôle des installations gaz',
];

const HOME_WORKS_INTERMEDIATE: readonly string[] = ['Remplacement chauffe-eau', 'Remplacement de robinetterie', 'Réfection salle d’eau'];
const HOME_WORKS_REDUCED: readonly string[] = [
  'Rénovation énergétique – pose pompe à chaleur',
  'Rénovation énergétique – isolation des combles',
];

const CONTRACT_LABELS: readonly string[] = [
  'Maintenance préventive',
  'Contrat de maintenance multiservices',
  'Entretien des installations CVC',
];

const QUARTERS = ['1er trimestre', '2e trimestre', '3e trimestre', '4e trimestre'] as const;

/** Excluding-tax ranges in euros per customer size, one-off documents. */
const SUPPLY_RANGES: Readonly<Record<Size, readonly [number, number]>> = {
  consumer: [45, 600],
  micro: [45, 900],
  small: [120, 3_000],
  medium: [400, 12_000],
  large: [1_500, 40_000],
};
const SERVICE_RANGES: Readonly<Record<Size, readonly [number, number]>> = {
  consumer: [45, 2_200],
  micro: [90, 1_500],
  small: [120, 3_500],
  medium: [300, 9_000],
  large: [800, 18_000],
};
/** How often a customer of each size orders, relative to a consumer. */
const ORDER_WEIGHT: Readonly<Record<Size, number>> = { consumer: 1, micro: 2, small: 4, medium: 9, large: 22 };

interface Span {
  readonly relation: Relation;
  readonly profile: DebtorProfile;
  readonly from: number;
  readonly to: number;
}

interface Builder {
  readonly rng: Prng;
  readonly today: number;
  readonly documents: LedgerDocument[];
}

function push(b: Builder, doc: Omit<LedgerDocument, 'key' | 'number' | 'seq'>): LedgerDocument {
  const full: LedgerDocument = { ...doc, key: '', number: '', seq: b.documents.length };
  b.documents.push(full);
  return full;
}

function orderReference(profile: DebtorProfile, year: number, rng: Prng): string | null {
  if (profile.sector === 'public') return `EJ ${rng.int(1_300_000_000, 1_399_999_999)}`; // Chorus Pro commitment number
  const share = profile.size === 'large' || profile.size === 'medium' ? 0.8 : profile.size === 'consumer' ? 0 : 0.25;
  return rng.chance(share) ? `BC-${year}-${String(rng.int(1, 9_999)).padStart(4, '0')}` : null;
}

/** Active period of a customer relationship: most predate the window; some started later; stopped payers got cut off. */
function spanOf(profile: DebtorProfile, relation: Relation, b: Builder): Span {
  const windowStart = b.today - HISTORY_DAYS;
  const from = b.rng.chance(0.8) ? windowStart : b.rng.int(windowStart, b.today - 60);
  let to = b.today;
  if (profile.stoppedDaysAgo !== null) to = Math.min(b.today, b.today - profile.stoppedDaysAgo + b.rng.int(30, 90));
  return { relation, profile, from, to: Math.max(from, to) };
}

function contractDocuments(span: Span, b: Builder): number {
  const contract = span.relation.contract;
  if (contract === null) return 0;
  const { rng } = b;
  const label = rng.pick(CONTRACT_LABELS);
  const vat = contract.period === 'yearly' ? VAT_INTERMEDIATE : VAT_STANDARD;
  const anniversaryMonth = rng.int(1, 12);
  // Each contract bills on the day of the month it was signed: a single billing
  // day for all would pile due dates up on a few days of each month.
  const billingDay = rng.int(1, 28);
  let count = 0;
  for (const first of firstsOfMonths(span.from - 31, span.to)) {
    const { year, month } = ymdOf(first);
    let description: string;
    if (contract.period === 'monthly') description = `${label} – ${FRENCH_MONTHS[month - 1]} ${year}`;
    else if (contract.period === 'quarterly' && month % 3 === 1) description = `${label} – ${QUARTERS[(month - 1) / 3]} ${year}`;
    else if (contract.period === 'yearly' && month === anniversaryMonth) description = `Contrat d’entretien chaudière – ${year}`;
    else continue;
    const issueDay = workingDayOnOrAfter(first + billingDay - 1);
    if (issueDay < span.from || issueDay > span.to || issueDay > b.today) continue;
    push(b, {
      kind: 'invoice',
      profile: span.profile,
      relation: span.relation,
      issueDay,
      dueDay: issueDay + span.relation.termDays,
      exclCents: contract.amountExclCents,
      inclCents: inclTaxOf(contract.amountExclCents, vat),
      vatBasisPoints: vat,
      description,
      orderReference: null,
      directDebit: span.relation.directDebit,
    });
    count++;
  }
  return count;
}

function oneOffDocument(span: Span, b: Builder): void {
  const { rng } = b;
  const issueDay = Math.min(workingDayOnOrBefore(rng.int(span.from, span.to)), b.today);
  const supplies = span.relation.creditorKey === SUPPLIES_CREDITOR_KEY;
  const [low, high] = (supplies ? SUPPLY_RANGES : SERVICE_RANGES)[span.profile.size];
  let excl = rng.skewedInt(low * 100, high * 100);
  let vat = VAT_STANDARD;
  let description: string;
  if (supplies) {
    description = `${rng.pick(SUPPLY_LINES)} – BL n° ${String(rng.int(1, 99_999)).padStart(5, '0')}`;
  } else {
    excl -= excl % 100; // labour is quoted in whole euros
    let label = rng.pick(INTERVENTIONS);
    if (span.profile.size === 'consumer' || span.profile.sector === 'immobilier') {
      // Works in dwellings over two years old: 10 %, energy renovation: 5.5 % (CGI art. 279-0 bis, 278-0 bis A).
      const r = rng.next();
      if (r < 0.2) {
        vat = VAT_REDUCED;
        label = rng.pick(HOME_WORKS_REDUCED);
      } else if (r < 0.9) {
        vat = VAT_INTERMEDIATE;
        label = rng.next() < 0.5 ? rng.pick(HOME_WORKS_INTERMEDIATE) : label;
      }
    }
    description = `${label} – intervention du ${frenchDate(workingDayOnOrBefore(issueDay - rng.int(0, 6)))}`;
  }
  push(b, {
    kind: 'invoice',
    profile: span.profile,
    relation: span.relation,
    issueDay,
    dueDay: issueDay + span.relation.termDays,
    exclCents: excl,
    inclCents: inclTaxOf(excl, vat),
    vatBasisPoints: vat,
    description,
    orderReference: orderReference(span.profile, ymdOf(issueDay).year, rng),
    directDebit: false,
  });
}

/** Index of the first cumulative weight above `target` (binary search). */
function pickIndex(cumulative: readonly number[], target: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cumulative[mid] ?? 0) > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

const CREDIT_REASONS_SUPPLIES = ['retour marchandise', 'erreur de quantité livrée', 'remise commerciale'] as const;
const CREDIT_REASONS_SERVICES = ['geste commercial', 'intervention annulée', 'remise contractuelle'] as const;

/** A few credit notes on earlier invoices (returns, commercial gestures); the debtor keeps them as a credit. */
function creditNotes(invoices: readonly LedgerDocument[], b: Builder): void {
  const { rng } = b;
  const candidates = invoices.filter((d) => d.issueDay <= b.today - 5 && !d.directDebit);
  const count = Math.max(8, Math.round(invoices.length * 0.012));
  for (const original of rng.shuffle([...candidates]).slice(0, count)) {
    const supplies = original.relation.creditorKey === SUPPLIES_CREDITOR_KEY;
    const percent = supplies ? rng.int(10, 100) : rng.int(5, 30);
    const excl = Math.min(original.exclCents, Math.max(4_500, divFloor(original.exclCents * percent, 100)));
    const issueDay = Math.min(b.today, workingDayOnOrAfter(original.issueDay + rng.int(3, 40)));
    const reason = rng.pick(supplies ? CREDIT_REASONS_SUPPLIES : CREDIT_REASONS_SERVICES);
    push(b, {
      kind: 'credit-note',
      profile: original.profile,
      relation: original.relation,
      issueDay: workingDayOnOrBefore(issueDay),
      dueDay: workingDayOnOrBefore(issueDay),
      exclCents: excl,
      inclCents: inclTaxOf(excl, original.vatBasisPoints),
      vatBasisPoints: original.vatBasisPoints,
      description: `Avoir sur facture ${original.number} – ${reason}`,
      orderReference: original.orderReference,
      directDebit: false,
    });
  }
}

function formatNumber(creditorKey: string, kind: LedgerDocument['kind'], year: number, sequence: number): string {
  const yy = String(year % 100).padStart(2, '0');
  if (creditorKey === SUPPLIES_CREDITOR_KEY) {
    return `${kind === 'invoice' ? 'FA' : 'AV'}-${year}-${String(sequence).padStart(5, '0')}`;
  }
  return `${kind === 'invoice' ? 'F' : 'AV'}${yy}-${String(sequence).padStart(5, '0')}`;
}

/**
 * Numbers documents per creditor, kind and year in date order. The first year
 * of the window does not start at 1: the creditor invoiced before the window,
 * at about the same daily rate.
 */
function assignNumbers(documents: LedgerDocument[], today: number): void {
  documents.sort((a, b) => a.issueDay - b.issueDay || a.seq - b.seq);
  const windowStart = today - HISTORY_DAYS;
  const firstYear = ymdOf(windowStart).year;
  const dayOfYear = windowStart - Math.round(Date.UTC(firstYear, 0, 1) / 86_400_000);
  const perSeries = new Map<string, number>();
  for (const d of documents) {
    const series = `${d.relation.creditorKey}|${d.kind}`;
    perSeries.set(series, (perSeries.get(series) ?? 0) + 1);
  }
  const next = new Map<string, number>();
  for (const d of documents) {
    const year = ymdOf(d.issueDay).year;
    const series = `${d.relation.creditorKey}|${d.kind}`;
    const counter = `${series}|${year}`;
    let sequence = next.get(counter);
    if (sequence === undefined) {
      sequence = year === firstYear ? 1 + divFloor(dayOfYear * (perSeries.get(series) ?? 0), HISTORY_DAYS) : 1;
    }
    next.set(counter, sequence + 1);
    d.number = formatNumber(d.relation.creditorKey, d.kind, year, sequence);
    d.key = `${d.relation.creditorKey}/${d.number}`;
  }
}

/** Invoices (about 1,900–2,100) and credit notes, numbered and in date order. */
export function buildLedgerDocuments(profiles: readonly DebtorProfile[], today: number, rng: Prng): LedgerDocument[] {
  const b: Builder = { rng, today, documents: [] };
  const target = rng.int(1_940, 2_060);
  const oneOff: Span[] = [];
  for (const profile of profiles) {
    for (const relation of profile.relations) {
      const span = spanOf(profile, relation, b);
      const contractInvoices = contractDocuments(span, b);
      // Contract customers still call for the odd intervention; others only buy one-off. Every customer gets some document.
      if (contractInvoices === 0 || rng.chance(0.5)) oneOff.push(span);
    }
  }
  // Every one-off customer gets at least one document, the rest in proportion to size and time as a customer.
  for (const span of oneOff) oneOffDocument(span, b);
  const cumulative: number[] = [];
  let total = 0;
  for (const span of oneOff) {
    const weight = ORDER_WEIGHT[span.profile.size] * (span.to - span.from + 1) * (span.relation.contract ? 0.3 : 1);
    total += weight;
    cumulative.push(total);
  }
  while (b.documents.length < target) {
    const span = oneOff[pickIndex(cumulative, rng.next() * total)];
    if (span === undefined) break;
    oneOffDocument(span, b);
  }
  assignNumbers(b.documents, today);
  creditNotes([...b.documents], b);
  assignNumbers(b.documents, today);
  return b.documents;
}

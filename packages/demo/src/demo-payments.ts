/**
 * Simulates how the debtors paid: each pays after the due date according to
 * its behaviour, some in one monthly batch covering several invoices, some by
 * instalments; then a few down payments leave balances, a few rounded-up
 * transfers leave credits, and a few open invoices get disputed. What is not
 * paid by `today` is the open ledger, so the aging spread emerges from
 * behaviour rather than being painted on.
 */
import type { Cents } from '@amiable/domain';
import { divFloor } from './amounts.js';
import { nextDayOfMonth, workingDayOnOrAfter, workingDayOnOrBefore } from './calendar.js';
import { SUPPLIES_CREDITOR_KEY } from './demo-company.js';
import type { Behaviour, DebtorProfile } from './demo-debtors.js';
import type { LedgerDocument } from './demo-invoices.js';
import { bankLabel } from './identifiers.js';
import type { Prng } from './random.js';
import type { DemoPayment } from './types.js';

type Method = DemoPayment['method'];

export interface LedgerPayment {
  readonly creditorKey: string;
  readonly profile: DebtorProfile;
  amountCents: Cents;
  readonly receivedDay: number;
  readonly method: Method;
  readonly downPayment: boolean;
  readonly allocations: { readonly document: LedgerDocument; readonly amountCents: Cents }[];
  reference: string;
  readonly seq: number;
}

export interface Dispute {
  readonly openedDay: number;
  readonly reason: string;
}

export interface SimulatedPayments {
  readonly payments: LedgerPayment[];
  readonly disputes: Map<LedgerDocument, Dispute>;
}

/** Days between due date and payment, by behaviour (negative: paid early). */
const DELAYS: Readonly<Record<Behaviour, readonly [number, number]>> = {
  prompt: [-12, 4],
  late: [3, 35],
  slow: [25, 110],
  'very-slow': [60, 190],
  stopped: [5, 40],
};

const DISPUTE_REASONS_SUPPLIES: readonly string[] = [
  'Marchandise livrée endommagée',
  'Erreur de prix unitaire sur la ligne 2',
  'Quantité livrée inférieure à la commande',
  'Référence livrée non conforme au bon de commande',
  'Livraison non reçue selon le client',
];
const DISPUTE_REASONS_SERVICES: readonly string[] = [
  'Prestation contestée : intervention non réalisée',
  'Intervention facturée deux fois',
  'Tarif non conforme au contrat de maintenance',
  'Travaux non terminés selon le client',
  'Nombre d’heures facturées contesté',
];

class Ledger {
  readonly payments: LedgerPayment[] = [];
  readonly paid = new Map<LedgerDocument, Cents>();
  private readonly batches = new Map<string, LedgerPayment>();
  /** The last payment allocated to each document. */
  private readonly byDocument = new Map<LedgerDocument, LedgerPayment>();

  constructor(private readonly rng: Prng) {}

  outstanding(document: LedgerDocument): Cents {
    return document.inclCents - (this.paid.get(document) ?? 0);
  }

  methodFor(document: LedgerDocument): Method {
    if (document.directDebit) return 'direct-debit';
    const { profile } = document;
    // Consumers do not always use the same means; companies pay through their usual bank run.
    if (profile.size === 'consumer' && this.rng.chance(0.25)) return this.rng.pick(['card', 'cheque', 'transfer'] as const);
    return profile.method;
  }

  /** The payment that alone settled `document` in full, if any (cancelling it leaves no other invoice half-paid). */
  soleSettlement(document: LedgerDocument): LedgerPayment | null {
    if (this.outstanding(document) !== 0) return null;
    const payment = this.byDocument.get(document);
    return payment !== undefined && payment.allocations.length === 1 && payment.amountCents === document.inclCents ? payment : null;
  }

  cancel(payment: LedgerPayment): void {
    const index = this.payments.indexOf(payment);
    if (index >= 0) this.payments.splice(index, 1);
    for (const { document, amountCents } of payment.allocations) {
      this.paid.set(document, (this.paid.get(document) ?? 0) - amountCents);
      this.byDocument.delete(document);
    }
  }

  pay(document: LedgerDocument, amount: Cents, day: number, method: Method, options: { batch: boolean; downPayment: boolean }): void {
    const { profile } = document;
    const creditorKey = document.relation.creditorKey;
    const batchKey = `${profile.debtor.key}|${creditorKey}|${day}|${method}`;
    let payment = options.batch ? this.batches.get(batchKey) : undefined;
    if (payment === undefined) {
      payment = {
        creditorKey,
        profile,
        amountCents: 0,
        receivedDay: day,
        method,
        downPayment: options.downPayment,
        allocations: [],
        reference: '',
        seq: this.payments.length,
      };
      this.payments.push(payment);
      if (options.batch) this.batches.set(batchKey, payment);
    }
    payment.amountCents += amount;
    payment.allocations.push({ document, amountCents: amount });
    this.byDocument.set(document, payment);
    this.paid.set(document, (this.paid.get(document) ?? 0) + amount);
  }
}

/** When the debtor settles `document` in full, or null if it has not by `today`. */
function settlementDay(document: LedgerDocument, today: number, rng: Prng): number | null {
  const { profile } = document;
  if (document.directDebit && profile.behaviour !== 'stopped') {
    // A SEPA direct debit is collected on the due date itself.
    const day = workingDayOnOrAfter(document.dueDay);
    return day <= today ? day : null;
  }
  const [low, high] = DELAYS[profile.behaviour];
  let day = Math.max(document.issueDay + 1, document.dueDay + rng.int(low, high));
  if (profile.paymentRunDay !== null) day = nextDayOfMonth(day, profile.paymentRunDay);
  day = workingDayOnOrAfter(day);
  // An invoice now and then is simply forgotten (lost in the mail, never booked) until someone chases it.
  if (rng.chance(0.02)) return null;
  if (profile.stoppedDaysAgo !== null && day >= today - profile.stoppedDaysAgo) return null;
  return day <= today ? day : null;
}

function settle(ledger: Ledger, document: LedgerDocument, day: number, rng: Prng): void {
  const { profile } = document;
  const method = ledger.methodFor(document);
  const instalments =
    document.inclCents >= 150_000 && profile.behaviour !== 'prompt' && method !== 'direct-debit' && rng.chance(0.12) ? rng.int(2, 3) : 1;
  if (instalments === 1) {
    ledger.pay(document, document.inclCents, day, method, { batch: profile.paymentRunDay !== null, downPayment: false });
    return;
  }
  // A payment plan agreed on the phone: equal monthly parts in whole euros, the last one settles the rest.
  const part = divFloor(document.inclCents, instalments * 100) * 100;
  for (let k = 0; k < instalments; k++) {
    const last = k === instalments - 1;
    const partDay = Math.max(document.issueDay + 1, day - 30 * (instalments - 1 - k));
    const workingDay = workingDayOnOrBefore(partDay);
    const amount = last ? document.inclCents - part * (instalments - 1) : part;
    ledger.pay(document, amount, workingDay > document.issueDay ? workingDay : partDay, method, { batch: false, downPayment: false });
  }
}

/** Past-due ranges of the aging buckets, in days (the domain's `agingBucketOf` bounds). */
const PAST_DUE_BUCKETS: readonly (readonly [number, number])[] = [
  [1, 30],
  [31, 60],
  [61, 90],
  [91, 180],
  [181, Number.POSITIVE_INFINITY],
];
/** The smallest share of open invoices each past-due bucket should hold for the aging chart to read like a real one. */
const MIN_BUCKET_SHARE = 0.065;

/**
 * Behaviour alone leaves a thin bucket now and then (a few dozen invoices per
 * bucket, clustered by debtor). Where a bucket falls short, some invoices of
 * the slowest payers that were settled by a payment of their own are left
 * unpaid instead, so every seed shows every bucket.
 */
function ensureAgingSpread(ledger: Ledger, invoices: readonly LedgerDocument[], today: number, rng: Prng): void {
  const rank: Readonly<Record<Behaviour, number>> = { stopped: 0, 'very-slow': 1, slow: 2, late: 3, prompt: 4 };
  for (const [low, high] of PAST_DUE_BUCKETS) {
    const inBucket = (d: LedgerDocument) => today - d.dueDay >= low && today - d.dueDay <= high;
    const openCount = () => invoices.filter((d) => ledger.outstanding(d) > 0).length;
    let missing = Math.ceil(MIN_BUCKET_SHARE * openCount()) - invoices.filter((d) => inBucket(d) && ledger.outstanding(d) > 0).length;
    if (missing <= 0) continue;
    const candidates = rng
      .shuffle(invoices.filter((d) => inBucket(d) && !d.directDebit && ledger.soleSettlement(d) !== null))
      .sort((a, b) => rank[a.profile.behaviour] - rank[b.profile.behaviour]);
    for (const document of candidates) {
      if (missing <= 0) break;
      const payment = ledger.soleSettlement(document);
      if (payment === null) continue;
      ledger.cancel(payment);
      missing = Math.ceil(MIN_BUCKET_SHARE * openCount()) - invoices.filter((d) => inBucket(d) && ledger.outstanding(d) > 0).length;
    }
  }
}

/** Down payments on some overdue invoices: the balance stays open, which is what a recovery demo needs to show. */
function downPayments(ledger: Ledger, invoices: readonly LedgerDocument[], today: number, rng: Prng): void {
  const candidates = invoices.filter((d) => d.dueDay < today && !d.directDebit && ledger.outstanding(d) === d.inclCents);
  const count = Math.max(6, Math.round(candidates.length * 0.12));
  for (const document of rng.shuffle([...candidates]).slice(0, count)) {
    let amount = divFloor(document.inclCents * rng.int(20, 70), 100 * 1_000) * 1_000; // round tens of euros
    if (amount <= 0 || amount >= document.inclCents) amount = divFloor(document.inclCents, 2);
    if (amount <= 0) continue;
    const earliest = Math.max(document.issueDay + 1, document.dueDay - 10);
    let day = workingDayOnOrBefore(rng.int(earliest, today));
    if (day < earliest) day = earliest;
    ledger.pay(document, amount, day, ledger.methodFor(document), { batch: false, downPayment: true });
  }
}

/** A few transfers rounded up to the next hundred euros: the excess stays as the debtor's credit. */
function overpayments(ledger: Ledger, rng: Prng): void {
  const candidates = ledger.payments.filter((p) => p.method === 'transfer' || p.method === 'cheque');
  const count = Math.max(3, Math.round(ledger.payments.length * 0.012));
  for (const payment of rng.shuffle([...candidates]).slice(0, count)) {
    const remainder = payment.amountCents % 10_000;
    payment.amountCents += remainder === 0 ? 5_000 : 10_000 - remainder;
  }
}

function disputes(ledger: Ledger, invoices: readonly LedgerDocument[], today: number, rng: Prng): Map<LedgerDocument, Dispute> {
  const open = invoices.filter((d) => ledger.outstanding(d) > 0 && !d.directDebit);
  const overdue = rng.shuffle(open.filter((d) => d.dueDay < today));
  const notDue = rng.shuffle(open.filter((d) => d.dueDay >= today));
  // About 2.5 % of open invoices, mostly overdue ones: a dispute is often why an invoice is late.
  const count = Math.max(4, Math.round(open.length * 0.025));
  const fromNotDue = Math.min(notDue.length, Math.floor(count / 5));
  const chosen = [...overdue.slice(0, count - fromNotDue), ...notDue.slice(0, fromNotDue)];
  const result = new Map<LedgerDocument, Dispute>();
  for (const document of chosen) {
    const low = Math.min(today, document.issueDay + 2);
    const high = Math.max(low, Math.min(today, document.dueDay + 45));
    const reasons = document.relation.creditorKey === SUPPLIES_CREDITOR_KEY ? DISPUTE_REASONS_SUPPLIES : DISPUTE_REASONS_SERVICES;
    result.set(document, { openedDay: rng.int(low, high), reason: rng.pick(reasons) });
  }
  return result;
}

/** What the creditor's bank statement shows for the payment; transfers often quote the invoice numbers. */
function referenceOf(payment: LedgerPayment, rng: Prng): string {
  const numbers = payment.allocations.map((a) => a.document.number);
  const first = numbers[0] ?? '';
  const name = bankLabel(payment.profile.debtor.name);
  switch (payment.method) {
    case 'direct-debit':
      return `PRLV SEPA ${first} RUM ${payment.profile.debtor.accountCodes[payment.creditorKey] ?? ''}-01`;
    case 'cheque':
      return `CHQ ${rng.int(1_000_000, 9_999_999)}`;
    case 'card':
      return `CB PAIEMENT EN LIGNE ${first}`;
    case 'transfer': {
      if (payment.downPayment) return `VIR SEPA ${name} ACOMPTE ${first}`;
      if (rng.chance(0.2)) return `VIR SEPA ${name}`; // no remittance information: reconciliation has to guess
      const detail = numbers.length <= 3 ? numbers.join(' ') : `REGLEMENT ${numbers.length} FACTURES`;
      return `VIR SEPA ${name} ${detail}`.slice(0, 140); // SEPA remittance information is at most 140 characters
    }
  }
}

export function simulatePayments(documents: readonly LedgerDocument[], today: number, rng: Prng): SimulatedPayments {
  const ledger = new Ledger(rng);
  const invoices = documents.filter((d) => d.kind === 'invoice');
  for (const document of invoices) {
    const day = settlementDay(document, today, rng);
    if (day !== null) settle(ledger, document, day, rng);
  }
  ensureAgingSpread(ledger, invoices, today, rng);
  downPayments(ledger, invoices, today, rng);
  overpayments(ledger, rng);
  const disputed = disputes(ledger, invoices, today, rng);
  ledger.payments.sort(
    (a, b) =>
      a.receivedDay - b.receivedDay || (a.creditorKey < b.creditorKey ? -1 : a.creditorKey > b.creditorKey ? 1 : 0) || a.seq - b.seq,
  );
  for (const payment of ledger.payments) payment.reference = referenceOf(payment, rng);
  return { payments: ledger.payments, disputes: disputed };
}

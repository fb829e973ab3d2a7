/**
 * The demo portfolio a credit manager explores in the browser: a tenant, its
 * users, two creditors, ~300 customers, ~2,000 invoices over 14 months and the
 * payments received, as plain data that `amiable demo` loads through the
 * ledger. A pure function of (today, seed): same inputs, byte-identical JSON.
 */
import type { IsoDate } from '@amiable/domain';
import { assertIsoDate, assertSeed, fromDayNumber, toDayNumber } from './calendar.js';
import { DEMO_CREDITORS, DEMO_TENANT, DEMO_USERS } from './demo-company.js';
import { buildDebtorProfiles } from './demo-debtors.js';
import { buildLedgerDocuments } from './demo-invoices.js';
import { simulatePayments } from './demo-payments.js';
import { Prng } from './random.js';
import type { DemoInvoice, DemoPayment, DemoPortfolio } from './types.js';

export interface DemoPortfolioOptions {
  /** The demo's "today": every date is relative to it. */
  readonly today: IsoDate;
  readonly seed: number;
}

export function buildDemoPortfolio({ today, seed }: DemoPortfolioOptions): DemoPortfolio {
  assertIsoDate(today, 'today');
  assertSeed(seed);
  const todayDay = toDayNumber(today);
  const profiles = buildDebtorProfiles(
    seed,
    DEMO_CREDITORS.map((c) => c.siren),
  );
  // Separate streams for documents and payments: a change in one does not reshuffle the other.
  const documents = buildLedgerDocuments(profiles, todayDay, Prng.of('amiable-demo', seed, today, 'documents'));
  const { payments, disputes } = simulatePayments(documents, todayDay, Prng.of('amiable-demo', seed, today, 'payments'));

  const invoices = documents.map((d): DemoInvoice => {
    const dispute = disputes.get(d);
    return {
      key: d.key,
      creditorKey: d.relation.creditorKey,
      debtorKey: d.profile.debtor.key,
      kind: d.kind,
      number: d.number,
      issueDate: fromDayNumber(d.issueDay),
      dueDate: fromDayNumber(d.dueDay),
      currency: 'EUR',
      amountExclTaxCents: d.exclCents,
      amountInclTaxCents: d.inclCents,
      orderReference: d.orderReference,
      description: d.description,
      dispute: dispute ? { openedOn: fromDayNumber(dispute.openedDay), reason: dispute.reason } : null,
    };
  });
  const demoPayments = payments.map(
    (p): DemoPayment => ({
      creditorKey: p.creditorKey,
      debtorKey: p.profile.debtor.key,
      amountCents: p.amountCents,
      receivedOn: fromDayNumber(p.receivedDay),
      method: p.method,
      reference: p.reference,
      allocations: p.allocations.map((a) => ({ invoiceKey: a.document.key, amountCents: a.amountCents })),
    }),
  );
  return {
    tenant: DEMO_TENANT,
    users: DEMO_USERS,
    creditors: DEMO_CREDITORS,
    debtors: profiles.map((p) => p.debtor),
    invoices,
    payments: demoPayments,
  };
}

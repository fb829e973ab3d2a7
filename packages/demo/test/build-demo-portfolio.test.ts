import {
  agingBucketOf,
  type AgingBucket,
  isIsoDate,
  isValidBic,
  isValidEmail,
  isValidFrenchVatNumber,
  isValidIban,
  isValidPhone,
  isValidSiren,
  isValidSiret,
} from '@amiable/domain';
import { describe, expect, it } from 'vitest';
import { inclTaxOf, VAT_INTERMEDIATE, VAT_REDUCED, VAT_STANDARD } from '../src/amounts.js';
import { CITIES } from '../src/cities.js';
import { buildDemoPortfolio, DEMO_PASSWORD, type DemoInvoice, type DemoPortfolio } from '../src/index.js';

const TODAY = '2026-11-23';
const portfolio = buildDemoPortfolio({ today: TODAY, seed: 1 });

/** Several (today, seed) pairs: the invariants must hold for any of them, not just the demo's default. */
const VARIANTS: readonly (readonly [string, number])[] = [
  [TODAY, 1],
  ['2025-03-02', 7],
  ['2027-01-01', 123_456],
  ['2026-06-30', -3],
];
const portfolios: readonly (readonly [string, DemoPortfolio])[] = VARIANTS.map(
  ([today, seed]) => [today, today === TODAY && seed === 1 ? portfolio : buildDemoPortfolio({ today, seed })] as const,
);

function paidByInvoice(p: DemoPortfolio): Map<string, number> {
  const paid = new Map<string, number>();
  for (const payment of p.payments) {
    for (const a of payment.allocations) paid.set(a.invoiceKey, (paid.get(a.invoiceKey) ?? 0) + a.amountCents);
  }
  return paid;
}

function openInvoices(p: DemoPortfolio): DemoInvoice[] {
  const paid = paidByInvoice(p);
  return p.invoices.filter((i) => i.kind === 'invoice' && (paid.get(i.key) ?? 0) < i.amountInclTaxCents);
}

describe('buildDemoPortfolio', () => {
  it('is a pure function of (today, seed): same inputs, identical JSON; another seed or day, another portfolio', () => {
    const json = JSON.stringify(portfolio);
    expect(JSON.stringify(buildDemoPortfolio({ today: TODAY, seed: 1 }))).toBe(json);
    expect(JSON.stringify(buildDemoPortfolio({ today: TODAY, seed: 2 }))).not.toBe(json);
    expect(JSON.stringify(buildDemoPortfolio({ today: '2026-11-24', seed: 1 }))).not.toBe(json);
  });

  it('keeps the same customers from one day to the next (only the ledger moves with today)', () => {
    const tomorrow = buildDemoPortfolio({ today: '2026-11-24', seed: 1 });
    expect(tomorrow.debtors).toEqual(portfolio.debtors);
  });

  it('rejects a malformed today or seed', () => {
    expect(() => buildDemoPortfolio({ today: '2026-02-30', seed: 1 })).toThrow(RangeError);
    expect(() => buildDemoPortfolio({ today: '23/11/2026', seed: 1 })).toThrow(RangeError);
    expect(() => buildDemoPortfolio({ today: TODAY, seed: Number.NaN })).toThrow(RangeError);
  });

  it('has the demo tenant, its four users and a usable demo password', () => {
    expect(portfolio.tenant).toEqual({ name: 'Démo Amiable', kind: 'company' });
    expect(portfolio.users.map((u) => u.role)).toEqual(['owner', 'manager', 'agent', 'viewer']);
    expect(portfolio.users[0]).toEqual({ email: 'demo@amiable.test', displayName: 'Camille Martin', role: 'owner' });
    for (const user of portfolio.users) expect(user.email).toMatch(/^[a-z.]+@amiable\.test$/);
    expect(DEMO_PASSWORD.length).toBeGreaterThanOrEqual(12);
    expect(DEMO_PASSWORD).not.toMatch(/^(password|123456|azerty|qwerty)/i);
  });

  it('has two creditors with valid, consistent identifiers and legal mentions', () => {
    expect(portfolio.creditors.map((c) => c.legalName)).toEqual(['Ateliers Durand SAS', 'Durand Services SARL']);
    for (const c of portfolio.creditors) {
      expect(isValidSiren(c.siren)).toBe(true);
      expect(isValidSiret(c.siret)).toBe(true);
      expect(c.siret.startsWith(c.siren)).toBe(true);
      expect(isValidFrenchVatNumber(c.vatNumber)).toBe(true);
      expect(c.vatNumber.endsWith(c.siren)).toBe(true);
      expect(c.iban.startsWith('FR76')).toBe(true);
      expect(isValidIban(c.iban)).toBe(true);
      expect(isValidBic(c.bic)).toBe(true);
      expect(isValidEmail(c.email)).toBe(true);
      expect(isValidPhone(c.phone)).toBe(true);
      expect(c.letterLegalMentions).toContain(`au capital de`);
      expect(c.letterLegalMentions).toContain(`RCS Lyon ${c.siren.slice(0, 3)} ${c.siren.slice(3, 6)} ${c.siren.slice(6)}`);
      expect(c.letterLegalMentions).toContain(`TVA ${c.vatNumber}`);
    }
    expect(portfolio.creditors[0]?.letterLegalMentions).toMatch(/^SAS au capital de 150\u202f000\u00a0€ – RCS Lyon/);
  });

  it.each(portfolios)('has about 300 debtors and 2,000 invoices (%s)', (_today, p) => {
    expect(p.creditors).toHaveLength(2);
    expect(p.debtors.length).toBeGreaterThanOrEqual(280);
    expect(p.debtors.length).toBeLessThanOrEqual(320);
    expect(p.invoices.length).toBeGreaterThanOrEqual(1_800);
    expect(p.invoices.length).toBeLessThanOrEqual(2_200);
    const consumers = p.debtors.filter((d) => d.kind === 'consumer').length / p.debtors.length;
    expect(consumers).toBeGreaterThan(0.08);
    expect(consumers).toBeLessThan(0.22);
  });

  it.each(portfolios)('gives every debtor valid identifiers, contacts and a real French address (%s)', (_today, p) => {
    const cityCodes = new Set(CITIES.map((c) => `${c.postalCode} ${c.name}`));
    const sirens = new Set<string>();
    const creditorKeys = new Set(p.creditors.map((c) => c.key));
    for (const d of p.debtors) {
      expect(cityCodes.has(`${d.address.postalCode} ${d.address.city}`)).toBe(true);
      expect(d.address.line1).toMatch(/^\d+( bis| ter)? (rue|avenue|boulevard|impasse|chemin|place|allée|route|quai|cours) \S/);
      if (d.email !== null) {
        expect(isValidEmail(d.email)).toBe(true);
        expect(d.email).toMatch(/^[a-z0-9.-]+@([a-z0-9-]+\.)?example\.(com|net|org)$/);
      }
      if (d.phone !== null) expect(d.phone).toMatch(/^0[1-6] \d\d \d\d \d\d \d\d$/);
      expect(Object.keys(d.accountCodes).length).toBeGreaterThanOrEqual(1);
      for (const key of Object.keys(d.accountCodes)) expect(creditorKeys.has(key)).toBe(true);
      if (d.kind === 'business') {
        expect(d.siren).not.toBeNull();
        expect(isValidSiren(d.siren ?? '')).toBe(true);
        expect(isValidSiret(d.siret ?? '')).toBe(true);
        expect(d.siret?.startsWith(d.siren ?? '-')).toBe(true);
        if (d.vatNumber !== null) expect(d.vatNumber).toBe(`FR${d.vatNumber.slice(2, 4)}${d.siren}`);
        if (d.vatNumber !== null) expect(isValidFrenchVatNumber(d.vatNumber)).toBe(true);
        expect(sirens.has(d.siren ?? '')).toBe(false);
        sirens.add(d.siren ?? '');
        expect(d.contacts.length).toBeGreaterThanOrEqual(1);
        expect(d.contacts.length).toBeLessThanOrEqual(3);
        expect(d.contacts.filter((c) => c.isPrimary)).toHaveLength(1);
        for (const c of d.contacts) if (c.email !== null) expect(isValidEmail(c.email)).toBe(true);
      } else {
        expect([d.siren, d.siret, d.vatNumber]).toEqual([null, null, null]);
      }
    }
    expect(new Set(p.debtors.map((d) => d.name)).size).toBe(p.debtors.length);
    expect(new Set(p.debtors.map((d) => d.key)).size).toBe(p.debtors.length);
  });

  it('looks French: accented names, French tags and notes, a few English-speaking customers, some buying from both creditors', () => {
    const names = portfolio.debtors.map((d) => d.name).join(' ');
    expect(names).toMatch(/[éèêëàâîïôûùçÉ]/);
    const tags = new Set(portfolio.debtors.flatMap((d) => d.tags));
    for (const tag of ['grand compte', 'BTP', 'restauration', 'sensible', 'public']) expect(tags.has(tag)).toBe(true);
    expect(portfolio.debtors.some((d) => d.notes.length > 0)).toBe(true);
    const english = portfolio.debtors.filter((d) => d.preferredLocale === 'en').length;
    expect(english).toBeGreaterThan(0);
    expect(english).toBeLessThan(portfolio.debtors.length * 0.1);
    expect(portfolio.debtors.filter((d) => Object.keys(d.accountCodes).length === 2).length).toBeGreaterThan(20);
    for (const creditor of portfolio.creditors) {
      const codes = portfolio.debtors.map((d) => d.accountCodes[creditor.key]).filter((c) => c !== undefined);
      expect(new Set(codes).size).toBe(codes.length);
    }
  });

  it.each(portfolios)('writes invoices with unique numbers per creditor, consistent VAT and sensible dates (%s)', (today, p) => {
    const debtors = new Map(p.debtors.map((d) => [d.key, d]));
    const creditorKeys = new Set(p.creditors.map((c) => c.key));
    const numbers = new Set<string>();
    for (const i of p.invoices) {
      expect(creditorKeys.has(i.creditorKey)).toBe(true);
      const debtor = debtors.get(i.debtorKey);
      expect(debtor?.accountCodes[i.creditorKey]).toBeDefined();
      const perCreditor = `${i.creditorKey} ${i.number}`;
      expect(numbers.has(perCreditor)).toBe(false);
      numbers.add(perCreditor);
      expect(i.number).toMatch(i.kind === 'invoice' ? /^(FA-20\d\d-\d{5}|F\d\d-\d{5})$/ : /^(AV-20\d\d-\d{5}|AV\d\d-\d{5})$/);
      expect(isIsoDate(i.issueDate) && isIsoDate(i.dueDate)).toBe(true);
      expect(i.issueDate <= today).toBe(true);
      expect(i.dueDate >= i.issueDate).toBe(true);
      expect(i.currency).toBe('EUR');
      expect(Number.isSafeInteger(i.amountExclTaxCents) && Number.isSafeInteger(i.amountInclTaxCents)).toBe(true);
      expect(i.amountInclTaxCents).toBeGreaterThanOrEqual(4_500);
      expect(i.amountInclTaxCents).toBeLessThanOrEqual(4_800_000);
      expect([VAT_STANDARD, VAT_INTERMEDIATE, VAT_REDUCED].map((rate) => inclTaxOf(i.amountExclTaxCents, rate))).toContain(
        i.amountInclTaxCents,
      );
      expect(i.description.length).toBeGreaterThan(5);
      if (i.dispute !== null) {
        expect(i.dispute.openedOn >= i.issueDate && i.dispute.openedOn <= today).toBe(true);
        expect(i.kind).toBe('invoice');
      }
    }
    const terms = new Set(
      p.invoices.filter((i) => i.kind === 'invoice').map((i) => (Date.parse(i.dueDate) - Date.parse(i.issueDate)) / 86_400_000),
    );
    expect([...terms].sort()).toEqual([30, 45, 60]);
    const oldest = p.invoices[0]?.issueDate ?? today;
    expect((Date.parse(today) - Date.parse(oldest)) / 86_400_000).toBeGreaterThan(380);
    expect((Date.parse(today) - Date.parse(oldest)) / 86_400_000).toBeLessThanOrEqual(430);
    expect(p.invoices.some((i) => i.orderReference?.startsWith('BC-'))).toBe(true);
    const creditNotes = p.invoices.filter((i) => i.kind === 'credit-note');
    expect(creditNotes.length).toBeGreaterThan(0);
    expect(creditNotes.length).toBeLessThan(p.invoices.length * 0.03);
    const vat20 = p.invoices.filter((i) => i.amountInclTaxCents === inclTaxOf(i.amountExclTaxCents, VAT_STANDARD)).length;
    expect(vat20 / p.invoices.length).toBeGreaterThan(0.8);
  });

  it.each(portfolios)('keeps payments and allocations consistent with the ledger (%s)', (today, p) => {
    const invoices = new Map(p.invoices.map((i) => [i.key, i]));
    expect(invoices.size).toBe(p.invoices.length);
    const allocated = new Map<string, number>();
    for (const payment of p.payments) {
      expect(Number.isSafeInteger(payment.amountCents) && payment.amountCents > 0).toBe(true);
      expect(['transfer', 'direct-debit', 'card', 'cheque']).toContain(payment.method);
      expect(payment.reference.length).toBeGreaterThan(0);
      expect(payment.receivedOn <= today).toBe(true);
      let sum = 0;
      for (const a of payment.allocations) {
        const invoice = invoices.get(a.invoiceKey);
        expect(invoice).toBeDefined();
        if (invoice === undefined) continue;
        expect(invoice.kind).toBe('invoice');
        expect(invoice.creditorKey).toBe(payment.creditorKey);
        expect(invoice.debtorKey).toBe(payment.debtorKey);
        expect(payment.receivedOn >= invoice.issueDate).toBe(true);
        expect(Number.isSafeInteger(a.amountCents) && a.amountCents > 0).toBe(true);
        sum += a.amountCents;
        allocated.set(a.invoiceKey, (allocated.get(a.invoiceKey) ?? 0) + a.amountCents);
      }
      expect(sum).toBeLessThanOrEqual(payment.amountCents);
    }
    for (const [key, sum] of allocated) expect(sum).toBeLessThanOrEqual(invoices.get(key)?.amountInclTaxCents ?? 0);
  });

  it.each(portfolios)(
    'has a realistic history: mostly paid, grouped payments, partial payments, credits, every method (%s)',
    (_today, p) => {
      const paid = paidByInvoice(p);
      const invoices = p.invoices.filter((i) => i.kind === 'invoice');
      const fullyPaid = invoices.filter((i) => paid.get(i.key) === i.amountInclTaxCents).length;
      expect(fullyPaid / invoices.length).toBeGreaterThan(0.6);
      const partial = invoices.filter((i) => (paid.get(i.key) ?? 0) > 0 && (paid.get(i.key) ?? 0) < i.amountInclTaxCents).length;
      expect(partial).toBeGreaterThanOrEqual(5);
      const credits = p.payments.filter((x) => x.allocations.reduce((s, a) => s + a.amountCents, 0) < x.amountCents).length;
      expect(credits).toBeGreaterThanOrEqual(3);
      expect(p.payments.filter((x) => x.allocations.length > 1).length).toBeGreaterThan(10);
      expect(new Set(p.payments.map((x) => x.method))).toEqual(new Set(['transfer', 'direct-debit', 'card', 'cheque']));
      expect(p.payments.some((x) => x.reference.startsWith('VIR SEPA '))).toBe(true);
      // Sorted by date, as a bank statement reads.
      const dates = p.payments.map((x) => x.receivedOn);
      expect([...dates].sort()).toEqual(dates);
    },
  );

  it.each(portfolios)('spreads open invoices over every aging bucket with a believable shape (%s)', (today, p) => {
    const open = openInvoices(p);
    const counts: Record<AgingBucket, number> = {
      'not-due': 0,
      '1-30': 0,
      '31-60': 0,
      '61-90': 0,
      '91-180': 0,
      'over-180': 0,
      'no-due-date': 0,
    };
    for (const i of open) counts[agingBucketOf(i.dueDate, today)]++;
    expect(counts['not-due']).toBeGreaterThan(open.length * 0.2);
    for (const bucket of ['1-30', '31-60', '61-90', '91-180', 'over-180'] as const) {
      expect(counts[bucket], bucket).toBeGreaterThanOrEqual(open.length * 0.05);
    }
    // Decreasing with age for the month-wide buckets (one slow customer can make 61–90 outgrow 31–60 a little, as in real ledgers).
    expect(counts['not-due']).toBeGreaterThan(counts['1-30']);
    expect(counts['1-30']).toBeGreaterThanOrEqual(counts['31-60']);
    expect(counts['1-30']).toBeGreaterThan(counts['61-90']);
    expect(counts['31-60']).toBeGreaterThanOrEqual(counts['61-90'] * 0.6);
    expect(counts['no-due-date']).toBe(0);
  });

  it.each(portfolios)('puts French disputes on 2–3 % of open invoices (%s)', (_today, p) => {
    const open = openInvoices(p);
    const disputed = p.invoices.filter((i) => i.dispute !== null);
    for (const i of disputed) expect(open).toContain(i);
    expect(disputed.length).toBeGreaterThanOrEqual(Math.floor(open.length * 0.02));
    expect(disputed.length).toBeLessThanOrEqual(Math.ceil(open.length * 0.03));
    expect(disputed.every((i) => /^[A-ZÉ][^\n]+$/.test(i.dispute?.reason ?? ''))).toBe(true);
  });
});

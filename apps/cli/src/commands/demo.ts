/**
 * Loads the demo portfolio through the same use cases as real use (tenant,
 * users, creditors, debtors, invoices, payments, disputes), with a clock set
 * to each event's date so the activity log reads like a real history.
 */
import { createTenant } from '@amiable/auth';
import {
  assignCases,
  inTenant,
  ledgerStore,
  listAllTenants,
  listCases,
  postgresAuthStore,
  runPlanner,
  saveContactPolicy,
  setCreditorDefaultAgent,
} from '@amiable/db';
import { DEMO_PASSWORD, type DemoPortfolio, SERVICES_CREDITOR_KEY, buildDemoPortfolio } from '@amiable/demo';
import { type Clock, parisDateOf } from '@amiable/domain';
import {
  type Actor,
  addContact,
  addNote,
  createCreditor,
  createDebtor,
  createInvoice,
  openDispute,
  recordPayment,
  setHalfYearRates,
} from '@amiable/ledger';
import { SHIPPED_RATES, halfYearOf } from '@amiable/legal';
import { argon2PasswordHasher, systemClock, uuidV7Generator } from '@amiable/system';
import { parseFlags } from '../args.js';
import type { Io } from '../io.js';
import { type Runtime, openRuntime, readConfig } from '../runtime.js';

export const DEMO_HELP = {
  fr: `amiable demo

Charge le portefeuille de démonstration (un compte, deux créanciers, ~300 débiteurs, ~2 000 factures, des règlements
et des litiges) dans la base, s'il n'y est pas déjà. Connexion : demo@amiable.test / ${DEMO_PASSWORD}`,
  en: `amiable demo

Loads the demo portfolio (one tenant, two creditors, ~300 debtors, ~2,000 invoices, payments and disputes)
into the database, unless it is already there. Login: demo@amiable.test / ${DEMO_PASSWORD}`,
};

const DEMO_SEED = 20261123;

/** A clock the loader moves to each event (invoice issued, payment received…). */
class EventClock implements Clock {
  private current = new Date();
  now(): Date {
    return new Date(this.current);
  }
  at(date: string, hour = 9): void {
    const candidate = new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+01:00`);
    this.current = candidate.getTime() > Date.now() ? new Date() : candidate;
  }
}

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: { code: string; issues?: readonly unknown[] } }, what: string): T {
  if (!result.ok) throw new Error(`demo: ${what} refused (${result.error.code} ${JSON.stringify(result.error.issues ?? [])})`);
  return result.value;
}

export async function loadDemoPortfolio(
  runtime: Runtime,
  io: { log: (m: string) => void; fr: boolean },
): Promise<{ tenantId: string; loaded: boolean }> {
  const portfolio: DemoPortfolio = buildDemoPortfolio({ today: parisDateOf(systemClock.now()), seed: DEMO_SEED });
  const existing = (await listAllTenants(runtime.db.admin)).find((t) => t.name === portfolio.tenant.name);
  if (existing) {
    io.log(
      io.fr
        ? `Portefeuille de démonstration déjà chargé (compte « ${existing.name} »).`
        : `Demo portfolio already loaded (tenant "${existing.name}").`,
    );
    return { tenantId: existing.id, loaded: false };
  }
  io.log(io.fr ? 'Chargement du portefeuille de démonstration…' : 'Loading the demo portfolio…');
  const started = Date.now();
  const clock = new EventClock();
  const ids = uuidV7Generator(systemClock);
  const authStore = postgresAuthStore(runtime.db.app, runtime.db.admin);
  const [owner, ...others] = portfolio.users;
  if (!owner) throw new Error('demo: no owner');
  const { tenantId } = unwrap(
    await createTenant(
      {
        name: portfolio.tenant.name,
        kind: portfolio.tenant.kind,
        owner: { email: owner.email, displayName: owner.displayName, password: DEMO_PASSWORD },
      },
      { store: authStore, hasher: argon2PasswordHasher, clock: systemClock, ids },
    ),
    'tenant',
  );
  const hash = await argon2PasswordHasher.hash(DEMO_PASSWORD);
  const members = new Map<string, { id: string; name: string }>();
  for (const user of others) {
    const userId = await authStore.ensureUser({
      id: ids.newId(),
      email: user.email,
      displayName: user.displayName,
      locale: 'fr',
      now: systemClock.now(),
    });
    await authStore.setPassword(userId, hash, systemClock.now());
    await authStore.addMember(tenantId, userId, user.role, systemClock.now());
    members.set(user.role, { id: userId, name: user.displayName });
  }

  const actor: Actor = { kind: 'user', id: null, label: owner.displayName, channel: 'cli', ip: null };
  const ctx = { actor, clock, ids };
  const run = <T>(fn: (store: ReturnType<typeof ledgerStore>) => Promise<T>) =>
    inTenant(runtime.db.app, { tenantId }, (tx) => fn(ledgerStore(tx)));

  await addDemoRates(run, ctx);
  // The demo shows recovery at work: automatic recovery on (real accounts start with it off).
  await inTenant(runtime.db.app, { tenantId }, (tx) =>
    saveContactPolicy(
      tx,
      {
        maxContactsPerWeek: 2,
        minDaysBetweenContacts: 3,
        noContactOn: ['saturday', 'sunday', 'holiday'],
        windowStart: '09:00',
        windowEnd: '18:00',
        automatic: true,
      },
      systemClock.now(),
    ),
  );
  const creditorIds = new Map<string, string>();
  for (const c of portfolio.creditors) {
    const created = unwrap(await run((store) => createCreditor({ ...c, address: c.address }, ctx, store)), `creditor ${c.legalName}`);
    creditorIds.set(c.key, created.id);
  }

  const debtorIds = new Map<string, string>();
  const invoiceIds = new Map<string, string>();
  const invoicesByDebtor = new Map<string, typeof portfolio.invoices>();
  for (const invoice of portfolio.invoices)
    invoicesByDebtor.set(invoice.debtorKey, [...(invoicesByDebtor.get(invoice.debtorKey) ?? []), invoice]);
  const paymentsByDebtor = new Map<string, typeof portfolio.payments>();
  for (const payment of portfolio.payments)
    paymentsByDebtor.set(payment.debtorKey, [...(paymentsByDebtor.get(payment.debtorKey) ?? []), payment]);

  for (const d of portfolio.debtors) {
    const firstInvoice = (invoicesByDebtor.get(d.key) ?? []).reduce<string | null>(
      (min, i) => (min === null || i.issueDate < min ? i.issueDate : min),
      null,
    );
    if (firstInvoice) clock.at(firstInvoice, 8);
    // One transaction per debtor: its identity, people, invoices, payments and disputes, in the order they happened.
    await run(async (store) => {
      const debtor = unwrap(
        await createDebtor(
          {
            kind: d.kind,
            name: d.name,
            siren: d.siren,
            siret: d.siret,
            vatNumber: d.vatNumber,
            email: d.email,
            phone: d.phone,
            address: d.address,
            preferredLocale: d.preferredLocale,
            tags: [...d.tags],
          },
          ctx,
          store,
        ),
        `debtor ${d.name}`,
      );
      debtorIds.set(d.key, debtor.id);
      for (const contact of d.contacts) unwrap(await addContact(debtor.id, contact, ctx, store), `contact of ${d.name}`);
      type Event = { date: string; order: number; apply: () => Promise<void> };
      const events: Event[] = [];
      for (const i of invoicesByDebtor.get(d.key) ?? []) {
        events.push({
          date: i.issueDate,
          order: 0,
          apply: async () => {
            const created = unwrap(
              await createInvoice(
                {
                  creditorId: creditorIds.get(i.creditorKey) ?? '',
                  debtorId: debtor.id,
                  kind: i.kind,
                  number: i.number,
                  issueDate: i.issueDate,
                  dueDate: i.dueDate,
                  currency: i.currency,
                  amountExclTaxCents: i.amountExclTaxCents,
                  amountInclTaxCents: i.amountInclTaxCents,
                  orderReference: i.orderReference,
                  description: i.description,
                  source: 'demo',
                },
                ctx,
                store,
              ),
              `invoice ${i.number}`,
            );
            invoiceIds.set(i.key, created.id);
          },
        });
        if (i.dispute) {
          const dispute = i.dispute;
          events.push({
            date: dispute.openedOn,
            order: 2,
            apply: async () =>
              void unwrap(await openDispute(invoiceIds.get(i.key) ?? '', dispute.reason, ctx, store), `dispute ${i.number}`),
          });
        }
      }
      for (const p of paymentsByDebtor.get(d.key) ?? []) {
        events.push({
          date: p.receivedOn,
          order: 1,
          apply: async () =>
            void unwrap(
              await recordPayment(
                {
                  creditorId: creditorIds.get(p.creditorKey) ?? '',
                  debtorId: debtor.id,
                  amountCents: p.amountCents,
                  receivedOn: p.receivedOn,
                  method: p.method,
                  reference: p.reference,
                  allocations: p.allocations.map((a) => ({ invoiceId: invoiceIds.get(a.invoiceKey) ?? '', amountCents: a.amountCents })),
                  source: 'demo',
                },
                ctx,
                store,
              ),
              `payment ${p.reference}`,
            ),
        });
      }
      events.sort((a, b) => a.date.localeCompare(b.date) || a.order - b.order);
      for (const event of events) {
        clock.at(event.date, 9 + event.order);
        await event.apply();
      }
      for (const note of d.notes) unwrap(await addNote(debtor.id, note, ctx, store), `note of ${d.name}`);
    });
  }
  // Today's recovery planned at once, as the morning run would: the demo opens with cases, the day's e-mails
  // (sent by the worker within the sending window) and letters to print.
  const planned = await runPlanner(runtime.db.app, tenantId, parisDateOf(systemClock.now()), systemClock.now(), ids);
  await distributeDemoCases(runtime, tenantId, creditorIds.get(SERVICES_CREDITOR_KEY) ?? '', members, ids);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  io.log(
    io.fr
      ? `Démo chargée en ${seconds} s : ${portfolio.creditors.length} créanciers, ${portfolio.debtors.length} débiteurs, ${portfolio.invoices.length} factures, ${portfolio.payments.length} règlements ; ${planned.created} action(s) de relance planifiée(s) aujourd’hui.`
      : `Demo loaded in ${seconds} s: ${portfolio.creditors.length} creditors, ${portfolio.debtors.length} debtors, ${portfolio.invoices.length} invoices, ${portfolio.payments.length} payments; ${planned.created} recovery action(s) planned today.`,
  );
  return { tenantId, loaded: true };
}

/**
 * The manager shares the portfolio out, as on a Monday morning: the agent follows the services company's cases
 * (their e-mails answer to him, their letters name him) and will get its new ones, the manager keeps the five
 * largest of the others, and the rest stay with nobody — so « Mes dossiers » and « Non attribués » both show something.
 */
async function distributeDemoCases(
  runtime: Runtime,
  tenantId: string,
  servicesCreditorId: string,
  members: ReadonlyMap<string, { readonly id: string; readonly name: string }>,
  ids: ReturnType<typeof uuidV7Generator>,
): Promise<void> {
  const agent = members.get('agent');
  const manager = members.get('manager');
  if (!agent || !manager) return;
  await inTenant(runtime.db.app, { tenantId }, async (tx) => {
    // Largest outstanding first, as the case list shows them.
    const cases = (await listCases(tx, { limit: 100_000 })).filter((c) => c.state !== 'closed');
    const actor = { kind: 'user' as const, id: manager.id, label: manager.name, channel: 'cli' as const, ip: null };
    const now = systemClock.now();
    const toAgent = cases.filter((c) => c.creditor.id === servicesCreditorId).map((c) => c.id);
    const toManager = cases
      .filter((c) => c.creditor.id !== servicesCreditorId)
      .slice(0, 5)
      .map((c) => c.id);
    // And the services company's next cases go to him too.
    const followed = await setCreditorDefaultAgent(tx, { creditorId: servicesCreditorId, assigneeId: agent.id }, actor, now, ids);
    if (!followed.ok) throw new Error(`demo: default agent refused (${followed.code})`);
    for (const [caseIds, assigneeId] of [
      [toAgent, agent.id],
      [toManager, manager.id],
    ] as const) {
      if (caseIds.length === 0) continue;
      const assigned = await assignCases(tx, { caseIds, assigneeId }, actor, now, ids);
      if (!assigned.ok) throw new Error(`demo: assignment refused (${assigned.code})`);
    }
  });
}

export async function demoCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values } = parseFlags(argv, {}, io.fr);
  if (values.help) return io.help(DEMO_HELP);
  const runtime = await openRuntime(readConfig(), { log: io.log });
  try {
    await loadDemoPortfolio(runtime, io);
    io.log(io.fr ? `Connexion : demo@amiable.test / ${DEMO_PASSWORD}` : `Login: demo@amiable.test / ${DEMO_PASSWORD}`);
    return 0;
  } finally {
    await runtime.close();
  }
}

/**
 * The shipped rates table stops where official sources stopped (2026-H1, see
 * docs/legal.md), so every claim computed today would fail with RATE_MISSING. The
 * demo account gets the missing half-years up to today as its own rows, marked as
 * assumptions to replace — what an owner does in Settings › Legal rates. Real
 * accounts get no such row.
 */
async function addDemoRates(
  run: <T>(fn: (store: ReturnType<typeof ledgerStore>) => Promise<T>) => Promise<T>,
  ctx: Parameters<typeof setHalfYearRates>[1],
): Promise<void> {
  const last = SHIPPED_RATES[SHIPPED_RATES.length - 1];
  if (!last) return;
  const today = halfYearOf(parisDateOf(systemClock.now()));
  let halfYear = last.halfYear;
  while (halfYear < today) {
    halfYear = halfYear.endsWith('1') ? `${halfYear.slice(0, 4)}-H2` : `${Number(halfYear.slice(0, 4)) + 1}-H1`;
    const row = {
      halfYear,
      ecbMainRefinancingBp: last.ecbMainRefinancingBp,
      legalRateIndividualBp: last.legalRateIndividualBp,
      legalRateOtherBp: last.legalRateOtherBp,
      source: `Démonstration : valeurs de ${last.halfYear} reconduites, NON CONFIRMÉES — à remplacer par l’arrêté et le taux BCE officiels`,
    };
    unwrap(await run((store) => setHalfYearRates(row, ctx, store)), `rates ${halfYear}`);
  }
}

/**
 * The planner's storage side: the snapshot of a tenant's open cases on a day — a
 * million open invoices read in one pass — and the rules of contact. The writing
 * of the planned actions is in run-planner.ts.
 *
 * The two big reads (the cases with their debtors, then the open invoices with their
 * progress) stream through `COPY … TO STDOUT` and are parsed here from the bytes:
 * node-pg's per-field parsing of a million rows costs more than the query, and the
 * planner needs a few numbers per row, not an object with seven strings.
 */
import { type IdGenerator, type IsoDate, toDayNumber } from '@amiable/domain';
import {
  type CaseInvoiceSnapshot,
  type CaseSnapshot,
  type ContactLimits,
  DEFAULT_CONTACT_LIMITS,
  type NoContactDay,
  type PlanningSnapshot,
  type SegmentRule,
  scenarioFor,
} from '@amiable/recovery';
import { sql } from '../sql.js';
import type { Tx } from '../tenant-transaction.js';
import { CaseIndex, type OpenCase } from './case-index.js';
import { copyRows } from './copy-reader.js';
import { ensureDefaultScenarios, listScenarios, stepsOf } from './scenarios.js';

/** Numbers of invoices, for showing planned actions (the planner itself works on ids). */
export async function invoiceNumbers(tx: Tx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.query<{ id: string; number: string }>(
    sql`SELECT id, number FROM amiable.invoice WHERE id = ANY(${[...new Set(ids)]}::uuid[])`,
  );
  return new Map(rows.map((r) => [r.id, r.number]));
}

export const RECOVERY_DISPATCH_TASK = 'recovery-dispatch';

/** Channels a worker executes by itself (letters: produced and archived for printing or registered sending); calls and tasks are work for people. */
export const AUTOMATIC_CHANNELS = new Set(['email', 'sms', 'letter', 'registered-letter']);

/** Days of past contacts that matter to the rules of contact (7-day window, minimum gap). */
const CONTACT_HISTORY_DAYS = 366;

/** States in which a case gets automatic actions (not under a payment plan, in dispute or in litigation). */
const PLANNING_STATES = ['open', 'in-progress', 'promise-to-pay', 'formal-notice-sent'];

export async function contactLimitsOf(tx: Tx): Promise<ContactLimits & { windowStart: string; windowEnd: string; automatic: boolean }> {
  const row = await tx.maybeOne<{ max: number; min: number; days: NoContactDay[]; ws: string; we: string; automatic: boolean }>(sql`
    SELECT max_contacts_per_week AS max, min_days_between_contacts AS min, no_contact_on AS days,
           to_char(window_start, 'HH24:MI') AS ws, to_char(window_end, 'HH24:MI') AS we, automatic
    FROM amiable.contact_policy`);
  return row
    ? {
        maxContactsPerWeek: row.max,
        minDaysBetweenContacts: row.min,
        noContactOn: row.days,
        windowStart: row.ws,
        windowEnd: row.we,
        automatic: row.automatic,
      }
    : { ...DEFAULT_CONTACT_LIMITS, windowStart: '09:00', windowEnd: '18:00', automatic: false };
}

/** A case the snapshot gives to a (debtor, creditor) with open invoices and none open: the planner inserts it. */
export interface NewCase {
  readonly id: string;
  readonly debtorId: string;
  readonly creditorId: string;
}

export interface PlannerSnapshot extends PlanningSnapshot {
  /** Cases to open, with their id already in `cases`: opened with their first action, in its state (run-planner.ts). */
  readonly newCases: readonly NewCase[];
}

/** The open invoices as read: per row the invoice, its case (position), and the scenario of its step (-1: none). */
interface InvoiceRows {
  readonly invoices: (CaseInvoiceSnapshot & { stepIndex: number })[];
  readonly caseOf: number[];
  readonly stepScenario: number[];
}

/**
 * Everything the planner needs to decide `date`'s actions; installs the default
 * scenarios first. A (debtor, creditor) with open invoices and no open case gets
 * one in the snapshot (`newCases`), which the planner inserts with its first action.
 */
export async function loadPlanningSnapshot(
  tx: Tx,
  date: IsoDate,
  now: Date,
  ids: IdGenerator,
  phase: (name: string) => void = () => undefined,
): Promise<PlannerSnapshot> {
  await ensureDefaultScenarios(tx, now, ids);
  const scenarios = await listScenarios(tx);
  const scenarioIds = scenarios.map((s) => s.id);
  const defaultScenario = scenarios.find((s) => s.isDefault)?.id ?? null;
  const segmentRules = await segmentRulesOf(tx);

  // The cases that are not closed, with their debtors, by debtor then case: the order decisions are taken in.
  const cases: OpenCase[] = [];
  const tagged: string[] = [];
  let creditorId = '';
  await copyRows(
    tx,
    `SELECT rc.id, rc.debtor_id, rc.creditor_id, rc.state, d.kind, d.scenario_id, cardinality(d.tags) > 0
     FROM amiable.recovery_case rc JOIN amiable.debtor d ON d.tenant_id = rc.tenant_id AND d.id = rc.debtor_id
     WHERE rc.state <> 'closed' ORDER BY rc.debtor_id, rc.id`,
    (line) => {
      const id = line.next() as string;
      const debtorId = line.next() as string;
      // A tenant has few creditors: one string for each, not one per case.
      if (line.is(creditorId)) line.skip();
      else creditorId = line.next() as string;
      const planned = line.positionIn(PLANNING_STATES) >= 0;
      line.skip();
      const kind = line.is('consumer') ? 'consumer' : 'business';
      line.skip();
      const override = line.next();
      if (line.is('t')) tagged.push(debtorId);
      cases.push({ id, debtorId, creditorId, planned, kind, override });
    },
  );
  phase('cases');

  const rows: InvoiceRows = { invoices: [], caseOf: [], stepScenario: [] };
  const newCases: OpenCase[] = [];
  const index = new CaseIndex(cases);
  await copyRows(
    tx,
    `SELECT i.id, i.outstanding_cents, i.due_date - DATE '1970-01-01', p.step_index, p.scenario_id, i.debtor_id, i.creditor_id
     FROM amiable.invoice i LEFT JOIN amiable.invoice_progress p ON p.tenant_id = i.tenant_id AND p.invoice_id = i.id
     WHERE i.kind = 'invoice' AND i.outstanding_cents > 0 AND i.due_date IS NOT NULL`,
    (line) => {
      const id = line.next() as string;
      rows.invoices.push({ id, outstandingCents: line.int() as number, dueDay: line.int() as number, stepIndex: line.int() ?? -1 });
      rows.stepScenario.push(line.positionIn(scenarioIds));
      line.skip();
      let k = index.find(line);
      if (k === -1) {
        // Kind and scenario of its debtor are read below.
        const c: OpenCase = {
          debtorId: line.next() as string,
          creditorId: line.next() as string,
          id: ids.newId(),
          planned: true,
          kind: 'business',
          override: null,
        };
        k = cases.push(c) - 1;
        newCases.push(c);
        index.add(c);
      }
      rows.caseOf.push(k);
    },
  );
  const debtors = await debtorsOf(tx, [...new Set([...tagged, ...newCases.map((c) => c.debtorId)])]);
  for (const c of newCases) {
    c.kind = debtors.get(c.debtorId)?.kind ?? c.kind;
    c.override = debtors.get(c.debtorId)?.override ?? null;
  }
  const disputed = new Set(
    (await tx.query<{ id: string }>(sql`SELECT invoice_id AS id FROM amiable.dispute WHERE resolved_at IS NULL`)).map((r) => r.id),
  );
  phase('invoices');

  const lateness = new Map(
    (
      await tx.query<{ debtor_id: string; avg: number }>(sql`
        SELECT i.debtor_id, round(avg(p.received_on - i.due_date))::int AS avg
        FROM amiable.allocation a
        JOIN amiable.payment p ON p.tenant_id = a.tenant_id AND p.id = a.payment_id
        JOIN amiable.invoice i ON i.tenant_id = a.tenant_id AND i.id = a.invoice_id
        WHERE a.reversed_at IS NULL AND p.received_on > ${date}::date - 365 AND i.due_date IS NOT NULL
        GROUP BY i.debtor_id`)
    ).map((r) => [r.debtor_id, r.avg]),
  );
  const contacts = new Map<string, IsoDate[]>();
  for (const c of await tx.query<{ debtor_id: string; day: string }>(sql`
      SELECT DISTINCT debtor_id, occurrence::text AS day FROM amiable.dispatch
      WHERE channel <> 'task' AND status IN ('planned', 'sending', 'sent', 'done', 'uncertain')
        AND occurrence > ${date}::date - ${CONTACT_HISTORY_DAYS}::int AND occurrence <= ${date}::date`)) {
    const days = contacts.get(c.debtor_id);
    if (days) days.push(c.day);
    else contacts.set(c.debtor_id, [c.day]);
  }
  const promises = new Map(
    (
      await tx.query<{ case_id: string; made_on: string; until: string }>(sql`
      SELECT case_id, made_on::text AS made_on, until::text AS until FROM amiable.promise_to_pay WHERE status = 'open'`)
    ).map((p) => [p.case_id, { from: p.made_on, until: p.until }]),
  );
  phase('history');

  const today = toDayNumber(date);
  return {
    date,
    limits: await contactLimitsOf(tx),
    scenarios: new Map(scenarios.map((s) => [s.id, stepsOf(s)])),
    cases: caseSnapshots(cases, rows, disputed, promises, scenarioIds, (debtor, outstandingCents, oldestDue) =>
      scenarioFor(
        {
          kind: debtor.kind,
          outstandingCents,
          oldestDaysOverdue: Math.max(0, today - oldestDue),
          tags: debtors.get(debtor.debtorId)?.tags ?? [],
          averageDaysLate: lateness.get(debtor.debtorId) ?? null,
          scenarioOverride: debtor.override,
        },
        segmentRules,
        defaultScenario,
      ),
    ),
    contacts,
    newCases: newCases.map(({ id, debtorId, creditorId }) => ({ id, debtorId, creditorId })),
  };
}

const byDebtorThenId = (a: OpenCase, b: OpenCase) =>
  a.debtorId < b.debtorId ? -1 : a.debtorId > b.debtorId ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * The planned cases that have invoices to plan, by debtor then case, each with the
 * scenario its debtor's segment gives — from the debtor's outstanding and oldest due
 * date over all its cases — and its invoices' steps in that scenario.
 */
function caseSnapshots(
  cases: readonly OpenCase[],
  rows: InvoiceRows,
  disputed: ReadonlySet<string>,
  promises: ReadonlyMap<string, { readonly from: IsoDate; readonly until: IsoDate }>,
  scenarioIds: readonly string[],
  scenarioOf: (debtor: OpenCase, outstandingCents: number, oldestDue: number) => string | null,
): CaseSnapshot[] {
  // The rows of each case, gathered by a counting sort (they come in the table's order).
  const start = new Int32Array(cases.length + 1);
  for (const k of rows.caseOf) start[k + 1] = (start[k + 1] as number) + 1;
  for (let k = 0; k < cases.length; k++) start[k + 1] = (start[k + 1] as number) + (start[k] as number);
  const next = start.slice(0, cases.length);
  const byCase = new Int32Array(rows.caseOf.length);
  rows.caseOf.forEach((k, row) => {
    byCase[next[k] as number] = row;
    next[k] = (next[k] as number) + 1;
  });
  // New cases come last: put them with their debtor's.
  const order = cases.map((_, k) => k);
  if (order.some((k) => k > 0 && byDebtorThenId(cases[k - 1] as OpenCase, cases[k] as OpenCase) > 0))
    order.sort((a, b) => byDebtorThenId(cases[a] as OpenCase, cases[b] as OpenCase));

  const snapshots: CaseSnapshot[] = [];
  for (let first = 0, last = 0; first < order.length; first = last) {
    const debtor = cases[order[first] as number] as OpenCase;
    const planned: { c: OpenCase; rows: number[] }[] = [];
    let outstanding = 0;
    let oldestDue = Number.POSITIVE_INFINITY;
    for (last = first; last < order.length && (cases[order[last] as number] as OpenCase).debtorId === debtor.debtorId; last++) {
      const k = order[last] as number;
      const c = cases[k] as OpenCase;
      if (!c.planned) continue;
      const kept: number[] = [];
      for (let j = start[k] as number; j < (start[k + 1] as number); j++) {
        const row = byCase[j] as number;
        const invoice = rows.invoices[row] as CaseInvoiceSnapshot;
        if (disputed.size > 0 && disputed.has(invoice.id)) continue;
        kept.push(row);
        outstanding += invoice.outstandingCents;
        if (invoice.dueDay < oldestDue) oldestDue = invoice.dueDay;
      }
      if (kept.length > 0) planned.push({ c, rows: kept });
    }
    if (planned.length === 0) continue;
    const scenarioId = scenarioOf(debtor, outstanding, oldestDue);
    if (!scenarioId) continue;
    const scenario = scenarioIds.indexOf(scenarioId);
    for (const { c, rows: kept } of planned)
      snapshots.push({
        caseId: c.id,
        debtorId: c.debtorId,
        debtorKind: c.kind,
        scenarioId,
        invoices: kept.map((row) => {
          const invoice = rows.invoices[row] as InvoiceRows['invoices'][number];
          // A step reached in another scenario does not count in this one.
          if (rows.stepScenario[row] !== scenario) invoice.stepIndex = -1;
          return invoice;
        }),
        promise: promises.get(c.id) ?? null,
      });
  }
  return snapshots;
}

async function segmentRulesOf(tx: Tx): Promise<SegmentRule[]> {
  const rules = await tx.query<{
    position: number;
    scenario_id: string;
    debtor_kind: 'business' | 'consumer' | null;
    min_out: string | null;
    max_out: string | null;
    min_days: number | null;
    tag: string | null;
    min_late: number | null;
  }>(sql`
    SELECT position, scenario_id, debtor_kind, min_outstanding_cents::text AS min_out, max_outstanding_cents::text AS max_out,
           min_oldest_days_overdue AS min_days, tag, min_average_days_late AS min_late
    FROM amiable.segment_rule ORDER BY position`);
  return rules.map((r) => ({
    position: r.position,
    scenarioId: r.scenario_id,
    debtorKind: r.debtor_kind,
    minOutstandingCents: r.min_out === null ? null : Number(r.min_out),
    maxOutstandingCents: r.max_out === null ? null : Number(r.max_out),
    minOldestDaysOverdue: r.min_days,
    tag: r.tag,
    minAverageDaysLate: r.min_late,
  }));
}

/** Kind, scenario and tags of some debtors: those with tags (not read with the cases) and those of new cases. */
async function debtorsOf(
  tx: Tx,
  debtorIds: readonly string[],
): Promise<Map<string, { kind: OpenCase['kind']; override: string | null; tags: readonly string[] }>> {
  if (debtorIds.length === 0) return new Map();
  const rows = await tx.query<{ id: string; kind: OpenCase['kind']; override: string | null; tags: string[] }>(sql`
    SELECT id, kind, scenario_id AS override, tags FROM amiable.debtor WHERE id = ANY(${debtorIds}::uuid[])`);
  return new Map(rows.map(({ id, ...debtor }) => [id, debtor]));
}

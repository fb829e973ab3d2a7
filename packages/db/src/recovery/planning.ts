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
import { to as copyTo } from 'pg-copy-streams';
import { sql } from '../sql.js';
import type { Tx } from '../tenant-transaction.js';
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

/**
 * One line of `COPY … TO STDOUT` (text format), read field by field from the
 * driver's bytes. Only for columns that never need escaping — uuids, integers,
 * booleans and plain words, all ASCII — so "\N" is the only backslash.
 */
class CopyLine {
  private bytes: Buffer = Buffer.alloc(0);
  private at = 0;

  reset(bytes: Buffer, start: number): void {
    this.bytes = bytes;
    this.at = start;
  }

  private isNull(): boolean {
    if (this.bytes[this.at] !== 92 /* \ */) return false;
    this.at += 3; // "\N" and the separator
    return true;
  }

  /** Passes the next field. */
  skip(): void {
    const bytes = this.bytes;
    let end = this.at;
    while (end < bytes.length && bytes[end] !== 9 && bytes[end] !== 10) end++;
    this.at = end + 1;
  }

  /** The next field as text, null for NULL. */
  next(): string | null {
    if (this.isNull()) return null;
    const start = this.at;
    this.skip();
    return this.bytes.toString('latin1', start, this.at - 1);
  }

  /** The next field as an integer (cents, day numbers, step indexes), null for NULL. */
  int(): number | null {
    if (this.isNull()) return null;
    const bytes = this.bytes;
    let i = this.at;
    const negative = bytes[i] === 45; /* - */
    if (negative) i++;
    const first = i;
    let n = 0;
    for (let c = bytes[i] as number; c >= 48 && c <= 57; c = bytes[++i] as number) n = n * 10 + (c - 48);
    if (i - first > 15 && !Number.isSafeInteger(n)) throw new RangeError(`${bytes.toString('latin1', first, i)} exceeds 2^53`);
    this.at = i + 1;
    return negative ? -n : n;
  }

  /** Whether the field `offset` bytes ahead is `value`; reads nothing. */
  is(value: string, offset = 0): boolean {
    const bytes = this.bytes;
    const at = this.at + offset;
    for (let k = 0; k < value.length; k++) if (bytes[at + k] !== value.charCodeAt(k)) return false;
    const after = bytes[at + value.length];
    return after === 9 || after === 10;
  }

  /** The position in `values` of the field `offset` bytes ahead, -1 when none; reads nothing. */
  positionIn(values: readonly string[], offset = 0): number {
    let found = values.length - 1;
    while (found >= 0 && !this.is(values[found] as string, offset)) found--;
    return found;
  }

  /** Whether the next `length` bytes are those of `other` from `start`; reads nothing. */
  matches(other: Buffer, start: number, length: number): boolean {
    const bytes = this.bytes;
    for (let k = 0; k < length; k++) if (bytes[this.at + k] !== other[start + k]) return false;
    return true;
  }

  /** The hash of the next `length` bytes; reads nothing. */
  hash(length: number): number {
    return hashOf(this.bytes, this.at, length);
  }
}

/** FNV-1a of `length` bytes from `start`. */
function hashOf(bytes: Buffer, start: number, length: number): number {
  let h = 0x811c9dc5;
  for (let k = start; k < start + length; k++) h = Math.imul(h ^ (bytes[k] as number), 0x01000193);
  return h >>> 0;
}

/** Streams `COPY (query) TO STDOUT` in the transaction, handing each line to `row`. The query takes no parameters. */
async function copyRows(tx: Tx, query: string, row: (line: CopyLine) => void): Promise<void> {
  const stream = tx.client.query(copyTo(`COPY (${query}) TO STDOUT`));
  const line = new CopyLine();
  let rest: Buffer | null = null;
  let failure: { error: unknown } | null = null;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    if (failure) continue; // the rows still come: the connection must see the COPY through before the rollback
    try {
      const bytes: Buffer = rest ? Buffer.concat([rest, chunk]) : chunk;
      let start = 0;
      for (let end = bytes.indexOf(10, start); end !== -1; end = bytes.indexOf(10, start)) {
        line.reset(bytes, start);
        row(line);
        start = end + 1;
      }
      rest = start < bytes.length ? bytes.subarray(start) : null;
    } catch (error) {
      failure = { error };
    }
  }
  if (failure) throw failure.error;
}

const UUID_LENGTH = 36;

interface OpenCase {
  readonly id: string;
  readonly debtorId: string;
  readonly creditorId: string;
  readonly planned: boolean;
  kind: 'business' | 'consumer';
  override: string | null;
}

/**
 * The cases by (debtor, creditor), found from the bytes of an invoice row: a million
 * lookups without making a string or touching a case object each — open addressing
 * on the debtor id, whose bytes are kept side by side; a debtor's cases are chained.
 */
class CaseIndex {
  private slots = new Int32Array(0); // 1 + position of a debtor's first case; 0: free
  private debtorIds = Buffer.alloc(0);
  private creditorOf = new Int32Array(0);
  private nextOf = new Int32Array(0); // the debtor's next case, -1: none
  private readonly creditors: string[] = [];
  private count = 0;

  constructor(cases: readonly OpenCase[]) {
    this.grow(Math.max(1024, cases.length));
    for (const c of cases) this.add(c);
  }

  /** Adds the next case (its position is the count of cases added before it). */
  add(c: OpenCase): void {
    if (this.count === this.creditorOf.length) this.grow(this.count * 2);
    const k = this.count++;
    this.debtorIds.write(c.debtorId, k * UUID_LENGTH, 'latin1');
    if (!this.creditors.includes(c.creditorId)) this.creditors.push(c.creditorId);
    this.creditorOf[k] = this.creditors.indexOf(c.creditorId);
    this.nextOf[k] = -1;
    const slot = this.slotOf(this.debtorIds, k * UUID_LENGTH);
    let last = (this.slots[slot] as number) - 1;
    if (last === -1) this.slots[slot] = k + 1;
    else {
      while ((this.nextOf[last] as number) !== -1) last = this.nextOf[last] as number;
      this.nextOf[last] = k;
    }
  }

  /** Position of the case of the line's next two fields (debtor, creditor), -1 if none; reads nothing. */
  find(line: CopyLine): number {
    const creditor = line.positionIn(this.creditors, UUID_LENGTH + 1);
    if (creditor === -1) return -1;
    for (let slot = line.hash(UUID_LENGTH) & (this.slots.length - 1); this.slots[slot] !== 0; slot = (slot + 1) & (this.slots.length - 1)) {
      let k = (this.slots[slot] as number) - 1;
      if (!line.matches(this.debtorIds, k * UUID_LENGTH, UUID_LENGTH)) continue;
      for (; k !== -1; k = this.nextOf[k] as number) if (this.creditorOf[k] === creditor) return k;
      return -1;
    }
    return -1;
  }

  /** The slot of the debtor whose id is at `start` in `ids`: its first case's, or a free one. */
  private slotOf(ids: Buffer, start: number): number {
    const mask = this.slots.length - 1;
    let slot = hashOf(ids, start, UUID_LENGTH) & mask;
    for (; this.slots[slot] !== 0; slot = (slot + 1) & mask) {
      const first = (this.slots[slot] as number) - 1;
      if (this.debtorIds.compare(ids, start, start + UUID_LENGTH, first * UUID_LENGTH, (first + 1) * UUID_LENGTH) === 0) break;
    }
    return slot;
  }

  private grow(capacity: number): void {
    const debtorIds = Buffer.alloc(capacity * UUID_LENGTH);
    this.debtorIds.copy(debtorIds);
    this.debtorIds = debtorIds;
    for (const name of ['creditorOf', 'nextOf'] as const) {
      const next = new Int32Array(capacity);
      next.set(this[name]);
      this[name] = next;
    }
    // Half empty at most; the first cases of the debtors go to their new slots.
    this.slots = new Int32Array(2 ** Math.ceil(Math.log2(capacity * 2)));
    const chained = new Set<number>();
    for (let k = 0; k < this.count; k++) if ((this.nextOf[k] as number) !== -1) chained.add(this.nextOf[k] as number);
    for (let k = 0; k < this.count; k++) if (!chained.has(k)) this.slots[this.slotOf(this.debtorIds, k * UUID_LENGTH)] = k + 1;
  }
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

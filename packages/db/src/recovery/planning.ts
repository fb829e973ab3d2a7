/**
 * The planner's storage side: the snapshot of a tenant's open cases on a day — a
 * million open invoices read in one pass — and the rules of contact. The writing
 * of the planned actions is in run-planner.ts.
 *
 * The two big reads (open cases with their debtors, then open invoices with their
 * progress) stream through `COPY … TO STDOUT` and are parsed here: node-pg's
 * per-field parsing of a million rows costs more than the query itself, and the
 * planner needs no object per row, only its few numbers.
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
const PLANNING_STATES = new Set(['open', 'in-progress', 'promise-to-pay', 'formal-notice-sent']);

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

  /** Whether the next `length` bytes are those of `other` from `start`; reads nothing. */
  matches(other: Buffer, start: number, length: number): boolean {
    const bytes = this.bytes;
    for (let k = 0; k < length; k++) if (bytes[this.at + k] !== other[start + k]) return false;
    return true;
  }

  /** The position in `values` of the field `offset` bytes ahead, -1 when none; reads nothing. */
  positionIn(values: readonly string[], offset = 0): number {
    let found = values.length - 1;
    while (found >= 0 && !this.is(values[found] as string, offset)) found--;
    return found;
  }

  /** A hash (FNV-1a) of the next `length` bytes, as `hashOf` gives for the same text; reads nothing. */
  hash(length: number): number {
    let h = FNV_OFFSET;
    for (let k = this.at; k < this.at + length; k++) h = Math.imul(h ^ (this.bytes[k] as number), FNV_PRIME);
    return h >>> 0;
  }
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function hashOf(text: string): number {
  let h = FNV_OFFSET;
  for (let k = 0; k < text.length; k++) h = Math.imul(h ^ text.charCodeAt(k), FNV_PRIME);
  return h >>> 0;
}

/** Streams `COPY (query) TO STDOUT` in the transaction, handing each line to `row`. The query takes no parameters. */
async function copyRows(tx: Tx, query: string, row: (line: CopyLine) => void): Promise<void> {
  const stream = tx.client.query(copyTo(`COPY (${query}) TO STDOUT`));
  const line = new CopyLine();
  let rest: Buffer | null = null;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const bytes: Buffer = rest ? Buffer.concat([rest, chunk]) : chunk;
    let start = 0;
    for (let end = bytes.indexOf(10, start); end !== -1; end = bytes.indexOf(10, start)) {
      line.reset(bytes, start);
      row(line);
      start = end + 1;
    }
    rest = start < bytes.length ? bytes.subarray(start) : null;
  }
}

type Invoice = CaseInvoiceSnapshot & { stepIndex: number };

interface OpenCase {
  readonly id: string;
  readonly debtorId: string;
  readonly creditorId: string;
  readonly planned: boolean;
  readonly kind: 'business' | 'consumer';
  readonly override: string | null;
}

const UUID_LENGTH = 36;

/**
 * Finds a case by the debtor and creditor ids of an invoice row, from its bytes:
 * a million lookups without making a string or touching a case object each (open
 * addressing on the debtor id, whose bytes are kept side by side).
 */
class CaseIndex {
  /** 1 + position in `cases` of a debtor's first case; 0: free. */
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly debtorIds: Buffer;
  /** Position of the first case of each case's debtor (a debtor's cases are next to each other). */
  private readonly firstOf: Int32Array;
  private readonly creditorOf: Int32Array;
  private readonly creditors: string[] = [];

  constructor(cases: readonly OpenCase[]) {
    let size = 1024;
    while (size < cases.length * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    this.debtorIds = Buffer.alloc(cases.length * UUID_LENGTH);
    this.firstOf = new Int32Array(cases.length);
    this.creditorOf = new Int32Array(cases.length);
    cases.forEach((c, k) => {
      this.debtorIds.write(c.debtorId, k * UUID_LENGTH, 'latin1');
      if (!this.creditors.includes(c.creditorId)) this.creditors.push(c.creditorId);
      this.creditorOf[k] = this.creditors.indexOf(c.creditorId);
      if (k > 0 && (cases[k - 1] as OpenCase).debtorId === c.debtorId) {
        this.firstOf[k] = this.firstOf[k - 1] as number;
        return;
      }
      this.firstOf[k] = k;
      let slot = hashOf(c.debtorId) & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = k + 1;
    });
  }

  /** Position in `cases` of the case of the line's next two fields (debtor, creditor), -1 if none; reads nothing. */
  find(line: CopyLine): number {
    const creditor = line.positionIn(this.creditors, UUID_LENGTH + 1);
    if (creditor === -1) return -1;
    for (let slot = line.hash(UUID_LENGTH) & this.mask; this.slots[slot] !== 0; slot = (slot + 1) & this.mask) {
      const first = (this.slots[slot] as number) - 1;
      if (!line.matches(this.debtorIds, first * UUID_LENGTH, UUID_LENGTH)) continue;
      for (let k = first; k < this.firstOf.length && this.firstOf[k] === first; k++) if (this.creditorOf[k] === creditor) return k;
      return -1;
    }
    return -1;
  }
}

const PLANNING_STATE_LIST = [...PLANNING_STATES];

/** The open invoices as read: one object each, and per row its case (position in the cases, -1: none yet) and the scenario of its step. */
interface InvoiceRows {
  readonly invoices: Invoice[];
  readonly caseOf: number[];
  /** Position in the scenario list of the scenario its step was reached in, -1: none. */
  readonly stepScenario: number[];
}

/** Everything the planner needs to decide `date`'s actions; opens the missing cases and installs default scenarios first. */
export async function loadPlanningSnapshot(
  tx: Tx,
  date: IsoDate,
  now: Date,
  ids: IdGenerator,
  phase: (name: string) => void = () => undefined,
): Promise<PlanningSnapshot> {
  await ensureDefaultScenarios(tx, now, ids);
  const scenarios = await listScenarios(tx);
  const scenarioIds = scenarios.map((s) => s.id);
  const defaultScenario = scenarios.find((s) => s.isDefault)?.id ?? null;
  const segmentRules = await segmentRulesOf(tx);

  // The cases that are not closed, with their debtors, by debtor then case: the order decisions are taken in.
  let openCases: OpenCase[] = [];
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
      if (line.is(creditorId)) line.skip(); // a tenant has few creditors: one string each
      else creditorId = line.next() as string;
      const planned = line.positionIn(PLANNING_STATE_LIST) >= 0;
      line.skip();
      const kind = line.is('consumer') ? 'consumer' : 'business';
      line.skip();
      const override = line.next();
      if (line.is('t')) tagged.push(debtorId);
      openCases.push({ id, debtorId, creditorId, planned, kind, override });
    },
  );
  phase('cases');

  const rows: InvoiceRows = { invoices: [], caseOf: [], stepScenario: [] };
  const orphans: { row: number; debtorId: string; creditorId: string }[] = [];
  const index = new CaseIndex(openCases);
  await withWorkMem(tx, '128MB', () =>
    copyRows(
      tx,
      `SELECT i.id, i.outstanding_cents, i.due_date - DATE '1970-01-01', p.step_index, p.scenario_id, i.debtor_id, i.creditor_id
       FROM amiable.invoice i LEFT JOIN amiable.invoice_progress p ON p.tenant_id = i.tenant_id AND p.invoice_id = i.id
       WHERE i.kind = 'invoice' AND i.outstanding_cents > 0 AND i.due_date IS NOT NULL`,
      (line) => {
        const id = line.next() as string;
        rows.invoices.push({ id, outstandingCents: line.int() as number, dueDay: line.int() as number, stepIndex: line.int() ?? -1 });
        rows.stepScenario.push(line.positionIn(scenarioIds));
        line.skip();
        const k = index.find(line);
        if (k === -1) orphans.push({ row: rows.caseOf.length, debtorId: line.next() as string, creditorId: line.next() as string });
        rows.caseOf.push(k);
      },
    ),
  );
  const tags = await tagsOf(tx, tagged);
  if (orphans.length > 0) {
    const opened = await openCasesFor(tx, now, ids, orphans);
    for (const [debtorId, list] of opened.tags) tags.set(debtorId, list);
    const positions = new Map(opened.cases.map((c, k) => [`${c.debtorId}:${c.creditorId}`, openCases.length + k]));
    for (const o of orphans) rows.caseOf[o.row] = positions.get(`${o.debtorId}:${o.creditorId}`) ?? -1;
    openCases = [...openCases, ...opened.cases];
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
  const cases = caseSnapshots(openCases, rows, disputed, promises, scenarioIds, (debtor, outstandingCents, oldestDue) =>
    scenarioFor(
      {
        kind: debtor.kind,
        outstandingCents,
        oldestDaysOverdue: Math.max(0, today - oldestDue),
        tags: tags.get(debtor.debtorId) ?? [],
        averageDaysLate: lateness.get(debtor.debtorId) ?? null,
        scenarioOverride: debtor.override,
      },
      segmentRules,
      defaultScenario,
    ),
  );
  return {
    date,
    limits: await contactLimitsOf(tx),
    scenarios: new Map(scenarios.map((s) => [s.id, stepsOf(s)])),
    cases,
    contacts,
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
  for (const k of rows.caseOf) if (k >= 0) start[k + 1] = (start[k + 1] as number) + 1;
  for (let k = 0; k < cases.length; k++) start[k + 1] = (start[k + 1] as number) + (start[k] as number);
  const next = start.slice(0, cases.length);
  const byCase = new Int32Array(start[cases.length] as number);
  rows.caseOf.forEach((k, row) => {
    if (k < 0) return;
    byCase[next[k] as number] = row;
    next[k] = (next[k] as number) + 1;
  });
  // Cases opened today come last: put them with their debtor's.
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
        const invoice = rows.invoices[row] as Invoice;
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
          const invoice = rows.invoices[row] as Invoice;
          // A step reached in another scenario does not count in this one.
          if (rows.stepScenario[row] !== scenario) invoice.stepIndex = -1;
          return invoice;
        }),
        promise: promises.get(c.id) ?? null,
      });
  }
  return snapshots;
}

/** Runs `fn` with more memory per sort or hash, then gives the transaction its setting back. */
async function withWorkMem<T>(tx: Tx, size: string, fn: () => Promise<T>): Promise<T> {
  const { previous } = await tx.one<{ previous: string }>(sql`SELECT current_setting('work_mem') AS previous`);
  await tx.execute(sql`SELECT set_config('work_mem', ${size}, true)`);
  if (process.env.PTC) await tx.execute(sql`SELECT set_config('parallel_tuple_cost', ${process.env.PTC}, true)`); // LAB
  if (process.env.WM) await tx.execute(sql`SELECT set_config('work_mem', ${process.env.WM}, true)`); // LAB
  const result = await fn();
  await tx.execute(sql`SELECT set_config('work_mem', ${previous}, true)`);
  return result;
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

/** The tags of the debtors that have some (most have none: not read with the cases). */
async function tagsOf(tx: Tx, debtorIds: readonly string[]): Promise<Map<string, readonly string[]>> {
  if (debtorIds.length === 0) return new Map();
  const rows = await tx.query<{ id: string; tags: string[] }>(sql`SELECT id, tags FROM amiable.debtor WHERE id = ANY(${debtorIds}::uuid[])`);
  return new Map(rows.map((r) => [r.id, r.tags]));
}

/**
 * Opens a case for each (debtor, creditor) of `orphans` — concurrent planners: one
 * inserts, the others wait for it and find its case — and reads them with their debtors.
 */
async function openCasesFor(
  tx: Tx,
  now: Date,
  ids: IdGenerator,
  orphans: readonly { readonly debtorId: string; readonly creditorId: string }[],
): Promise<{ cases: OpenCase[]; tags: Map<string, readonly string[]> }> {
  // By debtor then creditor, as the ids are made: a debtor's new cases keep that order.
  const pairs = [...new Set(orphans.map((o) => `${o.debtorId}:${o.creditorId}`))].sort();
  const debtorIds = pairs.map((p) => p.slice(0, UUID_LENGTH));
  const creditorIds = pairs.map((p) => p.slice(UUID_LENGTH + 1));
  await tx.execute(sql`
    INSERT INTO amiable.recovery_case (tenant_id, id, debtor_id, creditor_id, state, opened_at, updated_at)
    SELECT ${tx.tenantId}, r.id, r.debtor_id, r.creditor_id, 'open', ${now}, ${now}
    FROM unnest(${pairs.map(() => ids.newId())}::uuid[], ${debtorIds}::uuid[], ${creditorIds}::uuid[]) AS r(id, debtor_id, creditor_id)
    ON CONFLICT (tenant_id, debtor_id, creditor_id) WHERE state <> 'closed' DO NOTHING`);
  const rows = await tx.query<{
    id: string;
    debtor_id: string;
    creditor_id: string;
    state: string;
    kind: OpenCase['kind'];
    override: string | null;
    tags: string[];
  }>(sql`
    SELECT c.id, c.debtor_id, c.creditor_id, c.state, d.kind, d.scenario_id AS override, d.tags
    FROM amiable.recovery_case c JOIN amiable.debtor d ON d.tenant_id = c.tenant_id AND d.id = c.debtor_id
    WHERE c.state <> 'closed' AND (c.debtor_id, c.creditor_id) IN (SELECT * FROM unnest(${debtorIds}::uuid[], ${creditorIds}::uuid[]))`);
  return {
    cases: rows.map((r) => ({
      id: r.id,
      debtorId: r.debtor_id,
      creditorId: r.creditor_id,
      planned: PLANNING_STATES.has(r.state),
      kind: r.kind,
      override: r.override,
    })),
    tags: new Map(rows.filter((r) => r.tags.length > 0).map((r) => [r.debtor_id, r.tags])),
  };
}

/**
 * The import's write path. Rows are streamed into a temporary staging table with
 * COPY (the fastest way into PostgreSQL), then a handful of set-based
 * statements match debtors (SIREN, then account code, then exact name),
 * create the missing ones, update changed invoices — logging each change — and
 * insert new ones. Everything happens in the caller's tenant transaction, so
 * a rejected or dry-run import is rolled back as a whole.
 */
import { once } from 'node:events';
import type { RowIssue } from '@amiable/imports';
import type { ApplyOutcome, ImportSession, StagedInvoice } from '@amiable/ledger';
import { from as copyFrom } from 'pg-copy-streams';
import { sql } from '../sql.js';
import type { Tx } from '../tenant-transaction.js';

const STAGING_COLUMNS = [
  'line',
  'invoice_id',
  'kind',
  'number',
  'issue_date',
  'due_date',
  'currency',
  'excl',
  'incl',
  'due',
  'outstanding',
  'order_reference',
  'contract_reference',
  'description',
  'payment_reference',
  'payment_terms',
  'preceding',
  'debtor_key',
  'new_debtor_id',
  'debtor_kind',
  'debtor_name',
  'debtor_name_key',
  'debtor_siren',
  'debtor_siret',
  'debtor_vat',
  'debtor_account',
  'debtor_email',
  'debtor_phone',
  'contact_name',
  'address_line1',
  'address_line2',
  'postal_code',
  'city',
  'country',
  'document_file_id',
] as const;

const CREATE_STAGING = `CREATE TEMP TABLE import_row (
  line integer NOT NULL, invoice_id uuid NOT NULL, kind text NOT NULL, number text NOT NULL, issue_date date NOT NULL, due_date date,
  currency text NOT NULL, excl bigint, incl bigint NOT NULL, due bigint NOT NULL, outstanding bigint,
  order_reference text, contract_reference text, description text, payment_reference text, payment_terms text, preceding text,
  debtor_key text NOT NULL, new_debtor_id uuid NOT NULL, debtor_kind text NOT NULL, debtor_name text NOT NULL, debtor_name_key text NOT NULL,
  debtor_siren text, debtor_siret text, debtor_vat text, debtor_account text, debtor_email text, debtor_phone text, contact_name text,
  address_line1 text, address_line2 text, postal_code text, city text, country text, document_file_id uuid
) ON COMMIT DROP`;

// COPY text format: backslash, tab, newline and carriage return are escaped; \N is NULL.
// Most values need no escaping: testing first spares a replace (and its callback) per field,
// and the line is built by concatenation rather than an array, map and join per row —
// at a million rows of 35 fields, both showed in profiles of the staging phase.
const NEEDS_ESCAPE = /[\\\t\n\r]/;
function text(value: string | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  return NEEDS_ESCAPE.test(value)
    ? value.replace(/[\\\t\n\r]/g, (ch) => (ch === '\\' ? '\\\\' : ch === '\t' ? '\\t' : ch === '\n' ? '\\n' : '\\r'))
    : value;
}
function num(value: number | null): string {
  return value === null ? '\\N' : String(value);
}

function stagingLine(row: StagedInvoice): string {
  const r = row.record;
  const d = r.debtor;
  const a = d.address;
  return `${r.line}\t${row.invoiceId}\t${r.kind}\t${text(r.number)}\t${r.issueDate}\t${text(r.dueDate)}\t${text(r.currency)}\t${num(r.amountExclTaxCents)}\t${r.amountInclTaxCents}\t${r.amountDueCents}\t${num(r.outstandingCents)}\t${text(r.orderReference)}\t${text(r.contractReference)}\t${text(r.description)}\t${text(r.paymentReference)}\t${text(r.paymentTerms)}\t${text(r.precedingInvoiceNumber)}\t${text(row.debtorKey)}\t${row.newDebtorId}\t${d.kind}\t${text(d.name)}\t${text(row.debtorNameKey)}\t${text(d.siren ?? d.siret?.slice(0, 9) ?? null)}\t${text(d.siret)}\t${text(d.vatNumber)}\t${text(d.accountCode)}\t${text(d.email)}\t${text(d.phone)}\t${text(d.contactName)}\t${text(a?.line1)}\t${text(a?.line2)}\t${text(a?.postalCode)}\t${text(a?.city)}\t${text(a?.country)}\t${text(row.documentFileId)}\n`;
}

/**
 * Staged lines are encoded straight into a buffer of this size, sent as one COPY
 * message when full. Accumulating them in a string instead (`buffer += line`) kept a
 * rope of every line's pieces alive until the flush, long enough to be promoted out
 * of the young generation: garbage collection then took more CPU than the rest of
 * the staging (measured at 200,000 rows: 2.7–4.3 s of GC against 0.5–0.7 s).
 */
const CHUNK_BYTES = 1024 * 1024;
// UTF-8 takes at most 3 bytes per UTF-16 code unit: a line of n units fits in 3n bytes.
const MAX_BYTES_PER_UNIT = 3;

export function postgresImportSession(tx: Tx): ImportSession {
  let stream: ReturnType<typeof copyFrom> | null = null;
  let finished: Promise<unknown> | null = null;
  let chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  let used = 0;

  async function open() {
    await tx.client.query(CREATE_STAGING);
    stream = tx.client.query(copyFrom(`COPY import_row (${STAGING_COLUMNS.join(', ')}) FROM STDIN`));
    finished = new Promise((resolve, reject) => {
      stream?.on('finish', resolve);
      stream?.on('error', reject);
    });
  }

  async function send(bytes: Buffer) {
    if (stream && !stream.write(bytes)) await Promise.race([once(stream, 'drain'), finished]);
  }

  async function flush() {
    if (used === 0) return;
    const full = chunk.subarray(0, used);
    // The stream may hold on to the bytes it was given: the next lines go to a new buffer.
    chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    used = 0;
    await send(full);
  }

  return {
    async stage(row) {
      if (!stream) await open();
      const line = stagingLine(row);
      const room = line.length * MAX_BYTES_PER_UNIT;
      if (used + room > CHUNK_BYTES) await flush();
      if (room > CHUNK_BYTES) await send(Buffer.from(line, 'utf8'));
      else used += chunk.write(line, used, 'utf8');
    },

    async apply({ creditorId, importId, now, actor, columnLabels }) {
      if (!stream) await open();
      await flush();
      stream?.end();
      await finished;

      const tenant = tx.tenantId;
      // A dry run has no batch row to point at.
      const batch = await tx.maybeOne<{ id: string }>(sql`SELECT id FROM amiable.import_batch WHERE id = ${importId}`);
      const importRef = batch ? importId : null;
      const labels = columnLabels;

      // Room for the hash joins and aggregates of a million-row file (the default 4 MB
      // spills them to disk); SET LOCAL ends with this transaction.
      await tx.client.query("SET LOCAL work_mem = '128MB'");
      // Temporary tables are never analysed by autovacuum: without this the planner
      // guesses ~1,000 rows for the staging table and picks nested loops over it.
      await tx.client.query('ANALYZE import_row');

      // The file's rows that are already in the ledger, found once with one probe of the
      // (tenant, creditor, kind, number) unique index per row. The LATERAL … OFFSET 0
      // keeps that plan whatever the statistics of amiable.invoice say: rows written
      // since its last ANALYZE (a first big import, this tenant's rows in a shared
      // table) make it look nearly empty, and a join planned on that belief walked the
      // staging table once per invoice — quadratic, hours for a million rows.
      await tx.execute(sql`CREATE TEMP TABLE import_match ON COMMIT DROP AS
        SELECT r.line, i.*
        FROM import_row r CROSS JOIN LATERAL (
          SELECT i.id, i.debtor_id AS old_debtor_id, i.issue_date AS old_issue_date, i.due_date AS old_due_date, i.currency AS old_currency,
                 i.amount_excl_tax_cents AS old_excl, i.amount_incl_tax_cents AS old_incl, i.amount_due_cents AS old_due,
                 i.paid_outside_cents AS old_paid_outside, i.settled_cents AS settled, i.outstanding_cents AS old_outstanding,
                 i.order_reference AS old_order_reference, i.contract_reference AS old_contract_reference, i.description AS old_description,
                 i.payment_reference AS old_payment_reference, i.payment_terms AS old_payment_terms, i.preceding_invoice_number AS old_preceding,
                 i.document_file_id AS old_document_file_id
          FROM amiable.invoice i WHERE i.creditor_id = ${creditorId} AND i.kind = r.kind AND i.number = r.number
          OFFSET 0) i`);
      await tx.client.query('ANALYZE import_match');

      // Rows the ledger refuses: an amount below what payments already settle, or a
      // change of currency on an invoice that payments already settle. Both need settled > 0.
      const rejected: RowIssue[] = [];
      const refuse = async (rows: { line: number; issue: RowIssue }[]) => {
        if (rows.length === 0) return;
        rejected.push(...rows.map((row) => row.issue));
        const lines = rows.map((row) => row.line);
        await tx.execute(sql`DELETE FROM import_row WHERE line = ANY (${lines})`);
        await tx.execute(sql`DELETE FROM import_match WHERE line = ANY (${lines})`);
      };
      const settledConflicts = await tx.query<{ line: number; due: number; settled: number; currency_changed: boolean }>(sql`
        SELECT r.line, r.due, m.settled, r.currency <> m.old_currency AS currency_changed
        FROM import_match m JOIN import_row r USING (line)
        WHERE m.settled > 0 AND (r.due < m.settled OR r.currency <> m.old_currency)`);
      await refuse(
        settledConflicts.map((row): { line: number; issue: RowIssue } => ({
          line: row.line,
          issue: row.currency_changed
            ? { line: row.line, column: labels.currency, code: 'locked_by_payments', params: { value: 'currency' } }
            : {
                line: row.line,
                column: labels.amount,
                code: 'below_settled',
                params: { value: (row.due / 100).toFixed(2), settled: (row.settled / 100).toFixed(2) },
              },
        })),
      );

      // One row per debtor identity, with the details of its first line in the file.
      // min(line) per key then a join back is hashed; DISTINCT ON … ORDER BY sorted the
      // whole staging table (wide rows, a million of them) to keep the same rows.
      await tx.client.query(`CREATE TEMP TABLE import_debtor ON COMMIT DROP AS
        SELECT r.debtor_key, r.new_debtor_id, r.debtor_kind, r.debtor_name, r.debtor_name_key, r.debtor_siren, r.debtor_siret, r.debtor_vat,
               r.debtor_account, r.debtor_email, r.debtor_phone, r.contact_name, r.address_line1, r.address_line2, r.postal_code, r.city, r.country,
               NULL::uuid AS debtor_id, false AS created
        FROM import_row r JOIN (SELECT min(line) AS line FROM import_row GROUP BY debtor_key) first_line USING (line)`);
      await tx.client.query('CREATE UNIQUE INDEX ON import_debtor (debtor_key)');
      await tx.client.query('ANALYZE import_debtor');

      const createDebtors = (keyKind: string) =>
        tx.execute(sql`WITH created AS (
            INSERT INTO amiable.debtor (tenant_id, id, kind, name, name_key, siren, siret, vat_number, email, phone,
              address_line1, address_line2, postal_code, city, country, preferred_locale, created_at, updated_at)
            SELECT ${tenant}, new_debtor_id, debtor_kind, debtor_name, debtor_name_key, debtor_siren, debtor_siret, debtor_vat, debtor_email, debtor_phone,
              address_line1, address_line2, postal_code, city, coalesce(country, 'FR'), 'fr', ${now}, ${now}
            FROM import_debtor WHERE debtor_id IS NULL AND debtor_key LIKE ${`${keyKind}:%`}
            RETURNING id),
          marked AS (UPDATE import_debtor x SET debtor_id = x.new_debtor_id, created = true FROM created c WHERE c.id = x.new_debtor_id)
          INSERT INTO amiable.contact (tenant_id, id, debtor_id, name, email, phone, is_primary, created_at, updated_at)
          SELECT ${tenant}, gen_random_uuid(), x.new_debtor_id, x.contact_name, x.debtor_email, x.debtor_phone, true, ${now}, ${now}
          FROM import_debtor x JOIN created c ON c.id = x.new_debtor_id WHERE x.contact_name IS NOT NULL`);
      const rememberAccounts = () =>
        tx.execute(sql`INSERT INTO amiable.debtor_account (tenant_id, creditor_id, account_code, debtor_id)
          SELECT DISTINCT ON (debtor_account) ${tenant}, ${creditorId}, debtor_account, debtor_id FROM import_debtor
          WHERE debtor_account IS NOT NULL AND debtor_id IS NOT NULL ORDER BY debtor_account, created
          ON CONFLICT DO NOTHING`);
      const matchByName = (keyKind: string) =>
        tx.execute(sql`UPDATE import_debtor x SET debtor_id = d.id
          FROM (SELECT DISTINCT ON (name_key) name_key, id FROM amiable.debtor ORDER BY name_key, created_at, id) d
          WHERE x.debtor_id IS NULL AND x.debtor_key LIKE ${`${keyKind}:%`} AND d.name_key = x.debtor_name_key`);

      // 1. SIREN identifies a company: match it, or create the debtor.
      await tx.execute(
        sql`UPDATE import_debtor x SET debtor_id = d.id FROM amiable.debtor d WHERE x.debtor_siren IS NOT NULL AND d.siren = x.debtor_siren`,
      );
      await createDebtors('siren');
      await rememberAccounts();
      // 2. Without SIREN, the customer account code in this creditor's books, then the exact name.
      await tx.execute(sql`UPDATE import_debtor x SET debtor_id = a.debtor_id FROM amiable.debtor_account a
        WHERE x.debtor_id IS NULL AND x.debtor_key LIKE 'account:%' AND a.creditor_id = ${creditorId} AND a.account_code = x.debtor_account`);
      await matchByName('account');
      await createDebtors('account');
      await rememberAccounts();
      // 3. Name only.
      await matchByName('name');
      await createDebtors('name');

      // An invoice that payments already settle cannot move to another debtor: those payments are the first debtor's.
      const moved = await tx.query<{ line: number }>(sql`
        SELECT r.line FROM import_match m JOIN import_row r USING (line) JOIN import_debtor x USING (debtor_key)
        WHERE m.settled > 0 AND m.old_debtor_id <> x.debtor_id`);
      await refuse(
        moved.map((row) => ({
          line: row.line,
          issue: { line: row.line, column: labels.debtor, code: 'locked_by_payments', params: { value: 'debtor' } },
        })),
      );

      const actorColumns = sql`${actor.kind}, ${actor.id}, ${actor.label}, ${actor.channel}, ${actor.ip}`;
      await tx.execute(sql`INSERT INTO amiable.activity (tenant_id, id, occurred_at, debtor_id, actor_kind, actor_id, actor_label, channel, ip,
          action, subject_type, subject_id, details)
        SELECT ${tenant}, gen_random_uuid(), ${now}, debtor_id, ${actorColumns}, 'debtor.created', 'debtor', debtor_id,
          jsonb_build_object('name', debtor_name, 'importId', ${importId}::text)
        FROM import_debtor WHERE created`);

      // Outstanding amounts of the file's invoices after the import, per currency, gathered
      // from the statements below (text: sums of bigint may pass 2^53, checked in JS).
      const totals = new Map<string, number>();
      const addTotals = (sums: Record<string, string> | null) => {
        for (const [currency, sum] of Object.entries(sums ?? {})) {
          const value = Number(sum);
          if (!Number.isSafeInteger(value)) throw new RangeError(`outstanding total ${sum} exceeds the safe integer range`);
          totals.set(currency, (totals.get(currency) ?? 0) + value);
        }
      };

      // Existing invoices: what the file says, optional fields kept when the file leaves them empty.
      const counts = await tx.one<{
        updated: number;
        unchanged: number;
        updated_totals: Record<string, string> | null;
        unchanged_totals: Record<string, string> | null;
      }>(sql`
        WITH candidate AS (
          SELECT m.*, r.kind, r.number, x.debtor_id,
                 r.issue_date, coalesce(r.due_date, m.old_due_date) AS due_date, r.currency,
                 coalesce(r.excl, m.old_excl) AS excl, r.incl, r.due,
                 CASE WHEN r.outstanding IS NULL THEN m.old_paid_outside ELSE greatest(0, r.due - r.outstanding - m.settled) END AS paid_outside,
                 coalesce(r.order_reference, m.old_order_reference) AS order_reference,
                 coalesce(r.contract_reference, m.old_contract_reference) AS contract_reference,
                 coalesce(r.description, m.old_description) AS description,
                 coalesce(r.payment_reference, m.old_payment_reference) AS payment_reference,
                 coalesce(r.payment_terms, m.old_payment_terms) AS payment_terms,
                 coalesce(r.preceding, m.old_preceding) AS preceding,
                 coalesce(r.document_file_id, m.old_document_file_id) AS document_file_id
          FROM import_match m JOIN import_row r USING (line) JOIN import_debtor x USING (debtor_key)
        ),
        changed AS (
          -- The per-field diff is built only for rows that differ at all: re-importing a file
          -- mostly finds unchanged rows, and 15 CASEs into a jsonb per row was most of that cost.
          SELECT c.*, CASE WHEN (c.debtor_id, c.issue_date, c.due_date, c.currency, c.excl, c.incl, c.due, c.paid_outside, c.order_reference,
                 c.contract_reference, c.description, c.payment_reference, c.payment_terms, c.preceding, c.document_file_id)
               IS NOT DISTINCT FROM (c.old_debtor_id, c.old_issue_date, c.old_due_date, c.old_currency, c.old_excl, c.old_incl, c.old_due,
                 c.old_paid_outside, c.old_order_reference, c.old_contract_reference, c.old_description, c.old_payment_reference,
                 c.old_payment_terms, c.old_preceding, c.old_document_file_id)
            THEN '{}'::jsonb ELSE jsonb_strip_nulls(jsonb_build_object(
              'debtorId', CASE WHEN c.debtor_id <> c.old_debtor_id THEN jsonb_build_array(c.old_debtor_id, c.debtor_id) END,
              'issueDate', CASE WHEN c.issue_date <> c.old_issue_date THEN jsonb_build_array(c.old_issue_date, c.issue_date) END,
              'dueDate', CASE WHEN c.due_date IS DISTINCT FROM c.old_due_date THEN jsonb_build_array(c.old_due_date, c.due_date) END,
              'currency', CASE WHEN c.currency <> c.old_currency THEN jsonb_build_array(c.old_currency, c.currency) END,
              'amountExclTaxCents', CASE WHEN c.excl IS DISTINCT FROM c.old_excl THEN jsonb_build_array(c.old_excl, c.excl) END,
              'amountInclTaxCents', CASE WHEN c.incl <> c.old_incl THEN jsonb_build_array(c.old_incl, c.incl) END,
              'amountDueCents', CASE WHEN c.due <> c.old_due THEN jsonb_build_array(c.old_due, c.due) END,
              'paidOutsideCents', CASE WHEN c.paid_outside <> c.old_paid_outside THEN jsonb_build_array(c.old_paid_outside, c.paid_outside) END,
              'orderReference', CASE WHEN c.order_reference IS DISTINCT FROM c.old_order_reference THEN jsonb_build_array(c.old_order_reference, c.order_reference) END,
              'contractReference', CASE WHEN c.contract_reference IS DISTINCT FROM c.old_contract_reference THEN jsonb_build_array(c.old_contract_reference, c.contract_reference) END,
              'description', CASE WHEN c.description IS DISTINCT FROM c.old_description THEN jsonb_build_array(c.old_description, c.description) END,
              'paymentReference', CASE WHEN c.payment_reference IS DISTINCT FROM c.old_payment_reference THEN jsonb_build_array(c.old_payment_reference, c.payment_reference) END,
              'paymentTerms', CASE WHEN c.payment_terms IS DISTINCT FROM c.old_payment_terms THEN jsonb_build_array(c.old_payment_terms, c.payment_terms) END,
              'precedingInvoiceNumber', CASE WHEN c.preceding IS DISTINCT FROM c.old_preceding THEN jsonb_build_array(c.old_preceding, c.preceding) END,
              'documentFileId', CASE WHEN c.document_file_id IS DISTINCT FROM c.old_document_file_id THEN jsonb_build_array(c.old_document_file_id, c.document_file_id) END
            )) END AS diff
          FROM candidate c
        ),
        updated AS (
          UPDATE amiable.invoice i SET debtor_id = c.debtor_id, issue_date = c.issue_date, due_date = c.due_date, currency = c.currency,
              amount_excl_tax_cents = c.excl, amount_incl_tax_cents = c.incl, amount_due_cents = c.due, paid_outside_cents = c.paid_outside,
              order_reference = c.order_reference, contract_reference = c.contract_reference, description = c.description,
              payment_reference = c.payment_reference, payment_terms = c.payment_terms, preceding_invoice_number = c.preceding,
              document_file_id = c.document_file_id, import_id = ${importRef}, updated_at = ${now}
          FROM changed c WHERE i.id = c.id AND c.diff <> '{}'::jsonb
          RETURNING i.kind, i.currency, i.outstanding_cents
        ),
        logged AS (
          INSERT INTO amiable.activity (tenant_id, id, occurred_at, debtor_id, actor_kind, actor_id, actor_label, channel, ip,
              action, subject_type, subject_id, details)
          SELECT ${tenant}, gen_random_uuid(), ${now}, c.debtor_id, ${actorColumns}, 'invoice.updated', 'invoice', c.id,
            jsonb_build_object('number', c.number, 'importId', ${importId}::text, 'changes', c.diff)
          FROM changed c WHERE c.diff <> '{}'::jsonb
        )
        SELECT (SELECT count(*) FROM updated)::int AS updated,
               (SELECT count(*) FROM changed WHERE diff = '{}'::jsonb)::int AS unchanged,
               (SELECT jsonb_object_agg(currency, total::text) FROM (SELECT currency, sum(outstanding_cents) AS total FROM updated
                  WHERE kind = 'invoice' GROUP BY currency) t) AS updated_totals,
               (SELECT jsonb_object_agg(currency, total::text) FROM (SELECT old_currency AS currency, sum(old_outstanding) AS total FROM changed
                  WHERE diff = '{}'::jsonb AND kind = 'invoice' GROUP BY old_currency) t) AS unchanged_totals`);
      addTotals(counts.updated_totals);
      addTotals(counts.unchanged_totals);

      // New invoices, and one activity line per debtor summarising what arrived.
      const created = await tx.one<{ created: number; totals: Record<string, string> | null }>(sql`
        WITH inserted AS (
          INSERT INTO amiable.invoice (tenant_id, id, creditor_id, debtor_id, kind, number, issue_date, due_date, currency,
              amount_excl_tax_cents, amount_incl_tax_cents, amount_due_cents, paid_outside_cents, order_reference, contract_reference, description,
              payment_reference, payment_terms, preceding_invoice_number, document_file_id, source, import_id, created_at, updated_at)
          SELECT ${tenant}, r.invoice_id, ${creditorId}, x.debtor_id, r.kind, r.number, r.issue_date, r.due_date, r.currency,
              r.excl, r.incl, r.due, CASE WHEN r.outstanding IS NULL THEN 0 ELSE r.due - r.outstanding END, r.order_reference, r.contract_reference,
              r.description, r.payment_reference, r.payment_terms, r.preceding, r.document_file_id, 'import', ${importRef}, ${now}, ${now}
          FROM import_row r JOIN import_debtor x USING (debtor_key)
          WHERE NOT EXISTS (SELECT 1 FROM import_match m WHERE m.line = r.line)
          RETURNING debtor_id, number, kind, currency, outstanding_cents
        ),
        per_debtor AS (
          SELECT debtor_id, count(*) AS n, (array_agg(number ORDER BY number))[1:20] AS numbers FROM inserted GROUP BY debtor_id
        ),
        logged AS (
          INSERT INTO amiable.activity (tenant_id, id, occurred_at, debtor_id, actor_kind, actor_id, actor_label, channel, ip,
              action, subject_type, subject_id, details)
          SELECT ${tenant}, gen_random_uuid(), ${now}, debtor_id, ${actorColumns}, 'import.invoices-created', 'import', ${importId},
            jsonb_build_object('count', n, 'numbers', to_jsonb(numbers), 'importId', ${importId}::text)
          FROM per_debtor
        )
        SELECT (SELECT count(*) FROM inserted)::int AS created,
               (SELECT jsonb_object_agg(currency, total::text) FROM (SELECT currency, sum(outstanding_cents) AS total FROM inserted
                  WHERE kind = 'invoice' GROUP BY currency) t) AS totals`);
      addTotals(created.totals);

      const outcome: ApplyOutcome = {
        created: created.created,
        updated: counts.updated,
        unchanged: counts.unchanged,
        rejected,
        outstandingByCurrency: new Map([...totals].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
      };
      return outcome;
    },
  };
}

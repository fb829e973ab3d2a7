/**
 * Issue 2, import: "a generated 1,000,000-row CSV imports in no more than 2×
 * the time a raw PostgreSQL COPY of the same rows into the same table takes,
 * measured in the same run".
 *
 *   npm run bench -- import [--rows 1000000] [--runs 3] [--profile 1]
 *
 * Each run measures, each in a fresh clone of one prepared database (so both
 * start from the same table contents, and neither inherits the other's rows,
 * dead tuples or dirty buffers):
 * - copy: the file's rows, converted beforehand into the column layout of
 *   amiable.invoice (debtors created beforehand), loaded with one
 *   `COPY amiable.invoice (…) FROM STDIN` as the application role inside a
 *   tenant transaction: same row-level security, indexes, constraints and
 *   foreign keys as the import;
 * - import: `amiable import invoices FILE` as the CLI runs it (batch row,
 *   file fingerprint, importFile: parsing, validation, debtor matching and
 *   creation, upserts, activity log), then the same file again (idempotent).
 * The order of the two alternates between runs; a CHECKPOINT precedes each
 * timed part so that no run pays for the previous one's dirty pages.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Database, inTenant, importRepository, openDatabase, postgresImportUnitOfWork, sql } from '@amiable/db';
import { generateInvoiceCsv } from '@amiable/demo';
import { parisDateOf } from '@amiable/domain';
import { openTable } from '@amiable/imports';
import { debtorKeyOf, importFile, nameKey } from '@amiable/ledger';
import { systemClock, uuidV7Generator } from '@amiable/system';
import type pg from 'pg';
import { benchArgs } from './lib/args.js';
import { type BenchTenant, benchContext, copyAsAdmin, copyField, createTenantWithCreditor } from './lib/ledger-setup.js';
import { type BenchServer, startBenchServer } from './lib/postgres.js';
import { environment, median, round, seconds, withPeakRss, writeResult } from './lib/report.js';

// --reimports N: how many runs (the first ones) also time the re-import. One by default: at a
// million rows each re-import adds a minute, and three would take the default run past ten.
const args = benchArgs({ rows: 1_000_000, runs: 3, extra: { profile: 0, reimports: 1 } });
const log = (message: string) => console.log(message);
const profile = args.extra.profile === 1;

const INVOICE_COLUMNS = [
  'tenant_id',
  'id',
  'creditor_id',
  'debtor_id',
  'kind',
  'number',
  'issue_date',
  'due_date',
  'currency',
  'amount_excl_tax_cents',
  'amount_incl_tax_cents',
  'amount_due_cents',
  'paid_outside_cents',
  'order_reference',
  'contract_reference',
  'description',
  'payment_reference',
  'payment_terms',
  'preceding_invoice_number',
  'document_file_id',
  'source',
  'import_id',
  'created_at',
  'updated_at',
] as const;

const DEBTOR_COLUMNS = [
  'tenant_id',
  'id',
  'kind',
  'name',
  'name_key',
  'siren',
  'siret',
  'vat_number',
  'email',
  'phone',
  'address_line1',
  'address_line2',
  'postal_code',
  'city',
  'country',
  'preferred_locale',
  'created_at',
  'updated_at',
] as const;

async function writeCsv(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  for (const chunk of generateInvoiceCsv({ invoices: rows, seed: 1, today: parisDateOf(systemClock.now()) })) {
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

interface Prepared {
  readonly template: string;
  readonly copyTenant: BenchTenant;
  readonly importTenant: BenchTenant;
  readonly tsv: string;
  readonly rows: number;
  readonly debtors: number;
}

/**
 * The template every run clones: two empty tenants with a creditor each; the
 * COPY tenant also gets the file's debtors and a batch row for import_id (the
 * import creates its debtors itself, that is part of its work). The COPY file
 * is written with the template's ids, as the import would write the rows.
 */
async function prepare(server: BenchServer, csv: string, work: string): Promise<Prepared> {
  const { name, url } = await server.createDatabase('template');
  const db = openDatabase(url, { appPoolSize: 2, adminPoolSize: 1, applicationName: 'amiable-bench' });
  try {
    const copyTenant = await createTenantWithCreditor(db, 'Bench COPY', 'Créancier COPY SAS');
    const importTenant = await createTenantWithCreditor(db, 'Bench import', 'Créancier import SAS');
    const ids = uuidV7Generator(systemClock);
    const batchId = ids.newId();
    const now = new Date().toISOString();
    await inTenant(db.app, { tenantId: copyTenant.tenantId }, (tx) =>
      tx.execute(sql`INSERT INTO amiable.import_batch (tenant_id, id, creditor_id, filename, format, sha256, status, mode, actor_kind, actor_label, created_at)
        VALUES (${copyTenant.tenantId}, ${batchId}, ${copyTenant.creditorId}, 'invoices.csv', 'csv', ${Buffer.alloc(32)}, 'completed', 'all-or-nothing',
          'import', 'bench', ${now})`),
    );

    const opened = await openTable({ path: csv });
    if (!opened.ok) throw new Error(`openTable: ${JSON.stringify(opened.error)}`);
    const tsv = path.join(work, 'invoices.copy.tsv');
    const out = createWriteStream(tsv);
    const debtorIds = new Map<string, string>();
    const debtorLines: string[] = [];
    const fixed = { tenant: copyTenant.tenantId, creditor: copyTenant.creditorId };
    let rows = 0;
    for await (const batch of opened.value.batches) {
      let text = '';
      for (const item of batch) {
        if (!('record' in item)) throw new Error(`the generated file has a rejected row: ${JSON.stringify(item.issues)}`);
        const r = item.record;
        const key = debtorKeyOf(r);
        let debtorId = debtorIds.get(key);
        if (debtorId === undefined) {
          debtorId = ids.newId();
          debtorIds.set(key, debtorId);
          const d = r.debtor;
          const a = d.address;
          debtorLines.push(
            `${[
              fixed.tenant,
              debtorId,
              d.kind,
              d.name,
              nameKey(d.name),
              d.siren ?? d.siret?.slice(0, 9) ?? null,
              d.siret,
              d.vatNumber,
              d.email,
              d.phone,
              a?.line1,
              a?.line2,
              a?.postalCode,
              a?.city,
              a?.country ?? 'FR',
              'fr',
              now,
              now,
            ]
              .map(copyField)
              .join('\t')}\n`,
          );
        }
        const paidOutside = r.outstandingCents === null ? 0 : r.amountDueCents - r.outstandingCents;
        text += `${[
          fixed.tenant,
          ids.newId(),
          fixed.creditor,
          debtorId,
          r.kind,
          r.number,
          r.issueDate,
          r.dueDate,
          r.currency,
          r.amountExclTaxCents,
          r.amountInclTaxCents,
          r.amountDueCents,
          paidOutside,
          r.orderReference,
          r.contractReference,
          r.description,
          r.paymentReference,
          r.paymentTerms,
          r.precedingInvoiceNumber,
          null,
          'import',
          batchId,
          now,
          now,
        ]
          .map(copyField)
          .join('\t')}\n`;
        rows++;
      }
      if (!out.write(text)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    await copyAsAdmin(db, copyTenant.tenantId, 'amiable.debtor', DEBTOR_COLUMNS, debtorLines);
    await db.admin.query('VACUUM ANALYZE');
    return { template: name, copyTenant, importTenant, tsv, rows, debtors: debtorIds.size };
  } finally {
    await db.close();
  }
}

/** CHECKPOINT needs superuser or pg_checkpoint; without it the runs are only noisier. */
async function checkpoint(server: BenchServer): Promise<void> {
  await server.admin('CHECKPOINT').catch(() => undefined);
}

/** Per-statement timings of the import's connection (--profile 1): which SQL costs what. */
function profileStatements(db: Database): { marks: { at: number; ms: number; text: string }[]; reset(): void } {
  const marks: { at: number; ms: number; text: string }[] = [];
  let origin = performance.now();
  const wrapped = new WeakSet<pg.PoolClient>();
  db.app.on('acquire', (client: pg.PoolClient) => {
    if (wrapped.has(client)) return;
    wrapped.add(client);
    const original = client.query.bind(client) as (...a: unknown[]) => unknown;
    (client as unknown as { query: (...a: unknown[]) => unknown }).query = (...a: unknown[]) => {
      const first = a[0];
      const text =
        typeof first === 'string'
          ? first
          : typeof first === 'object' && first !== null && 'text' in first
            ? String(first.text)
            : '(stream)';
      const started = performance.now();
      const result = original(...a);
      if (result instanceof Promise) {
        return result.finally(() =>
          marks.push({ at: started - origin, ms: performance.now() - started, text: text.replace(/\s+/g, ' ').slice(0, 110) }),
        );
      }
      marks.push({ at: started - origin, ms: 0, text: `${text.replace(/\s+/g, ' ').slice(0, 100)} (started)` });
      return result;
    };
  });
  return {
    marks,
    reset() {
      marks.length = 0;
      origin = performance.now();
    },
  };
}

async function sha256OfFile(file: string): Promise<Uint8Array> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return new Uint8Array(hash.digest());
}

/** What `amiable import invoices FILE` does after parsing its flags (apps/cli/src/commands/import.ts). */
async function cliImport(db: Database, tenant: BenchTenant, file: string) {
  const ctx = benchContext(`CLI ${path.basename(file)}`);
  const uow = postgresImportUnitOfWork(db.app, { tenantId: tenant.tenantId });
  const batchId = ctx.ids.newId();
  await inTenant(db.app, { tenantId: tenant.tenantId }, (tx) =>
    importRepository(tx).insertBatch({
      id: batchId,
      creditorId: null,
      filename: path.basename(file),
      format: 'csv',
      fileId: null,
      sha256: new Uint8Array(32),
      status: 'queued',
      mode: 'all-or-nothing',
      settings: {},
      counts: { created: 0, updated: 0, unchanged: 0, rejected: 0 },
      rejectedRows: [],
      outstandingByCurrency: {},
      errorCode: null,
      actor: ctx.actor,
      createdAt: ctx.clock.now(),
      startedAt: null,
      finishedAt: null,
    }),
  );
  const sha = await sha256OfFile(file);
  await inTenant(db.app, { tenantId: tenant.tenantId }, (tx) =>
    tx.execute({ text: 'UPDATE amiable.import_batch SET sha256 = $1 WHERE id = $2', values: [Buffer.from(sha), batchId] }),
  );
  const result = await importFile(
    {
      batchId,
      filename: path.basename(file),
      source: { path: file },
      format: 'csv',
      mode: 'all-or-nothing',
      dryRun: false,
      creditorId: null,
      rememberMapping: false,
    },
    ctx,
    uow,
  );
  if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result.error)}`);
  if (!result.value.written || result.value.rejected.length > 0) {
    throw new Error(`import rejected ${result.value.rejected.length} rows: ${JSON.stringify(result.value.rejected.slice(0, 3))}`);
  }
  return result.value;
}

interface RunResult {
  run: number;
  order: string;
  copySeconds: number;
  importSeconds: number;
  ratio: number;
  reimportSeconds: number | null;
  importPeakRssMiB: number;
  created: number;
  reimportUnchanged: number | null;
}

async function measureCopy(server: BenchServer, prepared: Prepared): Promise<number> {
  const clone = await server.createDatabase('copy', { template: prepared.template });
  const db = openDatabase(clone.url, { appPoolSize: 2, adminPoolSize: 1, applicationName: 'amiable-bench' });
  try {
    await checkpoint(server);
    const started = performance.now();
    await copyAsAdmin(db, prepared.copyTenant.tenantId, 'amiable.invoice', INVOICE_COLUMNS, prepared.tsv);
    const elapsed = seconds(started);
    const count = await inTenant(db.app, { tenantId: prepared.copyTenant.tenantId }, (tx) =>
      tx.one<{ n: number }>(sql`SELECT count(*)::int AS n FROM amiable.invoice`),
    );
    if (count.n !== prepared.rows) throw new Error(`COPY loaded ${count.n} rows, expected ${prepared.rows}`);
    return elapsed;
  } finally {
    await db.close();
    await server.dropDatabase(clone.name);
  }
}

async function measureImport(server: BenchServer, prepared: Prepared, csv: string, reimport: boolean) {
  const clone = await server.createDatabase('import', { template: prepared.template });
  const db = openDatabase(clone.url, { appPoolSize: 4, adminPoolSize: 1, applicationName: 'amiable-bench' });
  const profiler = profile ? profileStatements(db) : null;
  try {
    await checkpoint(server);
    profiler?.reset();
    const started = performance.now();
    const { value: first, peakRssBytes } = await withPeakRss(() => cliImport(db, prepared.importTenant, csv));
    const importSeconds = seconds(started);
    if (first.created !== prepared.rows) throw new Error(`import created ${first.created}, expected ${prepared.rows}`);
    if (profiler) printProfile('import', profiler.marks);
    if (!reimport) return { importSeconds, reimportSeconds: null, peakRssBytes, created: first.created, unchanged: null };

    await checkpoint(server);
    profiler?.reset();
    const again = performance.now();
    const second = await cliImport(db, prepared.importTenant, csv);
    const reimportSeconds = seconds(again);
    if (second.created !== 0 || second.updated !== 0 || second.unchanged !== prepared.rows) {
      throw new Error(`re-import is not idempotent: ${second.created} created, ${second.updated} updated, ${second.unchanged} unchanged`);
    }
    if (profiler) printProfile('re-import', profiler.marks);
    return { importSeconds, reimportSeconds, peakRssBytes, created: first.created, unchanged: second.unchanged };
  } finally {
    await db.close();
    await server.dropDatabase(clone.name);
  }
}

function printProfile(label: string, marks: readonly { at: number; ms: number; text: string }[]): void {
  log(`  profile of the ${label} (statements over 20 ms; "at" is from the start):`);
  for (const mark of marks) {
    if (mark.ms >= 20 || mark.text.startsWith('COPY'))
      log(`    at ${(mark.at / 1000).toFixed(2).padStart(6)} s  ${(mark.ms / 1000).toFixed(2).padStart(6)} s  ${mark.text}`);
  }
}

async function main(): Promise<void> {
  log(`Import benchmark: ${args.rows.toLocaleString('en')} rows, ${args.runs} run(s)`);
  const server = await startBenchServer(log);
  const work = await mkdtemp(path.join(tmpdir(), 'amiable-bench-import-'));
  try {
    const csv = path.join(work, 'invoices.csv');
    let started = performance.now();
    await writeCsv(csv, args.rows);
    const csvBytes = (await stat(csv)).size;
    log(`Generated ${csv} (${(csvBytes / 2 ** 20).toFixed(0)} MiB) in ${seconds(started).toFixed(1)} s`);

    started = performance.now();
    const parseStarted = performance.now();
    let parsed = 0;
    const opened = await openTable({ path: csv });
    if (!opened.ok) throw new Error(`openTable: ${JSON.stringify(opened.error)}`);
    for await (const batch of opened.value.batches) parsed += batch.length;
    const parseSeconds = seconds(parseStarted);
    log(
      `Parser alone (openTable batches, no database): ${parsed} rows in ${parseSeconds.toFixed(2)} s, ${Math.round(parsed / parseSeconds)} rows/s`,
    );

    started = performance.now();
    const prepared = await prepare(server, csv, work);
    log(`Prepared the template database (${prepared.debtors} debtors) and the COPY file in ${seconds(started).toFixed(1)} s`);

    const runs: RunResult[] = [];
    for (let run = 1; run <= args.runs; run++) {
      const copyFirst = run % 2 === 1;
      let copySeconds = 0;
      let imported: Awaited<ReturnType<typeof measureImport>> | null = null;
      if (copyFirst) copySeconds = await measureCopy(server, prepared);
      imported = await measureImport(server, prepared, csv, run <= (args.extra.reimports ?? 1));
      if (!copyFirst) copySeconds = await measureCopy(server, prepared);
      const result: RunResult = {
        run,
        order: copyFirst ? 'copy, import' : 'import, copy',
        copySeconds: round(copySeconds),
        importSeconds: round(imported.importSeconds),
        ratio: round(imported.importSeconds / copySeconds),
        reimportSeconds: imported.reimportSeconds === null ? null : round(imported.reimportSeconds),
        importPeakRssMiB: Math.round(imported.peakRssBytes / 2 ** 20),
        created: imported.created,
        reimportUnchanged: imported.unchanged,
      };
      runs.push(result);
      log(
        `Run ${run}/${args.runs} (${result.order}): COPY ${result.copySeconds.toFixed(2)} s, import ${result.importSeconds.toFixed(2)} s, ratio ${result.ratio.toFixed(2)}, re-import ${result.reimportSeconds === null ? '-' : `${result.reimportSeconds.toFixed(2)} s`}, peak RSS ${result.importPeakRssMiB} MiB`,
      );
    }

    const copySeconds = median(runs.map((r) => r.copySeconds));
    const importSeconds = median(runs.map((r) => r.importSeconds));
    const ratio = median(runs.map((r) => r.ratio));
    const reimports = runs.flatMap((r) => (r.reimportSeconds === null ? [] : [r.reimportSeconds]));
    const reimportSeconds = median(reimports);
    const result = {
      benchmark: 'import',
      target: 'import time ≤ 2 × COPY time of the same rows into the same table (median ratio of the runs)',
      rows: prepared.rows,
      debtors: prepared.debtors,
      csvMiB: round(csvBytes / 2 ** 20, 1),
      runsCount: args.runs,
      copySeconds: round(copySeconds),
      importSeconds: round(importSeconds),
      ratio: round(ratio),
      passes: ratio <= 2,
      reimportSeconds: reimports.length > 0 ? round(reimportSeconds) : null,
      reimportsCount: reimports.length,
      copyRowsPerSecond: Math.round(prepared.rows / copySeconds),
      importRowsPerSecond: Math.round(prepared.rows / importSeconds),
      reimportRowsPerSecond: reimports.length > 0 ? Math.round(prepared.rows / reimportSeconds) : null,
      importPeakRssMiB: Math.max(...runs.map((r) => r.importPeakRssMiB)),
      parserAlone: { rows: parsed, seconds: round(parseSeconds), rowsPerSecond: Math.round(parsed / parseSeconds) },
      runs,
      method: {
        copy: 'one COPY amiable.invoice (…) FROM STDIN (pg-copy-streams, text format, file pre-converted with debtors pre-created) as amiable_app in a tenant transaction',
        import:
          'what `amiable import invoices FILE` runs: import batch row, SHA-256 of the file, importFile (stream parse + validation, COPY to staging, debtor matching and creation, upserts, activity log), one transaction',
        reimport:
          'the same file again into the same tenant, right after the import, in the first --reimports runs: 0 created, 0 updated, all unchanged (checked)',
        isolation:
          'each measurement in a fresh clone of the same prepared database; CHECKPOINT before each timed part; order alternates between runs',
        peakRss: 'process.memoryUsage().rss sampled every 50 ms during the first import (the benchmark process runs the import in-process)',
      },
      ...environment(server),
    };
    const file = await writeResult('import', result);
    log('');
    log(
      `COPY ${copySeconds.toFixed(2)} s (${result.copyRowsPerSecond} rows/s) | import ${importSeconds.toFixed(2)} s (${result.importRowsPerSecond} rows/s) | ratio ${ratio.toFixed(2)} (target ≤ 2: ${result.passes ? 'met' : 'NOT met'})`,
    );
    log(
      `re-import ${reimports.length > 0 ? `${reimportSeconds.toFixed(2)} s (${reimports.length} run(s))` : 'not measured'} | peak RSS ${result.importPeakRssMiB} MiB | parser alone ${result.parserAlone.rowsPerSecond} rows/s | medians of ${args.runs} run(s)`,
    );
    log(`Result: ${file}`);
  } finally {
    await rm(work, { recursive: true, force: true });
    await server.close();
  }
}

await main();

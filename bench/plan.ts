/**
 * Issue 4, plan: "planning 1,000,000 open invoices of 200,000 debtors takes no more
 * than 5× a plain SQL scan of the same invoice rows in the same run, and under 60 s
 * on a 2-core machine".
 *
 *   npm run bench -- plan [--rows 1000000] [--debtors 200000] [--runs 3]
 *
 * Loads one tenant with --rows open invoices over --debtors debtors (due dates from
 * 120 days ago to 30 days ahead, so every step of the default scenario has invoices
 * reaching it), runs the planner once for the previous day (cases opened, first
 * actions written: the steady state of a tenant planned every morning), then, in
 * fresh clones of that database, measures:
 * - the baseline: a plain scan of the same open invoice rows (the columns the
 *   planner needs) read into Node by the application role in a tenant transaction;
 * - the planner's run for the day (runPlanner: promises, snapshot, decisions,
 *   dispatch rows, progress, case states and the jobs of the e-mails).
 * The order alternates between runs; each timed part starts after a CHECKPOINT.
 */
import { type Database, inTenant, openDatabase, runPlanner, sql } from '@amiable/db';
import { addDays, parisDateOf } from '@amiable/domain';
import { systemClock, uuidV7Generator } from '@amiable/system';
import { benchArgs } from './lib/args.js';
import { copyAsAdmin, copyField, createTenantWithCreditor, DEBTOR_COLUMNS, INVOICE_COLUMNS, prng } from './lib/ledger-setup.js';
import { startBenchServer } from './lib/postgres.js';
import { environment, median, round, seconds, writeResult } from './lib/report.js';

const args = benchArgs({ rows: 1_000_000, runs: 3, extra: { debtors: 200_000 } });
const debtorCount = (args.extra as { debtors: number }).debtors;
const log = (message: string) => console.log(message);

async function load(db: Database, today: string): Promise<{ tenantId: string }> {
  const tenant = await createTenantWithCreditor(db, 'Bench plan', 'Créancier Plan SAS');
  const ids = uuidV7Generator(systemClock);
  const now = new Date().toISOString();
  const debtorIds = Array.from({ length: debtorCount }, () => ids.newId());
  await copyAsAdmin(
    db,
    tenant.tenantId,
    'amiable.debtor',
    DEBTOR_COLUMNS,
    debtorIds.map(
      (id, i) =>
        `${[tenant.tenantId, id, 'business', `Client ${i + 1} SARL`, `client ${i + 1} sarl`, 'FR', 'fr', now, now].map(copyField).join('\t')}\n`,
    ),
  );
  const random = prng(7);
  function* lines(): Generator<string> {
    let text = '';
    for (let i = 1; i <= args.rows; i++) {
      const debtor = debtorIds[i <= debtorCount ? i - 1 : Math.floor(random() * debtorCount)] as string;
      const due = addDays(today, 30 - Math.floor(random() * 151));
      const issue = addDays(due, -30);
      const incl = 5_000 + Math.floor(random() * 500_000);
      text += `${[tenant.tenantId, ids.newId(), tenant.creditorId, debtor, 'invoice', `FA-${String(i).padStart(9, '0')}`, issue, due, 'EUR', Math.round(incl / 1.2), incl, incl, 0, 'import', now, now].join('\t')}\n`;
      if (i % 2_000 === 0) {
        yield text;
        text = '';
      }
    }
    if (text) yield text;
  }
  await copyAsAdmin(db, tenant.tenantId, 'amiable.invoice', INVOICE_COLUMNS, lines());
  return { tenantId: tenant.tenantId };
}

async function scan(db: Database, tenantId: string): Promise<number> {
  const rows = await inTenant(db.app, { tenantId }, (tx) =>
    tx.query(sql`SELECT i.id, i.number, i.outstanding_cents::text AS outstanding, i.due_date::text AS due_date, i.debtor_id, i.creditor_id
      FROM amiable.invoice i WHERE i.kind = 'invoice' AND i.outstanding_cents > 0 AND i.due_date IS NOT NULL`),
  );
  return rows.length;
}

async function main(): Promise<void> {
  log(`Plan benchmark: ${args.rows.toLocaleString('en')} open invoices, ${debtorCount.toLocaleString('en')} debtors, ${args.runs} run(s)`);
  const server = await startBenchServer(log);
  try {
    const today = parisDateOf(systemClock.now());
    const { name: template, url } = await server.createDatabase('plan');
    const setup = openDatabase(url, { appPoolSize: 2, adminPoolSize: 1, applicationName: 'amiable-bench' });
    let started = performance.now();
    const { tenantId } = await load(setup, today);
    await setup.admin.query('VACUUM ANALYZE');
    log(`Loaded in ${seconds(started).toFixed(1)} s`);
    started = performance.now();
    const firstPhases: Record<string, number> = {};
    const first = await runPlanner(setup.app, tenantId, addDays(today, -1), new Date(), uuidV7Generator(systemClock), (name, ms) => {
      firstPhases[name] = round(ms / 1000, 2);
    });
    const firstSeconds = seconds(started);
    log(`First planner run (yesterday: opens ${first.cases} cases): ${firstSeconds.toFixed(1)} s, ${first.created} actions`);
    await setup.admin.query('VACUUM ANALYZE');
    await setup.close();

    const runs = [];
    for (let run = 1; run <= args.runs; run++) {
      const clone = await server.createDatabase(`plan_run${run}`, { template, migrate: false });
      const db = openDatabase(clone.url, { appPoolSize: 2, adminPoolSize: 1, applicationName: 'amiable-bench' });
      const measure = async (what: 'scan' | 'plan') => {
        await db.admin.query('CHECKPOINT');
        const t = performance.now();
        const phases: Record<string, number> = {};
        const value =
          what === 'scan'
            ? { rows: await scan(db, tenantId) }
            : {
                ...(await runPlanner(db.app, tenantId, today, new Date(), uuidV7Generator(systemClock), (name, ms) => {
                  phases[name] = round(ms / 1000, 2);
                })),
                phaseSeconds: phases,
              };
        return { seconds: seconds(t), value };
      };
      const order: ('scan' | 'plan')[] = run % 2 === 1 ? ['scan', 'plan'] : ['plan', 'scan'];
      const results: Record<string, { seconds: number; value: unknown }> = {};
      for (const what of order) results[what] = await measure(what);
      await db.close();
      await server.dropDatabase(clone.name);
      const scanSeconds = results.scan?.seconds ?? Number.NaN;
      const planSeconds = results.plan?.seconds ?? Number.NaN;
      const entry = {
        run,
        order,
        scanSeconds: round(scanSeconds),
        planSeconds: round(planSeconds),
        ratio: round(planSeconds / scanSeconds, 2),
        scan: results.scan?.value,
        plan: results.plan?.value,
      };
      runs.push(entry);
      log(
        `Run ${run}/${args.runs}: scan ${scanSeconds.toFixed(2)} s, plan ${planSeconds.toFixed(2)} s, ratio ${entry.ratio} — ${JSON.stringify(results.plan?.value)}`,
      );
    }
    const ratio = median(runs.map((r) => r.ratio));
    const planSeconds = median(runs.map((r) => r.planSeconds));
    const result = {
      benchmark: 'plan',
      target: 'a planner run over 1,000,000 open invoices of 200,000 debtors takes ≤ 5 × a plain SQL scan of the same rows, and < 60 s',
      rows: args.rows,
      debtors: debtorCount,
      firstRun: { seconds: round(firstSeconds), ...first, phaseSeconds: firstPhases },
      medianScanSeconds: median(runs.map((r) => r.scanSeconds)),
      medianPlanSeconds: planSeconds,
      ratio,
      passes: ratio <= 5 && planSeconds < 60,
      runs,
      environment: environment({ kind: server.kind, version: server.version }),
    };
    const file = await writeResult('plan', result);
    log(
      `\nplan ${planSeconds} s vs scan ${result.medianScanSeconds} s: ratio ${ratio} (target ≤ 5 and < 60 s: ${result.passes ? 'met' : 'NOT met'}) | medians of ${args.runs} run(s)\nResult: ${file}`,
    );
  } finally {
    await server.close();
  }
}

await main();

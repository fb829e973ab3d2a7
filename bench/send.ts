/**
 * Issue 4, send: "10,000 e-mail actions through a local SMTP server at ≥ 200
 * messages/s", and the fault test: "kill -9 the worker at random moments 10 times
 * during those 10,000 actions, restart each time: the SMTP server received each
 * message exactly once; no action is lost; the review queue holds only genuinely
 * uncertain ones".
 *
 *   npm run bench -- send [--messages 10000] [--concurrency 8] [--kills 10]
 *
 * One tenant with --messages debtors, each with an e-mail contact and an invoice
 * whose first reminder fell due yesterday; the planner writes the 10,000 actions
 * and their jobs (a template database). Then, in clones of it:
 * - baseline: nodemailer alone sends as many messages of the same size to the same
 *   SMTP server with the same concurrency (no database, no queue);
 * - clean run: `amiable worker` (a real process, --concurrency jobs at once) sends
 *   them; rate = messages / time from the first to the last one received;
 * - fault run: the same, the worker killed with SIGKILL 10 times at random moments
 *   and restarted each time; then every Message-ID is counted.
 * The SMTP server (smtp-server) runs in this process and records Message-IDs.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { type Database, inTenant, openDatabase, runPlanner, saveContactPolicy } from '@amiable/db';
import { addDays, parisDateOf } from '@amiable/domain';
import { systemClock, uuidV7Generator } from '@amiable/system';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { benchArgs } from './lib/args.js';
import { copyAsAdmin, copyField, createTenantWithCreditor, DEBTOR_COLUMNS, INVOICE_COLUMNS } from './lib/ledger-setup.js';
import { startBenchServer } from './lib/postgres.js';
import { environment, round, seconds, writeResult } from './lib/report.js';

const args = benchArgs({ rows: 10_000, runs: 1, extra: { messages: 10_000, concurrency: 8, kills: 10 } });
const { messages, concurrency, kills } = args.extra as Record<'messages' | 'concurrency' | 'kills', number>;
const log = (message: string) => console.log(message);
const BIN = fileURLToPath(new URL('../apps/cli/bin/amiable.js', import.meta.url));
const MAIL_DOMAIN = 'bench.amiable.test';

/** Every message received, by Message-ID, with its arrival time. */
class Inbox {
  readonly counts = new Map<string, number>();
  readonly times: number[] = [];
  total = 0;
  record(messageId: string) {
    this.counts.set(messageId, (this.counts.get(messageId) ?? 0) + 1);
    this.times.push(performance.now());
    this.total++;
  }
  reset() {
    this.counts.clear();
    this.times.length = 0;
    this.total = 0;
  }
}

async function startSmtp(inbox: Inbox): Promise<{ port: number; close: () => Promise<void> }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    maxClients: 200,
    logger: false,
    // No reverse DNS of 127.0.0.1 per connection: a closed sandbox answers it slowly.
    disableReverseLookup: true,
    onData(stream, _session, callback) {
      let head = '';
      stream.on('data', (chunk: Buffer) => {
        if (head.length < 8192) head += chunk.toString('latin1');
      });
      stream.on('end', () => {
        const id = /^Message-ID:\s*(<[^>]+>)/im.exec(head)?.[1] ?? `(none ${randomUUID()})`;
        inbox.record(id);
        callback();
      });
    },
  });
  // A worker killed in the middle of a conversation resets its connection: expected here, not fatal.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function load(db: Database, yesterday: string): Promise<string> {
  const tenant = await createTenantWithCreditor(db, 'Bench send', 'Créancier Envoi SAS');
  const ids = uuidV7Generator(systemClock);
  const now = new Date().toISOString();
  const debtorIds = Array.from({ length: messages }, () => ids.newId());
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
  await copyAsAdmin(
    db,
    tenant.tenantId,
    'amiable.contact',
    ['tenant_id', 'id', 'debtor_id', 'name', 'email', 'preferred_locale', 'is_primary', 'created_at', 'updated_at'],
    debtorIds.map(
      (id, i) =>
        `${[tenant.tenantId, ids.newId(), id, 'Comptabilité', `compta${i + 1}@client.example`, 'fr', 't', now, now].map(copyField).join('\t')}\n`,
    ),
  );
  // Due four days before yesterday: the first reminder (due date + 3) fell due yesterday.
  const due = addDays(yesterday, -3);
  await copyAsAdmin(
    db,
    tenant.tenantId,
    'amiable.invoice',
    INVOICE_COLUMNS,
    debtorIds.map(
      (d, i) =>
        `${[tenant.tenantId, ids.newId(), tenant.creditorId, d, 'invoice', `FA-${String(i + 1).padStart(6, '0')}`, addDays(due, -30), due, 'EUR', 100_000, 120_000, 120_000, 0, 'import', now, now].join('\t')}\n`,
    ),
  );
  return tenant.tenantId;
}

function startWorkerProcess(url: string, smtpPort: number): ChildProcess {
  return spawn(process.execPath, [BIN, 'worker'], {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      DATABASE_URL: url,
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      MAIL_FROM: 'Relances <relances@bench.amiable.test>',
      AMIABLE_PUBLIC_URL: `https://${MAIL_DOMAIN}`,
      AMIABLE_WORKER_CONCURRENCY: String(concurrency),
      LOG_LEVEL: 'warn',
    },
  });
}

async function statuses(db: Database): Promise<Record<string, number>> {
  const rows = await db.admin.query<{ status: string; n: number }>(
    'SELECT status, count(*)::int AS n FROM amiable.dispatch GROUP BY status',
  );
  return Object.fromEntries(rows.rows.map((r) => [r.status, r.n]));
}

async function pendingJobs(db: Database): Promise<number> {
  return (
    (await db.admin.query<{ n: number }>("SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = 'recovery-dispatch'"))
      .rows[0]?.n ?? 0
  );
}

async function waitUntilDone(db: Database, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const s = await statuses(db);
    if (!s.planned && !s.sending && (await pendingJobs(db)) === 0) return;
    if (Date.now() > deadline) throw new Error(`not done after ${timeoutMs} ms: ${JSON.stringify(s)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    try {
      process.kill(-(child.pid as number), signal);
    } catch {
      resolve();
    }
  });
}

async function baseline(port: number, inbox: Inbox, size: number): Promise<number> {
  inbox.reset();
  const transport = nodemailer.createTransport(`smtp://127.0.0.1:${port}?pool=true&maxConnections=${concurrency}`);
  const body = 'x'.repeat(size);
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < messages; i = next++)
        await transport.sendMail({
          from: 'relances@bench.amiable.test',
          to: `compta${i}@client.example`,
          subject: 'Relance',
          text: body,
          messageId: `<baseline.${i}@${MAIL_DOMAIN}>`,
        });
    }),
  );
  transport.close();
  return messages / seconds(started);
}

async function main(): Promise<void> {
  log(
    `Send benchmark: ${messages.toLocaleString('en')} e-mail actions, worker concurrency ${concurrency}, ${kills} kills in the fault run`,
  );
  const server = await startBenchServer(log);
  const inbox = new Inbox();
  const smtp = await startSmtp(inbox);
  try {
    const yesterday = addDays(parisDateOf(systemClock.now()), -1);
    const { name: template, url } = await server.createDatabase('send');
    const setup = openDatabase(url, { appPoolSize: 2, adminPoolSize: 1, applicationName: 'amiable-bench' });
    const tenantId = await load(setup, yesterday);
    // The benchmark measures sending whatever the hour and the day it runs: every day, all day, is a sending window.
    await inTenant(setup.app, { tenantId }, (tx) =>
      saveContactPolicy(
        tx,
        { maxContactsPerWeek: 7, minDaysBetweenContacts: 0, noContactOn: [], windowStart: '00:00', windowEnd: '23:59' },
        new Date(),
      ),
    );
    const planned = await runPlanner(setup.app, tenantId, yesterday, new Date(), uuidV7Generator(systemClock));
    log(`Planned ${planned.created} e-mail actions for ${yesterday}`);
    await setup.admin.query('VACUUM ANALYZE');
    await setup.close();

    // Baseline: the same number of messages, of the size of a reminder, straight to the SMTP server.
    const baselineRate = await baseline(smtp.port, inbox, 900);
    log(`Baseline (nodemailer alone): ${baselineRate.toFixed(0)} messages/s`);

    // Clean run.
    const clean = await server.createDatabase('send_clean', { template, migrate: false });
    const cleanDb = openDatabase(clean.url, { appPoolSize: 1, adminPoolSize: 1, applicationName: 'amiable-bench' });
    inbox.reset();
    const started = performance.now();
    const worker = startWorkerProcess(clean.url, smtp.port);
    await waitUntilDone(cleanDb, 600_000);
    const totalSeconds = seconds(started);
    await stop(worker, 'SIGTERM');
    const first = inbox.times[0] ?? started;
    const last = inbox.times[inbox.times.length - 1] ?? started;
    const rate = inbox.total / ((last - first) / 1000);
    const cleanStatuses = await statuses(cleanDb);
    const cleanDuplicates = [...inbox.counts.values()].filter((n) => n > 1).length;
    log(
      `Clean run: ${inbox.total} messages, ${rate.toFixed(0)} messages/s from first to last (${totalSeconds.toFixed(1)} s with the worker's start), duplicates ${cleanDuplicates}, ${JSON.stringify(cleanStatuses)}`,
    );
    await cleanDb.close();
    await server.dropDatabase(clean.name);

    // Fault run: SIGKILL at random moments while sending, restart each time.
    const fault = await server.createDatabase('send_fault', { template, migrate: false });
    const faultDb = openDatabase(fault.url, { appPoolSize: 1, adminPoolSize: 1, applicationName: 'amiable-bench' });
    inbox.reset();
    const killedAt: number[] = [];
    for (let k = 0; k < kills; k++) {
      const child = startWorkerProcess(fault.url, smtp.port);
      // Kills spread over the whole run: the k-th once about k/(kills+1) of the messages are out, then a random moment later.
      const target = Math.floor(((k + 1) * messages) / (kills + 1));
      const deadline = Date.now() + 120_000;
      while (inbox.total < target && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 400)));
      await stop(child, 'SIGKILL');
      killedAt.push(inbox.total);
    }
    const final = startWorkerProcess(fault.url, smtp.port);
    await waitUntilDone(faultDb, 600_000);
    await stop(final, 'SIGTERM');
    const dispatches = await faultDb.admin.query<{ status: string; key: string }>(
      'SELECT status, idempotency_key AS key FROM amiable.dispatch',
    );
    const messageIdOf = (key: string) => `<${key.replace(/[^A-Za-z0-9.-]/g, '.')}@${MAIL_DOMAIN}>`;
    const check = {
      sentReceivedOnce: 0,
      sentNotReceived: 0,
      uncertainReceived: 0,
      uncertainNotReceived: 0,
      other: {} as Record<string, number>,
    };
    for (const d of dispatches.rows) {
      const received = inbox.counts.get(messageIdOf(d.key)) ?? 0;
      if (d.status === 'sent') received === 1 ? check.sentReceivedOnce++ : check.sentNotReceived++;
      else if (d.status === 'uncertain') received >= 1 ? check.uncertainReceived++ : check.uncertainNotReceived++;
      else check.other[d.status] = (check.other[d.status] ?? 0) + 1;
    }
    const duplicates = [...inbox.counts.entries()].filter(([, n]) => n > 1).length;
    const lost = dispatches.rows.filter((d) => d.status === 'planned' || d.status === 'sending').length;
    log(
      `Fault run: killed after ${killedAt.join(', ')} messages; received ${inbox.total} messages, duplicates ${duplicates}, lost ${lost}; ${JSON.stringify(check)}`,
    );
    await faultDb.close();
    await server.dropDatabase(fault.name);

    const result = {
      benchmark: 'send',
      target:
        '10,000 e-mail actions through a local SMTP server at ≥ 200 messages/s; under 10 kill -9, each message received exactly once, none lost, only genuinely uncertain ones in review',
      messages,
      concurrency,
      baseline: { messagesPerSecond: round(baselineRate, 1) },
      clean: {
        messagesPerSecond: round(rate, 1),
        secondsWithStart: round(totalSeconds),
        received: messages,
        duplicates: cleanDuplicates,
        statuses: cleanStatuses,
      },
      ratioToBaseline: round(rate / baselineRate, 3),
      fault: { kills, killedAfterMessages: killedAt, received: inbox.total, duplicates, lost, ...check },
      passes: rate >= 200 && cleanDuplicates === 0 && duplicates === 0 && lost === 0 && check.sentNotReceived === 0,
      environment: environment({ kind: server.kind, version: server.version }),
    };
    const file = await writeResult('send', result);
    log(
      `\nsend: ${rate.toFixed(0)} messages/s (baseline ${baselineRate.toFixed(0)}, ratio ${result.ratioToBaseline}); fault test: duplicates ${duplicates}, lost ${lost}, in review ${check.uncertainReceived + check.uncertainNotReceived} (of which received ${check.uncertainReceived}) — ${result.passes ? 'met' : 'NOT met'}\nResult: ${file}`,
    );
  } finally {
    await smtp.close();
    await server.close();
  }
}

await main();

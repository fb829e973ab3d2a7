/**
 * The worker: graphile-worker on the same PostgreSQL (jobs are rows, enqueued
 * in the application's own transactions), a handler per task, and a small
 * health endpoint. Several workers can run side by side against one database;
 * the queue hands each job to one of them.
 */
import { createServer, type Server } from 'node:http';
import type { AuthMail } from '@amiable/auth';
import type { Config } from '@amiable/config';
import type { Database } from '@amiable/db';
import type { Clock, IdGenerator } from '@amiable/domain';
import { RUN_IMPORT_TASK } from '@amiable/ledger';
import { EventEmitter } from 'node:events';
import { Logger, type Runner, run, type TaskList, type WorkerEvents } from 'graphile-worker';

import { fileSmsSender } from './sms.js';
import path from 'node:path';
import { type Mailer, outboxMailer, smtpMailer } from './mailer.js';
import { runImportJob } from './tasks/run-import.js';
import { sendAuthEmail } from './tasks/send-auth-email.js';
import { RECOVERY_DISPATCH_TASK, SEND_AUTH_EMAIL_TASK, startReaper } from '@amiable/db';
import { sendDispatch } from './tasks/send-dispatch.js';
import { PLANNER_CRONTAB, PLAN_ALL_TASK, PLAN_TENANT_TASK, planAllTenants, planTenant } from './tasks/plan-recovery.js';

export interface WorkerDeps {
  readonly config: Config;
  readonly db: Database;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly log?: (level: string, message: string) => void;
}

export interface RunningWorker {
  readonly health: () => { running: boolean; jobsCompleted: number; jobsFailed: number };
  /** The health endpoint's port, when one was asked for. */
  readonly healthPort: number | null;
  stop(): Promise<void>;
}

function isUuid(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

export async function startWorker(deps: WorkerDeps): Promise<RunningWorker> {
  const log = deps.log ?? (() => undefined);
  const mailer: Mailer = deps.config.smtp
    ? smtpMailer(deps.config.smtp.url, deps.config.smtp.from, deps.config.worker.concurrency, deps.config.smtp.dkim)
    : outboxMailer(deps.config.outboxDir, deps.config.mailFrom);
  const mailDomain = new URL(deps.config.publicUrl).hostname;
  const sms = fileSmsSender(path.join(deps.config.outboxDir, 'sms'));
  const stats = { running: false, jobsCompleted: 0, jobsFailed: 0 };

  const taskList: TaskList = {
    [RUN_IMPORT_TASK]: async (payload) => {
      const p = payload as { tenantId?: unknown; importId?: unknown };
      // A malformed payload will not get better by retrying: log it and drop it.
      if (!isUuid(p.tenantId) || !isUuid(p.importId)) return log('error', `${RUN_IMPORT_TASK}: invalid payload`);
      await runImportJob({ tenantId: p.tenantId, importId: p.importId }, deps);
    },
    [PLAN_ALL_TASK]: async () => {
      await planAllTenants(deps);
    },
    [PLAN_TENANT_TASK]: async (payload) => {
      const p = payload as { tenantId?: unknown; date?: unknown };
      if (!isUuid(p.tenantId) || typeof p.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(p.date))
        return log('error', `${PLAN_TENANT_TASK}: invalid payload`);
      await planTenant({ tenantId: p.tenantId, date: p.date }, deps);
    },
    [RECOVERY_DISPATCH_TASK]: async (payload, helpers) => {
      const p = payload as { tenantId?: unknown; dispatchId?: unknown };
      if (!isUuid(p.tenantId) || !isUuid(p.dispatchId)) return log('error', `${RECOVERY_DISPATCH_TASK}: invalid payload`);
      const lastAttempt = helpers.job.attempts >= helpers.job.max_attempts;
      await sendDispatch(
        { tenantId: p.tenantId, dispatchId: p.dispatchId },
        { db: deps.db, clock: deps.clock, ids: deps.ids, mailer, mailDomain, publicUrl: deps.config.publicUrl, sms },
        lastAttempt,
      );
    },
    [SEND_AUTH_EMAIL_TASK]: async (payload, helpers) => {
      const p = payload as { mail?: AuthMail };
      if (!p.mail || typeof p.mail.to !== 'string') return log('error', `${SEND_AUTH_EMAIL_TASK}: invalid payload`);
      await sendAuthEmail({ mail: p.mail }, helpers.job.id, { mailer, publicUrl: deps.config.publicUrl, mailDomain });
    },
  };

  const reaper = await startReaper(deps.db, log);
  // Our own emitter, passed in: the workers are created inside run(), before it returns.
  const events: WorkerEvents = new EventEmitter() as WorkerEvents;
  // Jobs are locked by the pool's id (batched fetching) or by a worker's: register both.
  events.on('pool:create', ({ workerPool }) => reaper.register(workerPool.id));
  events.on('worker:create', ({ worker }) => reaper.register(worker.workerId));
  const runner: Runner = await run({
    events,
    connectionString: deps.db.url,
    concurrency: deps.config.worker.concurrency,
    noHandleSignals: true,
    pollInterval: 2000,
    taskList,
    crontab: PLANNER_CRONTAB,
    logger: new Logger((scope) => (level, message) => {
      if (level === 'error' || level === 'warning')
        log(level, `[worker${scope.taskIdentifier ? ` ${scope.taskIdentifier}` : ''}] ${message}`);
    }),
  });
  stats.running = true;
  runner.events.on('job:success', () => {
    stats.jobsCompleted++;
  });
  runner.events.on('job:error', () => {
    stats.jobsFailed++;
  });

  let server: Server | null = null;
  let healthPort: number | null = null;
  if (deps.config.worker.healthPort !== null) {
    server = createServer((request, response) => {
      if (request.url !== '/health') {
        response.writeHead(404).end();
        return;
      }
      response
        .writeHead(stats.running ? 200 : 503, { 'content-type': 'application/json' })
        .end(JSON.stringify({ status: stats.running ? 'ok' : 'stopping', ...stats }));
    });
    await new Promise<void>((resolve) => server?.listen(deps.config.worker.healthPort ?? 0, deps.config.host, resolve));
    const address = server.address();
    healthPort = typeof address === 'object' && address ? address.port : null;
  }

  return {
    health: () => ({ ...stats }),
    healthPort,
    async stop() {
      stats.running = false;
      // Lets running jobs finish (graceful), then releases the connections.
      await runner.stop();
      await reaper.stop();
      mailer.close();
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    },
  };
}

/**
 * Frees the jobs of dead worker processes (graphile-worker locks jobs by worker pool and by worker: both are registered). graphile-worker leaves a job locked by a
 * process that died (kill -9, a crash) for 4 hours; recovery actions must not wait
 * that long, nor be lost. Each process registers its worker ids with a process key
 * and holds a session advisory lock on that key for as long as it lives (see
 * migration 0009). At start and every few seconds, the reaper looks at the workers
 * holding jobs: if it can take a process's lock, that process is gone, and its
 * workers' jobs are unlocked for the others. A dispatch found 'sending' by the
 * retried job then goes to human review (recovery/dispatch-execution.ts). It lives with the
 * database code because it is SQL on the job tables; each worker process starts one.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { Database } from './database.js';
import pg from 'pg';

export interface Reaper {
  register(workerId: string): void;
  stop(): Promise<void>;
}

export async function startReaper(db: Database, log: (level: string, message: string) => void, intervalMs = 5_000): Promise<Reaper> {
  // A connection of its own, outside the pools: its session holds this process's lock for as long as it lives.
  const client = new pg.Client({ connectionString: db.url, application_name: 'amiable-worker-reaper' });
  await client.connect();
  const processKey = randomBytes(8).readBigInt64BE(0).toString();
  await client.query('SELECT pg_advisory_lock($1::bigint)', [processKey]);
  const pending = new Set<Promise<unknown>>();
  const track = (p: Promise<unknown>) => {
    pending.add(p);
    p.finally(() => pending.delete(p)).catch(() => undefined);
  };
  let stopped = false;
  // One connection runs one query at a time: registrations (fired by graphile-worker's events) and the
  // periodic reap take their turn instead of overlapping on the client (which pg 9 will refuse).
  let turn: Promise<unknown> = Promise.resolve();
  const serially = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = turn.then(fn, fn);
    turn = next.catch(() => undefined);
    return next;
  };

  const reap = async () => {
    const holders = await client.query<{ process_key: string; workers: string[] }>(
      `SELECT w.process_key::text, array_agg(DISTINCT w.worker_id) AS workers
       FROM amiable_ops.worker_process w
       WHERE w.process_key <> $1::bigint AND EXISTS (SELECT 1 FROM graphile_worker.jobs j WHERE j.locked_by = w.worker_id)
       GROUP BY w.process_key`,
      [processKey],
    );
    for (const h of holders.rows) {
      const alive = !(await client.query<{ free: boolean }>('SELECT pg_try_advisory_lock($1::bigint) AS free', [h.process_key])).rows[0]
        ?.free;
      if (alive) continue;
      await client.query('SELECT pg_advisory_unlock($1::bigint)', [h.process_key]);
      await client.query('SELECT graphile_worker.force_unlock_workers($1::text[])', [h.workers]);
      await client.query('DELETE FROM amiable_ops.worker_process WHERE process_key = $1::bigint', [h.process_key]);
      log('warning', `unlocked the jobs of ${h.workers.length} worker(s) of a process that stopped without releasing them`);
    }
    // A process killed in its first milliseconds may have locked jobs before its registration landed:
    // a lock by nobody registered, older than a minute, belongs to no living process.
    const orphans = await client.query<{ locked_by: string }>(
      `SELECT DISTINCT j.locked_by FROM graphile_worker.jobs j
       WHERE j.locked_by IS NOT NULL AND j.locked_at < now() - interval '60 seconds'
         AND NOT EXISTS (SELECT 1 FROM amiable_ops.worker_process w WHERE w.worker_id = j.locked_by)`,
    );
    if (orphans.rows.length > 0) {
      await client.query('SELECT graphile_worker.force_unlock_workers($1::text[])', [orphans.rows.map((r) => r.locked_by)]);
      log('warning', `unlocked the jobs of ${orphans.rows.length} unregistered worker(s) locked for over a minute`);
    }
  };
  await serially(reap);
  const timer = setInterval(() => {
    if (!stopped) track(serially(reap).catch((error: Error) => log('error', `reaper: ${error.message}`)));
  }, intervalMs);
  timer.unref();

  return {
    register(workerId) {
      track(
        serially(() =>
          client.query(
            'INSERT INTO amiable_ops.worker_process (worker_id, process_key, hostname, pid, started_at) VALUES ($1, $2::bigint, $3, $4, now()) ON CONFLICT (worker_id) DO NOTHING',
            [workerId, processKey, os.hostname(), process.pid],
          ),
        ).catch((error: Error) => log('error', `reaper: ${error.message}`)),
      );
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await Promise.allSettled([...pending]);
      await client.query('DELETE FROM amiable_ops.worker_process WHERE process_key = $1::bigint', [processKey]).catch(() => undefined);
      await client.query('SELECT pg_advisory_unlock($1::bigint)', [processKey]).catch(() => undefined);
      await client.end().catch(() => undefined);
    },
  };
}

/**
 * Enqueueing durable jobs from application code: always inside the caller's
 * transaction (amiable.enqueue_job, see migration 0005), so the job exists if and
 * only if the change that asked for it committed.
 */
import { sql } from './sql.js';
import type { Queryable, Tx } from './tenant-transaction.js';

export interface EnqueueOptions {
  /** Deduplicates: a second job with the same key (in this tenant) replaces the pending one instead of adding another. */
  readonly jobKey?: string;
  readonly runAt?: Date;
  readonly maxAttempts?: number;
}

export async function enqueueJob(tx: Tx, task: string, payload: Record<string, unknown>, options: EnqueueOptions = {}): Promise<void> {
  await tx.query(
    sql`SELECT amiable.enqueue_job(${task}, ${JSON.stringify(payload)}::jsonb, ${options.jobKey ?? null}, ${options.runAt ?? null}, ${options.maxAttempts ?? null})`,
  );
}

export async function enqueueSystemJob(
  db: Queryable,
  task: `system-${string}`,
  payload: Record<string, unknown>,
  options: EnqueueOptions = {},
): Promise<void> {
  await db.query(
    sql`SELECT amiable.enqueue_system_job(${task}, ${JSON.stringify(payload)}::jsonb, ${options.jobKey ?? null}, ${options.maxAttempts ?? null})`,
  );
}

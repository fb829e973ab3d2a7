import type { AuthMailQueue } from '@amiable/auth';
import type pg from 'pg';
import { enqueueSystemJob } from './queue.js';
import { withoutTenant } from './tenant-transaction.js';

export const SEND_AUTH_EMAIL_TASK = 'system-send-auth-email';

/** Account e-mails go out from the worker (job system-send-auth-email), so requests never wait on SMTP. */
export function postgresAuthMailQueue(pool: pg.Pool): AuthMailQueue {
  return {
    queue: (mail) => withoutTenant(pool, (db) => enqueueSystemJob(db, SEND_AUTH_EMAIL_TASK, { mail }, { maxAttempts: 8 })),
  };
}

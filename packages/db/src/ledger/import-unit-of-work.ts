import type { ImportUnitOfWork } from '@amiable/ledger';
import type pg from 'pg';
import { enqueueJob } from '../queue.js';
import { type TenantContext, inTenant } from '../tenant-transaction.js';
import { importRepository } from './import-repository.js';
import { postgresImportSession } from './import-session.js';
import { ledgerStore } from './ledger-store.js';

export function postgresImportUnitOfWork(pool: pg.Pool, context: TenantContext): ImportUnitOfWork {
  return {
    run: (fn, commit) =>
      inTenant(
        pool,
        context,
        (tx) =>
          fn({
            store: ledgerStore(tx),
            imports: importRepository(tx),
            session: async () => postgresImportSession(tx),
            enqueue: (task, payload, jobKey) => enqueueJob(tx, task, payload, { jobKey }),
          }),
        { commitIf: commit },
      ),
  };
}

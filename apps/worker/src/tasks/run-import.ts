import { type Database, getStoredFileContent, inTenant, postgresImportUnitOfWork } from '@amiable/db';
import type { Clock, IdGenerator } from '@amiable/domain';
import { runQueuedImport } from '@amiable/ledger';

/** Runs an import the user confirmed (POST /api/imports/:id/confirm). */
export async function runImportJob(
  payload: { tenantId: string; importId: string },
  deps: { db: Database; clock: Clock; ids: IdGenerator },
): Promise<void> {
  const context = { tenantId: payload.tenantId };
  const uow = postgresImportUnitOfWork(deps.db.app, context);
  // Refusals (rejected rows, unreadable file, batch already run) are recorded on the batch; only exceptions make graphile-worker retry.
  await runQueuedImport(
    {
      batchId: payload.importId,
      loadContent: (fileId) => inTenant(deps.db.app, context, async (tx) => (await getStoredFileContent(tx, fileId))?.content ?? null),
    },
    // The batch carries who confirmed the import; runQueuedImport records them as the actor.
    { actor: { kind: 'system', id: null, label: 'worker', channel: 'worker', ip: null }, clock: deps.clock, ids: deps.ids },
    uow,
  );
}

import { inTenant, ledgerStore, postgresImportUnitOfWork, sql } from '@amiable/db';
import type { Database } from '@amiable/db';
import { type CreditorRecord, type ImportFileInput, type UseCaseContext, createCreditor, importFile } from '@amiable/ledger';
import { FakeClock, SequentialIds } from './fake-clock.js';
import { randomUUID } from 'node:crypto';

/** Public sample files (copied byte for byte from ../shared/samples with their provenance), so tests run from any checkout. */
export const SAMPLES_DIR = new URL('../../../fixtures/samples/', import.meta.url).pathname;

export interface TenantFixture {
  readonly tenantId: string;
  readonly creditor: CreditorRecord;
  readonly ctx: UseCaseContext;
  readonly clock: FakeClock;
}

/** A tenant with one creditor, made through the real use cases. */
export async function tenantWithCreditor(
  db: Database,
  creditor: { legalName: string; siren?: string | null } = { legalName: 'Ateliers Durand SAS' },
): Promise<TenantFixture> {
  const tenantId = randomUUID();
  const clock = new FakeClock('2026-11-23T10:00:00+01:00');
  const ctx: UseCaseContext = {
    actor: { kind: 'system', id: null, label: 'test', channel: 'cli', ip: null },
    clock,
    ids: { newId: () => randomUUID() },
  };
  await inTenant(db.app, { tenantId }, (tx) =>
    tx.execute(
      sql`INSERT INTO amiable.tenant (id, name, kind, created_at) VALUES (${tenantId}, ${`Tenant ${tenantId.slice(0, 8)}`}, 'company', now())`,
    ),
  );
  const created = await inTenant(db.app, { tenantId }, (tx) => createCreditor(creditor, ctx, ledgerStore(tx)));
  if (!created.ok) throw new Error(JSON.stringify(created.error));
  return { tenantId, creditor: created.value, ctx, clock };
}

/** Imports a file as `amiable import` does (a batch per run unless dry). */
export async function importInto(db: Database, fixture: TenantFixture, input: Omit<ImportFileInput, 'batchId'> & { batchId?: string }) {
  const batchId = input.batchId ?? randomUUID();
  const uow = postgresImportUnitOfWork(db.app, { tenantId: fixture.tenantId });
  if (!input.dryRun) {
    await uow.run(({ imports }) =>
      imports.insertBatch({
        id: batchId,
        creditorId: input.creditorId,
        filename: input.filename,
        format: input.format,
        fileId: null,
        sha256: new Uint8Array(32),
        status: 'queued',
        mode: input.mode,
        settings: {},
        counts: { created: 0, updated: 0, unchanged: 0, rejected: 0 },
        rejectedRows: [],
        outstandingByCurrency: {},
        errorCode: null,
        actor: fixture.ctx.actor,
        createdAt: fixture.clock.now(),
        startedAt: null,
        finishedAt: null,
      }),
    );
  }
  return importFile({ ...input, batchId }, fixture.ctx, uow);
}

export { SequentialIds };

import { createHash } from 'node:crypto';
import { type Cents, type Result, err, ok } from '@amiable/domain';
import type { ColumnMapping, FileFormat, ReadItem } from '@amiable/imports';
import type { UseCaseContext } from '../actor.js';
import type { LedgerStore } from '../ports.js';
import { safeFilename } from '../normalize.js';
import type { CreditorRecord } from '../records.js';
import { type ImportOutcome, importInvoices, shouldCommitImport } from './import-invoices.js';
import { type ColumnLabels, type ImportMode, type ImportRepository, type ImportSession, MAX_STORED_REJECTIONS } from './ports.js';

/** Runs work in one transaction of the tenant, committing only when `commit` says so. */
export interface ImportUnitOfWork {
  run<T>(
    fn: (deps: {
      store: LedgerStore;
      imports: ImportRepository;
      session: () => Promise<ImportSession>;
      /** Enqueues a durable job in this same transaction. */
      enqueue: (task: string, payload: Record<string, unknown>, jobKey: string) => Promise<void>;
    }) => Promise<T>,
    commit?: (result: T) => boolean,
  ): Promise<T>;
}

export interface RunImportInput {
  readonly batchId: string;
  readonly format: FileFormat;
  readonly mode: ImportMode;
  readonly dryRun: boolean;
  readonly creditorId: string | null;
  /** SIREN of the e-invoice's seller, to find the creditor when none was chosen. */
  readonly sellerSiren: string | null;
  readonly read: () => AsyncIterable<ReadItem>;
  /** Header names of the file's amount, currency and debtor columns (for refusals found against the ledger). */
  readonly columnLabels: ColumnLabels;
  /** The original document (e-invoice PDF or XML), kept with the invoices it carries. */
  readonly document?: { readonly filename: string; readonly contentType: string; readonly content: Uint8Array } | undefined;
  /** Remember this mapping for files with the same headers. */
  readonly rememberMapping?: { readonly headerSignature: string; readonly mapping: ColumnMapping } | undefined;
}

export interface RunImportResult extends ImportOutcome {
  readonly status: 'completed' | 'rejected' | 'dry-run';
  readonly creditorId: string;
  /** True when the ledger was changed (not a dry run, and not rejected as a whole). */
  readonly written: boolean;
}

/**
 * Which creditor the invoices belong to: the one chosen, else the e-invoice
 * seller's (by SIREN), else the tenant's only creditor. Never a guess between several.
 */
export async function resolveImportCreditor(
  store: LedgerStore,
  creditorId: string | null,
  sellerSiren: string | null,
): Promise<Result<CreditorRecord>> {
  if (creditorId) {
    const chosen = await store.creditors.get(creditorId);
    return chosen
      ? ok(chosen)
      : {
          ok: false,
          error: { code: 'VALIDATION_FAILED', issues: [{ field: 'creditorId', code: 'invalid_value', params: { value: creditorId } }] },
        };
  }
  if (sellerSiren) {
    const seller = await store.creditors.findBySiren(sellerSiren);
    if (seller) return ok(seller);
  }
  const all = await store.creditors.list();
  return all.length === 1 && all[0] ? ok(all[0]) : err('IMPORT_CREDITOR_REQUIRED');
}

/**
 * Runs an import batch end to end: marks it running, imports in one transaction
 * (committed only if the mode allows it), then records the outcome on the batch
 * in a transaction of its own — so a rejected import leaves its report even
 * though it wrote nothing.
 */
export async function runInvoiceImport(
  input: RunImportInput,
  ctx: UseCaseContext,
  uow: ImportUnitOfWork,
): Promise<Result<RunImportResult>> {
  const creditor = await uow.run(({ store }) => resolveImportCreditor(store, input.creditorId, input.sellerSiren));
  if (!creditor.ok) {
    if (!input.dryRun) {
      await uow.run(({ imports }) =>
        imports.transition(input.batchId, ['pending', 'queued', 'running'], 'failed', {
          errorCode: creditor.error.code,
          finishedAt: ctx.clock.now(),
        }),
      );
    }
    return creditor;
  }
  if (!input.dryRun) {
    const started = await uow.run(({ imports }) =>
      imports.transition(input.batchId, ['pending', 'queued'], 'running', { startedAt: ctx.clock.now(), creditorId: creditor.value.id }),
    );
    if (!started) return err('IMPORT_NOT_PENDING');
  }

  let outcome: Result<ImportOutcome>;
  try {
    outcome = await uow.run(
      async ({ session, store }) => {
        let documentFileId: string | null = null;
        if (input.document) {
          // The same document imported again is the same stored file: a re-import changes nothing.
          const sha256 = new Uint8Array(createHash('sha256').update(input.document.content).digest());
          documentFileId = await store.files.findBySha256(sha256);
        }
        if (input.document && !documentFileId) {
          documentFileId = ctx.ids.newId();
          await store.files.insert(
            {
              id: documentFileId,
              filename: safeFilename(input.document.filename, 'facture'),
              contentType: input.document.contentType,
              byteSize: input.document.content.byteLength,
              sha256: new Uint8Array(createHash('sha256').update(input.document.content).digest()),
              content: input.document.content,
            },
            ctx.clock.now(),
          );
        }
        return importInvoices(
          input.read(),
          {
            creditor: creditor.value,
            importId: input.batchId,
            mode: input.mode,
            format: input.format,
            columnLabels: input.columnLabels,
            documentFileId,
          },
          ctx,
          await session(),
        );
      },
      (result) => shouldCommitImport(result, input.mode, input.dryRun),
    );
  } catch (error) {
    if (!input.dryRun) {
      await uow.run(({ imports }) =>
        imports.transition(input.batchId, ['running'], 'failed', { errorCode: 'INTERNAL', finishedAt: ctx.clock.now() }),
      );
    }
    throw error;
  }
  if (!outcome.ok) {
    if (!input.dryRun) {
      await uow.run(({ imports }) =>
        imports.transition(input.batchId, ['running'], 'failed', { errorCode: outcome.error.code, finishedAt: ctx.clock.now() }),
      );
    }
    return outcome;
  }
  const written = shouldCommitImport(outcome, input.mode, input.dryRun);
  const status = input.dryRun ? 'dry-run' : written ? 'completed' : 'rejected';
  if (!input.dryRun) {
    const value = outcome.value;
    const byCurrency: Record<string, Cents> = Object.fromEntries(value.outstandingByCurrency);
    await uow.run(async ({ imports }) => {
      await imports.transition(input.batchId, ['running'], status === 'completed' ? 'completed' : 'rejected', {
        counts: {
          created: written ? value.created : 0,
          updated: written ? value.updated : 0,
          unchanged: written ? value.unchanged : 0,
          rejected: value.rejected.length,
        },
        rejectedRows: value.rejected.slice(0, MAX_STORED_REJECTIONS),
        outstandingByCurrency: written ? byCurrency : {},
        finishedAt: ctx.clock.now(),
      });
      if (written && input.rememberMapping) {
        await imports.saveMapping(input.rememberMapping.headerSignature, input.rememberMapping.mapping, ctx.clock.now());
      }
    });
  }
  return ok({ ...outcome.value, status, creditorId: creditor.value.id, written });
}

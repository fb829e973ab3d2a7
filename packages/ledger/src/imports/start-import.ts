import { createHash } from 'node:crypto';
import { type AppError, type Result, err, invalid, issue, ok } from '@amiable/domain';
import {
  type ColumnMapping,
  type FileFormat,
  type RowIssue,
  type TableLayout,
  MAPPABLE_FIELDS,
  detectFormat,
  headerSignature,
  missingRequiredFields,
  previewTable,
} from '@amiable/imports';
import type { UseCaseContext } from '../actor.js';
import { safeFilename } from '../normalize.js';
import { importFile } from './import-file.js';
import type { ImportBatchRecord, ImportMode } from './ports.js';
import type { ImportUnitOfWork } from './run-invoice-import.js';

export const RUN_IMPORT_TASK = 'run-import';

export interface ImportPreview {
  readonly batch: ImportBatchRecord;
  readonly layout: TableLayout | null;
  readonly mapping: ColumnMapping;
  readonly missingFields: readonly string[];
  readonly mappableFields: readonly string[];
  readonly sampleRows: readonly (readonly string[])[];
  readonly rowCount: number;
  /** What the import would do (a dry run against the ledger, rolled back). */
  readonly check: {
    readonly counts: { created: number; updated: number; unchanged: number; rejected: number };
    readonly rejected: readonly RowIssue[];
    readonly outstandingByCurrency: ReadonlyMap<string, number>;
  } | null;
  /** Why there is no check yet (mapping incomplete, creditor to choose…). */
  readonly problem: AppError | null;
}

const CONTENT_TYPES: Readonly<Record<FileFormat, string>> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  facturx: 'application/pdf',
  cii: 'application/xml',
  ubl: 'application/xml',
};

/** Runs the import as a dry run and gathers what the user must see before confirming. */
async function buildPreview(
  batch: ImportBatchRecord,
  bytes: Uint8Array,
  settings: { mapping?: ColumnMapping | undefined; sheet?: string | undefined; creditorId: string | null },
  ctx: UseCaseContext,
  uow: ImportUnitOfWork,
): Promise<ImportPreview> {
  let layout: TableLayout | null = null;
  let mapping: ColumnMapping = settings.mapping ?? {};
  let sampleRows: (readonly string[])[] = [];
  let rowCount = 1;
  let missing: string[] = [];
  if (batch.format === 'csv' || batch.format === 'xlsx') {
    let preview = await previewTable(bytes, {
      ...(settings.sheet ? { sheet: settings.sheet } : {}),
      ...(settings.mapping ? { mapping: settings.mapping } : {}),
    });
    if (preview.ok && !settings.mapping) {
      // A mapping this tenant confirmed before for the same headers beats a fresh guess.
      const remembered = await uow.run(({ imports }) =>
        imports.findMapping(headerSignature(preview.ok ? preview.value.layout.headers : [])),
      );
      if (remembered) preview = await previewTable(bytes, { mapping: remembered, ...(settings.sheet ? { sheet: settings.sheet } : {}) });
    }
    if (!preview.ok)
      return {
        batch,
        layout,
        mapping,
        missingFields: [],
        mappableFields: MAPPABLE_FIELDS,
        sampleRows,
        rowCount: 0,
        check: null,
        problem: preview.error,
      };
    layout = preview.value.layout;
    mapping = preview.value.mapping;
    sampleRows = preview.value.sampleRows.map((row) => [...row]);
    rowCount = preview.value.rowCount;
    missing = missingRequiredFields(mapping);
    if (missing.length > 0) {
      return {
        batch,
        layout,
        mapping,
        missingFields: missing,
        mappableFields: MAPPABLE_FIELDS,
        sampleRows,
        rowCount,
        check: null,
        problem: { code: 'IMPORT_MAPPING_INCOMPLETE', params: { fields: missing.join(', ') } },
      };
    }
  }
  const dryRun = await importFile(
    {
      batchId: batch.id,
      filename: batch.filename,
      source: { bytes },
      format: batch.format,
      mode: 'valid-rows-only',
      dryRun: true,
      creditorId: settings.creditorId,
      mapping,
      sheet: settings.sheet,
    },
    ctx,
    uow,
  );
  if (!dryRun.ok)
    return {
      batch,
      layout,
      mapping,
      missingFields: missing,
      mappableFields: MAPPABLE_FIELDS,
      sampleRows,
      rowCount,
      check: null,
      problem: dryRun.error,
    };
  const v = dryRun.value;
  return {
    batch: { ...batch, creditorId: v.creditorId },
    layout,
    mapping,
    missingFields: missing,
    mappableFields: MAPPABLE_FIELDS,
    sampleRows,
    rowCount: batch.format === 'csv' || batch.format === 'xlsx' ? rowCount : v.rows,
    check: {
      counts: { created: v.created, updated: v.updated, unchanged: v.unchanged, rejected: v.rejected.length },
      rejected: v.rejected,
      outstandingByCurrency: v.outstandingByCurrency,
    },
    problem: null,
  };
}

/**
 * A creditor id that is not one of this tenant's (another tenant's, or none at
 * all): refused like any invalid field, before the batch's foreign key would
 * turn it into an internal error.
 */
function unknownCreditor(creditorId: string) {
  return invalid([issue('creditorId', 'invalid_value', { value: creditorId })]);
}

/** Receives an uploaded file: keeps it, opens a pending import batch and shows what importing it would do. */
export async function startImport(
  input: { filename: string; content: Uint8Array; creditorId: string | null; sheet?: string | undefined },
  ctx: UseCaseContext,
  uow: ImportUnitOfWork,
): Promise<Result<ImportPreview>> {
  const format: FileFormat | null = detectFormat(input.content, input.filename);
  if (!format) return err('IMPORT_UNSUPPORTED_FORMAT', { reason: 'unrecognised_content' });
  const now = ctx.clock.now();
  const batch: ImportBatchRecord = {
    id: ctx.ids.newId(),
    creditorId: input.creditorId,
    filename: safeFilename(input.filename, 'import'),
    format,
    fileId: ctx.ids.newId(),
    sha256: new Uint8Array(createHash('sha256').update(input.content).digest()),
    status: 'pending',
    mode: 'all-or-nothing',
    settings: input.sheet ? { sheet: input.sheet } : {},
    counts: { created: 0, updated: 0, unchanged: 0, rejected: 0 },
    rejectedRows: [],
    outstandingByCurrency: {},
    errorCode: null,
    actor: ctx.actor,
    createdAt: now,
    startedAt: null,
    finishedAt: null,
  };
  const stored = await uow.run(async ({ store, imports }) => {
    if (input.creditorId !== null && !(await store.creditors.get(input.creditorId))) return unknownCreditor(input.creditorId);
    await store.files.insert(
      {
        id: batch.fileId ?? '',
        filename: batch.filename,
        contentType: CONTENT_TYPES[format],
        byteSize: input.content.byteLength,
        sha256: batch.sha256,
        content: input.content,
      },
      now,
    );
    await imports.insertBatch(batch);
    return ok(null);
  });
  if (!stored.ok) return stored;
  return ok(await buildPreview(batch, input.content, { creditorId: input.creditorId, sheet: input.sheet }, ctx, uow));
}

/** Checks a pending import again with the user's corrections (column mapping, creditor, sheet). */
export async function previewImport(
  input: {
    batchId: string;
    content: Uint8Array;
    mapping?: ColumnMapping | undefined;
    creditorId?: string | undefined;
    sheet?: string | undefined;
  },
  ctx: UseCaseContext,
  uow: ImportUnitOfWork,
): Promise<Result<ImportPreview>> {
  const batch = await uow.run(({ imports }) => imports.getBatch(input.batchId));
  if (!batch) return err('NOT_FOUND');
  if (batch.status !== 'pending') return err('IMPORT_NOT_PENDING');
  return ok(
    await buildPreview(
      batch,
      input.content,
      { mapping: input.mapping, sheet: input.sheet ?? batch.settings.sheet, creditorId: input.creditorId ?? batch.creditorId },
      ctx,
      uow,
    ),
  );
}

/** The user confirms: the import is queued as a durable job, enqueued in the same transaction that marks the batch queued. */
export async function confirmImport(
  input: {
    batchId: string;
    mapping?: ColumnMapping | undefined;
    creditorId?: string | undefined;
    sheet?: string | undefined;
    mode: ImportMode;
    rememberMapping: boolean;
  },
  _ctx: UseCaseContext,
  uow: ImportUnitOfWork,
): Promise<Result<ImportBatchRecord>> {
  return uow.run(async ({ store, imports, enqueue }) => {
    const batch = await imports.getBatch(input.batchId);
    if (!batch) return err('NOT_FOUND');
    if (input.creditorId !== undefined && !(await store.creditors.get(input.creditorId))) return unknownCreditor(input.creditorId);
    const settings = {
      ...(input.mapping ? { mapping: input.mapping } : batch.settings.mapping ? { mapping: batch.settings.mapping } : {}),
      ...((input.sheet ?? batch.settings.sheet) ? { sheet: input.sheet ?? batch.settings.sheet } : {}),
      rememberMapping: input.rememberMapping,
    };
    const moved = await imports.transition(input.batchId, ['pending'], 'queued', {
      mode: input.mode,
      settings,
      creditorId: input.creditorId ?? batch.creditorId,
    });
    if (!moved) return err('IMPORT_NOT_PENDING');
    await enqueue(RUN_IMPORT_TASK, { importId: input.batchId }, `import:${input.batchId}`);
    const queued = await imports.getBatch(input.batchId);
    return queued ? ok(queued) : err('NOT_FOUND');
  });
}

/** The job: runs a queued import with its confirmed settings. */
export async function runQueuedImport(
  input: { batchId: string; loadContent: (fileId: string) => Promise<Uint8Array | null> },
  ctx: UseCaseContext,
  uow: ImportUnitOfWork,
): Promise<Result<unknown>> {
  const batch = await uow.run(({ imports }) => imports.getBatch(input.batchId));
  if (batch?.status !== 'queued' || !batch.fileId) return err('IMPORT_NOT_PENDING');
  const content = await input.loadContent(batch.fileId);
  if (!content) return err('NOT_FOUND');
  return importFile(
    {
      batchId: batch.id,
      filename: batch.filename,
      source: { bytes: content },
      format: batch.format,
      mode: batch.mode,
      dryRun: false,
      creditorId: batch.creditorId,
      mapping: batch.settings.mapping,
      sheet: batch.settings.sheet,
      rememberMapping: batch.settings.rememberMapping,
    },
    { ...ctx, actor: { ...batch.actor, channel: 'worker' } },
    uow,
  );
}

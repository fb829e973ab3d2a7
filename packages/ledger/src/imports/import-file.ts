import { readFile } from 'node:fs/promises';
import { type Result, err } from '@amiable/domain';
import {
  type ColumnMapping,
  type FileFormat,
  type ReadItem,
  type TableLayout,
  headerSignature,
  openTable,
  readEInvoice,
} from '@amiable/imports';
import type { UseCaseContext } from '../actor.js';
import { E_INVOICE_COLUMN_LABELS, type ColumnLabels, type ImportMode } from './ports.js';
import { type ImportUnitOfWork, type RunImportResult, runInvoiceImport } from './run-invoice-import.js';

export type ImportFileSource = { readonly path: string } | { readonly bytes: Uint8Array };

export interface ImportFileInput {
  readonly batchId: string;
  readonly filename: string;
  readonly source: ImportFileSource;
  readonly format: FileFormat;
  readonly mode: ImportMode;
  readonly dryRun: boolean;
  readonly creditorId: string | null;
  readonly mapping?: ColumnMapping | undefined;
  readonly sheet?: string | undefined;
  readonly rememberMapping?: boolean | undefined;
}

export interface ImportFileResult extends RunImportResult {
  readonly layout: TableLayout | null;
  readonly mapping: ColumnMapping | null;
}

async function bytesOf(source: ImportFileSource): Promise<Uint8Array> {
  return 'bytes' in source ? source.bytes : new Uint8Array(await readFile(source.path));
}

function labelsOf(layout: TableLayout, mapping: ColumnMapping): ColumnLabels {
  const header = (index: number | undefined, fallback: string) => (index === undefined ? fallback : (layout.headers[index] ?? fallback));
  return {
    amount: header(mapping.amountInclTax ?? mapping.debit, 'amountInclTax'),
    currency: header(mapping.currency, 'currency'),
    debtor: header(mapping.debtorName ?? mapping.debtorSiren ?? mapping.debtorSiret, 'debtorName'),
  };
}

/**
 * The items of the reader's batches one by one. Written out rather than as an async
 * generator with `yield*`, which costs several promise turns and an iterator result
 * object per row: one resolved promise per row is what `for await` needs, no more.
 */
function flatten(batches: AsyncIterable<readonly ReadItem[]>): AsyncIterable<ReadItem> {
  return {
    [Symbol.asyncIterator](): AsyncIterator<ReadItem> {
      const source = batches[Symbol.asyncIterator]();
      let batch: readonly ReadItem[] = [];
      let index = 0;
      return {
        async next(): Promise<IteratorResult<ReadItem>> {
          for (;;) {
            const item = batch[index];
            if (item !== undefined) {
              index++;
              return { value: item, done: false };
            }
            const next = await source.next();
            if (next.done) return { value: undefined, done: true };
            batch = next.value;
            index = 0;
          }
        },
        async return(): Promise<IteratorResult<ReadItem>> {
          await source.return?.();
          batch = [];
          return { value: undefined, done: true };
        },
      };
    },
  };
}

/**
 * Imports one file: a CSV/XLSX table with its (guessed or corrected) column
 * mapping, or an e-invoice (Factur-X PDF, CII, UBL) whose original document is
 * kept with the invoice. Used by the import job and by `amiable import`.
 */
export async function importFile(input: ImportFileInput, ctx: UseCaseContext, uow: ImportUnitOfWork): Promise<Result<ImportFileResult>> {
  const base = { batchId: input.batchId, format: input.format, mode: input.mode, dryRun: input.dryRun, creditorId: input.creditorId };
  if (input.format === 'csv' || input.format === 'xlsx') {
    const opened = await openTable(input.source, {
      ...(input.mapping ? { mapping: input.mapping } : {}),
      ...(input.sheet ? { sheet: input.sheet } : {}),
    });
    if (!opened.ok) {
      if (!input.dryRun)
        await uow.run(({ imports }) =>
          imports.transition(input.batchId, ['pending', 'queued', 'running'], 'failed', {
            errorCode: opened.error.code,
            finishedAt: ctx.clock.now(),
          }),
        );
      return opened;
    }
    const { layout, mapping } = opened.value;
    const result = await runInvoiceImport(
      {
        ...base,
        sellerSiren: null,
        read: () => flatten(opened.value.batches),
        columnLabels: labelsOf(layout, mapping),
        rememberMapping: input.rememberMapping ? { headerSignature: headerSignature(layout.headers), mapping } : undefined,
      },
      ctx,
      uow,
    );
    return result.ok ? { ok: true, value: { ...result.value, layout, mapping } } : result;
  }

  const bytes = await bytesOf(input.source);
  const reading = await readEInvoice(bytes);
  if (!reading.ok) {
    if (!input.dryRun)
      await uow.run(({ imports }) =>
        imports.transition(input.batchId, ['pending', 'queued', 'running'], 'failed', {
          errorCode: reading.error.code,
          finishedAt: ctx.clock.now(),
        }),
      );
    return reading;
  }
  const { records, issues, format } = reading.value;
  const items: ReadItem[] = [...records.map((record) => ({ record })), ...(issues.length > 0 ? [{ line: 1, issues }] : [])];
  async function* read(): AsyncGenerator<ReadItem> {
    yield* items;
  }
  if (items.length === 0) return err('IMPORT_EMPTY_FILE');
  const pdf = format === 'facturx';
  const result = await runInvoiceImport(
    {
      ...base,
      sellerSiren: records[0]?.seller?.siren ?? null,
      read,
      columnLabels: E_INVOICE_COLUMN_LABELS[format],
      document: {
        filename: input.filename,
        contentType: pdf ? 'application/pdf' : 'application/xml',
        content: bytes,
      },
    },
    ctx,
    uow,
  );
  return result.ok ? { ok: true, value: { ...result.value, layout: null, mapping: null } } : result;
}

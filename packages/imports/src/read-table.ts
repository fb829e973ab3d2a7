/**
 * Reads every data row of a CSV or XLSX file into validated records, in file
 * order, one item per non-blank row. A CSV given by path is streamed.
 */
import { type AppError, DEFAULT_CURRENCY, err, ok, type Result } from '@amiable/domain';
import { type ByteSource, fileSource, memorySource } from './byte-source.js';
import { CsvRecordTooLargeError } from './csv-tokenizer.js';
import { missingRequiredFields } from './header-mapping.js';
import { openTableSession } from './table-session.js';
import type { ColumnMapping, ReadItem, ReadOptions, TableLayout } from './types.js';
import { RowValidator } from './validate-row.js';

export type TableSource = { readonly path: string } | { readonly bytes: Uint8Array };

export interface OpenedTable {
  readonly layout: TableLayout;
  readonly mapping: ColumnMapping;
  /** The rows' items in batches (one per 64 KB of CSV parsed), for consumers that write in batches. Each iteration reads the file again. */
  readonly batches: AsyncIterable<readonly ReadItem[]>;
}

/** Thrown by readTable's iteration when the file cannot be read as a table at all (openTable returns the same as a value). */
export class TableReadError extends Error {
  constructor(readonly error: AppError) {
    super(`table cannot be read: ${error.code}`);
    this.name = 'TableReadError';
  }
}

export async function openTable(source: TableSource, options: ReadOptions = {}): Promise<Result<OpenedTable>> {
  const bytes: ByteSource = 'path' in source ? fileSource(source.path) : memorySource(source.bytes);
  const opened = await openTableSession(bytes, options);
  if (!opened.ok) return opened;
  const { layout, mapping, sheet } = opened.value;
  const missing = missingRequiredFields(mapping);
  if (missing.length > 0) return err('IMPORT_MAPPING_INCOMPLETE', { fields: missing.join(', ') });
  const validatorOptions = {
    headers: layout.headers,
    mapping,
    decimalSeparator: layout.decimalSeparator,
    defaultCurrency: options.defaultCurrency ?? DEFAULT_CURRENCY,
  };
  async function* validatedBatches(): AsyncGenerator<readonly ReadItem[]> {
    // A validator per pass: duplicates are looked for within one reading of the file.
    const validator = new RowValidator(validatorOptions);
    try {
      for await (const rows of sheet.batches()) {
        const items: ReadItem[] = new Array(rows.length);
        for (let i = 0; i < rows.length; i++) items[i] = validator.validate(rows[i] as (typeof rows)[number]);
        if (items.length > 0) yield items;
      }
    } catch (error) {
      if (!(error instanceof CsvRecordTooLargeError)) throw error;
      // Where the record ends cannot be known past an unterminated quote: the file is reported broken from that line on.
      yield [
        {
          line: error.line,
          issues: [{ line: error.line, column: layout.headers[0] ?? '', code: 'invalid_format', params: { value: error.excerpt } }],
        },
      ];
    }
  }
  return ok({ layout, mapping, batches: { [Symbol.asyncIterator]: () => validatedBatches() } });
}

/**
 * The rows of a table as validated records or issues. Problems with the file
 * as a whole (not a table, required columns not mapped) surface as a
 * TableReadError on the first iteration; previewTable or openTable report
 * them as values beforehand.
 */
export function readTable(source: TableSource, options: ReadOptions = {}): AsyncIterable<ReadItem> {
  return { [Symbol.asyncIterator]: () => new ItemIterator(source, options) };
}

/**
 * Hands out the items of each batch one by one, one settled promise per row.
 * Written out because an async generator delegating with yield* takes several
 * promise turns per row, which adds up over a million rows.
 */
class ItemIterator implements AsyncIterator<ReadItem> {
  private batches: AsyncIterator<readonly ReadItem[]> | null = null;
  private batch: readonly ReadItem[] = [];
  private index = 0;

  constructor(
    private readonly source: TableSource,
    private readonly options: ReadOptions,
  ) {}

  async next(): Promise<IteratorResult<ReadItem>> {
    for (;;) {
      const item = this.batch[this.index];
      if (item !== undefined) {
        this.index++;
        return { value: item, done: false };
      }
      if (!this.batches) {
        const opened = await openTable(this.source, this.options);
        if (!opened.ok) throw new TableReadError(opened.error);
        this.batches = opened.value.batches[Symbol.asyncIterator]();
      }
      const next = await this.batches.next();
      if (next.done) return { value: undefined, done: true };
      this.batch = next.value;
      this.index = 0;
    }
  }

  async return(): Promise<IteratorResult<ReadItem>> {
    await this.batches?.return?.();
    this.batch = [];
    return { value: undefined, done: true };
  }
}

/** What the user confirms before a CSV/XLSX import: layout, guessed mapping, first rows, row count. */
import { err, ok, type Result } from '@amiable/domain';
import { memorySource } from './byte-source.js';
import { CsvRecordTooLargeError } from './csv-tokenizer.js';
import { missingRequiredFields } from './header-mapping.js';
import { cellText } from './table-rows.js';
import { openTableSession } from './table-session.js';
import type { ColumnMapping, TablePreview } from './types.js';

export interface PreviewOptions {
  readonly sheet?: string;
  readonly mapping?: ColumnMapping;
  /** Rows to show (10 by default, at most 200). */
  readonly sampleSize?: number;
}

export async function previewTable(bytes: Uint8Array, options: PreviewOptions = {}): Promise<Result<TablePreview>> {
  const opened = await openTableSession(memorySource(bytes), options);
  if (!opened.ok) return opened;
  const { layout, mapping, sheet } = opened.value;
  let rowCount = 0;
  try {
    for await (const batch of sheet.batches()) rowCount += batch.length;
  } catch (error) {
    // The broken record is reported, with its line, when the file is read; the preview shows what precedes it.
    if (!(error instanceof CsvRecordTooLargeError)) throw error;
  }
  if (rowCount === 0) return err('IMPORT_EMPTY_FILE');
  const sampleSize = Math.max(0, Math.min(options.sampleSize ?? 10, 200));
  const width = layout.headers.length;
  const sampleRows = sheet.sampleRows.slice(0, sampleSize).map((row) => {
    const cells: string[] = [];
    for (let column = 0; column < Math.max(width, row.cells.length); column++) cells.push(cellText(row.cells[column]));
    return cells;
  });
  return ok({ layout, mapping, missingFields: missingRequiredFields(mapping), sampleRows, rowCount });
}

/**
 * Opens a CSV or XLSX source up to the point where its layout is known:
 * format, encoding, delimiter, header row, mapping and decimal separator.
 * Preview and reading share it, so both see the file the same way.
 */
import { err, type FieldIssue, issue, ok, type Result } from '@amiable/domain';
import { type DecimalSeparator, detectDecimalSeparator } from './amount.js';
import type { ByteSource } from './byte-source.js';
import { openCsv } from './csv-table.js';
import { detectFormat } from './detect-format.js';
import { guessMapping } from './header-mapping.js';
import type { OpenedSheet } from './table-rows.js';
import { type ColumnMapping, MAPPABLE_FIELDS, type MappableField, type TableLayout } from './types.js';
import { openXlsx } from './xlsx-table.js';

export interface TableSession {
  readonly layout: TableLayout;
  readonly mapping: ColumnMapping;
  readonly sheet: OpenedSheet;
}

const AMOUNT_FIELDS: readonly MappableField[] = ['amountInclTax', 'amountExclTax', 'outstanding', 'debit', 'credit'];

export async function openTableSession(
  source: ByteSource,
  options: { sheet?: string; mapping?: ColumnMapping },
): Promise<Result<TableSession>> {
  const head = await source.head(64 * 1024);
  const zip = head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  // A zip's table of contents is at its end: XLSX detection needs the whole file, which exceljs reads anyway.
  const bytes = zip ? await source.all() : null;
  const format = detectFormat(bytes ?? head);
  let opened: Result<OpenedSheet>;
  if (format === 'csv') opened = await openCsv(source);
  else if (format === 'xlsx' && bytes) opened = await openXlsx(bytes, options.sheet);
  else return err('IMPORT_UNSUPPORTED_FORMAT', { reason: format === null ? 'unrecognised_content' : 'not_a_table' });
  if (!opened.ok) return opened;
  const sheet = opened.value;

  let mapping: ColumnMapping;
  if (options.mapping) {
    const checked = checkMapping(options.mapping, sheet.headers.length);
    if (!checked.ok) return checked;
    mapping = checked.value;
  } else {
    mapping = guessMapping(sheet.headers);
  }
  const layout: TableLayout = {
    format: sheet.format,
    encoding: sheet.encoding,
    delimiter: sheet.delimiter,
    sheet: sheet.sheet,
    headerLine: sheet.headerLine,
    headers: sheet.headers,
    decimalSeparator: decimalSeparatorOf(sheet, mapping),
  };
  return ok({ layout, mapping, sheet });
}

function decimalSeparatorOf(sheet: OpenedSheet, mapping: ColumnMapping): DecimalSeparator {
  const columns = AMOUNT_FIELDS.map((field) => mapping[field]).filter((column): column is number => column !== undefined);
  const values: string[] = [];
  for (const row of sheet.sampleRows) {
    for (const column of columns) {
      const cell = row.cells[column];
      if (typeof cell === 'string' && cell.trim() !== '') values.push(cell);
    }
  }
  return detectDecimalSeparator(values, sheet.fallbackDecimal);
}

/** A mapping from the client: known fields only, each pointing at an existing column. */
function checkMapping(mapping: ColumnMapping, columnCount: number): Result<ColumnMapping> {
  const issues: FieldIssue[] = [];
  const known = new Set<string>(MAPPABLE_FIELDS);
  const checked: ColumnMapping = {};
  for (const [field, column] of Object.entries(mapping)) {
    if (!known.has(field)) issues.push(issue(`mapping.${field}`, 'unknown_field'));
    else if (typeof column !== 'number' || !Number.isInteger(column) || column < 0 || column >= columnCount) {
      issues.push(issue(`mapping.${field}`, 'out_of_range', { value: String(column) }));
    } else checked[field as MappableField] = column;
  }
  return issues.length > 0 ? err('VALIDATION_FAILED', undefined, issues) : ok(checked);
}

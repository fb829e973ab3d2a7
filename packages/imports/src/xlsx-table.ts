/**
 * Opens one sheet of an XLSX workbook. The workbook is read whole (exceljs);
 * cells keep their type: numbers stay numbers and date cells stay dates, so
 * nothing depends on how the user's Excel displays them.
 */
import { err, issue, ok, type Result } from '@amiable/domain';
import ExcelJS from 'exceljs';
import type { CellValue } from 'exceljs';
import { zipDeclaredSize } from './zip-entries.js';
import { findHeaderRow, isBlankRow, type OpenedSheet, type RawCell, type RawRow, SAMPLE_ROW_LIMIT } from './table-rows.js';

/** A workbook inflating to more than this is refused (a zip bomb, or far beyond an accounting export). */
export const MAX_XLSX_UNCOMPRESSED_BYTES = 256 * 1024 * 1024;

export async function openXlsx(bytes: Uint8Array, sheetName?: string): Promise<Result<OpenedSheet>> {
  const declared = zipDeclaredSize(bytes);
  if (declared === null) return err('IMPORT_UNSUPPORTED_FORMAT', { reason: 'xlsx_unreadable' });
  if (declared > MAX_XLSX_UNCOMPRESSED_BYTES) return err('FILE_TOO_LARGE', { maxMegabytes: MAX_XLSX_UNCOMPRESSED_BYTES / 1024 / 1024 });
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as Parameters<typeof workbook.xlsx.load>[0],
    );
  } catch {
    return err('IMPORT_UNSUPPORTED_FORMAT', { reason: 'xlsx_unreadable' });
  }
  const worksheet = sheetName === undefined ? workbook.worksheets[0] : workbook.getWorksheet(sheetName);
  if (!worksheet) {
    if (sheetName === undefined) return err('IMPORT_EMPTY_FILE');
    const allowed = workbook.worksheets.map((sheet) => sheet.name).join(', ');
    return err('VALIDATION_FAILED', undefined, [issue('sheet', 'invalid_choice', { value: sheetName, allowed })]);
  }
  const rows: RawRow[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = Array.isArray(row.values) ? row.values : [];
    // exceljs row values are 1-based: index 0 is always empty.
    const cells: RawCell[] = [];
    for (let column = 1; column < values.length; column++) cells.push(toRawCell(values[column]));
    rows.push({ cells, line: rowNumber });
  });
  const headerRow = findHeaderRow(rows);
  if (!headerRow) return err('IMPORT_EMPTY_FILE');
  const dataRows = rows.filter((row) => row.line > headerRow.line && !isBlankRow(row.cells));
  return ok({
    format: 'xlsx',
    encoding: null,
    delimiter: null,
    sheet: worksheet.name,
    headerLine: headerRow.line,
    headers: headerRow.cells.map(headerText),
    sampleRows: dataRows.slice(0, SAMPLE_ROW_LIMIT),
    fallbackDecimal: ',',
    async *batches() {
      yield dataRows;
    },
  });
}

function headerText(cell: RawCell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

function toRawCell(value: CellValue): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    if (result === undefined) return null;
    return typeof result === 'object' && !(result instanceof Date) ? result.error : result;
  }
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : toRawCell(value.text as CellValue);
  if ('error' in value) return value.error;
  return null;
}

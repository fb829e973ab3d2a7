/**
 * Rows as the CSV and XLSX readers hand them over: cells are text for CSV,
 * and keep their spreadsheet type (number, date) for XLSX, so that amounts
 * and dates are never re-parsed from a locale-formatted rendering.
 */
import { countKnownHeaders } from './header-mapping.js';

export type RawCell = string | number | boolean | Date | null | undefined;

export interface RawRow {
  readonly cells: readonly RawCell[];
  /** 1-based physical line (CSV) or sheet row number (XLSX). */
  readonly line: number;
}

/** A sheet or CSV file opened far enough to know its header and first rows. */
export interface OpenedSheet {
  readonly format: 'csv' | 'xlsx';
  readonly encoding: string | null;
  readonly delimiter: string | null;
  readonly sheet: string | null;
  readonly headerLine: number;
  readonly headers: readonly string[];
  /** The first non-blank data rows, to detect the decimal separator and to show. */
  readonly sampleRows: readonly RawRow[];
  /** Decimal separator when the amounts do not tell. */
  readonly fallbackDecimal: ',' | '.';
  /** Every non-blank data row after the header, in file order, in batches. */
  batches(): AsyncIterable<readonly RawRow[]>;
}

export const SAMPLE_ROW_LIMIT = 200;
const HEADER_SEARCH_ROWS = 15;

export function cellText(cell: RawCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell.trim();
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return String(cell);
}

export function isBlankRow(cells: readonly RawCell[]): boolean {
  for (const cell of cells) {
    if (cell === null || cell === undefined) continue;
    if (typeof cell !== 'string' || cell.trim() !== '') return false;
  }
  return true;
}

/**
 * Exports often start with a title, the company name or an export date. The
 * header is the first of the first rows where two or more cells read as known
 * headers; failing that, the first non-blank row.
 */
export function findHeaderRow(rows: readonly RawRow[]): RawRow | null {
  let firstNonBlank: RawRow | null = null;
  let seen = 0;
  for (const row of rows) {
    if (isBlankRow(row.cells)) continue;
    firstNonBlank ??= row;
    if (countKnownHeaders(row.cells.map(cellText)) >= 2) return row;
    if (++seen >= HEADER_SEARCH_ROWS) break;
  }
  return firstNonBlank;
}

/**
 * CSV for spreadsheets: RFC 4180 quoting, ";" and a UTF-8 BOM so French Excel
 * opens it right, and formula injection defused (ASVS 1.2.10): a text cell that
 * starts with = + - @ tab or carriage return gets a leading apostrophe.
 */
export function csvCell(value: string | number | null, kind: 'text' | 'number' = 'text'): string {
  if (value === null) return '';
  let text = String(value);
  if (kind === 'text' && /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(text)) text = `'${text}`;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly string[]): string {
  return `${cells.join(';')}\r\n`;
}

export const CSV_BOM = '\uFEFF';

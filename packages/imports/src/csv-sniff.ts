/**
 * The delimiter of a CSV file: the candidate that splits the first records
 * into the same number of fields most often (quotes respected, so a "1,5"
 * inside quotes or a comma in a ;-separated description does not mislead).
 * Ties go to the wider split, then to ';' (French exports), tab, ','.
 */
import { type CsvRecord, CsvTokenizer } from './csv-tokenizer.js';

export const DELIMITERS = [';', '\t', ','] as const;
const SAMPLE_RECORDS = 50;

export function detectDelimiter(sample: string, final: boolean): string {
  let best: { delimiter: string; count: number; width: number } = { delimiter: ';', count: 0, width: 0 };
  for (const delimiter of DELIMITERS) {
    const widths = new Map<number, number>();
    for (const record of sampleRecords(sample, delimiter, final)) {
      if (record.cells.length < 2) continue;
      widths.set(record.cells.length, (widths.get(record.cells.length) ?? 0) + 1);
    }
    for (const [width, count] of widths) {
      if (count > best.count || (count === best.count && width > best.width)) best = { delimiter, count, width };
    }
  }
  return best.delimiter;
}

function sampleRecords(sample: string, delimiter: string, final: boolean): CsvRecord[] {
  const records: CsvRecord[] = [];
  try {
    new CsvTokenizer(delimiter).push(sample, final, records);
  } catch {
    // An unterminated quote in the sample: judge on the records before it.
  }
  return records.filter((record) => record.cells.some((cell) => cell.trim() !== '')).slice(0, SAMPLE_RECORDS);
}

/**
 * Opens a CSV file: encoding, delimiter and header row are sniffed from its
 * first 256 KB, then the data rows are streamed chunk by chunk, so memory
 * stays bounded whatever the file size.
 */
import { err, ok, type Result } from '@amiable/domain';
import type { ByteSource } from './byte-source.js';
import { detectDelimiter } from './csv-sniff.js';
import { type CsvRecord, CsvTokenizer } from './csv-tokenizer.js';
import { bomEncoding, type TextEncodingName, Utf8Validator } from './encoding.js';
import { findHeaderRow, isBlankRow, type OpenedSheet, type RawRow, SAMPLE_ROW_LIMIT } from './table-rows.js';

const HEAD_BYTES = 256 * 1024;
/**
 * Rows are parsed 64 KB at a time: each slice's rows then die young, in V8's
 * cheap young generation. Parsing whole megabytes kept thousands of rows
 * alive across collections and made the import about half as fast.
 */
const PARSE_BYTES = 1 << 16;

export async function openCsv(source: ByteSource): Promise<Result<OpenedSheet>> {
  const head = await source.head(HEAD_BYTES);
  const encoding = bomEncoding(head) ?? ((await isWhollyUtf8(source)) ? 'utf-8' : 'windows-1252');
  const wholeFile = head.length < HEAD_BYTES;
  const headText = new TextDecoder(encoding).decode(head, { stream: !wholeFile });
  const delimiter = detectDelimiter(headText, wholeFile);

  const headRecords: CsvRecord[] = [];
  try {
    new CsvTokenizer(delimiter).push(headText, wholeFile, headRecords);
  } catch {
    // Unterminated quote within the head: the rows before it still show the layout; streaming reports the bad record.
  }
  const headerRow = findHeaderRow(headRecords);
  if (!headerRow) return err('IMPORT_EMPTY_FILE');
  const headerLine = headerRow.line;
  const sampleRows: RawRow[] = [];
  for (const record of headRecords) {
    if (record.line <= headerLine || isBlankRow(record.cells)) continue;
    sampleRows.push(record);
    if (sampleRows.length >= SAMPLE_ROW_LIMIT) break;
  }

  return ok({
    format: 'csv',
    encoding,
    delimiter,
    sheet: null,
    headerLine,
    headers: headerRow.cells.map((cell) => (typeof cell === 'string' ? cell.trim() : '')),
    sampleRows,
    fallbackDecimal: delimiter === ',' ? '.' : ',',
    batches: () => streamRows(source, encoding, delimiter, headerLine),
  });
}

async function isWhollyUtf8(source: ByteSource): Promise<boolean> {
  const validator = new Utf8Validator();
  for await (const chunk of source.chunks(4 << 20)) validator.push(chunk);
  return validator.end();
}

/** Drops, in place, the rows up to the header and the blank ones. */
function dataRows(records: CsvRecord[], headerLine: number): CsvRecord[] {
  let kept = 0;
  for (const record of records) if (record.line > headerLine && !isBlankRow(record.cells)) records[kept++] = record;
  records.length = kept;
  return records;
}

async function* streamRows(
  source: ByteSource,
  encoding: TextEncodingName,
  delimiter: string,
  headerLine: number,
): AsyncGenerator<RawRow[]> {
  const decoder = new TextDecoder(encoding);
  const tokenizer = new CsvTokenizer(delimiter);
  for await (const chunk of source.chunks()) {
    for (let start = 0; start < chunk.length; start += PARSE_BYTES) {
      const records: CsvRecord[] = [];
      tokenizer.push(decoder.decode(chunk.subarray(start, start + PARSE_BYTES), { stream: true }), false, records);
      yield dataRows(records, headerLine);
    }
  }
  const records: CsvRecord[] = [];
  tokenizer.push(decoder.decode(), true, records);
  yield dataRows(records, headerLine);
}

/**
 * RFC 4180 records from text arriving in chunks: quoted fields may hold
 * delimiters, doubled quotes and line breaks; lines end with CRLF, LF or a
 * lone CR. Each record carries the physical line it starts on, counting the
 * line breaks inside quoted fields, so messages point at the line an editor
 * shows. Malformed quoting is read leniently (a stray quote inside an
 * unquoted field is kept as text) because the row validation reports the
 * damage with its line; refusing the whole file would hide where it is.
 *
 * Most lines of an export contain no quote: those are split natively, which
 * is several times faster than walking characters; only records with a quote
 * or a lone CR take the character-level path.
 */

export interface CsvRecord {
  readonly cells: string[];
  /** 1-based physical line where the record starts. */
  readonly line: number;
}

/** An opening quote never closed would otherwise swallow the rest of the file into one field, in memory. */
export const MAX_RECORD_CHARS = 1 << 20;

export class CsvRecordTooLargeError extends Error {
  constructor(
    readonly line: number,
    /** The record's first characters, to quote in the message. */
    readonly excerpt: string,
  ) {
    super(`CSV record starting on line ${line} exceeds ${MAX_RECORD_CHARS} characters (unterminated quote?)`);
  }
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

interface SlowRecord {
  readonly fields: string[];
  /** Index just past the record's line break. */
  readonly end: number;
  /** Physical lines the record spans (1 + line breaks inside quotes). */
  readonly lines: number;
}

export class CsvTokenizer {
  private readonly delimiter: string;
  private readonly delimiterCode: number;
  /** Text of a record not yet complete at the end of the previous chunk. */
  private pending = '';
  private line = 1;

  constructor(delimiter: string) {
    this.delimiter = delimiter;
    this.delimiterCode = delimiter.charCodeAt(0);
  }

  /** Appends the complete records of `text` to `out`; with `final`, the last record needs no line break. */
  push(text: string, final: boolean, out: CsvRecord[]): void {
    const buffer = this.pending === '' ? text : this.pending + text;
    const length = buffer.length;
    let position = 0;
    let line = this.line;
    // A chunk without any quote or lone CR (most of them) needs no per-line check.
    const plain = buffer.indexOf('"') === -1 && !hasLoneCr(buffer);
    // Kept across records, and -1 stays -1: in a file with lone-CR line ends, searching again for each record would be quadratic.
    let newline = buffer.indexOf('\n');
    while (position < length) {
      if (newline !== -1 && newline < position) newline = buffer.indexOf('\n', position);
      if (newline !== -1 || final) {
        const lineEnd = newline === -1 ? length : newline;
        const contentEnd = lineEnd > position && buffer.charCodeAt(lineEnd - 1) === CR ? lineEnd - 1 : lineEnd;
        const content = buffer.slice(position, contentEnd);
        if (plain || (content.indexOf('"') === -1 && content.indexOf('\r') === -1)) {
          out.push({ cells: content.split(this.delimiter), line });
          line++;
          position = lineEnd + 1;
          continue;
        }
      }
      const record = this.parseSlow(buffer, position, final);
      if (!record) {
        if (length - position > MAX_RECORD_CHARS) throw new CsvRecordTooLargeError(line, buffer.slice(position, position + 40));
        this.pending = buffer.slice(position);
        this.line = line;
        return;
      }
      out.push({ cells: record.fields, line });
      line += record.lines;
      position = record.end;
    }
    this.pending = '';
    this.line = line;
  }

  /** One record starting at `start`, character by character; null when it may continue in the next chunk. */
  private parseSlow(buffer: string, start: number, final: boolean): SlowRecord | null {
    const length = buffer.length;
    const delimiter = this.delimiterCode;
    const fields: string[] = [];
    let position = start;
    let lines = 1;
    for (;;) {
      let field: string;
      if (buffer.charCodeAt(position) === QUOTE) {
        let value = '';
        let segment = position + 1;
        let closed = false;
        for (;;) {
          const quote = buffer.indexOf('"', segment);
          if (quote === -1) break;
          if (quote + 1 >= length && !final) return null; // cannot tell "" from a closing quote yet
          if (buffer.charCodeAt(quote + 1) === QUOTE) {
            value += buffer.slice(segment, quote + 1);
            segment = quote + 2;
            continue;
          }
          value += buffer.slice(segment, quote);
          position = quote + 1;
          closed = true;
          break;
        }
        if (!closed) {
          if (!final) return null;
          value += buffer.slice(segment); // unterminated quote: the rest of the file is this field
          position = length;
        }
        lines += countLineBreaks(value);
        // Text after the closing quote (`"abc"def`) belongs to the field.
        const tailStart = position;
        position = this.fieldEnd(buffer, position);
        field = tailStart === position ? value : value + buffer.slice(tailStart, position);
      } else {
        const fieldStart = position;
        position = this.fieldEnd(buffer, position);
        field = buffer.slice(fieldStart, position);
      }
      if (position >= length && !final) return null;
      fields.push(field);
      if (position >= length) return { fields, end: length, lines };
      const code = buffer.charCodeAt(position);
      if (code === delimiter) {
        position++;
        if (position >= length && final) {
          fields.push('');
          return { fields, end: length, lines };
        }
        continue;
      }
      if (code === CR) {
        if (position + 1 >= length && !final) return null; // a CRLF may be cut between chunks
        return { fields, end: position + (buffer.charCodeAt(position + 1) === LF ? 2 : 1), lines };
      }
      return { fields, end: position + 1, lines };
    }
  }

  private fieldEnd(buffer: string, from: number): number {
    const delimiter = this.delimiterCode;
    let position = from;
    while (position < buffer.length) {
      const code = buffer.charCodeAt(position);
      if (code === delimiter || code === LF || code === CR) break;
      position++;
    }
    return position;
  }
}

/** A CR not followed by LF (a CRLF cut at the chunk's end counts: the check is only a shortcut). */
function hasLoneCr(text: string): boolean {
  for (let at = text.indexOf('\r'); at !== -1; at = text.indexOf('\r', at + 2)) {
    if (text.charCodeAt(at + 1) !== LF) return true;
  }
  return false;
}

function countLineBreaks(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === LF) count++;
    else if (code === CR) {
      count++;
      if (text.charCodeAt(i + 1) === LF) i++;
    }
  }
  return count;
}

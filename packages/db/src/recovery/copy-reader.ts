/**
 * Reading `COPY … TO STDOUT` from the driver's bytes: the planner's two big reads
 * (a million rows) parsed field by field, without the per-field objects node-pg
 * would make. See planning.ts.
 */
import { to as copyTo } from 'pg-copy-streams';
import type { Tx } from '../tenant-transaction.js';

/**
 * One line of `COPY … TO STDOUT` (text format), read field by field from the
 * driver's bytes. Only for columns that never need escaping — uuids, integers,
 * booleans and plain words, all ASCII — so "\N" is the only backslash.
 */
export class CopyLine {
  private bytes: Buffer = Buffer.alloc(0);
  private at = 0;

  reset(bytes: Buffer, start: number): void {
    this.bytes = bytes;
    this.at = start;
  }

  private isNull(): boolean {
    if (this.bytes[this.at] !== 92 /* \ */) return false;
    this.at += 3; // "\N" and the separator
    return true;
  }

  /** Passes the next field. */
  skip(): void {
    const bytes = this.bytes;
    let end = this.at;
    while (end < bytes.length && bytes[end] !== 9 && bytes[end] !== 10) end++;
    this.at = end + 1;
  }

  /** The next field as text, null for NULL. */
  next(): string | null {
    if (this.isNull()) return null;
    const start = this.at;
    this.skip();
    return this.bytes.toString('latin1', start, this.at - 1);
  }

  /** The next field as an integer (cents, day numbers, step indexes), null for NULL. */
  int(): number | null {
    if (this.isNull()) return null;
    const bytes = this.bytes;
    let i = this.at;
    const negative = bytes[i] === 45; /* - */
    if (negative) i++;
    const first = i;
    let n = 0;
    for (let c = bytes[i] as number; c >= 48 && c <= 57; c = bytes[++i] as number) n = n * 10 + (c - 48);
    if (i - first > 15 && !Number.isSafeInteger(n)) throw new RangeError(`${bytes.toString('latin1', first, i)} exceeds 2^53`);
    this.at = i + 1;
    return negative ? -n : n;
  }

  /** Whether the field `offset` bytes ahead is `value`; reads nothing. */
  is(value: string, offset = 0): boolean {
    const bytes = this.bytes;
    const at = this.at + offset;
    for (let k = 0; k < value.length; k++) if (bytes[at + k] !== value.charCodeAt(k)) return false;
    const after = bytes[at + value.length];
    return after === 9 || after === 10;
  }

  /** The position in `values` of the field `offset` bytes ahead, -1 when none; reads nothing. */
  positionIn(values: readonly string[], offset = 0): number {
    let found = values.length - 1;
    while (found >= 0 && !this.is(values[found] as string, offset)) found--;
    return found;
  }

  /** Whether the next `length` bytes are those of `other` from `start`; reads nothing. */
  matches(other: Buffer, start: number, length: number): boolean {
    const bytes = this.bytes;
    for (let k = 0; k < length; k++) if (bytes[this.at + k] !== other[start + k]) return false;
    return true;
  }

  /** The hash of the next `length` bytes; reads nothing. */
  hash(length: number): number {
    return hashOf(this.bytes, this.at, length);
  }
}

/** FNV-1a of `length` bytes from `start`. */
export function hashOf(bytes: Buffer, start: number, length: number): number {
  let h = 0x811c9dc5;
  for (let k = start; k < start + length; k++) h = Math.imul(h ^ (bytes[k] as number), 0x01000193);
  return h >>> 0;
}

/** Streams `COPY (query) TO STDOUT` in the transaction, handing each line to `row`. The query takes no parameters. */
export async function copyRows(tx: Tx, query: string, row: (line: CopyLine) => void): Promise<void> {
  const stream = tx.client.query(copyTo(`COPY (${query}) TO STDOUT`));
  const line = new CopyLine();
  let rest: Buffer | null = null;
  let failure: { error: unknown } | null = null;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    if (failure) continue; // the rows still come: the connection must see the COPY through before the rollback
    try {
      const bytes: Buffer = rest ? Buffer.concat([rest, chunk]) : chunk;
      let start = 0;
      for (let end = bytes.indexOf(10, start); end !== -1; end = bytes.indexOf(10, start)) {
        line.reset(bytes, start);
        row(line);
        start = end + 1;
      }
      rest = start < bytes.length ? bytes.subarray(start) : null;
    } catch (error) {
      failure = { error };
    }
  }
  if (failure) throw failure.error;
}

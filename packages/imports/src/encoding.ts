/**
 * Text encodings of CSV exports: UTF-8 (with or without BOM), UTF-16 with a
 * BOM (Excel's "Unicode text"), and otherwise Windows-1252, which French
 * accounting tools still write. A file is UTF-8 only if every byte of it is
 * valid UTF-8; a single é written as 0xE9 makes it Windows-1252.
 */
import { isUtf8 } from 'node:buffer';

export type TextEncodingName = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export function bomEncoding(head: Uint8Array): TextEncodingName | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return null;
}

export function detectEncoding(bytes: Uint8Array): TextEncodingName {
  return bomEncoding(bytes) ?? (isUtf8(bytes) ? 'utf-8' : 'windows-1252');
}

/** Checks UTF-8 validity chunk by chunk, carrying a multi-byte sequence cut by a chunk boundary. */
export class Utf8Validator {
  private carry: Uint8Array = new Uint8Array(0);
  private valid = true;

  push(chunk: Uint8Array): void {
    if (!this.valid) return;
    const bytes = this.carry.length === 0 ? chunk : concat(this.carry, chunk);
    const cut = incompleteTailStart(bytes);
    this.valid = isUtf8(bytes.subarray(0, cut));
    this.carry = bytes.slice(cut);
  }

  /** True when everything pushed was valid UTF-8 and no sequence was left unfinished. */
  end(): boolean {
    return this.valid && this.carry.length === 0;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** Index where a trailing, not yet complete UTF-8 sequence starts (bytes.length when there is none). */
function incompleteTailStart(bytes: Uint8Array): number {
  const end = bytes.length;
  for (let i = end - 1; i >= 0 && i >= end - 3; i--) {
    const byte = bytes[i] ?? 0;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead byte
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return i + length > end ? i : end;
  }
  return end;
}

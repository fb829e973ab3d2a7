/** Test helpers: sample paths, collecting read items, and hand-built files (Windows-1252 text, PDFs, zips). */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { InvoiceRecord, ReadItem, RowIssue } from '../src/index.js';

/** The public samples copied byte for byte from ../shared/samples into fixtures/samples, so tests run from any checkout (CI clones to /tmp). */
export const SAMPLES_URL = new URL('../../../fixtures/samples/', import.meta.url);

export function samplePath(relative: string): string {
  return fileURLToPath(new URL(relative, SAMPLES_URL));
}

export async function sampleBytes(relative: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(samplePath(relative)));
}

export async function collect(items: AsyncIterable<ReadItem>): Promise<ReadItem[]> {
  const all: ReadItem[] = [];
  for await (const item of items) all.push(item);
  return all;
}

export function recordsOf(items: readonly ReadItem[]): InvoiceRecord[] {
  return items.flatMap((item) => ('record' in item ? [item.record] : []));
}

export function issuesOf(items: readonly ReadItem[]): RowIssue[] {
  return items.flatMap((item) => ('issues' in item ? [...item.issues] : []));
}

const CP1252_EXTRAS: Readonly<Record<string, number>> = {
  '€': 0x80,
  '‚': 0x82,
  '„': 0x84,
  '…': 0x85,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '–': 0x96,
  '—': 0x97,
  œ: 0x9c,
  Œ: 0x8c,
};

/** Encodes text as Windows-1252 (Latin-1 plus the 0x80–0x9F punctuation and €), as French accounting tools write it. */
export function windows1252(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    const code = text.charCodeAt(i);
    const extra = CP1252_EXTRAS[char];
    if (extra !== undefined) bytes[i] = extra;
    else if (code < 0x100 && (code < 0x80 || code >= 0xa0)) bytes[i] = code;
    else throw new Error(`not encodable in Windows-1252: ${char}`);
  }
  return bytes;
}

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** A minimal valid PDF with one blank page and, optionally, embedded files (name → content). */
export function buildPdf(attachments: Readonly<Record<string, Uint8Array | string>> = {}): Uint8Array {
  const encoder = new TextEncoder();
  const objects: Uint8Array[] = [];
  const names = Object.keys(attachments);
  const fileObjects = names.map((_, index) => 4 + index * 2);
  const namesTree =
    names.length > 0
      ? ` /Names << /EmbeddedFiles << /Names [${names.map((name, i) => `(${name}) ${fileObjects[i]} 0 R`).join(' ')}] >> >>`
      : '';
  objects.push(encoder.encode(`<< /Type /Catalog /Pages 2 0 R${namesTree} >>`));
  objects.push(encoder.encode('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'));
  objects.push(encoder.encode('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>'));
  names.forEach((name, index) => {
    const raw = attachments[name] ?? '';
    const content = typeof raw === 'string' ? encoder.encode(raw) : raw;
    objects.push(
      encoder.encode(`<< /Type /Filespec /F (${name}) /UF (${name}) /AFRelationship /Data /EF << /F ${5 + index * 2} 0 R >> >>`),
    );
    objects.push(
      concat(
        encoder.encode(`<< /Type /EmbeddedFile /Subtype /text#2Fxml /Length ${content.length} >>\nstream\n`),
        content,
        encoder.encode('\nendstream'),
      ),
    );
  });
  const parts: Uint8Array[] = [encoder.encode('%PDF-1.7\n%\u00e2\u00e3\n')];
  const offsets: number[] = [];
  let length = parts[0]?.length ?? 0;
  objects.forEach((body, index) => {
    offsets.push(length);
    const object = concat(encoder.encode(`${index + 1} 0 obj\n`), body, encoder.encode('\nendobj\n'));
    parts.push(object);
    length += object.length;
  });
  const xref = [
    `xref\n0 ${objects.length + 1}\n`,
    '0000000000 65535 f \n',
    ...offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`),
  ].join('');
  parts.push(encoder.encode(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`));
  return concat(...parts);
}

/** A zip archive with stored (uncompressed) entries: enough for format detection. */
export function buildZip(entries: Readonly<Record<string, string>>): Uint8Array {
  const encoder = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const nameBytes = encoder.encode(name);
    const data = encoder.encode(text);
    const local = new Uint8Array(30 + nameBytes.length + data.length);
    const localView = new DataView(local.buffer);
    localView.setUint32(0, 0x04034b50, true);
    localView.setUint32(18, data.length, true);
    localView.setUint32(22, data.length, true);
    localView.setUint16(26, nameBytes.length, true);
    local.set(nameBytes, 30);
    local.set(data, 30 + nameBytes.length);
    const central = new Uint8Array(46 + nameBytes.length);
    const centralView = new DataView(central.buffer);
    centralView.setUint32(0, 0x02014b50, true);
    centralView.setUint32(20, data.length, true);
    centralView.setUint32(24, data.length, true);
    centralView.setUint16(28, nameBytes.length, true);
    centralView.setUint32(42, offset, true);
    central.set(nameBytes, 46);
    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  const directory = concat(...centrals);
  const end = new Uint8Array(22);
  const endView = new DataView(end.buffer);
  endView.setUint32(0, 0x06054b50, true);
  endView.setUint16(8, centrals.length, true);
  endView.setUint16(10, centrals.length, true);
  endView.setUint32(12, directory.length, true);
  endView.setUint32(16, offset, true);
  return concat(...locals, directory, end);
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let position = 0;
  for (const part of parts) {
    out.set(part, position);
    position += part.length;
  }
  return out;
}

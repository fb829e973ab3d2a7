/**
 * What a file is, judged by its bytes: a name can be wrong or chosen to
 * mislead, so the extension is only used to refuse text that claims to be a
 * binary format (a truncated or mislabelled upload).
 */
import { bomEncoding } from './encoding.js';
import type { FileFormat } from './types.js';
import { zipEntryNames } from './zip-entries.js';

const PDF_MAGIC = '%PDF-';
const UBL_NAMESPACES: Readonly<Record<string, string>> = {
  Invoice: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
  CreditNote: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
};
const BINARY_EXTENSIONS = /\.(pdf|xlsx|xlsm|xls|ods|zip|docx|doc|png|jpe?g|gif)$/i;

export function detectFormat(bytes: Uint8Array, filename?: string): FileFormat | null {
  if (startsWithAscii(bytes, 'PK\u0003\u0004')) {
    const names = zipEntryNames(bytes);
    return names?.some((name) => name.startsWith('xl/')) ? 'xlsx' : null;
  }
  // The PDF header may follow a few junk bytes; readers accept it within the first kilobyte.
  if (indexOfAscii(bytes.subarray(0, 1024), PDF_MAGIC) !== -1) return 'facturx';
  const head = decodeHead(bytes);
  if (head === null) return null;
  const root = xmlRoot(head);
  if (root) {
    if (root.localName === 'CrossIndustryInvoice') return 'cii';
    if (UBL_NAMESPACES[root.localName] !== undefined && root.namespace === UBL_NAMESPACES[root.localName]) return 'ubl';
    return null;
  }
  if (head.trimStart().startsWith('<')) return null; // other XML or HTML
  if (filename !== undefined && BINARY_EXTENSIONS.test(filename)) return null;
  return 'csv';
}

/** The first 8 KB as text, or null when they look binary (NUL or other control bytes in an 8-bit text). */
function decodeHead(bytes: Uint8Array): string | null {
  const head = bytes.subarray(0, 8192);
  const bom = bomEncoding(head);
  if (bom === 'utf-16le' || bom === 'utf-16be') return new TextDecoder(bom).decode(head);
  let control = 0;
  for (const byte of head) {
    if (byte === 0) return null;
    if (byte < 9 || (byte > 13 && byte < 32 && byte !== 26)) control++;
  }
  if (control > head.length / 100) return null;
  return new TextDecoder('utf-8').decode(head);
}

export interface XmlRoot {
  readonly localName: string;
  readonly namespace: string | null;
}

/** The root element of an XML text: its local name and namespace URI, skipping the prolog (declaration, comments, DOCTYPE). */
export function xmlRoot(text: string): XmlRoot | null {
  let position = 0;
  for (;;) {
    while (position < text.length && /\s/.test(text.charAt(position))) position++;
    if (text.charAt(position) !== '<') return null;
    if (text.startsWith('<?', position)) position = skipPast(text, position, '?>');
    else if (text.startsWith('<!--', position)) position = skipPast(text, position, '-->');
    else if (text.startsWith('<!', position)) position = skipDeclaration(text, position);
    else break;
    if (position === -1) return null;
  }
  const match = /^<([A-Za-z_][\w.-]*)(?::([A-Za-z_][\w.-]*))?([^>]*)>/.exec(text.slice(position, position + 4096));
  if (!match) return null;
  const prefix = match[2] === undefined ? null : (match[1] ?? null);
  const localName = match[2] ?? match[1] ?? '';
  const attributes = match[3] ?? '';
  const namespaceAttribute = prefix === null ? 'xmlns' : `xmlns:${prefix}`;
  const namespaceMatch = new RegExp(`(?:^|\\s)${namespaceAttribute.replace(/\./g, '\\.')}\\s*=\\s*(["'])([^"']*)\\1`).exec(attributes);
  return { localName, namespace: namespaceMatch?.[2] ?? null };
}

/** Skips `<!DOCTYPE …>`, including an internal subset in brackets, whose declarations contain '>' themselves. */
function skipDeclaration(text: string, from: number): number {
  const close = text.indexOf('>', from);
  const bracket = text.indexOf('[', from);
  if (bracket === -1 || (close !== -1 && close < bracket)) return close === -1 ? -1 : close + 1;
  const end = text.indexOf(']', bracket);
  return end === -1 ? -1 : skipPast(text, end, '>');
}

function skipPast(text: string, from: number, terminator: string): number {
  const index = text.indexOf(terminator, from);
  return index === -1 ? -1 : index + terminator.length;
}

function startsWithAscii(bytes: Uint8Array, text: string): boolean {
  if (bytes.length < text.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[i] !== text.charCodeAt(i)) return false;
  return true;
}

function indexOfAscii(bytes: Uint8Array, text: string): number {
  outer: for (let start = 0; start + text.length <= bytes.length; start++) {
    for (let i = 0; i < text.length; i++) if (bytes[start + i] !== text.charCodeAt(i)) continue outer;
    return start;
  }
  return -1;
}

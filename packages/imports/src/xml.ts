/**
 * Parsing e-invoice XML safely. Invoices never need a DTD, so any DOCTYPE or
 * ENTITY declaration is refused before parsing: that closes external entities
 * (XXE) and entity expansion (billion laughs) whatever the parser would do.
 * Size and nesting are bounded, and malformed input is an error value.
 */
import { type AppError, err, ok, type Result } from '@amiable/domain';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export const MAX_XML_BYTES = 20 * 1024 * 1024;

/** A parsed element: attributes as "@_name", text as "#text", children by local name (arrays when repeated). */
export type XmlNode = { readonly [key: string]: XmlValue };
export type XmlValue = string | XmlNode | readonly XmlValue[];

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Numeric character references (&#233;) are XML; fast-xml-parser decodes them only with this option.
  htmlEntities: true,
  maxNestedTags: 100,
});

function unsupported(reason: string): { readonly ok: false; readonly error: AppError } {
  return err('IMPORT_UNSUPPORTED_FORMAT', { reason });
}

/** Decodes XML bytes by BOM or declared encoding (UTF-8 when undeclared), refusing undecodable text. */
export function decodeXml(bytes: Uint8Array): Result<string> {
  if (bytes.length > MAX_XML_BYTES) return err('FILE_TOO_LARGE', { maxMegabytes: MAX_XML_BYTES / (1024 * 1024) });
  let label = 'utf-8';
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) label = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) label = 'utf-16be';
  else {
    const declaration = /^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(
      new TextDecoder('latin1').decode(bytes.subarray(0, 200)),
    );
    if (declaration?.[1]) label = declaration[1].toLowerCase();
  }
  try {
    return ok(new TextDecoder(label, { fatal: true }).decode(bytes.subarray(start)).replace(/^\uFEFF/, ''));
  } catch {
    return unsupported('xml_encoding');
  }
}

export function parseXml(xml: string): Result<XmlNode> {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) return unsupported('xml_dtd_forbidden');
  try {
    if (XMLValidator.validate(xml) !== true) return unsupported('xml_malformed');
    const parsed: unknown = parser.parse(xml);
    if (!isNode(parsed)) return unsupported('xml_malformed');
    return ok(parsed);
  } catch {
    // Nesting beyond the limit and other parser refusals.
    return unsupported('xml_malformed');
  }
}

function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** All children of `node` named `name` (by local name). */
export function children(node: XmlValue | undefined, name: string): XmlNode[] {
  if (node === undefined || typeof node === 'string' || Array.isArray(node)) return [];
  const value = (node as XmlNode)[name];
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  // An empty element parses as ''; it is still an element, without content.
  return list.map((item: XmlValue) => (typeof item === 'string' ? { '#text': item } : isNode(item) ? item : {}));
}

/** The first element along a path of local names. */
export function child(node: XmlValue | undefined, ...path: string[]): XmlNode | undefined {
  let current: XmlNode | undefined = node !== undefined && isNode(node) ? node : undefined;
  for (const name of path) {
    current = children(current, name)[0];
    if (current === undefined) return undefined;
  }
  return current;
}

/** Trimmed text of the first element along a path; null when absent or empty. */
export function text(node: XmlValue | undefined, ...path: string[]): string | null {
  const element = path.length === 0 ? (node !== undefined && isNode(node) ? node : undefined) : child(node, ...path);
  const value = element?.['#text'];
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

export function attribute(node: XmlNode | undefined, name: string): string | null {
  const value = node?.[`@_${name}`];
  return typeof value === 'string' ? value.trim() : null;
}

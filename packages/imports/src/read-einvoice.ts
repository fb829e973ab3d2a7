/** Reads a Factur-X/ZUGFeRD PDF, a CII or a UBL document into one validated invoice record. */
import { err, ok, type Result } from '@amiable/domain';
import { readCii, type SyntaxReading } from './cii.js';
import { detectFormat, xmlRoot } from './detect-format.js';
import { buildEInvoiceRecord } from './einvoice-record.js';
import { extractInvoiceXml } from './facturx-pdf.js';
import type { InvoiceRecord, RowIssue } from './types.js';
import { readUbl } from './ubl.js';
import { decodeXml, parseXml } from './xml.js';

export interface EInvoiceReading {
  readonly format: 'facturx' | 'cii' | 'ubl';
  /** The guideline or customisation identifier as written (see facturxProfileName for the profile's name). */
  readonly profile: string | null;
  /** The invoice XML, kept as evidence of what was imported. */
  readonly xml: string;
  /** One record, or none when `issues` is not empty. */
  readonly records: InvoiceRecord[];
  readonly issues: RowIssue[];
}

export async function readEInvoice(bytes: Uint8Array): Promise<Result<EInvoiceReading>> {
  try {
    const format = detectFormat(bytes);
    if (format === 'facturx') {
      const embedded = await extractInvoiceXml(bytes);
      if (!embedded.ok) return embedded;
      return readXml(embedded.value, 'facturx');
    }
    if (format === 'cii' || format === 'ubl') return readXml(bytes, format);
    return err('IMPORT_UNSUPPORTED_FORMAT', { reason: format === null ? 'unrecognised_content' : 'not_an_e_invoice' });
  } catch {
    // Whatever a hostile file makes a library do, the caller gets a value, not an exception.
    return err('IMPORT_UNSUPPORTED_FORMAT', { reason: 'unreadable' });
  }
}

function readXml(bytes: Uint8Array, format: EInvoiceReading['format']): Result<EInvoiceReading> {
  const decoded = decodeXml(bytes);
  if (!decoded.ok) return decoded;
  const xml = decoded.value;
  const root = xmlRoot(xml);
  const parsed = parseXml(xml);
  if (!parsed.ok) return parsed;
  let reading: SyntaxReading | null = null;
  if (root?.localName === 'CrossIndustryInvoice') reading = readCii(parsed.value);
  else if (root?.localName === 'Invoice' || root?.localName === 'CreditNote') reading = readUbl(parsed.value);
  if (!reading) return err('IMPORT_UNSUPPORTED_FORMAT', { reason: 'not_an_e_invoice' });
  const { record, issues } = buildEInvoiceRecord(reading.draft);
  return ok({ format, profile: reading.profile, xml, records: record ? [record] : [], issues });
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../src/index.js';
import { buildPdf, buildZip, sampleBytes, utf8, windows1252 } from './helpers.js';

describe('detectFormat', () => {
  it('recognises a PDF by its header, whatever its name', async () => {
    expect(detectFormat(await sampleBytes('facturx/pdf/EN16931_Einfach.pdf'), 'invoice.csv')).toBe('facturx');
    expect(detectFormat(buildPdf())).toBe('facturx');
  });

  it('recognises CII and UBL by their root element and namespace', async () => {
    expect(detectFormat(await sampleBytes('facturx/cii/CII_example1.xml'))).toBe('cii');
    expect(detectFormat(await sampleBytes('facturx/ubl/ubl-tc434-example2.xml'))).toBe('ubl');
    expect(detectFormat(await sampleBytes('facturx/ubl/ubl-tc434-creditnote1.xml'))).toBe('ubl');
    expect(
      detectFormat(
        utf8('<?xml version="1.0"?>\n<!-- export -->\n<ubl:Invoice xmlns:ubl="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"/>'),
      ),
    ).toBe('ubl');
  });

  it('does not take another XML document for an invoice', async () => {
    expect(detectFormat(utf8('<Invoice xmlns="urn:example:not-ubl"><ID>1</ID></Invoice>'))).toBeNull();
    expect(detectFormat(await sampleBytes('camt/camt053/kedder_simple.xml'))).toBeNull();
    expect(detectFormat(utf8('<!DOCTYPE html><html><body>Factures</body></html>'))).toBeNull();
  });

  it('still classifies an invoice that declares a DOCTYPE, so that its reader can refuse it clearly', () => {
    const xml =
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"/>';
    expect(detectFormat(utf8(xml))).toBe('cii');
  });

  it('recognises an XLSX workbook among zip files', () => {
    expect(detectFormat(buildZip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' }))).toBe('xlsx');
    expect(detectFormat(buildZip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<document/>' }))).toBeNull();
  });

  it('takes text, in any of the encodings exports use, for CSV', () => {
    expect(detectFormat(utf8('N° facture;Date;Montant\nF-1;01/01/2025;12,00\n'))).toBe('csv');
    expect(detectFormat(windows1252('Numéro;Échéance\nF-1;01/01/2025\n'))).toBe('csv');
    expect(detectFormat(Uint8Array.from([0xff, 0xfe, ...[...'a\tb\n'].flatMap((char) => [char.charCodeAt(0), 0])]))).toBe('csv');
  });

  it('refuses binary content and text that claims to be a binary format', () => {
    expect(detectFormat(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBeNull();
    expect(detectFormat(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toBeNull();
    expect(detectFormat(utf8('Facture;Montant\n'), 'facture.pdf')).toBeNull();
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), fc.option(fc.string()), (bytes, name) => {
        const format = detectFormat(bytes, name ?? undefined);
        expect([null, 'csv', 'xlsx', 'facturx', 'cii', 'ubl']).toContain(format);
      }),
      { numRuns: 1000 },
    );
    expect(detectFormat(Uint8Array.from([0x50, 0x4b, 3, 4, 1, 2]))).toBeNull();
  });
});

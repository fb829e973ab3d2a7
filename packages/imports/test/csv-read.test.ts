/** CSV exports as French and English accounting tools write them: encodings, delimiters, preambles, quoting, streaming. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTable, previewTable, readTable, TableReadError } from '../src/index.js';
import { buildPdf, collect, issuesOf, recordsOf, utf8, windows1252 } from './helpers.js';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

let folder = '';
beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'amiable-imports-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('a Windows-1252 export with a preamble, semicolons and decimal commas', () => {
  const text = [
    'Balance âgée clients au 31/01/2025',
    'Société émettrice : Boulangerie Crème;;;',
    '',
    "N° facture;Date facture;Date d'échéance;Raison sociale;SIREN;Montant HT;Montant TTC;Reste dû",
    'FA-001;15/01/2025;14/02/2025;Crèmerie Française;732 829 320;1 000,00;1 200,00 €;1 200,00',
    `FA-002;20/01/2025;19/02/2025;Façonnage Bérénice;552100554;10${NBSP}000,50;12${NBSP}000,60;5${NBSP}000,00`,
    'AV-003;25/01/2025;25/01/2025;Crèmerie Française;732829320;-100,00;-120,00;-120,00',
    '',
  ].join('\r\n');
  const bytes = windows1252(text);

  it('is previewed with its layout, guessed mapping and first rows', async () => {
    const preview = await previewTable(bytes);
    if (!preview.ok) throw new Error(JSON.stringify(preview.error));
    expect(preview.value.layout).toEqual({
      format: 'csv',
      encoding: 'windows-1252',
      delimiter: ';',
      sheet: null,
      headerLine: 4,
      headers: ['N° facture', 'Date facture', "Date d'échéance", 'Raison sociale', 'SIREN', 'Montant HT', 'Montant TTC', 'Reste dû'],
      decimalSeparator: ',',
    });
    expect(preview.value.mapping).toEqual({
      invoiceNumber: 0,
      issueDate: 1,
      dueDate: 2,
      debtorName: 3,
      debtorSiren: 4,
      amountExclTax: 5,
      amountInclTax: 6,
      outstanding: 7,
    });
    expect(preview.value.missingFields).toEqual([]);
    expect(preview.value.rowCount).toBe(3);
    expect(preview.value.sampleRows[1]).toEqual([
      'FA-002',
      '20/01/2025',
      '19/02/2025',
      'Façonnage Bérénice',
      '552100554',
      `10${NBSP}000,50`,
      `12${NBSP}000,60`,
      `5${NBSP}000,00`,
    ]);
  });

  it('is read into records with accents, cents and physical line numbers', async () => {
    const items = await collect(readTable({ bytes }));
    expect(issuesOf(items)).toEqual([]);
    const [first, second, third] = recordsOf(items);
    expect(first).toMatchObject({
      line: 5,
      kind: 'invoice',
      number: 'FA-001',
      issueDate: '2025-01-15',
      dueDate: '2025-02-14',
      currency: 'EUR',
      amountExclTaxCents: 100_000,
      amountInclTaxCents: 120_000,
      amountDueCents: 120_000,
      outstandingCents: 120_000,
      debtor: { kind: 'business', name: 'Crèmerie Française', siren: '732829320', address: null },
    });
    expect(second).toMatchObject({
      line: 6,
      amountExclTaxCents: 1_000_050,
      amountInclTaxCents: 1_200_060,
      outstandingCents: 500_000,
      debtor: { name: 'Façonnage Bérénice' },
    });
    // A negative total is a credit note, carried with positive amounts.
    expect(third).toMatchObject({
      line: 7,
      kind: 'credit-note',
      number: 'AV-003',
      amountExclTaxCents: 10_000,
      amountInclTaxCents: 12_000,
      outstandingCents: 12_000,
    });
  });
});

describe('encodings and delimiters', () => {
  it('reads UTF-8 with a BOM, narrow no-break spaces and euro signs', async () => {
    const text = `\uFEFFN° facture;Date;Client;Montant TTC\nF-1;01/03/2025;Œuvre d’Art;1${NNBSP}234${NNBSP}567,89${NBSP}€\n`;
    const preview = await previewTable(utf8(text));
    expect(preview.ok && preview.value.layout).toMatchObject({
      encoding: 'utf-8',
      delimiter: ';',
      headers: ['N° facture', 'Date', 'Client', 'Montant TTC'],
    });
    const [record] = recordsOf(await collect(readTable({ bytes: utf8(text) })));
    expect(record).toMatchObject({ number: 'F-1', amountInclTaxCents: 123_456_789, debtor: { name: 'Œuvre d’Art' } });
  });

  it('reads a comma-separated English export with 1,234.56 amounts and ISO dates', async () => {
    const text = [
      'Invoice No,Invoice Date,Due Date,Customer,Amount,Balance,Currency',
      'INV-1,2025-01-15,2025-02-14,"Acme, Inc.","1,234.56","1,000.00",USD',
      'INV-2,2025-01-16T00:00:00,2025-02-15,Globex,99.90,99.90,usd',
      '',
    ].join('\n');
    const opened = await openTable({ bytes: utf8(text) });
    expect(opened.ok && opened.value.layout).toMatchObject({ delimiter: ',', decimalSeparator: '.', headerLine: 1 });
    const records = recordsOf(await collect(readTable({ bytes: utf8(text) })));
    expect(
      records.map((record) => [
        record.number,
        record.issueDate,
        record.amountInclTaxCents,
        record.outstandingCents,
        record.currency,
        record.debtor.name,
      ]),
    ).toEqual([
      ['INV-1', '2025-01-15', 123_456, 100_000, 'USD', 'Acme, Inc.'],
      ['INV-2', '2025-01-16', 9_990, 9_990, 'USD', 'Globex'],
    ]);
  });

  it('reads a tab-separated export', async () => {
    const text = 'Facture\tDate\tClient\tMontant\nF-9\t02/01/2025\tDurand\t10,5\n';
    const opened = await openTable({ bytes: utf8(text) });
    expect(opened.ok && opened.value.layout.delimiter).toBe('\t');
    expect(recordsOf(await collect(readTable({ bytes: utf8(text) })))[0]).toMatchObject({ number: 'F-9', amountInclTaxCents: 1_050 });
  });

  it('uses the default currency given for rows without one', async () => {
    const text = 'Facture;Date;Client;Montant\nF-1;02/01/2025;Durand;10,00\n';
    const [record] = recordsOf(await collect(readTable({ bytes: utf8(text) }, { defaultCurrency: 'CHF' })));
    expect(record?.currency).toBe('CHF');
  });
});

describe('quoting and line numbers', () => {
  const rows = [
    'N° facture;Date;Client;Libellé;Montant',
    'FA-1;01/02/2025;"Dupont; Fils";"Ligne 1',
    'Ligne 2 ""spéciale""";100,00',
    'FA-2;31/02/2025;Martin;Simple;50,00',
    'FA-3;01/02/2025;"Durand',
    'SARL";"";abc',
    'FA-4;01/02/2025;Petit;"";7,00',
  ];

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('keeps embedded delimiters, quotes and line breaks, and counts lines right (%s)', async (_name, newline) => {
    const items = await collect(readTable({ bytes: utf8(rows.join(newline) + newline) }));
    expect(items.map((item) => ('record' in item ? item.record.line : item.line))).toEqual([2, 4, 5, 7]);
    const [first, last] = recordsOf(items);
    expect(first).toMatchObject({ number: 'FA-1', debtor: { name: 'Dupont; Fils' }, description: `Ligne 1${newline}Ligne 2 "spéciale"` });
    expect(last).toMatchObject({ number: 'FA-4', line: 7, description: null });
    expect(issuesOf(items)).toEqual([
      { line: 4, column: 'Date', code: 'invalid_date', params: { value: '31/02/2025' } },
      { line: 5, column: 'Montant', code: 'invalid_amount', params: { value: 'abc' } },
    ]);
  });

  it('skips blank rows without losing count of the lines', async () => {
    const text = 'Facture;Date;Client;Montant\n\nF-1;02/01/2025;Durand;10,00\n;;;\n   ;  ;;\nF-2;03/01/2025;Durand;11,00\n\n';
    const items = await collect(readTable({ bytes: utf8(text) }));
    expect(items.map((item) => ('record' in item ? [item.record.number, item.record.line] : item))).toEqual([
      ['F-1', 3],
      ['F-2', 6],
    ]);
  });

  it('reports a row whose quote is never closed instead of dropping it', async () => {
    const text = 'Facture;Date;Client;Montant\nF-1;02/01/2025;Durand;10,00\nF-2;03/01/2025;"Durand;11,00\n';
    const items = await collect(readTable({ bytes: utf8(text) }));
    expect(items).toHaveLength(2);
    expect(items[1]).toMatchObject({ line: 3, issues: [{ line: 3, column: 'Montant', code: 'required' }] });
  });

  it('reports a quote left open over a megabyte as a broken line, and stops there', async () => {
    const text = `Facture;Date;Client;Montant\nF-1;02/01/2025;Durand;10,00\nF-2;03/01/2025;"Durand${' bla'.repeat(300_000)}\nF-3;04/01/2025;Durand;1,00\n`;
    const items = await collect(readTable({ bytes: utf8(text) }));
    expect(items).toHaveLength(2);
    expect(items[1]).toMatchObject({ line: 3, issues: [{ line: 3, column: 'Facture', code: 'invalid_format' }] });
  });
});

describe('streaming a file from disk', () => {
  /** ~1.5 MB: spans the 256 KB sniffing window and many read chunks, with multi-byte characters and quoted line breaks. */
  function bigExport(rows: number): string {
    const lines = ['N° facture;Date;Client;Libellé;Montant TTC'];
    for (let i = 1; i <= rows; i++) {
      const description = i % 7 === 0 ? `"Prestation ${i}\r\nsur deux lignes; « spéciale »"` : `Prestation n°${i} – été`;
      const cents = i * 12_345;
      const units = String(Math.trunc(cents / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, NNBSP);
      lines.push(
        `F-${i};${String((i % 28) + 1).padStart(2, '0')}/01/2025;Société Générale ${i % 13};${description};${units},${String(cents % 100).padStart(2, '0')} €`,
      );
    }
    return `${lines.join('\r\n')}\r\n`;
  }

  it('yields the same items from a path as from the bytes, lines included', async () => {
    const text = bigExport(15_000);
    const file = path.join(folder, 'big.csv');
    await writeFile(file, text);
    const fromPath = await collect(readTable({ path: file }));
    const fromBytes = await collect(readTable({ bytes: utf8(text) }));
    expect(fromPath).toHaveLength(15_000);
    expect(issuesOf(fromPath)).toEqual([]);
    expect(fromPath).toEqual(fromBytes);
    const records = recordsOf(fromPath);
    // Rows 7, 14, … take two physical lines.
    expect(records[14_999]).toMatchObject({
      number: 'F-15000',
      line: 15_001 + Math.floor(14_999 / 7),
      amountInclTaxCents: 15_000 * 12_345,
    });
    expect(records[6]).toMatchObject({ number: 'F-7', description: 'Prestation 7\r\nsur deux lignes; « spéciale »' });
  });

  it('reads a CSV whose first header starts like a zip archive', async () => {
    const text = 'PK_ID;Facture;Date;Client;Montant\n1;F-1;02/01/2025;Durand;10,00\n';
    const file = path.join(folder, 'pk.csv');
    await writeFile(file, text);
    expect(recordsOf(await collect(readTable({ path: file })))[0]).toMatchObject({ number: 'F-1', amountInclTaxCents: 1_000 });
  });

  it('notices a Windows-1252 byte beyond the sniffed beginning of the file', async () => {
    const rows = ['Facture;Date;Client;Montant'];
    for (let i = 1; i <= 20_000; i++) rows.push(`F-${i};02/01/2025;Durand;10,00`);
    rows.push('F-last;02/01/2025;Crèmerie;10,00');
    const file = path.join(folder, 'late-accent.csv');
    await writeFile(file, windows1252(`${rows.join('\n')}\n`));
    const opened = await openTable({ path: file });
    expect(opened.ok && opened.value.layout.encoding).toBe('windows-1252');
    const records = recordsOf(await collect(readTable({ path: file })));
    expect(records.at(-1)?.debtor.name).toBe('Crèmerie');
  });
});

describe('file-level problems', () => {
  it('says a header without rows is empty', async () => {
    expect(await previewTable(utf8('Facture;Date;Client;Montant\n\n'))).toEqual({ ok: false, error: { code: 'IMPORT_EMPTY_FILE' } });
    expect(await previewTable(new Uint8Array(0))).toEqual({ ok: false, error: { code: 'IMPORT_EMPTY_FILE' } });
  });

  it('refuses to preview a PDF or an XML invoice as a table', async () => {
    expect(await previewTable(buildPdf())).toEqual({
      ok: false,
      error: { code: 'IMPORT_UNSUPPORTED_FORMAT', params: { reason: 'not_a_table' } },
    });
    expect(await previewTable(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]))).toEqual({
      ok: false,
      error: { code: 'IMPORT_UNSUPPORTED_FORMAT', params: { reason: 'unrecognised_content' } },
    });
  });

  it('lists the required fields no column maps to', async () => {
    const preview = await previewTable(utf8('Code;Quand;Qui;Combien\nF-1;02/01/2025;Durand;10\n'));
    expect(preview.ok && preview.value.missingFields).toEqual(['invoiceNumber', 'issueDate', 'debtorName', 'amountInclTax']);
  });

  it('applies a mapping chosen by the user, and checks it', async () => {
    const bytes = utf8('Code;Quand;Qui;Combien\nF-1;02/01/2025;Durand;10,50\n');
    const mapping = { invoiceNumber: 0, issueDate: 1, debtorName: 2, amountInclTax: 3 };
    const preview = await previewTable(bytes, { mapping });
    expect(preview.ok && preview.value.missingFields).toEqual([]);
    expect(recordsOf(await collect(readTable({ bytes }, { mapping })))[0]).toMatchObject({ number: 'F-1', amountInclTaxCents: 1_050 });
    expect(await previewTable(bytes, { mapping: { ...mapping, amountInclTax: 9 } })).toEqual({
      ok: false,
      error: { code: 'VALIDATION_FAILED', issues: [{ field: 'mapping.amountInclTax', code: 'out_of_range', params: { value: '9' } }] },
    });
  });

  it('refuses to read rows while required columns are unmapped', async () => {
    const bytes = utf8('Code;Quand;Qui;Combien\nF-1;02/01/2025;Durand;10\n');
    expect(await openTable({ bytes })).toEqual({
      ok: false,
      error: { code: 'IMPORT_MAPPING_INCOMPLETE', params: { fields: 'invoiceNumber, issueDate, debtorName, amountInclTax' } },
    });
    await expect(collect(readTable({ bytes }))).rejects.toBeInstanceOf(TableReadError);
  });

  it('reads an opened table again from the start, without taking the first pass for duplicates', async () => {
    const opened = await openTable({
      bytes: utf8('Facture;Date;Client;Montant\nF-1;02/01/2025;Durand;10,00\nF-2;02/01/2025;Durand;12,00\n'),
    });
    if (!opened.ok) throw new Error(JSON.stringify(opened.error));
    const pass = async () => {
      const items = [];
      for await (const batch of opened.value.batches) items.push(...batch);
      return items;
    };
    const first = await pass();
    expect(recordsOf(first).map((record) => record.number)).toEqual(['F-1', 'F-2']);
    expect(await pass()).toEqual(first);
  });

  it('shows as many sample rows as asked', async () => {
    const rows = ['Facture;Date;Client;Montant'];
    for (let i = 1; i <= 30; i++) rows.push(`F-${i};02/01/2025;Durand;${i},00`);
    const preview = await previewTable(utf8(rows.join('\n')), { sampleSize: 3 });
    expect(preview.ok && preview.value.sampleRows.map((row) => row[0])).toEqual(['F-1', 'F-2', 'F-3']);
    expect(preview.ok && preview.value.rowCount).toBe(30);
  });
});

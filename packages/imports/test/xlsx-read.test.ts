/** XLSX workbooks built here with exceljs: typed cells (dates, numbers, formulas, rich text) read without locale or time-zone effects. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectFormat, previewTable, readTable } from '../src/index.js';
import { collect, issuesOf, recordsOf } from './helpers.js';

const day = (year: number, month: number, date: number) => new Date(Date.UTC(year, month - 1, date));

async function workbook(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const invoices = book.addWorksheet('Factures');
  invoices.addRow(['Balance âgée au 31/01/2025']);
  invoices.addRow([]);
  invoices.addRow(['N° facture', 'Date facture', "Date d'échéance", 'Client', 'SIREN', 'Code postal', 'Montant HT', 'Montant TTC']);
  invoices.addRow([1001, day(2025, 1, 15), day(2025, 2, 14), 'Durand SARL', 732829320, 6000, 1000, 1234.56]);
  invoices.addRow([
    'F-1002',
    day(2025, 1, 31),
    '28/02/2025',
    { richText: [{ text: 'Crèmerie ' }, { text: 'Française', font: { bold: true } }] },
    '552 100 554',
    '75001',
    87.42,
    { formula: 'G5*1.2', result: 104.89999999999999 },
  ]);
  invoices.addRow(['F-1003', day(2025, 2, 1), day(2025, 3, 3), 'Petit', null, null, null, '1 234,56']);
  invoices.addRow(['F-1004', 'demain', day(2025, 3, 3), 'Petit', null, null, 1.005, 1.2]);
  invoices.addRow(['F-1005', day(2025, 2, 1), day(2025, 1, 3), 'Petit', null, null, null, -50]);
  const credits = book.addWorksheet('Avoirs');
  credits.addRow(['Avoir', 'Date', 'Client', 'Montant']);
  credits.addRow(['AV-1', day(2024, 12, 31), 'Durand SARL', 60]);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

let bytes: Uint8Array = new Uint8Array(0);
let folder = '';
beforeAll(async () => {
  bytes = await workbook();
  folder = await mkdtemp(path.join(tmpdir(), 'amiable-xlsx-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('XLSX', () => {
  it('is recognised by its content', () => {
    expect(detectFormat(bytes, 'export.csv')).toBe('xlsx');
  });

  it('is previewed on its first sheet, below the title rows', async () => {
    const preview = await previewTable(bytes);
    if (!preview.ok) throw new Error(JSON.stringify(preview.error));
    expect(preview.value.layout).toEqual({
      format: 'xlsx',
      encoding: null,
      delimiter: null,
      sheet: 'Factures',
      headerLine: 3,
      headers: ['N° facture', 'Date facture', "Date d'échéance", 'Client', 'SIREN', 'Code postal', 'Montant HT', 'Montant TTC'],
      decimalSeparator: ',',
    });
    expect(preview.value.rowCount).toBe(5);
    expect(preview.value.sampleRows[0]).toEqual([
      '1001',
      '2025-01-15',
      '2025-02-14',
      'Durand SARL',
      '732829320',
      '6000',
      '1000',
      '1234.56',
    ]);
  });

  it('reads date cells as calendar days and numbers as exact cents', async () => {
    const records = recordsOf(await collect(readTable({ bytes })));
    expect(records[0]).toMatchObject({
      line: 4,
      number: '1001',
      issueDate: '2025-01-15',
      dueDate: '2025-02-14',
      amountExclTaxCents: 100_000,
      amountInclTaxCents: 123_456,
      debtor: { name: 'Durand SARL', siren: '732829320', address: { postalCode: '06000' } },
    });
    // A formula's float artefact (104.89999999999999) is the 104.90 the sheet shows.
    expect(records[1]).toMatchObject({
      line: 5,
      issueDate: '2025-01-31',
      dueDate: '2025-02-28',
      amountInclTaxCents: 10_490,
      debtor: { name: 'Crèmerie Française', siren: '552100554' },
    });
    expect(records[2]).toMatchObject({ line: 6, amountInclTaxCents: 123_456, amountExclTaxCents: null });
  });

  it('reports bad cells with the sheet row and the header', async () => {
    const items = await collect(readTable({ bytes }));
    expect(items).toHaveLength(5);
    expect(issuesOf(items)).toEqual([
      { line: 7, column: 'Date facture', code: 'invalid_date', params: { value: 'demain' } },
      { line: 8, column: "Date d'échéance", code: 'due_before_issue', params: { due: '2025-01-03', issue: '2025-02-01' } },
    ]);
  });

  it('rounds a number with sub-cent decimals half up, as the sheet displays it', async () => {
    const items = await collect(
      readTable({ bytes }, { mapping: { invoiceNumber: 0, issueDate: 2, debtorName: 3, amountExclTax: 6, amountInclTax: 7 } }),
    );
    const record = recordsOf(items).find((found) => found.number === 'F-1004');
    expect(record).toMatchObject({ amountExclTaxCents: 101, amountInclTaxCents: 120 });
  });

  it('reads the sheet asked for', async () => {
    const records = recordsOf(await collect(readTable({ bytes }, { sheet: 'Avoirs' })));
    expect(records).toEqual([expect.objectContaining({ line: 2, number: 'AV-1', issueDate: '2024-12-31', amountInclTaxCents: 6_000 })]);
    expect(await previewTable(bytes, { sheet: 'Relances' })).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION_FAILED',
        issues: [{ field: 'sheet', code: 'invalid_choice', params: { value: 'Relances', allowed: 'Factures, Avoirs' } }],
      },
    });
  });

  it('reads the same from a path', async () => {
    const file = path.join(folder, 'export.xlsx');
    await writeFile(file, bytes);
    expect(await collect(readTable({ path: file }))).toEqual(await collect(readTable({ bytes })));
  });
});

describe('XLSX zip bombs', () => {
  it('refuses a workbook declaring more than 256 MiB uncompressed, before inflating anything', async () => {
    // The same workbook, its central directory claiming one entry inflates to ~4 GiB.
    const bomb = new Uint8Array(bytes);
    const view = new DataView(bomb.buffer);
    let end = bomb.length - 22;
    while (view.getUint32(end, true) !== 0x06054b50) end--;
    const firstEntry = view.getUint32(end + 16, true);
    view.setUint32(firstEntry + 24, 0xfffffff0, true);
    const preview = await previewTable(bomb);
    expect(preview).toMatchObject({ ok: false, error: { code: 'FILE_TOO_LARGE', params: { maxMegabytes: 256 } } });
    // The untouched workbook still opens.
    expect((await previewTable(bytes)).ok).toBe(true);
  });
});

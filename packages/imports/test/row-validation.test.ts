/** What is wrong with a row is reported cell by cell (code, line, column as written); a row with any issue yields no record. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ReadItem, readTable, type RowIssue } from '../src/index.js';
import { collect, issuesOf, recordsOf, utf8 } from './helpers.js';

const GOOD: Readonly<Record<string, string>> = {
  'N° facture': 'F-1',
  Type: 'Facture',
  'Date facture': '15/01/2025',
  "Date d'échéance": '14/02/2025',
  'Montant HT': '100,00',
  'Montant TTC': '120,00',
  'Reste dû': '120,00',
  Devise: 'EUR',
  'Raison sociale': 'Durand SARL',
  'Type client': 'Professionnel',
  SIREN: '732829320',
  SIRET: '73282932000017',
  'N° TVA': 'FR44732829320',
  Email: 'compta@durand.fr',
  Téléphone: '01 23 45 67 89',
  Pays: 'France',
  'Code postal': '75001',
  Libellé: 'Travaux',
};
const HEADERS = Object.keys(GOOD);

/** Reads rows given as overrides of GOOD (header on line 1, rows from line 2). */
async function read(rows: readonly Readonly<Record<string, string>>[], headers: readonly string[] = HEADERS): Promise<ReadItem[]> {
  const lines = [headers.join(';'), ...rows.map((row) => headers.map((header) => row[header] ?? GOOD[header] ?? '').join(';'))];
  return collect(readTable({ bytes: utf8(`${lines.join('\n')}\n`) }));
}

async function issuesFor(override: Readonly<Record<string, string>>): Promise<RowIssue[]> {
  const items = await read([override]);
  expect(items).toHaveLength(1);
  const [item] = items;
  if (item && 'record' in item) return [];
  expect(item?.line).toBe(2);
  return [...(item?.issues ?? [])];
}

describe('a valid row', () => {
  it('becomes a complete record', async () => {
    const [record] = recordsOf(await read([{}]));
    expect(record).toEqual({
      line: 2,
      kind: 'invoice',
      number: 'F-1',
      issueDate: '2025-01-15',
      dueDate: '2025-02-14',
      currency: 'EUR',
      amountExclTaxCents: 10_000,
      amountInclTaxCents: 12_000,
      amountDueCents: 12_000,
      outstandingCents: 12_000,
      orderReference: null,
      contractReference: null,
      description: 'Travaux',
      paymentReference: null,
      paymentTerms: null,
      precedingInvoiceNumber: null,
      debtor: {
        kind: 'business',
        name: 'Durand SARL',
        siren: '732829320',
        siret: '73282932000017',
        vatNumber: 'FR44732829320',
        accountCode: null,
        email: 'compta@durand.fr',
        phone: '01 23 45 67 89',
        contactName: null,
        address: { line1: null, line2: null, postalCode: '75001', city: null, country: 'FR' },
      },
      seller: null,
    });
  });
});

describe('each kind of bad cell', () => {
  it.each<[string, Readonly<Record<string, string>>, RowIssue]>([
    ['missing invoice number', { 'N° facture': '' }, { line: 2, column: 'N° facture', code: 'required' }],
    [
      'overlong invoice number',
      { 'N° facture': 'F'.repeat(101) },
      { line: 2, column: 'N° facture', code: 'too_long', params: { max: 100 } },
    ],
    [
      'unknown document type',
      { Type: 'Bon de livraison' },
      { line: 2, column: 'Type', code: 'invalid_choice', params: { value: 'Bon de livraison', allowed: 'Facture, Avoir' } },
    ],
    ['missing issue date', { 'Date facture': '' }, { line: 2, column: 'Date facture', code: 'required' }],
    [
      'impossible issue date',
      { 'Date facture': '31/02/2025' },
      { line: 2, column: 'Date facture', code: 'invalid_date', params: { value: '31/02/2025' } },
    ],
    [
      'unreadable due date',
      { "Date d'échéance": '2025-13-01' },
      { line: 2, column: "Date d'échéance", code: 'invalid_date', params: { value: '2025-13-01' } },
    ],
    [
      'due date before issue date',
      { "Date d'échéance": '14/01/2025' },
      { line: 2, column: "Date d'échéance", code: 'due_before_issue', params: { due: '14/01/2025', issue: '15/01/2025' } },
    ],
    ['missing total', { 'Montant TTC': '' }, { line: 2, column: 'Montant TTC', code: 'required' }],
    [
      'three decimals',
      { 'Montant TTC': '120,005' },
      { line: 2, column: 'Montant TTC', code: 'invalid_amount', params: { value: '120,005' } },
    ],
    [
      'amount with letters',
      { 'Montant HT': '1OO,00' },
      { line: 2, column: 'Montant HT', code: 'invalid_amount', params: { value: '1OO,00' } },
    ],
    [
      'absurd amount',
      { 'Montant TTC': '99999999999999,00' },
      { line: 2, column: 'Montant TTC', code: 'amount_too_large', params: { value: '99999999999999,00' } },
    ],
    [
      'negative total on a row typed as an invoice',
      { 'Montant TTC': '-120,00' },
      { line: 2, column: 'Montant TTC', code: 'negative_amount', params: { value: '-120,00' } },
    ],
    ['negative outstanding', { 'Reste dû': '-5,00' }, { line: 2, column: 'Reste dû', code: 'negative_amount', params: { value: '-5,00' } }],
    [
      'amount excl. tax above the total',
      { 'Montant HT': '130,00' },
      { line: 2, column: 'Montant HT', code: 'amount_excl_above_incl', params: { excl: '130,00', incl: '120,00' } },
    ],
    [
      'outstanding above the total',
      { 'Reste dû': '150,00' },
      { line: 2, column: 'Reste dû', code: 'outstanding_above_total', params: { outstanding: '150,00', total: '120,00' } },
    ],
    ['unknown currency', { Devise: 'EURO' }, { line: 2, column: 'Devise', code: 'invalid_currency', params: { value: 'EURO' } }],
    [
      'SIREN with a wrong check digit',
      { SIREN: '732 829 321', SIRET: '' },
      { line: 2, column: 'SIREN', code: 'invalid_siren', params: { value: '732 829 321' } },
    ],
    [
      'SIRET with a wrong check digit',
      { SIRET: '73282932000018' },
      { line: 2, column: 'SIRET', code: 'invalid_siret', params: { value: '73282932000018' } },
    ],
    [
      'SIRET of another company',
      { SIRET: '552 100 554 00013' },
      { line: 2, column: 'SIRET', code: 'siret_siren_mismatch', params: { value: '552 100 554 00013', siren: '732829320' } },
    ],
    [
      'French VAT number with a wrong key',
      { 'N° TVA': 'FR00732829320' },
      { line: 2, column: 'N° TVA', code: 'invalid_vat', params: { value: 'FR00732829320' } },
    ],
    [
      'VAT number of no known country',
      { 'N° TVA': 'ZZ123456789' },
      { line: 2, column: 'N° TVA', code: 'invalid_vat', params: { value: 'ZZ123456789' } },
    ],
    [
      'e-mail address without domain',
      { Email: 'compta@durand' },
      { line: 2, column: 'Email', code: 'invalid_email', params: { value: 'compta@durand' } },
    ],
    ['phone number too short', { Téléphone: '12 34' }, { line: 2, column: 'Téléphone', code: 'invalid_phone', params: { value: '12 34' } }],
    [
      'unknown kind of debtor',
      { 'Type client': 'Association' },
      { line: 2, column: 'Type client', code: 'invalid_choice', params: { value: 'Association', allowed: 'Professionnel, Particulier' } },
    ],
    ['unknown country', { Pays: 'Atlantide' }, { line: 2, column: 'Pays', code: 'invalid_value', params: { value: 'Atlantide' } }],
    [
      'no debtor at all',
      { 'Raison sociale': '', SIREN: '', SIRET: '', 'N° TVA': '' },
      { line: 2, column: 'Raison sociale', code: 'required' },
    ],
  ])('%s', async (_case, override, expected) => {
    expect(await issuesFor(override)).toEqual([expected]);
  });

  it('reports every problem of a row, and no record for it', async () => {
    const items = await read([{ 'Date facture': 'hier', 'Montant TTC': 'beaucoup', Email: 'non' }]);
    expect(recordsOf(items)).toEqual([]);
    expect(issuesOf(items).map((found) => found.column)).toEqual(['Date facture', 'Montant TTC', 'Email']);
  });

  it('names a column without header by its position', async () => {
    const mapping = { invoiceNumber: 0, issueDate: 1, debtorName: 2, amountInclTax: 3, description: 4 };
    const bytes = utf8(`N° facture;Date;Client;Montant;\nF-1;01/01/2025;Durand;10,00;${'x'.repeat(2001)}\n`);
    const [item] = await collect(readTable({ bytes }, { mapping }));
    expect(item).toEqual({ line: 2, issues: [{ line: 2, column: 'column 5', code: 'too_long', params: { max: 2000 } }] });
  });
});

describe('kinds, signs and normalisation', () => {
  it('reads a negative total without a type as a credit note with positive amounts', async () => {
    const [record] = recordsOf(await read([{ Type: '', 'Montant HT': '-100,00', 'Montant TTC': '-120,00', 'Reste dû': '-120,00' }]));
    expect(record).toMatchObject({ kind: 'credit-note', amountExclTaxCents: 10_000, amountInclTaxCents: 12_000, outstandingCents: 12_000 });
  });

  it.each([['Avoir'], ['AV'], ['Credit note'], ['Note de crédit']])(
    'reads %j as a credit note, written positive or negative',
    async (type) => {
      const records = recordsOf(
        await read([
          { Type: type },
          { Type: type, 'N° facture': 'F-2', 'Montant HT': '-100,00', 'Montant TTC': '-120,00', 'Reste dû': '-120,00' },
        ]),
      );
      expect(records.map((record) => [record.kind, record.amountInclTaxCents])).toEqual([
        ['credit-note', 12_000],
        ['credit-note', 12_000],
      ]);
    },
  );

  it.each([['Facture'], ['Invoice'], ['FA']])('reads %j as an invoice', async (type) => {
    expect(recordsOf(await read([{ Type: type }]))[0]?.kind).toBe('invoice');
  });

  it.each([
    ['Particulier', 'consumer'],
    ['B2C', 'consumer'],
    ['Consommateur', 'consumer'],
    ['Entreprise', 'business'],
    ['B2B', 'business'],
    ['', 'business'],
  ])('reads the kind of debtor %j as %s', async (text, kind) => {
    expect(recordsOf(await read([{ 'Type client': text }]))[0]?.debtor.kind).toBe(kind);
  });

  it('normalises identifiers written with spaces and dots', async () => {
    const [record] = recordsOf(await read([{ SIREN: '732.829.320', SIRET: '732 829 320 00017', 'N° TVA': 'fr 44 732 829 320' }]));
    expect(record?.debtor).toMatchObject({ siren: '732829320', siret: '73282932000017', vatNumber: 'FR44732829320' });
  });

  it('takes the SIREN from the SIRET, and the SIREN as the name when there is none', async () => {
    const [fromSiret] = recordsOf(await read([{ SIREN: '' }]));
    expect(fromSiret?.debtor.siren).toBe('732829320');
    const [nameless] = recordsOf(await read([{ 'Raison sociale': '' }]));
    expect(nameless?.debtor.name).toBe('732829320');
  });

  it('accepts foreign European VAT numbers by their shape', async () => {
    expect(recordsOf(await read([{ 'N° TVA': 'BE 0000.000.295' }]))[0]?.debtor.vatNumber).toBe('BE0000000295');
  });

  it('keeps currencies as ISO codes, and restores the leading zero of French postal codes', async () => {
    const [record] = recordsOf(await read([{ Devise: 'usd', 'Code postal': '6000' }]));
    expect(record).toMatchObject({ currency: 'USD', debtor: { address: { postalCode: '06000', country: 'FR' } } });
  });
});

describe('duplicates within a file', () => {
  it('reports a number seen before on the later rows, with the first line', async () => {
    const items = await read([{}, { 'N° facture': 'F-2' }, {}, { Type: 'Avoir' }, {}]);
    expect(items.map((item) => ('record' in item ? item.record.number : item.issues))).toEqual([
      'F-1',
      'F-2',
      [{ line: 4, column: 'N° facture', code: 'duplicate_in_file', params: { value: 'F-1', firstLine: 2 } }],
      'F-1',
      [{ line: 6, column: 'N° facture', code: 'duplicate_in_file', params: { value: 'F-1', firstLine: 2 } }],
    ]);
  });

  it('finds duplicates among many numbers, long ones included', async () => {
    const rows: Record<string, string>[] = [];
    for (let i = 0; i < 3000; i++) rows.push({ 'N° facture': `FACTURE-CLIENT-${String(i * 7919).padStart(12, '0')}` });
    rows.push({ 'N° facture': `FACTURE-CLIENT-${String(1234 * 7919).padStart(12, '0')}` });
    const issues = issuesOf(await read(rows));
    expect(issues).toEqual([
      {
        line: 3002,
        column: 'N° facture',
        code: 'duplicate_in_file',
        params: { value: `FACTURE-CLIENT-${String(1234 * 7919).padStart(12, '0')}`, firstLine: 1236 },
      },
    ]);
  });
});

describe('ledger-style debit and credit columns', () => {
  it('reads debits as invoices and credits as credit notes', async () => {
    const text = [
      'N° pièce;Date pièce;Compte auxiliaire;Nom;Débit;Crédit',
      'FA-1;01/01/2025;411DUR;Durand;120,00;',
      'AV-1;02/01/2025;411DUR;Durand;;50,00',
      'X-1;03/01/2025;411DUR;Durand;;',
      '',
    ].join('\n');
    const items = await collect(readTable({ bytes: utf8(text) }));
    expect(recordsOf(items).map((record) => [record.number, record.kind, record.amountInclTaxCents, record.debtor.accountCode])).toEqual([
      ['FA-1', 'invoice', 12_000, '411DUR'],
      ['AV-1', 'credit-note', 5_000, '411DUR'],
    ]);
    expect(issuesOf(items)).toEqual([{ line: 4, column: 'Débit', code: 'required' }]);
  });
});

describe('no row is ever dropped', () => {
  it('yields one item per non-blank row, a record or at least one issue, whatever the cells', async () => {
    const cell = fc.oneof(fc.constantFrom('', 'F-1', '01/02/2025', '12,50', '-3', 'Avoir', 'x'), fc.stringMatching(/^[^;"\r\n]{0,12}$/));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 30 }), async (rows) => {
        const text = `Facture;Date;Client;Montant\n${rows.map((row) => row.join(';')).join('\n')}\n`;
        const items = await collect(readTable({ bytes: utf8(text) }));
        const nonBlank = rows.filter((row) => row.some((value) => value.trim() !== ''));
        expect(items).toHaveLength(nonBlank.length);
        for (const item of items) expect('record' in item || item.issues.length > 0).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

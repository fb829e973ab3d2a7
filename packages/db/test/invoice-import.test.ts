import path from 'node:path';
import { inTenant, ledgerStore, sql } from '@amiable/db';
import { createDebtor } from '@amiable/ledger';
import { SAMPLES_DIR, type TenantFixture, type TestDatabase, createTestDatabase, importInto, tenantWithCreditor } from '@amiable/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

interface StoredInvoice {
  kind: string;
  number: string;
  issue_date: string;
  due_date: string | null;
  currency: string;
  amount_excl_tax_cents: number | null;
  amount_incl_tax_cents: number;
  amount_due_cents: number;
  outstanding_cents: number;
  debtor_name: string;
  debtor_siren: string | null;
  has_document: boolean;
  document_type: string | null;
}

async function invoicesOf(fixture: TenantFixture, creditorId = fixture.creditor.id): Promise<StoredInvoice[]> {
  return inTenant(db.app, { tenantId: fixture.tenantId }, (tx) =>
    tx.query<StoredInvoice>(sql`SELECT i.kind, i.number, i.issue_date, i.due_date, i.currency, i.amount_excl_tax_cents, i.amount_incl_tax_cents,
        i.amount_due_cents, i.outstanding_cents, d.name AS debtor_name, d.siren AS debtor_siren,
        i.document_file_id IS NOT NULL AS has_document, f.content_type AS document_type
      FROM amiable.invoice i JOIN amiable.debtor d ON d.id = i.debtor_id
      LEFT JOIN amiable.stored_file f ON f.id = i.document_file_id
      WHERE i.creditor_id = ${creditorId} ORDER BY i.number`),
  );
}

// The facts each sample's PROVENANCE.md entry states (amounts in cents; credit notes carry positive amounts).
const E_INVOICES = [
  {
    file: 'pdf/Facture_F20220023-LE_FOURNISSEUR-POUR-LE_CLIENT_EN_16931.pdf',
    kind: 'invoice',
    number: 'F20220023',
    issue: '2022-01-31',
    due: '2022-03-02',
    currency: 'EUR',
    incl: 10490,
    amountDue: 10490,
    excl: 10000,
    debtor: 'LE CLIENT',
    siren: '987654321',
  },
  {
    file: 'pdf/Facture_F20220024-LE_FOURNISSEUR-POUR-LE_CLIENT_BASIC.pdf',
    kind: 'invoice',
    number: 'F20220024',
    issue: '2022-01-31',
    due: '2022-03-02',
    currency: 'EUR',
    incl: 10800,
    amountDue: 10800,
  },
  {
    file: 'pdf/Facture_F20220025-LE_FOURNISSEUR-POUR-LE_CLIENT_MINIMUM.pdf',
    kind: 'invoice',
    number: 'F20220025',
    issue: '2022-01-31',
    due: null,
    currency: 'EUR',
    incl: 12000,
    amountDue: 10000,
    siren: '987654321',
  },
  {
    file: 'pdf/Facture_F20220028-LE_FOURNISSEUR-POUR-LE_CLIENT_EN_16931.pdf',
    kind: 'credit-note',
    number: 'F20220028',
    issue: '2022-01-31',
    due: '2022-03-02',
    currency: 'EUR',
    incl: 11000,
    amountDue: 10000,
  },
  {
    file: 'pdf/Facture_F20220029-LE_FOURNISSEUR-POUR-LE_CLIENT_EXTENDED.pdf',
    kind: 'credit-note',
    number: 'F20220029',
    issue: '2022-01-31',
    currency: 'EUR',
    incl: 10000,
    amountDue: 9000,
  },
  {
    file: 'pdf/Facture_UC1_2023020_AFF-LE_FOURNISSEUR-POUR-L_ACHETEUR_BASIC_WL.pdf',
    kind: 'invoice',
    number: 'UC1_2023020_AFF',
    issue: '2023-01-01',
    due: '2023-01-30',
    currency: 'EUR',
    incl: 21600,
    amountDue: 21600,
  },
  {
    file: 'pdf/Avoir_FR_type381_BASIC.pdf',
    kind: 'credit-note',
    number: 'AV-2017-0005',
    issue: '2017-11-16',
    currency: 'EUR',
    incl: 23347,
    amountDue: 23347,
    debtor: 'Ma jolie boutique',
  },
  {
    file: 'pdf/EXTENDED_Fremdwaehrung_wdis_fx-pdfa4.pdf',
    kind: 'invoice',
    number: '47110815',
    issue: '2025-12-01',
    due: '2025-12-31',
    currency: 'GBP',
    incl: 102191,
    amountDue: 52191,
  },
  {
    file: 'pdf/EN16931_Einfach.pdf',
    kind: 'invoice',
    number: '471102',
    issue: '2024-11-15',
    due: null,
    currency: 'EUR',
    incl: 52987,
    amountDue: 52987,
  },
  {
    file: 'cii/CII_example1.xml',
    kind: 'invoice',
    number: '12115118',
    issue: '2015-01-09',
    due: '2015-01-09',
    currency: 'EUR',
    incl: 25033,
    amountDue: 25033,
  },
  {
    file: 'cii/CII_example2.xml',
    kind: 'invoice',
    number: 'TOSL108',
    issue: '2013-06-30',
    due: '2013-07-20',
    currency: 'NOK',
    incl: 180178,
    amountDue: 80178,
  },
  {
    file: 'cii/CII_example5.xml',
    kind: 'invoice',
    number: 'TOSL110',
    issue: '2013-04-10',
    due: '2013-05-10',
    currency: 'DKK',
    incl: 467500,
    amountDue: 233750,
  },
  {
    file: 'ubl/ubl-tc434-example2.xml',
    kind: 'invoice',
    number: 'TOSL108',
    issue: '2013-06-30',
    due: '2013-07-20',
    currency: 'NOK',
    incl: 180178,
    amountDue: 80178,
  },
  {
    file: 'ubl/ubl-tc434-creditnote1.xml',
    kind: 'credit-note',
    number: '018304 / 28865',
    issue: '2019-09-23',
    due: null,
    currency: 'EUR',
    incl: 10011,
    amountDue: 10011,
  },
  {
    file: 'ubl/BIS3_Invoice_positive.xml',
    kind: 'invoice',
    number: '12345',
    issue: '2019-01-25',
    due: '2019-02-24',
    currency: 'DKK',
    amountDue: 78217943,
  },
  {
    file: 'ubl/akretion_ubl-21-extended-ctc-fr.xml',
    kind: 'invoice',
    number: 'F124212',
    issue: '2026-06-17',
    due: '2026-07-16',
    currency: 'EUR',
    incl: 30803,
    amountDue: 20803,
    debtor: 'Ma jolie boutique SARL',
  },
] as const;

describe('every public e-invoice sample', () => {
  it.each(E_INVOICES)(
    '$file imports with the facts its provenance states, its original attached, and re-imports as unchanged',
    async (sample) => {
      // A tenant per sample: several samples share parties (same SIREN) or numbers (TOSL108 in CII and UBL).
      const fixture = await tenantWithCreditor(db);
      const creditor = { ok: true as const, value: fixture.creditor };
      const filePath = path.join(SAMPLES_DIR, 'facturx', sample.file);
      const format = sample.file.startsWith('pdf/') ? 'facturx' : sample.file.startsWith('cii/') ? 'cii' : 'ubl';
      const input = {
        filename: path.basename(filePath),
        source: { path: filePath },
        format,
        mode: 'all-or-nothing',
        dryRun: false,
        creditorId: creditor.value.id,
      } as const;
      const first = await importInto(db, fixture, input);
      expect(first.ok && first.value).toMatchObject({ created: 1, updated: 0, unchanged: 0, rejected: [], written: true });
      const [stored, ...others] = await invoicesOf(fixture, creditor.value.id);
      expect(others).toEqual([]);
      expect(stored).toMatchObject({
        kind: sample.kind,
        number: sample.number,
        issue_date: sample.issue,
        currency: sample.currency,
        amount_due_cents: sample.amountDue,
      });
      if ('due' in sample) expect(stored?.due_date).toBe(sample.due);
      if ('incl' in sample) expect(stored?.amount_incl_tax_cents).toBe(sample.incl);
      if ('excl' in sample) expect(stored?.amount_excl_tax_cents).toBe(sample.excl);
      if ('debtor' in sample) expect(stored?.debtor_name).toBe(sample.debtor);
      if ('siren' in sample) expect(stored?.debtor_siren).toBe(sample.siren);
      expect(stored?.has_document).toBe(true);
      expect(stored?.document_type).toBe(format === 'facturx' ? 'application/pdf' : 'application/xml');

      const again = await importInto(db, fixture, input);
      expect(again.ok && again.value).toMatchObject({ created: 0, updated: 0, unchanged: 1, rejected: [] });
      expect(await invoicesOf(fixture, creditor.value.id)).toEqual([stored]);
    },
  );

  it('refuses an e-invoice issued by another company than the chosen creditor', async () => {
    const other = await tenantWithCreditor(db, { legalName: 'Autre Société', siren: '732829320' });
    const filePath = path.join(SAMPLES_DIR, 'facturx/pdf/Facture_F20220024-LE_FOURNISSEUR-POUR-LE_CLIENT_BASIC.pdf');
    const result = await importInto(db, other, {
      filename: 'f.pdf',
      source: { path: filePath },
      format: 'facturx',
      mode: 'all-or-nothing',
      dryRun: false,
      creditorId: other.creditor.id,
    });
    expect(result.ok && result.value).toMatchObject({ written: false, created: 0 });
    expect(result.ok && result.value.rejected).toEqual([
      { line: 1, column: 'SellerTradeParty', code: 'creditor_mismatch', params: { value: '123456782', expected: '732829320' } },
    ]);
    expect(await invoicesOf(other)).toEqual([]);
  });
});

const HEADER = "N° facture;Date facture;Date d'échéance;Montant HT;Montant TTC;Raison sociale;SIREN;Code client";

function windows1252(text: string): Buffer {
  return Buffer.from(text.replace(/\n/g, '\r\n'), 'latin1');
}

describe('French accounting CSV', () => {
  it('imports a Windows-1252 file with ";", decimal commas, thousands separators and dd/mm/yyyy dates', async () => {
    const fixture = await tenantWithCreditor(db);
    const csv = windows1252(
      `${HEADER}\nFA-001;15/01/2026;14/02/2026;1 000,00;1 200,00;Boulangerie Lefèvre;732829320;C001\nFA-002;20/01/2026;19/02/2026;10 500,50;12 600,60;Crème & Pâtisserie Ségolène;;C002\nFA-003;21/01/2026;20/03/2026;99,90;119,88;Boulangerie Lefèvre;732829320;C001\n`,
    );
    const result = await importInto(db, fixture, {
      filename: 'export.csv',
      source: { bytes: csv },
      format: 'csv',
      mode: 'all-or-nothing',
      dryRun: false,
      creditorId: null,
    });
    expect(result.ok && result.value).toMatchObject({ created: 3, rejected: [], written: true });
    expect(result.ok && result.value.outstandingByCurrency.get('EUR')).toBe(120000 + 1260060 + 11988);
    expect(await invoicesOf(fixture)).toEqual([
      expect.objectContaining({
        number: 'FA-001',
        issue_date: '2026-01-15',
        due_date: '2026-02-14',
        amount_excl_tax_cents: 100000,
        amount_incl_tax_cents: 120000,
        debtor_name: 'Boulangerie Lefèvre',
        debtor_siren: '732829320',
      }),
      expect.objectContaining({
        number: 'FA-002',
        amount_incl_tax_cents: 1260060,
        debtor_name: 'Crème & Pâtisserie Ségolène',
        debtor_siren: null,
      }),
      expect.objectContaining({ number: 'FA-003', amount_incl_tax_cents: 11988, debtor_name: 'Boulangerie Lefèvre' }),
    ]);
    const debtors = await inTenant(db.app, { tenantId: fixture.tenantId }, (tx) =>
      tx.query<{ name: string }>(sql`SELECT name FROM amiable.debtor ORDER BY name`),
    );
    expect(debtors.map((d) => d.name)).toEqual(['Boulangerie Lefèvre', 'Crème & Pâtisserie Ségolène']);
  });

  it('matches existing debtors by SIREN first, then by account code, then by exact name (case and accents aside)', async () => {
    const fixture = await tenantWithCreditor(db);
    const existing = await inTenant(db.app, { tenantId: fixture.tenantId }, async (tx) => {
      const store = ledgerStore(tx);
      const bySiren = await createDebtor({ kind: 'business', name: 'Nom Officiel SAS', siren: '732829320' }, fixture.ctx, store);
      const byName = await createDebtor({ kind: 'business', name: 'Garage des Alpes' }, fixture.ctx, store);
      if (!bySiren.ok || !byName.ok) throw new Error('fixture');
      return { bySiren: bySiren.value.id, byName: byName.value.id };
    });
    const csv = Buffer.from(
      `${HEADER}\nM-1;01/02/2026;03/03/2026;10,00;12,00;Nom commercial différent;732 829 320;\nM-2;01/02/2026;03/03/2026;10,00;12,00;GARAGE DES ALPES  ;;\nM-3;01/02/2026;03/03/2026;10,00;12,00;Garage des Alpes Sud;;\n`,
    );
    const result = await importInto(db, fixture, {
      filename: 'm.csv',
      source: { bytes: csv },
      format: 'csv',
      mode: 'all-or-nothing',
      dryRun: false,
      creditorId: fixture.creditor.id,
    });
    expect(result.ok && result.value.created).toBe(3);
    const rows = await inTenant(db.app, { tenantId: fixture.tenantId }, (tx) =>
      tx.query<{ number: string; debtor_id: string }>(sql`SELECT number, debtor_id FROM amiable.invoice ORDER BY number`),
    );
    expect(rows[0]?.debtor_id).toBe(existing.bySiren);
    expect(rows[1]?.debtor_id).toBe(existing.byName);
    expect([existing.bySiren, existing.byName]).not.toContain(rows[2]?.debtor_id);
  });

  it('is idempotent, and a changed row updates its invoice and logs what changed', async () => {
    const fixture = await tenantWithCreditor(db);
    const v1 = Buffer.from(
      `${HEADER}\nI-1;01/03/2026;31/03/2026;100,00;120,00;Transports Moreau;732829320;\nI-2;02/03/2026;01/04/2026;50,00;60,00;Transports Moreau;732829320;\n`,
    );
    const run = (bytes: Buffer) => {
      fixture.clock.advance(60_000);
      return importInto(db, fixture, {
        filename: 'i.csv',
        source: { bytes },
        format: 'csv',
        mode: 'all-or-nothing',
        dryRun: false,
        creditorId: fixture.creditor.id,
      });
    };
    expect((await run(v1)).ok).toBe(true);
    const before = await invoicesOf(fixture);
    const twice = await run(v1);
    expect(twice.ok && twice.value).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(await invoicesOf(fixture)).toEqual(before);

    const v2 = Buffer.from(
      `${HEADER}\nI-1;01/03/2026;15/04/2026;100,00;120,00;Transports Moreau;732829320;\nI-2;02/03/2026;01/04/2026;50,00;60,00;Transports Moreau;732829320;\nI-3;03/03/2026;02/04/2026;10,00;12,00;Transports Moreau;732829320;\n`,
    );
    const changed = await run(v2);
    expect(changed.ok && changed.value).toMatchObject({ created: 1, updated: 1, unchanged: 1 });
    const log = await inTenant(db.app, { tenantId: fixture.tenantId }, (tx) =>
      tx.query<{ action: string; details: { number?: string; changes?: unknown; count?: number } }>(
        sql`SELECT action, details FROM amiable.activity WHERE action IN ('invoice.updated', 'import.invoices-created') ORDER BY occurred_at, action`,
      ),
    );
    expect(log).toContainEqual({
      action: 'invoice.updated',
      details: expect.objectContaining({ number: 'I-1', changes: { dueDate: ['2026-03-31', '2026-04-15'] } }),
    });
    expect(log.filter((l) => l.action === 'import.invoices-created').map((l) => l.details.count)).toEqual([2, 1]);
  });

  it('writes nothing when a row is bad (all-or-nothing), reporting every bad row with its line and column', async () => {
    const fixture = await tenantWithCreditor(db);
    const csv = Buffer.from(
      `${HEADER}\nB-1;01/03/2026;31/03/2026;100,00;120,00;Bon Client;732829320;\nB-2;31/02/2026;31/03/2026;100,00;120,00;Client Date;;\nB-3;01/03/2026;31/03/2026;100,00;abc;Client Montant;;\nB-4;01/03/2026;31/03/2026;100,00;120,00;Client Siren;123456789;\n`,
    );
    const result = await importInto(db, fixture, {
      filename: 'b.csv',
      source: { bytes: csv },
      format: 'csv',
      mode: 'all-or-nothing',
      dryRun: false,
      creditorId: fixture.creditor.id,
    });
    expect(result.ok && result.value.written).toBe(false);
    expect(result.ok && result.value.rejected.map((r) => [r.line, r.column, r.code])).toEqual([
      [3, 'Date facture', 'invalid_date'],
      [4, 'Montant TTC', 'invalid_amount'],
      [5, 'SIREN', 'invalid_siren'],
    ]);
    expect(await invoicesOf(fixture)).toEqual([]);
    const debtors = await inTenant(db.app, { tenantId: fixture.tenantId }, (tx) => tx.query(sql`SELECT id FROM amiable.debtor`));
    expect(debtors).toEqual([]);

    const partial = await importInto(db, fixture, {
      filename: 'b.csv',
      source: { bytes: csv },
      format: 'csv',
      mode: 'valid-rows-only',
      dryRun: false,
      creditorId: fixture.creditor.id,
    });
    expect(partial.ok && partial.value).toMatchObject({ created: 1, written: true });
    expect((await invoicesOf(fixture)).map((i) => i.number)).toEqual(['B-1']);
  });

  it('refuses, against the ledger, a new amount below what payments already settle', async () => {
    const fixture = await tenantWithCreditor(db);
    const run = (text: string) =>
      importInto(db, fixture, {
        filename: 'p.csv',
        source: { bytes: Buffer.from(text) },
        format: 'csv',
        mode: 'all-or-nothing',
        dryRun: false,
        creditorId: fixture.creditor.id,
      });
    await run(`${HEADER}\nP-1;01/03/2026;31/03/2026;100,00;120,00;Payeur;732829320;\n`);
    await inTenant(db.app, { tenantId: fixture.tenantId }, async (tx) => {
      const { recordPayment } = await import('@amiable/ledger');
      const invoice = await tx.one<{ id: string; debtor_id: string }>(sql`SELECT id, debtor_id FROM amiable.invoice`);
      const paid = await recordPayment(
        {
          creditorId: fixture.creditor.id,
          debtorId: invoice.debtor_id,
          amountCents: 10000,
          receivedOn: '2026-03-20',
          method: 'transfer',
          allocations: [{ invoiceId: invoice.id, amountCents: 10000 }],
        },
        fixture.ctx,
        ledgerStore(tx),
      );
      if (!paid.ok) throw new Error(JSON.stringify(paid.error));
    });
    const lowered = await run(`${HEADER}\nP-1;01/03/2026;31/03/2026;50,00;60,00;Payeur;732829320;\n`);
    expect(lowered.ok && lowered.value.rejected).toEqual([
      { line: 2, column: 'Montant TTC', code: 'below_settled', params: { value: '60.00', settled: '100.00' } },
    ]);
    expect((await invoicesOf(fixture))[0]).toMatchObject({ amount_incl_tax_cents: 12000, outstanding_cents: 2000 });
  });

  it('dry run reports what would happen and writes nothing', async () => {
    const fixture = await tenantWithCreditor(db);
    const csv = Buffer.from(`${HEADER}\nD-1;01/03/2026;31/03/2026;100,00;120,00;Dry;732829320;\n`);
    const result = await importInto(db, fixture, {
      filename: 'd.csv',
      source: { bytes: csv },
      format: 'csv',
      mode: 'all-or-nothing',
      dryRun: true,
      creditorId: fixture.creditor.id,
    });
    expect(result.ok && result.value).toMatchObject({ created: 1, status: 'dry-run', written: false });
    expect(await invoicesOf(fixture)).toEqual([]);
  });

  it('reads an XLSX sheet with real date cells', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Factures');
    sheet.addRow(['N° facture', 'Date facture', "Date d'échéance", 'Montant TTC', 'Raison sociale']);
    sheet.addRow(['X-1', new Date(Date.UTC(2026, 2, 1)), new Date(Date.UTC(2026, 2, 31)), 1234.56, 'Classeur SARL']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const fixture = await tenantWithCreditor(db);
    const result = await importInto(db, fixture, {
      filename: 'f.xlsx',
      source: { bytes },
      format: 'xlsx',
      mode: 'all-or-nothing',
      dryRun: false,
      creditorId: null,
    });
    expect(result.ok && result.value).toMatchObject({ created: 1, rejected: [] });
    expect(await invoicesOf(fixture)).toEqual([
      expect.objectContaining({ number: 'X-1', issue_date: '2026-03-01', due_date: '2026-03-31', amount_incl_tax_cents: 123456 }),
    ]);
  });
});

/**
 * Every shared e-invoice sample reads with the facts PROVENANCE.md states
 * for it (read from the files by other means than this package).
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type EInvoiceReading, facturxProfileName, type InvoiceRecord, readEInvoice } from '../src/index.js';
import { sampleBytes, samplePath } from './helpers.js';

interface Expected {
  readonly format: EInvoiceReading['format'];
  readonly profile: string;
  readonly record: Partial<InvoiceRecord>;
  readonly debtor?: Partial<InvoiceRecord['debtor']>;
  readonly seller?: Partial<NonNullable<InvoiceRecord['seller']>>;
  readonly check?: (record: InvoiceRecord) => void;
}

const SAMPLES: Readonly<Record<string, Expected>> = {
  'facturx/pdf/Facture_F20220025-LE_FOURNISSEUR-POUR-LE_CLIENT_MINIMUM.pdf': {
    format: 'facturx',
    profile: 'urn:factur-x.eu:1p0:minimum',
    record: {
      kind: 'invoice',
      number: 'F20220025',
      issueDate: '2022-01-31',
      dueDate: null,
      currency: 'EUR',
      amountExclTaxCents: 10_000,
      amountInclTaxCents: 12_000,
      amountDueCents: 10_000,
      orderReference: 'PO201925478',
    },
    debtor: { name: 'LE CLIENT', siren: '987654321', kind: 'business' },
    seller: { name: 'LE FOURNISSEUR', siren: '123456782', vatNumber: 'FR11123456782' },
  },
  'facturx/pdf/Facture_UC1_2023020_AFF-LE_FOURNISSEUR-POUR-L_ACHETEUR_BASIC_WL.pdf': {
    format: 'facturx',
    profile: 'urn:factur-x.eu:1p0:basicwl',
    record: {
      kind: 'invoice',
      number: 'UC1_2023020_AFF',
      issueDate: '2023-01-01',
      dueDate: '2023-01-30',
      currency: 'EUR',
      amountInclTaxCents: 21_600,
      amountDueCents: 21_600,
      paymentReference: '200000008_UC1_2023020_AFF',
    },
    debtor: { name: "L'ACHETEUR", siren: '200000008' },
    seller: { siren: '100000009' },
  },
  'facturx/pdf/Facture_F20220024-LE_FOURNISSEUR-POUR-LE_CLIENT_BASIC.pdf': {
    format: 'facturx',
    profile: 'urn:cen.eu:en16931:2017#compliant#urn:factur-x.eu:1p0:basic',
    record: {
      kind: 'invoice',
      number: 'F20220024',
      issueDate: '2022-01-31',
      dueDate: '2022-03-02',
      currency: 'EUR',
      amountExclTaxCents: 10_000,
      amountInclTaxCents: 10_800,
      amountDueCents: 10_800,
    },
    debtor: { siren: '987654321' },
  },
  'facturx/pdf/Facture_F20220023-LE_FOURNISSEUR-POUR-LE_CLIENT_EN_16931.pdf': {
    format: 'facturx',
    profile: 'urn:cen.eu:en16931:2017',
    record: {
      kind: 'invoice',
      number: 'F20220023',
      issueDate: '2022-01-31',
      dueDate: '2022-03-02',
      currency: 'EUR',
      amountExclTaxCents: 10_000,
      amountInclTaxCents: 10_490,
      amountDueCents: 10_490,
      outstandingCents: null,
      orderReference: 'PO201925478',
      paymentReference: 'F20180023BUYER',
      paymentTerms: 'PAIEMENT 30 JOURS NET',
      precedingInvoiceNumber: 'F20220003',
    },
    debtor: { name: 'LE CLIENT', siren: '987654321', vatNumber: 'FR05987654321', email: 'me@buyer.com' },
    seller: { name: 'LE FOURNISSEUR', siren: '123456782', vatNumber: 'FR11123456782' },
  },
  'facturx/pdf/Facture_F20220028-LE_FOURNISSEUR-POUR-LE_CLIENT_EN_16931.pdf': {
    format: 'facturx',
    profile: 'urn:cen.eu:en16931:2017',
    record: {
      kind: 'credit-note',
      number: 'F20220028',
      issueDate: '2022-01-31',
      dueDate: '2022-03-02',
      currency: 'EUR',
      amountInclTaxCents: 11_000,
      amountDueCents: 10_000,
      precedingInvoiceNumber: 'F20220003',
    },
  },
  'facturx/pdf/Facture_F20220029-LE_FOURNISSEUR-POUR-LE_CLIENT_EXTENDED.pdf': {
    format: 'facturx',
    profile: 'urn:cen.eu:en16931:2017#conformant#urn:factur-x.eu:1p0:extended',
    // TypeCode 380 with negative totals: a credit note, with positive amounts.
    record: {
      kind: 'credit-note',
      number: 'F20220029',
      issueDate: '2022-01-31',
      currency: 'EUR',
      amountExclTaxCents: 10_000,
      amountInclTaxCents: 10_000,
      amountDueCents: 9_000,
      precedingInvoiceNumber: 'F20220003',
    },
  },
  'facturx/pdf/Avoir_FR_type381_BASIC.pdf': {
    format: 'facturx',
    profile: 'urn:cen.eu:en16931:2017:compliant:factur-x.eu:1p0:basic',
    record: {
      kind: 'credit-note',
      number: 'AV-2017-0005',
      issueDate: '2017-11-16',
      currency: 'EUR',
      amountInclTaxCents: 23_347,
      amountDueCents: 23_347,
      precedingInvoiceNumber: 'FA-2017-0010',
    },
    // Both parties give a 14-digit SIRET under the SIREN scheme 0002.
    debtor: { name: 'Ma jolie boutique', siret: '78787878400035', siren: '787878784' },
    seller: { name: 'Au bon moulin', siren: '999999998' },
  },
  'facturx/pdf/EXTENDED_Fremdwaehrung_wdis_fx-pdfa4.pdf': {
    format: 'facturx',
    profile: 'urn:cen.eu:en16931:2017#conformant#urn:factur-x.eu:1p0:extended',
    record: {
      kind: 'invoice',
      number: '47110815',
      issueDate: '2025-12-01',
      dueDate: '2025-12-31',
      currency: 'GBP',
      amountInclTaxCents: 102_191,
      amountDueCents: 52_191,
    },
    debtor: { name: 'Metallbau Leipzig GmbH & Co. KG', siren: null },
    seller: { name: 'Rohstoff AG Salzgitter', siren: null },
    check: (record) => expect(record.paymentTerms).toContain('Skonto'),
  },
  'facturx/pdf/EN16931_Einfach.pdf': {
    format: 'facturx',
    profile: 'urn:cen.eu:en16931:2017',
    record: {
      kind: 'invoice',
      number: '471102',
      issueDate: '2024-11-15',
      dueDate: null,
      currency: 'EUR',
      amountInclTaxCents: 52_987,
      amountDueCents: 52_987,
    },
    debtor: { name: 'Kunden AG Mitte' },
    // No DueDate element: the due date lives only in the terms text, which is kept.
    check: (record) => expect(record.paymentTerms).toContain('bis 15.12.2024'),
  },
  'facturx/cii/CII_example1.xml': {
    format: 'cii',
    profile: 'urn:cen.eu:en16931:2017',
    record: {
      kind: 'invoice',
      number: '12115118',
      issueDate: '2015-01-09',
      dueDate: '2015-01-09',
      currency: 'EUR',
      amountInclTaxCents: 25_033,
      amountDueCents: 25_033,
      paymentReference: 'Deb. 10202 / Fact. 12115118',
    },
    debtor: { name: 'ODIN 59' },
    seller: { name: 'De Koksmaat' },
  },
  'facturx/cii/CII_example2.xml': {
    format: 'cii',
    profile: 'urn:cen.eu:en16931:2017',
    record: {
      kind: 'invoice',
      number: 'TOSL108',
      issueDate: '2013-06-30',
      dueDate: '2013-07-20',
      currency: 'NOK',
      amountExclTaxCents: 143_650,
      amountInclTaxCents: 180_178,
      amountDueCents: 80_178,
      paymentReference: '0003434323213231',
    },
    // The Norwegian legal ID 987654321 has no French scheme: it is not a SIREN.
    debtor: { name: 'The Buyercompany', siren: null, siret: null, vatNumber: 'NO987654321MVA' },
    seller: { name: 'Salescompany ltd.', siren: null, vatNumber: 'NO123456789MVA' },
  },
  'facturx/cii/CII_example5.xml': {
    format: 'cii',
    profile: 'urn:cen.eu:en16931:2017',
    record: {
      kind: 'invoice',
      number: 'TOSL110',
      issueDate: '2013-04-10',
      dueDate: '2013-05-10',
      currency: 'DKK',
      amountInclTaxCents: 467_500,
      amountDueCents: 233_750,
      paymentTerms: '50% prepaid, 50% within one month',
      precedingInvoiceNumber: 'TOSL109',
    },
    debtor: { name: 'Buyercompany ltd' },
    seller: { name: 'SellerCompany' },
  },
  'facturx/ubl/ubl-tc434-example2.xml': {
    format: 'ubl',
    profile: 'urn:cen.eu:en16931:2017',
    record: {
      kind: 'invoice',
      number: 'TOSL108',
      issueDate: '2013-06-30',
      dueDate: '2013-07-20',
      currency: 'NOK',
      amountInclTaxCents: 180_178,
      amountDueCents: 80_178,
    },
    debtor: { name: 'The Buyercompany', siren: null },
  },
  'facturx/ubl/ubl-tc434-creditnote1.xml': {
    format: 'ubl',
    profile: 'urn:cen.eu:en16931:2017',
    record: {
      kind: 'credit-note',
      number: '018304 / 28865',
      issueDate: '2019-09-23',
      dueDate: null,
      currency: 'EUR',
      amountExclTaxCents: 10_011,
      amountInclTaxCents: 10_011,
      amountDueCents: 10_011,
      paymentReference: '010676609538',
    },
    debtor: { name: 'My Customer Company', siren: null, vatNumber: 'BE0000000295', email: 'pete.smith@mycustomercompany.be' },
    seller: { name: 'My Supplier Company', vatNumber: 'BE0000000196' },
  },
  'facturx/ubl/BIS3_Invoice_positive.xml': {
    format: 'ubl',
    profile: 'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0',
    record: {
      kind: 'invoice',
      number: '12345',
      issueDate: '2019-01-25',
      dueDate: '2019-02-24',
      currency: 'DKK',
      amountExclTaxCents: 62_574_354,
      amountDueCents: 78_217_943,
    },
    debtor: { name: 'Company B' },
    seller: { name: 'Company A' },
  },
  'facturx/ubl/akretion_ubl-21-extended-ctc-fr.xml': {
    format: 'ubl',
    profile: 'urn:cen.eu:en16931:2017#conformant#urn.cpro.gouv.fr:1p0:extended-ctc-fr',
    record: {
      kind: 'invoice',
      number: 'F124212',
      issueDate: '2026-06-17',
      dueDate: '2026-07-16',
      currency: 'EUR',
      amountInclTaxCents: 30_803,
      amountDueCents: 20_803,
      precedingInvoiceNumber: 'F124211',
      // The file's quirk, kept as written.
      paymentReference: '2026-06-17 00:00:00',
    },
    debtor: { name: 'Ma jolie boutique SARL', siren: '787878784' },
    seller: { name: 'Au bon moulin', siren: '999999998' },
  },
};

describe('shared e-invoice samples', () => {
  it('are found where the tests look for them', () => {
    expect(samplePath('PROVENANCE.md')).toMatch(/\/fixtures\/samples\/PROVENANCE\.md$/);
    for (const file of Object.keys(SAMPLES)) expect(existsSync(samplePath(file)), file).toBe(true);
  });

  it.each(Object.entries(SAMPLES))('%s', async (file, expected) => {
    const result = await readEInvoice(await sampleBytes(file));
    if (!result.ok) throw new Error(`${file}: ${JSON.stringify(result.error)}`);
    const { format, profile, records, issues, xml } = result.value;
    expect(issues).toEqual([]);
    expect(format).toBe(expected.format);
    expect(profile).toBe(expected.profile);
    expect(xml).toMatch(expected.format === 'ubl' ? /<(\w+:)?(Invoice|CreditNote)\b/ : /<(\w+:)?CrossIndustryInvoice\b/);
    expect(records).toHaveLength(1);
    const record = records[0] as InvoiceRecord;
    expect(record).toMatchObject({ line: 1, ...expected.record });
    if (expected.debtor) expect(record.debtor).toMatchObject(expected.debtor);
    if (expected.seller) expect(record.seller).toMatchObject(expected.seller);
    expected.check?.(record);
  });

  it('reads the CII and UBL versions of the same invoice into the same facts', async () => {
    const cii = await readEInvoice(await sampleBytes('facturx/cii/CII_example2.xml'));
    const ubl = await readEInvoice(await sampleBytes('facturx/ubl/ubl-tc434-example2.xml'));
    if (!cii.ok || !ubl.ok) throw new Error('both samples must read');
    const pick = (record: InvoiceRecord | undefined) =>
      record && {
        number: record.number,
        kind: record.kind,
        issueDate: record.issueDate,
        dueDate: record.dueDate,
        currency: record.currency,
        amountExclTaxCents: record.amountExclTaxCents,
        amountInclTaxCents: record.amountInclTaxCents,
        amountDueCents: record.amountDueCents,
        debtor: record.debtor.name,
        vat: record.debtor.vatNumber,
      };
    expect(pick(ubl.value.records[0])).toEqual(pick(cii.value.records[0]));
  });

  it('names the Factur-X profile of each guideline identifier', () => {
    expect(facturxProfileName('urn:factur-x.eu:1p0:minimum')).toBe('MINIMUM');
    expect(facturxProfileName('urn:factur-x.eu:1p0:basicwl')).toBe('BASIC WL');
    expect(facturxProfileName('urn:cen.eu:en16931:2017#compliant#urn:factur-x.eu:1p0:basic')).toBe('BASIC');
    expect(facturxProfileName('urn:cen.eu:en16931:2017:compliant:factur-x.eu:1p0:basic')).toBe('BASIC');
    expect(facturxProfileName('urn:cen.eu:en16931:2017')).toBe('EN 16931');
    expect(facturxProfileName('urn:cen.eu:en16931:2017#conformant#urn:factur-x.eu:1p0:extended')).toBe('EXTENDED');
    expect(facturxProfileName('urn:fdc:peppol.eu:2017:poacc:billing:01:1.0')).toBeNull();
  });
});

/** Hostile, broken and incomplete e-invoices are refused or reported as values, never thrown. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readEInvoice } from '../src/index.js';
import { buildPdf, sampleBytes, utf8 } from './helpers.js';

const CII_HEAD = `<?xml version="1.0" encoding="UTF-8"?>
<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
  xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
  xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100">`;

/** A MINIMUM-profile CII invoice with parts that tests replace. */
function cii(
  parts: { id?: string; typeCode?: string; date?: string; buyer?: string; currency?: string; totals?: string; terms?: string } = {},
): string {
  return `${CII_HEAD}
  <rsm:ExchangedDocumentContext><ram:GuidelineSpecifiedDocumentContextParameter><ram:ID>urn:factur-x.eu:1p0:minimum</ram:ID></ram:GuidelineSpecifiedDocumentContextParameter></rsm:ExchangedDocumentContext>
  <rsm:ExchangedDocument>${parts.id ?? '<ram:ID>FA-1</ram:ID>'}<ram:TypeCode>${parts.typeCode ?? '380'}</ram:TypeCode>
    <ram:IssueDateTime><udt:DateTimeString format="102">${parts.date ?? '20250131'}</udt:DateTimeString></ram:IssueDateTime></rsm:ExchangedDocument>
  <rsm:SupplyChainTradeTransaction>
    <ram:ApplicableHeaderTradeAgreement>
      <ram:SellerTradeParty><ram:Name>Vendeur &amp; Fils</ram:Name><ram:SpecifiedLegalOrganization><ram:ID schemeID="0002">123456782</ram:ID></ram:SpecifiedLegalOrganization></ram:SellerTradeParty>
      ${parts.buyer ?? '<ram:BuyerTradeParty><ram:Name>Client SARL</ram:Name><ram:SpecifiedLegalOrganization><ram:ID schemeID="0002">732829320</ram:ID></ram:SpecifiedLegalOrganization></ram:BuyerTradeParty>'}
    </ram:ApplicableHeaderTradeAgreement>
    <ram:ApplicableHeaderTradeSettlement>
      ${parts.currency ?? '<ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>'}
      ${parts.terms ?? ''}
      <ram:SpecifiedTradeSettlementHeaderMonetarySummation>
        ${parts.totals ?? '<ram:TaxBasisTotalAmount>100.00</ram:TaxBasisTotalAmount><ram:GrandTotalAmount>120.00</ram:GrandTotalAmount><ram:DuePayableAmount>120.00</ram:DuePayableAmount>'}
      </ram:SpecifiedTradeSettlementHeaderMonetarySummation>
    </ram:ApplicableHeaderTradeSettlement>
  </rsm:SupplyChainTradeTransaction>
</rsm:CrossIndustryInvoice>`;
}

async function issuesOf(xml: string) {
  const result = await readEInvoice(utf8(xml));
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe('XML safety', () => {
  it('refuses a DOCTYPE with entity expansion (billion laughs)', async () => {
    const bomb = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"><x>&lol2;</x></rsm:CrossIndustryInvoice>`;
    expect(await readEInvoice(utf8(bomb))).toEqual({
      ok: false,
      error: { code: 'IMPORT_UNSUPPORTED_FORMAT', params: { reason: 'xml_dtd_forbidden' } },
    });
  });

  it('refuses an external entity (XXE) in a UBL invoice', async () => {
    const xxe = `<?xml version="1.0"?>
<!DOCTYPE Invoice [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"><ID>&secret;</ID></Invoice>`;
    const result = await readEInvoice(utf8(xxe));
    expect(result).toEqual({ ok: false, error: { code: 'IMPORT_UNSUPPORTED_FORMAT', params: { reason: 'xml_dtd_forbidden' } } });
  });

  it('refuses a DOCTYPE hidden in the XML embedded in a PDF', async () => {
    const xml = cii().replace('<rsm:CrossIndustryInvoice', '<!DOCTYPE x [<!ENTITY a "b">]>\n<rsm:CrossIndustryInvoice');
    const result = await readEInvoice(buildPdf({ 'factur-x.xml': xml }));
    expect(result.ok ? null : result.error.params?.reason).toBe('xml_dtd_forbidden');
  });

  it('reports malformed XML as an error value', async () => {
    const result = await readEInvoice(utf8(cii().replace('</rsm:ExchangedDocument>', '')));
    expect(result).toEqual({ ok: false, error: { code: 'IMPORT_UNSUPPORTED_FORMAT', params: { reason: 'xml_malformed' } } });
  });

  it('refuses absurd nesting without overflowing the stack', async () => {
    const deep = `${CII_HEAD}${'<a>'.repeat(50_000)}${'</a>'.repeat(50_000)}</rsm:CrossIndustryInvoice>`;
    const result = await readEInvoice(utf8(deep));
    expect(result.ok).toBe(false);
  });

  it('refuses XML larger than the limit', async () => {
    const huge = utf8(cii().replace('</rsm:CrossIndustryInvoice>', `<!--${' '.repeat(21 * 1024 * 1024)}--></rsm:CrossIndustryInvoice>`));
    expect(await readEInvoice(huge)).toEqual({ ok: false, error: { code: 'FILE_TOO_LARGE', params: { maxMegabytes: 20 } } });
  });

  it('never throws on garbage bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => {
        const result = await readEInvoice(bytes);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on damaged invoices (truncated or with bytes flipped)', async () => {
    const pdf = await sampleBytes('facturx/pdf/Facture_F20220025-LE_FOURNISSEUR-POUR-LE_CLIENT_MINIMUM.pdf');
    const xml = utf8(cii());
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.nat(),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 20 }),
        async (usePdf, cut, flips) => {
          const source = usePdf ? pdf : xml;
          const damaged = source.slice(0, 1 + (cut % source.length));
          for (const [position, value] of flips) damaged[position % damaged.length] = value;
          const result = await readEInvoice(damaged);
          expect(typeof result.ok).toBe('boolean');
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('PDF without an invoice', () => {
  it('refuses a PDF with no attachment', async () => {
    expect(await readEInvoice(buildPdf())).toEqual({
      ok: false,
      error: { code: 'IMPORT_UNSUPPORTED_FORMAT', params: { reason: 'pdf_without_invoice_xml' } },
    });
  });

  it('refuses a PDF whose only XML attachment has another name', async () => {
    const result = await readEInvoice(buildPdf({ 'order.xml': cii() }));
    expect(result.ok ? null : result.error.params?.reason).toBe('pdf_without_invoice_xml');
  });

  it('reads the ZUGFeRD 2 attachment name as well', async () => {
    const result = await readEInvoice(buildPdf({ 'zugferd-invoice.xml': cii() }));
    expect(result.ok && result.value.format).toBe('facturx');
    expect(result.ok && result.value.records[0]?.number).toBe('FA-1');
  });

  it('refuses files that are not e-invoices', async () => {
    const csv = await readEInvoice(utf8('N° facture;Date;Montant\nFA-1;01/01/2025;12,00\n'));
    expect(csv).toEqual({ ok: false, error: { code: 'IMPORT_UNSUPPORTED_FORMAT', params: { reason: 'not_an_e_invoice' } } });
    const otherXml = await readEInvoice(utf8('<?xml version="1.0"?><Order xmlns="urn:x"><ID>1</ID></Order>'));
    expect(otherXml.ok).toBe(false);
  });
});

describe('e-invoice validation', () => {
  it('reads a minimal invoice, decoding entities and keeping the seller', async () => {
    const { records, issues } = await issuesOf(cii());
    expect(issues).toEqual([]);
    expect(records[0]).toMatchObject({
      number: 'FA-1',
      issueDate: '2025-01-31',
      amountInclTaxCents: 12_000,
      seller: { name: 'Vendeur & Fils', siren: '123456782' },
    });
    expect(records[0]?.debtor).toMatchObject({ name: 'Client SARL', siren: '732829320', kind: 'business' });
  });

  it('reports a missing number, an impossible date and a missing total, and yields no record', async () => {
    const { records, issues } = await issuesOf(
      cii({
        id: '',
        date: '20250231',
        totals: '<ram:TaxBasisTotalAmount>100.00</ram:TaxBasisTotalAmount><ram:DuePayableAmount>120.00</ram:DuePayableAmount>',
      }),
    );
    expect(records).toEqual([]);
    expect(issues).toEqual([
      { line: 1, column: 'ExchangedDocument/ID', code: 'required' },
      { line: 1, column: 'ExchangedDocument/IssueDateTime', code: 'invalid_date', params: { value: '20250231' } },
      { line: 1, column: 'SpecifiedTradeSettlementHeaderMonetarySummation/GrandTotalAmount', code: 'required' },
    ]);
  });

  it('reports an unknown type code, a bad currency and a malformed amount', async () => {
    const { records, issues } = await issuesOf(
      cii({
        typeCode: '999',
        currency: '<ram:InvoiceCurrencyCode>EURO</ram:InvoiceCurrencyCode>',
        totals: '<ram:GrandTotalAmount>12O.00</ram:GrandTotalAmount><ram:DuePayableAmount>120.00</ram:DuePayableAmount>',
      }),
    );
    expect(records).toEqual([]);
    expect(issues.map((found) => [found.column, found.code])).toEqual([
      ['ExchangedDocument/TypeCode', 'invalid_choice'],
      ['InvoiceCurrencyCode', 'invalid_currency'],
      ['SpecifiedTradeSettlementHeaderMonetarySummation/GrandTotalAmount', 'invalid_amount'],
    ]);
  });

  it('rounds amounts with more than two decimals half up to the cent', async () => {
    const { records } = await issuesOf(
      cii({
        totals:
          '<ram:TaxBasisTotalAmount>100.004</ram:TaxBasisTotalAmount><ram:GrandTotalAmount>120.005</ram:GrandTotalAmount><ram:DuePayableAmount>4675</ram:DuePayableAmount>',
      }),
    );
    expect(records[0]).toMatchObject({ amountExclTaxCents: 10_000, amountInclTaxCents: 12_001, amountDueCents: 467_500 });
  });

  it('never puts a non-French legal identifier in the SIREN', async () => {
    const buyer =
      '<ram:BuyerTradeParty><ram:Name>GmbH</ram:Name><ram:SpecifiedLegalOrganization><ram:ID schemeID="0204">732829320</ram:ID></ram:SpecifiedLegalOrganization>' +
      '<ram:PostalTradeAddress><ram:CountryID>DE</ram:CountryID></ram:PostalTradeAddress></ram:BuyerTradeParty>';
    const { records } = await issuesOf(cii({ buyer }));
    expect(records[0]?.debtor).toMatchObject({ siren: null, siret: null });
  });

  it('keeps the payment terms text when there is no due date, and takes the first due date when there are several', async () => {
    const noDate = await issuesOf(
      cii({
        terms:
          '<ram:SpecifiedTradePaymentTerms><ram:Description>  Paiement à 45 jours\n   fin de mois </ram:Description></ram:SpecifiedTradePaymentTerms>',
      }),
    );
    expect(noDate.records[0]).toMatchObject({ dueDate: null, paymentTerms: 'Paiement à 45 jours\nfin de mois' });
    const twoDates = await issuesOf(
      cii({
        terms:
          '<ram:SpecifiedTradePaymentTerms><ram:Description>Net</ram:Description><ram:DueDateDateTime><udt:DateTimeString format="102">20250302</udt:DateTimeString></ram:DueDateDateTime></ram:SpecifiedTradePaymentTerms>' +
          '<ram:SpecifiedTradePaymentTerms><ram:DueDateDateTime><udt:DateTimeString format="102">20250215</udt:DateTimeString></ram:DueDateDateTime></ram:SpecifiedTradePaymentTerms>',
      }),
    );
    expect(twoDates.records[0]?.dueDate).toBe('2025-03-02');
  });

  it('reads ISO-8859-1 XML by its declaration', async () => {
    const text = cii().replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').replace('Client SARL', 'Société Générale');
    const bytes = Uint8Array.from(text, (char) => char.charCodeAt(0));
    const result = await readEInvoice(bytes);
    expect(result.ok && result.value.records[0]?.debtor.name).toBe('Société Générale');
  });
});

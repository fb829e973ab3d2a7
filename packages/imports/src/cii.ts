/**
 * UN/CEFACT Cross Industry Invoice (D16B), the syntax of Factur-X and
 * ZUGFeRD, every profile from MINIMUM to EXTENDED: the elements read are
 * those all profiles share, each optional beyond what MINIMUM requires.
 */
import { parseCiiDate } from './date.js';
import { type EInvoiceDraft, type LegalId, type PartyDraft, tidyText } from './einvoice-record.js';
import { attribute, child, children, text, type XmlNode } from './xml.js';

export interface SyntaxReading {
  readonly profile: string | null;
  readonly draft: EInvoiceDraft;
}

export function readCii(root: XmlNode): SyntaxReading | null {
  const document = child(root, 'CrossIndustryInvoice');
  if (!document) return null;
  const exchanged = child(document, 'ExchangedDocument');
  const transaction = child(document, 'SupplyChainTradeTransaction');
  const agreement = child(transaction, 'ApplicableHeaderTradeAgreement');
  const settlement = child(transaction, 'ApplicableHeaderTradeSettlement');
  const totals = child(settlement, 'SpecifiedTradeSettlementHeaderMonetarySummation');
  const totalPath = 'SpecifiedTradeSettlementHeaderMonetarySummation';

  const issueElement = child(exchanged, 'IssueDateTime', 'DateTimeString');
  const issueRaw = text(issueElement);
  const terms = children(settlement, 'SpecifiedTradePaymentTerms');
  // Several terms (net date, early-payment discount date): the first due date is the one the invoice is due at.
  const dueElement = terms.map((term) => child(term, 'DueDateDateTime', 'DateTimeString')).find((element) => element !== undefined);
  const dueRaw = text(dueElement);
  const termTexts = terms.map((term) => text(term, 'Description')).filter((value): value is string => value !== null);

  const firstLine = child(transaction, 'IncludedSupplyChainTradeLineItem');
  // Notes with a subject code are legal mentions, payment conditions, factoring clauses…: not what the invoice is for.
  const firstNote = children(exchanged, 'IncludedNote')
    .filter((note) => text(note, 'SubjectCode') === null)
    .map((note) => text(note, 'Content'))
    .find((content) => content !== null);

  return {
    profile: text(document, 'ExchangedDocumentContext', 'GuidelineSpecifiedDocumentContextParameter', 'ID'),
    draft: {
      number: { value: text(exchanged, 'ID'), path: 'ExchangedDocument/ID' },
      typeCode: { value: text(exchanged, 'TypeCode'), path: 'ExchangedDocument/TypeCode' },
      defaultKind: 'invoice',
      issueDate: {
        value: issueRaw === null ? null : parseCiiDate(issueRaw, attribute(issueElement, 'format')),
        raw: issueRaw,
        path: 'ExchangedDocument/IssueDateTime',
      },
      dueDate: {
        value: dueRaw === null ? null : parseCiiDate(dueRaw, attribute(dueElement, 'format')),
        raw: dueRaw,
        path: 'SpecifiedTradePaymentTerms/DueDateDateTime',
      },
      currency: { value: text(settlement, 'InvoiceCurrencyCode'), path: 'InvoiceCurrencyCode' },
      amountExclTax: { value: text(totals, 'TaxBasisTotalAmount'), path: `${totalPath}/TaxBasisTotalAmount` },
      amountInclTax: { value: text(totals, 'GrandTotalAmount'), path: `${totalPath}/GrandTotalAmount` },
      prepaid: { value: text(totals, 'TotalPrepaidAmount'), path: `${totalPath}/TotalPrepaidAmount` },
      amountDue: { value: text(totals, 'DuePayableAmount'), path: `${totalPath}/DuePayableAmount` },
      buyer: party(child(agreement, 'BuyerTradeParty'), 'BuyerTradeParty'),
      seller: child(agreement, 'SellerTradeParty') ? party(child(agreement, 'SellerTradeParty'), 'SellerTradeParty') : null,
      orderReference: text(agreement, 'BuyerOrderReferencedDocument', 'IssuerAssignedID'),
      contractReference: text(agreement, 'ContractReferencedDocument', 'IssuerAssignedID'),
      paymentReference: text(settlement, 'PaymentReference'),
      paymentTerms: tidyText(termTexts.join('\n')),
      precedingInvoiceNumber: text(settlement, 'InvoiceReferencedDocument', 'IssuerAssignedID'),
      description: tidyText(text(firstLine, 'SpecifiedTradeProduct', 'Name') ?? firstNote ?? null),
    },
  };
}

function party(node: XmlNode | undefined, path: string): PartyDraft {
  const legalIds: LegalId[] = [];
  const legal = child(node, 'SpecifiedLegalOrganization', 'ID');
  const legalValue = text(legal);
  if (legalValue !== null) legalIds.push({ value: legalValue, scheme: attribute(legal, 'schemeID') });
  // Some French issuers give the SIRET as a global identifier (ISO 6523 scheme 0009).
  for (const global of children(node, 'GlobalID')) {
    const value = text(global);
    if (value !== null && attribute(global, 'schemeID') === '0009') legalIds.push({ value, scheme: '0009' });
  }
  const vat = children(node, 'SpecifiedTaxRegistration')
    .map((registration) => child(registration, 'ID'))
    .find((id) => attribute(id, 'schemeID') === 'VA');
  const contact = child(node, 'DefinedTradeContact');
  const address = child(node, 'PostalTradeAddress');
  const line2 = [text(address, 'LineTwo'), text(address, 'LineThree')].filter((line): line is string => line !== null).join(', ');
  const postalCode = text(address, 'PostcodeCode');
  const city = text(address, 'CityName');
  const country = text(address, 'CountryID')?.toUpperCase() ?? null;
  const line1 = text(address, 'LineOne');
  return {
    name: { value: text(node, 'Name'), path: `${path}/Name` },
    legalIds,
    vatNumber: text(vat),
    email: text(node, 'URIUniversalCommunication', 'URIID') ?? text(contact, 'EmailURIUniversalCommunication', 'URIID'),
    phone: text(contact, 'TelephoneUniversalCommunication', 'CompleteNumber'),
    contactName: text(contact, 'PersonName'),
    accountCode: text(node, 'ID'),
    address:
      line1 === null && line2 === '' && postalCode === null && city === null && country === null
        ? null
        : { line1, line2: line2 === '' ? null : line2, postalCode, city, country },
  };
}

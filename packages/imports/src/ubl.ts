/** OASIS UBL 2.1 Invoice and CreditNote (EN 16931, Peppol BIS, French CTC customisations). */
import type { SyntaxReading } from './cii.js';
import { parseXsdDate } from './date.js';
import { type LegalId, type PartyDraft, tidyText } from './einvoice-record.js';
import { attribute, child, children, text, type XmlNode } from './xml.js';

export function readUbl(root: XmlNode): SyntaxReading | null {
  const creditNote = child(root, 'CreditNote');
  const document = creditNote ?? child(root, 'Invoice');
  if (!document) return null;
  const totals = child(document, 'LegalMonetaryTotal');
  const issueRaw = text(document, 'IssueDate');
  // UBL 2.1 has cbc:DueDate on invoices only; credit notes (and some invoices) give it per payment means.
  const meansDue = children(document, 'PaymentMeans')
    .map((means) => text(means, 'PaymentDueDate'))
    .find((value) => value !== null);
  const documentDue = text(document, 'DueDate');
  const dueRaw = documentDue ?? meansDue ?? null;
  const terms = children(document, 'PaymentTerms')
    .map((term) => text(term, 'Note'))
    .filter((value): value is string => value !== null);
  const firstLine = child(document, creditNote ? 'CreditNoteLine' : 'InvoiceLine');
  const customer = child(document, 'AccountingCustomerParty');
  const supplierParty = child(document, 'AccountingSupplierParty', 'Party');
  const typeElement = creditNote ? 'CreditNoteTypeCode' : 'InvoiceTypeCode';

  return {
    profile: text(document, 'CustomizationID'),
    draft: {
      number: { value: text(document, 'ID'), path: 'cbc:ID' },
      typeCode: { value: text(document, typeElement), path: `cbc:${typeElement}` },
      defaultKind: creditNote ? 'credit-note' : 'invoice',
      issueDate: { value: issueRaw === null ? null : parseXsdDate(issueRaw), raw: issueRaw, path: 'cbc:IssueDate' },
      dueDate: {
        value: dueRaw === null ? null : parseXsdDate(dueRaw),
        raw: dueRaw,
        path: documentDue !== null ? 'cbc:DueDate' : 'cac:PaymentMeans/cbc:PaymentDueDate',
      },
      currency: { value: text(document, 'DocumentCurrencyCode'), path: 'cbc:DocumentCurrencyCode' },
      amountExclTax: { value: text(totals, 'TaxExclusiveAmount'), path: 'cac:LegalMonetaryTotal/cbc:TaxExclusiveAmount' },
      amountInclTax: { value: text(totals, 'TaxInclusiveAmount'), path: 'cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount' },
      prepaid: { value: text(totals, 'PrepaidAmount'), path: 'cac:LegalMonetaryTotal/cbc:PrepaidAmount' },
      amountDue: { value: text(totals, 'PayableAmount'), path: 'cac:LegalMonetaryTotal/cbc:PayableAmount' },
      buyer: party(child(customer, 'Party'), 'cac:AccountingCustomerParty', text(customer, 'CustomerAssignedAccountID')),
      seller: supplierParty ? party(supplierParty, 'cac:AccountingSupplierParty', null) : null,
      orderReference: text(document, 'OrderReference', 'ID'),
      contractReference: text(document, 'ContractDocumentReference', 'ID'),
      paymentReference:
        children(document, 'PaymentMeans')
          .map((means) => text(means, 'PaymentID'))
          .find((value) => value !== null) ?? null,
      paymentTerms: tidyText(terms.join('\n')),
      precedingInvoiceNumber: text(document, 'BillingReference', 'InvoiceDocumentReference', 'ID'),
      // A note starting with #CODE# carries a subject code (Peppol convention): legal or payment text, not a description.
      description: tidyText(text(firstLine, 'Item', 'Name') ?? (text(document, 'Note')?.startsWith('#') ? null : text(document, 'Note'))),
    },
  };
}

function party(node: XmlNode | undefined, path: string, accountCode: string | null): PartyDraft {
  const legalEntity = child(node, 'PartyLegalEntity');
  const legalIds: LegalId[] = [];
  const company = child(legalEntity, 'CompanyID');
  const companyValue = text(company);
  if (companyValue !== null) legalIds.push({ value: companyValue, scheme: attribute(company, 'schemeID') });
  // Party identifiers without a French scheme are the seller's own codes for the customer, never a SIREN.
  for (const identification of children(node, 'PartyIdentification')) {
    const id = child(identification, 'ID');
    const scheme = attribute(id, 'schemeID');
    const value = text(id);
    if (value !== null && (scheme === '0002' || scheme === '0009')) legalIds.push({ value, scheme });
  }
  const vat = children(node, 'PartyTaxScheme').find((scheme) => text(scheme, 'TaxScheme', 'ID')?.toUpperCase() === 'VAT');
  const contact = child(node, 'Contact');
  const address = child(node, 'PostalAddress');
  const line1 = text(address, 'StreetName');
  const line2 = [text(address, 'AdditionalStreetName'), text(address, 'AddressLine', 'Line')]
    .filter((line): line is string => line !== null)
    .join(', ');
  const postalCode = text(address, 'PostalZone');
  const city = text(address, 'CityName');
  const country = text(address, 'Country', 'IdentificationCode')?.toUpperCase() ?? null;
  return {
    name: {
      value: text(legalEntity, 'RegistrationName') ?? text(node, 'PartyName', 'Name'),
      path: `${path}/cac:Party/cac:PartyLegalEntity/cbc:RegistrationName`,
    },
    legalIds,
    vatNumber: text(vat, 'CompanyID'),
    email: text(contact, 'ElectronicMail'),
    phone: text(contact, 'Telephone'),
    contactName: text(contact, 'Name'),
    accountCode,
    address:
      line1 === null && line2 === '' && postalCode === null && city === null && country === null
        ? null
        : { line1, line2: line2 === '' ? null : line2, postalCode, city, country },
  };
}

/**
 * What every reader produces: invoice records in one normalised shape, plus
 * the problems found, each naming its line and column as the user sees them.
 * Records are fully validated here; the ledger only matches and writes them.
 */
import type { Cents, CurrencyCode, DocumentKind, FieldIssueCode, IsoDate } from '@amiable/domain';

export type FileFormat = 'csv' | 'xlsx' | 'facturx' | 'cii' | 'ubl';

export interface PostalAddress {
  readonly line1: string | null;
  readonly line2: string | null;
  readonly postalCode: string | null;
  readonly city: string | null;
  /** ISO 3166-1 alpha-2, upper case. */
  readonly country: string | null;
}

export interface DebtorRecord {
  readonly kind: 'business' | 'consumer';
  readonly name: string;
  readonly siren: string | null;
  readonly siret: string | null;
  readonly vatNumber: string | null;
  /** Customer account in the creditor's books ("code client", "compte auxiliaire"). */
  readonly accountCode: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly contactName: string | null;
  readonly address: PostalAddress | null;
}

/** The issuer named in an e-invoice, checked against the chosen creditor. */
export interface SellerRecord {
  readonly name: string | null;
  readonly siren: string | null;
  readonly vatNumber: string | null;
}

export interface InvoiceRecord {
  /** 1-based line of the file (CSV/XLSX row); 1 for an XML or PDF document. */
  readonly line: number;
  readonly kind: DocumentKind;
  readonly number: string;
  readonly issueDate: IsoDate;
  readonly dueDate: IsoDate | null;
  readonly currency: CurrencyCode;
  /** Positive amounts, also for credit notes (the kind carries the direction). */
  readonly amountExclTaxCents: Cents | null;
  readonly amountInclTaxCents: Cents;
  /** What the document asks to be paid: total incl. tax minus prepaid amounts. */
  readonly amountDueCents: Cents;
  /** "Reste dû" according to the source, when it says so (≤ amountDueCents). */
  readonly outstandingCents: Cents | null;
  readonly orderReference: string | null;
  readonly contractReference: string | null;
  readonly description: string | null;
  readonly paymentReference: string | null;
  readonly paymentTerms: string | null;
  readonly precedingInvoiceNumber: string | null;
  readonly debtor: DebtorRecord;
  readonly seller: SellerRecord | null;
}

/** One problem in one cell. `column` is the header as written in the file (or the XML element for e-invoices). */
export interface RowIssue {
  readonly line: number;
  readonly column: string;
  readonly code: FieldIssueCode;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** The fields a CSV/XLSX column can be mapped to. */
export const MAPPABLE_FIELDS = [
  'invoiceNumber',
  'documentType',
  'issueDate',
  'dueDate',
  'amountExclTax',
  'amountInclTax',
  'outstanding',
  'debit',
  'credit',
  'currency',
  'debtorName',
  'debtorKind',
  'debtorSiren',
  'debtorSiret',
  'debtorVat',
  'debtorAccountCode',
  'debtorEmail',
  'debtorPhone',
  'contactName',
  'debtorAddress1',
  'debtorAddress2',
  'debtorPostalCode',
  'debtorCity',
  'debtorCountry',
  'orderReference',
  'contractReference',
  'description',
  'paymentReference',
] as const;
export type MappableField = (typeof MAPPABLE_FIELDS)[number];

/** field → 0-based column index in the header row. Unmapped fields are absent. */
export type ColumnMapping = Partial<Record<MappableField, number>>;

export interface TableLayout {
  readonly format: 'csv' | 'xlsx';
  /** 'utf-8' | 'windows-1252' for CSV; null for XLSX. */
  readonly encoding: string | null;
  /** ';' ',' '\t' for CSV; null for XLSX. */
  readonly delimiter: string | null;
  /** XLSX only: the sheet read. */
  readonly sheet: string | null;
  /** 1-based line of the header row (exports often start with a title or a blank line). */
  readonly headerLine: number;
  readonly headers: readonly string[];
  /** ',' or '.', detected from the amount columns. */
  readonly decimalSeparator: ',' | '.';
}

/** What the user sees before confirming a CSV/XLSX import. */
export interface TablePreview {
  readonly layout: TableLayout;
  /** Guessed from French and English headers (or the tenant's remembered mapping). */
  readonly mapping: ColumnMapping;
  /** Required fields with no column. */
  readonly missingFields: readonly MappableField[];
  /** First rows as text, for display. */
  readonly sampleRows: readonly (readonly string[])[];
  readonly rowCount: number;
}

export interface ReadOptions {
  /** The mapping to apply (the guessed one when absent). */
  readonly mapping?: ColumnMapping;
  /** XLSX: the sheet to read (first sheet when absent). */
  readonly sheet?: string;
  /** Default currency for rows without one. */
  readonly defaultCurrency?: CurrencyCode;
}

export type ReadItem = { readonly record: InvoiceRecord } | { readonly issues: readonly RowIssue[]; readonly line: number };

/** The ledger's records as use cases see them: cents as integers, dates as "YYYY-MM-DD". */
import type { Cents, CurrencyCode, DocumentKind, IsoDate } from '@amiable/domain';

export interface PostalAddress {
  readonly line1: string | null;
  readonly line2: string | null;
  readonly postalCode: string | null;
  readonly city: string | null;
  readonly country: string | null;
}

export type Locale = 'fr' | 'en';
export type DebtorKind = 'business' | 'consumer';

export interface RecoveryContact {
  readonly name: string;
  readonly email: string | null;
  readonly phone: string | null;
}

export interface CreditorRecord {
  readonly id: string;
  readonly legalName: string;
  readonly tradeName: string | null;
  readonly legalForm: string | null;
  readonly siren: string | null;
  readonly siret: string | null;
  readonly vatNumber: string | null;
  readonly address: PostalAddress;
  readonly iban: string | null;
  readonly bic: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly logoFileId: string | null;
  readonly letterLegalMentions: string | null;
  /** The person debtors deal with: named in letters, Reply-To of e-mails. */
  readonly recoveryContact: RecoveryContact | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface DebtorRecord {
  readonly id: string;
  readonly kind: DebtorKind;
  readonly name: string;
  readonly siren: string | null;
  readonly siret: string | null;
  readonly vatNumber: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly address: PostalAddress;
  readonly preferredLocale: Locale;
  readonly tags: readonly string[];
  /** The recovery scenario chosen for this debtor, over the segment rules (read only here; set by the recovery routes). */
  readonly scenarioId?: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface ContactRecord {
  readonly id: string;
  readonly debtorId: string;
  readonly name: string;
  readonly jobTitle: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly address: PostalAddress;
  readonly preferredLocale: Locale;
  readonly isPrimary: boolean;
}

export type InvoiceSource = 'manual' | 'import' | 'api' | 'demo';

export interface LedgerInvoice {
  readonly id: string;
  readonly creditorId: string;
  readonly debtorId: string;
  readonly kind: DocumentKind;
  readonly number: string;
  readonly issueDate: IsoDate;
  readonly dueDate: IsoDate | null;
  readonly currency: CurrencyCode;
  readonly amountExclTaxCents: Cents | null;
  readonly amountInclTaxCents: Cents;
  readonly amountDueCents: Cents;
  readonly paidOutsideCents: Cents;
  readonly settledCents: Cents;
  readonly outstandingCents: Cents;
  readonly orderReference: string | null;
  readonly contractReference: string | null;
  readonly description: string | null;
  readonly paymentReference: string | null;
  readonly paymentTerms: string | null;
  readonly precedingInvoiceNumber: string | null;
  readonly documentFileId: string | null;
  readonly source: InvoiceSource;
  readonly importId: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export type PaymentMethod = 'transfer' | 'direct-debit' | 'card' | 'cheque' | 'cash' | 'other';

export interface PaymentRecord {
  readonly id: string;
  readonly creditorId: string;
  readonly debtorId: string;
  readonly amountCents: Cents;
  readonly currency: CurrencyCode;
  readonly receivedOn: IsoDate;
  readonly method: PaymentMethod;
  readonly reference: string | null;
  readonly note: string | null;
  readonly allocatedCents: Cents;
  readonly reversedAt: Date | null;
  readonly reversalReason: string | null;
  readonly source: 'manual' | 'api' | 'import' | 'demo';
  readonly createdAt: Date;
}

export interface AllocationRecord {
  readonly id: string;
  readonly invoiceId: string;
  readonly paymentId: string | null;
  readonly creditNoteId: string | null;
  readonly amountCents: Cents;
  readonly createdAt: Date;
  readonly createdBy: string;
  readonly reversedAt: Date | null;
}

export interface DisputeRecord {
  readonly id: string;
  readonly invoiceId: string;
  readonly reason: string;
  readonly openedAt: Date;
  readonly openedBy: string;
  readonly resolvedAt: Date | null;
  readonly resolvedBy: string | null;
  readonly resolution: string | null;
}

export interface StoredFile {
  readonly id: string;
  readonly filename: string;
  readonly contentType: string;
  readonly byteSize: number;
  readonly sha256: Uint8Array;
  readonly content: Uint8Array;
}

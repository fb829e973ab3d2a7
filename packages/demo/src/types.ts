/**
 * A demo portfolio as plain data: what `amiable demo` loads through the
 * ledger, so the demo exercises the same code paths as real use.
 * Amounts are integer cents; dates are "YYYY-MM-DD" relative to `today`.
 */
import type { Cents, IsoDate } from '@amiable/domain';

export interface DemoAddress {
  readonly line1: string;
  readonly line2: string | null;
  readonly postalCode: string;
  readonly city: string;
  readonly country: 'FR';
}

export interface DemoCreditor {
  readonly key: string;
  readonly legalName: string;
  readonly tradeName: string | null;
  readonly legalForm: string;
  readonly siren: string;
  readonly siret: string;
  readonly vatNumber: string;
  readonly address: DemoAddress;
  readonly iban: string;
  readonly bic: string;
  readonly email: string;
  readonly phone: string;
  readonly letterLegalMentions: string;
  readonly recoveryContact: { readonly name: string; readonly email: string; readonly phone: string };
}

export interface DemoContact {
  readonly name: string;
  readonly jobTitle: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly isPrimary: boolean;
}

export interface DemoDebtor {
  readonly key: string;
  readonly kind: 'business' | 'consumer';
  readonly name: string;
  readonly siren: string | null;
  readonly siret: string | null;
  readonly vatNumber: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly address: DemoAddress;
  readonly preferredLocale: 'fr' | 'en';
  readonly tags: readonly string[];
  readonly contacts: readonly DemoContact[];
  readonly notes: readonly string[];
  /** Customer account code in each creditor's books: creditorKey → code. */
  readonly accountCodes: Readonly<Record<string, string>>;
}

export interface DemoInvoice {
  readonly key: string;
  readonly creditorKey: string;
  readonly debtorKey: string;
  readonly kind: 'invoice' | 'credit-note';
  readonly number: string;
  readonly issueDate: IsoDate;
  readonly dueDate: IsoDate;
  readonly currency: 'EUR';
  readonly amountExclTaxCents: Cents;
  readonly amountInclTaxCents: Cents;
  readonly orderReference: string | null;
  readonly description: string;
  /** An open dispute on this invoice, with its reason. */
  readonly dispute: { readonly openedOn: IsoDate; readonly reason: string } | null;
}

export interface DemoPayment {
  readonly creditorKey: string;
  readonly debtorKey: string;
  readonly amountCents: Cents;
  readonly receivedOn: IsoDate;
  readonly method: 'transfer' | 'direct-debit' | 'card' | 'cheque';
  readonly reference: string;
  /** How the payment is applied: invoice key → cents. The rest stays as the debtor's credit. */
  readonly allocations: readonly { readonly invoiceKey: string; readonly amountCents: Cents }[];
}

export interface DemoUser {
  readonly email: string;
  readonly displayName: string;
  readonly role: 'owner' | 'manager' | 'agent' | 'viewer';
}

export interface DemoPortfolio {
  readonly tenant: { readonly name: string; readonly kind: 'company' };
  readonly users: readonly DemoUser[];
  readonly creditors: readonly DemoCreditor[];
  readonly debtors: readonly DemoDebtor[];
  readonly invoices: readonly DemoInvoice[];
  readonly payments: readonly DemoPayment[];
}

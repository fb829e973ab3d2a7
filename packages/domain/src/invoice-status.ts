import type { Cents } from './money.js';
import type { IsoDate } from './dates.js';

export const DOCUMENT_KINDS = ['invoice', 'credit-note'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/**
 * An invoice's status is derived from the ledger (amount due, what was paid
 * outside Amiable, what payments and credit notes settle) and from open disputes.
 * It is never stored.
 */
export const INVOICE_STATUSES = ['due', 'overdue', 'disputed', 'paid'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

export interface InvoiceStatusFacts {
  readonly outstandingCents: Cents;
  readonly dueDate: IsoDate | null;
  readonly disputed: boolean;
}

export function invoiceStatusOf(facts: InvoiceStatusFacts, today: IsoDate): InvoiceStatus {
  if (facts.outstandingCents <= 0) return 'paid';
  if (facts.disputed) return 'disputed';
  if (facts.dueDate !== null && facts.dueDate < today) return 'overdue';
  return 'due';
}

/** The row fields by ordinal, and the cell-reading interface the row validators share. */
import type { FieldIssueCode } from '@amiable/domain';
import type { MappableField } from './types.js';

/**
 * Field ordinals. The validator indexes typed arrays with these constants:
 * looking fields up by name in an object of 28 keys that V8 keeps in
 * dictionary mode cost more than all the parsing of a row.
 */
export const F: Readonly<Record<MappableField, number>> = {
  invoiceNumber: 0,
  documentType: 1,
  issueDate: 2,
  dueDate: 3,
  amountExclTax: 4,
  amountInclTax: 5,
  outstanding: 6,
  debit: 7,
  credit: 8,
  currency: 9,
  debtorName: 10,
  debtorKind: 11,
  debtorSiren: 12,
  debtorSiret: 13,
  debtorVat: 14,
  debtorAccountCode: 15,
  debtorEmail: 16,
  debtorPhone: 17,
  contactName: 18,
  debtorAddress1: 19,
  debtorAddress2: 20,
  debtorPostalCode: 21,
  debtorCity: 22,
  debtorCountry: 23,
  orderReference: 24,
  contractReference: 25,
  description: 26,
  paymentReference: 27,
};

export const MAX_NUMBER_LENGTH = 100;
export const MAX_NAME_LENGTH = 300;
export const MAX_TEXT_LENGTH = 500;
export const MAX_DESCRIPTION_LENGTH = 2000;

/** What the parts of a row's validation read cells and report issues through. */
export interface CellReader {
  /** The trimmed cell text ('' when unmapped or empty), reporting too_long beyond `maxLength`. */
  text(field: number, maxLength?: number): string;
  report(field: number, code: FieldIssueCode, params?: Record<string, string | number>): void;
  isMapped(field: number): boolean;
}

export function isDigits(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return text.length > 0;
}

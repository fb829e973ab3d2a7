import type { Cents, IsoDate } from '@amiable/domain';
import type {
  AllocationRecord,
  ContactRecord,
  CreditorRecord,
  DebtorRecord,
  DisputeRecord,
  LedgerInvoice,
  PaymentRecord,
  StoredFile,
} from './records.js';

export interface ActivityEntry {
  readonly id: string;
  readonly occurredAt: Date;
  readonly debtorId: string | null;
  readonly action: string;
  readonly subjectType: string | null;
  readonly subjectId: string | null;
  readonly details: Readonly<Record<string, unknown>>;
}

/**
 * Everything the ledger use cases read and write, bound to one tenant
 * transaction (packages/db implements it). Methods return null for "not found
 * in this tenant" — which is also what another tenant's id looks like.
 */
export interface LedgerStore {
  readonly creditors: {
    get(id: string): Promise<CreditorRecord | null>;
    findBySiren(siren: string): Promise<CreditorRecord | null>;
    list(): Promise<CreditorRecord[]>;
    insert(creditor: CreditorRecord): Promise<'inserted' | 'duplicate-siren'>;
    update(creditor: CreditorRecord): Promise<'updated' | 'duplicate-siren'>;
  };
  readonly debtors: {
    get(id: string): Promise<DebtorRecord | null>;
    findBySiren(siren: string): Promise<DebtorRecord | null>;
    insert(debtor: DebtorRecord, nameKey: string): Promise<'inserted' | 'duplicate-siren'>;
    update(debtor: DebtorRecord, nameKey: string): Promise<'updated' | 'duplicate-siren'>;
    getContact(debtorId: string, contactId: string): Promise<ContactRecord | null>;
    insertContact(contact: ContactRecord, now: Date): Promise<void>;
    updateContact(contact: ContactRecord, now: Date): Promise<void>;
    deleteContact(debtorId: string, contactId: string): Promise<boolean>;
    /** Makes `contactId` the only primary contact of the debtor. */
    clearPrimaryContact(debtorId: string, exceptContactId: string): Promise<void>;
    insertNote(note: {
      id: string;
      debtorId: string;
      body: string;
      authorKind: 'user' | 'api-key';
      authorId: string | null;
      authorLabel: string;
      createdAt: Date;
    }): Promise<void>;
  };
  readonly invoices: {
    get(id: string): Promise<LedgerInvoice | null>;
    /** Locks the row for the rest of the transaction (allocations, disputes). */
    getForUpdate(id: string): Promise<LedgerInvoice | null>;
    insert(invoice: LedgerInvoice): Promise<'inserted' | 'duplicate-number'>;
    update(invoice: LedgerInvoice): Promise<void>;
    openInvoicesOldestFirst(creditorId: string, debtorId: string, currency: string): Promise<LedgerInvoice[]>;
    getOpenDispute(invoiceId: string): Promise<DisputeRecord | null>;
    getDispute(invoiceId: string, disputeId: string): Promise<DisputeRecord | null>;
    insertDispute(dispute: DisputeRecord): Promise<void>;
    resolveDispute(disputeId: string, resolvedAt: Date, resolvedBy: string, resolution: string): Promise<void>;
  };
  readonly payments: {
    get(id: string): Promise<PaymentRecord | null>;
    getForUpdate(id: string): Promise<PaymentRecord | null>;
    insert(payment: PaymentRecord): Promise<void>;
    markReversed(id: string, at: Date, reason: string): Promise<void>;
    insertAllocation(allocation: AllocationRecord): Promise<void>;
    getAllocation(id: string): Promise<AllocationRecord | null>;
    reverseAllocation(id: string, at: Date, reason: string): Promise<void>;
  };
  readonly files: {
    insert(file: StoredFile, createdAt: Date): Promise<void>;
    findBySha256(sha256: Uint8Array): Promise<string | null>;
  };
  readonly activity: {
    record(entry: ActivityEntry, actor: import('./actor.js').Actor): Promise<void>;
  };
  /** The tenant's own rows of the legal rates table. */
  readonly rates: {
    get(halfYear: string): Promise<import('@amiable/legal').RateRow | null>;
    upsert(row: import('@amiable/legal').RateRow): Promise<void>;
  };
}

export type { Cents, IsoDate };

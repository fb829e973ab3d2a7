import type { Cents } from '@amiable/domain';
import type { ColumnMapping, FileFormat, InvoiceRecord, RowIssue } from '@amiable/imports';
import type { Actor } from '../actor.js';

export interface ColumnLabels {
  readonly amount: string;
  readonly currency: string;
  readonly debtor: string;
}

/** The element names of e-invoices, used when a refusal concerns an XML or PDF document. */
export const E_INVOICE_COLUMN_LABELS: Readonly<Record<'cii' | 'ubl' | 'facturx', ColumnLabels>> = {
  cii: { amount: 'DuePayableAmount', currency: 'InvoiceCurrencyCode', debtor: 'BuyerTradeParty' },
  facturx: { amount: 'DuePayableAmount', currency: 'InvoiceCurrencyCode', debtor: 'BuyerTradeParty' },
  ubl: { amount: 'PayableAmount', currency: 'DocumentCurrencyCode', debtor: 'AccountingCustomerParty' },
};

/** A validated record with everything the set-based write needs decided in advance. */
export interface StagedInvoice {
  readonly record: InvoiceRecord;
  /** Used if the invoice is new. */
  readonly invoiceId: string;
  /** The debtor identity the row designates: "siren:…", "account:…" or "name:…". */
  readonly debtorKey: string;
  readonly debtorNameKey: string;
  /** Used if no existing debtor matches. */
  readonly newDebtorId: string;
  /** The original document to link to the invoice (e-invoices), if any. */
  readonly documentFileId: string | null;
}

export interface ApplyOutcome {
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Rows refused only once compared with the ledger (e.g. a new amount below what is already paid). */
  readonly rejected: readonly RowIssue[];
  /** Outstanding amount of the file's invoices after the import, per currency. */
  readonly outstandingByCurrency: ReadonlyMap<string, Cents>;
}

/**
 * One import inside one tenant transaction: rows are streamed into a staging
 * table (COPY), then matched and written with a few set-based statements.
 */
export interface ImportSession {
  stage(row: StagedInvoice): Promise<void>;
  apply(options: {
    readonly creditorId: string;
    readonly importId: string;
    readonly now: Date;
    readonly actor: Actor;
    /** How the file names the columns a ledger refusal points at. */
    readonly columnLabels: ColumnLabels;
  }): Promise<ApplyOutcome>;
}

export type ImportMode = 'all-or-nothing' | 'valid-rows-only';
export type ImportStatus = 'pending' | 'queued' | 'running' | 'completed' | 'rejected' | 'failed';

export interface ImportBatchRecord {
  readonly id: string;
  readonly creditorId: string | null;
  readonly filename: string;
  readonly format: FileFormat;
  readonly fileId: string | null;
  readonly sha256: Uint8Array;
  readonly status: ImportStatus;
  readonly mode: ImportMode;
  readonly settings: { readonly mapping?: ColumnMapping; readonly sheet?: string; readonly rememberMapping?: boolean };
  readonly counts: { readonly created: number; readonly updated: number; readonly unchanged: number; readonly rejected: number };
  readonly rejectedRows: readonly RowIssue[];
  readonly outstandingByCurrency: Readonly<Record<string, Cents>>;
  readonly errorCode: string | null;
  readonly actor: Actor;
  readonly createdAt: Date;
  readonly startedAt: Date | null;
  readonly finishedAt: Date | null;
}

export interface ImportRepository {
  insertBatch(batch: ImportBatchRecord): Promise<void>;
  getBatch(id: string): Promise<ImportBatchRecord | null>;
  /** Moves a batch from one status to the next; false when it was not in `from` (already confirmed, running…). */
  transition(id: string, from: readonly ImportStatus[], to: ImportStatus, changes: Partial<ImportBatchRecord>): Promise<boolean>;
  findMapping(headerSignature: string): Promise<ColumnMapping | null>;
  saveMapping(headerSignature: string, mapping: ColumnMapping, now: Date): Promise<void>;
}

/** Rejected rows kept with an import: enough to fix a file, bounded so a broken million-row file stays storable. */
export const MAX_STORED_REJECTIONS = 10_000;

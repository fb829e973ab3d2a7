import { type Cents, type Result, err, formatDecimalAmount, ok } from '@amiable/domain';
import type { FileFormat, InvoiceRecord, ReadItem, RowIssue } from '@amiable/imports';
import type { UseCaseContext } from '../actor.js';
import { nameKey } from '../normalize.js';
import type { CreditorRecord } from '../records.js';
import type { ColumnLabels, ImportMode, ImportSession } from './ports.js';

export interface ImportOutcome {
  readonly rows: number;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly rejected: readonly RowIssue[];
  readonly outstandingByCurrency: ReadonlyMap<string, Cents>;
}

/** The identity a row designates, in the order imports match debtors: SIREN, then account code, then exact name. */
export function debtorKeyOf(record: InvoiceRecord, keyOfName: (name: string) => string = nameKey): string {
  const siren = record.debtor.siren ?? record.debtor.siret?.slice(0, 9) ?? null;
  if (siren) return `siren:${siren}`;
  if (record.debtor.accountCode) return `account:${record.debtor.accountCode.trim()}`;
  return `name:${keyOfName(record.debtor.name)}`;
}

/** Distinct debtor names remembered at most (a file of a million different names must not keep them all). */
const NAME_KEY_CACHE_LIMIT = 100_000;

function sellerIssue(record: InvoiceRecord, creditor: CreditorRecord, format: FileFormat): RowIssue | null {
  const seller = record.seller?.siren;
  if (!seller || !creditor.siren || seller === creditor.siren) return null;
  return {
    line: record.line,
    column: format === 'ubl' ? 'AccountingSupplierParty' : 'SellerTradeParty',
    code: 'creditor_mismatch',
    params: { value: seller, expected: creditor.siren },
  };
}

/**
 * Imports invoice records for one creditor, inside the caller's transaction.
 * Every bad row is reported with its line and column; none is dropped. Whether
 * the transaction then commits is the caller's decision (see
 * `shouldCommitImport`): never for a dry run, never in all-or-nothing mode when
 * a row was rejected.
 */
export async function importInvoices(
  items: AsyncIterable<ReadItem>,
  options: {
    readonly creditor: CreditorRecord;
    readonly importId: string;
    readonly mode: ImportMode;
    readonly format: FileFormat;
    readonly columnLabels: ColumnLabels;
    /** The stored original document, linked to every invoice of the file (e-invoices). */
    readonly documentFileId?: string | null | undefined;
  },
  ctx: UseCaseContext,
  session: ImportSession,
): Promise<Result<ImportOutcome>> {
  const rejected: RowIssue[] = [];
  const newDebtorIds = new Map<string, string>();
  // nameKey (Unicode decomposition and three regular expressions) per row was a visible
  // share of a million-row import; a file names each debtor the same way on all its rows.
  const nameKeys = new Map<string, string>();
  const nameKeyOf = (name: string): string => {
    let key = nameKeys.get(name);
    if (key === undefined) {
      key = nameKey(name);
      if (nameKeys.size >= NAME_KEY_CACHE_LIMIT) nameKeys.clear();
      nameKeys.set(name, key);
    }
    return key;
  };
  let rows = 0;
  for await (const item of items) {
    rows++;
    if ('issues' in item) {
      rejected.push(...item.issues);
      continue;
    }
    const mismatch = sellerIssue(item.record, options.creditor, options.format);
    if (mismatch) {
      rejected.push(mismatch);
      continue;
    }
    const debtorKey = debtorKeyOf(item.record, nameKeyOf);
    let newDebtorId = newDebtorIds.get(debtorKey);
    if (!newDebtorId) {
      newDebtorId = ctx.ids.newId();
      newDebtorIds.set(debtorKey, newDebtorId);
    }
    await session.stage({
      record: item.record,
      invoiceId: ctx.ids.newId(),
      debtorKey,
      debtorNameKey: nameKeyOf(item.record.debtor.name),
      newDebtorId,
      documentFileId: options.documentFileId ?? null,
    });
  }
  if (rows === 0) return err('IMPORT_EMPTY_FILE');
  const applied = await session.apply({
    creditorId: options.creditor.id,
    importId: options.importId,
    now: ctx.clock.now(),
    actor: ctx.actor,
    columnLabels: options.columnLabels,
  });
  rejected.push(...applied.rejected);
  rejected.sort((a, b) => a.line - b.line);
  const outcome: ImportOutcome = {
    rows,
    created: applied.created,
    updated: applied.updated,
    unchanged: applied.unchanged,
    rejected,
    outstandingByCurrency: applied.outstandingByCurrency,
  };
  return ok(outcome);
}

export function shouldCommitImport(outcome: Result<ImportOutcome>, mode: ImportMode, dryRun: boolean): boolean {
  return !dryRun && outcome.ok && !(mode === 'all-or-nothing' && outcome.value.rejected.length > 0);
}

export function totalOutstandingEur(outcome: { outstandingByCurrency: ReadonlyMap<string, Cents> }): string {
  return formatDecimalAmount(outcome.outstandingByCurrency.get('EUR') ?? 0);
}

import type { LedgerStore } from '@amiable/ledger';
import type { Tx } from '../tenant-transaction.js';
import { activityRepository, fileRepository } from './activity-repository.js';
import { creditorRepository } from './creditor-repository.js';
import { debtorRepository } from './debtor-repository.js';
import { invoiceRepository } from './invoice-repository.js';
import { paymentRepository } from './payment-repository.js';
import { rateRepository } from './rate-repository.js';

/** The ledger use cases' store, bound to one tenant transaction. */
export function ledgerStore(tx: Tx): LedgerStore {
  return {
    creditors: creditorRepository(tx),
    debtors: debtorRepository(tx),
    invoices: invoiceRepository(tx),
    payments: paymentRepository(tx),
    files: fileRepository(tx),
    activity: activityRepository(tx),
    rates: rateRepository(tx),
  };
}

export * from './ledger-store.js';
export * from './import-repository.js';
export * from './import-session.js';
export { invoiceOf, type InvoiceRow } from './invoice-repository.js';
export { debtorOf, type DebtorRow, contactOf, type ContactRow } from './debtor-repository.js';
export { creditorOf } from './creditor-repository.js';
export { paymentOf, type PaymentRow } from './payment-repository.js';
export * from './import-unit-of-work.js';

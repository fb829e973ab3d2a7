export * from './cursor.js';
export * from './invoice-queries.js';
export * from './invoice-detail.js';
export * from './debtor-queries.js';
export * from './payment-queries.js';
export * from './misc-queries.js';
export * from './import-queries.js';
export * from './claim-queries.js';

export * from './common.js';
export * from './auth.js';
export * from './ledger.js';
export * from './imports.js';
export * from './legal.js';
export * from './recovery.js';
export * from './recovery-campaigns.js';
export * from './letters.js';

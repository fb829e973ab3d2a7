export * from './types.js';
export { detectFormat } from './detect-format.js';
export { guessMapping, headerSignature, missingRequiredFields } from './header-mapping.js';
export { previewTable, type PreviewOptions } from './preview-table.js';
export { openTable, readTable, TableReadError, type OpenedTable, type TableSource } from './read-table.js';
export { readEInvoice, type EInvoiceReading } from './read-einvoice.js';
export { facturxProfileName } from './einvoice-record.js';
export { parseAmount, detectDecimalSeparator, type DecimalSeparator, type AmountResult } from './amount.js';
export { parseDate } from './date.js';

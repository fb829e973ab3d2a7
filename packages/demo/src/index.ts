export type * from './types.js';
export { buildDemoPortfolio, type DemoPortfolioOptions } from './build-demo-portfolio.js';
export { DEMO_PASSWORD, SERVICES_CREDITOR_KEY } from './demo-company.js';
export { generateInvoiceCsv, INVOICE_CSV_HEADER, type InvoiceCsvOptions } from './generate-invoice-csv.js';

/**
 * Not a test: measures how fast generateInvoiceCsv produces rows, UTF-8
 * encoding included (what writing to a file or stdout costs on top of
 * generation). Run from the repository root:
 *
 *   npx tsx packages/demo/test/measure-csv-speed.ts [rows=1000000] [runs=3]
 */
import { generateInvoiceCsv } from '../src/index.js';

const rows = Number(process.argv[2] ?? 1_000_000);
const runs = Number(process.argv[3] ?? 3);

for (let run = 1; run <= runs; run++) {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  let bytes = 0;
  for (const chunk of generateInvoiceCsv({ invoices: rows, seed: run, today: '2026-11-23' })) bytes += Buffer.byteLength(chunk, 'utf8');
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  console.log(
    `run ${run}: ${rows} rows, ${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(2)} s ` +
      `(${Math.round(rows / seconds).toLocaleString('en')} rows/s, ${(bytes / 1e6 / seconds).toFixed(0)} MB/s; ` +
      `CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s)`,
  );
}

/**
 * Parsing + validation throughput of readTable on a large CSV (not a test:
 * timing on shared CI machines would make it flaky).
 *
 *   npx tsx packages/imports/test/throughput.ts [file.csv] [--rows=1000000]
 *
 * Without a file, writes a French open-items export of --rows rows to the
 * temporary directory first (same columns as the demo generator's).
 */
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { readTable } from '../src/index.js';

const args = process.argv.slice(2);
const rows = Number(args.find((arg) => arg.startsWith('--rows='))?.slice(7) ?? 1_000_000);
let file = args.find((arg) => !arg.startsWith('--'));
let generated = false;

if (!file) {
  file = path.join(tmpdir(), `amiable-throughput-${process.pid}.csv`);
  generated = true;
  await writeSample(file, rows);
}

let records = 0;
let rejected = 0;
let peakRss = 0;
const started = performance.now();
const cpuStart = process.cpuUsage();
for await (const item of readTable({ path: file })) {
  if ('record' in item) records++;
  else rejected++;
  if ((records + rejected) % 100_000 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
}
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuStart);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const total = records + rejected;
console.log(
  `${total} rows (${records} records, ${rejected} rejected) in ${seconds.toFixed(2)} s: ${Math.round(total / seconds)} rows/s ` +
    `(CPU ${cpuSeconds.toFixed(2)} s, ${Math.round(total / cpuSeconds)} rows per CPU-second), peak RSS ${Math.round(peakRss / 1e6)} MB`,
);
if (generated) await rm(file);

async function writeSample(target: string, count: number): Promise<void> {
  const out = createWriteStream(target);
  out.write(
    "N° facture;Type;Date facture;Date d'échéance;Montant HT;Montant TTC;Reste dû;Devise;Code client;Raison sociale;SIREN;Email;Téléphone;Adresse;Code postal;Ville\r\n",
  );
  const sirens = ['414400267', '703952838', '123456782', '987654324'];
  let chunk = '';
  for (let i = 1; i <= count; i++) {
    const excl = 4_500 + ((i * 7_919) % 900_000);
    const incl = excl + Math.floor(excl / 5);
    const day = 1 + (i % 28);
    const credit = i % 100 === 0;
    const amount = (cents: number) => `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
    chunk += `${credit ? 'AV' : 'FA'}-${String(i).padStart(9, '0')};${credit ? 'Avoir' : 'Facture'};${String(day).padStart(2, '0')}/03/2025;${String(day).padStart(2, '0')}/04/2025;${amount(excl)};${amount(incl)};${amount(incl)};EUR;C${String(i % 50_000).padStart(6, '0')};Société Exemple ${i % 50_000};${sirens[i % 4]};compta@exemple-${i % 50_000}.fr;01 23 45 67 89;${i % 200} rue de la République;69001;Lyon\r\n`;
    if (chunk.length > 65_536) {
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      chunk = '';
    }
  }
  out.end(chunk);
  await finished(out);
}

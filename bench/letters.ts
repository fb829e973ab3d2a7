/**
 * Issue 5, letters: "one-page PDF/A letters with a table of three invoices and a QR
 * code at ≥ 80 per second per core, and at least half the rate at which the same
 * engine produces a minimal one-page PDF in the same run (report both rates and the
 * ratio); a batch of 10,000 letters uses both cores".
 *
 *   npm run bench -- letters [--rows 1000] [--runs 3] [--batch 10000]
 *
 * Per core: --rows letters rendered one after the other in this thread (each a
 * different debtor and different amounts, so nothing is cached between them),
 * then --rows minimal one-page PDF/A from the same Typst compiler; --runs times,
 * alternating the order; medians. Batch: --batch letters over one worker thread
 * per core; the process's CPU time over the wall time says how many cores worked.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { renderLetter, renderMinimalPdf } from '@amiable/letters';
import { benchArgs } from './lib/args.js';
import { benchLetter } from './lib/letter-inputs.js';
import { environment, median, round, writeResult } from './lib/report.js';

const args = benchArgs({ rows: 1000, runs: 3, extra: { batch: 10_000 } });
const batch = args.extra.batch as number;
const log = (message: string) => console.log(message);

async function letters(count: number): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const out = await renderLetter(benchLetter(i), { lang: 'fr' });
    if (!out.ok) throw new Error(JSON.stringify(out));
  }
  return count / ((performance.now() - started) / 1000);
}

function minimal(count: number): number {
  const started = performance.now();
  for (let i = 0; i < count; i++) renderMinimalPdf(`Lettre ${i}`);
  return count / ((performance.now() - started) / 1000);
}

async function pool(total: number, threads: number): Promise<{ seconds: number; coresUsed: number; bytes: number }> {
  const workers = Array.from({ length: threads }, () => new Worker(new URL('./lib/letter-worker.mjs', import.meta.url)));
  // Warm each thread (font loading, first compilation) before the clock starts.
  await Promise.all(
    workers.map(
      (w) =>
        new Promise((resolve, reject) => {
          w.once('message', resolve);
          w.once('error', reject);
          w.postMessage({ from: 0, count: 5 });
        }),
    ),
  );
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const chunk = 100;
  let next = 0;
  let bytes = 0;
  await Promise.all(
    workers.map(
      (w) =>
        new Promise<void>((resolve, reject) => {
          const send = () => {
            if (next >= total) return resolve();
            const count = Math.min(chunk, total - next);
            w.postMessage({ from: next, count });
            next += count;
          };
          w.on('message', (m: { bytes: number }) => {
            bytes += m.bytes;
            send();
          });
          w.on('error', reject);
          send();
        }),
    ),
  );
  const wall = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  await Promise.all(workers.map((w) => w.terminate()));
  return { seconds: wall, coresUsed: (cpu.user + cpu.system) / 1e6 / wall, bytes };
}

log(`letters: ${args.rows} letters and ${args.rows} minimal PDFs per run, ${args.runs} runs; batch of ${batch}`);
await letters(20);
minimal(20);
const runs: { run: number; lettersPerSecond: number; minimalPerSecond: number; ratio: number }[] = [];
for (let run = 1; run <= args.runs; run++) {
  let l: number;
  let m: number;
  if (run % 2 === 1) {
    l = await letters(args.rows);
    m = minimal(args.rows);
  } else {
    m = minimal(args.rows);
    l = await letters(args.rows);
  }
  runs.push({ run, lettersPerSecond: round(l, 1), minimalPerSecond: round(m, 1), ratio: round(l / m, 3) });
  log(`  run ${run}: letters ${round(l, 1)}/s, minimal ${round(m, 1)}/s, ratio ${round(l / m, 3)}`);
}
const lettersPerSecond = median(runs.map((r) => r.lettersPerSecond));
const minimalPerSecond = median(runs.map((r) => r.minimalPerSecond));
const cores = os.cpus().length;
log(`  batch: ${batch} letters over ${cores} worker threads…`);
const b = await pool(batch, cores);
log(`  batch: ${round(b.seconds, 1)} s, ${round(batch / b.seconds, 1)} letters/s, ${round(b.coresUsed, 2)} cores busy`);

const result = {
  benchmark: 'letters',
  target:
    'one-page PDF/A letters (3 invoices, QR code) ≥ 80/s per core and ≥ 0.5 × the minimal one-page PDF rate of the same engine; a 10,000-letter batch uses both cores',
  environment: environment({ kind: 'none', version: '-' }),
  lettersPerRun: args.rows,
  medianLettersPerSecondPerCore: lettersPerSecond,
  medianMinimalPerSecond: minimalPerSecond,
  medianRatio: median(runs.map((r) => r.ratio)),
  runs,
  batch: {
    letters: batch,
    threads: cores,
    seconds: round(b.seconds, 2),
    lettersPerSecond: round(batch / b.seconds, 1),
    coresBusy: round(b.coresUsed, 2),
    averageBytes: Math.round(b.bytes / batch),
  },
  passes: lettersPerSecond >= 80 && median(runs.map((r) => r.ratio)) >= 0.5 && b.coresUsed >= Math.min(cores, 2) * 0.8,
};
log(
  `  median: letters ${lettersPerSecond}/s per core, minimal ${minimalPerSecond}/s, ratio ${result.medianRatio} → ${result.passes ? 'target met' : 'target NOT met'}`,
);
log(`  written to ${await writeResult('letters', result)}`);

import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const RESULTS_DIR = fileURLToPath(new URL('../results/', import.meta.url));

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export function round(value: number, digits = 3): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Where the figures come from: they mean little without the machine and versions. */
export function environment(postgres: { kind: string; version: string }) {
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    node: process.version,
    postgres: { server: postgres.kind, version: postgres.version },
    machine: {
      cpus: cpus.length,
      model: cpus[0]?.model ?? 'unknown',
      memoryGiB: round(os.totalmem() / 2 ** 30, 1),
      platform: `${os.type()} ${os.release()} ${os.arch()}`,
      loadAverageAtEnd: os.loadavg().map((value) => round(value, 2)),
    },
    command: `npm run bench -- ${process.argv
      .slice(1)
      .map((arg) => path.basename(arg, '.ts'))
      .join(' ')}`.replace(/ +/g, ' '),
  };
}

export async function writeResult(name: string, result: unknown): Promise<string> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}-${new Date().toISOString().slice(0, 10)}.json`);
  await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
  return path.relative(process.cwd(), file);
}

/** Samples the process's resident set size while `fn` runs (every 50 ms), for a peak figure. */
export async function withPeakRss<T>(fn: () => Promise<T>): Promise<{ value: T; peakRssBytes: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  try {
    const value = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, peakRssBytes: peak };
  } finally {
    clearInterval(timer);
  }
}

export function seconds(startedAt: number): number {
  return (performance.now() - startedAt) / 1000;
}

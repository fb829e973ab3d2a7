import { parseArgs } from 'node:util';

export interface BenchArgs {
  readonly rows: number;
  readonly runs: number;
  /** Extra numeric flags of one benchmark (e.g. --duration, --connections). */
  readonly extra: Readonly<Record<string, number>>;
}

function integer(value: string | undefined, flag: string, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value.replace(/_/g, ''));
  if (!Number.isSafeInteger(parsed) || parsed < min) throw new Error(`${flag} expects an integer ≥ ${min}, got ${value}`);
  return parsed;
}

/** `--rows N --runs N` plus the benchmark's own integer flags, each with its default. */
export function benchArgs(defaults: { rows: number; runs: number; extra?: Record<string, number> }): BenchArgs {
  const extraDefaults = defaults.extra ?? {};
  const options: Record<string, { type: 'string' }> = { rows: { type: 'string' }, runs: { type: 'string' } };
  for (const key of Object.keys(extraDefaults)) options[key] = { type: 'string' };
  const { values } = parseArgs({ args: process.argv.slice(2), options, strict: true, allowPositionals: false });
  const text = values as Record<string, string | undefined>;
  const extra: Record<string, number> = {};
  for (const [key, fallback] of Object.entries(extraDefaults)) extra[key] = integer(text[key], `--${key}`, fallback, 0);
  return { rows: integer(text.rows, '--rows', defaults.rows, 1), runs: integer(text.runs, '--runs', defaults.runs, 1), extra };
}

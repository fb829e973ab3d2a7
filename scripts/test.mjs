#!/usr/bin/env node
/**
 * npm test: the static checks (format and lint, types, architecture boundaries),
 * then the whole test suite on a real PostgreSQL — the bundled one, or the
 * server of DATABASE_URL. Writes test-report.json and ends with a plain
 * "N passed, N failed" line; exits non-zero on any failure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const bin = (name) => `node_modules/.bin/${name}`;
const checks = [
  { name: 'format and lint (biome)', command: [bin('biome'), 'check', '.'] },
  { name: 'types (tsc)', command: [bin('tsc'), '-p', 'tsconfig.json'] },
  { name: 'types of the web app (tsc)', command: [bin('tsc'), '-p', 'apps/web/tsconfig.json'] },
  {
    name: 'architecture boundaries (dependency-cruiser)',
    command: [bin('depcruise'), '--config', '.dependency-cruiser.cjs', 'packages', 'apps'],
  },
];

const results = [];
for (const check of checks) {
  const started = Date.now();
  process.stdout.write(`▶ ${check.name}\n`);
  const run = spawnSync(check.command[0], check.command.slice(1), { stdio: 'inherit' });
  const ok = run.status === 0;
  results.push({ name: check.name, ok, seconds: (Date.now() - started) / 1000 });
  process.stdout.write(`${ok ? '✔' : '✘'} ${check.name} (${((Date.now() - started) / 1000).toFixed(1)} s)\n\n`);
}

const reportFile = 'test-report.vitest.json';
rmSync(reportFile, { force: true });
process.stdout.write('▶ tests (vitest)\n');
const vitest = spawnSync(
  bin('vitest'),
  ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`, ...process.argv.slice(2)],
  {
    stdio: 'inherit',
  },
);

let passed = results.filter((r) => r.ok).length;
let failed = results.filter((r) => !r.ok).length;
let skipped = 0;
if (existsSync(reportFile)) {
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  // A file that failed to load has no test results but still fails the run.
  const brokenFiles = (report.testResults ?? []).filter(
    (file) => file.status === 'failed' && (file.assertionResults ?? []).length === 0,
  ).length;
  failed += brokenFiles;
} else {
  failed += 1;
}
if (vitest.status !== 0 && failed === 0) failed += 1;

writeFileSync('test-report.json', `${JSON.stringify({ checks: results, vitest: reportFile, passed, failed, skipped }, null, 2)}\n`);
for (const r of results) if (!r.ok) process.stdout.write(`✘ ${r.name}\n`);
process.stdout.write(`${passed} passed, ${failed} failed${skipped ? ` (${skipped} skipped)` : ''}\n`);
process.exit(failed > 0 ? 1 : 0);

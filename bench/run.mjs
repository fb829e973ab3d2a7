#!/usr/bin/env node
// `npm run bench -- NAME [flags]`: runs bench/NAME.ts through tsx (the sources are
// TypeScript, as everywhere else in the repository), passing the flags on.
// Without a name, lists the benchmarks.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(here);
const names = readdirSync(here)
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
  .map((file) => file.slice(0, -3))
  .sort();

const [name, ...args] = process.argv.slice(2);
if (!name || name === '--help' || name === '-h') {
  console.log('Usage: npm run bench -- NAME [--runs N] [--rows N]\n');
  console.log(`Benchmarks: ${names.join(', ')} (see bench/README.md)`);
  process.exit(0);
}
if (!names.includes(name)) {
  console.error(`Unknown benchmark "${name}". Benchmarks: ${names.join(', ')}`);
  process.exit(2);
}

const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, `${name}.ts`), ...args], { cwd: root, stdio: 'inherit' });
// Ctrl-C reaches the child through the terminal's process group; the child cleans up its databases.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => {
  process.exitCode = code ?? (signal ? 1 : 0);
});

import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { generateInvoiceCsv } from '@amiable/demo';
import { parisDateOf } from '@amiable/domain';
import { systemClock } from '@amiable/system';
import { parseFlags, positiveInteger } from '../args.js';
import type { Io } from '../io.js';

export const GENERATE_HELP = {
  fr: `amiable generate --invoices N [--debtors N] [--seed S] [--out FICHIER]

Écrit un fichier CSV synthétique de N factures au format d'un export comptable français (« ; », décimales à virgule,
dates JJ/MM/AAAA), pour les mesures de performance. Mémoire bornée : 1 000 000 de lignes et plus.
Sans --out, le CSV sort sur la sortie standard.`,
  en: `amiable generate --invoices N [--debtors N] [--seed S] [--out FILE]

Writes a synthetic CSV of N invoices in the format of a French accounting export (";", decimal comma,
DD/MM/YYYY dates), for benchmarks. Bounded memory: 1,000,000 rows and more.
Without --out, the CSV goes to standard output.`,
};

export async function generateCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values } = parseFlags(
    argv,
    { invoices: { type: 'string' }, debtors: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' } },
    io.fr,
  );
  if (values.help) return io.help(GENERATE_HELP);
  const invoices = positiveInteger(values.invoices, '--invoices', io.fr, 100_000_000);
  const debtors = values.debtors === undefined ? undefined : positiveInteger(values.debtors, '--debtors', io.fr, 10_000_000);
  const seed = values.seed === undefined ? 1 : positiveInteger(values.seed, '--seed', io.fr, 2 ** 31);
  const out = values.out ? createWriteStream(values.out) : process.stdout;
  if (!values.out) io.dataMode();
  for await (const chunk of generateInvoiceCsv({
    invoices,
    seed,
    today: parisDateOf(systemClock.now()),
    ...(debtors ? { debtors } : {}),
  })) {
    if (!out.write(chunk)) await once(out, 'drain');
  }
  if (values.out) {
    out.end();
    await once(out, 'finish');
    io.log(io.fr ? `${invoices} factures écrites dans ${values.out}` : `${invoices} invoices written to ${values.out}`);
  }
  return 0;
}

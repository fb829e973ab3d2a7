import { parseFlags } from '../args.js';
import type { Io } from '../io.js';
import { openRuntime, readConfig } from '../runtime.js';

export const MIGRATE_HELP = {
  fr: `amiable migrate

Applique les migrations SQL en attente (packages/db/migrations) à la base de DATABASE_URL ou à la base intégrée.
Sans danger si plusieurs processus démarrent en même temps. « start » et « worker » le font aussi au démarrage.`,
  en: `amiable migrate

Applies pending SQL migrations (packages/db/migrations) to the DATABASE_URL database or the bundled one.
Safe when several processes start at once. "start" and "worker" also do it when they start.`,
};

export async function migrateCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values } = parseFlags(argv, {}, io.fr);
  if (values.help) return io.help(MIGRATE_HELP);
  const runtime = await openRuntime(readConfig(), { log: io.log });
  await runtime.close();
  io.log(io.fr ? 'Base de données à jour.' : 'Database up to date.');
  return 0;
}

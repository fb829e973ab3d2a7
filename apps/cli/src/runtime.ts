/**
 * Opens the database the command works on: the server of DATABASE_URL, or the
 * bundled PostgreSQL in the data folder (started, or joined if another
 * process already runs it), migrated to this version.
 */
import { type Config, loadConfig } from '@amiable/config';
import { type BundledPostgres, type Database, ensureDatabase, migrate, openDatabase, startBundledPostgres } from '@amiable/db';
import { UsageError } from './args.js';

export interface Runtime {
  readonly config: Config;
  readonly db: Database;
  readonly bundled: BundledPostgres | null;
  close(): Promise<void>;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const loaded = loadConfig(env, process.cwd());
  if (!loaded.ok) {
    const fr = !/^en/i.test(env.AMIABLE_LOCALE || env.LC_ALL || env.LC_MESSAGES || env.LANG || '');
    throw new UsageError(
      `${fr ? 'Configuration invalide' : 'Invalid configuration'} :\n${loaded.problems.map((p) => `  - ${p.message}`).join('\n')}`,
    );
  }
  return loaded.value;
}

const BUNDLED_DATABASE = 'amiable';

export async function openRuntime(config: Config, options: { log: (message: string) => void; appPoolSize?: number }): Promise<Runtime> {
  let bundled: BundledPostgres | null = null;
  let url: string;
  if (config.databaseUrl) {
    url = config.databaseUrl;
  } else {
    bundled = await startBundledPostgres({ dataDir: config.dataDir, log: options.log });
    url = await ensureDatabase(bundled.url, BUNDLED_DATABASE);
  }
  try {
    const report = await migrate(url, { log: options.log });
    if (report.applied.length > 0) options.log(`${report.applied.length} migration(s) → schema ${report.current}`);
  } catch (error) {
    await bundled?.stop();
    throw error;
  }
  const db = openDatabase(url, { appPoolSize: options.appPoolSize ?? 20 });
  let closed = false;
  return {
    config,
    db,
    bundled,
    async close() {
      if (closed) return;
      closed = true;
      await db.close();
      await bundled?.stop();
    },
  };
}

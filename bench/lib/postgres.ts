/**
 * The benchmark's own PostgreSQL: the bundled server in a temporary folder, or
 * the server of DATABASE_URL when set. Either way every database the benchmark
 * makes is named amiable_bench_<run id>_… and dropped at the end, and a bundled
 * server is stopped and its folder removed (also on Ctrl-C).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { migrate, startBundledPostgres } from '@amiable/db';
import pg from 'pg';

export interface BenchServer {
  readonly kind: 'bundled' | 'DATABASE_URL';
  /** `SELECT version()`. */
  readonly version: string;
  /** A new empty database, migrated unless told otherwise (or cloned from `template`); returns its admin URL. */
  createDatabase(label: string, options?: { template?: string; migrate?: boolean }): Promise<{ name: string; url: string }>;
  dropDatabase(name: string): Promise<void>;
  /** Runs a statement as the admin user on the server's maintenance database (CHECKPOINT…). */
  admin(text: string): Promise<pg.QueryResult>;
  close(): Promise<void>;
}

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function startBenchServer(log: (message: string) => void): Promise<BenchServer> {
  const runId = randomBytes(4).toString('hex');
  const external = process.env.DATABASE_URL;
  let dataDir: string | null = null;
  let stopServer: () => Promise<void> = async () => undefined;
  let serverUrl: string;
  if (external) {
    serverUrl = external;
    log(`PostgreSQL: the server of DATABASE_URL (${new URL(external).host})`);
  } else {
    dataDir = await mkdtemp(path.join(tmpdir(), 'amiable-bench-pg-'));
    const server = await startBundledPostgres({ dataDir });
    serverUrl = server.url;
    stopServer = server.stop;
    log(`PostgreSQL: bundled, in ${dataDir}`);
  }
  const maintenance = new pg.Client({ connectionString: serverUrl, application_name: 'amiable-bench' });
  await maintenance.connect();
  const version = (await maintenance.query<{ version: string }>('SELECT version()')).rows[0]?.version ?? 'unknown';
  const created = new Set<string>();
  let closed = false;

  const close = async () => {
    if (closed) return;
    closed = true;
    for (const name of created) await maintenance.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await maintenance.end().catch(() => undefined);
    await stopServer().catch(() => undefined);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  };
  // Ctrl-C in the middle of a run still drops the databases and stops the server.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    // `on`, not `once`: the launcher forwards the terminal's signal too, and a second one must not kill the cleanup.
    process.on(signal, () => {
      if (closed) return;
      log(`\n${signal}: cleaning up…`);
      close().finally(() => process.exit(130));
    });
  }

  let counter = 0;
  return {
    kind: external ? 'DATABASE_URL' : 'bundled',
    version,
    async createDatabase(label, options = {}) {
      counter++;
      const name = `amiable_bench_${runId}_${counter}_${label.replace(/[^a-z0-9_]/g, '_')}`;
      created.add(name);
      for (let attempt = 0; ; attempt++) {
        try {
          await maintenance.query(options.template ? `CREATE DATABASE ${name} TEMPLATE ${options.template}` : `CREATE DATABASE ${name}`);
          break;
        } catch (error) {
          // A pool just closed on the template may still have a backend exiting: wait for it.
          if (attempt > 50 || !/being accessed by other users/.test((error as Error).message)) throw error;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
      const url = databaseUrl(serverUrl, name);
      if (!options.template && options.migrate !== false) await migrate(url);
      return { name, url };
    },
    async dropDatabase(name) {
      await maintenance.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      created.delete(name);
    },
    admin: (text) => maintenance.query(text),
    close,
  };
}

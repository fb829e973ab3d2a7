/**
 * Vitest global setup: one PostgreSQL server for the whole run — the server of
 * DATABASE_URL when set (CI's second pass uses 127.0.0.1:5432), otherwise a
 * bundled PostgreSQL in a fresh temporary folder — and one migrated template
 * database that each test file clones (CREATE DATABASE … TEMPLATE), so files
 * run in parallel on databases of their own. Everything created is dropped at
 * the end.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { migrate, startBundledPostgres } from '@amiable/db';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { databaseUrl } from './urls.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
    pgRunId: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const runId = randomBytes(4).toString('hex');
  const external = process.env.DATABASE_URL;
  let stopServer: () => Promise<void> = async () => undefined;
  let adminUrl: string;
  let dataDir: string | null = null;
  if (external) {
    adminUrl = external;
  } else {
    dataDir = await mkdtemp(path.join(tmpdir(), 'amiable-test-pg-'));
    const server = await startBundledPostgres({ dataDir });
    adminUrl = server.url;
    stopServer = server.stop;
  }
  const template = `amiable_tpl_${runId}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${template}`);
    await migrate(databaseUrl(adminUrl, template));
  } catch (error) {
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`).catch(() => undefined);
    await admin.end().catch(() => undefined);
    await stopServer();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  project.provide('pgAdminUrl', adminUrl);
  project.provide('pgTemplate', template);
  project.provide('pgRunId', runId);

  return async () => {
    const { rows } = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [
      `amiable_%${runId}%`,
    ]);
    for (const { datname } of rows) {
      await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`).catch(() => undefined);
    }
    await admin.end();
    await stopServer();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  };
}

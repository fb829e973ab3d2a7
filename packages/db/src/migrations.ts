/**
 * Numbered, forward-only plain-SQL migrations (packages/db/migrations/NNNN_name.sql).
 * Safe when several processes start at once: a session advisory lock serialises
 * runners, each file runs in its own transaction, and its row in
 * amiable_meta.migration is inserted first, so a second runner that slipped in
 * would fail on the primary key instead of applying a file twice.
 * An applied file whose text changed, or a database newer than the code, stops
 * the start with a message rather than running on a schema we do not know.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Logger, runMigrations as runQueueMigrations } from 'graphile-worker';
import pg from 'pg';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/', import.meta.url));

// The 64-bit advisory-lock key that serialises migration runners.
const MIGRATION_LOCK_KEY = '27423372113767525'; // "amiable" in ASCII (0x616d6961626c65), written in decimal: PostgreSQL 15 has no hex literals

const silentLogger = new Logger(() => () => undefined);

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
  readonly checksum: string;
}

export async function loadMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.sql')).sort();
  const seen = new Map<number, string>();
  const migrations: Migration[] = [];
  for (const file of files) {
    const match = /^(\d{4})_([a-z0-9_]+)\.sql$/.exec(file);
    if (!match) throw new Error(`Migration file name must be NNNN_name.sql: ${file}`);
    const version = Number(match[1]);
    const previous = seen.get(version);
    if (previous) throw new Error(`Two migrations share number ${match[1]}: ${previous} and ${file}`);
    seen.set(version, file);
    const sql = await readFile(path.join(dir, file), 'utf8');
    migrations.push({ version, name: match[2] as string, sql, checksum: createHash('sha256').update(sql).digest('hex') });
  }
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1)
      throw new Error(`Migrations must be numbered without gaps: expected ${index + 1}, found ${migration.version}`);
  });
  return migrations;
}

export interface MigrationReport {
  readonly applied: readonly string[];
  readonly current: number;
}

export async function migrate(adminUrl: string, options: { log?: (message: string) => void } = {}): Promise<MigrationReport> {
  const log = options.log ?? (() => undefined);
  const migrations = await loadMigrations();
  const client = new pg.Client({ connectionString: adminUrl, application_name: 'amiable-migrate' });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query(`SELECT pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    // graphile-worker installs and upgrades its own schema (graphile_worker); it has its own lock.
    await runQueueMigrations({ connectionString: adminUrl, logger: silentLogger });
    await client.query('CREATE SCHEMA IF NOT EXISTS amiable_meta');
    await client.query('REVOKE ALL ON SCHEMA amiable_meta FROM PUBLIC');
    await client.query(`CREATE TABLE IF NOT EXISTS amiable_meta.migration (
      version integer PRIMARY KEY,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await client.query<{ version: number; name: string; checksum: string }>(
      'SELECT version, name, checksum FROM amiable_meta.migration ORDER BY version',
    );
    const known = new Map(migrations.map((migration) => [migration.version, migration]));
    for (const row of rows) {
      const migration = known.get(row.version);
      if (!migration) {
        throw new Error(
          `The database is at schema version ${row.version} (${row.name}), newer than this version of Amiable knows (${migrations.length}). Upgrade Amiable.`,
        );
      }
      if (migration.checksum !== row.checksum) {
        throw new Error(
          `Migration ${String(row.version).padStart(4, '0')}_${row.name}.sql was changed after it was applied. Write a new migration instead.`,
        );
      }
    }
    const done = new Set(rows.map((row) => row.version));
    for (const migration of migrations) {
      if (done.has(migration.version)) continue;
      const label = `${String(migration.version).padStart(4, '0')}_${migration.name}`;
      log(`Applying migration ${label}…`);
      await client.query('BEGIN');
      try {
        await client.query('INSERT INTO amiable_meta.migration (version, name, checksum) VALUES ($1, $2, $3)', [
          migration.version,
          migration.name,
          migration.checksum,
        ]);
        await client.query(migration.sql);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`Migration ${label} failed: ${(error as Error).message}`);
      }
      applied.push(label);
    }
    return { applied, current: migrations.length };
  } finally {
    await client.query(`SELECT pg_advisory_unlock(${MIGRATION_LOCK_KEY})`).catch(() => undefined);
    await client.end();
  }
}

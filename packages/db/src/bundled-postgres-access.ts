/**
 * As root, the bundled PostgreSQL runs as the system user `postgres` (it refuses
 * to run as root), and that user must be able to reach its binaries and its data
 * folder. A clone made with `mktemp -d`, or under /root, sits below a 0700 folder
 * the `postgres` user cannot traverse; then `npm start` would fail with EACCES.
 * Rather than loosen the permissions of the user's folders, we place what the
 * server needs in a root-owned, world-traversable folder of the machine:
 * - the binaries, copied once per package version into /var/lib/amiable/postgres-<version>;
 * - the cluster, in /var/lib/amiable/clusters/<hash of the data folder>/, recorded in
 *   the data folder (`postgres-location.txt`) so the operator can find it.
 * Data folders the `postgres` user can reach keep their cluster inside them.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, lstat, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface SystemUser {
  readonly uid: number;
  readonly gid: number;
}

export interface PostgresBinaries {
  readonly initdb: string;
  readonly pg_ctl: string;
  readonly postgres: string;
}

/** Root of what we place outside the user's folders. */
export const DEFAULT_MACHINE_DIR = '/var/lib/amiable';

/** Whether `user` may traverse/execute `target` (test -x run as that user: the kernel decides, ACLs included). */
export async function reachableBy(user: SystemUser, target: string): Promise<boolean> {
  return new Promise((resolve) => {
    execFile('test', ['-x', target], { uid: user.uid, gid: user.gid }, (error) => resolve(error === null));
  });
}

/** A folder is safe to run binaries from as root only if root owns it and nobody else may write to it. */
async function rootOwnedAndClosed(dir: string): Promise<boolean> {
  const info = await lstat(dir).catch(() => null);
  return info?.isDirectory() === true && info.uid === 0 && (info.mode & 0o022) === 0;
}

async function ensureMachineDir(user: SystemUser, machineDir: string): Promise<void> {
  await mkdir(machineDir, { recursive: true, mode: 0o755 });
  if (!(await rootOwnedAndClosed(machineDir)) || !(await reachableBy(user, machineDir)))
    throw new Error(
      `${machineDir} must be a folder owned by root, writable only by root and traversable by the user postgres (it holds the bundled PostgreSQL).`,
    );
}

/** The binaries themselves when `user` can run them; otherwise a copy in the machine folder. */
export async function binariesFor(user: SystemUser, binaries: PostgresBinaries, machineDir: string): Promise<PostgresBinaries> {
  if (await reachableBy(user, binaries.pg_ctl)) return binaries;
  const nativeDir = path.dirname(path.dirname(binaries.pg_ctl));
  const manifest = JSON.parse(await readFile(path.join(nativeDir, '..', 'package.json'), 'utf8')) as { name: string; version: string };
  await ensureMachineDir(user, machineDir);
  const target = path.join(machineDir, `postgres-${manifest.name.replace(/\W+/g, '-')}-${manifest.version}`);
  const copyOf = (name: string) => path.join(target, 'bin', name);
  if (!(await rootOwnedAndClosed(target)) || !(await reachableBy(user, copyOf('postgres')))) {
    const staging = `${target}.${process.pid}.tmp`;
    await rm(staging, { recursive: true, force: true });
    await cp(nativeDir, staging, { recursive: true, verbatimSymlinks: true });
    await rm(target, { recursive: true, force: true });
    await rename(staging, target);
  }
  return { initdb: copyOf('initdb'), pg_ctl: copyOf('pg_ctl'), postgres: copyOf('postgres') };
}

/** Where the cluster of `dataDir` lives: inside it when `user` can reach it, else in the machine folder. */
export async function clusterDirFor(
  user: SystemUser,
  dataDir: string,
  machineDir: string,
  log: (message: string) => void,
): Promise<string> {
  if (await reachableBy(user, dataDir)) return path.join(dataDir, 'postgres');
  await ensureMachineDir(user, machineDir);
  const key = createHash('sha256').update(dataDir).digest('hex').slice(0, 16);
  const clusterParent = path.join(machineDir, 'clusters', key);
  await mkdir(clusterParent, { recursive: true, mode: 0o755 });
  const pgdata = path.join(clusterParent, 'postgres');
  await writeFile(
    path.join(dataDir, 'postgres-location.txt'),
    `The PostgreSQL cluster of this data folder is ${pgdata}: the system user postgres cannot reach ${dataDir}.\n`,
  );
  log(`The system user postgres cannot reach ${dataDir}: the bundled PostgreSQL keeps its cluster in ${pgdata}.`);
  return pgdata;
}

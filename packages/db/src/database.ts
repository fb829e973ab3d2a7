/**
 * Connections. Two pools on the same server:
 * - `admin` connects as the DATABASE_URL user, which owns the schema: it runs
 *   migrations and the job queue's own bookkeeping, never application queries;
 * - `app` connects as the same user but switches to the role amiable_app at
 *   connection start (`-c role=amiable_app`), so every application query is
 *   subject to row-level security and to that role's narrow grants.
 */
import pg from 'pg';

export const APP_ROLE = 'amiable_app';

export interface Database {
  readonly url: string;
  readonly admin: pg.Pool;
  readonly app: pg.Pool;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  readonly appPoolSize?: number;
  readonly adminPoolSize?: number;
  readonly applicationName?: string;
}

const INT8_OID = 20;
const DATE_OID = 1082;
const NUMERIC_OID = 1700;

/** bigint cents come back as JS numbers, refused beyond 2^53; dates stay "YYYY-MM-DD" strings. */
function parseInt8(value: string): number {
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed)) throw new RangeError(`bigint ${value} exceeds the safe integer range`);
  return parsed;
}

export const typeParsers: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (format !== 'binary') {
      if (oid === INT8_OID) return parseInt8;
      if (oid === DATE_OID) return (value: string) => value;
      if (oid === NUMERIC_OID) return (value: string) => value;
    }
    return pg.types.getTypeParser(oid, format as 'text');
  }) as pg.CustomTypesConfig['getTypeParser'],
};

export function openDatabase(url: string, options: OpenDatabaseOptions = {}): Database {
  const applicationName = options.applicationName ?? 'amiable';
  const admin = new pg.Pool({
    connectionString: url,
    max: options.adminPoolSize ?? 4,
    types: typeParsers,
    application_name: `${applicationName}-admin`,
  });
  const app = new pg.Pool({
    connectionString: url,
    max: options.appPoolSize ?? 20,
    types: typeParsers,
    application_name: applicationName,
    options: `-c role=${APP_ROLE}`,
  });
  // An idle client that loses its connection (server restart) must not crash the process.
  const ignore = () => undefined;
  admin.on('error', ignore);
  app.on('error', ignore);
  let closed = false;
  return {
    url,
    admin,
    app,
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all([admin.end(), app.end()]);
    },
  };
}

/** Creates `name` on the server if it does not exist (the bundled cluster's database). Returns its URL. */
export async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`invalid database name ${name}`);
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) {
      await client.query(`CREATE DATABASE ${name}`).catch((error: { code?: string }) => {
        if (error.code !== '42P04') throw error; // created meanwhile by another process
      });
    }
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** True when the application role can reach the database (health checks). */
export async function databaseAnswers(db: Database): Promise<boolean> {
  try {
    await db.app.query('SELECT 1');
    return true;
  } catch {
    return false;
  }
}

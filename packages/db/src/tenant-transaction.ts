/**
 * Every application query runs inside a transaction that first sets the tenant
 * (and the acting user) with set_config(..., is_local = true) — SET LOCAL —
 * so the setting ends with the transaction and a pooled connection never
 * carries one request's tenant into the next. Row-level security does the rest.
 */
import type pg from 'pg';
import type { SqlQuery } from './sql.js';

export interface Queryable {
  query<R = Record<string, unknown>>(query: SqlQuery): Promise<R[]>;
  one<R = Record<string, unknown>>(query: SqlQuery): Promise<R>;
  maybeOne<R = Record<string, unknown>>(query: SqlQuery): Promise<R | null>;
  /** Runs a statement and returns the number of rows it touched. */
  execute(query: SqlQuery): Promise<number>;
}

export interface Tx extends Queryable {
  readonly tenantId: string;
  /** The underlying connection, for COPY streams. */
  readonly client: pg.PoolClient;
}

export interface TenantContext {
  readonly tenantId: string;
  readonly userId?: string | null;
}

function run(client: pg.ClientBase, q: SqlQuery) {
  return q.name ? client.query({ name: q.name, text: q.text, values: q.values as unknown[] }) : client.query(q.text, q.values as unknown[]);
}

export function queryable(client: pg.ClientBase): Queryable {
  const query = async <R>(q: SqlQuery): Promise<R[]> => (await run(client, q)).rows as R[];
  return {
    query,
    async one<R>(q: SqlQuery): Promise<R> {
      const rows = await query<R>(q);
      if (rows.length !== 1) throw new Error(`expected exactly one row, got ${rows.length}: ${q.text.slice(0, 80)}`);
      return rows[0] as R;
    },
    async maybeOne<R>(q: SqlQuery): Promise<R | null> {
      const rows = await query<R>(q);
      if (rows.length > 1) throw new Error(`expected at most one row, got ${rows.length}: ${q.text.slice(0, 80)}`);
      return rows[0] ?? null;
    },
    async execute(q: SqlQuery): Promise<number> {
      return (await run(client, q)).rowCount ?? 0;
    },
  };
}

function isFailedResult(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'ok' in value && (value as { ok: unknown }).ok === false;
}

/**
 * Runs `fn` in a transaction of the tenant. The transaction rolls back when `fn`
 * throws or returns a failed Result ({ ok: false }) — a use case that refuses
 * leaves nothing half-written — or when `commitIf` says no (dry runs).
 */
export async function inTenant<T>(
  pool: pg.Pool,
  context: TenantContext,
  fn: (tx: Tx) => Promise<T>,
  options: { readonly commitIf?: ((result: T) => boolean) | undefined } = {},
): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    // BEGIN and the settings in one round trip (simple query protocol, so the values are
    // quoted with the driver's escapeLiteral rather than bound): every request pays each
    // round trip in context switches, and on a small machine under load they dominate a
    // light request's cost.
    await client.query(
      `BEGIN; SELECT set_config('amiable.tenant_id', ${client.escapeLiteral(context.tenantId)}, true), set_config('amiable.user_id', ${client.escapeLiteral(context.userId ?? '')}, true)`,
    );
    const tx: Tx = { ...queryable(client), tenantId: context.tenantId, client };
    const result = await fn(tx);
    const commit = !isFailedResult(result) && (options.commitIf ? options.commitIf(result) : true);
    await client.query(commit ? 'COMMIT' : 'ROLLBACK');
    return result;
  } catch (error) {
    try {
      await client.query('ROLLBACK');
    } catch {
      broken = true;
    }
    throw error;
  } finally {
    client.release(broken);
  }
}

/** A connection with no tenant set (no transaction): only the SECURITY DEFINER auth functions answer anything on it. */
export async function withoutTenant<T>(pool: pg.Pool, fn: (q: Queryable) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    return await fn(queryable(client));
  } finally {
    client.release();
  }
}

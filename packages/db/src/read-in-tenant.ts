/**
 * A read in one round trip. A list request otherwise costs three (BEGIN and the
 * tenant setting, the query, COMMIT), and on small or virtualised machines each
 * round trip's socket write costs more than the query itself: profiling the
 * invoice list under load put a quarter of the API's CPU in those writes.
 *
 * The statement is prepared once per connection with SQL PREPARE (planning it
 * cost as much as running it), then every read sends one message:
 *   BEGIN READ ONLY; SET LOCAL tenant…; EXECUTE statement(literals…); COMMIT
 * The tenant is still set per transaction and row-level security applies
 * exactly as in inTenant. Values are sent as literals made by `sqlLiteral`,
 * which quotes every string with the driver's escapeLiteral and accepts only
 * the value types below — nothing else can reach the SQL text.
 */
import pg from 'pg';
import type { SqlQuery } from './sql.js';
import type { TenantContext } from './tenant-transaction.js';

const preparedOn = new WeakMap<pg.ClientBase, Set<string>>();

export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'string') return pg.escapeLiteral(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
    return String(value);
  }
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return pg.escapeLiteral(value.toISOString());
  if (value instanceof Uint8Array) return `'\\x${Buffer.from(value).toString('hex')}'::bytea`;
  if (Array.isArray(value)) return value.length === 0 ? "'{}'" : `ARRAY[${value.map(sqlLiteral).join(', ')}]`;
  throw new TypeError(`cannot send a ${typeof value} as an SQL literal`);
}

function statementName(query: SqlQuery): string {
  if (!query.name || !/^[a-z0-9_]{1,60}$/.test(query.name)) throw new Error('readInTenant needs a query made by prepared()');
  return `one_${query.name}`;
}

/** Runs one read-only query of the tenant in a single round trip (see above). */
export async function readInTenant<R>(pool: pg.Pool, context: TenantContext, query: SqlQuery): Promise<R[]> {
  const name = statementName(query);
  const client = await pool.connect();
  let known = preparedOn.get(client);
  if (!known) {
    known = new Set();
    preparedOn.set(client, known);
  }
  const prepare = known.has(name) ? '' : `PREPARE ${name} AS ${query.text};\n`;
  const args = query.values.length > 0 ? `(${query.values.map(sqlLiteral).join(', ')})` : '';
  const text =
    `${prepare}BEGIN READ ONLY;\n` +
    `SELECT set_config('amiable.tenant_id', ${sqlLiteral(context.tenantId)}, true), set_config('amiable.user_id', ${sqlLiteral(context.userId ?? '')}, true);\n` +
    `EXECUTE ${name}${args};\nCOMMIT`;
  let broken = false;
  try {
    const results = (await client.query(text)) as unknown as pg.QueryResult[];
    known.add(name);
    const executed = results[prepare ? 3 : 2];
    if (!executed) throw new Error('readInTenant: no result for EXECUTE');
    return executed.rows as R[];
  } catch (error) {
    // A failed statement leaves the transaction aborted (or the PREPARE undone): clean up.
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

/** Tenants, creditors and COPY helpers shared by the benchmarks. */
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type Database, inTenant, ledgerStore, sql } from '@amiable/db';
import { type UseCaseContext, createCreditor } from '@amiable/ledger';
import { systemClock, uuidV7Generator } from '@amiable/system';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export const benchContext = (label: string): UseCaseContext => ({
  actor: { kind: 'import', id: null, label, channel: 'cli', ip: null },
  clock: systemClock,
  ids: uuidV7Generator(systemClock),
});

export interface BenchTenant {
  readonly tenantId: string;
  readonly creditorId: string;
}

/** A tenant with one creditor, through the real use case (as `amiable` does on first start). */
export async function createTenantWithCreditor(db: Database, name: string, creditorName: string): Promise<BenchTenant> {
  const tenantId = randomUUID();
  await inTenant(db.app, { tenantId }, (tx) =>
    tx.execute(sql`INSERT INTO amiable.tenant (id, name, kind, created_at) VALUES (${tenantId}, ${name}, 'company', now())`),
  );
  const created = await inTenant(db.app, { tenantId }, (tx) =>
    createCreditor({ legalName: creditorName }, benchContext('bench'), ledgerStore(tx)),
  );
  if (!created.ok) throw new Error(`createCreditor: ${JSON.stringify(created.error)}`);
  return { tenantId, creditorId: created.value.id };
}

/** COPY text format: backslash, tab, newline and carriage return escaped; \N is NULL. */
export function copyField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'number') return String(value);
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/[\\\t\n\r]/g, (ch) => (ch === '\\' ? '\\\\' : ch === '\t' ? '\\t' : ch === '\n' ? '\\n' : '\\r'))
    : value;
}

/**
 * COPY table (columns) FROM STDIN, from a file or from text chunks, in one
 * transaction of the admin (migrating) user with the tenant set. Not as
 * amiable_app: PostgreSQL refuses COPY FROM into a table under row-level
 * security ("COPY FROM not supported with row-level security", 0A000) — which
 * is why the import stages its rows in a temporary table. The admin user must
 * therefore bypass RLS (superuser or BYPASSRLS); everything else (indexes,
 * constraints, foreign keys, triggers) applies as to the application.
 */
export async function copyAsAdmin(
  db: Database,
  tenantId: string,
  table: string,
  columns: readonly string[],
  source: string | Iterable<string> | AsyncIterable<string>,
): Promise<void> {
  const client = await db.admin.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    await client.query("SELECT set_config('amiable.tenant_id', $1, true)", [tenantId]);
    await copyInto(client, table, columns, source);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {
      broken = true;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

async function copyInto(
  client: pg.PoolClient,
  table: string,
  columns: readonly string[],
  source: string | Iterable<string> | AsyncIterable<string>,
): Promise<void> {
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  const input = typeof source === 'string' ? createReadStream(source, { highWaterMark: 1 << 20 }) : Readable.from(source);
  await pipeline(input, stream);
}

/** mulberry32: a small seeded generator, so every run loads the same ledger. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The columns the benchmarks COPY into amiable.debtor and amiable.invoice. */
export const DEBTOR_COLUMNS = [
  'tenant_id',
  'id',
  'kind',
  'name',
  'name_key',
  'country',
  'preferred_locale',
  'created_at',
  'updated_at',
] as const;
export const INVOICE_COLUMNS = [
  'tenant_id',
  'id',
  'creditor_id',
  'debtor_id',
  'kind',
  'number',
  'issue_date',
  'due_date',
  'currency',
  'amount_excl_tax_cents',
  'amount_incl_tax_cents',
  'amount_due_cents',
  'paid_outside_cents',
  'source',
  'created_at',
  'updated_at',
] as const;

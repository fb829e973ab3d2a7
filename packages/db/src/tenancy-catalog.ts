/**
 * Reads the PostgreSQL catalog and lists every way the application schema
 * breaks the tenancy rules (docs/architecture.md, "Tenant isolation"):
 * - every table has row-level security enabled and forced, and a policy;
 * - every table but the few global ones has a NOT NULL tenant_id;
 * - every primary key and unique index of a tenant table includes tenant_id;
 * - every foreign key between tenant tables carries tenant_id on both sides;
 * - tenant policies filter on amiable.current_tenant_id(); the only other
 *   policies are the auth lookups granted to amiable_auth on the auth tables;
 * - views run with the caller's rights (security_invoker);
 * - the application role owns nothing, is no superuser and cannot bypass RLS.
 * Used by the catalog test (packages/db/test/tenancy-catalog.test.ts).
 */
import type { Queryable } from './tenant-transaction.js';
import { sql } from './sql.js';

export const APP_SCHEMA = 'amiable';

/** Tables that are not per tenant, and why. */
export const GLOBAL_TABLES: Readonly<Record<string, string>> = {
  tenant: 'the tenants themselves; its policy keys on id',
  app_user: 'login identities shared by the tenants a person belongs to; visible through memberships',
  password_reset_token: 'reached only through SECURITY DEFINER functions, before any tenant is known',
  auth_throttle: 'failed-login counters, reached only through SECURITY DEFINER functions',
};

/** Tables on which amiable_auth may look rows up before the tenant is known. */
export const AUTH_LOOKUP_TABLES = ['tenant', 'app_user', 'tenant_member', 'session', 'api_key', 'password_reset_token', 'auth_throttle'];

export async function findTenancyViolations(db: Queryable, appRole = 'amiable_app', schema = APP_SCHEMA): Promise<string[]> {
  const problems: string[] = [];

  const tables = await db.query<{ name: string; rls: boolean; forced: boolean; owner: string; kind: string; options: string[] | null }>(sql`
    SELECT c.relname AS name, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced,
           pg_get_userbyid(c.relowner) AS owner, c.relkind AS kind, c.reloptions AS options
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = ${schema} AND c.relkind IN ('r', 'p', 'v', 'm')
    ORDER BY c.relname`);
  const policies = await db.query<{ table: string; name: string; roles: string[]; qual: string | null; check: string | null }>(sql`
    SELECT tablename AS table, policyname AS name, roles::text[] AS roles, qual, with_check AS check
    FROM pg_policies WHERE schemaname = ${schema}`);
  const tenantColumns = await db.query<{ table: string; notnull: boolean; type: string }>(sql`
    SELECT c.relname AS table, a.attnotnull AS notnull, format_type(a.atttypid, a.atttypmod) AS type
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = ${schema} AND c.relkind IN ('r', 'p') AND a.attname = 'tenant_id' AND NOT a.attisdropped`);
  const uniques = await db.query<{ table: string; index: string; has_tenant: boolean }>(sql`
    SELECT c.relname AS table, i.relname AS index,
           EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND a.attnum = ANY (x.indkey)) AS has_tenant
    FROM pg_index x JOIN pg_class c ON c.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = ${schema} AND x.indisunique`);
  const foreignKeys = await db.query<{
    table: string;
    name: string;
    referenced: string;
    local_tenant: boolean;
    remote_tenant: boolean;
  }>(sql`
    SELECT c.relname AS table, k.conname AS name, r.relname AS referenced,
           EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND a.attnum = ANY (k.conkey)) AS local_tenant,
           EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = r.oid AND a.attname = 'tenant_id' AND a.attnum = ANY (k.confkey)) AS remote_tenant
    FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class r ON r.oid = k.confrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = ${schema} AND k.contype = 'f'`);
  const role = await db.maybeOne<{ rolsuper: boolean; rolbypassrls: boolean }>(
    sql`SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = ${appRole}`,
  );

  const tenantTables = new Set(tenantColumns.map((column) => column.table));
  const policiesByTable = new Map<string, typeof policies>();
  for (const policy of policies) policiesByTable.set(policy.table, [...(policiesByTable.get(policy.table) ?? []), policy]);

  if (!role) problems.push(`role ${appRole} does not exist`);
  else {
    if (role.rolsuper) problems.push(`role ${appRole} is a superuser`);
    if (role.rolbypassrls) problems.push(`role ${appRole} has BYPASSRLS`);
  }

  for (const table of tables) {
    if (table.kind === 'v' || table.kind === 'm') {
      if (!(table.options ?? []).includes('security_invoker=true')) problems.push(`view ${table.name} is not security_invoker`);
      continue;
    }
    if (table.owner === appRole) problems.push(`table ${table.name} is owned by ${appRole}`);
    if (!table.rls) problems.push(`table ${table.name} does not enable row-level security`);
    if (!table.forced) problems.push(`table ${table.name} does not force row-level security`);
    const tablePolicies = policiesByTable.get(table.name) ?? [];
    if (tablePolicies.length === 0) problems.push(`table ${table.name} has no policy`);
    const global = table.name in GLOBAL_TABLES;
    const column = tenantColumns.find((c) => c.table === table.name);
    if (!global) {
      if (!column) problems.push(`table ${table.name} has no tenant_id column`);
      else {
        if (!column.notnull) problems.push(`table ${table.name}: tenant_id is nullable`);
        if (column.type !== 'uuid') problems.push(`table ${table.name}: tenant_id is ${column.type}, not uuid`);
      }
    }
    for (const policy of tablePolicies) {
      const authLookup = policy.roles.length === 1 && policy.roles[0] === 'amiable_auth';
      if (authLookup) {
        if (!AUTH_LOOKUP_TABLES.includes(table.name)) problems.push(`table ${table.name}: policy ${policy.name} opens it to amiable_auth`);
        continue;
      }
      const scoped = (expression: string | null) => expression?.includes('current_tenant_id()');
      if (!scoped(policy.qual)) problems.push(`table ${table.name}: policy ${policy.name} does not filter on current_tenant_id()`);
      if (policy.check !== null && !scoped(policy.check) && !(table.name === 'app_user' && policy.check.includes('current_user_id()'))) {
        problems.push(`table ${table.name}: policy ${policy.name} checks new rows without current_tenant_id()`);
      }
    }
  }

  for (const unique of uniques) {
    if (tenantTables.has(unique.table) && !unique.has_tenant)
      problems.push(`table ${unique.table}: unique index ${unique.index} lacks tenant_id`);
  }
  for (const key of foreignKeys) {
    if (!tenantTables.has(key.referenced)) continue; // references a global table (tenant, app_user)
    if (!key.local_tenant || !key.remote_tenant)
      problems.push(`table ${key.table}: foreign key ${key.name} to ${key.referenced} lacks tenant_id`);
  }

  const owned = await db.query<{ name: string }>(sql`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = ${schema} AND pg_get_userbyid(c.relowner) = ${appRole}`);
  for (const { name } of owned) problems.push(`${name} is owned by ${appRole}`);
  return problems;
}

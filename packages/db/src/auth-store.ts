/** The AuthStore port of packages/auth, on PostgreSQL (auth lookup functions of migration 0002, tenant transactions otherwise). */
import type { ApiKeyRecord, AuthStore, MemberRecord, SessionRecord } from '@amiable/auth';
import type { Role } from '@amiable/domain';
import type pg from 'pg';
import { releaseCasesOf } from './recovery/release-member-cases.js';
import { sql } from './sql.js';
import { inTenant, withoutTenant } from './tenant-transaction.js';

const bytes = (value: Uint8Array) => Buffer.from(value);

interface MemberRow {
  user_id: string;
  email: string;
  display_name: string;
  role: Role;
  locale: 'fr' | 'en';
  created_at: Date;
}
const toMember = (row: MemberRow): MemberRecord => ({
  userId: row.user_id,
  email: row.email,
  displayName: row.display_name,
  role: row.role,
  locale: row.locale,
  joinedAt: row.created_at,
});

interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  role: Role;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}
const toApiKey = (row: ApiKeyRow): ApiKeyRecord => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  role: row.role,
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
  revokedAt: row.revoked_at,
});

/**
 * `pool` is the application pool (role amiable_app). `adminPool`, the owner's, is
 * needed only by the operator paths (setPassword); API processes pass none.
 */
export function postgresAuthStore(pool: pg.Pool, adminPool?: pg.Pool): AuthStore {
  const tenant = <T>(tenantId: string, fn: Parameters<typeof inTenant<T>>[2]) => inTenant(pool, { tenantId }, fn);
  // When this process itself set an API key's last_used_at less than a minute ago, the
  // UPDATE below would change nothing: skip its transaction (four round trips on every
  // API-key request — a third of the list endpoint's database work under load).
  const keyTouchedAt = new Map<string, number>();
  return {
    findUserByEmail: (email) =>
      withoutTenant(pool, async (db) => {
        const row = await db.maybeOne<{
          user_id: string;
          password_hash: string | null;
          disabled: boolean;
          locale: 'fr' | 'en';
          display_name: string;
        }>(sql`SELECT * FROM amiable.auth_find_user(${email})`);
        return row
          ? {
              userId: row.user_id,
              passwordHash: row.password_hash,
              disabled: row.disabled,
              locale: row.locale,
              displayName: row.display_name,
            }
          : null;
      }),
    listMemberships: (userId) =>
      withoutTenant(pool, async (db) =>
        (
          await db.query<{ tenant_id: string; tenant_name: string; role: Role }>(sql`SELECT * FROM amiable.auth_memberships(${userId})`)
        ).map((row) => ({ tenantId: row.tenant_id, tenantName: row.tenant_name, role: row.role })),
      ),
    lockedUntil: (keys, now) =>
      withoutTenant(
        pool,
        async (db) => (await db.one<{ until: Date | null }>(sql`SELECT amiable.auth_locked_until(${keys}, ${now}) AS until`)).until,
      ),
    recordFailure: (rules, now, windowSeconds, lockSeconds) =>
      withoutTenant(
        pool,
        async (db) =>
          (
            await db.one<{
              until: Date | null;
            }>(sql`SELECT amiable.auth_record_failure(${rules.map((r) => r.key)}, ${rules.map((r) => r.maxFailures)},
              ${now}, make_interval(secs => ${windowSeconds}), make_interval(secs => ${lockSeconds})) AS until`)
          ).until,
      ),
    clearFailures: (keys) =>
      withoutTenant(pool, async (db) => {
        await db.query(sql`SELECT amiable.auth_clear_failures(${keys})`);
      }),

    insertSession: (s) =>
      tenant(s.tenantId, async (tx) => {
        await tx.execute(sql`INSERT INTO amiable.session (tenant_id, id, user_id, token_hash, created_at, last_seen_at, idle_expires_at, expires_at, ip, user_agent)
          VALUES (${s.tenantId}, ${s.id}, ${s.userId}, ${bytes(s.tokenHash)}, ${s.createdAt}, ${s.createdAt}, ${s.idleExpiresAt}, ${s.expiresAt}, ${s.ip}, ${s.userAgent})`);
      }),
    findSession: (tokenHash, now) =>
      withoutTenant(pool, async (db) => {
        const row = await db.maybeOne<{
          session_id: string;
          tenant_id: string;
          user_id: string;
          role: Role;
          email: string;
          display_name: string;
          locale: 'fr' | 'en';
          last_seen_at: Date;
          expires_at: Date;
        }>(sql`SELECT * FROM amiable.auth_session(${bytes(tokenHash)}, ${now})`);
        if (!row) return null;
        const record: SessionRecord = {
          sessionId: row.session_id,
          tenantId: row.tenant_id,
          userId: row.user_id,
          role: row.role,
          email: row.email,
          displayName: row.display_name,
          locale: row.locale,
          lastSeenAt: row.last_seen_at,
          expiresAt: row.expires_at,
        };
        return record;
      }),
    touchSession: (tenantId, sessionId, now, idleExpiresAt) =>
      tenant(tenantId, async (tx) => {
        await tx.execute(sql`UPDATE amiable.session SET last_seen_at = ${now}, idle_expires_at = ${idleExpiresAt} WHERE id = ${sessionId}`);
      }),
    revokeSession: (tenantId, sessionId, now) =>
      tenant(tenantId, async (tx) => {
        await tx.execute(sql`UPDATE amiable.session SET revoked_at = ${now} WHERE id = ${sessionId} AND revoked_at IS NULL`);
      }),
    revokeUserSessions: (tenantId, userId, now) =>
      tenant(tenantId, async (tx) => {
        await tx.execute(sql`UPDATE amiable.session SET revoked_at = ${now} WHERE user_id = ${userId} AND revoked_at IS NULL`);
      }),

    findApiKey: (prefix, secretHash) =>
      withoutTenant(pool, async (db) => {
        const row = await db.maybeOne<{ api_key_id: string; tenant_id: string; role: Role; name: string }>(
          sql`SELECT * FROM amiable.auth_api_key(${prefix}, ${bytes(secretHash)})`,
        );
        return row ? { apiKeyId: row.api_key_id, tenantId: row.tenant_id, role: row.role, name: row.name } : null;
      }),
    touchApiKey: async (tenantId, apiKeyId, now) => {
      const at = now.getTime();
      const touched = keyTouchedAt.get(apiKeyId);
      if (touched !== undefined && at >= touched && at - touched < 60_000) return;
      const count = await tenant(tenantId, (tx) =>
        tx.execute(
          sql`UPDATE amiable.api_key SET last_used_at = ${now} WHERE id = ${apiKeyId} AND (last_used_at IS NULL OR last_used_at < ${now}::timestamptz - interval '1 minute')`,
        ),
      );
      if (count === 1) {
        if (keyTouchedAt.size >= 10_000) keyTouchedAt.clear();
        keyTouchedAt.set(apiKeyId, at);
      }
    },
    insertApiKey: (tenantId, key) =>
      tenant(tenantId, async (tx) => {
        await tx.execute(sql`INSERT INTO amiable.api_key (tenant_id, id, name, prefix, secret_hash, role, created_by, created_at)
          VALUES (${tenantId}, ${key.id}, ${key.name}, ${key.prefix}, ${bytes(key.secretHash)}, ${key.role}, ${key.createdBy}, ${key.createdAt})`);
      }),
    listApiKeys: (tenantId) =>
      tenant(tenantId, async (tx) =>
        (
          await tx.query<ApiKeyRow>(
            sql`SELECT id, name, prefix, role, created_at, last_used_at, revoked_at FROM amiable.api_key ORDER BY revoked_at NULLS FIRST, created_at DESC`,
          )
        ).map(toApiKey),
      ),
    revokeApiKey: (tenantId, apiKeyId, now) =>
      tenant(
        tenantId,
        async (tx) =>
          (await tx.execute(sql`UPDATE amiable.api_key SET revoked_at = ${now} WHERE id = ${apiKeyId} AND revoked_at IS NULL`)) === 1,
      ),

    createResetToken: (input) =>
      withoutTenant(pool, async (db) => {
        const row = await db.maybeOne<{ user_id: string; display_name: string; locale: 'fr' | 'en' }>(
          sql`SELECT * FROM amiable.auth_create_reset(${input.id}, ${input.email}, ${bytes(input.tokenHash)}, ${input.purpose}, ${input.now}, ${input.expiresAt})`,
        );
        return row ? { userId: row.user_id, displayName: row.display_name, locale: row.locale } : null;
      }),
    consumeResetToken: (tokenHash, passwordHash, now) =>
      withoutTenant(
        pool,
        async (db) =>
          (
            await db.one<{ user_id: string | null }>(
              sql`SELECT amiable.auth_consume_reset(${bytes(tokenHash)}, ${passwordHash}, ${now}) AS user_id`,
            )
          ).user_id,
      ),
    changeOwnPassword: (tenantId, userId, passwordHash, keepSessionId, now) =>
      inTenant(pool, { tenantId, userId }, async (tx) => {
        await tx.query(sql`SELECT amiable.auth_change_own_password(${passwordHash}, ${keepSessionId}, ${now})`);
      }),

    ensureUser: (input) =>
      withoutTenant(
        pool,
        async (db) =>
          (
            await db.one<{ id: string }>(
              sql`SELECT amiable.auth_ensure_user(${input.id}, ${input.email}, ${input.displayName}, ${input.locale}, ${input.now}) AS id`,
            )
          ).id,
      ),
    findMember: (tenantId, userId) =>
      tenant(tenantId, async (tx) => {
        const row = await tx.maybeOne<MemberRow>(sql`SELECT m.user_id, u.email, u.display_name, m.role, u.locale, m.created_at
          FROM amiable.tenant_member m JOIN amiable.app_user u ON u.id = m.user_id WHERE m.user_id = ${userId}`);
        return row ? toMember(row) : null;
      }),
    listMembers: (tenantId) =>
      tenant(tenantId, async (tx) =>
        (
          await tx.query<MemberRow>(sql`SELECT m.user_id, u.email, u.display_name, m.role, u.locale, m.created_at
            FROM amiable.tenant_member m JOIN amiable.app_user u ON u.id = m.user_id ORDER BY u.display_name`)
        ).map(toMember),
      ),
    addMember: (tenantId, userId, role, now) =>
      tenant(tenantId, async (tx) =>
        (await tx.execute(sql`INSERT INTO amiable.tenant_member (tenant_id, user_id, role, created_at) VALUES (${tenantId}, ${userId}, ${role}, ${now})
          ON CONFLICT (tenant_id, user_id) DO NOTHING`)) === 1
          ? 'added'
          : 'already-member',
      ),
    setMemberRole: (tenantId, userId, role, change) =>
      tenant(tenantId, async (tx) => {
        await tx.execute(sql`UPDATE amiable.tenant_member SET role = ${role} WHERE user_id = ${userId}`);
        if (role === 'viewer') await releaseCasesOf(tx, userId, 'member-read-only', change);
      }),
    removeMember: (tenantId, userId, change) =>
      tenant(tenantId, async (tx) => {
        // Journaled first: the foreign keys would otherwise unassign them silently (ON DELETE SET NULL).
        await releaseCasesOf(tx, userId, 'member-removed', change);
        await tx.execute(sql`DELETE FROM amiable.tenant_member WHERE user_id = ${userId}`);
      }),
    countOwners: (tenantId) =>
      tenant(
        tenantId,
        async (tx) => (await tx.one<{ n: number }>(sql`SELECT count(*)::int AS n FROM amiable.tenant_member WHERE role = 'owner'`)).n,
      ),
    tenantName: (tenantId) => tenant(tenantId, async (tx) => (await tx.one<{ name: string }>(sql`SELECT name FROM amiable.tenant`)).name),
    insertTenant: (t) =>
      tenant(t.id, async (tx) => {
        await tx.execute(
          sql`INSERT INTO amiable.tenant (id, name, kind, default_locale, created_at) VALUES (${t.id}, ${t.name}, ${t.kind}, ${t.defaultLocale}, ${t.createdAt})`,
        );
      }),
    setPassword: async (userId, passwordHash, now) => {
      if (!adminPool) throw new Error('setPassword is an operator action: pass the admin pool to postgresAuthStore');
      await withoutTenant(adminPool, async (db) => {
        await db.query(sql`SELECT amiable.auth_set_password(${userId}, ${passwordHash}, ${now})`);
      });
    },
  };
}

/**
 * An API on a database of its own, with a fake clock: tenants, users and data
 * are created through the real use cases, requests go through Fastify's
 * in-process injection (the full stack minus the socket).
 */
import { randomBytes } from 'node:crypto';
import { type PasswordHasher, cachingAuthStore, createTenant } from '@amiable/auth';
import { loadConfig } from '@amiable/config';
import { inTenant, ledgerStore, postgresAuthMailQueue, postgresAuthStore } from '@amiable/db';
import type { LedgerStore, UseCaseContext } from '@amiable/ledger';
import { cryptoRandom, uuidV7Generator } from '@amiable/system';
import { FakeClock, type TestDatabase, createTestDatabase } from '@amiable/testing';
import { hash, verify } from '@node-rs/argon2';
import { type App, buildServer } from '../src/server.js';

/** argon2id with test-sized cost: the same algorithm, fast enough for many logins per test. */
export const fastHasher: PasswordHasher = {
  hash: (password) => hash(password, { memoryCost: 1024, timeCost: 1, parallelism: 1 }),
  verify: async (hashed, password) => {
    try {
      return await verify(hashed, password);
    } catch {
      return false;
    }
  },
};

export interface TestApi {
  readonly app: App;
  readonly db: TestDatabase;
  readonly clock: FakeClock;
  createTenantWithOwner(name: string, email: string, password?: string): Promise<{ tenantId: string; userId: string }>;
  /** Runs use cases directly in a tenant (fixtures). */
  inTenant<T>(tenantId: string, fn: (store: LedgerStore, ctx: UseCaseContext) => Promise<T>): Promise<T>;
  login(email: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

export const TEST_PASSWORD = 'correct-horse-battery-staple';

export async function startTestApi(overrides: Record<string, string> = {}): Promise<TestApi> {
  const db = await createTestDatabase();
  const clock = new FakeClock('2026-11-23T10:00:00+01:00');
  const ids = uuidV7Generator(clock, cryptoRandom);
  const loaded = loadConfig({ AMIABLE_PUBLIC_URL: 'http://localhost:3000', ...overrides }, '/tmp');
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  // The same caching store as `amiable start`, so the security tests check revocation through it.
  const authStore = cachingAuthStore(postgresAuthStore(db.app, db.admin), { clock, ttlMs: 5_000 });
  const app = await buildServer(
    {
      config: loaded.value,
      db,
      clock,
      ids,
      random: cryptoRandom,
      hasher: fastHasher,
      authStore,
      authMail: postgresAuthMailQueue(db.app),
      dummyPasswordHash: await fastHasher.hash(randomBytes(8).toString('hex')),
      webDist: null,
    },
    { logger: process.env.AMIABLE_TEST_LOG === '1' ? undefined : false },
  );
  await app.ready();
  const api: TestApi = {
    app,
    db,
    clock,
    async createTenantWithOwner(name, email, password = TEST_PASSWORD) {
      const result = await createTenant(
        { name, kind: 'company', owner: { email, displayName: email.split('@')[0] ?? email, password } },
        { store: authStore, hasher: fastHasher, clock, ids },
      );
      if (!result.ok) throw new Error(`createTenant: ${JSON.stringify(result.error)}`);
      return result.value;
    },
    inTenant: (tenantId, fn) =>
      inTenant(db.app, { tenantId }, (tx) =>
        fn(ledgerStore(tx), { actor: { kind: 'system', id: null, label: 'test', channel: 'cli', ip: null }, clock, ids }),
      ),
    async login(email, password = TEST_PASSWORD) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email, password },
        headers: { origin: 'http://localhost:3000' },
      });
      if (response.statusCode !== 200) throw new Error(`login ${email}: ${response.statusCode} ${response.body}`);
      const cookie = response.cookies.find((c) => c.name.includes('amiable_session'));
      if (!cookie) throw new Error('no session cookie');
      return `${cookie.name}=${cookie.value}`;
    },
    async close() {
      await app.close();
      await db.drop();
    },
  };
  return api;
}

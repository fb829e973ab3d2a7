import { describe, expect, it } from 'vitest';
import { cachingAuthStore } from './caching-auth-store.js';
import type { AuthStore, SessionRecord } from './ports.js';

function fakeStore() {
  const live = new Map<string, SessionRecord>();
  let lookups = 0;
  const store = {
    findSession: async (hash: Uint8Array) => {
      lookups++;
      return live.get(Buffer.from(hash).toString('hex')) ?? null;
    },
    findApiKey: async () => null,
    revokeSession: async (_t: string, sessionId: string) => {
      for (const [key, value] of live) if (value.sessionId === sessionId) live.delete(key);
    },
  } as unknown as AuthStore;
  return { store, live, lookups: () => lookups };
}

const session = (id: string): SessionRecord => ({
  sessionId: id,
  tenantId: 't',
  userId: 'u',
  role: 'owner',
  email: 'a@b.c',
  displayName: 'A',
  locale: 'fr',
  lastSeenAt: new Date(0),
  expiresAt: new Date('2030-01-01'),
});

describe('cachingAuthStore', () => {
  it('saves repeated lookups, forgets at once on a revocation through it, and within the TTL otherwise', async () => {
    let now = Date.parse('2026-11-23T10:00:00Z');
    const clock = { now: () => new Date(now) };
    const inner = fakeStore();
    const hash = new Uint8Array([1, 2, 3]);
    inner.live.set('010203', session('s1'));
    const cached = cachingAuthStore(inner.store, { clock, ttlMs: 5000 });
    const other = cachingAuthStore(inner.store, { clock, ttlMs: 5000 }); // another API process

    expect(await cached.findSession(hash, clock.now())).toMatchObject({ sessionId: 's1' });
    expect(await cached.findSession(hash, clock.now())).toMatchObject({ sessionId: 's1' });
    expect(inner.lookups()).toBe(1);

    await other.revokeSession('t', 's1', clock.now());
    // Revoked elsewhere: still recognised here until the TTL runs out…
    expect(await cached.findSession(hash, clock.now())).not.toBeNull();
    now += 5001;
    expect(await cached.findSession(hash, clock.now())).toBeNull();

    inner.live.set('010203', session('s2'));
    expect(await cached.findSession(hash, clock.now())).toMatchObject({ sessionId: 's2' });
    // …revoked through the same store: gone at once.
    await cached.revokeSession('t', 's2', clock.now());
    expect(await cached.findSession(hash, clock.now())).toBeNull();
  });

  it('never serves a session past its own expiry', async () => {
    const clock = { now: () => new Date('2026-11-23T10:00:00Z') };
    const inner = fakeStore();
    inner.live.set('09', { ...session('s3'), expiresAt: new Date('2026-11-23T10:00:01Z') });
    const cached = cachingAuthStore(inner.store, { clock, ttlMs: 60_000 });
    expect(await cached.findSession(new Uint8Array([9]), new Date('2026-11-23T10:00:00Z'))).not.toBeNull();
    inner.live.clear();
    expect(await cached.findSession(new Uint8Array([9]), new Date('2026-11-23T10:00:02Z'))).toBeNull();
  });
});

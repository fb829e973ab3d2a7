import type { Clock } from '@amiable/domain';
import type { AuthStore, SessionRecord } from './ports.js';

type ApiKeyFound = NonNullable<Awaited<ReturnType<AuthStore['findApiKey']>>>;

/**
 * Remembers successful session and API-key lookups for a few seconds, so a
 * busy client does not pay a database round trip per request just to be
 * recognised. Any revocation, role change, removal or password change made
 * through this store forgets everything at once, so within one process it
 * takes effect immediately; made by another process (another API instance),
 * it takes effect within `ttlMs` (docs/adr/0008-read-path-round-trips.md).
 * Failed lookups are never remembered: a key or session created elsewhere works
 * at once.
 */
export function cachingAuthStore(inner: AuthStore, options: { clock: Clock; ttlMs: number; maxEntries?: number }): AuthStore {
  const max = options.maxEntries ?? 10_000;
  const sessions = new Map<string, { value: SessionRecord; until: number }>();
  const keys = new Map<string, { value: ApiKeyFound; until: number }>();
  const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
  const forgetAll = () => {
    sessions.clear();
    keys.clear();
  };
  const remember = <V>(map: Map<string, { value: V; until: number }>, key: string, value: V) => {
    if (map.size >= max) map.delete(map.keys().next().value as string);
    map.set(key, { value, until: options.clock.now().getTime() + options.ttlMs });
  };
  const invalidating =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      forgetAll();
      try {
        return await fn(...args);
      } finally {
        forgetAll();
      }
    };

  return {
    ...inner,
    async findSession(tokenHash, now) {
      const key = hex(tokenHash);
      const hit = sessions.get(key);
      if (hit && hit.until > now.getTime() && hit.value.expiresAt.getTime() > now.getTime()) return hit.value;
      const found = await inner.findSession(tokenHash, now);
      if (found) remember(sessions, key, found);
      else sessions.delete(key);
      return found;
    },
    async touchSession(tenantId, sessionId, now, idleExpiresAt) {
      await inner.touchSession(tenantId, sessionId, now, idleExpiresAt);
      for (const entry of sessions.values()) {
        if (entry.value.sessionId === sessionId) entry.value = { ...entry.value, lastSeenAt: now };
      }
    },
    async findApiKey(prefix, secretHash) {
      const key = `${prefix}:${hex(secretHash)}`;
      const hit = keys.get(key);
      if (hit && hit.until > options.clock.now().getTime()) return hit.value;
      const found = await inner.findApiKey(prefix, secretHash);
      if (found) remember(keys, key, found);
      else keys.delete(key);
      return found;
    },
    revokeSession: invalidating(inner.revokeSession),
    revokeUserSessions: invalidating(inner.revokeUserSessions),
    revokeApiKey: invalidating(inner.revokeApiKey),
    setMemberRole: invalidating(inner.setMemberRole),
    removeMember: invalidating(inner.removeMember),
    consumeResetToken: invalidating(inner.consumeResetToken),
    changeOwnPassword: invalidating(inner.changeOwnPassword),
    setPassword: invalidating(inner.setPassword),
  };
}

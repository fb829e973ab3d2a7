import type { Clock } from '@amiable/domain';
import type { AuthStore, SessionPolicy } from './ports.js';
import type { Principal } from './principal.js';
import { sha256 } from './tokens.js';

// Writing last_seen on every request would turn reads into writes; once a minute is enough for idle expiry.
const TOUCH_EVERY_MS = 60_000;

export async function authenticateSession(
  token: string,
  deps: { store: AuthStore; clock: Clock; policy: SessionPolicy },
): Promise<Principal | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const now = deps.clock.now();
  const session = await deps.store.findSession(sha256(token), now);
  if (!session) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    const idle = Math.min(session.expiresAt.getTime(), now.getTime() + deps.policy.idleMinutes * 60_000);
    await deps.store.touchSession(session.tenantId, session.sessionId, now, new Date(idle));
  }
  return {
    kind: 'user',
    tenantId: session.tenantId,
    userId: session.userId,
    role: session.role,
    sessionId: session.sessionId,
    email: session.email,
    displayName: session.displayName,
    locale: session.locale,
  };
}

export const API_KEY_PATTERN = /^amk_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

export async function authenticateApiKey(key: string, deps: { store: AuthStore; clock: Clock }): Promise<Principal | null> {
  const match = API_KEY_PATTERN.exec(key);
  if (!match) return null;
  const [, prefix = '', secret = ''] = match;
  const found = await deps.store.findApiKey(prefix, sha256(secret));
  if (!found) return null;
  await deps.store.touchApiKey(found.tenantId, found.apiKeyId, deps.clock.now());
  return { kind: 'api-key', tenantId: found.tenantId, apiKeyId: found.apiKeyId, role: found.role, name: found.name };
}

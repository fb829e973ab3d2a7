import { type Clock, type IdGenerator, type RandomSource, type Result, err, ok } from '@amiable/domain';
import type { AuthStore, SessionPolicy } from './ports.js';
import type { Principal } from './principal.js';
import { openSession } from './open-session.js';

/** Moves a logged-in person to another tenant they belong to, with a new session (the old one is revoked). */
export async function switchTenant(
  principal: Principal,
  input: { tenantId: string; ip: string | null; userAgent: string | null },
  deps: { store: AuthStore; clock: Clock; random: RandomSource; ids: IdGenerator; policy: SessionPolicy },
): Promise<Result<{ token: string; expiresAt: Date; tenantId: string }>> {
  if (principal.kind !== 'user') return err('AUTH_FORBIDDEN');
  const memberships = await deps.store.listMemberships(principal.userId);
  if (!memberships.some((m) => m.tenantId === input.tenantId)) return err('NOT_FOUND');
  const now = deps.clock.now();
  await deps.store.revokeSession(principal.tenantId, principal.sessionId, now);
  const { token, expiresAt } = await openSession(
    { tenantId: input.tenantId, userId: principal.userId, now, ip: input.ip, userAgent: input.userAgent },
    deps,
  );
  return ok({ token, expiresAt, tenantId: input.tenantId });
}

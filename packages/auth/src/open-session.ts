import type { IdGenerator, RandomSource } from '@amiable/domain';
import type { AuthStore, SessionPolicy } from './ports.js';
import { newSecret, sha256 } from './tokens.js';

/**
 * A new session: a fresh 256-bit token whose hash only is stored, an absolute
 * expiry and an idle expiry that authenticateSession pushes back while in use.
 */
export async function openSession(
  input: { tenantId: string; userId: string; now: Date; ip: string | null; userAgent: string | null },
  deps: { store: AuthStore; random: RandomSource; ids: IdGenerator; policy: SessionPolicy },
): Promise<{ token: string; expiresAt: Date }> {
  const token = newSecret(deps.random);
  const expiresAt = new Date(input.now.getTime() + deps.policy.maxHours * 3_600_000);
  await deps.store.insertSession({
    tenantId: input.tenantId,
    id: deps.ids.newId(),
    userId: input.userId,
    tokenHash: sha256(token),
    createdAt: input.now,
    idleExpiresAt: new Date(Math.min(expiresAt.getTime(), input.now.getTime() + deps.policy.idleMinutes * 60_000)),
    expiresAt,
    ip: input.ip,
    userAgent: input.userAgent?.slice(0, 500) ?? null,
  });
  return { token, expiresAt };
}

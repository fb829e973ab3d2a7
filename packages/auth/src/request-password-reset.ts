import type { Clock, IdGenerator, RandomSource } from '@amiable/domain';
import type { AuthMailQueue, AuthStore } from './ports.js';
import { newSecret, normalizeEmail, sha256, sha256Hex } from './tokens.js';

export const RESET_TOKEN_MINUTES = 60;
const MAX_RESETS_PER_EMAIL = 3;
const MAX_RESETS_PER_ADDRESS = 20;
const RESET_WINDOW_SECONDS = 3600;

/**
 * Sends a reset link if the e-mail belongs to an account. The caller always
 * answers the same "if an account exists, a link was sent" (ASVS 6.3.8), and the
 * e-mail goes out from a job, so the answer time does not depend on it either.
 * Requests are capped per e-mail and per address to stop mail bombing.
 */
export async function requestPasswordReset(
  input: { email: string; ip: string | null },
  deps: { store: AuthStore; clock: Clock; random: RandomSource; ids: IdGenerator; mail: AuthMailQueue },
): Promise<void> {
  const now = deps.clock.now();
  const email = normalizeEmail(input.email);
  const keys = [`reset:email:${sha256Hex(email)}`, ...(input.ip ? [`reset:ip:${input.ip}`] : [])];
  if (await deps.store.lockedUntil(keys, now)) return;
  // Each request counts as a "failure" so that the counters cap requests per hour.
  await deps.store.recordFailure(
    keys.map((key, index) => ({ key, maxFailures: index === 0 ? MAX_RESETS_PER_EMAIL : MAX_RESETS_PER_ADDRESS })),
    now,
    RESET_WINDOW_SECONDS,
    RESET_WINDOW_SECONDS,
  );
  const token = newSecret(deps.random);
  const user = await deps.store.createResetToken({
    id: deps.ids.newId(),
    email,
    tokenHash: sha256(token),
    purpose: 'reset',
    now,
    expiresAt: new Date(now.getTime() + RESET_TOKEN_MINUTES * 60_000),
  });
  if (user) await deps.mail.queue({ kind: 'password-reset', to: email, displayName: user.displayName, locale: user.locale, token });
}

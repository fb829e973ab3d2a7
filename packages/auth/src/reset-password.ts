import { type Clock, type Result, err, invalid, ok } from '@amiable/domain';
import { checkPassword } from './password-policy.js';
import type { AuthStore, PasswordHasher } from './ports.js';
import { sha256 } from './tokens.js';

/** Sets a new password from a reset or invitation link; every session of the person is revoked. */
export async function resetPassword(
  input: { token: string; password: string },
  deps: { store: AuthStore; hasher: PasswordHasher; clock: Clock },
): Promise<Result<{ userId: string }>> {
  const weak = checkPassword(input.password);
  if (weak) return invalid([weak]);
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(input.token)) return err('AUTH_RESET_TOKEN_INVALID');
  const hashed = await deps.hasher.hash(input.password);
  const userId = await deps.store.consumeResetToken(sha256(input.token), hashed, deps.clock.now());
  return userId ? ok({ userId }) : err('AUTH_RESET_TOKEN_INVALID');
}

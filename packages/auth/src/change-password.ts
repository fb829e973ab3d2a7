import { type Clock, type Result, err, invalid, ok } from '@amiable/domain';
import { checkPassword } from './password-policy.js';
import type { AuthStore, PasswordHasher } from './ports.js';
import type { Principal } from './principal.js';

/** Changes one's own password after checking the current one; other sessions are revoked, this one kept. */
export async function changePassword(
  principal: Principal,
  input: { currentPassword: string; newPassword: string },
  deps: { store: AuthStore; hasher: PasswordHasher; clock: Clock },
): Promise<Result<null>> {
  if (principal.kind !== 'user') return err('AUTH_FORBIDDEN');
  const user = await deps.store.findUserByEmail(principal.email);
  if (!user?.passwordHash || !(await deps.hasher.verify(user.passwordHash, input.currentPassword))) {
    return invalid([{ field: 'currentPassword', code: 'invalid_value', params: { value: '…' } }]);
  }
  const weak = checkPassword(input.newPassword, { email: principal.email, field: 'newPassword' });
  if (weak) return invalid([weak]);
  const hashed = await deps.hasher.hash(input.newPassword);
  await deps.store.changeOwnPassword(principal.tenantId, principal.userId, hashed, principal.sessionId, deps.clock.now());
  return ok(null);
}

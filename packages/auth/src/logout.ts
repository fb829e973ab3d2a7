import type { Clock } from '@amiable/domain';
import type { Principal } from './principal.js';
import type { AuthStore } from './ports.js';

export async function logout(principal: Principal, deps: { store: AuthStore; clock: Clock }): Promise<void> {
  if (principal.kind === 'user') await deps.store.revokeSession(principal.tenantId, principal.sessionId, deps.clock.now());
}

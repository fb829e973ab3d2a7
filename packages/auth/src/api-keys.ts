import { type Clock, type IdGenerator, type RandomSource, type Result, type Role, can, err, ok } from '@amiable/domain';
import type { ApiKeyRecord, AuthStore } from './ports.js';
import type { Principal } from './principal.js';
import { sha256 } from './tokens.js';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Creates an API key for the tenant; the secret is returned once and only its hash is kept. */
export async function createApiKey(
  principal: Principal,
  input: { name: string; role: Exclude<Role, 'owner'> },
  deps: { store: AuthStore; clock: Clock; random: RandomSource; ids: IdGenerator },
): Promise<Result<{ apiKey: ApiKeyRecord; secret: string }>> {
  if (!can(principal.role, 'api-keys:manage')) return err('AUTH_FORBIDDEN');
  // 12 alphanumerics drawn without modulo bias (62 does not divide 256: reject bytes ≥ 248).
  let prefix = '';
  while (prefix.length < 12) {
    for (const byte of deps.random.bytes(16)) if (byte < 248 && prefix.length < 12) prefix += ALPHANUMERIC[byte % 62];
  }
  const secret = Buffer.from(deps.random.bytes(32)).toString('base64url');
  const now = deps.clock.now();
  const apiKey: ApiKeyRecord = {
    id: deps.ids.newId(),
    name: input.name.trim(),
    prefix,
    role: input.role,
    createdAt: now,
    lastUsedAt: null,
    revokedAt: null,
  };
  await deps.store.insertApiKey(principal.tenantId, {
    ...apiKey,
    secretHash: sha256(secret),
    createdBy: principal.kind === 'user' ? principal.userId : null,
  });
  return ok({ apiKey, secret: `amk_${prefix}_${secret}` });
}

export async function revokeApiKey(
  principal: Principal,
  input: { apiKeyId: string },
  deps: { store: AuthStore; clock: Clock },
): Promise<Result<null>> {
  if (!can(principal.role, 'api-keys:manage')) return err('AUTH_FORBIDDEN');
  return (await deps.store.revokeApiKey(principal.tenantId, input.apiKeyId, deps.clock.now())) ? ok(null) : err('NOT_FOUND');
}

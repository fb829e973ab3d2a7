import { type Clock, type IdGenerator, type Result, invalid, isValidEmail, issue, ok } from '@amiable/domain';
import { checkPassword } from './password-policy.js';
import type { AuthStore, PasswordHasher } from './ports.js';
import { normalizeEmail } from './tokens.js';

export interface CreateTenantInput {
  readonly name: string;
  readonly kind: 'company' | 'agency';
  readonly locale?: 'fr' | 'en' | undefined;
  readonly owner: { readonly email: string; readonly displayName: string; readonly password: string };
}

/** Operator use case (CLI, demo): a new tenant and its first owner, who can log in at once. */
export async function createTenant(
  input: CreateTenantInput,
  deps: { store: AuthStore; hasher: PasswordHasher; clock: Clock; ids: IdGenerator },
): Promise<Result<{ tenantId: string; userId: string }>> {
  const email = normalizeEmail(input.owner.email);
  const issues = [];
  if (!input.name.trim()) issues.push(issue('name', 'required'));
  if (!isValidEmail(email)) issues.push(issue('email', 'invalid_email', { value: input.owner.email }));
  const weak = checkPassword(input.owner.password, { email });
  if (weak) issues.push(weak);
  if (issues.length > 0) return invalid(issues);
  const now = deps.clock.now();
  const locale = input.locale ?? 'fr';
  const tenantId = deps.ids.newId();
  await deps.store.insertTenant({ id: tenantId, name: input.name.trim(), kind: input.kind, defaultLocale: locale, createdAt: now });
  const userId = await deps.store.ensureUser({
    id: deps.ids.newId(),
    email,
    displayName: input.owner.displayName.trim() || email,
    locale,
    now,
  });
  await deps.store.setPassword(userId, await deps.hasher.hash(input.owner.password), now);
  await deps.store.addMember(tenantId, userId, 'owner', now);
  return ok({ tenantId, userId });
}

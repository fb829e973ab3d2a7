import {
  type Clock,
  type IdGenerator,
  type RandomSource,
  type Result,
  type Role,
  can,
  err,
  invalid,
  isValidEmail,
  issue,
  ok,
} from '@amiable/domain';
import type { AuthMailQueue, AuthStore, MemberRecord, RoleChange } from './ports.js';
import type { Principal } from './principal.js';
import { newSecret, normalizeEmail, sha256 } from './tokens.js';

export const INVITATION_DAYS = 7;

function actorName(principal: Principal): string {
  return principal.kind === 'user' ? principal.displayName : principal.name;
}

/** Who changes the team, as the journal lines of the cases it takes back name them. */
function changedBy(principal: Principal): RoleChange['by'] {
  return principal.kind === 'user'
    ? { kind: 'user', id: principal.userId, label: principal.displayName }
    : { kind: 'api-key', id: principal.apiKeyId, label: principal.name };
}

/**
 * Invites a person into the tenant. A new identity gets an invitation link to
 * choose a password; an existing one (who works for another tenant) is told by
 * e-mail that they were added. The answer to the inviter is the same in both
 * cases, so inviting reveals nothing about other tenants.
 */
export async function inviteMember(
  principal: Principal,
  input: { email: string; displayName: string; role: Role; locale?: 'fr' | 'en' | undefined },
  deps: { store: AuthStore; clock: Clock; random: RandomSource; ids: IdGenerator; mail: AuthMailQueue },
): Promise<Result<MemberRecord>> {
  if (!can(principal.role, 'users:manage')) return err('AUTH_FORBIDDEN');
  const email = normalizeEmail(input.email);
  if (!isValidEmail(email)) return invalid([issue('email', 'invalid_email', { value: input.email })]);
  const now = deps.clock.now();
  const locale = input.locale ?? 'fr';
  const userId = await deps.store.ensureUser({ id: deps.ids.newId(), email, displayName: input.displayName.trim(), locale, now });
  const outcome = await deps.store.addMember(principal.tenantId, userId, input.role, now);
  if (outcome === 'already-member') return err('CONFLICT');
  const tenantName = await deps.store.tenantName(principal.tenantId);
  const existing = await deps.store.findUserByEmail(email);
  if (existing?.passwordHash) {
    await deps.mail.queue({
      kind: 'added-to-tenant',
      to: email,
      displayName: existing.displayName,
      locale: existing.locale,
      tenantName,
      invitedBy: actorName(principal),
    });
  } else {
    const token = newSecret(deps.random);
    await deps.store.createResetToken({
      id: deps.ids.newId(),
      email,
      tokenHash: sha256(token),
      purpose: 'invitation',
      now,
      expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000),
    });
    await deps.mail.queue({
      kind: 'invitation',
      to: email,
      displayName: input.displayName,
      locale,
      token,
      tenantName,
      invitedBy: actorName(principal),
    });
  }
  const member = await deps.store.findMember(principal.tenantId, userId);
  return member ? ok(member) : err('NOT_FOUND');
}

/** Changes a member's role; the tenant always keeps an owner. Their sessions are revoked so the new role applies at once. */
export async function changeMemberRole(
  principal: Principal,
  input: { userId: string; role: Role },
  deps: { store: AuthStore; clock: Clock },
): Promise<Result<MemberRecord>> {
  if (!can(principal.role, 'users:manage')) return err('AUTH_FORBIDDEN');
  const member = await deps.store.findMember(principal.tenantId, input.userId);
  if (!member) return err('NOT_FOUND');
  if (member.role === 'owner' && input.role !== 'owner' && (await deps.store.countOwners(principal.tenantId)) <= 1)
    return err('LAST_OWNER');
  await deps.store.setMemberRole(principal.tenantId, input.userId, input.role, { by: changedBy(principal), now: deps.clock.now() });
  return ok({ ...member, role: input.role });
}

export async function removeMember(
  principal: Principal,
  input: { userId: string },
  deps: { store: AuthStore; clock: Clock },
): Promise<Result<null>> {
  if (!can(principal.role, 'users:manage')) return err('AUTH_FORBIDDEN');
  const member = await deps.store.findMember(principal.tenantId, input.userId);
  if (!member) return err('NOT_FOUND');
  if (member.role === 'owner' && (await deps.store.countOwners(principal.tenantId)) <= 1) return err('LAST_OWNER');
  await deps.store.revokeUserSessions(principal.tenantId, input.userId, deps.clock.now());
  await deps.store.removeMember(principal.tenantId, input.userId, { by: changedBy(principal), now: deps.clock.now() });
  return ok(null);
}

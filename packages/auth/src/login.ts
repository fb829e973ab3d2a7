import { type Clock, type IdGenerator, type RandomSource, type Result, err, ok } from '@amiable/domain';
import type { AuthStore, PasswordHasher, SessionPolicy } from './ports.js';
import type { Membership } from './principal.js';
import { openSession } from './open-session.js';
import { normalizeEmail, sha256, sha256Hex } from './tokens.js';

export interface LoginInput {
  readonly email: string;
  readonly password: string;
  readonly tenantId?: string | undefined;
  readonly ip: string | null;
  readonly userAgent: string | null;
  /** The session the browser presented, if any: it is revoked (a new token at every login, ASVS 7.2.4). */
  readonly previousSessionToken?: string | null | undefined;
}

export interface LoginDeps {
  readonly store: AuthStore;
  readonly hasher: PasswordHasher;
  readonly clock: Clock;
  readonly random: RandomSource;
  readonly ids: IdGenerator;
  readonly policy: SessionPolicy;
  /** A valid argon2id hash of a random string, verified when the account does not exist so both paths take the same time. */
  readonly dummyHash: string;
}

export interface LoginSuccess {
  readonly token: string;
  readonly expiresAt: Date;
  readonly tenantId: string;
  readonly userId: string;
  readonly role: Membership['role'];
  readonly email: string;
  readonly displayName: string;
  readonly locale: 'fr' | 'en';
  readonly memberships: readonly Membership[];
}

// Per e-mail: 5 failures in 15 minutes lock that account's logins for 15 minutes,
// from every address; per client address: 30 failures (password spraying).
export const LOGIN_WINDOW_SECONDS = 15 * 60;
export const LOGIN_LOCK_SECONDS = 15 * 60;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_ADDRESS = 30;

export function throttleKeys(email: string, ip: string | null): { email: string; address: string | null } {
  return { email: `login:email:${sha256Hex(normalizeEmail(email))}`, address: ip ? `login:ip:${ip}` : null };
}

/**
 * Logs a person in. The answer to a wrong password, an unknown e-mail, a disabled
 * account or an account without access is the same, in about the same time
 * (ASVS 6.3.8), and every failure counts against the e-mail and the address.
 */
export async function login(input: LoginInput, deps: LoginDeps): Promise<Result<LoginSuccess>> {
  const now = deps.clock.now();
  const email = normalizeEmail(input.email);
  const keys = throttleKeys(email, input.ip);
  const keyList = keys.address ? [keys.email, keys.address] : [keys.email];
  const locked = await deps.store.lockedUntil(keyList, now);
  if (locked) return err('AUTH_RATE_LIMITED', { retryAfterSeconds: Math.ceil((locked.getTime() - now.getTime()) / 1000) });

  const user = await deps.store.findUserByEmail(email);
  const hashToCheck = user?.passwordHash ?? deps.dummyHash;
  const passwordMatches = await deps.hasher.verify(hashToCheck, input.password);
  const memberships = user && passwordMatches && !user.disabled && user.passwordHash ? await deps.store.listMemberships(user.userId) : [];
  const chosen = memberships.find((m) => m.tenantId === input.tenantId) ?? memberships[0];

  if (!user || !chosen) {
    const rules = [{ key: keys.email, maxFailures: MAX_FAILURES_PER_EMAIL }];
    if (keys.address) rules.push({ key: keys.address, maxFailures: MAX_FAILURES_PER_ADDRESS });
    await deps.store.recordFailure(rules, now, LOGIN_WINDOW_SECONDS, LOGIN_LOCK_SECONDS);
    return err('AUTH_INVALID_CREDENTIALS');
  }

  await deps.store.clearFailures([keys.email]);
  if (input.previousSessionToken) {
    const previous = await deps.store.findSession(sha256(input.previousSessionToken), now);
    if (previous) await deps.store.revokeSession(previous.tenantId, previous.sessionId, now);
  }
  const { token, expiresAt } = await openSession(
    { tenantId: chosen.tenantId, userId: user.userId, now, ip: input.ip, userAgent: input.userAgent },
    deps,
  );
  return ok({
    token,
    expiresAt,
    tenantId: chosen.tenantId,
    userId: user.userId,
    role: chosen.role,
    email,
    displayName: user.displayName,
    locale: user.locale,
    memberships,
  });
}

import type { Role } from '@amiable/domain';
import type { Membership } from './principal.js';

export interface UserCredentials {
  readonly userId: string;
  readonly passwordHash: string | null;
  readonly disabled: boolean;
  readonly locale: 'fr' | 'en';
  readonly displayName: string;
}

export interface SessionRecord {
  readonly sessionId: string;
  readonly tenantId: string;
  readonly userId: string;
  readonly role: Role;
  readonly email: string;
  readonly displayName: string;
  readonly locale: 'fr' | 'en';
  readonly lastSeenAt: Date;
  readonly expiresAt: Date;
}

export interface NewSession {
  readonly tenantId: string;
  readonly id: string;
  readonly userId: string;
  readonly tokenHash: Uint8Array;
  readonly createdAt: Date;
  readonly idleExpiresAt: Date;
  readonly expiresAt: Date;
  readonly ip: string | null;
  readonly userAgent: string | null;
}

export interface ThrottleRule {
  readonly key: string;
  /** Failures inside the window that lock the key. */
  readonly maxFailures: number;
}

export interface MemberRecord {
  readonly userId: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  readonly locale: 'fr' | 'en';
  readonly joinedAt: Date;
}

export interface ApiKeyRecord {
  readonly id: string;
  readonly name: string;
  readonly prefix: string;
  readonly role: Role;
  readonly createdAt: Date;
  readonly lastUsedAt: Date | null;
  readonly revokedAt: Date | null;
}

/**
 * Storage of identities, memberships, sessions, keys and throttling counters.
 * Methods that take a tenantId run in that tenant's transaction; the others go
 * through the database's auth lookup functions (no tenant is known yet).
 */
export interface AuthStore {
  findUserByEmail(email: string): Promise<UserCredentials | null>;
  listMemberships(userId: string): Promise<Membership[]>;
  lockedUntil(keys: readonly string[], now: Date): Promise<Date | null>;
  recordFailure(rules: readonly ThrottleRule[], now: Date, windowSeconds: number, lockSeconds: number): Promise<Date | null>;
  clearFailures(keys: readonly string[]): Promise<void>;

  insertSession(session: NewSession): Promise<void>;
  findSession(tokenHash: Uint8Array, now: Date): Promise<SessionRecord | null>;
  touchSession(tenantId: string, sessionId: string, now: Date, idleExpiresAt: Date): Promise<void>;
  revokeSession(tenantId: string, sessionId: string, now: Date): Promise<void>;
  revokeUserSessions(tenantId: string, userId: string, now: Date): Promise<void>;

  findApiKey(prefix: string, secretHash: Uint8Array): Promise<{ apiKeyId: string; tenantId: string; role: Role; name: string } | null>;
  touchApiKey(tenantId: string, apiKeyId: string, now: Date): Promise<void>;
  insertApiKey(tenantId: string, key: ApiKeyRecord & { readonly secretHash: Uint8Array; readonly createdBy: string | null }): Promise<void>;
  listApiKeys(tenantId: string): Promise<ApiKeyRecord[]>;
  revokeApiKey(tenantId: string, apiKeyId: string, now: Date): Promise<boolean>;

  createResetToken(input: {
    id: string;
    email: string;
    tokenHash: Uint8Array;
    purpose: 'reset' | 'invitation';
    now: Date;
    expiresAt: Date;
  }): Promise<{ userId: string; displayName: string; locale: 'fr' | 'en' } | null>;
  consumeResetToken(tokenHash: Uint8Array, passwordHash: string, now: Date): Promise<string | null>;
  changeOwnPassword(tenantId: string, userId: string, passwordHash: string, keepSessionId: string, now: Date): Promise<void>;

  ensureUser(input: { id: string; email: string; displayName: string; locale: 'fr' | 'en'; now: Date }): Promise<string>;
  findMember(tenantId: string, userId: string): Promise<MemberRecord | null>;
  listMembers(tenantId: string): Promise<MemberRecord[]>;
  addMember(tenantId: string, userId: string, role: Role, now: Date): Promise<'added' | 'already-member'>;
  /**
   * A member made a viewer may no longer act on cases: the store takes them off the cases they follow and off the
   * creditors whose new cases they would get, journaled as done `by` whoever changed the role.
   */
  setMemberRole(tenantId: string, userId: string, role: Role, change: RoleChange): Promise<void>;
  /** Their cases and creditors become unassigned, journaled as done `by` whoever removed them. */
  removeMember(tenantId: string, userId: string, change: RoleChange): Promise<void>;
  countOwners(tenantId: string): Promise<number>;
  tenantName(tenantId: string): Promise<string>;
  insertTenant(tenant: {
    id: string;
    name: string;
    kind: 'company' | 'agency';
    defaultLocale: 'fr' | 'en';
    createdAt: Date;
  }): Promise<void>;
  /** Operator path (CLI, demo): sets a password without a reset link. */
  setPassword(userId: string, passwordHash: string, now: Date): Promise<void>;
}

/** E-mails about accounts (reset links, invitations) go out through a durable job, never inside the request. */
export interface AuthMailQueue {
  queue(message: AuthMail): Promise<void>;
}

export type AuthMail =
  | {
      readonly kind: 'password-reset';
      readonly to: string;
      readonly displayName: string;
      readonly locale: 'fr' | 'en';
      readonly token: string;
    }
  | {
      readonly kind: 'invitation';
      readonly to: string;
      readonly displayName: string;
      readonly locale: 'fr' | 'en';
      readonly token: string;
      readonly tenantName: string;
      readonly invitedBy: string;
    }
  | {
      readonly kind: 'added-to-tenant';
      readonly to: string;
      readonly displayName: string;
      readonly locale: 'fr' | 'en';
      readonly tenantName: string;
      readonly invitedBy: string;
    };

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hashed: string, password: string): Promise<boolean>;
}

export interface SessionPolicy {
  readonly idleMinutes: number;
  readonly maxHours: number;
}

/** Who changed a member's role, and when: the journal lines of the cases it takes back name them. */
export interface RoleChange {
  readonly by: { readonly kind: 'user' | 'api-key'; readonly id: string; readonly label: string };
  readonly now: Date;
}

/**
 * Roles inside a tenant, from most to least powerful. A permission lists the
 * roles that hold it; the API checks it before calling a use case.
 */
export const ROLES = ['owner', 'manager', 'agent', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

const ALL: readonly Role[] = ROLES;
const MANAGERS: readonly Role[] = ['owner', 'manager'];
const AGENTS: readonly Role[] = ['owner', 'manager', 'agent'];

export const PERMISSIONS = {
  /** See creditors, debtors, invoices, payments, activity, imports. */
  'ledger:read': ALL,
  /** Create and change creditors, invoices, payments and allocations. */
  'ledger:write': MANAGERS,
  /** Work a debtor's file: contacts, notes, tags, disputes. */
  'debtor:work': AGENTS,
  /** Import invoice files. */
  'imports:run': MANAGERS,
  /** Invite, change and remove users. */
  'users:manage': ['owner'],
  /** Create and revoke API keys. */
  'api-keys:manage': ['owner'],
  /** Add or correct a half-year of the legal rates table (tenant administrator). */
  'rates:manage': ['owner'],
  /** Change the letter texts (a new version of a type's text, for the tenant or one creditor). */
  'letters:write': MANAGERS,
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

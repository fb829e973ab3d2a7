import { type Static, Type } from 'typebox';
import { Instant, Locale, Nullable, Uuid } from './common.js';

export const Role = Type.Union([Type.Literal('owner'), Type.Literal('manager'), Type.Literal('agent'), Type.Literal('viewer')]);
export type Role = Static<typeof Role>;

export const LoginBody = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 254 }),
    password: Type.String({ minLength: 1, maxLength: 1000 }),
    tenantId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

export const Membership = Type.Object({ tenantId: Uuid, tenantName: Type.String(), role: Role });

export const Me = Type.Object({
  user: Type.Object({ id: Uuid, email: Type.String(), displayName: Type.String(), locale: Locale }),
  tenant: Type.Object({ id: Uuid, name: Type.String() }),
  role: Role,
  via: Type.Union([Type.Literal('session'), Type.Literal('api-key')]),
  memberships: Type.Array(Membership),
});
export type Me = Static<typeof Me>;

export const SwitchTenantBody = Type.Object({ tenantId: Uuid }, { additionalProperties: false });
export const PasswordResetRequestBody = Type.Object(
  { email: Type.String({ minLength: 3, maxLength: 254 }) },
  { additionalProperties: false },
);
export const PasswordResetConfirmBody = Type.Object(
  {
    token: Type.String({ minLength: 10, maxLength: 200 }),
    password: Type.String({ minLength: 1, maxLength: 1000 }),
  },
  { additionalProperties: false },
);
export const ChangePasswordBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 1000 }),
    newPassword: Type.String({ minLength: 1, maxLength: 1000 }),
  },
  { additionalProperties: false },
);
export const Accepted = Type.Object({ status: Type.Literal('accepted') });

export const Member = Type.Object({
  userId: Uuid,
  email: Type.String(),
  displayName: Type.String(),
  role: Role,
  locale: Locale,
  joinedAt: Instant,
});
export type Member = Static<typeof Member>;

export const InviteMemberBody = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 254 }),
    displayName: Type.String({ minLength: 1, maxLength: 200 }),
    role: Role,
    locale: Type.Optional(Locale),
  },
  { additionalProperties: false },
);
export const ChangeRoleBody = Type.Object({ role: Role }, { additionalProperties: false });
export const UserParams = Type.Object({ userId: Uuid });

export const ApiKey = Type.Object({
  id: Uuid,
  name: Type.String(),
  prefix: Type.String(),
  role: Role,
  createdAt: Instant,
  lastUsedAt: Nullable(Instant),
  revokedAt: Nullable(Instant),
});
export type ApiKey = Static<typeof ApiKey>;
export const CreateApiKeyBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    role: Type.Union([Type.Literal('manager'), Type.Literal('agent'), Type.Literal('viewer')]),
  },
  { additionalProperties: false },
);
export const CreatedApiKey = Type.Object({
  apiKey: ApiKey,
  secret: Type.String({ description: 'The full key, shown once: send it as "Authorization: Bearer <secret>"' }),
});

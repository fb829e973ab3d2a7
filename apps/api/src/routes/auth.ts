import {
  ApiKey as ApiKeySchema,
  Accepted,
  ChangePasswordBody,
  ChangeRoleBody,
  CreateApiKeyBody,
  CreatedApiKey,
  IdParams,
  InviteMemberBody,
  LoginBody,
  Me,
  Member,
  PasswordResetConfirmBody,
  PasswordResetRequestBody,
  SwitchTenantBody,
  UserParams,
} from '@amiable/contract';
import {
  type ApiKeyRecord,
  type MemberRecord,
  type Principal,
  changeMemberRole,
  changePassword,
  createApiKey,
  inviteMember,
  login,
  logout,
  removeMember,
  requestPasswordReset,
  resetPassword,
  revokeApiKey,
  switchTenant,
} from '@amiable/auth';
import { type Static, Type } from 'typebox';
import type { ApiDeps } from '../deps.js';
import { fail } from '../http-errors.js';
import { authorize, clearSessionCookie, principalOf, sessionTokenOf, setSessionCookie } from '../request-context.js';
import type { App } from '../app-type.js';

const tags = ['Authentification'];
const ref = { $ref: 'Error#' } as const;

function memberDto(m: MemberRecord): Static<typeof Member> {
  return {
    userId: m.userId,
    email: m.email,
    displayName: m.displayName,
    role: m.role,
    locale: m.locale,
    joinedAt: m.joinedAt.toISOString(),
  };
}

function apiKeyDto(k: ApiKeyRecord): Static<typeof ApiKeySchema> {
  return {
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    role: k.role,
    createdAt: k.createdAt.toISOString(),
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
    revokedAt: k.revokedAt?.toISOString() ?? null,
  };
}

async function meOf(deps: ApiDeps, principal: Principal): Promise<Static<typeof Me>> {
  const tenantName = await deps.authStore.tenantName(principal.tenantId);
  if (principal.kind === 'api-key') {
    return {
      user: { id: principal.apiKeyId, email: '', displayName: principal.name, locale: 'fr' },
      tenant: { id: principal.tenantId, name: tenantName },
      role: principal.role,
      via: 'api-key',
      memberships: [],
    };
  }
  return {
    user: { id: principal.userId, email: principal.email, displayName: principal.displayName, locale: principal.locale },
    tenant: { id: principal.tenantId, name: tenantName },
    role: principal.role,
    via: 'session',
    memberships: await deps.authStore.listMemberships(principal.userId),
  };
}

export async function authRoutes(app: App, deps: ApiDeps): Promise<void> {
  const policy = { idleMinutes: deps.config.sessionIdleMinutes, maxHours: deps.config.sessionMaxHours };
  const common = { store: deps.authStore, clock: deps.clock, random: deps.random, ids: deps.ids };

  app.post(
    '/auth/login',
    {
      schema: {
        tags,
        summary: 'Log in (sets the session cookie)',
        security: [],
        body: LoginBody,
        response: { 200: Me, 401: ref, 429: ref },
      },
    },
    async (request, reply) => {
      const result = await login(
        {
          email: request.body.email,
          password: request.body.password,
          tenantId: request.body.tenantId,
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
          previousSessionToken: sessionTokenOf(request, deps),
        },
        { ...common, hasher: deps.hasher, policy, dummyHash: deps.dummyPasswordHash },
      );
      if (!result.ok) fail(result.error);
      const session = result.value;
      setSessionCookie(reply, deps, session.token, session.expiresAt);
      const tenantName = session.memberships.find((m) => m.tenantId === session.tenantId)?.tenantName ?? '';
      return {
        user: { id: session.userId, email: session.email, displayName: session.displayName, locale: session.locale },
        tenant: { id: session.tenantId, name: tenantName },
        role: session.role,
        via: 'session' as const,
        memberships: [...session.memberships],
      };
    },
  );

  app.post(
    '/auth/logout',
    { schema: { tags, summary: 'Log out (revokes the session)', response: { 204: Type.Null() } } },
    async (request, reply) => {
      if (request.principal) await logout(request.principal, common);
      clearSessionCookie(reply, deps);
      return reply.status(204).send(null);
    },
  );

  app.get('/auth/me', { schema: { tags, summary: 'Who am I', response: { 200: Me, 401: ref } } }, async (request) =>
    meOf(deps, principalOf(request)),
  );

  app.post(
    '/auth/switch-tenant',
    { schema: { tags, summary: 'Work in another tenant you belong to', body: SwitchTenantBody, response: { 200: Me, 404: ref } } },
    async (request, reply) => {
      const principal = principalOf(request);
      const result = await switchTenant(
        principal,
        { tenantId: request.body.tenantId, ip: request.ip, userAgent: request.headers['user-agent'] ?? null },
        { ...common, policy },
      );
      if (!result.ok) fail(result.error);
      setSessionCookie(reply, deps, result.value.token, result.value.expiresAt);
      if (principal.kind !== 'user') fail({ code: 'AUTH_FORBIDDEN' });
      const membership = (await deps.authStore.listMemberships(principal.userId)).find((m) => m.tenantId === result.value.tenantId);
      return meOf(deps, { ...principal, tenantId: result.value.tenantId, role: membership?.role ?? 'viewer' });
    },
  );

  app.post(
    '/auth/password-reset',
    {
      schema: {
        tags,
        summary: 'Ask for a password-reset link (same answer whether or not the account exists)',
        security: [],
        body: PasswordResetRequestBody,
        response: { 202: Accepted },
      },
    },
    async (request, reply) => {
      await requestPasswordReset({ email: request.body.email, ip: request.ip }, { ...common, mail: deps.authMail });
      return reply.status(202).send({ status: 'accepted' as const });
    },
  );

  app.post(
    '/auth/password-reset/confirm',
    {
      schema: {
        tags,
        summary: 'Set a new password from a reset or invitation link',
        security: [],
        body: PasswordResetConfirmBody,
        response: { 204: Type.Null(), 400: ref },
      },
    },
    async (request, reply) => {
      const result = await resetPassword(request.body, { store: deps.authStore, hasher: deps.hasher, clock: deps.clock });
      if (!result.ok) fail(result.error);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/auth/password',
    { schema: { tags, summary: 'Change your password', body: ChangePasswordBody, response: { 204: Type.Null(), 400: ref } } },
    async (request, reply) => {
      const result = await changePassword(principalOf(request), request.body, {
        store: deps.authStore,
        hasher: deps.hasher,
        clock: deps.clock,
      });
      if (!result.ok) fail(result.error);
      return reply.status(204).send(null);
    },
  );

  const userTags = ['Utilisateurs'];
  app.get(
    '/users',
    { schema: { tags: userTags, summary: "The tenant's members", response: { 200: Type.Object({ items: Type.Array(Member) }) } } },
    async (request) => {
      const principal = authorize(request, 'ledger:read');
      return { items: (await deps.authStore.listMembers(principal.tenantId)).map(memberDto) };
    },
  );

  app.post(
    '/users',
    { schema: { tags: userTags, summary: 'Invite a person (owner)', body: InviteMemberBody, response: { 201: Member, 409: ref } } },
    async (request, reply) => {
      const result = await inviteMember(principalOf(request), request.body, { ...common, mail: deps.authMail });
      if (!result.ok) fail(result.error);
      return reply.status(201).send(memberDto(result.value));
    },
  );

  app.patch(
    '/users/:userId',
    {
      schema: {
        tags: userTags,
        summary: "Change a member's role (owner)",
        params: UserParams,
        body: ChangeRoleBody,
        response: { 200: Member, 404: ref, 409: ref },
      },
    },
    async (request) => {
      const result = await changeMemberRole(principalOf(request), { userId: request.params.userId, role: request.body.role }, common);
      if (!result.ok) fail(result.error);
      await deps.authStore.revokeUserSessions(principalOf(request).tenantId, request.params.userId, deps.clock.now());
      return memberDto(result.value);
    },
  );

  app.delete(
    '/users/:userId',
    {
      schema: {
        tags: userTags,
        summary: 'Remove a member (owner); their sessions end',
        params: UserParams,
        response: { 204: Type.Null(), 404: ref },
      },
    },
    async (request, reply) => {
      const result = await removeMember(principalOf(request), { userId: request.params.userId }, common);
      if (!result.ok) fail(result.error);
      return reply.status(204).send(null);
    },
  );

  const keyTags = ['Clés API'];
  app.get(
    '/api-keys',
    {
      schema: {
        tags: keyTags,
        summary: 'API keys of the tenant (owner)',
        response: { 200: Type.Object({ items: Type.Array(ApiKeySchema) }) },
      },
    },
    async (request) => {
      const principal = authorize(request, 'api-keys:manage');
      return { items: (await deps.authStore.listApiKeys(principal.tenantId)).map(apiKeyDto) };
    },
  );

  app.post(
    '/api-keys',
    {
      schema: {
        tags: keyTags,
        summary: 'Create an API key (owner); the secret is shown once',
        body: CreateApiKeyBody,
        response: { 201: CreatedApiKey },
      },
    },
    async (request, reply) => {
      const result = await createApiKey(principalOf(request), request.body, common);
      if (!result.ok) fail(result.error);
      return reply.status(201).send({ apiKey: apiKeyDto(result.value.apiKey), secret: result.value.secret });
    },
  );

  app.delete(
    '/api-keys/:id',
    { schema: { tags: keyTags, summary: 'Revoke an API key (owner)', params: IdParams, response: { 204: Type.Null(), 404: ref } } },
    async (request, reply) => {
      const result = await revokeApiKey(principalOf(request), { apiKeyId: request.params.id }, common);
      if (!result.ok) fail(result.error);
      return reply.status(204).send(null);
    },
  );
}

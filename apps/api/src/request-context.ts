/**
 * Per-request context: who calls (principal), in which language, from where.
 * Authentication reads the session cookie or an API key; handlers then declare
 * the permission they need. A cookie-authenticated write must come from our own
 * origin (CSRF defence on top of SameSite=Lax).
 */
import { type Principal, authenticateApiKey, authenticateSession } from '@amiable/auth';
import { type Permission, can } from '@amiable/domain';
import { type Locale, negotiateLocale } from '@amiable/i18n';
import type { Actor } from '@amiable/ledger';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiDeps } from './deps.js';
import { fail } from './http-errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    locale: Locale;
  }
}

export function sessionCookieName(secure: boolean): string {
  // The __Host- prefix pins the cookie to this host, path / and https (ASVS 3.3.1); it requires Secure.
  return secure ? '__Host-amiable_session' : 'amiable_session';
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function registerRequestContext(app: FastifyInstance, deps: ApiDeps): void {
  const cookieName = sessionCookieName(deps.config.cookieSecure);
  const publicOrigin = new URL(deps.config.publicUrl).origin;
  app.decorateRequest('principal', null);
  app.decorateRequest('locale', 'fr');

  app.addHook('onRequest', async (request) => {
    request.locale = negotiateLocale(request.headers['accept-language']);
    if (!request.url.startsWith('/api/')) return;
    const authorization = request.headers.authorization;
    if (authorization?.startsWith('Bearer ')) {
      request.principal = await authenticateApiKey(authorization.slice(7).trim(), { store: deps.authStore, clock: deps.clock });
      return;
    }
    const token = request.cookies[cookieName];
    if (!token) return;
    request.principal = await authenticateSession(token, {
      store: deps.authStore,
      clock: deps.clock,
      policy: { idleMinutes: deps.config.sessionIdleMinutes, maxHours: deps.config.sessionMaxHours },
    });
    if (request.principal && UNSAFE_METHODS.has(request.method)) {
      const origin = request.headers.origin;
      const fetchSite = request.headers['sec-fetch-site'];
      const hostOrigin = `${request.protocol}://${request.headers.host ?? ''}`;
      if ((origin && origin !== publicOrigin && origin !== hostOrigin) || fetchSite === 'cross-site') {
        request.principal = null;
        fail({ code: 'AUTH_CSRF' });
      }
    }
  });
}

/** The caller, or 401. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) fail({ code: 'AUTH_REQUIRED' });
  return request.principal;
}

/** The caller if their role holds `permission`, else 401/403. */
export function authorize(request: FastifyRequest, permission: Permission): Principal {
  const principal = principalOf(request);
  if (!can(principal.role, permission)) fail({ code: 'AUTH_FORBIDDEN' });
  return principal;
}

export function actorOf(request: FastifyRequest, principal: Principal): Actor {
  return principal.kind === 'user'
    ? { kind: 'user', id: principal.userId, label: principal.displayName, channel: 'web', ip: request.ip }
    : { kind: 'api-key', id: principal.apiKeyId, label: principal.name, channel: 'api', ip: request.ip };
}

export function setSessionCookie(reply: FastifyReply, deps: ApiDeps, token: string, expiresAt: Date): void {
  reply.setCookie(sessionCookieName(deps.config.cookieSecure), token, {
    path: '/',
    httpOnly: true,
    secure: deps.config.cookieSecure,
    sameSite: 'lax',
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply, deps: ApiDeps): void {
  reply.clearCookie(sessionCookieName(deps.config.cookieSecure), {
    path: '/',
    httpOnly: true,
    secure: deps.config.cookieSecure,
    sameSite: 'lax',
  });
}

export function sessionTokenOf(request: FastifyRequest, deps: ApiDeps): string | undefined {
  return request.cookies[sessionCookieName(deps.config.cookieSecure)];
}

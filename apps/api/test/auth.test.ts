/**
 * Authentication, sessions, API keys, roles and CSRF as a user and an attacker
 * see them: real PostgreSQL, the real Fastify app through inject, a fake clock.
 * Each scenario uses its own tenant, and failed logins come from addresses of
 * their own so the per-address throttle of one scenario does not leak into another.
 */
import { createHash } from 'node:crypto';
import { argon2PasswordHasher } from '@amiable/system';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, type TestApi, startTestApi } from './harness.js';
import { APP_ORIGIN, SESSION_COOKIE, authMailJobs } from './http-helpers.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.close();
});

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface Call {
  readonly cookie?: string;
  readonly bearer?: string;
  readonly body?: unknown;
  readonly ip?: string;
  readonly headers?: Record<string, string>;
}

function call(method: Method, url: string, options: Call = {}): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { origin: APP_ORIGIN, ...options.headers };
  if (options.cookie) headers.cookie = options.cookie;
  if (options.bearer) headers.authorization = `Bearer ${options.bearer}`;
  return api.app.inject({
    method,
    url,
    headers,
    ...(options.body === undefined ? {} : { payload: options.body as Record<string, unknown> }),
    ...(options.ip ? { remoteAddress: options.ip } : {}),
  });
}

function loginCall(email: string, password: string, options: Omit<Call, 'body'> = {}) {
  return call('POST', '/api/auth/login', { ...options, body: { email, password } });
}

function sessionCookieOf(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error(`no ${SESSION_COOKIE} cookie in ${JSON.stringify(response.headers['set-cookie'])}`);
  return `${cookie.name}=${cookie.value}`;
}

/** The error as a client compares it: everything but the per-request id. */
function errorShape(response: LightMyRequestResponse) {
  const { requestId, ...rest } = response.json() as { requestId: string };
  expect(requestId).toEqual(expect.any(String));
  return { status: response.statusCode, ...rest };
}

async function me(cookie: string) {
  return call('GET', '/api/auth/me', { cookie });
}

/** Invites `email` into the owner's tenant and sets their password through the invitation link. */
async function addMember(ownerCookie: string, email: string, role: 'manager' | 'agent' | 'viewer', password = TEST_PASSWORD) {
  const invited = await call('POST', '/api/users', { cookie: ownerCookie, body: { email, displayName: email.split('@')[0], role } });
  expect(invited.statusCode).toBe(201);
  const job = (await authMailJobs(api)).find((j) => j.to === email && j.kind === 'invitation');
  expect(job?.token).toEqual(expect.any(String));
  const confirmed = await call('POST', '/api/auth/password-reset/confirm', { body: { token: job?.token, password } });
  expect(confirmed.statusCode).toBe(204);
  return { userId: (invited.json() as { userId: string }).userId, cookie: await api.login(email, password) };
}

let ipCounter = 0;
const freshIp = () => `198.51.100.${++ipCounter}`;

describe('sessions', () => {
  it('sets a __Host- cookie (httpOnly, Secure, SameSite=Lax, path /, no Domain) that opens /api/auth/me', async () => {
    const { tenantId, userId } = await api.createTenantWithOwner('Cookie SAS', 'cookie@cookie.test');
    const response = await loginCall('cookie@cookie.test', TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cookie).toMatchObject({ name: '__Host-amiable_session', path: '/', httpOnly: true, secure: true, sameSite: 'Lax' });
    expect(cookie?.domain).toBeUndefined();
    // 256 random bits, base64url (ASVS 7.2.3 asks for at least 128).
    expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const raw = String(response.headers['set-cookie']);
    expect(raw).toMatch(/HttpOnly/i);
    expect(raw).toMatch(/Secure/i);
    expect(raw).toMatch(/SameSite=Lax/i);

    const who = await me(sessionCookieOf(response));
    expect(who.statusCode).toBe(200);
    expect(who.json()).toMatchObject({
      user: { id: userId, email: 'cookie@cookie.test' },
      tenant: { id: tenantId, name: 'Cookie SAS' },
      role: 'owner',
      via: 'session',
    });

    // Only the SHA-256 of the token is stored.
    const stored = await api.db.admin.query('SELECT token_hash FROM amiable.session WHERE user_id = $1', [userId]);
    const digest = createHash('sha256')
      .update(cookie?.value ?? '')
      .digest();
    expect(stored.rows.map((r: { token_hash: Buffer }) => r.token_hash.equals(digest))).toContain(true);
    expect(JSON.stringify(stored.rows)).not.toContain(cookie?.value);
  });

  it('gives a new token at every login and revokes the session presented at login; logout revokes', async () => {
    await api.createTenantWithOwner('Rotation SAS', 'rotation@rotation.test');
    const first = sessionCookieOf(await loginCall('rotation@rotation.test', TEST_PASSWORD));
    expect((await me(first)).statusCode).toBe(200);

    // Logging in again from the same browser (old cookie presented): new token, old session revoked.
    const again = await loginCall('rotation@rotation.test', TEST_PASSWORD, { cookie: first });
    expect(again.statusCode).toBe(200);
    const second = sessionCookieOf(again);
    expect(second).not.toBe(first);
    expect((await me(first)).statusCode).toBe(401);
    expect((await me(second)).statusCode).toBe(200);

    // A login from elsewhere does not end the other browser's session.
    const elsewhere = sessionCookieOf(await loginCall('rotation@rotation.test', TEST_PASSWORD));
    expect((await me(second)).statusCode).toBe(200);

    const out = await call('POST', '/api/auth/logout', { cookie: second });
    expect(out.statusCode).toBe(204);
    const cleared = out.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cleared?.value ?? '').toBe('');
    const after = await me(second);
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('AUTH_REQUIRED');
    expect((await me(elsewhere)).statusCode).toBe(200);
  });

  it('refuses forged, truncated and absent session cookies alike', async () => {
    for (const cookie of [
      `${SESSION_COOKIE}=${'A'.repeat(43)}`,
      `${SESSION_COOKIE}=short`,
      `${SESSION_COOKIE}=`,
      'amiable_session=whatever',
    ]) {
      const response = await me(cookie);
      expect(errorShape(response)).toEqual({ status: 401, code: 'AUTH_REQUIRED', message: 'Veuillez vous connecter.' });
    }
  });
});

describe('no account enumeration at login', () => {
  it('answers a wrong password, an unknown e-mail and an invited account without a password the same way', async () => {
    await api.createTenantWithOwner('Enum SAS', 'owner@enum.test');
    const owner = await api.login('owner@enum.test');
    const invited = await call('POST', '/api/users', {
      cookie: owner,
      body: { email: 'pending@enum.test', displayName: 'Pending', role: 'agent' },
    });
    expect(invited.statusCode).toBe(201);

    const attempts = [
      await loginCall('owner@enum.test', 'not-the-password-at-all', { ip: freshIp() }),
      await loginCall('nobody@enum.test', 'not-the-password-at-all', { ip: freshIp() }),
      await loginCall('pending@enum.test', 'not-the-password-at-all', { ip: freshIp() }),
      // The invitee has no password yet: even an empty-hash guess must not log in.
      await loginCall('pending@enum.test', TEST_PASSWORD, { ip: freshIp() }),
    ];
    const expected = { status: 401, code: 'AUTH_INVALID_CREDENTIALS', message: 'Adresse e-mail ou mot de passe incorrect.' };
    for (const attempt of attempts) {
      expect(errorShape(attempt)).toEqual(expected);
      expect(attempt.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
      expect(Object.keys(attempt.json()).sort()).toEqual(['code', 'message', 'requestId']);
    }
  });

  it('speaks English with Accept-Language: en, the same answer for known and unknown e-mails', async () => {
    await api.createTenantWithOwner('Lang SAS', 'owner@lang.test');
    const headers = { 'accept-language': 'en-GB,en;q=0.9' };
    const known = await loginCall('owner@lang.test', 'wrong-password-here', { ip: freshIp(), headers });
    const unknown = await loginCall('ghost@lang.test', 'wrong-password-here', { ip: freshIp(), headers });
    const expected = { status: 401, code: 'AUTH_INVALID_CREDENTIALS', message: 'Wrong e-mail address or password.' };
    expect(errorShape(known)).toEqual(expected);
    expect(errorShape(unknown)).toEqual(expected);
  });
});

describe('login throttling', () => {
  it('locks an e-mail after 5 failures, from every address, even for the right password; unknown e-mails identically; 15 minutes later the password works', async () => {
    await api.createTenantWithOwner('Lock SAS', 'locked@lock.test');
    const ip = freshIp();
    const ghostIp = freshIp();
    for (let i = 1; i <= 5; i++) {
      const known = await loginCall('locked@lock.test', `wrong-password-${i}`, { ip });
      const unknown = await loginCall('ghost@lock.test', `wrong-password-${i}`, { ip: ghostIp });
      expect(known.statusCode).toBe(401);
      expect(errorShape(unknown)).toEqual(errorShape(known));
    }

    const sixth = await loginCall('locked@lock.test', TEST_PASSWORD, { ip });
    const sixthGhost = await loginCall('ghost@lock.test', TEST_PASSWORD, { ip: ghostIp });
    expect(errorShape(sixth)).toEqual({
      status: 429,
      code: 'AUTH_RATE_LIMITED',
      message: 'Trop de tentatives. Réessayez dans 900 secondes.',
    });
    expect(sixth.headers['retry-after']).toBe('900');
    expect(sixth.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
    expect(errorShape(sixthGhost)).toEqual(errorShape(sixth));
    expect(sixthGhost.headers['retry-after']).toBe(sixth.headers['retry-after']);

    // The lock is on the e-mail: another address does not get around it.
    const otherAddress = await loginCall('locked@lock.test', TEST_PASSWORD, { ip: freshIp() });
    expect(otherAddress.statusCode).toBe(429);

    api.clock.advance(10 * 60_000);
    const stillLocked = await loginCall('locked@lock.test', TEST_PASSWORD, { ip });
    expect(stillLocked.statusCode).toBe(429);
    expect(stillLocked.headers['retry-after']).toBe('300');

    api.clock.advance(5 * 60_000 + 1_000);
    const unlocked = await loginCall('locked@lock.test', TEST_PASSWORD, { ip });
    expect(unlocked.statusCode).toBe(200);
    expect((await me(sessionCookieOf(unlocked))).statusCode).toBe(200);
  });

  it('locks an address after 30 failures across e-mails (password spraying), for every account', async () => {
    await api.createTenantWithOwner('Spray SAS', 'victim@spray.test');
    const ip = freshIp();
    for (let i = 1; i <= 30; i++) {
      const attempt = await loginCall(`user${i}@spray.test`, 'Printemps2026!', { ip });
      expect(attempt.statusCode).toBe(401);
    }
    const blocked = await loginCall('victim@spray.test', TEST_PASSWORD, { ip });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('AUTH_RATE_LIMITED');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // The account itself is not locked: its owner logs in from their own address.
    expect((await loginCall('victim@spray.test', TEST_PASSWORD, { ip: freshIp() })).statusCode).toBe(200);
  });
});

describe('password reset', () => {
  it('answers 202 for any e-mail, mails a token only to a real account, and the token sets a new password once', async () => {
    const { userId } = await api.createTenantWithOwner('Reset SAS', 'reset@reset.test');
    const before = await api.login('reset@reset.test');
    const jobsBefore = await authMailJobs(api);

    const known = await call('POST', '/api/auth/password-reset', { body: { email: 'Reset@Reset.test ' }, ip: freshIp() });
    const unknown = await call('POST', '/api/auth/password-reset', { body: { email: 'nobody@reset.test' }, ip: freshIp() });
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(known.json()).toEqual({ status: 'accepted' });
    expect(unknown.json()).toEqual(known.json());

    const jobs = (await authMailJobs(api)).filter((j) => !jobsBefore.some((b) => b.jobId === j.jobId));
    expect(jobs.map((j) => ({ kind: j.kind, to: j.to }))).toEqual([{ kind: 'password-reset', to: 'reset@reset.test' }]);
    const token = jobs[0]?.token ?? '';
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The token is stored hashed only.
    const stored = await api.db.admin.query('SELECT token_hash FROM amiable.password_reset_token WHERE user_id = $1', [userId]);
    expect(stored.rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(stored.rows)).not.toContain(token);

    // A weak password is refused, naming the field, and does not spend the token.
    for (const weak of ['short', 'motdepasse2026', 'aaaaaaaaaaaaaaaa']) {
      const refused = await call('POST', '/api/auth/password-reset/confirm', { body: { token, password: weak } });
      expect(refused.statusCode).toBe(400);
      expect(refused.json()).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ field: 'password', code: 'weak_password' }] });
    }

    const newPassword = 'une-phrase-de-passe-neuve';
    const confirmed = await call('POST', '/api/auth/password-reset/confirm', { body: { token, password: newPassword } });
    expect(confirmed.statusCode).toBe(204);

    expect((await me(before)).statusCode).toBe(401);
    expect((await loginCall('reset@reset.test', TEST_PASSWORD, { ip: freshIp() })).statusCode).toBe(401);
    expect((await loginCall('reset@reset.test', newPassword, { ip: freshIp() })).statusCode).toBe(200);

    const reused = await call('POST', '/api/auth/password-reset/confirm', { body: { token, password: 'encore-une-autre-phrase' } });
    expect(errorShape(reused)).toEqual({
      status: 400,
      code: 'AUTH_RESET_TOKEN_INVALID',
      message: 'Ce lien est invalide ou a expiré. Demandez-en un nouveau.',
    });
    const forged = await call('POST', '/api/auth/password-reset/confirm', {
      body: { token: 'A'.repeat(43), password: 'encore-une-autre-phrase' },
    });
    expect(errorShape(forged)).toEqual(errorShape(reused));
    expect((await loginCall('reset@reset.test', 'encore-une-autre-phrase', { ip: freshIp() })).statusCode).toBe(401);
  });

  it('expires reset tokens after 60 minutes', async () => {
    await api.createTenantWithOwner('Expiry SAS', 'expiry@expiry.test');
    const jobsBefore = await authMailJobs(api);
    expect((await call('POST', '/api/auth/password-reset', { body: { email: 'expiry@expiry.test' }, ip: freshIp() })).statusCode).toBe(202);
    const token = (await authMailJobs(api)).find(
      (j) => j.to === 'expiry@expiry.test' && !jobsBefore.some((b) => b.jobId === j.jobId),
    )?.token;
    api.clock.advance(61 * 60_000);
    const late = await call('POST', '/api/auth/password-reset/confirm', { body: { token, password: 'une-phrase-de-passe-neuve' } });
    expect(late.statusCode).toBe(400);
    expect(late.json().code).toBe('AUTH_RESET_TOKEN_INVALID');
    expect((await loginCall('expiry@expiry.test', TEST_PASSWORD, { ip: freshIp() })).statusCode).toBe(200);
  });
});

describe('invitations', () => {
  it('lets an invitee set a password from the invitation and log in with the invited role', async () => {
    const { tenantId } = await api.createTenantWithOwner('Invite SAS', 'owner@invite.test');
    const owner = await api.login('owner@invite.test');
    const invited = await call('POST', '/api/users', {
      cookie: owner,
      body: { email: 'newcomer@invite.test', displayName: 'Newcomer', role: 'agent' },
    });
    expect(invited.statusCode).toBe(201);
    expect(invited.json()).toMatchObject({ email: 'newcomer@invite.test', displayName: 'Newcomer', role: 'agent' });

    const job = (await authMailJobs(api)).find((j) => j.to === 'newcomer@invite.test');
    expect(job).toMatchObject({ kind: 'invitation', token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    expect(
      (await call('POST', '/api/auth/password-reset/confirm', { body: { token: job?.token, password: 'bienvenue-dans-l-equipe' } }))
        .statusCode,
    ).toBe(204);

    const logged = await loginCall('newcomer@invite.test', 'bienvenue-dans-l-equipe', { ip: freshIp() });
    expect(logged.statusCode).toBe(200);
    expect(logged.json()).toMatchObject({ tenant: { id: tenantId }, role: 'agent', memberships: [{ tenantId, role: 'agent' }] });
  });

  it('answers the same 201 shape when the e-mail already has an account in another tenant', async () => {
    await api.createTenantWithOwner('Host SAS', 'owner@host.test');
    await api.createTenantWithOwner('Elsewhere SAS', 'someone@elsewhere.test');
    const owner = await api.login('owner@host.test');
    const jobsBefore = await authMailJobs(api);
    const fresh = await call('POST', '/api/users', {
      cookie: owner,
      body: { email: 'fresh@host.test', displayName: 'Fresh', role: 'viewer' },
    });
    const existing = await call('POST', '/api/users', {
      cookie: owner,
      body: { email: 'someone@elsewhere.test', displayName: 'Someone', role: 'viewer' },
    });
    expect(existing.statusCode).toBe(fresh.statusCode);
    expect(existing.statusCode).toBe(201);
    const shape = (body: Record<string, unknown>) => Object.fromEntries(Object.entries(body).map(([k, v]) => [k, typeof v]));
    expect(shape(existing.json())).toEqual(shape(fresh.json()));
    expect(existing.json()).toMatchObject({ email: 'someone@elsewhere.test', role: 'viewer' });
    expect(Object.keys(existing.json()).sort()).toEqual(['displayName', 'email', 'joinedAt', 'locale', 'role', 'userId']);

    // The existing person is told they were added; no password link goes out for an account that has one.
    const jobs = (await authMailJobs(api)).filter((j) => !jobsBefore.some((b) => b.jobId === j.jobId));
    expect(jobs.map((j) => ({ kind: j.kind, to: j.to, hasToken: j.token !== null }))).toEqual([
      { kind: 'invitation', to: 'fresh@host.test', hasToken: true },
      { kind: 'added-to-tenant', to: 'someone@elsewhere.test', hasToken: false },
    ]);
    // Inviting twice into the same tenant is a conflict of this tenant only.
    expect(
      (
        await call('POST', '/api/users', {
          cookie: owner,
          body: { email: 'someone@elsewhere.test', displayName: 'Someone', role: 'viewer' },
        })
      ).statusCode,
    ).toBe(409);
  });
});

describe('roles', () => {
  it('lets a viewer read but not write', async () => {
    const { tenantId } = await api.createTenantWithOwner('Roles SAS', 'owner@roles.test');
    const owner = await api.login('owner@roles.test');
    const viewer = (await addMember(owner, 'viewer@roles.test', 'viewer')).cookie;
    const creditor = await call('POST', '/api/creditors', { cookie: owner, body: { legalName: 'Créancier Rôles' } });
    const debtor = await call('POST', '/api/debtors', { cookie: owner, body: { kind: 'business', name: 'Débiteur Rôles' } });
    expect(creditor.statusCode).toBe(201);
    expect(debtor.statusCode).toBe(201);

    const forbidden = { status: 403, code: 'AUTH_FORBIDDEN', message: 'Votre rôle ne permet pas cette action.' };
    // Valid bodies, so a 403 can only come from the role.
    const writes: [Method, string, unknown][] = [
      ['POST', '/api/creditors', { legalName: 'Créancier interdit' }],
      [
        'POST',
        '/api/payments',
        { creditorId: creditor.json().id, debtorId: debtor.json().id, amount: '10.00', receivedOn: '2026-11-20', method: 'transfer' },
      ],
      ['POST', '/api/users', { email: 'intrus@roles.test', displayName: 'Intrus', role: 'owner' }],
      ['POST', '/api/debtors', { kind: 'business', name: 'Débiteur interdit' }],
      ['POST', `/api/debtors/${debtor.json().id}/notes`, { body: 'note interdite' }],
      ['PATCH', `/api/creditors/${creditor.json().id}`, { legalName: 'Renommé' }],
      ['POST', '/api/api-keys', { name: 'clé interdite', role: 'manager' }],
      ['PATCH', '/api/tenant', { name: 'Renommé' }],
    ];
    for (const [method, url, body] of writes) {
      expect({ url, ...errorShape(await call(method, url, { cookie: viewer, body })) }).toEqual({ url, ...forbidden });
    }
    for (const url of [
      '/api/invoices',
      '/api/creditors',
      '/api/debtors',
      '/api/payments',
      '/api/users',
      '/api/imports',
      '/api/tenant',
      `/api/debtors/${debtor.json().id}`,
    ]) {
      expect({ url, status: (await call('GET', url, { cookie: viewer })).statusCode }).toEqual({ url, status: 200 });
    }
    // Nothing was written.
    const creditors = await call('GET', '/api/creditors', { cookie: owner });
    expect(creditors.json().items.map((c: { legalName: string }) => c.legalName)).toEqual(['Créancier Rôles']);
    const members = await call('GET', '/api/users', { cookie: owner });
    expect(
      members
        .json()
        .items.map((m: { email: string }) => m.email)
        .sort(),
    ).toEqual(['owner@roles.test', 'viewer@roles.test']);
    expect((await call('GET', '/api/tenant', { cookie: owner })).json()).toMatchObject({ id: tenantId, name: 'Roles SAS' });
  });

  it('lets an agent add notes and contacts but not create creditors or invoices', async () => {
    await api.createTenantWithOwner('Agents SAS', 'owner@agents.test');
    const owner = await api.login('owner@agents.test');
    const agent = (await addMember(owner, 'agent@agents.test', 'agent')).cookie;
    const debtor = (await call('POST', '/api/debtors', { cookie: owner, body: { kind: 'business', name: 'Débiteur Agents' } })).json() as {
      id: string;
    };

    const note = await call('POST', `/api/debtors/${debtor.id}/notes`, { cookie: agent, body: { body: 'Rappelé ce matin' } });
    expect(note.statusCode).toBe(201);
    expect(note.json()).toMatchObject({ body: 'Rappelé ce matin', author: 'agent' });
    const contact = await call('POST', `/api/debtors/${debtor.id}/contacts`, {
      cookie: agent,
      body: { name: 'Mme Comptable', email: 'compta@agents.test' },
    });
    expect(contact.statusCode).toBe(201);

    expect((await call('POST', '/api/creditors', { cookie: agent, body: { legalName: 'Créancier Agent' } })).json().code).toBe(
      'AUTH_FORBIDDEN',
    );
    expect((await call('POST', '/api/creditors', { cookie: agent, body: { legalName: 'Créancier Agent' } })).statusCode).toBe(403);
    expect(
      (await call('POST', '/api/users', { cookie: agent, body: { email: 'x@agents.test', displayName: 'X', role: 'viewer' } })).statusCode,
    ).toBe(403);
    expect((await call('POST', '/api/creditors', { cookie: owner, body: { legalName: 'Créancier Agents' } })).statusCode).toBe(201);
    expect((await call('GET', '/api/creditors', { cookie: owner })).json().items).toHaveLength(1);
  });

  it('ends the sessions of a member at once when their role changes or they are removed', async () => {
    await api.createTenantWithOwner('Turnover SAS', 'owner@turnover.test');
    const owner = await api.login('owner@turnover.test');
    const demoted = await addMember(owner, 'demoted@turnover.test', 'manager');
    const removed = await addMember(owner, 'removed@turnover.test', 'manager');
    expect((await me(demoted.cookie)).json().role).toBe('manager');

    const patched = await call('PATCH', `/api/users/${demoted.userId}`, { cookie: owner, body: { role: 'viewer' } });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ userId: demoted.userId, role: 'viewer' });
    expect((await me(demoted.cookie)).statusCode).toBe(401);
    expect((await call('POST', '/api/creditors', { cookie: demoted.cookie, body: { legalName: 'Trop tard' } })).statusCode).toBe(401);
    const relogged = await api.login('demoted@turnover.test');
    expect((await me(relogged)).json().role).toBe('viewer');
    expect((await call('POST', '/api/creditors', { cookie: relogged, body: { legalName: 'Trop tard' } })).statusCode).toBe(403);

    expect((await call('DELETE', `/api/users/${removed.userId}`, { cookie: owner })).statusCode).toBe(204);
    expect((await me(removed.cookie)).statusCode).toBe(401);
    // Without a membership the password no longer opens anything, with the usual answer.
    const login = await loginCall('removed@turnover.test', TEST_PASSWORD, { ip: freshIp() });
    expect(errorShape(login)).toEqual({
      status: 401,
      code: 'AUTH_INVALID_CREDENTIALS',
      message: 'Adresse e-mail ou mot de passe incorrect.',
    });
  });

  it('keeps the last owner', async () => {
    const { userId } = await api.createTenantWithOwner('Owner SAS', 'owner@owner.test');
    const owner = await api.login('owner@owner.test');
    const lastOwner = { status: 409, code: 'LAST_OWNER', message: 'Le compte doit garder au moins un propriétaire.' };
    expect(errorShape(await call('DELETE', `/api/users/${userId}`, { cookie: owner }))).toEqual(lastOwner);
    expect(errorShape(await call('PATCH', `/api/users/${userId}`, { cookie: owner, body: { role: 'manager' } }))).toEqual(lastOwner);
    expect((await me(owner)).json().role).toBe('owner');

    // With a second owner, the first may step down.
    const second = await addMember(owner, 'second@owner.test', 'manager');
    expect((await call('PATCH', `/api/users/${second.userId}`, { cookie: owner, body: { role: 'owner' } })).statusCode).toBe(200);
    expect((await call('PATCH', `/api/users/${userId}`, { cookie: owner, body: { role: 'manager' } })).statusCode).toBe(200);
  });
});

describe('API keys', () => {
  it('shows the secret once, authenticates with its role, never lists the secret, and stops at revocation', async () => {
    const { tenantId } = await api.createTenantWithOwner('Keys SAS', 'owner@keys.test');
    const owner = await api.login('owner@keys.test');
    const created = await call('POST', '/api/api-keys', { cookie: owner, body: { name: 'ERP', role: 'manager' } });
    expect(created.statusCode).toBe(201);
    const { apiKey, secret } = created.json() as { apiKey: { id: string; prefix: string; role: string }; secret: string };
    expect(secret).toMatch(/^amk_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
    expect(secret.slice(4, 16)).toBe(apiKey.prefix);
    expect(apiKey.role).toBe('manager');

    const who = await call('GET', '/api/auth/me', { bearer: secret });
    expect(who.statusCode).toBe(200);
    expect(who.json()).toMatchObject({ tenant: { id: tenantId }, role: 'manager', via: 'api-key' });
    const written = await call('POST', '/api/creditors', { bearer: secret, body: { legalName: 'Créancier par clé' } });
    expect(written.statusCode).toBe(201);
    // A manager key does not manage keys or people.
    expect((await call('POST', '/api/api-keys', { bearer: secret, body: { name: 'escalade', role: 'manager' } })).statusCode).toBe(403);
    expect((await call('GET', '/api/api-keys', { bearer: secret })).statusCode).toBe(403);

    const viewerKey = (
      await call('POST', '/api/api-keys', { cookie: owner, body: { name: 'Tableau de bord', role: 'viewer' } })
    ).json() as { secret: string };
    expect((await call('GET', '/api/creditors', { bearer: viewerKey.secret })).statusCode).toBe(200);
    const viewerWrite = await call('POST', '/api/creditors', { bearer: viewerKey.secret, body: { legalName: 'Interdit' } });
    expect(viewerWrite.statusCode).toBe(403);
    expect(viewerWrite.json().code).toBe('AUTH_FORBIDDEN');
    // Keys never carry the owner role.
    expect((await call('POST', '/api/api-keys', { cookie: owner, body: { name: 'root', role: 'owner' } })).statusCode).toBe(400);

    const list = await call('GET', '/api/api-keys', { cookie: owner });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toHaveLength(2);
    expect(list.body).not.toContain(secret.slice(17));
    expect(list.body).not.toContain(viewerKey.secret.slice(17));
    for (const item of list.json().items)
      expect(Object.keys(item).sort()).toEqual(['createdAt', 'id', 'lastUsedAt', 'name', 'prefix', 'revokedAt', 'role']);
    const stored = await api.db.admin.query('SELECT * FROM amiable.api_key WHERE id = $1', [apiKey.id]);
    expect(JSON.stringify(stored.rows)).not.toContain(secret.slice(17));

    expect((await call('DELETE', `/api/api-keys/${apiKey.id}`, { cookie: owner })).statusCode).toBe(204);
    const revoked = await call('GET', '/api/auth/me', { bearer: secret });
    expect(errorShape(revoked)).toEqual({ status: 401, code: 'AUTH_REQUIRED', message: 'Veuillez vous connecter.' });
    expect((await call('POST', '/api/creditors', { bearer: secret, body: { legalName: 'Après révocation' } })).statusCode).toBe(401);
    expect((await call('DELETE', `/api/api-keys/${apiKey.id}`, { cookie: owner })).statusCode).toBe(404);
    expect(
      (await call('GET', '/api/api-keys', { cookie: owner })).json().items.find((k: { id: string }) => k.id === apiKey.id).revokedAt,
    ).toEqual(expect.any(String));
  });

  it('refuses malformed and wrong keys with 401, even next to a valid session cookie', async () => {
    await api.createTenantWithOwner('Badkeys SAS', 'owner@badkeys.test');
    const owner = await api.login('owner@badkeys.test');
    const { secret } = (await call('POST', '/api/api-keys', { cookie: owner, body: { name: 'ERP', role: 'manager' } })).json() as {
      secret: string;
    };
    const last = secret.at(-1) === 'A' ? 'B' : 'A';
    const wrong = [
      'nope',
      'amk_',
      `${secret.slice(0, 17)}${'A'.repeat(43)}`,
      `${secret.slice(0, -1)}${last}`,
      `amk_ZZZZZZZZZZZZ_${secret.slice(17)}`,
      `${secret}x`,
      secret.toUpperCase(),
    ];
    for (const key of wrong) {
      expect({ key, ...errorShape(await call('GET', '/api/creditors', { bearer: key })) }).toEqual({
        key,
        status: 401,
        code: 'AUTH_REQUIRED',
        message: 'Veuillez vous connecter.',
      });
      // A bad bearer is not rescued by a cookie sent alongside.
      expect((await call('GET', '/api/creditors', { bearer: key, cookie: owner })).statusCode).toBe(401);
    }
    expect((await call('GET', '/api/creditors', { bearer: secret })).statusCode).toBe(200);
  });
});

describe('CSRF', () => {
  it('refuses cookie-authenticated writes from another origin and changes nothing; API keys are not subject to it', async () => {
    await api.createTenantWithOwner('Csrf SAS', 'owner@csrf.test');
    const owner = await api.login('owner@csrf.test');
    const csrf = { status: 403, code: 'AUTH_CSRF', message: 'Requête refusée : origine non reconnue.' };

    const evil = await call('POST', '/api/creditors', {
      cookie: owner,
      body: { legalName: 'Créancier forgé' },
      headers: { origin: 'https://evil.example' },
    });
    expect(errorShape(evil)).toEqual(csrf);
    const crossSite = await api.app.inject({
      method: 'POST',
      url: '/api/creditors',
      headers: { cookie: owner, 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' },
      payload: JSON.stringify({ legalName: 'Créancier forgé' }),
    });
    expect(errorShape(crossSite)).toEqual(csrf);
    // A look-alike of our origin is another origin.
    const lookAlike = await call('POST', '/api/creditors', {
      cookie: owner,
      body: { legalName: 'Créancier forgé' },
      headers: { origin: 'http://localhost:3000.evil.example' },
    });
    expect(lookAlike.statusCode).toBe(403);
    // Logging out across sites is refused too: the session survives.
    expect((await call('POST', '/api/auth/logout', { cookie: owner, headers: { origin: 'https://evil.example' } })).statusCode).toBe(403);
    expect((await me(owner)).statusCode).toBe(200);
    expect((await call('GET', '/api/creditors', { cookie: owner })).json().items).toEqual([]);

    const own = await call('POST', '/api/creditors', {
      cookie: owner,
      body: { legalName: 'Créancier légitime' },
      headers: { origin: APP_ORIGIN },
    });
    expect(own.statusCode).toBe(201);

    const { secret } = (await call('POST', '/api/api-keys', { cookie: owner, body: { name: 'ERP', role: 'manager' } })).json() as {
      secret: string;
    };
    const byKey = await call('POST', '/api/creditors', {
      bearer: secret,
      body: { legalName: 'Créancier par clé' },
      headers: { origin: 'https://evil.example' },
    });
    expect(byKey.statusCode).toBe(201);
    const names = (await call('GET', '/api/creditors', { cookie: owner }))
      .json()
      .items.map((c: { legalName: string }) => c.legalName)
      .sort();
    expect(names).toEqual(['Créancier légitime', 'Créancier par clé']);
  });
});

describe('password hashing in production', () => {
  it('uses argon2id with the OWASP parameters (19 MiB, 2 passes, 1 lane)', async () => {
    const hashed = await argon2PasswordHasher.hash('correct-horse-battery-staple');
    expect(hashed).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(await argon2PasswordHasher.verify(hashed, 'correct-horse-battery-staple')).toBe(true);
    expect(await argon2PasswordHasher.verify(hashed, 'correct-horse-battery-stapler')).toBe(false);
    expect(await argon2PasswordHasher.verify('not-a-hash', 'x')).toBe(false);
    // Salted: the same password hashes differently each time.
    expect(await argon2PasswordHasher.hash('correct-horse-battery-staple')).not.toBe(hashed);
  });
});

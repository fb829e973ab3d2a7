// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockFetch } from '../test/dom';
import { ApiError, apiRequest, buildQuery, configureApiClient } from './client';
import { listInvoices } from './invoices';

afterEach(() => {
  vi.unstubAllGlobals();
  configureApiClient({ language: () => 'fr', onUnauthorized: () => {} });
});

describe('apiRequest', () => {
  it('turns an ErrorBody into an ApiError carrying code, message, field issues and request id', async () => {
    const server = mockFetch({
      'PATCH /api/debtors/d1': {
        status: 400,
        body: {
          code: 'VALIDATION_FAILED',
          message: 'Certaines données sont invalides.',
          issues: [
            { field: 'siren', code: 'invalid_siren', message: 'SIREN invalide « 123 »' },
            { field: 'address.postalCode', code: 'invalid_format', message: 'format invalide « 7500 »' },
          ],
          requestId: 'req-42',
        },
      },
    });
    vi.stubGlobal('fetch', server.fetch);

    const error = await apiRequest('PATCH', '/debtors/d1', { json: { siren: '123' } }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(400);
    expect(apiError.code).toBe('VALIDATION_FAILED');
    expect(apiError.message).toBe('Certaines données sont invalides.');
    expect(apiError.requestId).toBe('req-42');
    expect(apiError.issues).toHaveLength(2);
    expect(apiError.issueFor('siren')).toBe('SIREN invalide « 123 »');
    expect(apiError.issueFor('address.postalCode')).toBe('format invalide « 7500 »');
    expect(apiError.issueFor('name')).toBeUndefined();
    expect(apiError.otherIssues(['siren']).map((issue) => issue.field)).toEqual(['address.postalCode']);
  });

  it('sends the UI language, JSON and the session cookie', async () => {
    const server = mockFetch({ 'POST /api/invoices/i1/disputes': { body: { id: 'i1' } } });
    vi.stubGlobal('fetch', server.fetch);
    configureApiClient({ language: () => 'en' });

    await apiRequest('POST', '/invoices/i1/disputes', { json: { reason: 'Livraison incomplète' } });

    const call = server.calls[0];
    expect(call?.headers.get('accept-language')).toBe('en');
    expect(call?.headers.get('content-type')).toBe('application/json');
    expect(call?.body).toBe(JSON.stringify({ reason: 'Livraison incomplète' }));
  });

  it('reports AUTH_REQUIRED to the session handler, but not a wrong password', async () => {
    const onUnauthorized = vi.fn();
    configureApiClient({ onUnauthorized });
    const server = mockFetch({
      'GET /api/invoices': { status: 401, body: { code: 'AUTH_REQUIRED', message: 'Veuillez vous connecter.', requestId: 'r1' } },
      'POST /api/auth/login': {
        status: 401,
        body: { code: 'AUTH_INVALID_CREDENTIALS', message: 'Adresse e-mail ou mot de passe incorrect.', requestId: 'r2' },
      },
    });
    vi.stubGlobal('fetch', server.fetch);

    await expect(apiRequest('POST', '/auth/login', { json: { email: 'a@b.fr', password: 'x' } })).rejects.toMatchObject({
      code: 'AUTH_INVALID_CREDENTIALS',
    });
    expect(onUnauthorized).not.toHaveBeenCalled();

    await expect(apiRequest('GET', '/invoices')).rejects.toMatchObject({ status: 401, code: 'AUTH_REQUIRED' });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('explains a proxy error page or a dead network in the UI language', async () => {
    vi.stubGlobal('fetch', async () => new Response('<html>Bad Gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } }));
    await expect(apiRequest('GET', '/invoices')).rejects.toMatchObject({
      status: 502,
      code: 'UNAVAILABLE',
      message: 'Service momentanément indisponible. Réessayez dans un instant.',
    });

    configureApiClient({ language: () => 'en' });
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(apiRequest('GET', '/invoices')).rejects.toMatchObject({
      status: 0,
      code: 'UNAVAILABLE',
      message: 'Service temporarily unavailable. Try again in a moment.',
    });
  });

  it('returns undefined for 204 and the parsed body otherwise', async () => {
    const server = mockFetch({
      'POST /api/auth/logout': { status: 204 },
      'GET /api/invoices': { body: { items: [], nextCursor: null } },
    });
    vi.stubGlobal('fetch', server.fetch);
    await expect(apiRequest('POST', '/auth/logout')).resolves.toBeUndefined();
    await expect(listInvoices({ status: 'overdue', bucket: '1-30', search: '', cursor: undefined })).resolves.toEqual({
      items: [],
      nextCursor: null,
    });
    expect(server.calls[1]?.search.toString()).toBe('status=overdue&bucket=1-30');
  });
});

describe('buildQuery', () => {
  it('skips empty values and encodes the rest', () => {
    expect(buildQuery({ a: undefined, b: null, c: '', d: 'x y', e: 0, f: false })).toBe('?d=x+y&e=0&f=false');
    expect(buildQuery({})).toBe('');
    expect(buildQuery(undefined)).toBe('');
  });
});

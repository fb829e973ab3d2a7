import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, startTestApi } from './harness.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.close();
});

describe('API smoke', () => {
  it('logs in and lists the tenant invoices, refuses anonymous callers', async () => {
    await api.createTenantWithOwner('Alpha SAS', 'alice@alpha.test');
    const cookie = await api.login('alice@alpha.test');
    const list = await api.app.inject({ method: 'GET', url: '/api/invoices', headers: { cookie } });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual({ items: [], nextCursor: null });
    const anonymous = await api.app.inject({ method: 'GET', url: '/api/invoices' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().code).toBe('AUTH_REQUIRED');
    expect(anonymous.json().message).toBe('Veuillez vous connecter.');
  });
});

describe('OpenAPI', () => {
  it('documents every route with its schemas at /api/openapi.json, and serves a docs page', async () => {
    const response = await api.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toBe('3.0.3');
    for (const path of [
      '/api/invoices',
      '/api/invoices/{id}',
      '/api/debtors',
      '/api/payments',
      '/api/imports',
      '/api/auth/login',
      '/api/creditors',
    ]) {
      expect(document.paths[path], path).toBeDefined();
    }
    const list = document.paths['/api/invoices'].get;
    expect(list.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['status', 'bucket', 'minAmount', 'debtorId', 'creditorId', 'tag', 'sort', 'cursor']),
    );
    expect(list.responses['200'].content['application/json'].schema.properties.items).toBeDefined();
    const docs = await api.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });
});

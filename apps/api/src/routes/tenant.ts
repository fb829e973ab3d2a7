import { Tenant, TenantPatch } from '@amiable/contract';
import { getTenant, updateTenant } from '@amiable/db';
import type { ApiDeps } from '../deps.js';
import { fail } from '../http-errors.js';
import { authorize } from '../request-context.js';
import type { App } from '../app-type.js';
import { inCallerTenant } from '../tenant-scope.js';

export async function tenantRoutes(app: App, deps: ApiDeps): Promise<void> {
  const tags = ['Compte'];
  app.get('/tenant', { schema: { tags, summary: 'The current tenant', response: { 200: Tenant } } }, async (request) => {
    const principal = authorize(request, 'ledger:read');
    const tenant = await inCallerTenant(deps, request, principal, ({ tx }) => getTenant(tx));
    return tenant ?? fail({ code: 'NOT_FOUND' });
  });
  app.patch(
    '/tenant',
    { schema: { tags, summary: 'Rename the tenant or change its default language (owner)', body: TenantPatch, response: { 200: Tenant } } },
    async (request) => {
      const principal = authorize(request, 'users:manage');
      const tenant = await inCallerTenant(deps, request, principal, async ({ tx }) => {
        await updateTenant(tx, request.body);
        return getTenant(tx);
      });
      return tenant ?? fail({ code: 'NOT_FOUND' });
    },
  );
}

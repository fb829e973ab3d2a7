/**
 * The tenant's collection-agency identity, which agency letters print: everyone
 * reads it (the case page offers the agency letter only when it exists), the
 * owner saves it, and only a tenant of kind "agency" has one.
 */
import { AgencyProfileDto, AgencyProfileInput } from '@amiable/contract';
import { type AgencyProfile, getAgencyProfile, getTenant, saveAgencyProfile } from '@amiable/db';
import { invalid } from '@amiable/domain';
import { Type } from 'typebox';
import type { App } from '../app-type.js';
import type { ApiDeps } from '../deps.js';
import { fail } from '../http-errors.js';
import { iso } from '../mappers.js';
import { actorOf, authorize } from '../request-context.js';
import { inCallerTenant } from '../tenant-scope.js';

const ref = Type.Ref('Error');

const dto = (p: AgencyProfile): AgencyProfileDto => ({ ...p, updatedAt: iso(p.updatedAt) });

export async function agencyProfileRoutes(app: App, deps: ApiDeps): Promise<void> {
  const tags = ['Lettres'];

  app.get(
    '/tenant/agency-profile',
    {
      schema: {
        tags,
        summary: 'The collection agency’s identity its letters print; null while none is saved',
        response: { 200: Type.Union([AgencyProfileDto, Type.Null()]) },
      },
    },
    async (request) => {
      const principal = authorize(request, 'ledger:read');
      const profile = await inCallerTenant(deps, request, principal, ({ tx }) => getAgencyProfile(tx));
      return profile ? dto(profile) : null;
    },
  );

  app.put(
    '/tenant/agency-profile',
    {
      schema: {
        tags,
        summary: 'Save the collection agency’s identity (owner; agency tenants only): SIREN, IBAN and BIC checked',
        body: AgencyProfileInput,
        response: { 200: AgencyProfileDto, 400: ref, 403: ref, 409: ref },
      },
    },
    async (request) => {
      // Owners only, as the tenant's other settings (PATCH /api/tenant).
      const principal = authorize(request, 'users:manage');
      const by = actorOf(request, principal).label;
      const result = await inCallerTenant(deps, request, principal, async ({ tx }) => {
        if ((await getTenant(tx))?.kind !== 'agency') return { ok: false as const, error: { code: 'TENANT_NOT_AGENCY' as const } };
        const saved = await saveAgencyProfile(tx, request.body, by, deps.clock.now());
        return saved.ok ? saved : invalid(saved.issues);
      });
      if (!result.ok) fail(result.error);
      return dto(result.value);
    },
  );
}

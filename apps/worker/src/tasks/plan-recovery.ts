/**
 * The daily planner. A cron item (every morning, 05:00 UTC: 06:00 or 07:00 in
 * Paris, before the default sending window) asks for one planning job per tenant,
 * keyed by tenant and day, so several workers share the tenants and a repeated
 * cron tick plans nothing twice; each job plans its tenant's day (runPlanner is
 * itself idempotent per case, step and day) when the tenant switched automatic
 * recovery on.
 */
import { type Database, contactLimitsOf, enqueueTenantPlanning, inTenant, listAllTenants, runPlanner } from '@amiable/db';
import { type Clock, type IdGenerator, parisDateOf } from '@amiable/domain';

export const PLAN_ALL_TASK = 'recovery-plan-all';
export const PLAN_TENANT_TASK = 'recovery-plan-tenant';
export const PLANNER_CRONTAB = `0 5 * * * ${PLAN_ALL_TASK} ?max=3`;

export async function planAllTenants(deps: { db: Database; clock: Clock }): Promise<number> {
  const date = parisDateOf(deps.clock.now());
  const tenants = await listAllTenants(deps.db.admin);
  await enqueueTenantPlanning(
    deps.db.admin,
    PLAN_TENANT_TASK,
    tenants.map((t) => t.id),
    date,
  );
  return tenants.length;
}

/** Plans the tenant's day if its manager switched automatic recovery on (off by default: nothing leaves unasked). */
export async function planTenant(
  payload: { tenantId: string; date: string },
  deps: { db: Database; clock: Clock; ids: IdGenerator },
): Promise<boolean> {
  const automatic = await inTenant(deps.db.app, { tenantId: payload.tenantId }, async (tx) => (await contactLimitsOf(tx)).automatic);
  if (!automatic) return false;
  await runPlanner(deps.db.app, payload.tenantId, payload.date, deps.clock.now(), deps.ids);
  return true;
}

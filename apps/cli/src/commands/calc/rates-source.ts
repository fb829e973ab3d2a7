/**
 * The rates a calc command uses: the shipped table, plus the tenant's own rows
 * when a database is there (DATABASE_URL, or a bundled cluster in the data folder
 * made by `amiable start`), so `amiable rates set` then `amiable calc` agree.
 * Without a database, or with several tenants and no --tenant, the shipped table.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { inTenant, listAllTenants, listRateOverrides } from '@amiable/db';
import { type RateTable, rateTable } from '@amiable/legal';
import type { Io } from '../../io.js';
import { openRuntime, readConfig } from '../../runtime.js';
import { chooseTenant } from '../tenant-choice.js';

export async function ratesFor(tenantFlag: string | undefined, io: Io): Promise<RateTable> {
  const config = readConfig();
  const hasDatabase = config.databaseUrl !== null || existsSync(path.join(config.dataDir, 'postgres-credentials.json'));
  if (!hasDatabase && !tenantFlag) return rateTable();
  const runtime = await openRuntime(config, { log: () => undefined, appPoolSize: 2 });
  try {
    let tenantId = tenantFlag;
    if (!tenantId) {
      const tenants = await listAllTenants(runtime.db.admin);
      if (tenants.length !== 1) return rateTable();
    }
    tenantId = await chooseTenant(runtime, tenantId, io.fr);
    return rateTable(await inTenant(runtime.db.app, { tenantId }, (tx) => listRateOverrides(tx)));
  } finally {
    await runtime.close();
  }
}

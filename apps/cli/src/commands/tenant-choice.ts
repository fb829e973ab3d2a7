import { listAllTenants } from '@amiable/db';
import { UsageError } from '../args.js';
import type { Runtime } from '../runtime.js';

/** The tenant a CLI command acts in: --tenant, or the database's only one. */
export async function chooseTenant(runtime: Runtime, requested: string | undefined, fr: boolean): Promise<string> {
  const tenants = await listAllTenants(runtime.db.admin);
  if (requested) {
    if (!tenants.some((t) => t.id === requested))
      throw new UsageError(fr ? `Aucun compte ${requested} dans cette base.` : `No tenant ${requested} in this database.`);
    return requested;
  }
  if (tenants.length === 1 && tenants[0]) return tenants[0].id;
  if (tenants.length === 0) {
    throw new UsageError(
      fr
        ? 'Aucun compte dans cette base : créez-en un (amiable tenants create) ou chargez la démo (amiable demo).'
        : 'No tenant in this database: create one (amiable tenants create) or load the demo (amiable demo).',
    );
  }
  const list = tenants.map((t) => `  ${t.id}  ${t.name}`).join('\n');
  throw new UsageError(
    fr ? `Plusieurs comptes : précisez --tenant ID parmi :\n${list}` : `Several tenants: choose --tenant ID among:\n${list}`,
  );
}

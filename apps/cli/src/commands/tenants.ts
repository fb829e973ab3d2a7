import { createTenant } from '@amiable/auth';
import { listAllTenants, postgresAuthStore } from '@amiable/db';
import { errorMessage, issueMessage } from '@amiable/i18n';
import { argon2PasswordHasher, systemClock, uuidV7Generator } from '@amiable/system';
import { UsageError, parseFlags } from '../args.js';
import type { Io } from '../io.js';
import { openRuntime, readConfig } from '../runtime.js';

export const TENANTS_HELP = {
  fr: `amiable tenants list
amiable tenants create --name NOM --owner-email E-MAIL --owner-name NOM [--kind company|agency]

Crée un compte (une entreprise ou un cabinet de recouvrement) et son premier propriétaire. Le mot de passe est lu
dans la variable AMIABLE_OWNER_PASSWORD (12 caractères au moins), jamais sur la ligne de commande.`,
  en: `amiable tenants list
amiable tenants create --name NAME --owner-email EMAIL --owner-name NAME [--kind company|agency]

Creates a tenant (a company or a collection agency) and its first owner. The password is read from the
AMIABLE_OWNER_PASSWORD variable (at least 12 characters), never from the command line.`,
};

export async function tenantsCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags(
    argv,
    { name: { type: 'string' }, 'owner-email': { type: 'string' }, 'owner-name': { type: 'string' }, kind: { type: 'string' } },
    io.fr,
  );
  if (values.help) return io.help(TENANTS_HELP);
  const action = positionals[0];
  if (action !== 'list' && action !== 'create')
    throw new UsageError(io.fr ? 'Usage : amiable tenants list|create (voir --help)' : 'Usage: amiable tenants list|create (see --help)');
  const runtime = await openRuntime(readConfig(), { log: io.log });
  try {
    if (action === 'list') {
      for (const t of await listAllTenants(runtime.db.admin)) io.log(`${t.id}  ${t.kind.padEnd(7)}  ${t.name}`);
      return 0;
    }
    const kind = values.kind ?? 'company';
    if (kind !== 'company' && kind !== 'agency')
      throw new UsageError(io.fr ? `--kind attend company ou agency (reçu : ${kind})` : `--kind expects company or agency (got ${kind})`);
    for (const flag of ['name', 'owner-email', 'owner-name'] as const) {
      if (!values[flag]) throw new UsageError(io.fr ? `--${flag} est obligatoire` : `--${flag} is required`);
    }
    const password = process.env.AMIABLE_OWNER_PASSWORD ?? '';
    if (!password)
      throw new UsageError(
        io.fr
          ? 'AMIABLE_OWNER_PASSWORD est vide : donnez le mot de passe du propriétaire dans cette variable.'
          : 'AMIABLE_OWNER_PASSWORD is empty: put the owner password in that variable.',
      );
    const ids = uuidV7Generator(systemClock);
    const result = await createTenant(
      { name: values.name ?? '', kind, owner: { email: values['owner-email'] ?? '', displayName: values['owner-name'] ?? '', password } },
      { store: postgresAuthStore(runtime.db.app, runtime.db.admin), hasher: argon2PasswordHasher, clock: systemClock, ids },
    );
    const locale = io.fr ? 'fr' : 'en';
    if (!result.ok) {
      io.error(errorMessage(locale, result.error.code));
      for (const issue of result.error.issues ?? []) io.error(`  ${issueMessage(locale, issue)}`);
      return 1;
    }
    io.log(io.fr ? `Compte créé : ${result.value.tenantId}` : `Tenant created: ${result.value.tenantId}`);
    return 0;
  } finally {
    await runtime.close();
  }
}

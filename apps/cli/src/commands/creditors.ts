import { inTenant, ledgerStore, listCreditors } from '@amiable/db';
import { errorMessage, issueMessage } from '@amiable/i18n';
import { createCreditor } from '@amiable/ledger';
import { systemClock, uuidV7Generator } from '@amiable/system';
import { UsageError, parseFlags, uuidFlag } from '../args.js';
import type { Io } from '../io.js';
import { openRuntime, readConfig } from '../runtime.js';
import { chooseTenant } from './tenant-choice.js';

export const CREDITORS_HELP = {
  fr: `amiable creditors list [--tenant ID]
amiable creditors create --name RAISON_SOCIALE [--siren N] [--siret N] [--vat N] [--iban IBAN] [--bic BIC] [--email E] [--phone T] [--tenant ID]

Liste ou crée les créanciers d'un compte (les entités juridiques à qui l'argent est dû), par exemple avant un premier
import. SIREN, SIRET, TVA et IBAN sont vérifiés (clés de contrôle).`,
  en: `amiable creditors list [--tenant ID]
amiable creditors create --name LEGAL_NAME [--siren N] [--siret N] [--vat N] [--iban IBAN] [--bic BIC] [--email E] [--phone T] [--tenant ID]

Lists or creates a tenant's creditors (the legal entities owed the money), e.g. before a first import.
SIREN, SIRET, VAT and IBAN are checked (check digits).`,
};

export async function creditorsCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags(
    argv,
    {
      tenant: { type: 'string' },
      name: { type: 'string' },
      siren: { type: 'string' },
      siret: { type: 'string' },
      vat: { type: 'string' },
      iban: { type: 'string' },
      bic: { type: 'string' },
      email: { type: 'string' },
      phone: { type: 'string' },
    },
    io.fr,
  );
  if (values.help) return io.help(CREDITORS_HELP);
  const action = positionals[0];
  if (action !== 'list' && action !== 'create')
    throw new UsageError(
      io.fr ? 'Usage : amiable creditors list|create (voir --help)' : 'Usage: amiable creditors list|create (see --help)',
    );
  const tenantFlag = uuidFlag(values.tenant, '--tenant', io.fr);
  if (action === 'create' && !values.name) throw new UsageError(io.fr ? '--name est obligatoire' : '--name is required');
  const runtime = await openRuntime(readConfig(), { log: io.log });
  try {
    const tenantId = await chooseTenant(runtime, tenantFlag, io.fr);
    if (action === 'list') {
      const creditors = await inTenant(runtime.db.app, { tenantId }, (tx) => listCreditors(tx));
      for (const c of creditors) io.log(`${c.id}  ${c.siren ?? '         '}  ${c.legalName}`);
      return 0;
    }
    const ctx = {
      actor: { kind: 'system' as const, id: null, label: 'CLI', channel: 'cli' as const, ip: null },
      clock: systemClock,
      ids: uuidV7Generator(systemClock),
    };
    const result = await inTenant(runtime.db.app, { tenantId }, (tx) =>
      createCreditor(
        {
          legalName: values.name,
          siren: values.siren,
          siret: values.siret,
          vatNumber: values.vat,
          iban: values.iban,
          bic: values.bic,
          email: values.email,
          phone: values.phone,
        },
        ctx,
        ledgerStore(tx),
      ),
    );
    const locale = io.fr ? 'fr' : 'en';
    if (!result.ok) {
      io.error(errorMessage(locale, result.error.code));
      // The use case names fields as the API does; say them as the flags the user typed.
      const flagOf: Record<string, string> = { legalName: '--name', vatNumber: '--vat' };
      for (const issue of result.error.issues ?? [])
        io.error(`  ${issueMessage(locale, { ...issue, field: flagOf[issue.field] ?? `--${issue.field}` })}`);
      return 1;
    }
    io.log(io.fr ? `Créancier créé : ${result.value.id}` : `Creditor created: ${result.value.id}`);
    return 0;
  } finally {
    await runtime.close();
  }
}

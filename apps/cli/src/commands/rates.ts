import { inTenant, ledgerStore, listRateOverrides } from '@amiable/db';
import { errorMessage, issueMessage } from '@amiable/i18n';
import { setHalfYearRates } from '@amiable/ledger';
import { RATES_VERSION, formatRatePercent, rateTable } from '@amiable/legal';
import { systemClock, uuidV7Generator } from '@amiable/system';
import { UsageError, parseFlags, uuidFlag } from '../args.js';
import type { Io } from '../io.js';
import { openRuntime, readConfig } from '../runtime.js';
import { rateFlag } from './calc/flags.js';
import { chooseTenant } from './tenant-choice.js';

export const RATES_HELP = {
  fr: `amiable rates list [--tenant ID] [--json]
amiable rates set 2026-H2 --ecb 2.15 --legal-individual 6.50 --legal-other 2.50 --source "arrêté du …" [--tenant ID]

La table des taux par semestre : taux BCE au 1er janvier / 1er juillet (pénalités entre professionnels = BCE + 10 points,
C. com. L441-10 II) et les deux taux légaux (créancier particulier / autres cas, CMF L313-2), chacun avec sa source.
« set » ajoute un semestre absent de la table livrée (2026-H2 n'y est pas : aucune source officielle confirmée) ou en
corrige un, pour ce compte ; le changement est journalisé. Taux en pourcentage annuel.`,
  en: `amiable rates list [--tenant ID] [--json]
amiable rates set 2026-H2 --ecb 2.15 --legal-individual 6.50 --legal-other 2.50 --source "arrêté of …" [--tenant ID]

The rates table per half-year: the ECB rate on 1 January / 1 July (penalties between professionals = ECB + 10 points,
C. com. L441-10 II) and the two legal rates (private-individual creditor / other cases, CMF L313-2), each with its source.
"set" adds a half-year the shipped table lacks (2026-H2 is not in it: no official source confirmed) or corrects one, for
this tenant; the change is logged. Rates in percent per year.`,
};

export async function ratesCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags(
    argv,
    {
      tenant: { type: 'string' },
      ecb: { type: 'string' },
      'legal-individual': { type: 'string' },
      'legal-other': { type: 'string' },
      source: { type: 'string' },
      json: { type: 'boolean' },
    },
    io.fr,
  );
  if (values.help) return io.help(RATES_HELP);
  const fr = io.fr;
  const [action, halfYear] = positionals;
  if (action !== 'list' && action !== 'set')
    throw new UsageError(fr ? 'Usage : amiable rates list|set (voir --help)' : 'Usage: amiable rates list|set (see --help)');
  const required = (value: string | undefined, flag: string) => {
    if (value === undefined) throw new UsageError(fr ? `${flag} est obligatoire` : `${flag} is required`);
    return value;
  };
  const input =
    action === 'set'
      ? {
          halfYear: required(halfYear, fr ? 'le semestre (AAAA-H1 ou AAAA-H2)' : 'the half-year (YYYY-H1 or YYYY-H2)'),
          ecbMainRefinancingBp: rateFlag(required(values.ecb, '--ecb'), '--ecb', fr) as number,
          legalRateIndividualBp: rateFlag(required(values['legal-individual'], '--legal-individual'), '--legal-individual', fr) as number,
          legalRateOtherBp: rateFlag(required(values['legal-other'], '--legal-other'), '--legal-other', fr) as number,
          source: required(values.source, '--source'),
        }
      : null;
  const tenantFlag = uuidFlag(values.tenant, '--tenant', fr);
  const runtime = await openRuntime(readConfig(), { log: io.log, appPoolSize: 2 });
  try {
    const tenantId = await chooseTenant(runtime, tenantFlag, fr);
    const locale = fr ? 'fr' : 'en';
    if (input) {
      const ctx = {
        actor: { kind: 'system' as const, id: null, label: 'CLI', channel: 'cli' as const, ip: null },
        clock: systemClock,
        ids: uuidV7Generator(systemClock),
      };
      const result = await inTenant(runtime.db.app, { tenantId }, (tx) => setHalfYearRates(input, ctx, ledgerStore(tx)));
      if (!result.ok) {
        io.error(errorMessage(locale, result.error.code, result.error.params));
        const flagOf: Record<string, string> = { halfYear: fr ? 'semestre' : 'half-year', source: '--source' };
        for (const issue of result.error.issues ?? [])
          io.error(`  ${issueMessage(locale, { ...issue, field: flagOf[issue.field] ?? issue.field })}`);
        return 1;
      }
      io.log(
        fr
          ? `Semestre ${input.halfYear} enregistré pour ce compte (journalisé).`
          : `Half-year ${input.halfYear} saved for this tenant (logged).`,
      );
      return 0;
    }
    const table = rateTable(await inTenant(runtime.db.app, { tenantId }, (tx) => listRateOverrides(tx)));
    if (values.json) {
      io.dataMode();
      const rows = table.rows.map((r) => ({
        halfYear: r.halfYear,
        ecbRate: formatRatePercent(r.ecbMainRefinancingBp),
        b2bDefaultRate: formatRatePercent(r.ecbMainRefinancingBp + 1000),
        legalRateIndividual: formatRatePercent(r.legalRateIndividualBp),
        legalRateOther: formatRatePercent(r.legalRateOtherBp),
        origin: r.override ? 'tenant' : 'shipped',
        sources: r.sources,
      }));
      await io.write(`${JSON.stringify({ version: RATES_VERSION, rows })}\n`);
      return 0;
    }
    io.log(
      fr ? 'Semestre  BCE    B2B     Légal part.  Légal autres  Origine' : 'Half-yr   ECB    B2B     Legal indiv. Legal other   Origin',
    );
    for (const r of table.rows)
      io.log(
        `${r.halfYear}   ${formatRatePercent(r.ecbMainRefinancingBp).padStart(5)}  ${formatRatePercent(r.ecbMainRefinancingBp + 1000).padStart(5)}   ${formatRatePercent(r.legalRateIndividualBp).padStart(5)}        ${formatRatePercent(r.legalRateOtherBp).padStart(5)}         ${r.override ? `${fr ? 'compte' : 'tenant'} (${r.override.by}, ${r.override.at.slice(0, 10)})` : fr ? 'livré' : 'shipped'}`,
      );
    return 0;
  } finally {
    await runtime.close();
  }
}

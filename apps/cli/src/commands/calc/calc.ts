/**
 * `amiable calc late-fees|prescription|small-claims`: the legal engine from the
 * command line. With --json, one JSON object on stdout (the contract other tools
 * call, issue 3); without, a readable summary in the user's language.
 */
import { formatAmountFr, formatDateFr, formatDecimalAmount } from '@amiable/domain';
import { errorMessage, issueMessage, legalWarningMessage } from '@amiable/i18n';
import { computeLateFees, formatRatePercent, prescriptionOf, smallClaimsEligibility } from '@amiable/legal';
import { UsageError, parseFlags, uuidFlag } from '../../args.js';
import type { Io } from '../../io.js';
import { amountFlag, choiceFlag, dateFlag, paymentFlag, rateFlag } from './flags.js';
import { ratesFor } from './rates-source.js';

export const CALC_HELP = {
  fr: `amiable calc late-fees --amount 1200.00 --due 2025-03-15 --until 2025-09-30 --debtor business [--rate 15]
                        [--payment 2025-05-01:500.00 …] [--imputation interest-first|principal-first] [--json]
amiable calc late-fees --amount 2500.00 --formal-notice 2025-03-10 --until 2025-09-30 --debtor consumer
                        [--creditor company|individual] [--payment …] [--json]
amiable calc prescription --debtor business|consumer --due 2021-03-31 [--interruption 2024-06-10 …] [--json]
amiable calc small-claims --principal 4650.00 --interest 312.40 [--cause contractual|statutory|other] [--json]

Pénalités de retard entre professionnels (C. com. L441-10 II : taux BCE du semestre + 10 points, ou --rate du contrat),
intérêt au taux légal pour un consommateur à compter de la mise en demeure (C. civ. 1231-6, 1344-1), indemnité forfaitaire
de 40 € (D441-5), imputation des paiements partiels (C. civ. 1343-1), prescription (C. com. L110-4, C. conso. L218-2,
C. civ. 2240), petites créances (CPCE R125-1). Chaque jour prend le taux de son semestre ; total arrondi une fois, au centime.
Les taux : la table livrée, plus ceux du compte (amiable rates set) quand une base existe (--tenant ID si plusieurs comptes).`,
  en: `amiable calc late-fees --amount 1200.00 --due 2025-03-15 --until 2025-09-30 --debtor business [--rate 15]
                        [--payment 2025-05-01:500.00 …] [--imputation interest-first|principal-first] [--json]
amiable calc late-fees --amount 2500.00 --formal-notice 2025-03-10 --until 2025-09-30 --debtor consumer
                        [--creditor company|individual] [--payment …] [--json]
amiable calc prescription --debtor business|consumer --due 2021-03-31 [--interruption 2024-06-10 …] [--json]
amiable calc small-claims --principal 4650.00 --interest 312.40 [--cause contractual|statutory|other] [--json]

Late-payment penalties between professionals (C. com. L441-10 II: the half-year's ECB rate + 10 points, or the contract's
--rate), legal interest for a consumer from the formal notice (C. civ. 1231-6, 1344-1), the 40 € fixed indemnity (D441-5),
imputation of partial payments (C. civ. 1343-1), prescription (C. com. L110-4, C. conso. L218-2, C. civ. 2240), small
claims (CPCE R125-1). Each day takes its half-year's rate; the total is rounded once, to the cent.
Rates: the shipped table, plus the tenant's (amiable rates set) when a database exists (--tenant ID if several tenants).`,
};

const DEBTORS = ['business', 'consumer'] as const;

export async function calcCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags(
    argv,
    {
      amount: { type: 'string' },
      due: { type: 'string' },
      'formal-notice': { type: 'string' },
      until: { type: 'string' },
      debtor: { type: 'string' },
      creditor: { type: 'string' },
      rate: { type: 'string' },
      payment: { type: 'string', multiple: true },
      imputation: { type: 'string' },
      interruption: { type: 'string', multiple: true },
      principal: { type: 'string' },
      interest: { type: 'string' },
      cause: { type: 'string' },
      tenant: { type: 'string' },
      json: { type: 'boolean' },
    },
    io.fr,
  );
  if (values.help) return io.help(CALC_HELP);
  const fr = io.fr;
  const emit = async (json: unknown, text: string) => {
    if (values.json) {
      io.dataMode();
      await io.write(`${JSON.stringify(json)}\n`);
    } else await io.write(`${text}\n`);
    return 0;
  };

  switch (positionals[0]) {
    case 'prescription': {
      const debtor = choiceFlag(values.debtor, '--debtor', DEBTORS, fr);
      const due = dateFlag(values.due, '--due', fr);
      const interruptions = (values.interruption ?? []).map((d) => dateFlag(d, '--interruption', fr));
      const p = prescriptionOf({ debtor, start: due, interruptions });
      const ignored = p.ignoredInterruptions.length
        ? fr
          ? `\nIgnorées (après la prescription acquise) : ${p.ignoredInterruptions.map(formatDateFr).join(', ')}`
          : `\nIgnored (after the claim was time-barred): ${p.ignoredInterruptions.join(', ')}`
        : '';
      return emit(
        { lastDay: p.lastDay },
        fr
          ? `Dernier jour pour agir : ${formatDateFr(p.lastDay)} (${p.years} ans à compter du ${formatDateFr(p.runsFrom)} ; ${p.article}). Prescrit à partir du lendemain.${ignored}`
          : `Last day to act: ${p.lastDay} (${p.years} years from ${p.runsFrom}; ${p.article}). Time-barred from the next day.${ignored}`,
      );
    }
    case 'small-claims': {
      const r = smallClaimsEligibility({
        principalCents: amountFlag(values.principal, '--principal', fr),
        interestCents: amountFlag(values.interest, '--interest', fr),
        cause: choiceFlag(values.cause, '--cause', ['contractual', 'statutory', 'other'] as const, fr, 'contractual'),
      });
      const verdict = fr ? (r.eligible ? 'éligible' : 'non éligible') : r.eligible ? 'eligible' : 'not eligible';
      return emit(
        { eligible: r.eligible },
        fr
          ? `Procédure simplifiée de recouvrement des petites créances : ${verdict} (principal + intérêts = ${formatAmountFr(r.totalCents)}, plafond ${formatAmountFr(r.limitCents)} inclus ; CPCE L125-1, R125-1).`
          : `Small-claims procedure: ${verdict} (principal + interest = ${formatDecimalAmount(r.totalCents)} €, limit ${formatDecimalAmount(r.limitCents)} € included; CPCE L125-1, R125-1).`,
      );
    }
    case 'late-fees':
      return lateFees(values, io, emit);
    default:
      throw new UsageError(
        fr
          ? 'Usage : amiable calc late-fees|prescription|small-claims (voir --help)'
          : 'Usage: amiable calc late-fees|prescription|small-claims (see --help)',
      );
  }
}

async function lateFees(
  values: Record<string, string | boolean | string[] | undefined>,
  io: Io,
  emit: (json: unknown, text: string) => Promise<number>,
): Promise<number> {
  const fr = io.fr;
  const str = (name: string) => values[name] as string | undefined;
  const debtor = choiceFlag(str('debtor'), '--debtor', DEBTORS, fr);
  const until = dateFlag(str('until'), '--until', fr);
  const due =
    debtor === 'business' ? dateFlag(str('due'), '--due', fr) : str('due') === undefined ? null : dateFlag(str('due'), '--due', fr);
  const formalNotice = debtor === 'consumer' ? dateFlag(str('formal-notice'), '--formal-notice', fr) : null;
  if (debtor === 'business' && str('formal-notice') !== undefined)
    throw new UsageError(
      fr
        ? '--formal-notice ne vaut que pour --debtor consumer (entre professionnels, les pénalités courent dès l’échéance)'
        : '--formal-notice applies to --debtor consumer only (between professionals, penalties run from the due date)',
    );
  const rate = rateFlag(str('rate'), '--rate', fr);
  if (rate !== null && debtor === 'consumer')
    throw new UsageError(fr ? '--rate ne vaut que pour --debtor business' : '--rate applies to --debtor business only');
  const payments = ((values.payment as string[] | undefined) ?? []).map((p) => paymentFlag(p, fr));
  for (const p of payments)
    if (p.date > until)
      throw new UsageError(fr ? `--payment ${p.date} est postérieur à --until ${until}` : `--payment ${p.date} is after --until ${until}`);
  const input = {
    debtor,
    principalCents: amountFlag(str('amount'), '--amount', fr),
    dueDate: due,
    formalNoticeDate: formalNotice,
    until,
    contractRateBp: rate,
    creditor: choiceFlag(str('creditor'), '--creditor', ['company', 'individual'] as const, fr, 'company'),
    imputation: choiceFlag(str('imputation'), '--imputation', ['interest-first', 'principal-first'] as const, fr, 'interest-first'),
    payments,
  };
  const table = await ratesFor(uuidFlag(str('tenant'), '--tenant', fr), io);
  const result = computeLateFees(input, table);
  const locale = fr ? 'fr' : 'en';
  if (!result.ok) {
    io.error(errorMessage(locale, result.error.code, result.error.params));
    for (const issue of result.error.issues ?? []) io.error(`  ${issueMessage(locale, issue)}`);
    return 1;
  }
  const r = result.value;
  const money = (cents: number) => formatDecimalAmount(cents);
  const json: Record<string, unknown> = {
    daysLate: r.daysLate,
    interest: money(r.interestCents),
    indemnity: money(r.indemnityCents),
    principalDue: money(r.principalDueCents),
    interestDue: money(r.interestDueCents),
    periods: r.periods.map((p) => ({ from: p.from, to: p.to, days: p.days, ratePercent: formatRatePercent(p.rateBp) })),
  };
  const warnings = r.warnings.map((w) => ({ code: w.code, message: legalWarningMessage(locale, w) }));
  if (warnings.length > 0) json.warnings = warnings;
  const eur = (cents: number) => (fr ? formatAmountFr(cents) : `${money(cents)} €`);
  const date = (d: string) => (fr ? formatDateFr(d) : d);
  const lines = [
    fr ? `Jours de retard : ${r.daysLate}` : `Days late: ${r.daysLate}`,
    ...r.periods.map((p) =>
      fr
        ? `  du ${date(p.from)} au ${date(p.to)} : ${p.days} j à ${formatRatePercent(p.rateBp).replace('.', ',')} % (${p.halfYear})`
        : `  ${p.from} to ${p.to}: ${p.days} d at ${formatRatePercent(p.rateBp)} % (${p.halfYear})`,
    ),
    fr ? `Intérêts de retard : ${eur(r.interestCents)}` : `Late interest: ${eur(r.interestCents)}`,
    fr ? `Indemnité forfaitaire : ${eur(r.indemnityCents)}` : `Fixed indemnity: ${eur(r.indemnityCents)}`,
    fr
      ? `Reste dû — principal : ${eur(r.principalDueCents)}, intérêts : ${eur(r.interestDueCents)}`
      : `Still due — principal: ${eur(r.principalDueCents)}, interest: ${eur(r.interestDueCents)}`,
    ...warnings.map((w) => `! ${w.message}`),
    `(${r.articles.join(' ; ')})`,
  ];
  return emit(json, lines.join('\n'));
}

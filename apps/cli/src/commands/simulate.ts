/**
 * `amiable simulate --input portfolio.json [--json]`: runs a scenario on a portfolio
 * without a database (issue 4's contract), so users try a scenario on their own
 * data before switching it on.
 */
import { formatDateFr } from '@amiable/domain';
import { issueMessage } from '@amiable/i18n';
import { readPortfolio, simulate } from '@amiable/recovery';
import { parseFlags } from '../args.js';
import type { Io } from '../io.js';
import { readJsonInput } from '../json-input.js';

export const SIMULATE_HELP = {
  fr: `amiable simulate --input portefeuille.json [--json]

Simule un scénario de relance sur un portefeuille, sans base de données : quelles actions partiraient, et quand.
Le fichier donne start, days, limits (maxContactsPerWeek, minDaysBetweenContacts, noContactOn : saturday, sunday,
holiday), scenario.steps (id, offsetDays depuis l'échéance, channel : email, letter, registered-letter, sms, call,
task), debtors (id, kind, invoices : number, amount, issueDate, dueDate) et events (payment, credit, dispute,
promise). Une action par débiteur et par jour regroupe toutes ses factures dues, au ton de la plus avancée ; les
week-ends, jours fériés et limites de contact reportent l'action au premier jour permis.
--json : { "actions": [ { "date", "debtor", "step", "channel", "invoices" } ] }, triées par date puis débiteur.`,
  en: `amiable simulate --input portfolio.json [--json]

Simulates a recovery scenario on a portfolio, without a database: which actions would go out, and when.
The file gives start, days, limits (maxContactsPerWeek, minDaysBetweenContacts, noContactOn: saturday, sunday,
holiday), scenario.steps (id, offsetDays from the due date, channel: email, letter, registered-letter, sms, call,
task), debtors (id, kind, invoices: number, amount, issueDate, dueDate) and events (payment, credit, dispute,
promise). One action per debtor and day covers all its invoices due, in the tone of the most advanced; weekends,
public holidays and contact limits postpone it to the first allowed day.
--json: { "actions": [ { "date", "debtor", "step", "channel", "invoices" } ] }, sorted by date then debtor.`,
};

export async function simulateCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values } = parseFlags(argv, { input: { type: 'string', short: 'i' }, json: { type: 'boolean' } }, io.fr);
  if (values.help) return io.help(SIMULATE_HELP);
  const fr = io.fr;
  const json = await readJsonInput(values.input, fr, { fr: 'fichier JSON du portefeuille', en: 'the portfolio JSON file' });
  const read = readPortfolio(json);
  const locale = fr ? 'fr' : 'en';
  if (!read.ok) {
    io.error(fr ? `Portefeuille invalide (${values.input}) :` : `Invalid portfolio (${values.input}):`);
    for (const issue of read.issues) io.error(`  ${issueMessage(locale, issue)}`);
    return 2;
  }
  const result = simulate(read.value);
  for (const note of result.notes)
    if (note.type === 'unknown-reference')
      io.error(
        fr
          ? `Attention : ${note.field} « ${note.value} » ne désigne aucune facture ni aucun débiteur du fichier (ignoré).`
          : `Warning: ${note.field} "${note.value}" matches no invoice or debtor of the file (ignored).`,
      );
  if (values.json) {
    io.dataMode();
    const actions = result.actions.map((a) => ({ date: a.date, debtor: a.debtor, step: a.step, channel: a.channel, invoices: a.invoices }));
    await io.write(`${JSON.stringify({ actions })}\n`);
    return 0;
  }
  const day = (d: string) => (fr ? formatDateFr(d) : d);
  const lines = result.actions.map(
    (a) => `${day(a.date)}  ${a.debtor.padEnd(10)} ${a.step.padEnd(16)} ${a.channel.padEnd(18)} ${a.invoices.join(', ')}`,
  );
  const noteText: Record<string, (n: (typeof result.notes)[number]) => string> = {
    'promise-broken': (n) =>
      fr
        ? `${day(n.date)}  promesse non tenue : ${'debtor' in n ? n.debtor : ''}`
        : `${n.date}  promise broken: ${'debtor' in n ? n.debtor : ''}`,
    'promise-kept': (n) =>
      fr
        ? `${day(n.date)}  promesse tenue : ${'debtor' in n ? n.debtor : ''}`
        : `${n.date}  promise kept: ${'debtor' in n ? n.debtor : ''}`,
  };
  const notes = result.notes.filter((n) => noteText[n.type]).map((n) => (noteText[n.type] as (x: typeof n) => string)(n));
  await io.write(
    `${fr ? `${result.actions.length} action(s) du ${day(read.value.start)} sur ${read.value.days} jours` : `${result.actions.length} action(s) from ${read.value.start} over ${read.value.days} days`}\n${lines.join('\n')}${notes.length ? `\n\n${notes.join('\n')}` : ''}\n`,
  );
  return 0;
}

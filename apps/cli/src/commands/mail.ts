/**
 * `amiable mail bounce [--input message.eml]`: records a delivery status
 * notification (a bounce) on the action whose e-mail it reports. Meant to be fed by
 * the mail server — for instance a Postfix pipe on the bounce address:
 *   bounces: "|/usr/bin/env AMIABLE_DATA_DIR=/srv/amiable/data npx amiable mail bounce"
 * A failure turns the action 'failed' (review queue) with the server's diagnostic.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { parseDeliveryStatus, recordDeliveryStatus } from '@amiable/db';
import { systemClock } from '@amiable/system';
import { UsageError, parseFlags } from '../args.js';
import type { Io } from '../io.js';
import { openRuntime, readConfig } from '../runtime.js';

export const MAIL_HELP = {
  fr: `amiable mail bounce [--input message.eml]

Enregistre un avis de non-distribution (RFC 3464) sur l'action dont il signale l'e-mail : lu dans le fichier
donné, ou sur l'entrée standard (pour un « pipe » du serveur de mail). Un échec met l'action en file de
vérification avec le diagnostic du serveur ; rien n'est renvoyé automatiquement.`,
  en: `amiable mail bounce [--input message.eml]

Records a delivery status notification (RFC 3464) on the action whose e-mail it reports: read from the given
file, or from standard input (for a mail server pipe). A failure puts the action in the review queue with the
server's diagnostic; nothing is resent automatically.`,
};

export async function mailCommand(argv: readonly string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === '--help' || sub === '-h') return io.help(MAIL_HELP);
  if (sub !== 'bounce') throw new UsageError(io.fr ? `Sous-commande inconnue : ${sub} (bounce)` : `Unknown sub-command: ${sub} (bounce)`);
  const { values } = parseFlags(rest, { input: { type: 'string', short: 'i' } }, io.fr);
  if (values.help) return io.help(MAIL_HELP);
  const fr = io.fr;
  let raw: string;
  try {
    raw = values.input && values.input !== '-' ? await readFile(values.input, 'utf8') : readFileSync(0, 'utf8');
  } catch (error) {
    throw new UsageError(
      fr ? `--input : lecture impossible (${(error as Error).message})` : `--input: cannot read (${(error as Error).message})`,
    );
  }
  const report = parseDeliveryStatus(raw);
  if (!report) {
    io.error(
      fr
        ? 'Ce message n’est pas un avis de non-distribution lisible (Action et Message-ID d’origine introuvables).'
        : 'This message is not a readable delivery status notification (no Action or original Message-ID).',
    );
    return 2;
  }
  const runtime = await openRuntime(readConfig(), { log: io.log, appPoolSize: 1 });
  try {
    const recorded = await recordDeliveryStatus(runtime.db, report, systemClock.now());
    if (!recorded) {
      io.error(fr ? `Aucune action ne correspond au message ${report.messageId}.` : `No action matches message ${report.messageId}.`);
      return 3;
    }
    io.log(
      fr
        ? `Avis « ${report.action} » ${report.status ?? ''} enregistré sur l'action ${recorded.dispatchId}.`
        : `"${report.action}" report ${report.status ?? ''} recorded on action ${recorded.dispatchId}.`,
    );
    return 0;
  } finally {
    await runtime.close();
  }
}

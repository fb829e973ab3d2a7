/**
 * `amiable letters render --input letter.json --out letter.pdf [--lang fr|en]`
 * (issue 5's contract): renders a letter without a database. A malformed file names
 * each field; a letter lacking a mandatory mention lists every one and writes
 * nothing. `amiable letters variables` lists what templates may use.
 */
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { issueMessage } from '@amiable/i18n';
import {
  LETTER_TYPES,
  LETTER_VARIABLES,
  MENTION_LABELS,
  type TemplateSchema,
  readLetterInput,
  renderLetter,
  templateIssueMessage,
} from '@amiable/letters';
import { UsageError, parseFlags } from '../args.js';
import type { Io } from '../io.js';
import { readJsonInput } from '../json-input.js';

export const LETTERS_HELP = {
  fr: `amiable letters render --input lettre.json --out lettre.pdf [--lang fr|en]
amiable letters variables [--lang fr|en]

render : produit une lettre PDF/A (A4, polices incorporées, QR code SEPA) sans base de données.
Types : ${LETTER_TYPES.join(', ')}. Le schéma du fichier est décrit dans docs/letters.md.
Pénalités et indemnités sont calculées à la date de la lettre ; une mention obligatoire manquante est
signalée (toutes à la fois) et rien n'est écrit. La langue par défaut est le français.
variables : liste les variables utilisables dans les modèles de lettre.`,
  en: `amiable letters render --input letter.json --out letter.pdf [--lang fr|en]
amiable letters variables [--lang fr|en]

render: writes a PDF/A letter (A4, embedded fonts, SEPA QR code) without a database.
Types: ${LETTER_TYPES.join(', ')}. The file's schema is in docs/letters.md.
Penalties and indemnities are computed at the letter date; missing mandatory mentions are all listed
and nothing is written. The default language is French.
variables: lists the variables letter templates may use.`,
};

function langOf(value: string | undefined, fr: boolean): 'fr' | 'en' {
  if (value === undefined || value === 'fr' || value === 'en') return value ?? 'fr';
  throw new UsageError(fr ? `--lang : « ${value} » n'est pas fr ou en` : `--lang: "${value}" is not fr or en`);
}

function variableLines(schema: TemplateSchema, lang: 'fr' | 'en', prefix = ''): string[] {
  return Object.entries(schema).flatMap(([name, spec]) => [
    `  ${`${prefix}${name}`.padEnd(28)} ${spec.type.padEnd(8)} ${spec.doc[lang]}`,
    ...(spec.type === 'list' ? variableLines(spec.item, lang, `${prefix}${name}[].`) : []),
  ]);
}

async function render(argv: readonly string[], io: Io): Promise<number> {
  const { values } = parseFlags(
    argv,
    { input: { type: 'string', short: 'i' }, out: { type: 'string', short: 'o' }, lang: { type: 'string' } },
    io.fr,
  );
  if (values.help) return io.help(LETTERS_HELP);
  const fr = io.fr;
  const lang = langOf(values.lang, fr);
  if (!values.out) throw new UsageError(fr ? '--out est obligatoire (fichier PDF à écrire)' : '--out is required (the PDF file to write)');
  const json = await readJsonInput(values.input, fr, { fr: 'fichier JSON de la lettre', en: 'the letter JSON file' });
  const read = readLetterInput(json);
  const locale = fr ? 'fr' : 'en';
  if (!read.ok) {
    io.error(fr ? `Lettre invalide (${values.input}) :` : `Invalid letter (${values.input}):`);
    for (const issue of read.issues) io.error(`  ${issueMessage(locale, issue)}`);
    return 2;
  }
  const out = await renderLetter(read.value, { lang });
  if (!out.ok) {
    if (out.missing.length > 0) {
      io.error(fr ? 'Mentions obligatoires manquantes — rien n’a été écrit :' : 'Mandatory mentions missing — nothing was written:');
      for (const m of out.missing)
        io.error(`  - ${MENTION_LABELS[m.mention][locale]} (${fr ? 'à fournir : ' : 'provide: '}${m.lacking.join(', ')})`);
    }
    for (const issue of out.templateIssues)
      io.error(`  - ${fr ? 'modèle' : 'template'} « ${issue.field} », ${templateIssueMessage(issue, locale)}`);
    return 3;
  }
  // Written beside the target and renamed: a reader never sees half a PDF, and a failure leaves nothing.
  const target = path.resolve(values.out);
  const partial = `${target}.${randomBytes(4).toString('hex')}.part`;
  try {
    await writeFile(partial, out.pdf);
    await rename(partial, target);
  } catch (error) {
    await rm(partial, { force: true });
    throw new UsageError(
      fr
        ? `--out : impossible d'écrire ${values.out} (${(error as Error).message})`
        : `--out: cannot write ${values.out} (${(error as Error).message})`,
    );
  }
  io.log(
    `${values.out} — ${out.pdf.length} ${fr ? 'octets' : 'bytes'}, SHA-256 ${out.sha256}, ${fr ? 'référence' : 'reference'} ${out.facts.reference}`,
  );
  return 0;
}

export async function lettersCommand(argv: readonly string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'render') return render(rest, io);
  if (sub === 'variables') {
    const { values } = parseFlags(rest, { lang: { type: 'string' } }, io.fr);
    if (values.help) return io.help(LETTERS_HELP);
    await io.write(`${variableLines(LETTER_VARIABLES, langOf(values.lang ?? (io.fr ? 'fr' : 'en'), io.fr)).join('\n')}\n`);
    return 0;
  }
  if (sub === undefined || sub === '--help' || sub === '-h') return io.help(LETTERS_HELP);
  throw new UsageError(io.fr ? `Sous-commande inconnue : ${sub} (render, variables)` : `Unknown sub-command: ${sub} (render, variables)`);
}

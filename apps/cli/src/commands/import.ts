import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { importRepository, inTenant, postgresImportUnitOfWork } from '@amiable/db';
import { formatDecimalAmount } from '@amiable/domain';
import { errorMessage, issueMessage } from '@amiable/i18n';
import { detectFormat } from '@amiable/imports';
import { type ImportMode, importFile } from '@amiable/ledger';
import { systemClock, uuidV7Generator } from '@amiable/system';
import { UsageError, parseFlags, uuidFlag } from '../args.js';
import type { Io } from '../io.js';
import { openRuntime, readConfig } from '../runtime.js';
import { chooseTenant } from './tenant-choice.js';

export const IMPORT_HELP = {
  fr: `amiable import invoices FICHIER [--creditor ID] [--tenant ID] [--dry-run] [--json] [--mode MODE] [--sheet NOM]

Importe des factures et avoirs : CSV ou XLSX d'un logiciel comptable (encodage, séparateur, décimales et dates détectés,
colonnes reconnues d'après leurs en-têtes français ou anglais), facture Factur-X/ZUGFeRD (PDF), CII ou UBL (XML).
Réimporter le même fichier ne change rien ; une ligne modifiée met sa facture à jour et le journal garde la trace.

  --creditor ID   créancier des factures (facultatif s'il n'y en a qu'un, ou si le vendeur de la facture électronique est reconnu)
  --tenant ID     compte (facultatif s'il n'y en a qu'un)
  --dry-run       vérifie tout sans rien écrire
  --json          affiche { created, updated, unchanged, rejected: [{ line, column, message }], totalOutstanding }
  --mode MODE     all-or-nothing (défaut : une seule ligne en erreur et rien n'est écrit) ou valid-rows-only
  --sheet NOM     feuille d'un classeur XLSX (défaut : la première)

Code de sortie : 0 si l'import a eu lieu ; 1 si des lignes ont été rejetées et que rien n'a été écrit ; 2 pour une erreur d'usage.`,
  en: `amiable import invoices FILE [--creditor ID] [--tenant ID] [--dry-run] [--json] [--mode MODE] [--sheet NAME]

Imports invoices and credit notes: CSV or XLSX from accounting software (encoding, delimiter, decimals and dates detected,
columns recognised from French or English headers), Factur-X/ZUGFeRD invoices (PDF), CII or UBL (XML).
Importing the same file again changes nothing; a changed row updates its invoice and the activity log records it.

  --creditor ID   the invoices' creditor (optional when there is one, or when the e-invoice seller is recognised)
  --tenant ID     tenant (optional when there is one)
  --dry-run       checks everything, writes nothing
  --json          prints { created, updated, unchanged, rejected: [{ line, column, message }], totalOutstanding }
  --mode MODE     all-or-nothing (default: one bad row and nothing is written) or valid-rows-only
  --sheet NAME    XLSX sheet (default: the first)

Exit code: 0 when the import happened; 1 when rows were rejected and nothing was written; 2 on a usage error.`,
};

async function sha256OfFile(file: string): Promise<Uint8Array> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return new Uint8Array(hash.digest());
}

async function head(file: string, bytes: number): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return new Uint8Array(buffer.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

export async function importCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags(
    argv,
    {
      creditor: { type: 'string' },
      tenant: { type: 'string' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
      mode: { type: 'string' },
      sheet: { type: 'string' },
    },
    io.fr,
  );
  if (values.help) return io.help(IMPORT_HELP);
  const [what, file, ...extra] = positionals;
  if (what !== 'invoices')
    throw new UsageError(
      io.fr ? 'Usage : amiable import invoices FICHIER (voir --help)' : 'Usage: amiable import invoices FILE (see --help)',
    );
  if (!file)
    throw new UsageError(io.fr ? 'Fichier manquant : amiable import invoices FICHIER' : 'Missing file: amiable import invoices FILE');
  if (extra.length > 0) throw new UsageError(io.fr ? `Argument inattendu : ${extra[0]}` : `Unexpected argument: ${extra[0]}`);
  const mode = (values.mode ?? 'all-or-nothing') as ImportMode;
  if (mode !== 'all-or-nothing' && mode !== 'valid-rows-only') {
    throw new UsageError(
      io.fr
        ? `--mode attend all-or-nothing ou valid-rows-only (reçu : ${values.mode})`
        : `--mode expects all-or-nothing or valid-rows-only (got ${values.mode})`,
    );
  }
  const creditorId = uuidFlag(values.creditor, '--creditor', io.fr);
  const tenantFlag = uuidFlag(values.tenant, '--tenant', io.fr);
  const fileInfo = await stat(file).catch(() => null);
  if (!fileInfo?.isFile()) throw new UsageError(io.fr ? `Fichier introuvable : ${file}` : `File not found: ${file}`);
  const format = detectFormat(await head(file, 64 * 1024), file);
  if (!format) throw new UsageError(errorMessage(io.fr ? 'fr' : 'en', 'IMPORT_UNSUPPORTED_FORMAT'));
  if (values.json) io.dataMode();

  const runtime = await openRuntime(readConfig(), { log: values.json ? () => undefined : io.log });
  try {
    const tenantId = await chooseTenant(runtime, tenantFlag, io.fr);
    const clock = systemClock;
    const ids = uuidV7Generator(clock);
    const ctx = {
      actor: { kind: 'import' as const, id: null, label: `CLI ${path.basename(file)}`, channel: 'cli' as const, ip: null },
      clock,
      ids,
    };
    const uow = postgresImportUnitOfWork(runtime.db.app, { tenantId });
    const batchId = ids.newId();
    const dryRun = values['dry-run'] === true;
    if (!dryRun) {
      // The file's fingerprint identifies what was imported; the file itself stays where it is.
      const sha256 = await sha256OfFile(file);
      await inTenant(runtime.db.app, { tenantId }, (tx) =>
        importRepository(tx).insertBatch({
          id: batchId,
          creditorId: creditorId ?? null,
          filename: path.basename(file),
          format,
          fileId: null,
          sha256,
          status: 'queued',
          mode,
          settings: values.sheet ? { sheet: values.sheet } : {},
          counts: { created: 0, updated: 0, unchanged: 0, rejected: 0 },
          rejectedRows: [],
          outstandingByCurrency: {},
          errorCode: null,
          actor: ctx.actor,
          createdAt: clock.now(),
          startedAt: null,
          finishedAt: null,
        }),
      );
    }
    const result = await importFile(
      {
        batchId,
        filename: path.basename(file),
        source: { path: file },
        format,
        mode,
        dryRun,
        creditorId: creditorId ?? null,
        sheet: values.sheet,
        rememberMapping: false,
      },
      ctx,
      uow,
    );
    const locale = io.fr ? 'fr' : 'en';
    if (!result.ok) {
      const message = errorMessage(locale, result.error.code, result.error.params);
      if (values.json) await io.write(`${JSON.stringify({ error: { code: result.error.code, message } })}\n`);
      else io.error(message);
      return 1;
    }
    const r = result.value;
    const rejected = r.rejected.map((issue) => ({
      line: issue.line,
      column: issue.column,
      message: issueMessage(locale, { field: issue.column, code: issue.code, params: issue.params, line: issue.line }),
    }));
    const report = {
      created: r.written || dryRun ? r.created : 0,
      updated: r.written || dryRun ? r.updated : 0,
      unchanged: r.written || dryRun ? r.unchanged : 0,
      rejected,
      totalOutstanding: formatDecimalAmount(r.written || dryRun ? (r.outstandingByCurrency.get('EUR') ?? 0) : 0),
      ...(r.outstandingByCurrency.size > 1 || (r.outstandingByCurrency.size === 1 && !r.outstandingByCurrency.has('EUR'))
        ? { outstandingByCurrency: Object.fromEntries([...r.outstandingByCurrency].map(([c, v]) => [c, formatDecimalAmount(v)])) }
        : {}),
      dryRun,
      written: r.written,
    };
    if (values.json) await io.write(`${JSON.stringify(report)}\n`);
    else {
      for (const row of rejected) io.log(row.message);
      if (dryRun)
        io.log(
          io.fr
            ? `Simulation : ${report.created} à créer, ${report.updated} à mettre à jour, ${report.unchanged} inchangées, ${rejected.length} rejetée(s). Rien n'a été écrit.`
            : `Dry run: ${report.created} to create, ${report.updated} to update, ${report.unchanged} unchanged, ${rejected.length} rejected. Nothing was written.`,
        );
      else if (!r.written) io.log(errorMessage(locale, 'IMPORT_REJECTED', { count: new Set(r.rejected.map((x) => x.line)).size }));
      else
        io.log(
          io.fr
            ? `Import terminé : ${report.created} créée(s), ${report.updated} mise(s) à jour, ${report.unchanged} inchangée(s), ${rejected.length} rejetée(s). Encours EUR du fichier : ${report.totalOutstanding}.`
            : `Import done: ${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged, ${rejected.length} rejected. EUR outstanding of the file: ${report.totalOutstanding}.`,
        );
    }
    return rejected.length > 0 && !r.written ? 1 : 0;
  } finally {
    await runtime.close();
  }
}

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inTenant, sql } from '@amiable/db';
import { SAMPLES_DIR, type TenantFixture, type TestDatabase, createTestDatabase, tenantWithCreditor } from '@amiable/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAmiable } from './run-amiable.js';

let db: TestDatabase;
let fixture: TenantFixture;
let dir: string;

beforeAll(async () => {
  db = await createTestDatabase();
  fixture = await tenantWithCreditor(db, { legalName: 'Ateliers Durand SAS', siren: '732829320' });
  dir = await mkdtemp(path.join(tmpdir(), 'amiable-cli-'));
});
afterAll(async () => {
  await db.drop();
  await rm(dir, { recursive: true, force: true });
});

function amiable(args: string[], env: Record<string, string> = {}) {
  return runAmiable(args, { ...process.env, DATABASE_URL: db.adminUrl, LANG: 'fr_FR.UTF-8', AMIABLE_LOCALE: '', ...env });
}

const HEADER = "N° facture;Date facture;Date d'échéance;Montant TTC;Raison sociale;SIREN";

// Each test runs the real binary several times (a Node start and module load each, 1–5 s on a busy 2-core
// machine): the default 30 s is too short when the suite runs beside other work.
describe('amiable import invoices', { timeout: 120_000 }, () => {
  it('prints the JSON contract and is idempotent', async () => {
    const file = path.join(dir, 'factures.csv');
    await writeFile(
      file,
      Buffer.from(
        `${HEADER}\nC-1;01/10/2026;31/10/2026;1 200,00;Boulangerie Lefèvre;732829320\nC-2;02/10/2026;01/11/2026;34,56;Café du Port;\n`,
        'latin1',
      ),
    );
    const first = await amiable(['import', 'invoices', file, '--json']);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ created: 2, updated: 0, unchanged: 0, rejected: [], totalOutstanding: '1234.56' });
    const second = await amiable(['import', 'invoices', file, '--json']);
    expect(JSON.parse(second.stdout)).toMatchObject({ created: 0, updated: 0, unchanged: 2, rejected: [], totalOutstanding: '1234.56' });
  });

  it('exits non-zero when rows are rejected and nothing was written, naming line and column', async () => {
    const file = path.join(dir, 'mauvais.csv');
    await writeFile(file, `${HEADER}\nR-1;01/10/2026;31/10/2026;10,00;Bon;\nR-2;01/10/2026;31/09/2026;10,00;Mauvaise date;\n`);
    const result = await amiable(['import', 'invoices', file, '--json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({
      created: 0,
      updated: 0,
      unchanged: 0,
      rejected: [
        {
          line: 3,
          column: "Date d'échéance",
          message: "Ligne 3, colonne « Date d'échéance » : date invalide « 31/09/2026 » (attendu JJ/MM/AAAA, JJ/MM/AA ou AAAA-MM-JJ)",
        },
      ],
      totalOutstanding: '0.00',
      dryRun: false,
      written: false,
    });
    const count = await inTenant(db.app, { tenantId: fixture.tenantId }, (tx) =>
      tx.one<{ n: number }>(sql`SELECT count(*)::int AS n FROM amiable.invoice WHERE number LIKE 'R-%'`),
    );
    expect(count.n).toBe(0);
  });

  it('imports a Factur-X PDF for the creditor chosen by --creditor, and --dry-run writes nothing', async () => {
    const pdf = path.join(SAMPLES_DIR, 'facturx/pdf/Facture_F20220023-LE_FOURNISSEUR-POUR-LE_CLIENT_EN_16931.pdf');
    const other = await inTenant(db.app, { tenantId: fixture.tenantId }, async (tx) => {
      const { createCreditor } = await import('@amiable/ledger');
      const { ledgerStore } = await import('@amiable/db');
      const created = await createCreditor({ legalName: 'LE FOURNISSEUR', siren: '123456782' }, fixture.ctx, ledgerStore(tx));
      if (!created.ok) throw new Error('creditor');
      return created.value.id;
    });
    const dry = await amiable(['import', 'invoices', pdf, '--creditor', other, '--dry-run', '--json']);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ created: 1, totalOutstanding: '104.90', dryRun: true, written: false });
    const real = await amiable(['import', 'invoices', pdf, '--creditor', other, '--json']);
    expect(JSON.parse(real.stdout)).toMatchObject({ created: 1, totalOutstanding: '104.90', written: true });
  });

  it('explains usage errors, naming the flag, in French by default and in English with LANG=en', async () => {
    const unknown = await amiable(['import', 'invoices', 'x.csv', '--frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Option inconnue : --frobnicate');
    const missing = await amiable(['import', 'invoices', path.join(dir, 'absent.csv')], { LANG: 'en_GB.UTF-8' });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('File not found');
    const badCreditor = await amiable(['import', 'invoices', 'x.csv', '--creditor', 'nope']);
    expect(badCreditor.stderr).toContain('--creditor attend un identifiant');
    const badConfig = await amiable(['migrate'], { PORT: 'abc', DATABASE_URL: 'mysql://x' });
    expect(badConfig.code).toBe(2);
    expect(badConfig.stderr).toContain('DATABASE_URL="mysql://x"');
    expect(badConfig.stderr).toContain('PORT="abc" doit être un numéro de port');
  });

  it('has --help on every command', { timeout: 120_000 }, async () => {
    for (const command of [
      'start',
      'worker',
      'migrate',
      'import',
      'demo',
      'generate',
      'tenants',
      'creditors',
      'calc',
      'rates',
      'simulate',
    ]) {
      const help = await amiable([command, '--help']);
      expect(help.code, command).toBe(0);
      expect(help.stdout, command).toContain(`amiable ${command}`);
    }
    const top = await amiable(['--help']);
    expect(top.stdout).toContain('amiable <commande>');
  });
});

describe('amiable generate', { timeout: 120_000 }, () => {
  it('streams a synthetic CSV that the importer reads back', async () => {
    const file = path.join(dir, 'synthetique.csv');
    const result = await amiable(['generate', '--invoices', '2000', '--out', file]);
    expect(result.code).toBe(0);
    const lines = (await readFile(file, 'utf8')).trimEnd().split('\r\n');
    expect(lines).toHaveLength(2001);
    const imported = await amiable(['import', 'invoices', file, '--creditor', fixture.creditor.id, '--dry-run', '--json']);
    expect(JSON.parse(imported.stdout)).toMatchObject({ created: 2000, rejected: [] });
  });

  it('refuses a bad count', async () => {
    const result = await amiable(['generate', '--invoices', 'many']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--invoices attend un nombre entier positif');
  });
});

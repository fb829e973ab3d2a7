import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type TenantFixture, type TestDatabase, createTestDatabase, tenantWithCreditor } from '@amiable/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAmiable } from './run-amiable.js';

let db: TestDatabase;
let fixture: TenantFixture;
let emptyDataDir: string;

beforeAll(async () => {
  db = await createTestDatabase();
  fixture = await tenantWithCreditor(db);
  emptyDataDir = await mkdtemp(path.join(tmpdir(), 'amiable-calc-'));
});
afterAll(async () => {
  await db.drop();
  await rm(emptyDataDir, { recursive: true, force: true });
});

/** Without a database (no DATABASE_URL, an empty data folder): the shipped rates only. */
function amiable(args: string[], env: Record<string, string | undefined> = {}) {
  return runAmiable(args, {
    ...process.env,
    LANG: 'fr_FR.UTF-8',
    AMIABLE_LOCALE: '',
    AMIABLE_DATA_DIR: emptyDataDir,
    DATABASE_URL: undefined,
    ...env,
  });
}

// Each test runs the real binary several times (a Node start and module load each, 1–5 s on a busy 2-core
// machine): the default 30 s is too short when the suite runs beside other work.
describe('amiable calc', { timeout: 120_000 }, () => {
  it('late-fees between professionals: the exact JSON contract', async () => {
    const r = await amiable([
      'calc',
      'late-fees',
      '--amount',
      '1200.00',
      '--due',
      '2025-03-15',
      '--until',
      '2025-09-30',
      '--debtor',
      'business',
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      daysLate: 199,
      interest: '83.01',
      indemnity: '40.00',
      principalDue: '1200.00',
      interestDue: '83.01',
      periods: [
        { from: '2025-03-16', to: '2025-06-30', days: 107, ratePercent: '13.15' },
        { from: '2025-07-01', to: '2025-09-30', days: 92, ratePercent: '12.15' },
      ],
    });
  });

  it('late-fees for a consumer from the formal notice, with a partial payment imputed on interest first', async () => {
    const r = await amiable([
      'calc',
      'late-fees',
      '--amount',
      '1000.00',
      '--formal-notice',
      '2025-06-30',
      '--until',
      '2025-10-31',
      '--debtor',
      'consumer',
      '--payment',
      '2025-10-31:500.00',
      '--json',
    ]);
    expect(JSON.parse(r.stdout)).toMatchObject({ interest: '9.30', indemnity: '0.00', principalDue: '509.30', interestDue: '0.00' });
    const principalFirst = await amiable([
      'calc',
      'late-fees',
      '--amount',
      '1000.00',
      '--formal-notice',
      '2025-06-30',
      '--until',
      '2025-10-31',
      '--debtor',
      'consumer',
      '--payment',
      '2025-10-31:500.00',
      '--imputation',
      'principal-first',
      '--json',
    ]);
    expect(JSON.parse(principalFirst.stdout)).toMatchObject({ principalDue: '500.00', interestDue: '9.30' });
  });

  it('a contract rate, flagged below the floor; prescription; small claims', async () => {
    const low = await amiable([
      'calc',
      'late-fees',
      '--amount',
      '7300.00',
      '--due',
      '2024-02-01',
      '--until',
      '2024-03-01',
      '--debtor',
      'business',
      '--rate',
      '12',
      '--json',
    ]);
    expect(JSON.parse(low.stdout).warnings).toEqual([expect.objectContaining({ code: 'CONTRACT_RATE_BELOW_FLOOR' })]);
    expect(
      JSON.parse(
        (await amiable(['calc', 'prescription', '--debtor', 'business', '--due', '2021-03-31', '--interruption', '2024-06-10', '--json']))
          .stdout,
      ),
    ).toEqual({ lastDay: '2029-06-10' });
    expect(JSON.parse((await amiable(['calc', 'prescription', '--debtor', 'consumer', '--due', '2024-09-15', '--json'])).stdout)).toEqual({
      lastDay: '2026-09-15',
    });
    expect(
      JSON.parse((await amiable(['calc', 'small-claims', '--principal', '4650.00', '--interest', '312.40', '--json'])).stdout),
    ).toEqual({ eligible: true });
    expect(JSON.parse((await amiable(['calc', 'small-claims', '--principal', '4990.00', '--interest', '10.01', '--json'])).stdout)).toEqual(
      { eligible: false },
    );
  });

  it('prints a French summary without --json, English with LANG=en', async () => {
    const fr = await amiable([
      'calc',
      'late-fees',
      '--amount',
      '1200.00',
      '--due',
      '2025-03-15',
      '--until',
      '2025-09-30',
      '--debtor',
      'business',
    ]);
    expect(fr.stdout).toContain('Intérêts de retard : 83,01');
    expect(fr.stdout).toContain('du 16/03/2025 au 30/06/2025 : 107 j à 13,15 %');
    const en = await amiable(['calc', 'prescription', '--debtor', 'business', '--due', '2021-03-31'], { LANG: 'en_GB.UTF-8' });
    expect(en.stdout).toContain('Last day to act: 2026-03-31');
  });

  it('exits non-zero naming the flag: unknown debtor kind, malformed date or amount, payment after --until, negative amount', async () => {
    const cases: [string[], string][] = [
      [['--amount', '10.00', '--due', '2025-03-15', '--until', '2025-09-30', '--debtor', 'company'], '--debtor'],
      [['--amount', '10.00', '--due', '15/03/2025', '--until', '2025-09-30', '--debtor', 'business'], '--due'],
      [['--amount', '1 200', '--due', '2025-03-15', '--until', '2025-09-30', '--debtor', 'business'], '--amount'],
      [
        ['--amount', '10.00', '--due', '2025-03-15', '--until', '2025-09-30', '--debtor', 'business', '--payment', '2025-10-01:5.00'],
        '--payment',
      ],
      [['--amount=-10.00', '--due', '2025-03-15', '--until', '2025-09-30', '--debtor', 'business'], '--amount'],
      [['--amount', '10.00', '--due', '2025-03-15', '--until', '2025-13-01', '--debtor', 'business'], '--until'],
      [['--amount', '10.00', '--until', '2025-09-30', '--debtor', 'consumer'], '--formal-notice'],
    ];
    for (const [args, flag] of cases) {
      const r = await amiable(['calc', 'late-fees', ...args, '--json']);
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.stderr, args.join(' ')).toContain(flag);
      expect(r.stdout).toBe('');
    }
  });

  it('refuses a half-year the table lacks, naming it and how to add it; after `rates set` the tenant’s computations use it', async () => {
    const args = [
      'calc',
      'late-fees',
      '--amount',
      '1000.00',
      '--due',
      '2026-06-15',
      '--until',
      '2026-07-10',
      '--debtor',
      'business',
      '--json',
    ];
    const missing = await amiable(args);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('2026-H2');
    expect(missing.stderr).toContain('amiable rates set 2026-H2');

    const withDb = { DATABASE_URL: db.adminUrl };
    const set = await amiable(
      [
        'rates',
        'set',
        '2026-H2',
        '--ecb',
        '2.15',
        '--legal-individual',
        '6.50',
        '--legal-other',
        '2.50',
        '--source',
        'arrêté du 20/06/2026 (test)',
        '--tenant',
        fixture.tenantId,
      ],
      withDb,
    );
    expect(set.code, set.stderr).toBe(0);
    const computed = await amiable([...args, '--tenant', fixture.tenantId], withDb);
    expect(computed.code, computed.stderr).toBe(0);
    expect(JSON.parse(computed.stdout).periods.map((p: { ratePercent: string }) => p.ratePercent)).toEqual(['12.15', '12.15']);
    const listed = await amiable(['rates', 'list', '--json', '--tenant', fixture.tenantId], withDb);
    expect(JSON.parse(listed.stdout).rows.find((r: { halfYear: string }) => r.halfYear === '2026-H2')).toMatchObject({
      origin: 'tenant',
      legalRateOther: '2.50',
    });
    const bad = await amiable(
      [
        'rates',
        'set',
        '2026-H3',
        '--ecb',
        '2.15',
        '--legal-individual',
        '6.50',
        '--legal-other',
        '2.50',
        '--source',
        'x',
        '--tenant',
        fixture.tenantId,
      ],
      withDb,
    );
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('semestre');
  });
});

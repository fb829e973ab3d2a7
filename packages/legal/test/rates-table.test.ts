/**
 * The shipped rates against the brief's CSV files (fixtures/brief, copied from
 * ../shared/brief): every CONFIRMED half-year is in the table with the same values,
 * and the UNCONFIRMED 2026-H2 is not — a computation needing it fails, naming it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SHIPPED_RATES, computeLateInterest, rateTable } from '../src/index.js';

const BRIEF = new URL('../../../fixtures/brief/', import.meta.url);

function csv(name: string): Record<string, string>[] {
  const [header = '', ...lines] = readFileSync(new URL(name, BRIEF), 'utf8').trim().split('\n');
  const columns = header.split(',');
  // The last column (sources) may hold quoted commas: the numeric columns come first.
  return lines.map((line) => Object.fromEntries(columns.map((column, i) => [column, line.split(',')[i] ?? ''])));
}

const bp = (percent: string) => Math.round(Number(percent) * 100);

describe('the shipped rates table', () => {
  const ecb = csv('rates-ecb-b2b.csv');
  const legal = csv('rates-legal-interest.csv');

  it('holds every confirmed half-year of the brief, with the same ECB and legal rates, and a source for each', () => {
    const confirmed = legal.filter((row) => row.status === 'CONFIRMED_MULTI');
    expect(confirmed.length).toBe(23);
    for (const row of confirmed) {
      const shipped = SHIPPED_RATES.find((r) => r.halfYear === row.semester);
      expect(shipped, row.semester).toBeDefined();
      expect(shipped?.legalRateIndividualBp, row.semester).toBe(bp(row.rate_creancier_particulier_pct ?? ''));
      expect(shipped?.legalRateOtherBp, row.semester).toBe(bp(row.rate_autres_cas_pct ?? ''));
      const ecbRow = ecb.find((r) => r.applies_to_semester === row.semester);
      expect(shipped?.ecbMainRefinancingBp, row.semester).toBe(bp(ecbRow?.ecb_mro_rate_pct ?? ''));
      // The B2B default rate of the brief is ECB + 10 points.
      expect((shipped?.ecbMainRefinancingBp ?? 0) + 1000, row.semester).toBe(bp(ecbRow?.b2b_default_penalty_rate_pct ?? ''));
      expect(shipped?.sources.ecb.length).toBeGreaterThan(10);
      expect(shipped?.sources.legal.length).toBeGreaterThan(10);
    }
    expect(SHIPPED_RATES).toHaveLength(confirmed.length);
  });

  it('lacks the unconfirmed 2026-H2, and a computation that needs it fails naming it', () => {
    expect(legal.find((row) => row.semester === '2026-H2')?.status).toBe('UNCONFIRMED');
    expect(SHIPPED_RATES.some((r) => r.halfYear === '2026-H2')).toBe(false);
    const result = computeLateInterest(
      { debtor: 'business', principalCents: 100_000, dueDate: '2026-06-15', until: '2026-07-10' },
      rateTable(),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'RATE_MISSING', params: { halfYear: '2026-H2' } } });
  });

  it('takes a tenant row over the shipped one, and a missing half-year once added', () => {
    const added = {
      halfYear: '2026-H2',
      ecbMainRefinancingBp: 215,
      legalRateIndividualBp: 650,
      legalRateOtherBp: 250,
      sources: { ecb: 'ECB', legal: 'arrêté' },
    };
    const table = rateTable([added]);
    const result = computeLateInterest({ debtor: 'business', principalCents: 100_000, dueDate: '2026-06-30', until: '2026-07-10' }, table);
    expect(result.ok && result.value.periods[0]).toMatchObject({ halfYear: '2026-H2', rateBp: 1215 });
    const corrected = rateTable([{ ...added, halfYear: '2025-H2', ecbMainRefinancingBp: 300 }]);
    expect(corrected.find('2025-H2')).toMatchObject({ ok: true, value: { ecbMainRefinancingBp: 300 } });
  });
});

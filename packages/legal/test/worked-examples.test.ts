/**
 * The worked examples of french-law.md §11 that fall within the legal engine
 * (1–13, 14 a), each computed by the engine from the shipped rates table.
 */
import { describe, expect, it } from 'vitest';
import {
  type LateInterestInput,
  checkPaymentTerms,
  claimTotals,
  computeLateInterest,
  prescriptionOf,
  rateTable,
  recoveryIndemnity,
  smallClaimsEligibility,
} from '../src/index.js';

const table = rateTable();

function interest(input: LateInterestInput) {
  const result = computeLateInterest(input, table);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe('worked examples of french-law.md §11', () => {
  it('1 — B2B, one half-year: 10 000 € due 2025-03-31 paid 2025-05-15 → 162.12 € + 40 €', () => {
    const r = interest({
      debtor: 'business',
      principalCents: 1_000_000,
      dueDate: '2025-03-31',
      until: '2025-05-15',
      payments: [{ date: '2025-05-15', cents: 1_000_000 }],
      imputation: 'principal-first',
    });
    expect(r.daysLate).toBe(45);
    expect(r.interestCents).toBe(16_212);
    expect(r.periods).toEqual([
      { from: '2025-04-01', to: '2025-05-15', days: 45, rateBp: 1315, halfYear: '2025-H1', basis: 'ecb-plus-10' },
    ]);
    expect(
      recoveryIndemnity({ debtor: 'business', dueDate: '2025-03-31', until: '2025-05-15', unpaidAfterDueCents: 1_000_000 }).cents,
    ).toBe(4_000);
  });

  it('2 — B2B across 1 July 2025: 12 000 € due 2025-06-15 paid 2025-07-31 → 188.68 €', () => {
    const r = interest({ debtor: 'business', principalCents: 1_200_000, dueDate: '2025-06-15', until: '2025-07-31' });
    expect(r.interestCents).toBe(18_868);
    expect(r.periods.map((p) => [p.from, p.to, p.days, p.rateBp])).toEqual([
      ['2025-06-16', '2025-06-30', 15, 1315],
      ['2025-07-01', '2025-07-31', 31, 1215],
    ]);
  });

  it('3 — B2B across 1 January 2023, rounded once: 5 000 € due 2022-12-01 paid 2023-02-28 → 142.12 € (not 142.13)', () => {
    const r = interest({ debtor: 'business', principalCents: 500_000, dueDate: '2022-12-01', until: '2023-02-28' });
    expect(r.periods.map((p) => [p.days, p.rateBp])).toEqual([
      [30, 1000],
      [59, 1250],
    ]);
    expect(r.interestCents).toBe(14_212);
  });

  it('4 — B2B across 1 January 2024 (leap year): 203.33 € in ACT/365, 203.04 € in ACT/ACT', () => {
    const base = { debtor: 'business', principalCents: 840_000, dueDate: '2023-11-30', until: '2024-01-31' } as const;
    expect(interest(base).interestCents).toBe(20_333);
    expect(interest({ ...base, dayCount: 'ACT/ACT' }).interestCents).toBe(20_304);
  });

  it('5 — contract rate 15 %: 7 300 € due 2025-09-30 paid 2025-12-09 → 210.00 €; 12 % in 2024-H1 is flagged below the floor 15.21 %', () => {
    const r = interest({ debtor: 'business', principalCents: 730_000, dueDate: '2025-09-30', until: '2025-12-09', contractRateBp: 1500 });
    expect(r.daysLate).toBe(70);
    expect(r.interestCents).toBe(21_000);
    expect(r.warnings).toEqual([]);
    const low = interest({ debtor: 'business', principalCents: 730_000, dueDate: '2024-02-01', until: '2024-03-01', contractRateBp: 1200 });
    expect(low.warnings).toEqual([{ code: 'CONTRACT_RATE_BELOW_FLOOR', halfYear: '2024-H1', floorBp: 1521, rateBp: 1200 }]);
    expect(low.periods[0]?.rateBp).toBe(1200); // flagged, not replaced
  });

  it('6 — 40 € per late invoice, partial payments included: A, B, D, E → 160 €; A + B penalties + indemnities = 213.93 €', () => {
    const totals = claimTotals(
      {
        debtor: 'business',
        until: '2026-01-31',
        invoices: [
          { id: 'A', number: 'A', amountDueCents: 150_000, dueDate: '2025-10-31', payments: [{ date: '2025-11-20', cents: 150_000 }] },
          { id: 'B', number: 'B', amountDueCents: 220_000, dueDate: '2025-11-15', payments: [{ date: '2026-01-14', cents: 220_000 }] },
          { id: 'C', number: 'C', amountDueCents: 100_000, dueDate: '2025-11-30', payments: [{ date: '2025-11-30', cents: 100_000 }] },
          {
            id: 'D',
            number: 'D',
            amountDueCents: 100_000,
            dueDate: '2025-12-10',
            payments: [
              { date: '2025-12-10', cents: 80_000 },
              { date: '2025-12-20', cents: 20_000 },
            ],
          },
          { id: 'E', number: 'E', amountDueCents: 50_000, dueDate: '2025-12-15', payments: [] },
        ],
        imputation: 'principal-first',
      },
      table,
    );
    if (!totals.ok) throw new Error(JSON.stringify(totals.error));
    const line = (id: string) => totals.value.lines.find((l) => l.invoiceId === id);
    expect(totals.value.indemnityCents).toBe(16_000);
    expect(line('C')?.indemnityCents).toBe(0);
    expect(line('D')?.indemnityCents).toBe(4_000);
    expect(line('A')?.interestCents).toBe(999);
    expect(line('B')?.interestCents).toBe(4_394);
    expect(line('B')?.periods.map((p) => [p.halfYear, p.days])).toEqual([
      ['2025-H2', 46],
      ['2026-H1', 14],
    ]);
    expect((line('A')?.interestCents ?? 0) + (line('B')?.interestCents ?? 0) + totals.value.indemnityCents).toBe(21_393);
  });

  it('7 — consumer, company creditor ("autres cas"), from the formal notice: 2 500 € → 45.85 €, no indemnity', () => {
    const r = interest({ debtor: 'consumer', principalCents: 250_000, formalNoticeDate: '2025-03-10', until: '2025-09-30' });
    expect(r.periods.map((p) => [p.days, p.rateBp, p.basis])).toEqual([
      [112, 371, 'legal-other'],
      [92, 276, 'legal-other'],
    ]);
    expect(r.interestCents).toBe(4_585);
    expect(recoveryIndemnity({ debtor: 'consumer', dueDate: '2025-01-31', until: '2025-09-30', unpaidAfterDueCents: 250_000 }).cents).toBe(
      0,
    );
  });

  it('8 — private-individual creditor ("particuliers" rate): 3 000 € → 80.47 €', () => {
    const r = interest({
      debtor: 'consumer',
      creditor: 'individual',
      principalCents: 300_000,
      formalNoticeDate: '2025-10-20',
      until: '2026-03-16',
    });
    expect(r.periods.map((p) => [p.days, p.rateBp])).toEqual([
      [72, 665],
      [75, 667],
    ]);
    expect(r.interestCents).toBe(8_047);
  });

  it('9 — judgment, +5 points two months after service (CMF L313-3): 4 000 € → 126.12 € at 2025-06-30', () => {
    const r = interest({
      debtor: 'business',
      regime: 'legal-interest',
      principalCents: 400_000,
      formalNoticeDate: '2025-01-15',
      judgmentServedOn: '2025-01-15',
      until: '2025-06-30',
    });
    expect(r.periods.map((p) => [p.from, p.days, p.rateBp, p.basis])).toEqual([
      ['2025-01-16', 59, 371, 'legal-other'],
      ['2025-03-16', 107, 871, 'legal-plus-5'],
    ]);
    expect(r.interestCents).toBe(12_612);
  });

  it('10 — a partial payment goes to interest first (C. civ. 1343-1): 500 € pays 9.30 € then 490.70 €, 509.30 € remain', () => {
    const r = interest({
      debtor: 'consumer',
      principalCents: 100_000,
      formalNoticeDate: '2025-06-30',
      until: '2025-10-31',
      payments: [{ date: '2025-10-31', cents: 50_000 }],
    });
    expect(r.interestCents).toBe(930);
    expect(r.interestPaidCents).toBe(930);
    expect(r.principalDueCents).toBe(50_930);
    expect(r.interestDueCents).toBe(0);
    // Interest restarts on 509.30 €: 30 more days at 2.76 % = 1.1553 €; 9.3008 + 1.1553 = 10.46 € in all, 1.16 € still due.
    const later = interest({
      debtor: 'consumer',
      principalCents: 100_000,
      formalNoticeDate: '2025-06-30',
      until: '2025-11-30',
      payments: [{ date: '2025-10-31', cents: 50_000 }],
    });
    expect(later.interestCents).toBe(1_046);
    expect(later.interestDueCents).toBe(116);
    expect(later.daysLate).toBe(153);
    expect(later.principalDueCents).toBe(50_930);
  });

  it('11 — B2B prescription: due 2021-03-31 → 2026-03-31; a formal notice changes nothing; a partial payment on 2024-06-10 → 2029-06-10', () => {
    expect(prescriptionOf({ debtor: 'business', start: '2021-03-31' }).lastDay).toBe('2026-03-31');
    expect(prescriptionOf({ debtor: 'business', start: '2021-03-31', interruptions: ['2024-06-10'] }).lastDay).toBe('2029-06-10');
  });

  it('12 — consumer prescription (2 years, C. conso. L218-2): due 2024-09-15 → 2026-09-15; a payment on 2025-05-20 → 2027-05-20', () => {
    expect(prescriptionOf({ debtor: 'consumer', start: '2024-09-15' }).lastDay).toBe('2026-09-15');
    expect(prescriptionOf({ debtor: 'consumer', start: '2024-09-15', interruptions: ['2025-05-20'] }).lastDay).toBe('2027-05-20');
  });

  it('13 — small claims: principal + interest ≤ 5 000.00 €, limit included', () => {
    const eligible = (p: number, i: number) => smallClaimsEligibility({ principalCents: p, interestCents: i }).eligible;
    expect(eligible(465_000, 31_240)).toBe(true);
    expect(eligible(480_000, 25_000)).toBe(false);
    expect(eligible(499_999, 1)).toBe(true);
    expect(eligible(499_000, 1_001)).toBe(false);
  });

  it('14 a — a claim without contractual or statutory cause is not eligible, whatever its amount', () => {
    expect(smallClaimsEligibility({ principalCents: 120_000, interestCents: 0, cause: 'other' })).toMatchObject({
      eligible: false,
      reason: 'cause-not-eligible',
    });
  });
});

describe('payment terms (C. com. L441-10 I)', () => {
  it('flags a due date more than 60 days after issue, not one at 60', () => {
    expect(checkPaymentTerms('2025-01-10', '2025-03-11').exceedsLegalMaximum).toBe(false);
    expect(checkPaymentTerms('2025-01-10', '2025-03-12')).toMatchObject({
      exceedsLegalMaximum: true,
      termDays: 61,
      latestDueDate: '2025-03-11',
    });
  });

  it('with "45 days end of month" stipulated, allows the later of its two readings', () => {
    // Issue 2025-01-10: end of month + 45 d = 2025-03-17; + 45 d then end of month = 2025-02-28.
    expect(checkPaymentTerms('2025-01-10', '2025-03-17', 'end-of-month-45').exceedsLegalMaximum).toBe(false);
    expect(checkPaymentTerms('2025-01-10', '2025-03-18', 'end-of-month-45').exceedsLegalMaximum).toBe(true);
  });
});

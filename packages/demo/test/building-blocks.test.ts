import { isValidFrenchVatNumber, isValidIban, isValidPhone, isValidSiren, isValidSiret } from '@amiable/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvAmount, divFloor, inclTaxOf, VAT_INTERMEDIATE, VAT_REDUCED, VAT_STANDARD } from '../src/amounts.js';
import { nextDayOfMonth, toDayNumber, weekday, workingDayOnOrAfter, workingDayOnOrBefore } from '../src/calendar.js';
import {
  asciiFold,
  bankLabel,
  emailWord,
  fictionPhone,
  frenchIbanOf,
  frenchVatNumberOf,
  sirenFromBody,
  siretOf,
  slugify,
} from '../src/identifiers.js';
import { hashSeed, Prng } from '../src/random.js';

describe('Prng', () => {
  it('replays the same sequence for the same seed and a different one for another seed', () => {
    const draw = (seed: number) => {
      const rng = new Prng(seed);
      return Array.from({ length: 20 }, () => rng.uint32());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('names streams by their parts, and close parts give unrelated streams', () => {
    expect(hashSeed('a', 1)).toBe(hashSeed('a', 1));
    expect(hashSeed('a', 1)).not.toBe(hashSeed('a', 2));
    expect(hashSeed('a', 1)).not.toBe(hashSeed('a1'));
    expect(Prng.of('x', 1).uint32()).not.toBe(Prng.of('x', 2).uint32());
  });

  it('keeps int() and skewedInt() within their inclusive bounds', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: -1_000_000, max: 1_000_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (seed, min, span) => {
          const rng = new Prng(seed);
          for (let i = 0; i < 20; i++) {
            const a = rng.int(min, min + span);
            const b = rng.skewedInt(min, min + span);
            expect(Number.isInteger(a) && a >= min && a <= min + span).toBe(true);
            expect(Number.isInteger(b) && b >= min && b <= min + span).toBe(true);
          }
        },
      ),
    );
  });

  it('reaches both ends of a small range and follows weights roughly', () => {
    const rng = new Prng(7);
    const seen = new Set<number>();
    for (let i = 0; i < 200; i++) seen.add(rng.int(1, 3));
    expect([...seen].sort()).toEqual([1, 2, 3]);
    let heavy = 0;
    for (let i = 0; i < 10_000; i++)
      if (
        rng.weighted([
          ['heavy', 9],
          ['light', 1],
        ] as const) === 'heavy'
      )
        heavy++;
    expect(heavy).toBeGreaterThan(8_700);
    expect(heavy).toBeLessThan(9_300);
  });

  it('refuses empty choices instead of returning undefined', () => {
    const rng = new Prng(1);
    expect(() => rng.pick([])).toThrow(RangeError);
    expect(() => rng.int(2, 1)).toThrow(RangeError);
  });
});

describe('identifiers', () => {
  it('builds SIREN, SIRET and VAT numbers that pass the domain validators for any body', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), fc.integer({ min: 1, max: 9_999 }), (body, nic) => {
        const siren = sirenFromBody(body);
        const siret = siretOf(siren, nic);
        expect(isValidSiren(siren)).toBe(true);
        expect(siret.startsWith(siren)).toBe(true);
        if (siren !== '356000000') expect(isValidSiret(siret)).toBe(true);
        expect(isValidFrenchVatNumber(frenchVatNumberOf(siren))).toBe(true);
      }),
    );
  });

  it('computes the VAT key of a known company', () => {
    // 404 833 048 → FR83 404 833 048 (key = (12 + 3 × (404833048 mod 97)) mod 97)
    expect(frenchVatNumberOf('404833048')).toBe('FR83404833048');
  });

  it('builds French IBANs with a valid RIB key, hence always FR76', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10_000, max: 99_999 }),
        fc.integer({ min: 0, max: 99_999 }),
        fc.integer({ min: 0, max: 99_999_999_999 }),
        (bank, branch, account) => {
          const iban = frenchIbanOf(String(bank), String(branch).padStart(5, '0'), String(account).padStart(11, '0'));
          expect(iban).toMatch(/^FR76\d{23}$/);
          expect(isValidIban(iban)).toBe(true);
        },
      ),
    );
  });

  it('writes fiction phone numbers in the French grouped format', () => {
    expect(fictionPhone('04', 1234)).toBe('04 65 71 12 34');
    expect(fictionPhone('06', 7)).toBe('06 39 98 00 07');
    expect(isValidPhone(fictionPhone('01', 9_999))).toBe(true);
  });

  it('folds accents for e-mail addresses, slugs and bank labels', () => {
    expect(asciiFold('Hélène Lefèvre, Loïc, Chloé, Œuvre')).toBe('Helene Lefevre, Loic, Chloe, OEuvre');
    expect(slugify('Transports Moreau & Fils')).toBe('transports-moreau-fils');
    expect(emailWord('Le Gall')).toBe('legall');
    expect(bankLabel('Boulangerie-Pâtisserie Lefèvre')).toBe('BOULANGERIE PATISSERIE LEFEVRE');
  });
});

describe('amounts', () => {
  it('adds VAT rounded half-up to the cent, exactly like a BigInt computation', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.constantFrom(VAT_STANDARD, VAT_INTERMEDIATE, VAT_REDUCED),
        (excl, rate) => {
          const scaled = BigInt(excl) * BigInt(rate);
          const expected = BigInt(excl) + scaled / 10_000n + (scaled % 10_000n >= 5_000n ? 1n : 0n);
          expect(inclTaxOf(excl, rate)).toBe(Number(expected));
        },
      ),
    );
    expect(inclTaxOf(1_005, VAT_REDUCED)).toBe(1_060); // 10.05 × 1.055 = 10.60275 → 10.60
    expect(inclTaxOf(1_010, VAT_REDUCED)).toBe(1_066); // 10.10 × 1.055 = 10.6555 → 10.66
    expect(divFloor(199, 100)).toBe(1);
  });

  it('formats amounts with a decimal comma and no thousands separator', () => {
    expect(csvAmount(123_456)).toBe('1234,56');
    expect(csvAmount(5)).toBe('0,05');
    expect(csvAmount(4_800_000)).toBe('48000,00');
    expect(csvAmount(-1_050)).toBe('-10,50');
  });
});

describe('calendar', () => {
  it('knows the weekday and moves weekends to working days', () => {
    const saturday = toDayNumber('2026-11-21');
    expect(weekday(toDayNumber('2026-11-23'))).toBe(0); // a Monday
    expect(weekday(saturday)).toBe(5);
    expect(workingDayOnOrBefore(saturday)).toBe(toDayNumber('2026-11-20'));
    expect(workingDayOnOrAfter(saturday)).toBe(toDayNumber('2026-11-23'));
  });

  it('finds the next payment-run day, clamped to short months', () => {
    expect(nextDayOfMonth(toDayNumber('2026-02-10'), 30)).toBe(toDayNumber('2026-02-28'));
    expect(nextDayOfMonth(toDayNumber('2026-03-11'), 10)).toBe(toDayNumber('2026-04-10'));
    expect(nextDayOfMonth(toDayNumber('2026-03-10'), 10)).toBe(toDayNumber('2026-03-10'));
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ibanCheckDigits, isValidFrenchVatNumber, isValidIban, isValidSiren, isValidSiret, luhnCheckDigit } from './identifiers.js';

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));

describe('French and bank identifiers', () => {
  it('accepts real SIREN, SIRET, VAT and IBAN values', () => {
    expect(isValidSiren('732829320')).toBe(true);
    expect(isValidSiret('73282932000074')).toBe(true);
    expect(isValidSiret('35600000000048')).toBe(true); // La Poste's head office, a Luhn number
    expect(isValidSiret('35600000049837')).toBe(true); // a La Poste establishment: digits sum to a multiple of 5
    expect(isValidFrenchVatNumber('FR44732829320')).toBe(true);
    expect(isValidIban('FR7630006000011234567890189')).toBe(true);
    expect(isValidIban('DE89370400440532013000')).toBe(true);
  });

  it('catches any single mistyped digit of a SIREN (Luhn) and any swap or change in an IBAN (mod 97)', () => {
    fc.assert(
      fc.property(digits(8), fc.nat(8), fc.integer({ min: 1, max: 9 }), (body, position, delta) => {
        const siren = body + luhnCheckDigit(body);
        expect(isValidSiren(siren)).toBe(true);
        const wrong = siren.slice(0, position) + ((Number(siren[position]) + delta) % 10) + siren.slice(position + 1);
        expect(isValidSiren(wrong)).toBe(false);
      }),
    );
    fc.assert(
      fc.property(digits(23), fc.nat(22), fc.integer({ min: 1, max: 9 }), (bban, position, delta) => {
        const iban = `FR${ibanCheckDigits('FR', bban)}${bban}`;
        expect(isValidIban(iban)).toBe(true);
        const wrong = `FR${iban.slice(2, 4)}${bban.slice(0, position)}${(Number(bban[position]) + delta) % 10}${bban.slice(position + 1)}`;
        expect(isValidIban(wrong)).toBe(false);
      }),
    );
  });
});

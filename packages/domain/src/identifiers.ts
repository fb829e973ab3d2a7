/**
 * French and European business identifiers. Each validator works on the
 * normalised form (digits or upper-case letters only) returned by the matching
 * normalize function, so "123 456 782" and "123456782" are the same SIREN.
 */

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

export function normalizeDigits(value: string): string {
  return value.replace(/[\s\u00a0\u202f.-]/g, '');
}

/** SIREN: 9 digits with a Luhn check digit (INSEE). */
export function isValidSiren(value: string): boolean {
  return /^\d{9}$/.test(value) && luhnValid(value);
}

// La Poste's establishments share SIREN 356000000 and do not satisfy Luhn;
// INSEE checks them with "sum of the digits is a multiple of 5" instead.
const LA_POSTE_SIREN = '356000000';

/** SIRET: SIREN + 5-digit establishment number (NIC), Luhn over all 14 digits. */
export function isValidSiret(value: string): boolean {
  if (!/^\d{14}$/.test(value)) return false;
  if (value.startsWith(LA_POSTE_SIREN) && value !== `${LA_POSTE_SIREN}00048`) {
    let sum = 0;
    for (const ch of value) sum += ch.charCodeAt(0) - 48;
    return sum % 5 === 0;
  }
  return luhnValid(value);
}

export function sirenOfSiret(siret: string): string {
  return siret.slice(0, 9);
}

/** French intra-community VAT number: FR + 2-character key + SIREN. Key = (12 + 3 × (SIREN mod 97)) mod 97. */
export function isValidFrenchVatNumber(value: string): boolean {
  const match = /^FR([0-9A-Z]{2})(\d{9})$/.exec(value);
  if (!match) return false;
  const [, key, siren] = match as unknown as [string, string, string];
  if (!/^\d{2}$/.test(key)) return isValidSiren(siren); // legacy alphabetic keys cannot be recomputed
  return Number(key) === (12 + 3 * (Number(siren) % 97)) % 97;
}

export function normalizeVatNumber(value: string): string {
  return value.replace(/[\s\u00a0\u202f.-]/g, '').toUpperCase();
}

export function normalizeIban(value: string): string {
  return value.replace(/[\s\u00a0\u202f-]/g, '').toUpperCase();
}

/** IBAN: ISO 13616 mod-97 check over the rearranged, letter-expanded string. */
export function isValidIban(value: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(value)) return false;
  const rearranged = value.slice(4) + value.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const chunk = code >= 65 ? String(code - 55) : ch;
    for (const digit of chunk) remainder = (remainder * 10 + (digit.charCodeAt(0) - 48)) % 97;
  }
  return remainder === 1;
}

/** BIC (ISO 9362): 4 letters (bank), 2 letters (country), 2 alphanumerics (location), optional 3 (branch). */
export function isValidBic(value: string): boolean {
  return /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(value);
}

export function normalizeBic(value: string): string {
  return value.replace(/\s/g, '').toUpperCase();
}

/** Computes the Luhn check digit that completes `partial` (used by the demo data generator). */
export function luhnCheckDigit(partial: string): string {
  for (let digit = 0; digit <= 9; digit++) {
    if (luhnValid(partial + digit)) return String(digit);
  }
  throw new Error('unreachable: one Luhn digit always fits');
}

/** Computes the two IBAN check digits for a country code and BBAN. */
export function ibanCheckDigits(country: string, bban: string): string {
  const rearranged = `${bban}${country}00`;
  let remainder = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const chunk = code >= 65 ? String(code - 55) : ch;
    for (const digit of chunk) remainder = (remainder * 10 + (digit.charCodeAt(0) - 48)) % 97;
  }
  return String(98 - remainder).padStart(2, '0');
}

const EMAIL_RE = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

export function isValidEmail(value: string): boolean {
  return value.length <= 254 && EMAIL_RE.test(value);
}

/** Phone numbers are kept as typed but must contain 6 to 15 digits (E.164 allows 15) and only phone characters. */
export function isValidPhone(value: string): boolean {
  if (!/^[+\d\s().\-\u00a0]+$/.test(value)) return false;
  const digits = value.replace(/\D/g, '').length;
  return digits >= 6 && digits <= 15;
}

import {
  type FieldIssue,
  isValidBic,
  isValidEmail,
  isValidFrenchVatNumber,
  isValidIban,
  isValidPhone,
  isValidSiren,
  isValidSiret,
  issue,
  normalizeBic,
  normalizeDigits,
  normalizeIban,
  normalizeVatNumber,
} from '@amiable/domain';
import type { PostalAddress } from './records.js';

/** Trimmed text, or null when empty: forms send "" for an emptied field. */
export function cleanText(value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * The key of the "exact name" match used by imports: case, accents and runs of
 * spaces do not count ("SARL Lefèvre  " = "sarl lefevre"), word order and
 * punctuation do.
 */
export function nameKey(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

export function cleanAddress(address: Partial<PostalAddress> | undefined | null, defaultCountry: string | null): PostalAddress {
  return {
    line1: cleanText(address?.line1),
    line2: cleanText(address?.line2),
    postalCode: cleanText(address?.postalCode),
    city: cleanText(address?.city),
    country: cleanText(address?.country)?.toUpperCase() ?? defaultCountry,
  };
}

export interface IdentifierInput {
  readonly siren?: string | null | undefined;
  readonly siret?: string | null | undefined;
  readonly vatNumber?: string | null | undefined;
  readonly iban?: string | null | undefined;
  readonly bic?: string | null | undefined;
  readonly email?: string | null | undefined;
  readonly phone?: string | null | undefined;
}

export interface CleanIdentifiers {
  readonly siren: string | null;
  readonly siret: string | null;
  readonly vatNumber: string | null;
  readonly iban: string | null;
  readonly bic: string | null;
  readonly email: string | null;
  readonly phone: string | null;
}

/**
 * Normalises and checks the identifiers of a creditor, debtor or contact:
 * SIREN and SIRET by their Luhn key (the SIREN is taken from the SIRET when
 * only that is given), French VAT numbers by their key, IBAN by mod 97.
 */
export function cleanIdentifiers(input: IdentifierInput): { values: CleanIdentifiers; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const sirenText = cleanText(input.siren);
  const siretText = cleanText(input.siret);
  let siren = sirenText === null ? null : normalizeDigits(sirenText);
  const siret = siretText === null ? null : normalizeDigits(siretText);
  if (siren !== null && !isValidSiren(siren)) issues.push(issue('siren', 'invalid_siren', { value: sirenText ?? '' }));
  if (siret !== null) {
    if (!isValidSiret(siret)) issues.push(issue('siret', 'invalid_siret', { value: siretText ?? '' }));
    else if (siren === null) siren = siret.slice(0, 9);
    else if (!siret.startsWith(siren)) issues.push(issue('siret', 'siret_siren_mismatch', { value: siretText ?? '', siren }));
  }
  const vatText = cleanText(input.vatNumber);
  const vatNumber = vatText === null ? null : normalizeVatNumber(vatText);
  if (vatNumber !== null) {
    const valid = vatNumber.startsWith('FR') ? isValidFrenchVatNumber(vatNumber) : /^[A-Z]{2}[0-9A-Z]{2,13}$/.test(vatNumber);
    if (!valid) issues.push(issue('vatNumber', 'invalid_vat', { value: vatText ?? '' }));
  }
  const ibanText = cleanText(input.iban);
  const iban = ibanText === null ? null : normalizeIban(ibanText);
  if (iban !== null && !isValidIban(iban)) issues.push(issue('iban', 'invalid_iban', { value: ibanText ?? '' }));
  const bicText = cleanText(input.bic);
  const bic = bicText === null ? null : normalizeBic(bicText);
  if (bic !== null && !isValidBic(bic)) issues.push(issue('bic', 'invalid_bic', { value: bicText ?? '' }));
  const email = cleanText(input.email)?.toLowerCase() ?? null;
  if (email !== null && !isValidEmail(email)) issues.push(issue('email', 'invalid_email', { value: email }));
  const phone = cleanText(input.phone);
  if (phone !== null && !isValidPhone(phone)) issues.push(issue('phone', 'invalid_phone', { value: phone }));
  return { values: { siren, siret, vatNumber, iban, bic, email, phone }, issues };
}

export function cleanTags(tags: readonly string[] | undefined): string[] {
  const seen = new Set<string>();
  for (const tag of tags ?? []) {
    const cleaned = tag.trim().replace(/\s+/g, ' ').toLowerCase();
    if (cleaned) seen.add(cleaned);
  }
  return [...seen].sort();
}

/** Field-by-field differences, for the activity log ("due date: 2025-01-01 → 2025-02-01"). */
export function changes<T extends object>(before: T, after: T, fields: readonly (keyof T)[]): Record<string, [unknown, unknown]> {
  const result: Record<string, [unknown, unknown]> = {};
  for (const field of fields) {
    const a = before[field];
    const b = after[field];
    if (JSON.stringify(a) !== JSON.stringify(b)) result[String(field)] = [a ?? null, b ?? null];
  }
  return result;
}

/**
 * A file name safe to store and to send back in Content-Disposition: no path,
 * no control characters, at most 200 characters (ASVS 5.3.2, 5.4.1).
 */
export function safeFilename(name: string, fallback: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = [...base].map((ch) => ((ch.codePointAt(0) ?? 0) < 0x20 || ch === '\u007f' ? '_' : ch)).join('');
  return cleaned.slice(-200) || fallback;
}

/**
 * Identifiers and contact details that look real and pass the domain's
 * validators, but are built so they cannot reach a real person: phones come
 * from ARCEP's blocks reserved for fiction, e-mails from RFC 2606 domains,
 * bank accounts from a bank code no French bank uses.
 */
import { ibanCheckDigits, luhnCheckDigit } from '@amiable/domain';

/** SIREN from an 8-digit body: the 9th digit is the Luhn key INSEE uses. */
export function sirenFromBody(body: number): string {
  const partial = String(body).padStart(8, '0');
  return partial + luhnCheckDigit(partial);
}

/** SIRET = SIREN + NIC: a 4-digit establishment number and a Luhn key over all 14 digits. */
export function siretOf(siren: string, establishment: number): string {
  const partial = siren + String(establishment).padStart(4, '0');
  return partial + luhnCheckDigit(partial);
}

/** FR + key + SIREN, key = (12 + 3 × (SIREN mod 97)) mod 97. */
export function frenchVatNumberOf(siren: string): string {
  const key = (12 + 3 * (Number(siren) % 97)) % 97;
  return `FR${String(key).padStart(2, '0')}${siren}`;
}

/**
 * French IBAN from a RIB (bank 5 digits, branch 5, account 11 digits). The RIB
 * key is computed too, which is why every valid French IBAN starts "FR76".
 */
export function frenchIbanOf(bank: string, branch: string, account: string): string {
  const ribKey = 97 - ((89 * Number(bank) + 15 * Number(branch) + 3 * Number(account)) % 97);
  const bban = `${bank}${branch}${account}${String(ribKey).padStart(2, '0')}`;
  return `FR${ibanCheckDigits('FR', bban)}${bban}`;
}

/** "FR76 9900 …" in groups of four, as printed on letters and RIBs. */
export function formatIban(iban: string): string {
  return iban.replace(/(.{4})(?=.)/g, '$1 ');
}

/** "812 345 678", as on a Kbis extract and in RCS mentions. */
export function formatSiren(siren: string): string {
  return `${siren.slice(0, 3)} ${siren.slice(3, 6)} ${siren.slice(6, 9)}`;
}

/**
 * ARCEP reserves these 10,000-number blocks for fiction (films, books, demos):
 * they are never assigned, so the demo's "call this debtor" cannot ring anyone.
 * One block per geographic zone (01 Île-de-France … 05 south-west) and one mobile.
 */
export const FICTION_PHONE_BLOCKS = {
  '01': '01 99 00',
  '02': '02 61 91',
  '03': '03 53 01',
  '04': '04 65 71',
  '05': '05 36 49',
  '06': '06 39 98',
} as const;
export type PhoneZone = keyof typeof FICTION_PHONE_BLOCKS;

/** "04 65 71 12 34": a fiction number in `zone`, the last four digits from `n` (0–9999). */
export function fictionPhone(zone: PhoneZone, n: number): string {
  const last = String(n % 10_000).padStart(4, '0');
  return `${FICTION_PHONE_BLOCKS[zone]} ${last.slice(0, 2)} ${last.slice(2)}`;
}

/** RFC 2606 reserves these: mail to them never leaves the test network. */
export const EMAIL_DOMAINS = ['example.com', 'example.net', 'example.org'] as const;

/** "Lefèvre & Fils" → "Lefevre & Fils": e-mail addresses and bank labels are ASCII. */
export function asciiFold(text: string): string {
  return text
    .replace(/œ/g, 'oe')
    .replace(/Œ/g, 'OE')
    .replace(/æ/g, 'ae')
    .replace(/Æ/g, 'AE')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** "Boulangerie Lefèvre" → "boulangerie-lefevre". */
export function slugify(text: string): string {
  return asciiFold(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** "Hélène", "Le Gall" → "helene", "legall": the local part of an e-mail address. */
export function emailWord(text: string): string {
  return asciiFold(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/** "Transports Moreau & Fils" → "TRANSPORTS MOREAU FILS": how a bank statement label prints a name. */
export function bankLabel(text: string): string {
  return asciiFold(text)
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
}

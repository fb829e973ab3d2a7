/**
 * The debtor columns of a row: identifiers checked (SIREN and SIRET check
 * digits, SIRET within the SIREN, VAT key), contact details validated, kind
 * of debtor never guessed as "consumer".
 */
import { isValidEmail, isValidPhone, isValidSiren, isValidSiret, normalizeDigits, normalizeVatNumber } from '@amiable/domain';
import { DEBTOR_KIND_CHOICES, parseCountry, parseDebtorKind } from './choices.js';
import { memoize } from './memo.js';
import { type CellReader, F, isDigits, MAX_NAME_LENGTH, MAX_TEXT_LENGTH } from './row-fields.js';
import type { DebtorRecord, PostalAddress } from './types.js';
import { isValidVatNumber } from './vat.js';

const debtorKindOf = memoize(parseDebtorKind);
const countryOf = memoize(parseCountry);

export function readDebtor(row: CellReader): DebtorRecord {
  const sirenText = row.text(F.debtorSiren);
  let siren: string | null = null;
  if (sirenText !== '') {
    const digits = isDigits(sirenText) ? sirenText : normalizeDigits(sirenText);
    if (isValidSiren(digits)) siren = digits;
    else row.report(F.debtorSiren, 'invalid_siren', { value: sirenText });
  }
  const siretText = row.text(F.debtorSiret);
  let siret: string | null = null;
  if (siretText !== '') {
    const digits = normalizeDigits(siretText);
    if (!isValidSiret(digits)) row.report(F.debtorSiret, 'invalid_siret', { value: siretText });
    else if (siren !== null && digits.slice(0, 9) !== siren)
      row.report(F.debtorSiret, 'siret_siren_mismatch', { value: siretText, siren: sirenText });
    else siret = digits;
  }
  if (siren === null && siret !== null && sirenText === '' && isValidSiren(siret.slice(0, 9))) siren = siret.slice(0, 9);

  let name = row.text(F.debtorName, MAX_NAME_LENGTH);
  if (name === '') {
    // The ledger matches debtors by SIREN; the number stands in as a name the user can see and change.
    if (siren !== null) name = siren;
    else if (sirenText === '' && siretText === '') row.report(row.isMapped(F.debtorName) ? F.debtorName : F.debtorSiren, 'required');
  }

  const vatText = row.text(F.debtorVat);
  let vatNumber: string | null = null;
  if (vatText !== '') {
    const normalized = normalizeVatNumber(vatText);
    if (isValidVatNumber(normalized)) vatNumber = normalized;
    else row.report(F.debtorVat, 'invalid_vat', { value: vatText });
  }

  const email = row.text(F.debtorEmail, MAX_TEXT_LENGTH);
  if (email !== '' && !isValidEmail(email)) row.report(F.debtorEmail, 'invalid_email', { value: email });
  const phone = row.text(F.debtorPhone, MAX_TEXT_LENGTH);
  if (phone !== '' && !isPlainPhone(phone) && !isValidPhone(phone)) row.report(F.debtorPhone, 'invalid_phone', { value: phone });

  // Consumer protection rules differ: a debtor is a consumer only when the file says so.
  let kind: 'business' | 'consumer' = 'business';
  const kindText = row.text(F.debtorKind);
  if (kindText !== '') {
    const parsed = debtorKindOf(kindText);
    if (parsed) kind = parsed;
    else row.report(F.debtorKind, 'invalid_choice', { value: kindText, allowed: DEBTOR_KIND_CHOICES });
  }

  const address = readAddress(row);
  const accountCode = row.text(F.debtorAccountCode, MAX_TEXT_LENGTH);
  const contactName = row.text(F.contactName, MAX_NAME_LENGTH);
  return {
    kind,
    name,
    siren,
    siret,
    vatNumber,
    accountCode: accountCode || null,
    email: email || null,
    phone: phone || null,
    contactName: contactName || null,
    address,
  };
}

function readAddress(row: CellReader): PostalAddress | null {
  const line1 = row.text(F.debtorAddress1, MAX_TEXT_LENGTH);
  const line2 = row.text(F.debtorAddress2, MAX_TEXT_LENGTH);
  let postalCode = row.text(F.debtorPostalCode, MAX_TEXT_LENGTH);
  const city = row.text(F.debtorCity, MAX_TEXT_LENGTH);
  const countryText = row.text(F.debtorCountry);
  let country: string | null = null;
  if (countryText !== '') {
    country = countryOf(countryText);
    if (!country) row.report(F.debtorCountry, 'invalid_value', { value: countryText });
  }
  // Spreadsheets drop the leading zero of French postal codes (06000 → 6000).
  if (postalCode.length === 4 && isDigits(postalCode) && (country === null || country === 'FR')) postalCode = `0${postalCode}`;
  if (line1 === '' && line2 === '' && postalCode === '' && city === '' && country === null) return null;
  return { line1: line1 || null, line2: line2 || null, postalCode: postalCode || null, city: city || null, country };
}

/**
 * "04 65 71 99 31", "0465719931", "+33 4 65 71 99 31": digits, spaces, dots
 * and a leading +, with 6 to 15 digits. Every such number is valid for
 * isValidPhone too; this only spares the common case its regular expressions.
 */
function isPlainPhone(text: string): boolean {
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) digits++;
    else if (code !== 32 && code !== 46 && !(code === 43 && i === 0)) return false;
  }
  return digits >= 6 && digits <= 15;
}

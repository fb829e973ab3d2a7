import { isValidFrenchVatNumber } from '@amiable/domain';

// EU member states (Greece is EL in VIES), Northern Ireland (XI), and the
// neighbours French creditors invoice most: United Kingdom, Switzerland, Norway.
const EUROPEAN_VAT_RE = /^(?:AT|BE|BG|CY|CZ|DE|DK|EE|EL|ES|FI|HR|HU|IE|IT|LT|LU|LV|MT|NL|PL|PT|RO|SE|SI|SK|XI|GB|CHE|NO)[0-9A-Z+*]{2,13}$/;

/** A normalised VAT number (see normalizeVatNumber): French ones by their key, others by their shape only. */
export function isValidVatNumber(value: string): boolean {
  if (value.startsWith('FR')) return isValidFrenchVatNumber(value);
  return EUROPEAN_VAT_RE.test(value) && /\d/.test(value);
}

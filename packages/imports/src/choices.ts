/**
 * Cells that must be one of a few values: document type, kind of debtor,
 * country. Matching ignores case, accents and punctuation.
 */
import type { DocumentKind } from '@amiable/domain';
import { normalizeLabel } from './normalize-label.js';

const DOCUMENT_TYPES = new Map<string, DocumentKind>([
  ['facture', 'invoice'],
  ['invoice', 'invoice'],
  ['fa', 'invoice'],
  ['fac', 'invoice'],
  ['fact', 'invoice'],
  ['inv', 'invoice'],
  ['facture client', 'invoice'],
  ['avoir', 'credit-note'],
  ['avoir client', 'credit-note'],
  ['av', 'credit-note'],
  ['credit note', 'credit-note'],
  ['creditnote', 'credit-note'],
  ['cn', 'credit-note'],
  ['note credit', 'credit-note'],
  ['credit', 'credit-note'],
]);
export const DOCUMENT_TYPE_CHOICES = 'Facture, Avoir';

export function parseDocumentType(text: string): DocumentKind | null {
  return DOCUMENT_TYPES.get(normalizeLabel(text)) ?? null;
}

const DEBTOR_KINDS = new Map<string, 'business' | 'consumer'>([
  ['professionnel', 'business'],
  ['pro', 'business'],
  ['entreprise', 'business'],
  ['societe', 'business'],
  ['b2b', 'business'],
  ['business', 'business'],
  ['company', 'business'],
  ['personne morale', 'business'],
  ['particulier', 'consumer'],
  ['consommateur', 'consumer'],
  ['b2c', 'consumer'],
  ['consumer', 'consumer'],
  ['individual', 'consumer'],
  ['personne physique', 'consumer'],
]);
export const DEBTOR_KIND_CHOICES = 'Professionnel, Particulier';

export function parseDebtorKind(text: string): 'business' | 'consumer' | null {
  return DEBTOR_KINDS.get(normalizeLabel(text)) ?? null;
}

interface CountryTables {
  readonly codes: ReadonlySet<string>;
  readonly names: ReadonlyMap<string, string>;
}
let countryTables: CountryTables | null = null;
// Region codes ICU names that are not current countries (unions, pseudo-regions, withdrawn codes such as FX for "France métropolitaine").
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ', 'FX', 'UK', 'SU', 'DD', 'YU', 'CS', 'ZR', 'TP', 'BU', 'AN', 'NT']);

/** Country codes, and names in French and English from ICU, built once: "France", "Allemagne", "Germany", "Royaume-Uni" … */
function countries(): CountryTables {
  if (countryTables) return countryTables;
  const codes = new Set<string>();
  const names = new Map<string, string>();
  const displays = [new Intl.DisplayNames(['fr'], { type: 'region' }), new Intl.DisplayNames(['en'], { type: 'region' })];
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (NOT_COUNTRIES.has(code)) continue;
      for (const display of displays) {
        const name = display.of(code);
        if (!name || name === code) continue;
        codes.add(code);
        const key = normalizeLabel(name);
        if (!names.has(key)) names.set(key, code);
      }
    }
  }
  for (const [alias, code] of [
    ['fra', 'FR'],
    ['uk', 'GB'],
    ['angleterre', 'GB'],
    ['england', 'GB'],
    ['usa', 'US'],
    ['etats unis', 'US'],
    ['hollande', 'NL'],
  ] as const) {
    names.set(alias, code);
  }
  countryTables = { codes, names };
  return countryTables;
}

/** ISO 3166-1 alpha-2 code from a code or a French or English name; null when unknown. */
export function parseCountry(text: string): string | null {
  const { codes, names } = countries();
  const trimmed = text.trim();
  const upper = trimmed.toUpperCase();
  if (codes.has(upper)) return upper;
  return names.get(normalizeLabel(trimmed)) ?? null;
}

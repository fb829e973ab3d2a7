/**
 * Column-mapping helpers for the import preview. The API decides which fields
 * are missing (ImportPreview.missingFields); the list below only marks with an
 * asterisk the fields no invoice row can do without, so the user sees them
 * before the first re-check. Amount fields are not listed: a file may give
 * "montant TTC" or "débit/crédit", and the API says which one is lacking.
 */
import type { ColumnMapping } from '../../api/types';
import { fr } from '../../i18n/fr';

export type KnownField = keyof typeof fr.import.mapping.fields;

/** Fields with a translated label; a field the API adds later is shown by its name. */
export function isKnownField(field: string): field is KnownField {
  return Object.hasOwn(fr.import.mapping.fields, field);
}

export const ALWAYS_REQUIRED_FIELDS: readonly string[] = ['invoiceNumber', 'issueDate', 'debtorName'];

/** Sets (column index) or clears (null) the column of a field, leaving the other fields alone. */
export function setMappedColumn(mapping: ColumnMapping, field: string, column: number | null): ColumnMapping {
  const next: ColumnMapping = { ...mapping };
  if (column === null) delete next[field];
  else next[field] = column;
  return next;
}

export function sameMapping(a: ColumnMapping, b: ColumnMapping): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if (a[key] !== b[key]) return false;
  return true;
}

/** Required: always-required fields plus any the API reported missing. */
export function requiredFields(reportedMissing: Iterable<string>): Set<string> {
  return new Set([...ALWAYS_REQUIRED_FIELDS, ...reportedMissing]);
}

/** Flagged: required fields that have no column in the mapping being edited. */
export function unmappedRequired(required: ReadonlySet<string>, mapping: ColumnMapping, mappable: readonly string[]): string[] {
  return mappable.filter((field) => required.has(field) && mapping[field] === undefined);
}

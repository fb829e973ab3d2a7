/** Row ↔ record conversions shared by the ledger repositories. */
import type { PostalAddress } from '@amiable/ledger';

export interface AddressColumns {
  address_line1: string | null;
  address_line2: string | null;
  postal_code: string | null;
  city: string | null;
  country: string | null;
}

export function addressOf(row: AddressColumns): PostalAddress {
  return { line1: row.address_line1, line2: row.address_line2, postalCode: row.postal_code, city: row.city, country: row.country };
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint?: string };
  return e?.code === '23505' && (constraint === undefined || e.constraint === constraint);
}
